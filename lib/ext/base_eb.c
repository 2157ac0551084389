/*
 * The ebtables base match: -p (ethertype, or Length for 802.3 frames),
 * -s/-d (MAC with mask or a named class), -i/-o and --logical-in/-out.
 * Encoded as ebtables-nft 1.8.9 writes it: interfaces first, then the
 * MACs, then the ethertype (interop.md 3.1).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/ether.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "base_eb.h"
#include "ebt_shared.h"

/* Bridge meta keys (newer kernels: CONFIG_NFT_BRIDGE_META). */
#define META_BRI_IIFNAME 17
#define META_BRI_OIFNAME 18

/* The MAC classes ebtables names instead of printing a mask. */
static const struct {
	const char *name;
	uint8_t mac[6], msk[6];
} mac_classes[] = {
	{ "Unicast", { 0 }, { 1, 0, 0, 0, 0, 0 } },
	{ "Multicast", { 1, 0, 0, 0, 0, 0 }, { 1, 0, 0, 0, 0, 0 } },
	{ "Broadcast", { 255, 255, 255, 255, 255, 255 },
	  { 255, 255, 255, 255, 255, 255 } },
	{ "BGA", { 0x01, 0x80, 0xc2, 0, 0, 0 },
	  { 255, 255, 255, 255, 255, 255 } },
};

static const struct xtn_optdef ebbase_opts[] = {
	{ .name = "protocol", .short_name = 'p', .id = XTN_EBB_O_PROTO,
	  .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "source", .short_name = 's', .id = XTN_EBB_O_SRC,
	  .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "destination", .short_name = 'd', .id = XTN_EBB_O_DST,
	  .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "in-interface", .short_name = 'i', .id = XTN_EBB_O_IN,
	  .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "out-interface", .short_name = 'o', .id = XTN_EBB_O_OUT,
	  .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "logical-in", .id = XTN_EBB_O_LIN, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ .name = "logical-out", .id = XTN_EBB_O_LOUT, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ 0 },
};

bool xtn_eb_mac_class(const char *word)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(mac_classes); i++)
		if (strcasecmp(word, mac_classes[i].name) == 0)
			return true;
	return false;
}

int xtn_eb_parse_mac(const char *from, uint8_t mac[6], uint8_t msk[6])
{
	char buf[64], *slash;
	struct ether_addr a;
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(mac_classes); i++)
		if (strcasecmp(from, mac_classes[i].name) == 0) {
			memcpy(mac, mac_classes[i].mac, 6);
			memcpy(msk, mac_classes[i].msk, 6);
			return 0;
		}
	if (strlen(from) >= sizeof(buf))
		return -1;
	strcpy(buf, from);
	slash = strrchr(buf, '/');
	if (slash) {
		*slash = '\0';
		if (!ether_aton_r(slash + 1, &a))
			return -1;
		memcpy(msk, a.ether_addr_octet, 6);
	} else {
		memset(msk, 0xff, 6);
	}
	if (!ether_aton_r(buf, &a))
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = a.ether_addr_octet[i] & msk[i];
	return 0;
}

void xtn_eb_print_mac(const struct xtn_out *o, const uint8_t mac[6],
		      const uint8_t msk[6])
{
	static const uint8_t ones[6] = { 255, 255, 255, 255, 255, 255 };
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(mac_classes); i++)
		if (!memcmp(mac, mac_classes[i].mac, 6) &&
		    !memcmp(msk, mac_classes[i].msk, 6)) {
			xtn_out_puts(o, mac_classes[i].name);
			return;
		}
	xtn_out_printf(o, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		       mac[2], mac[3], mac[4], mac[5]);
	if (memcmp(msk, ones, 6))
		xtn_out_printf(o, "/%02x:%02x:%02x:%02x:%02x:%02x", msk[0],
			       msk[1], msk[2], msk[3], msk[4], msk[5]);
}

/* -p: hex (any case, up to 0xffff), LENGTH, or a name of /etc/ethertypes. */
static int parse_proto(struct xtn_parse *p, struct xtn_ebbase *b)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	char *end;
	long v;
	int t;

	errno = 0;
	v = strtol(p->arg, &end, 16);
	if (*end == '\0' && (v < 0 || v > 0xffff || errno == ERANGE))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Problem with the specified protocol");
	if (*end != '\0') {
		if (strcasecmp(p->arg, "LENGTH") == 0) {
			b->bitmask |= XTN_EBB_F_802_3;
			return 0;
		}
		t = res->ethertype_by_name ? res->ethertype_by_name(res, p->arg) : -1;
		if (t < 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Problem with the specified Ethernet protocol '%s', perhaps /etc/ethertypes is missing",
					      p->arg);
		v = t;
	}
	if (v < 0x0600)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Sorry, protocols have values above or equal to 0x0600");
	b->ethproto = (uint16_t)v;
	b->bitmask |= XTN_EBB_F_PROTO;
	return 0;
}

