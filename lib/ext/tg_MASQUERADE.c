/*
 * -j MASQUERADE [--to-ports port[-port]] [--random] [--random-fully]:
 * SNAT to the address of the outgoing interface.  Revision 0 in both
 * families, with the ip struct nf_nat_ipv4_multi_range_compat and the
 * ip6 struct nf_nat_range.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_nat.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "nat_range.h"

static const struct xtn_optdef masq_opts[] = {
	{ .name = "to-ports", .id = XTN_NAT_O_TO_PORTS, .has_arg = XTN_REQ_ARG },
	{ .name = "random", .id = XTN_NAT_O_RANDOM, .type = XTN_AT_NONE },
	{ .name = "random-fully", .id = XTN_NAT_O_RANDOM_FULLY,
	  .type = XTN_AT_NONE },
	{ 0 },
};

static const char masq_help[] =
"MASQUERADE target options:\n"
" --to-ports <port>[-<port>]\n"
"\t\t\t\tPort (range) to map to.\n"
" --random\n"
"\t\t\t\tRandomize source port.\n"
" --random-fully\n"
"\t\t\t\tFully randomize source port.\n";

/* 1.8.9 takes "lo-hi/base" but keeps only the flag (its own listing
 * then says "/0"): refused. */
static int masq_refuse_shift(struct xtn_parse *p, unsigned int flags)
{
	if (!xtn_nat_shifted(flags))
		return 0;
	return xtn_parse_fail(p, XTN_PARAM,
			      "Shifted portmap ranges are supported by DNAT only");
}

static int masq4_final(struct xtn_parse *p, void *data)
{
	const struct nf_nat_ipv4_multi_range_compat *m = data;

	return masq_refuse_shift(p, m->range[0].flags);
}

static void masq4_list(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_mrc(o, data, "masq ports: ", "", true);
}

static void masq4_save(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_mrc(o, data, "--to-ports ", "--", true);
}

const struct xtn_ext xtn_tg_MASQUERADE = {
	.name = "MASQUERADE",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct nf_nat_ipv4_multi_range_compat),
	.opts = masq_opts,
	.help = masq_help,
	.init = xtn_nat_init_mrc,
	.parse = xtn_nat_parse_mrc,
	.final = masq4_final,
	.save = masq4_save,
	.list = masq4_list,
	.xt = { .name = "MASQUERADE", .revision = 0,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat) },
};

static int masq6_final(struct xtn_parse *p, void *data)
{
	const struct nf_nat_range *v1 = data;

	return masq_refuse_shift(p, v1->flags);
}

static void masq6_list(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_v1(o, data, "masq ports: ", "", true);
}

static void masq6_save(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_v1(o, data, "--to-ports ", "--", true);
}

const struct xtn_ext xtn_tg_MASQUERADE6 = {
	.name = "MASQUERADE",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct nf_nat_range),
	.opts = masq_opts,
	.help = masq_help,
	.parse = xtn_nat_parse_v1,
	.final = masq6_final,
	.save = masq6_save,
	.list = masq6_list,
	.xt = { .name = "MASQUERADE", .revision = 0,
		.size = sizeof(struct nf_nat_range) },
};
