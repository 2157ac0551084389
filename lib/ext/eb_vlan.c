/*
 * ebtables' vlan match (--vlan-id, --vlan-prio, --vlan-encap): the
 * ebt_vlan_info compat blob, as ebtables-nft 1.8.9 writes it.  The kernel
 * takes it only with -p 802_1Q.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <linux/netfilter_bridge/ebt_vlan.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "ebt_shared.h"

/* option ids: the bit positions of EBT_VLAN_* */
enum { O_ID, O_PRIO, O_ENCAP };

/* The lowest encapsulated type the kernel takes (ETH_ZLEN). */
#define MIN_ENCAP 60

#define OPT(n, i) { .name = n, .id = i, .has_arg = 1, .flags = XTN_OF_INVERT }
static const struct xtn_optdef vlan_opts[] = {
	OPT("vlan-id", O_ID),
	OPT("vlan-prio", O_PRIO),
	OPT("vlan-encap", O_ENCAP),
	{ 0 },
};
#undef OPT

/* 1.8.9 reads the numbers with strtoul into the struct's narrower fields
 * before it checks them ("65541" is id 5, "" is 0): such values are
 * refused with the message of a value out of range. */
static int parse_id(struct xtn_parse *p, struct ebt_vlan_info *info)
{
	uint64_t v;

	if (!xtn_ebt_number(p->arg, 10, 4094, &v))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Invalid --vlan-id range ('%s')", p->arg);
	info->id = (uint16_t)v;
	return 0;
}

static int parse_prio(struct xtn_parse *p, struct ebt_vlan_info *info)
{
	uint64_t v;

	if (!xtn_ebt_number(p->arg, 10, 7, &v))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Invalid --vlan-prio range ('%s')", p->arg);
	info->prio = (uint8_t)v;
	return 0;
}

/* Hexadecimal or an /etc/ethertypes name, at least 0x003c. */
static int parse_encap(struct xtn_parse *p, struct ebt_vlan_info *info)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	uint64_t v;
	char *end;
	int t;

	if (!xtn_ebt_number(p->arg, 16, UINT16_MAX, &v)) {
		/* a number 1.8.9 would wrap, or nothing: out of range */
		(void)strtoul(p->arg, &end, 16);
		if (*end == '\0')
			return xtn_parse_fail(p, XTN_PARAM,
					      "Invalid --vlan-encap range ('%s')",
					      p->arg);
		t = res->ethertype_by_name ? res->ethertype_by_name(res, p->arg) : -1;
		if (t < 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Unknown --vlan-encap value ('%s')",
					      p->arg);
		v = (uint64_t)t;
	}
	if (v < MIN_ENCAP)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Invalid --vlan-encap range ('%s')", p->arg);
	info->encap = htons((uint16_t)v);
	return 0;
}

static int vlan_parse(struct xtn_parse *p, void *data)
{
	struct ebt_vlan_info *info = data;
	uint8_t bit = (uint8_t)(1u << p->opt->id);
	int ret;

	if (xtn_ebt_once(p) < 0)
		return -1;
	switch (p->opt->id) {
	case O_ID:
		ret = parse_id(p, info);
		break;
	case O_PRIO:
		ret = parse_prio(p, info);
		break;
	default:
		ret = parse_encap(p, info);
		break;
	}
	if (ret < 0)
		return -1;
	info->bitmask |= bit;
	if (p->invert)
		info->invflags |= bit;
	return 0;
}

/* The kernel drops the priority of a rule with a VLAN id other than 0
 * (a priority-tagged frame has id 0), so the rule it keeps is not the
 * one asked for, and 1.8.9's -D and --check never find it again. */
static int vlan_final(struct xtn_parse *p, void *data)
{
	const struct ebt_vlan_info *info = data;

	if ((info->bitmask & EBT_VLAN_ID) && info->id != 0 &&
	    (info->bitmask & EBT_VLAN_PRIO))
		return xtn_parse_fail(p, XTN_PARAM,
				      "--vlan-prio needs --vlan-id 0 (the kernel ignores the priority of VLAN %u)",
				      info->id);
	return 0;
}

static void vlan_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_vlan_info *info = data;

	if (xtn_ebt_save_opt(o, info->bitmask, info->invflags, EBT_VLAN_ID,
			     "vlan-id"))
		xtn_out_printf(o, " %u", info->id);
	if (xtn_ebt_save_opt(o, info->bitmask, info->invflags, EBT_VLAN_PRIO,
			     "vlan-prio"))
		xtn_out_printf(o, " %u", info->prio);
	if (xtn_ebt_save_opt(o, info->bitmask, info->invflags, EBT_VLAN_ENCAP,
			     "vlan-encap"))
		xtn_out_printf(o, " %4.4X", ntohs(info->encap));
}

const struct xtn_ext xtn_eb_vlan = {
	.name = "vlan",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_vlan_info),
	.opts = vlan_opts,
	.legacy = true,
	.help =
"vlan options:\n"
"--vlan-id [!] id       : vlan-tagged frame identifier, 0,1-4096 (integer)\n"
"--vlan-prio [!] prio   : Priority-tagged frame's user priority, 0-7 (integer)\n"
"--vlan-encap [!] encap : Encapsulated frame protocol (hexadecimal or name)\n",
	.parse = vlan_parse,
	.final = vlan_final,
	.save = vlan_save,
	.list = vlan_save,
	.xt = { .name = "vlan", .revision = 0,
		.size = sizeof(struct ebt_vlan_info) },
};
