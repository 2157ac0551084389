/*
 * -j SNAT --to-source [addr[-addr]][:port[-port]] [--random]
 * [--random-fully] [--persistent]: 1.8.9 writes revision 0
 * (nf_nat_ipv4_multi_range_compat) in ip tables and revision 1
 * (nf_nat_range) in ip6 tables; other revisions are read too.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_nat.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "nat_range.h"

static const struct xtn_optdef snat_opts[] = {
	{ .name = "to-source", .id = XTN_NAT_O_TO, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_MAND },
	{ .name = "random", .id = XTN_NAT_O_RANDOM, .type = XTN_AT_NONE },
	{ .name = "random-fully", .id = XTN_NAT_O_RANDOM_FULLY,
	  .type = XTN_AT_NONE },
	{ .name = "persistent", .id = XTN_NAT_O_PERSISTENT, .type = XTN_AT_NONE },
	{ 0 },
};

static const char snat_help[] =
"SNAT target options:\n"
" --to-source [<ipaddr>[-<ipaddr>]][:port[-port]]\n"
"\t\t\t\tAddress to map source to.\n"
"[--random] [--random-fully] [--persistent]\n";

/* 1.8.9 takes "lo-hi/base" here too but keeps only the flag (its own
 * listing then says "/0"): refused. */
static int snat_refuse_shift(struct xtn_parse *p, unsigned int flags)
{
	if (!xtn_nat_shifted(flags))
		return 0;
	return xtn_parse_fail(p, XTN_PARAM,
			      "Shifted portmap ranges are supported by DNAT only");
}

/* ip: nf_nat_ipv4_multi_range_compat */

static void snat4_list(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_mrc(o, data, "to:", "", false);
}

static void snat4_save(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_mrc(o, data, "--to-source ", "--", false);
}

static int snat4_final(struct xtn_parse *p, void *data)
{
	const struct nf_nat_ipv4_multi_range_compat *m = data;

	return snat_refuse_shift(p, m->range[0].flags);
}

/* Revisions 1 (nf_nat_range) and 2 (nf_nat_range2) hold what revision
 * 0 holds, unless a base port is set, which it cannot. */
static int snat4_decode_range(struct xtn_dec *d, void *data, const void *info,
			      size_t len)
{
	struct nf_nat_range2 r;

	(void)d;
	memset(&r, 0, sizeof(r));
	memcpy(&r, info, len < sizeof(r) ? len : sizeof(r));
	if (xtn_nat_shifted(r.flags))
		return -1;
	xtn_nat_to_mrc(data, &r);
	return 0;
}

static const struct xtn_xt_rev snat4_revs[] = {
	{ .revision = 1, .size = sizeof(struct nf_nat_range),
	  .decode = snat4_decode_range },
	{ .revision = 2, .size = sizeof(struct nf_nat_range2),
	  .decode = snat4_decode_range },
	{ 0 },
};

const struct xtn_ext xtn_tg_SNAT = {
	.name = "SNAT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct nf_nat_ipv4_multi_range_compat),
	.opts = snat_opts,
	.help = snat_help,
	.init = xtn_nat_init_mrc,
	.parse = xtn_nat_parse_mrc,
	.final = snat4_final,
	.save = snat4_save,
	.list = snat4_list,
	.xt = { .name = "SNAT", .revision = 0,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat) },
	.xt_read = snat4_revs,
};

/* ip6: nf_nat_range */

static void snat6_list(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_v1(o, data, "to:", "", false);
}

static void snat6_save(const struct xtn_out *o, const void *data)
{
	xtn_nat_put_v1(o, data, "--to-source ", "--", false);
}

static int snat6_final(struct xtn_parse *p, void *data)
{
	const struct nf_nat_range *v1 = data;

	return snat_refuse_shift(p, v1->flags);
}

static int snat6_decode_range2(struct xtn_dec *d, void *data, const void *info,
			       size_t len)
{
	struct nf_nat_range2 r;

	(void)d;
	(void)len;	/* checked against the revision's size */
	memcpy(&r, info, sizeof(r));
	if (xtn_nat_shifted(r.flags))
		return -1;
	xtn_nat_to_v1(data, &r);
	return 0;
}

static const struct xtn_xt_rev snat6_revs[] = {
	{ .revision = 2, .size = sizeof(struct nf_nat_range2),
	  .decode = snat6_decode_range2 },
	{ 0 },
};

const struct xtn_ext xtn_tg_SNAT6 = {
	.name = "SNAT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct nf_nat_range),
	.opts = snat_opts,
	.help = snat_help,
	.parse = xtn_nat_parse_v1,
	.final = snat6_final,
	.save = snat6_save,
	.list = snat6_list,
	.xt = { .name = "SNAT", .revision = 1,
		.size = sizeof(struct nf_nat_range) },
	.xt_read = snat6_revs,
};