static int parse_iface(struct xtn_parse *p, char name[XTN_IFNAMSIZ])
{
	const char *plus;

	if (p->arg[0] == '\0')	/* no compare, as in 1.8.9 */
		return 0;
	if (xtn_parse_iface(p) < 0)
		return -1;
	plus = strchr(p->val.iface, '+');
	if (plus && plus[1] != '\0')
		return xtn_parse_fail(p, XTN_PARAM,
				      "Spurious characters after '+' wildcard");
	memcpy(name, p->val.iface, XTN_IFNAMSIZ);
	return 0;
}

static int parse_mac(struct xtn_parse *p, uint8_t *mac, uint8_t *msk,
		     const char *which)
{
	const char *slash = strrchr(p->arg, '/');

	/* 1.8.9 cut the word at its slash before saying so.  Stricter than
	 * 1.8.9: nothing may follow the six bytes (its ether_aton stores
	 * "00:11:22:33:44:55:66" and "...:55x" as ...:55), as in the
	 * extensions */
	if (xtn_ebt_parse_mac(p->arg, mac, msk) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Problem with specified %s mac '%.*s'", which,
				      (int)(slash && !xtn_eb_mac_class(p->arg) ?
					    (size_t)(slash - p->arg) : strlen(p->arg)),
				      p->arg);
	return 0;
}

static int ebbase_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t inv_of[] = {
		[XTN_EBB_O_PROTO] = XTN_EBB_INV_PROTO,
		[XTN_EBB_O_SRC] = XTN_EBB_INV_SRC,
		[XTN_EBB_O_DST] = XTN_EBB_INV_DST,
		[XTN_EBB_O_IN] = XTN_EBB_INV_IN,
		[XTN_EBB_O_OUT] = XTN_EBB_INV_OUT,
		[XTN_EBB_O_LIN] = XTN_EBB_INV_LIN,
		[XTN_EBB_O_LOUT] = XTN_EBB_INV_LOUT,
	};
	struct xtn_ebbase *b = data;
	int ret = 0;

	switch (p->opt->id) {
	case XTN_EBB_O_PROTO:
		ret = parse_proto(p, b);
		break;
	case XTN_EBB_O_SRC:
		ret = parse_mac(p, b->smac, b->smsk, "source");
		b->bitmask |= XTN_EBB_F_SMAC;
		break;
	case XTN_EBB_O_DST:
		ret = parse_mac(p, b->dmac, b->dmsk, "destination");
		b->bitmask |= XTN_EBB_F_DMAC;
		break;
	case XTN_EBB_O_IN:
		ret = parse_iface(p, b->in);
		break;
	case XTN_EBB_O_OUT:
		ret = parse_iface(p, b->out);
		break;
	case XTN_EBB_O_LIN:
		ret = parse_iface(p, b->lin);
		break;
	case XTN_EBB_O_LOUT:
		ret = parse_iface(p, b->lout);
		break;
	}
	if (p->invert)
		b->invflags |= inv_of[p->opt->id];
	return ret;
}

static void enc_mac(struct xtn_enc *e, uint32_t offset, const uint8_t *mac,
		    const uint8_t *msk, bool inv)
{
	xtn_enc_addr(e, XTN_PL_LL, offset, mac, msk, 6, inv);
}

