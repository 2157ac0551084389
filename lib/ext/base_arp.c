/*
 * The arptables base match: -s -d -i -o --source-mac --destination-mac
 * -l/--h-length --opcode --h-type --proto-type, as arptables-nft 1.8.9
 * parses (its post_parse), writes (interop.md 3.2) and prints them.
 * Offsets are those of an ARP header with 6-byte hardware and 4-byte
 * protocol addresses, the only one arptables speaks about.
 */
#include <net/if.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <netinet/in.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "arp_opcodes.h"
#include "srcdst.h"

enum {
	O_SRC, O_DST, O_IN, O_OUT, O_SMAC, O_TMAC, O_HLN, O_OP, O_HRD, O_PRO,
	N_OPTS
};

/* The compares a rule holds (1.8.9 always writes htype, hlen and plen). */
enum {
	P_HRD = 1 << 0,
	P_PRO = 1 << 1,
	P_HLN = 1 << 2,
	P_PLN = 1 << 3,
	P_OP = 1 << 4,
	P_IN = 1 << 5,
	P_OUT = 1 << 6,
	P_SMAC = 1 << 7,
	P_SRC = 1 << 8,
	P_TMAC = 1 << 9,
	P_TGT = 1 << 10,
};

/* Inversions, one per option. */
#define INV(id) (1u << (id))

/* ARP header offsets (hardware length 6, protocol length 4). */
enum {
	OFF_HRD = 0, OFF_PRO = 2, OFF_HLN = 4, OFF_PLN = 5, OFF_OP = 6,
	OFF_SMAC = 8, OFF_SRC = 14, OFF_TMAC = 18, OFF_TGT = 24,
};

#define ARP_HLN 6
#define ARP_PLN 4

struct arpbase {
	char iniface[IFNAMSIZ], outiface[IFNAMSIZ];
	union xtn_inaddr src, smsk, tgt, tmsk;
	uint8_t smac[6], smac_mask[6], tmac[6], tmac_mask[6];
	uint16_t hrd, hrd_mask, pro, pro_mask, op, op_mask;	/* host order */
	uint8_t hln, hln_mask;
	uint16_t present;	/* P_* */
	uint16_t invflags;	/* INV(O_*) */
};

static const struct xtn_optdef arpbase_opts[] = {
	{ .name = "source-ip", .short_name = 's', .id = O_SRC, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "destination-ip", .short_name = 'd', .id = O_DST, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "in-interface", .short_name = 'i', .id = O_IN, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "out-interface", .short_name = 'o', .id = O_OUT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "source-mac", .id = O_SMAC, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "destination-mac", .id = O_TMAC, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "h-length", .short_name = 'l', .id = O_HLN, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "opcode", .id = O_OP, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "h-type", .id = O_HRD, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "proto-type", .id = O_PRO, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ 0 },
};

const char *const xtn_arp_opcode_names[XTN_ARP_N_OPCODES] = {
	XTN_ARP_OPCODES(XTN_ARP_OPCODE_NAME)
};

/* What the options stand for, read after all of them (1.8.9's
 * post_parse): the address lists, and the other options' words. */
struct arp_words {
	struct xtn_srcdst sd;	/* first: xtn_srcdst_count reads it */
	const char *word[N_OPTS];
};

static struct arp_words *words(struct xtn_parse *p)
{
	if (!p->inst->expand)
		p->inst->expand = xtn_xzalloc(sizeof(struct arp_words));
	return p->inst->expand;
}

static void arpbase_expand_free(void *expand)
{
	xtn_srcdst_fini(expand);
	free(expand);
}

static void arpbase_init(void *data, const struct xtn_family *fam)
{
	struct arpbase *b = data;

	(void)fam;
	b->hrd = 1;	/* ARPHRD_ETHER */
	b->hln = ARP_HLN;
	b->hrd_mask = b->pro_mask = b->op_mask = 0xffff;
	b->hln_mask = 0xff;
}

static int arpbase_parse(struct xtn_parse *p, void *data)
{
	struct arpbase *b = data;

	switch (p->opt->id) {
	case O_SRC:
		words(p)->sd.src_spec = p->arg;
		break;
	case O_DST:
		words(p)->sd.dst_spec = p->arg;
		break;
	case O_IN:
	case O_OUT:
		if (xtn_parse_iface(p) < 0)
			return -1;
		memcpy(p->opt->id == O_IN ? b->iniface : b->outiface,
		       p->val.iface, IFNAMSIZ);
		break;
	default:
		words(p)->word[p->opt->id] = p->arg;
	}
	if (p->invert)
		b->invflags |= INV(p->opt->id);
	return 0;
}

