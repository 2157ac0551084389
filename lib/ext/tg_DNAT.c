/*
 * -j DNAT --to-destination [addr[-addr]][:port[-port[/base]]] [--random]
 * [--persistent]: 1.8.9 writes revision 2 (nf_nat_range2) in ip and ip6
 * tables; revisions 0 (ip only) and 1, written by older iptables or for
 * older kernels, are read too.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_nat.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "nat_range.h"

static const struct xtn_optdef dnat_opts[] = {
	{ .name = "to-destination", .id = XTN_NAT_O_TO,
	  .has_arg = XTN_REQ_ARG, .flags = XTN_OF_MAND },
	{ .name = "random", .id = XTN_NAT_O_RANDOM, .type = XTN_AT_NONE },
	{ .name = "persistent", .id = XTN_NAT_O_PERSISTENT, .type = XTN_AT_NONE },
	{ 0 },
};

static int dnat_parse(struct xtn_parse *p, void *data)
{
	return xtn_nat_parse(p, data, true);
}

/* Revision 0: nf_nat_ipv4_multi_range_compat, ip tables only. */
static int dnat_decode_rev0(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	(void)len;	/* checked against the revision's size */
	if (xtn_dec_rule(d)->fam->af != AF_INET)
		return -1;
	xtn_nat_from_mrc(data, info);
	return 0;
}

/* Revision 1: nf_nat_range, the same fields without a base port. */
static int dnat_decode_rev1(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	(void)d;
	(void)len;
	xtn_nat_from_v1(data, info);
	return 0;
}

static const struct xtn_xt_rev dnat_revs[] = {
	{ .revision = 0, .size = sizeof(struct nf_nat_ipv4_multi_range_compat),
	  .decode = dnat_decode_rev0 },
	{ .revision = 1, .size = sizeof(struct nf_nat_range),
	  .decode = dnat_decode_rev1 },
	{ 0 },
};

static void dnat_list(const struct xtn_out *o, const void *data)
{
	xtn_nat_put(o, data, "to:", "", false);
}

static void dnat_save(const struct xtn_out *o, const void *data)
{
	xtn_nat_put(o, data, "--to-destination ", "--", false);
}

const struct xtn_ext xtn_tg_DNAT = {
	.name = "DNAT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct nf_nat_range2),
	.opts = dnat_opts,
	.help =
"DNAT target options:\n"
" --to-destination [<ipaddr>[-<ipaddr>]][:port[-port[/port]]]\n"
"\t\t\t\tAddress to map destination to.\n"
"[--random] [--persistent]\n",
	.parse = dnat_parse,
	.save = dnat_save,
	.list = dnat_list,
	.xt = { .name = "DNAT", .revision = 2,
		.size = sizeof(struct nf_nat_range2) },
	.xt_read = dnat_revs,
};