static int ebbase_encode(struct xtn_enc *e, const void *data)
{
	const struct xtn_ext_inst *inst = xtn_enc_rule(e)->base;
	const struct xtn_ebbase *b = data;
	uint16_t proto = htons(b->ethproto), len = htons(0x0600);

	xtn_enc_set_opt(e, inst, XTN_EBB_O_IN);
	xtn_enc_iface(e, NFT_META_IIFNAME, b->in, b->invflags & XTN_EBB_INV_IN);
	xtn_enc_set_opt(e, inst, XTN_EBB_O_LIN);
	xtn_enc_iface(e, META_BRI_IIFNAME, b->lin, b->invflags & XTN_EBB_INV_LIN);
	xtn_enc_set_opt(e, inst, XTN_EBB_O_OUT);
	xtn_enc_iface(e, NFT_META_OIFNAME, b->out, b->invflags & XTN_EBB_INV_OUT);
	xtn_enc_set_opt(e, inst, XTN_EBB_O_LOUT);
	xtn_enc_iface(e, META_BRI_OIFNAME, b->lout, b->invflags & XTN_EBB_INV_LOUT);
	xtn_enc_set_opt(e, inst, XTN_EBB_O_SRC);
	if (b->bitmask & XTN_EBB_F_SMAC)
		enc_mac(e, 6, b->smac, b->smsk, b->invflags & XTN_EBB_INV_SRC);
	xtn_enc_set_opt(e, inst, XTN_EBB_O_DST);
	if (b->bitmask & XTN_EBB_F_DMAC)
		enc_mac(e, 0, b->dmac, b->dmsk, b->invflags & XTN_EBB_INV_DST);
	xtn_enc_set_opt(e, inst, XTN_EBB_O_PROTO);
	if (b->bitmask & XTN_EBB_F_802_3) {
		xtn_enc_payload_load(e, XTN_PL_LL, 12, 2);
		xtn_enc_cmp(e, b->invflags & XTN_EBB_INV_PROTO ? XTN_OP_GTE : XTN_OP_LT,
			    &len, 2);
	} else if (b->bitmask & XTN_EBB_F_PROTO) {
		xtn_enc_payload_load(e, XTN_PL_LL, 12, 2);
		xtn_enc_cmp(e, b->invflags & XTN_EBB_INV_PROTO ? XTN_OP_NEQ : XTN_OP_EQ,
			    &proto, 2);
	}
	return 0;
}

static int decode_iface(struct xtn_ebbase *b, const struct xtn_rel *rel,
			char *name, uint8_t invbit)
{
	bool inv;

	if (rel->f.masked || xtn_dec_iface(rel, name, &inv) < 0)
		return -1;
	if (inv)
		b->invflags |= invbit;
	return 1;
}

static int decode_mac(struct xtn_ebbase *b, const struct xtn_rel *rel,
		      uint8_t *mac, uint8_t *msk, uint8_t flag, uint8_t invbit)
{
	if (rel->len > 6 || (rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ) ||
	    (b->bitmask & flag))
		return -1;
	memset(mac, 0, 6);
	memset(msk, 0, 6);
	memcpy(mac, rel->data, rel->len);
	if (rel->f.masked)
		memcpy(msk, rel->f.mask, rel->len);
	else
		memset(msk, 0xff, rel->len);
	b->bitmask |= flag;
	if (rel->op == XTN_OP_NEQ)
		b->invflags |= invbit;
	return 1;
}

static int decode_proto(struct xtn_ebbase *b, const struct xtn_rel *rel)
{
	uint16_t v;

	if (rel->len != 2 || rel->f.masked ||
	    (b->bitmask & (XTN_EBB_F_PROTO | XTN_EBB_F_802_3)))
		return -1;
	memcpy(&v, rel->data, 2);
	v = ntohs(v);
	switch (rel->op) {
	case XTN_OP_LT:
	case XTN_OP_GTE:
		if (v != 0x0600)
			return -1;
		b->bitmask |= XTN_EBB_F_802_3;
		if (rel->op == XTN_OP_GTE)
			b->invflags |= XTN_EBB_INV_PROTO;
		return 1;
	case XTN_OP_EQ:
	case XTN_OP_NEQ:
		b->ethproto = v;
		b->bitmask |= XTN_EBB_F_PROTO;
		if (rel->op == XTN_OP_NEQ)
			b->invflags |= XTN_EBB_INV_PROTO;
		return 1;
	default:
		return -1;
	}
}