/* 1.8.9's get16_and_mask: "value[/mask]", strtol in `base`, 0 to max. */
static bool num_and_mask(const char *s, int base, long max, uint16_t *v,
			 uint16_t *mask)
{
	const char *slash = strrchr(s, '/');
	char buf[64], *end;
	long n;

	*mask = (uint16_t)max;
	if (slash) {
		n = strtol(slash + 1, &end, base);
		if (*end || end == slash + 1 || n < 0 || n > max)
			return false;
		*mask = (uint16_t)n;
	}
	if (snprintf(buf, sizeof(buf), "%.*s",
		     (int)(slash ? slash - s : (long)strlen(s)), s) >= (int)sizeof(buf))
		return false;
	n = strtol(buf, &end, base);
	if (*end || n < 0 || n > max)
		return false;
	*v = (uint16_t)n;
	return true;
}

/* A number, or the name 1.8.9 knows for the field.  A value 1.8.9 would
 * store as something else is refused in its words for a bad value: a
 * mask (it writes the value alone), and 0 (it writes no compare, so the
 * rule would match any value). */
static int field_value(struct xtn_parse *p, unsigned int id, int base,
		       const char *name, uint16_t named, const char *what,
		       uint16_t *out)
{
	const struct arpbase *b = p->inst->data;
	const char *s = words(p)->word[id];
	uint16_t v, mask;

	if (!num_and_mask(s, base, 0xffff, &v, &mask)) {
		if (!name || strcasecmp(s, name))
			return xtn_parse_fail(p, XTN_PARAM,
					      "Problem with specified %s", what);
		v = named;
		mask = 0xffff;
	}
	if (mask != 0xffff || (v == 0 && !(b->invflags & INV(id))))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Problem with specified %s", what);
	*out = v;
	return 0;
}

static int opcode_value(struct xtn_parse *p, struct arpbase *b)
{
	const char *s = words(p)->word[O_OP];
	size_t i;

	for (i = 0; i < XTN_ARP_N_OPCODES; i++) {
		if (strcasecmp(s, xtn_arp_opcode_names[i]) == 0) {
			b->op = (uint16_t)(i + 1);
			return 0;
		}
	}
	return field_value(p, O_OP, 10, NULL, 0, "opcode", &b->op);
}

/* Only 6 (1.8.9 silently keeps 6 for a word it cannot read). */
static int hlen_value(struct xtn_parse *p)
{
	const char *s = words(p)->word[O_HLN];
	uint16_t v, mask;

	if (!num_and_mask(s, 10, 0xff, &v, &mask) || v != ARP_HLN ||
	    mask != 0xff)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Only harware address length of 6 is supported currently.");
	return 0;
}

static int mac_value(struct xtn_parse *p, unsigned int id, uint8_t *mac,
		     uint8_t *mask, const char *what)
{
	if (!xtn_mac_parse_masked(words(p)->word[id], mac, mask))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Problem with specified %s mac", what);
	return 0;
}

static bool mac_is_set(const uint8_t *mac, const uint8_t *mask)
{
	static const uint8_t zero[6];

	return memcmp(mac, zero, 6) || memcmp(mask, zero, 6);
}

static bool addr_is_set(const union xtn_inaddr *a, const union xtn_inaddr *m,
			bool inv)
{
	return inv || a->v4.s_addr || m->v4.s_addr;
}

/* Which compares the rule's fields stand for, as 1.8.9 writes them. */
static void set_present(struct arpbase *b)
{
	uint16_t inv = b->invflags;

	b->present = P_HLN | P_PLN;
	if (b->hrd || (inv & INV(O_HRD)))
		b->present |= P_HRD;
	if (b->pro || (inv & INV(O_PRO)))
		b->present |= P_PRO;
	if (b->op || (inv & INV(O_OP)))
		b->present |= P_OP;
	if (b->iniface[0] && !(b->iniface[0] == '+' && !b->iniface[1] &&
			       !(inv & INV(O_IN))))
		b->present |= P_IN;
	if (b->outiface[0] && !(b->outiface[0] == '+' && !b->outiface[1] &&
				!(inv & INV(O_OUT))))
		b->present |= P_OUT;
	if (mac_is_set(b->smac, b->smac_mask))
		b->present |= P_SMAC;
	if (mac_is_set(b->tmac, b->tmac_mask))
		b->present |= P_TMAC;
	if (addr_is_set(&b->src, &b->smsk, inv & INV(O_SRC)))
		b->present |= P_SRC;
	if (addr_is_set(&b->tgt, &b->tmsk, inv & INV(O_DST)))
		b->present |= P_TGT;
}

