/* -m icmp6 --icmpv6-type: the ip6t_icmp compat blob. */
#include <netinet/in.h>
#include <linux/netfilter_ipv6/ip6_tables.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "icmp_names.h"

enum { O_TYPE };

static const struct xtn_optdef icmp6_opts[] = {
	{ .name = "icmpv6-type", .id = O_TYPE, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_MAND },
	{ 0 },
};

static void icmp6_help(struct xtn_strbuf *out)
{
	xtn_icmp_help(out, &xtn_icmpv6_names);
}

static void icmp6_init(void *data, const struct xtn_family *fam)
{
	struct ip6t_icmp *i = data;

	(void)fam;
	i->code[1] = 0xFF;
}

static int icmp6_parse(struct xtn_parse *p, void *data)
{
	struct ip6t_icmp *i = data;

	if (xtn_icmp_parse(p, &xtn_icmpv6_names, p->arg, &i->type, i->code) < 0)
		return -1;
	if (p->invert)
		i->invflags |= IP6T_ICMP_INV;
	return 0;
}

static void icmp6_list(const struct xtn_out *o, const void *data)
{
	const struct ip6t_icmp *i = data;

	xtn_out_puts(o, " ipv6-icmp");
	xtn_icmp_list_type(o, &xtn_icmpv6_names, i->type, i->code[0], i->code[1],
			   i->invflags & IP6T_ICMP_INV);
	if (i->invflags & ~IP6T_ICMP_INV)
		xtn_out_printf(o, " Unknown invflags: 0x%X",
			       i->invflags & ~IP6T_ICMP_INV);
}

static void icmp6_save(const struct xtn_out *o, const void *data)
{
	const struct ip6t_icmp *i = data;

	if (i->invflags & IP6T_ICMP_INV)
		xtn_out_puts(o, " !");
	xtn_out_printf(o, " --icmpv6-type %u", i->type);
	if (i->code[0] != 0 || i->code[1] != 0xFF)
		xtn_out_printf(o, "/%u", i->code[0]);
}

const struct xtn_ext xtn_mt_icmp6 = {
	.name = "icmp6",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_icmp),
	.opts = icmp6_opts,
	.help =
"icmpv6 match options:\n"
"[!] --icmpv6-type typename	match icmpv6 type\n"
"				(or numeric type or type/code)\n",
	.help_more = icmp6_help,
	.init = icmp6_init,
	.parse = icmp6_parse,
	.save = icmp6_save,
	.list = icmp6_list,
	.xt = { .name = "icmp6", .revision = 0, .size = sizeof(struct ip6t_icmp) },
};