static int ebbase_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	struct xtn_ebbase *b = xtn_dec_rule(d)->base->data;

	if (rel->f.kind == XTN_FIELD_META) {
		switch (rel->f.key) {
		case NFT_META_IIFNAME:
			return decode_iface(b, rel, b->in, XTN_EBB_INV_IN);
		case NFT_META_OIFNAME:
			return decode_iface(b, rel, b->out, XTN_EBB_INV_OUT);
		case META_BRI_IIFNAME:
			return decode_iface(b, rel, b->lin, XTN_EBB_INV_LIN);
		case META_BRI_OIFNAME:
			return decode_iface(b, rel, b->lout, XTN_EBB_INV_LOUT);
		}
		return 0;
	}
	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_LL)
		return 0;
	switch (rel->f.offset) {
	case 0:
		return decode_mac(b, rel, b->dmac, b->dmsk, XTN_EBB_F_DMAC,
				  XTN_EBB_INV_DST);
	case 6:
		return decode_mac(b, rel, b->smac, b->smsk, XTN_EBB_F_SMAC,
				  XTN_EBB_INV_SRC);
	case 12:
		return decode_proto(b, rel);
	}
	return 0;
}

static void save_proto(const struct xtn_out *o, const struct xtn_ebbase *b)
{
	const struct xtn_resolver *res = o->res;
	char name[64];

	if (!(b->bitmask & (XTN_EBB_F_PROTO | XTN_EBB_F_802_3)))
		return;
	xtn_out_puts(o, b->invflags & XTN_EBB_INV_PROTO ? " -p ! " : " -p ");
	if (b->bitmask & XTN_EBB_F_802_3)
		xtn_out_puts(o, "Length");
	else if (res && res->ethertype_by_number &&
		 res->ethertype_by_number(res, b->ethproto, name, sizeof(name)))
		xtn_out_puts(o, name);
	else
		xtn_out_printf(o, "0x%x", b->ethproto);
}

static void save_mac(const struct xtn_out *o, const char *opt, bool set,
		     const uint8_t *mac, const uint8_t *msk, bool inv)
{
	if (!set)
		return;
	xtn_out_printf(o, " %s %s", opt, inv ? "! " : "");
	xtn_eb_print_mac(o, mac, msk);
}

/* A name with a blank is quoted, so that ebtables-restore reads it back
 * (1.8.9 prints it bare). */
static void save_iface(const struct xtn_out *o, const char *opt,
		       const char *name, bool inv)
{
	if (!name[0])
		return;
	xtn_out_printf(o, " %s%s", opt, inv ? " !" : "");
	xtn_out_name(o, name);
}

/* 1.8.9's order: -p, -s, -d, -i, --logical-in, -o, --logical-out, each
 * negation inside the option ("-p ! IPv4"). */
static void ebbase_save(const struct xtn_out *o, const void *data)
{
	const struct xtn_ebbase *b = data;

	save_proto(o, b);
	save_mac(o, "-s", b->bitmask & XTN_EBB_F_SMAC, b->smac, b->smsk,
		 b->invflags & XTN_EBB_INV_SRC);
	save_mac(o, "-d", b->bitmask & XTN_EBB_F_DMAC, b->dmac, b->dmsk,
		 b->invflags & XTN_EBB_INV_DST);
	save_iface(o, "-i", b->in, b->invflags & XTN_EBB_INV_IN);
	save_iface(o, "--logical-in", b->lin, b->invflags & XTN_EBB_INV_LIN);
	save_iface(o, "-o", b->out, b->invflags & XTN_EBB_INV_OUT);
	save_iface(o, "--logical-out", b->lout, b->invflags & XTN_EBB_INV_LOUT);
}

/* What NFTA_RULE_COMPAT carries: the ethertype (ebt_entry's ethproto). */
static void ebbase_compat_proto(const void *data, uint32_t *proto, bool *inv)
{
	const struct xtn_ebbase *b = data;

	/* the kernel compares it with ethproto as ebt_entry holds it: big
	 * endian, in a host-order number */
	*proto = b->bitmask & XTN_EBB_F_PROTO ? htons(b->ethproto) : 0;
	*inv = b->invflags & XTN_EBB_INV_PROTO;
}

const struct xtn_ext xtn_base_eb = {
	.name = "ebtables",
	.kind = XTN_EXT_BASE,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct xtn_ebbase),
	.opts = ebbase_opts,
	.legacy = true,
	.parse = ebbase_parse,
	.encode = ebbase_encode,
	.claims = XTN_CLAIM_PL_LL | XTN_CLAIM_META,
	.claim_meta = (1ull << NFT_META_IIFNAME) | (1ull << NFT_META_OIFNAME) |
		      (1ull << META_BRI_IIFNAME) | (1ull << META_BRI_OIFNAME),
	.decode_rel = ebbase_decode_rel,
	.save = ebbase_save,
	.list = ebbase_save,
	.compat_proto = ebbase_compat_proto,
};