static void arpbase_expand_at(const void *expand, void *data, unsigned int i)
{
	const struct xtn_addrmask *s, *d;
	struct arpbase *b = data;

	xtn_srcdst_at(expand, i, &s, &d);
	if (s) {
		b->src = s->addr;
		b->smsk = s->mask;
	}
	if (d) {
		b->tgt = d->addr;
		b->tmsk = d->mask;
	}
	set_present(b);
}

/* 1.8.9's post_parse, in its order. */
static int arpbase_final(struct xtn_parse *p, void *data)
{
	struct arpbase *b = data;
	const char *const *w = words(p)->word;

	if (xtn_srcdst_final(p, &words(p)->sd, AF_INET,
			     b->invflags & (INV(O_SRC) | INV(O_DST))) < 0)
		return -1;
	if (w[O_SMAC] && mac_value(p, O_SMAC, b->smac, b->smac_mask, "source") < 0)
		return -1;
	if (w[O_TMAC] && mac_value(p, O_TMAC, b->tmac, b->tmac_mask,
				   "destination") < 0)
		return -1;
	if (w[O_HLN] && hlen_value(p) < 0)
		return -1;
	if (w[O_OP] && opcode_value(p, b) < 0)
		return -1;
	if (w[O_HRD] && field_value(p, O_HRD, 16, "Ethernet", 1,
				    "hardware type", &b->hrd) < 0)
		return -1;
	if (w[O_PRO] && field_value(p, O_PRO, 0, "ipv4", 0x800,
				    "protocol type", &b->pro) < 0)
		return -1;
	arpbase_expand_at(p->inst->expand, data, 0);
	return 0;
}

static void enc_field(struct xtn_enc *e, uint32_t offset, uint32_t len,
		      uint16_t v, uint16_t mask, bool inv)
{
	uint8_t d[2], m[2];

	if (len == 1) {
		d[0] = (uint8_t)v;
		m[0] = (uint8_t)mask;
	} else {
		d[0] = (uint8_t)(v >> 8);
		d[1] = (uint8_t)v;
		m[0] = (uint8_t)(mask >> 8);
		m[1] = (uint8_t)mask;
	}
	xtn_enc_payload_load(e, XTN_PL_NH, offset, len);
	/* only a rule read from the kernel (newer arptables) has a mask */
	if (mask != (len == 1 ? 0xff : 0xffff))
		xtn_enc_bitwise(e, m, len);
	xtn_enc_cmp(e, inv ? XTN_OP_NEQ : XTN_OP_EQ, d, len);
}

static int arpbase_encode(struct xtn_enc *e, const void *data)
{
	const struct xtn_ext_inst *inst = xtn_enc_rule(e)->base;
	const struct arpbase *b = data;
	uint16_t inv = b->invflags, pv = b->present;

	xtn_enc_set_opt(e, inst, O_IN);
	xtn_enc_iface(e, NFT_META_IIFNAME, b->iniface, inv & INV(O_IN));
	xtn_enc_set_opt(e, inst, O_OUT);
	xtn_enc_iface(e, NFT_META_OIFNAME, b->outiface, inv & INV(O_OUT));
	xtn_enc_set_opt(e, inst, O_HRD);
	if (pv & P_HRD)
		enc_field(e, OFF_HRD, 2, b->hrd, b->hrd_mask, inv & INV(O_HRD));
	xtn_enc_set_opt(e, inst, O_PRO);
	if (pv & P_PRO)
		enc_field(e, OFF_PRO, 2, b->pro, b->pro_mask, inv & INV(O_PRO));
	xtn_enc_set_opt(e, inst, O_HLN);
	if (pv & P_HLN)
		enc_field(e, OFF_HLN, 1, b->hln, b->hln_mask, inv & INV(O_HLN));
	if (pv & P_PLN)
		enc_field(e, OFF_PLN, 1, ARP_PLN, 0xff, false);
	xtn_enc_set_opt(e, inst, O_OP);
	if (pv & P_OP)
		enc_field(e, OFF_OP, 2, b->op, b->op_mask, inv & INV(O_OP));
	xtn_enc_set_opt(e, inst, O_SMAC);
	if (pv & P_SMAC)
		xtn_enc_addr(e, XTN_PL_NH, OFF_SMAC, b->smac, b->smac_mask, 6,
			     inv & INV(O_SMAC));
	xtn_enc_set_opt(e, inst, O_SRC);
	if (pv & P_SRC)
		xtn_enc_addr(e, XTN_PL_NH, OFF_SRC, &b->src, &b->smsk, 4,
			     inv & INV(O_SRC));
	xtn_enc_set_opt(e, inst, O_TMAC);
	if (pv & P_TMAC)
		xtn_enc_addr(e, XTN_PL_NH, OFF_TMAC, b->tmac, b->tmac_mask, 6,
			     inv & INV(O_TMAC));
	xtn_enc_set_opt(e, inst, O_DST);
	if (pv & P_TGT)
		xtn_enc_addr(e, XTN_PL_NH, OFF_TGT, &b->tgt, &b->tmsk, 4,
			     inv & INV(O_DST));
	return 0;
}

