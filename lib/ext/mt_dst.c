/*
 * -m dst (ip6tables): the IPv6 destination options header, the ip6t_opts compat
 * blob (rev 0) shared with -m hbh (lib/ext/ip6opts.c).
 */
#include <stddef.h>
#include <linux/netfilter_ipv6/ip6t_opts.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include "ip6opts.h"

enum { O_LEN, O_OPTS };

static const struct xtn_optdef dst_opts[] = {
	{ .name = "dst-len", .id = O_LEN, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct ip6t_opts, hdrlen) },
	{ .name = "dst-opts", .id = O_OPTS, .has_arg = 1 },
	{ 0 },
};

static int dst_parse(struct xtn_parse *p, void *data)
{
	struct ip6t_opts *o = data;

	if (p->opt->id == O_OPTS)
		return xtn_ip6opts_parse(p, o, "dst", "PAD0 hasn't got length");
	o->flags |= IP6T_OPTS_LEN;
	if (p->invert)
		o->invflags |= IP6T_OPTS_INV_LEN;
	return 0;
}

static void dst_list(const struct xtn_out *o, const void *data)
{
	xtn_ip6opts_list(o, data, "dst");
}

static void dst_save(const struct xtn_out *o, const void *data)
{
	xtn_ip6opts_save(o, data, "dst");
}

const struct xtn_ext xtn_mt_dst = {
	.name = "dst",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_opts),
	.opts = dst_opts,
	.help =
"dst match options:\n"
"[!] --dst-len length            total length of this header\n"
"  --dst-opts TYPE[:LEN][,TYPE[:LEN]...]\n"
"                                Options and its length (list, max: 16)\n",
	.parse = dst_parse,
	.save = dst_save,
	.list = dst_list,
	.xt = { .name = "dst", .revision = 0,
		.size = sizeof(struct ip6t_opts) },
};
