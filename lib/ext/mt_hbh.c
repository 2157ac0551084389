/*
 * -m hbh (ip6tables): the IPv6 hop-by-hop options header, the ip6t_opts compat
 * blob (rev 0) shared with -m dst (lib/ext/ip6opts.c).
 */
#include <stddef.h>
#include <linux/netfilter_ipv6/ip6t_opts.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include "ip6opts.h"

enum { O_LEN, O_OPTS };

static const struct xtn_optdef hbh_opts[] = {
	{ .name = "hbh-len", .id = O_LEN, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct ip6t_opts, hdrlen) },
	{ .name = "hbh-opts", .id = O_OPTS, .has_arg = 1 },
	{ 0 },
};

static int hbh_parse(struct xtn_parse *p, void *data)
{
	struct ip6t_opts *o = data;

	if (p->opt->id == O_OPTS)
		return xtn_ip6opts_parse(p, o, "hbh", "PAD0 has not got length");
	o->flags |= IP6T_OPTS_LEN;
	if (p->invert)
		o->invflags |= IP6T_OPTS_INV_LEN;
	return 0;
}

static void hbh_list(const struct xtn_out *o, const void *data)
{
	xtn_ip6opts_list(o, data, "hbh");
}

static void hbh_save(const struct xtn_out *o, const void *data)
{
	xtn_ip6opts_save(o, data, "hbh");
}

const struct xtn_ext xtn_mt_hbh = {
	.name = "hbh",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_opts),
	.opts = hbh_opts,
	.help =
"hbh match options:\n"
"[!] --hbh-len length            total length of this header\n"
"  --hbh-opts TYPE[:LEN][,TYPE[:LEN]...] \n"
"                                Options and its length (list, max: 16)\n",
	.parse = hbh_parse,
	.save = hbh_save,
	.list = hbh_list,
	.xt = { .name = "hbh", .revision = 0,
		.size = sizeof(struct ip6t_opts) },
};