/* A field seen twice is not a rule arptables writes. */
static int claim(struct arpbase *b, uint16_t bit)
{
	if (b->present & bit)
		return -1;
	b->present |= bit;
	return 1;
}

static bool eq_or_neq(const struct xtn_rel *rel)
{
	return rel->op == XTN_OP_EQ || rel->op == XTN_OP_NEQ;
}

/* htype, ptype, hlen, opcode: a whole-field compare, maybe masked (as
 * arptables after 1.8.9 writes a mask). */
static int decode_field(const struct xtn_rel *rel, uint32_t len,
			uint16_t *v, uint16_t *mask)
{
	if (!eq_or_neq(rel) || rel->f.len != len || rel->len != len)
		return -1;
	if (len == 1) {
		*v = rel->data[0];
		*mask = rel->f.masked ? rel->f.mask[0] : 0xff;
	} else {
		*v = (uint16_t)(rel->data[0] << 8 | rel->data[1]);
		*mask = rel->f.masked ?
			(uint16_t)(rel->f.mask[0] << 8 | rel->f.mask[1]) : 0xffff;
	}
	return 0;
}

/* An address compare: all of it, masked, or a prefix of whole bytes
 * (what 1.8.9 writes for a prefix mask, MACs included: its own reader
 * drops a short MAC compare, xtnft reads it). */
static int decode_addr(const struct xtn_rel *rel, uint32_t alen, void *addr,
		       void *mask)
{
	if (!eq_or_neq(rel) || rel->len > alen || rel->f.len != rel->len ||
	    (rel->f.masked && rel->len != alen))
		return -1;
	memset(addr, 0, alen);
	memset(mask, 0, alen);
	memcpy(addr, rel->data, rel->len);
	if (rel->f.masked)
		memcpy(mask, rel->f.mask, rel->len);
	else
		memset(mask, 0xff, rel->len);
	return 0;
}

static int decode_iface(struct arpbase *b, const struct xtn_rel *rel,
			char *name, uint16_t bit, unsigned int id)
{
	bool inv;

	if (rel->f.masked || xtn_dec_iface(rel, name, &inv) < 0)
		return -1;
	if (inv)
		b->invflags |= INV(id);
	return claim(b, bit);
}

/* The ARP header's fields the decoder maps to options (the lengths have
 * checks of their own): where their value and mask are kept. */
static const struct arp_field {
	uint8_t offset, len;	/* in the header */
	uint8_t id;		/* the option */
	uint16_t bit;		/* P_* */
	uint16_t val, mask;	/* offsetof() in struct arpbase */
} arp_fields[] = {
	{ OFF_HRD, 2, O_HRD, P_HRD, offsetof(struct arpbase, hrd),
	  offsetof(struct arpbase, hrd_mask) },
	{ OFF_PRO, 2, O_PRO, P_PRO, offsetof(struct arpbase, pro),
	  offsetof(struct arpbase, pro_mask) },
	{ OFF_OP, 2, O_OP, P_OP, offsetof(struct arpbase, op),
	  offsetof(struct arpbase, op_mask) },
	{ OFF_SMAC, 6, O_SMAC, P_SMAC, offsetof(struct arpbase, smac),
	  offsetof(struct arpbase, smac_mask) },
	{ OFF_SRC, 4, O_SRC, P_SRC, offsetof(struct arpbase, src),
	  offsetof(struct arpbase, smsk) },
	{ OFF_TMAC, 6, O_TMAC, P_TMAC, offsetof(struct arpbase, tmac),
	  offsetof(struct arpbase, tmac_mask) },
	{ OFF_TGT, 4, O_DST, P_TGT, offsetof(struct arpbase, tgt),
	  offsetof(struct arpbase, tmsk) },
};

