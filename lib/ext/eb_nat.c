/*
 * ebtables -j snat --to-source MAC [--snat-target VERDICT] [--snat-arp]
 * and -j dnat --to-destination MAC [--dnat-target VERDICT]: the "snat"
 * and "dnat" compat targets (rev 0, ebt_nat_info: the MAC and a verdict
 * int).  snat keeps NAT_ARP_BIT above the verdict bits, inverted: set
 * unless --snat-arp asks to rewrite ARP payloads too.  The kernel takes
 * snat in nat POSTROUTING, dnat in nat PREROUTING and OUTPUT and broute.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebtables.h>
#include <linux/netfilter_bridge/ebt_nat.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "eb_misc.h"

/* --to-src and --to-dst are other names of the same options */
enum { O_TO, O_TARGET, O_ARP };

static const struct xtn_optdef snat_opts[] = {
	{ .name = "to-source", .id = O_TO, .has_arg = 1 },
	{ .name = "to-src", .id = O_TO, .has_arg = 1 },
	{ .name = "snat-target", .id = O_TARGET, .has_arg = 1 },
	{ .name = "snat-arp", .id = O_ARP },
	{ 0 },
};

static const struct xtn_optdef dnat_opts[] = {
	{ .name = "to-destination", .id = O_TO, .has_arg = 1 },
	{ .name = "to-dst", .id = O_TO, .has_arg = 1 },
	{ .name = "dnat-target", .id = O_TARGET, .has_arg = 1 },
	{ 0 },
};

static void nat_init(void *data, const struct xtn_family *fam)
{
	struct ebt_nat_info *n = data;

	(void)fam;
	n->target = EBT_ACCEPT;
}

/* ether_aton's MAC with nothing after it (1.8.9 takes
 * "00:11:22:33:44:55:66" as ...:55); a `!` (1.8.9 drops it) is refused.
 * Messages name the long form of the option, as 1.8.9's do. */
static int parse_to(struct xtn_parse *p, struct ebt_nat_info *n)
{
	if (xtn_eb_once(p) < 0 || xtn_eb_no_invert(p) < 0)
		return -1;
	if (xtn_eb_parse_ether(p->arg, n->mac) < 0)
		return xtn_parse_fail(p, XTN_PARAM, "Problem with specified --%s mac",
				      xtn_ext_opt_by_id(p->inst->ext, O_TO)->name);
	return 0;
}

static int snat_parse(struct xtn_parse *p, void *data)
{
	struct ebt_nat_info *n = data;

	switch (p->opt->id) {
	case O_TO:
		return parse_to(p, n);
	case O_TARGET:
		return xtn_eb_parse_target(p, &n->target, 1);
	default:
		if (xtn_eb_once(p) < 0 || xtn_eb_no_invert(p) < 0)
			return -1;
		n->target ^= NAT_ARP_BIT;
		return 0;
	}
}

static int dnat_parse(struct xtn_parse *p, void *data)
{
	struct ebt_nat_info *n = data;

	if (p->opt->id == O_TO)
		return parse_to(p, n);
	return xtn_eb_parse_target(p, &n->target, 0);
}

/* 1.8.9 wants some option; without the address it rewrites to
 * 00:00:00:00:00:00, refused in legacy ebtables' words. */
static int nat_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM, "You must specify proper arguments");
	if (!(p->inst->seen & (1u << O_TO)))
		return xtn_parse_fail(p, XTN_PARAM, "No %s address supplied",
				      p->ext_name);
	return 0;
}

static void snat_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_nat_info *n = data;

	xtn_out_puts(o, " --to-src");
	xtn_eb_put_ether(o, n->mac);
	if (!(n->target & NAT_ARP_BIT))
		xtn_out_puts(o, " --snat-arp");
	xtn_out_printf(o, " --snat-target %s",
		       xtn_eb_target_name(n->target | ~EBT_VERDICT_BITS));
}

static void dnat_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_nat_info *n = data;

	xtn_out_puts(o, " --to-dst");
	xtn_eb_put_ether(o, n->mac);
	xtn_out_printf(o, " --dnat-target %s", xtn_eb_target_name(n->target));
}

const struct xtn_ext xtn_eb_nat = {
	.name = "snat",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_nat_info),
	.opts = snat_opts,
	.legacy = true,
	.help =
"snat options:\n"
" --to-src address       : MAC address to map source to\n"
" --snat-target target   : ACCEPT, DROP, RETURN or CONTINUE\n"
" --snat-arp             : also change src address in arp msg\n",
	.init = nat_init,
	.parse = snat_parse,
	.final = nat_final,
	.save = snat_save,
	.list = snat_save,
	.xt = { .name = "snat", .revision = 0,
		.size = sizeof(struct ebt_nat_info) },
};

const struct xtn_ext xtn_eb_dnat = {
	.name = "dnat",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_nat_info),
	.opts = dnat_opts,
	.legacy = true,
	.help =
"dnat options:\n"
" --to-dst address       : MAC address to map destination to\n"
" --dnat-target target   : ACCEPT, DROP, RETURN or CONTINUE\n",
	.init = nat_init,
	.parse = dnat_parse,
	.final = nat_final,
	.save = dnat_save,
	.list = dnat_save,
	.xt = { .name = "dnat", .revision = 0,
		.size = sizeof(struct ebt_nat_info) },
};
