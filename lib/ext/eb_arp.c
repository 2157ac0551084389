/*
 * ebtables' arp match (--arp-opcode, --arp-htype, --arp-ptype, the ARP
 * IP and MAC addresses, --arp-gratuitous): the ebt_arp_info compat blob,
 * as ebtables-nft 1.8.9 writes it.  The kernel takes it only with -p ARP
 * or -p RARP.
 */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <linux/netfilter_bridge/ebt_arp.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "arp_opcodes.h"
#include "ebt_shared.h"

/* option ids: the bit positions of EBT_ARP_* */
enum { O_OPCODE, O_HTYPE, O_PTYPE, O_IP_SRC, O_IP_DST, O_MAC_SRC, O_MAC_DST,
       O_GRAT };

#define OPT(n, i, a) { .name = n, .id = i, .has_arg = a, .flags = XTN_OF_INVERT }
static const struct xtn_optdef arp_opts[] = {
	OPT("arp-opcode", O_OPCODE, 1),
	OPT("arp-op", O_OPCODE, 1),
	OPT("arp-htype", O_HTYPE, 1),
	OPT("arp-ptype", O_PTYPE, 1),
	OPT("arp-ip-src", O_IP_SRC, 1),
	OPT("arp-ip-dst", O_IP_DST, 1),
	OPT("arp-mac-src", O_MAC_SRC, 1),
	OPT("arp-mac-dst", O_MAC_DST, 1),
	OPT("arp-gratuitous", O_GRAT, 0),
	{ 0 },
};
#undef OPT


static int parse_opcode(struct xtn_parse *p, struct ebt_arp_info *info)
{
	uint64_t v;
	size_t i;

	if (!xtn_ebt_number(p->arg, 10, UINT16_MAX, &v)) {
		for (i = 0; i < XTN_ARP_N_OPCODES; i++)
			if (strcasecmp(xtn_arp_opcode_names[i], p->arg) == 0)
				break;
		if (i == XTN_ARP_N_OPCODES)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Problem with specified ARP opcode");
		v = i + 1;
	}
	info->opcode = htons((uint16_t)v);
	return 0;
}

static int parse_htype(struct xtn_parse *p, struct ebt_arp_info *info)
{
	uint64_t v;

	if (!xtn_ebt_number(p->arg, 10, UINT16_MAX, &v)) {
		if (strcasecmp(p->arg, "Ethernet") != 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Problem with specified ARP hardware type");
		v = 1;
	}
	info->htype = htons((uint16_t)v);
	return 0;
}

static int parse_ptype(struct xtn_parse *p, struct ebt_arp_info *info)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	uint64_t v;
	int t;

	if (!xtn_ebt_number(p->arg, 16, UINT16_MAX, &v)) {
		t = res->ethertype_by_name ? res->ethertype_by_name(res, p->arg) : -1;
		if (t < 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Problem with specified ARP protocol type");
		v = (uint64_t)t;
	}
	info->ptype = htons((uint16_t)v);
	return 0;
}

static int parse_mac(struct xtn_parse *p, uint8_t *mac, uint8_t *msk)
{
	if (xtn_ebt_parse_mac(p->arg, mac, msk) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Problem with ARP MAC address argument");
	return 0;
}

static int parse_value(struct xtn_parse *p, struct ebt_arp_info *info)
{
	switch (p->opt->id) {
	case O_OPCODE:
		return parse_opcode(p, info);
	case O_HTYPE:
		return parse_htype(p, info);
	case O_PTYPE:
		return parse_ptype(p, info);
	case O_IP_SRC:
		return xtn_ebt_parse_addr(p, AF_INET, &info->saddr, &info->smsk);
	case O_IP_DST:
		return xtn_ebt_parse_addr(p, AF_INET, &info->daddr, &info->dmsk);
	case O_MAC_SRC:
		return parse_mac(p, info->smaddr, info->smmsk);
	case O_MAC_DST:
		return parse_mac(p, info->dmaddr, info->dmmsk);
	}
	return 0;
}

XTN_EBT_FLAGGED_PARSE(arp_parse, struct ebt_arp_info, parse_value)

static bool save_opt(const struct xtn_out *o, const struct ebt_arp_info *info,
		     unsigned int id, const char *name)
{
	return xtn_ebt_save_opt(o, info->bitmask, info->invflags, 1u << id,
				name);
}

static void save_opcode(const struct xtn_out *o, uint16_t opcode)
{
	if (opcode >= 1 && opcode <= XTN_ARP_N_OPCODES)
		xtn_out_printf(o, " %s", xtn_arp_opcode_names[opcode - 1]);
	else
		xtn_out_printf(o, " %u", opcode);
}

static void arp_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_arp_info *info = data;

	if (save_opt(o, info, O_OPCODE, "arp-op"))
		save_opcode(o, ntohs(info->opcode));
	if (save_opt(o, info, O_HTYPE, "arp-htype"))
		xtn_out_printf(o, " %u", ntohs(info->htype));
	if (save_opt(o, info, O_PTYPE, "arp-ptype"))
		xtn_out_printf(o, " 0x%x", ntohs(info->ptype));
	if (save_opt(o, info, O_IP_SRC, "arp-ip-src"))
		xtn_ebt_save_addr(o, AF_INET, &info->saddr, &info->smsk);
	if (save_opt(o, info, O_IP_DST, "arp-ip-dst"))
		xtn_ebt_save_addr(o, AF_INET, &info->daddr, &info->dmsk);
	if (save_opt(o, info, O_MAC_SRC, "arp-mac-src"))
		xtn_ebt_save_mac(o, info->smaddr, info->smmsk);
	if (save_opt(o, info, O_MAC_DST, "arp-mac-dst"))
		xtn_ebt_save_mac(o, info->dmaddr, info->dmmsk);
	/* the one option 1.8.9 prints with its negation in front */
	if (info->bitmask & EBT_ARP_GRAT)
		xtn_out_puts(o, info->invflags & EBT_ARP_GRAT ?
				" ! --arp-gratuitous" : " --arp-gratuitous");
}

const struct xtn_ext xtn_eb_arp = {
	.name = "arp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_arp_info),
	.opts = arp_opts,
	.legacy = true,
	.help =
"arp options:\n"
"--arp-opcode  [!] opcode        : ARP opcode (integer or string)\n"
"--arp-htype   [!] type          : ARP hardware type (integer or string)\n"
"--arp-ptype   [!] type          : ARP protocol type (hexadecimal or string)\n"
"--arp-ip-src  [!] address[/mask]: ARP IP source specification\n"
"--arp-ip-dst  [!] address[/mask]: ARP IP target specification\n"
"--arp-mac-src [!] address[/mask]: ARP MAC source specification\n"
"--arp-mac-dst [!] address[/mask]: ARP MAC target specification\n"
"[!] --arp-gratuitous            : ARP gratuitous packet\n"
XTN_ARP_OPCODES_HELP
" hardware type string: 1 = Ethernet\n"
" protocol type string: see /etc/ethertypes\n",
	.parse = arp_parse,
	.save = arp_save,
	.list = arp_save,
	.xt = { .name = "arp", .revision = 0,
		.size = sizeof(struct ebt_arp_info) },
};
