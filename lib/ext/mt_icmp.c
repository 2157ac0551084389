/* -m icmp --icmp-type: always the ipt_icmp compat blob, as iptables-nft writes it. */
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "icmp_names.h"

enum { O_TYPE };

static const struct xtn_optdef icmp_opts[] = {
	{ .name = "icmp-type", .id = O_TYPE, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_MAND },
	{ 0 },
};

static void icmp_help(struct xtn_strbuf *out)
{
	xtn_icmp_help(out, &xtn_icmp_names);
}

static void icmp_init(void *data, const struct xtn_family *fam)
{
	struct ipt_icmp *i = data;

	(void)fam;
	i->type = 0xFF;
	i->code[1] = 0xFF;
}

static int icmp_parse(struct xtn_parse *p, void *data)
{
	struct ipt_icmp *i = data;

	if (xtn_icmp_parse(p, &xtn_icmp_names, p->arg, &i->type, i->code) < 0)
		return -1;
	if (p->invert)
		i->invflags |= IPT_ICMP_INV;
	return 0;
}

static void icmp_list(const struct xtn_out *o, const void *data)
{
	const struct ipt_icmp *i = data;

	xtn_out_puts(o, " icmp");
	xtn_icmp_list_type(o, &xtn_icmp_names, i->type, i->code[0], i->code[1],
			   i->invflags & IPT_ICMP_INV);
	if (i->invflags & ~IPT_ICMP_INV)
		xtn_out_printf(o, " Unknown invflags: 0x%X",
			       i->invflags & ~IPT_ICMP_INV);
}

static void icmp_save(const struct xtn_out *o, const void *data)
{
	const struct ipt_icmp *i = data;

	if (i->invflags & IPT_ICMP_INV)
		xtn_out_puts(o, " !");
	if (i->type == 0xFF) {
		xtn_out_puts(o, " --icmp-type any");
		return;
	}
	xtn_out_printf(o, " --icmp-type %u", i->type);
	if (i->code[0] != 0 || i->code[1] != 0xFF)
		xtn_out_printf(o, "/%u", i->code[0]);
}

const struct xtn_ext xtn_mt_icmp = {
	.name = "icmp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct ipt_icmp),
	.opts = icmp_opts,
	.help =
"icmp match options:\n"
"[!] --icmp-type typename	match icmp type\n"
"[!] --icmp-type type[/code]	(or numeric type or type/code)\n",
	.help_more = icmp_help,
	.init = icmp_init,
	.parse = icmp_parse,
	.save = icmp_save,
	.list = icmp_list,
	.xt = { .name = "icmp", .revision = 0, .size = sizeof(struct ipt_icmp) },
};