/* The lengths: 6 and 4, the only ones arptables speaks about (nft writes
 * "arp hlen 6 arp plen 4" as one compare); hlen may be inverted. */
static int decode_lengths(struct arpbase *b, const struct xtn_rel *rel)
{
	uint16_t v, mask;

	if (rel->f.offset == OFF_HLN && rel->f.len == 2 && rel->len == 2 &&
	    !rel->f.masked && rel->op == XTN_OP_EQ &&
	    rel->data[0] == ARP_HLN && rel->data[1] == ARP_PLN)
		return claim(b, P_HLN) > 0 ? claim(b, P_PLN) : -1;
	if (decode_field(rel, 1, &v, &mask) < 0 || mask != 0xff)
		return -1;
	if (rel->f.offset == OFF_PLN)
		return v == ARP_PLN && rel->op == XTN_OP_EQ ?
		       claim(b, P_PLN) : -1;
	/* the addresses' offsets hold for 6 only */
	if (v != ARP_HLN)
		return -1;
	if (rel->op == XTN_OP_NEQ)
		b->invflags |= INV(O_HLN);
	return claim(b, P_HLN);
}

static int decode_nh(struct arpbase *b, const struct xtn_rel *rel)
{
	uint8_t *base = (uint8_t *)b;
	const struct arp_field *f;
	size_t i;
	int ret;

	if (rel->f.offset == OFF_HLN || rel->f.offset == OFF_PLN)
		return decode_lengths(b, rel);
	for (i = 0; i < XTN_ARRAY_SIZE(arp_fields); i++)
		if (arp_fields[i].offset == rel->f.offset)
			break;
	if (i == XTN_ARRAY_SIZE(arp_fields))
		return 0;
	f = &arp_fields[i];
	if (f->offset < OFF_SMAC)
		ret = decode_field(rel, f->len, (uint16_t *)(base + f->val),
				   (uint16_t *)(base + f->mask));
	else
		ret = decode_addr(rel, f->len, base + f->val, base + f->mask);
	if (ret < 0)
		return -1;
	if (rel->op == XTN_OP_NEQ)
		b->invflags |= INV(f->id);
	return claim(b, f->bit);
}

static int arpbase_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	struct arpbase *b = xtn_dec_rule(d)->base->data;

	if (rel->f.kind == XTN_FIELD_META) {
		switch (rel->f.key) {
		case NFT_META_IIFNAME:
			return decode_iface(b, rel, b->iniface, P_IN, O_IN);
		case NFT_META_OIFNAME:
			return decode_iface(b, rel, b->outiface, P_OUT, O_OUT);
		}
		return 0;
	}
	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_NH)
		return 0;
	return decode_nh(b, rel);
}

/* arptables always compares the hardware type and both address lengths:
 * a rule without them says something its syntax cannot. */
static int arpbase_decode_done(struct xtn_dec *d, void *data)
{
	const struct arpbase *b = data;

	if ((b->present & (P_HRD | P_HLN | P_PLN)) != (P_HRD | P_HLN | P_PLN))
		return xtn_dec_fail(d, "no ARP %s check",
				    !(b->present & P_HRD) ? "hardware type" :
				    !(b->present & P_HLN) ? "hardware length" :
				    "protocol length");
	return 0;
}

/* " [! ]-s addr[/mask]": host names unless numeric, no "/32". */
static void print_addr(const struct xtn_out *o, const char *opt,
		       const union xtn_inaddr *a, const union xtn_inaddr *m,
		       bool inv)
{
	char buf[1100], mbuf[INET_ADDRSTRLEN + 2];

	if (!m->v4.s_addr)
		return;
	xtn_out_addr4(o, a, buf, sizeof(buf));
	xtn_mask_suffix(m, AF_INET, true, mbuf, sizeof(mbuf));
	xtn_out_printf(o, " %s%s %s%s", inv ? "! " : "", opt, buf, mbuf);
}

static void print_mac(const struct xtn_out *o, const char *opt,
		      const uint8_t *mac, const uint8_t *mask, bool inv)
{
	static const uint8_t zero[6];
	char buf[40];

	if (!memcmp(mask, zero, 6))
		return;
	xtn_mac_format_masked(mac, mask, buf, sizeof(buf));
	xtn_out_printf(o, " %s%s %s", inv ? "! " : "", opt, buf);
}

/* -L -v shows absent interfaces as "any" (-n: "*").  The save form
 * quotes a name restore would split (1.8.9 prints it bare). */
