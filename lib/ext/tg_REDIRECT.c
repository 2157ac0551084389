/*
 * -j REDIRECT [--to-ports port[-port]] [--random]: DNAT to the local
 * machine.  Revision 0 in both families, with the ip struct
 * nf_nat_ipv4_multi_range_compat and the ip6 struct nf_nat_range.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_nat.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "nat_range.h"

static const struct xtn_optdef redir_opts[] = {
	{ .name = "to-ports", .id = XTN_NAT_O_TO_PORTS, .has_arg = XTN_REQ_ARG },
	{ .name = "random", .id = XTN_NAT_O_RANDOM, .type = XTN_AT_NONE },
	{ 0 },
};

static const char redir_help[] =
"REDIRECT target options:\n"
" --to-ports <port>[-<port>]\n"
"\t\t\t\tPort (range) to map to.\n"
" [--random]\n";

/* 1.8.9's check after all options, in its words. */
static int redir_refuse_shift(struct xtn_parse *p, unsigned int flags)
{
	if (!xtn_nat_shifted(flags))
		return 0;
	return xtn_parse_fail(p, XTN_PARAM,
			      "Shifted portmap ranges not supported with this kernel");
}

static int redir4_final(struct xtn_parse *p, void *data)
{
	const struct nf_nat_ipv4_multi_range_compat *m = data;

	return redir_refuse_shift(p, m->range[0].flags);
}

static void redir4_list(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_mrc(o, data, "redir ports ", "", true);
}

static void redir4_save(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_mrc(o, data, "--to-ports ", "--", true);
}

const struct xtn_ext xtn_tg_REDIRECT = {
	.name = "REDIRECT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct nf_nat_ipv4_multi_range_compat),
	.opts = redir_opts,
	.help = redir_help,
	.init = xtn_nat_init_mrc,
	.parse = xtn_nat_parse_mrc,
	.final = redir4_final,
	.save = redir4_save,
	.list = redir4_list,
	.xt = { .name = "REDIRECT", .revision = 0,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat) },
};

static int redir6_final(struct xtn_parse *p, void *data)
{
	const struct nf_nat_range *v1 = data;

	return redir_refuse_shift(p, v1->flags);
}

static void redir6_list(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_v1(o, data, "redir ports ", "", true);
}

static void redir6_save(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_v1(o, data, "--to-ports ", "--", true);
}

const struct xtn_ext xtn_tg_REDIRECT6 = {
	.name = "REDIRECT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct nf_nat_range),
	.opts = redir_opts,
	.help = redir_help,
	.parse = xtn_nat_parse_v1,
	.final = redir6_final,
	.save = redir6_save,
	.list = redir6_list,
	.xt = { .name = "REDIRECT", .revision = 0,
		.size = sizeof(struct nf_nat_range) },
};
