/*
 * -j NETMAP --to addr[/mask]: maps a whole network onto another one,
 * keeping the host part.  Revision 0 in both families: the ip struct
 * nf_nat_ipv4_multi_range_compat, the ip6 struct nf_nat_range, each
 * holding the network as the range [addr, addr | ~mask].
 */
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_nat.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "nat_range.h"

enum { O_TO };

static const struct xtn_optdef netmap_opts[] = {
	{ .name = "to", .id = O_TO, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_MAND, .type = XTN_AT_HOSTMASK },
	{ 0 },
};

static const char netmap_help[] =
"NETMAP target options:\n"
"  --to address[/mask]\n"
"\t\t\t\tNetwork address to map to.\n"
"\n";

/*
 * The network as lib/opt parsed it, into r.  1.8.9 takes a mask with
 * holes (255.0.255.0) as a host mask: refused, in its words for a bad
 * mask.
 */
static int netmap_range(struct xtn_parse *p, struct nf_nat_range2 *r)
{
	const union xtn_inaddr *mask = (const void *)p->val.inet[1].b;
	size_t alen = p->fam->addr_len, i;

	if (xtn_mask_to_cidr(mask, alen) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: bad value for option \"--%s\", neither a valid network mask nor valid CIDR (0-%zu).\n",
				      p->ext_name, p->opt->name, alen * 8);
	memset(r, 0, sizeof(*r));
	r->flags = NF_NAT_RANGE_MAP_IPS;
	/* lib/opt keeps the address as given (1.8.9's hostmask): the
	 * network is its masked part */
	for (i = 0; i < alen; i++) {
		uint8_t net = p->val.inet[0].b[i] & mask->b[i];

		((uint8_t *)&r->min_addr)[i] = net;
		((uint8_t *)&r->max_addr)[i] = net | (uint8_t)~mask->b[i];
	}
	return 0;
}

static int netmap4_parse(struct xtn_parse *p, void *data)
{
	struct nf_nat_range2 r;

	if (netmap_range(p, &r) < 0)
		return -1;
	xtn_nat_to_mrc(data, &r);
	return 0;
}

static int netmap6_parse(struct xtn_parse *p, void *data)
{
	struct nf_nat_range2 r;

	if (netmap_range(p, &r) < 0)
		return -1;
	xtn_nat_to_v1(data, &r);
	return 0;
}

/* "addr/bits", or "addr/mask" when min and max do not span a prefix. */
static void netmap_put(const struct xtn_out *o, const char *pfx,
		       const struct nf_nat_range2 *r)
{
	size_t alen = o->fam->addr_len, i;
	union xtn_inaddr mask;
	char a[INET6_ADDRSTRLEN];
	int bits;

	memset(&mask, 0, sizeof(mask));
	for (i = 0; i < alen; i++)
		mask.b[i] = (uint8_t)~(((const uint8_t *)&r->min_addr)[i] ^
				       ((const uint8_t *)&r->max_addr)[i]);
	inet_ntop(o->fam->af, &r->min_addr, a, sizeof(a));
	xtn_out_printf(o, " %s%s", pfx, a);
	bits = xtn_mask_to_cidr(&mask, alen);
	if (bits >= 0) {
		xtn_out_printf(o, "/%d", bits);
		return;
	}
	inet_ntop(o->fam->af, &mask, a, sizeof(a));
	xtn_out_printf(o, "/%s", a);
}

static void netmap4_list(const struct xtn_out *o, const void *data)
{
	struct nf_nat_range2 r;

	xtn_nat_from_mrc(&r, data);
	netmap_put(o, "to:", &r);
}

static void netmap4_save(const struct xtn_out *o, const void *data)
{
	struct nf_nat_range2 r;

	xtn_nat_from_mrc(&r, data);
	netmap_put(o, "--to ", &r);
}

const struct xtn_ext xtn_tg_NETMAP = {
	.name = "NETMAP",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct nf_nat_ipv4_multi_range_compat),
	.opts = netmap_opts,
	.help = netmap_help,
	.init = xtn_nat_init_mrc,
	.parse = netmap4_parse,
	.save = netmap4_save,
	.list = netmap4_list,
	.xt = { .name = "NETMAP", .revision = 0,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat) },
};

static void netmap6_list(const struct xtn_out *o, const void *data)
{
	struct nf_nat_range2 r;

	xtn_nat_from_v1(&r, data);
	netmap_put(o, "to:", &r);
}

static void netmap6_save(const struct xtn_out *o, const void *data)
{
	struct nf_nat_range2 r;

	xtn_nat_from_v1(&r, data);
	netmap_put(o, "--to ", &r);
}

const struct xtn_ext xtn_tg_NETMAP6 = {
	.name = "NETMAP",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct nf_nat_range),
	.opts = netmap_opts,
	.help = netmap_help,
	.parse = netmap6_parse,
	.save = netmap6_save,
	.list = netmap6_list,
	.xt = { .name = "NETMAP", .revision = 0,
		.size = sizeof(struct nf_nat_range) },
};