static void print_iface(const struct xtn_out *o, char letter, const char *name,
			bool inv, bool save)
{
	if (!name[0] && !(o->fmt & XTN_FMT_VIA))
		return;
	if (!name[0])
		name = xtn_out_numeric(o) ? "*" : "any";
	xtn_out_printf(o, " %s-%c", inv ? "! " : "", letter);
	if (save)
		xtn_out_name(o, name);
	else
		xtn_out_printf(o, " %s", name);
}

static void print_fields(const struct xtn_out *o, const struct arpbase *b)
{
	uint16_t inv = b->invflags;
	bool num = xtn_out_numeric(o);

	if (b->hln != ARP_HLN || b->hln_mask != 0xff || (inv & INV(O_HLN))) {
		xtn_out_printf(o, " %s--h-length %u", inv & INV(O_HLN) ? "! " : "",
			       b->hln);
		if (b->hln_mask != 0xff)
			xtn_out_printf(o, "/%u", b->hln_mask);
	}
	if (b->present & P_OP) {
		xtn_out_printf(o, " %s--opcode ", inv & INV(O_OP) ? "! " : "");
		if (b->op >= 1 && b->op <= XTN_ARP_N_OPCODES && !num)
			xtn_out_puts(o, xtn_arp_opcode_names[b->op - 1]);
		else
			xtn_out_printf(o, "%u", b->op);
		if (b->op_mask != 0xffff)
			xtn_out_printf(o, "/%u", b->op_mask);
	}
	if (b->hrd != 1 || b->hrd_mask != 0xffff || (inv & INV(O_HRD))) {
		xtn_out_printf(o, " %s--h-type ", inv & INV(O_HRD) ? "! " : "");
		/* 1.8.9 prints decimal what it reads as hexadecimal: from 10
		 * on, the 0x that keeps its save restorable */
		if (b->hrd == 1 && !num)
			xtn_out_puts(o, "Ethernet");
		else
			xtn_out_printf(o, b->hrd < 10 ? "%u" : "0x%x", b->hrd);
		if (b->hrd_mask != 0xffff)
			xtn_out_printf(o, "/0x%x", b->hrd_mask);
	}
	if (b->present & P_PRO) {
		xtn_out_printf(o, " %s--proto-type ", inv & INV(O_PRO) ? "! " : "");
		if (b->pro == 0x800 && !num)
			xtn_out_puts(o, "IPv4");
		else
			xtn_out_printf(o, "0x%x", b->pro);
		if (b->pro_mask != 0xffff)
			xtn_out_printf(o, "/0x%x", b->pro_mask);
	}
}

/* The same words in -L, -S and the save (numeric there), in 1.8.9's
 * order; each starts with a blank, the printer joins them to the -j. */
static void arpbase_print(const struct xtn_out *o, const struct arpbase *b,
			  bool save)
{
	uint16_t inv = b->invflags;

	print_iface(o, 'i', b->iniface, inv & INV(O_IN), save);
	print_iface(o, 'o', b->outiface, inv & INV(O_OUT), save);
	print_addr(o, "-s", &b->src, &b->smsk, inv & INV(O_SRC));
	print_mac(o, "--src-mac", b->smac, b->smac_mask, inv & INV(O_SMAC));
	print_addr(o, "-d", &b->tgt, &b->tmsk, inv & INV(O_DST));
	print_mac(o, "--dst-mac", b->tmac, b->tmac_mask, inv & INV(O_TMAC));
	print_fields(o, b);
}

static void arpbase_save(const struct xtn_out *o, const void *data)
{
	arpbase_print(o, data, true);
}

static void arpbase_list(const struct xtn_out *o, const void *data)
{
	arpbase_print(o, data, false);
}

const struct xtn_ext xtn_base_arp = {
	.name = "arptables",
	.kind = XTN_EXT_BASE,
	.families = XTN_FAM_ARP,
	.data_size = sizeof(struct arpbase),
	.opts = arpbase_opts,
	.init = arpbase_init,
	.parse = arpbase_parse,
	.final = arpbase_final,
	.encode = arpbase_encode,
	.claims = XTN_CLAIM_PL_NH | XTN_CLAIM_META,
	.decode_rel = arpbase_decode_rel,
	.decode_done = arpbase_decode_done,
	.save = arpbase_save,
	.list = arpbase_list,
	.expand_count = xtn_srcdst_count,
	.expand_at = arpbase_expand_at,
	.expand_free = arpbase_expand_free,
};
