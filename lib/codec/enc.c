/*
 * Encoder: rule model -> the netlink attributes of its expressions,
 * register 1 throughout, each expression's attributes in the order
 * libnftnl writes them (test-rules rebuilds every corpus rule through
 * libnftnl and compares the bytes).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <xtnft/codec.h>
#include <xtnft/diag.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "wire.h"

struct xtn_enc {
	struct xtn_wire_rule *w;
	const char *table;
	const struct xtn_rule *rule;
	struct xtn_diag *diag;
	/* the anonymous sets the rule's lookups name (the caller's, or
	 * own when the caller keeps none), numbered from 1 in the rule */
	struct xtn_sets *sets;
	struct xtn_sets own;
	uint32_t set_id;
	/* which argv words each expression came from (for ext-ack), kept
	 * only when the caller asks (not for 100k restore lines) */
	bool want_locs;
	struct xtn_loc cur;
	struct xtn_loc *locs;
	unsigned int n_locs, cap_locs;
};

/* An expression being written: its list element and its data nest. */
struct expr_at {
	size_t elem, data;
};

static struct expr_at expr_begin(struct xtn_enc *e, const char *name)
{
	struct xtn_strbuf *b = &e->w->exprs;
	struct expr_at at;

	at.elem = xw_nest_start(b, NFTA_LIST_ELEM);
	xw_str(b, NFTA_EXPR_NAME, name);
	at.data = xw_nest_start(b, NFTA_EXPR_DATA);
	return at;
}

static void expr_end(struct xtn_enc *e, struct expr_at at)
{
	xw_nest_end(&e->w->exprs, at.data);
	xw_nest_end(&e->w->exprs, at.elem);
	e->w->n_exprs++;
	if (!e->want_locs)
		return;
	e->locs = xtn_xgrow(e->locs, &e->cap_locs, e->n_locs + 1,
			    sizeof(*e->locs), 16);
	e->locs[e->n_locs++] = e->cur;
}

static struct xtn_strbuf *out(struct xtn_enc *e)
{
	return &e->w->exprs;
}

void xtn_enc_set_opt(struct xtn_enc *e, const struct xtn_ext_inst *inst,
		     unsigned int id)
{
	if (inst->opt_loc && id < XTN_MAX_OPT_IDS && (inst->seen & (1u << id)))
		e->cur = inst->opt_loc[id];
}

void xtn_enc_meta_load(struct xtn_enc *e, uint32_t key)
{
	struct expr_at x = expr_begin(e, "meta");

	xw_u32(out(e), NFTA_META_KEY, key);
	xw_u32(out(e), NFTA_META_DREG, NFT_REG_1);
	expr_end(e, x);
}

void xtn_enc_payload_load(struct xtn_enc *e, uint32_t base, uint32_t offset,
			  uint32_t len)
{
	xtn_enc_payload_load_reg(e, base, offset, len, NFT_REG_1);
}

void xtn_enc_payload_load_reg(struct xtn_enc *e, uint32_t base,
			      uint32_t offset, uint32_t len, uint32_t dreg)
{
	struct expr_at x = expr_begin(e, "payload");

	xw_u32(out(e), NFTA_PAYLOAD_DREG, dreg);
	xw_u32(out(e), NFTA_PAYLOAD_BASE, base);
	xw_u32(out(e), NFTA_PAYLOAD_OFFSET, offset);
	xw_u32(out(e), NFTA_PAYLOAD_LEN, len);
	expr_end(e, x);
}

/* The set as iptables-nft 1.8.9 declares it: named by the kernel
 * ("__set%d"), anonymous and constant, sized to its elements. */
static struct nftnl_set *set_new(const struct xtn_enc *e,
				 const struct xtn_set_def *def, uint32_t id)
{
	struct nftnl_set *s = nftnl_set_alloc();
	unsigned int i;

	if (!s)
		abort();
	nftnl_set_set_u32(s, NFTNL_SET_FAMILY, e->rule->fam->nfproto);
	nftnl_set_set_str(s, NFTNL_SET_TABLE, e->table);
	nftnl_set_set_str(s, NFTNL_SET_NAME, "__set%d");
	nftnl_set_set_u32(s, NFTNL_SET_FLAGS,
			  NFT_SET_ANONYMOUS | NFT_SET_CONSTANT | def->flags);
	nftnl_set_set_u32(s, NFTNL_SET_KEY_TYPE, def->key_type);
	nftnl_set_set_u32(s, NFTNL_SET_KEY_LEN, def->key_len);
	nftnl_set_set_u32(s, NFTNL_SET_ID, id);
	nftnl_set_set_u32(s, NFTNL_SET_DESC_SIZE, def->n_elems);
	if (def->n_fields)
		nftnl_set_set_data(s, NFTNL_SET_DESC_CONCAT, def->field_len,
				   def->n_fields);
	for (i = 0; i < def->n_elems; i++) {
		struct nftnl_set_elem *el = nftnl_set_elem_alloc();

		if (!el)
			abort();
		nftnl_set_elem_set(el, NFTNL_SET_ELEM_KEY,
				   def->keys + (size_t)i * def->key_len,
				   def->key_len);
		if (def->key_ends)
			nftnl_set_elem_set(el, NFTNL_SET_ELEM_KEY_END,
					   def->key_ends + (size_t)i * def->key_len,
					   def->key_len);
		nftnl_set_elem_add(s, el);
	}
	return s;
}

void xtn_enc_lookup(struct xtn_enc *e, const struct xtn_set_def *def,
		    bool invert)
{
	struct expr_at x = expr_begin(e, "lookup");
	uint32_t id = ++e->set_id;
	struct xtn_wire_rule *w = e->w;

	xtn_sets_add(e->sets, set_new(e, def, id));
	xw_u32(out(e), NFTA_LOOKUP_SREG, NFT_REG_1);
	xw_str(out(e), NFTA_LOOKUP_SET, "__set%d");
	w->lookup_at = xtn_xgrow(w->lookup_at, &w->cap_lookups,
				 w->n_lookups + 1, sizeof(*w->lookup_at), 4);
	w->lookup_at[w->n_lookups++] = xw_u32(out(e), NFTA_LOOKUP_SET_ID, id);
	xw_u32(out(e), NFTA_LOOKUP_FLAGS, invert ? NFT_LOOKUP_F_INV : 0);
	expr_end(e, x);
}

void xtn_enc_bitwise(struct xtn_enc *e, const void *mask, uint32_t len)
{
	struct expr_at x = expr_begin(e, "bitwise");
	uint8_t xor[16] = { 0 };

	xw_u32(out(e), NFTA_BITWISE_SREG, NFT_REG_1);
	xw_u32(out(e), NFTA_BITWISE_DREG, NFT_REG_1);
	xw_u32(out(e), NFTA_BITWISE_LEN, len);
	xw_value(out(e), NFTA_BITWISE_MASK, mask, len);
	xw_value(out(e), NFTA_BITWISE_XOR, xor, len);
	expr_end(e, x);
}

static const uint32_t cmp_ops[] = {
	[XTN_OP_EQ] = NFT_CMP_EQ, [XTN_OP_NEQ] = NFT_CMP_NEQ,
	[XTN_OP_LT] = NFT_CMP_LT, [XTN_OP_LTE] = NFT_CMP_LTE,
	[XTN_OP_GT] = NFT_CMP_GT, [XTN_OP_GTE] = NFT_CMP_GTE,
};

void xtn_enc_cmp(struct xtn_enc *e, enum xtn_relop op, const void *data,
		 uint32_t len)
{
	struct expr_at x = expr_begin(e, "cmp");

	xw_u32(out(e), NFTA_CMP_SREG, NFT_REG_1);
	xw_u32(out(e), NFTA_CMP_OP, cmp_ops[op]);
	xw_value(out(e), NFTA_CMP_DATA, data, len);
	expr_end(e, x);
}

void xtn_enc_range(struct xtn_enc *e, enum xtn_relop op, const void *lo,
		   const void *hi, uint32_t len)
{
	struct expr_at x = expr_begin(e, "range");

	xw_u32(out(e), NFTA_RANGE_SREG, NFT_REG_1);
	xw_u32(out(e), NFTA_RANGE_OP,
	       op == XTN_OP_RANGE_NEQ ? NFT_RANGE_NEQ : NFT_RANGE_EQ);
	xw_value(out(e), NFTA_RANGE_FROM_DATA, lo, len);
	xw_value(out(e), NFTA_RANGE_TO_DATA, hi, len);
	expr_end(e, x);
}

void xtn_enc_limit(struct xtn_enc *e, uint64_t rate, uint64_t unit,
		   uint32_t burst, uint32_t type, uint32_t flags)
{
	struct expr_at x = expr_begin(e, "limit");

	xw_u64(out(e), NFTA_LIMIT_RATE, rate);
	xw_u64(out(e), NFTA_LIMIT_UNIT, unit);
	xw_u32(out(e), NFTA_LIMIT_BURST, burst);
	xw_u32(out(e), NFTA_LIMIT_TYPE, type);
	xw_u32(out(e), NFTA_LIMIT_FLAGS, flags);
	expr_end(e, x);
}

void xtn_enc_log(struct xtn_enc *e, const struct xtn_nexpr *l)
{
	struct expr_at x = expr_begin(e, "log");
	uint32_t has = l->u.log.present;

	if (has & XTN_LOG_HAS_PREFIX)
		xw_str(out(e), NFTA_LOG_PREFIX, l->u.log.prefix);
	if (has & XTN_LOG_HAS_GROUP)
		xw_u16(out(e), NFTA_LOG_GROUP, l->u.log.group);
	if (has & XTN_LOG_HAS_SNAPLEN)
		xw_u32(out(e), NFTA_LOG_SNAPLEN, l->u.log.snaplen);
	if (has & XTN_LOG_HAS_QTHRESHOLD)
		xw_u16(out(e), NFTA_LOG_QTHRESHOLD, l->u.log.qthreshold);
	if (has & XTN_LOG_HAS_LEVEL)
		xw_u32(out(e), NFTA_LOG_LEVEL, l->u.log.level);
	if (has & XTN_LOG_HAS_FLAGS)
		xw_u32(out(e), NFTA_LOG_FLAGS, l->u.log.flags);
	expr_end(e, x);
}

/* iptables-nft loads the value into register 9 for meta set. */
void xtn_enc_meta_set(struct xtn_enc *e, uint32_t key, const void *data,
		      uint32_t len)
{
	struct expr_at x = expr_begin(e, "immediate");

	xw_u32(out(e), NFTA_IMMEDIATE_DREG, NFT_REG32_01);
	xw_value(out(e), NFTA_IMMEDIATE_DATA, data, len);
	expr_end(e, x);
	x = expr_begin(e, "meta");
	xw_u32(out(e), NFTA_META_KEY, key);
	xw_u32(out(e), NFTA_META_SREG, NFT_REG32_01);
	expr_end(e, x);
}

void xtn_enc_addr(struct xtn_enc *e, uint32_t base, uint32_t offset,
		  const void *addr, const void *mask, uint32_t len, bool inv)
{
	const uint8_t *m = mask;
	bool bitwise = false;
	uint32_t i, j;

	/* load only the leading 0xff bytes when the rest of the mask is 0 */
	for (i = 0; i < len; i++) {
		if (m[i] != 0xff) {
			bitwise = m[i] != 0;
			break;
		}
	}
	for (j = i + 1; !bitwise && j < len; j++)
		bitwise = m[j] != 0;
	if (!bitwise)
		len = i;
	xtn_enc_payload_load(e, base, offset, len);
	if (bitwise)
		xtn_enc_bitwise(e, mask, len);
	xtn_enc_cmp(e, inv ? XTN_OP_NEQ : XTN_OP_EQ, addr, len);
}

void xtn_enc_iface(struct xtn_enc *e, uint32_t key, const char *name, bool inv)
{
	size_t len = strlen(name);

	if (len == 0)
		return;
	if (inv && strcmp(name, "+") == 0) {
		/* "! -i +" matches nothing: iptables compares with a name no
		 * interface can have */
		xtn_enc_meta_load(e, key);
		xtn_enc_cmp(e, XTN_OP_EQ, XTN_IFACE_NONE, sizeof(XTN_IFACE_NONE));
		return;
	}
	if (name[len - 1] == '+') {
		/* "+" alone matches any interface: nothing to emit */
		if (len == 1)
			return;
		xtn_enc_meta_load(e, key);
		xtn_enc_cmp(e, inv ? XTN_OP_NEQ : XTN_OP_EQ, name,
			    (uint32_t)len - 1);
		return;
	}
	xtn_enc_meta_load(e, key);
	xtn_enc_cmp(e, inv ? XTN_OP_NEQ : XTN_OP_EQ, name, (uint32_t)len + 1);
}

static void add_xt(struct xtn_enc *e, const struct xtn_ext *ext,
		   const void *data)
{
	/* ebtables' watchers are compat targets too */
	bool target = ext->kind == XTN_EXT_TARGET || ext->kind == XTN_EXT_WATCHER;
	struct expr_at x = expr_begin(e, target ? "target" : "match");

	/* NFTA_{MATCH,TARGET}_{NAME,REV,INFO} share their numbers */
	xw_str(out(e), NFTA_MATCH_NAME, ext->xt.name);
	xw_u32(out(e), NFTA_MATCH_REV, ext->xt.revision);
	/* the blob is sent 8-byte aligned, zero-padded */
	xw_put_padded(out(e), NFTA_MATCH_INFO, data, ext->xt.size,
		      XTN_ALIGN8(ext->xt.size));
	expr_end(e, x);
}

int xtn_enc_xt(struct xtn_enc *e, const struct xtn_ext *ext, const void *data)
{
	if (!ext->xt.name)
		return xtn_enc_fail(e, "extension %s has no kernel encoding",
				    ext->name);
	add_xt(e, ext, data);
	return 0;
}

const struct xtn_rule *xtn_enc_rule(const struct xtn_enc *e)
{
	return e->rule;
}

unsigned int xtn_enc_l4proto(const struct xtn_enc *e)
{
	return xtn_rule_l4proto(e->rule, NULL);
}

static int enc_vfail(struct xtn_enc *e, int status, const char *fmt, va_list ap)
{
	return xtn_vfail(e->diag, status, &e->rule->loc, fmt, ap);
}

int xtn_enc_fail(struct xtn_enc *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	enc_vfail(e, XTN_OTHER, fmt, ap);
	va_end(ap);
	return -1;
}

int xtn_enc_fail_param(struct xtn_enc *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	enc_vfail(e, XTN_PARAM, fmt, ap);
	va_end(ap);
	return -1;
}

static int encode_inst(struct xtn_enc *e, const struct xtn_ext_inst *inst)
{
	e->cur = inst->has_loc ? inst->loc : e->rule->loc;
	if (inst->ext->encode)
		return inst->ext->encode(e, inst->data);
	return xtn_enc_xt(e, inst->ext, inst->data);
}

static void encode_counter(struct xtn_enc *e)
{
	struct expr_at x = expr_begin(e, "counter");

	xw_u64(out(e), NFTA_COUNTER_BYTES, e->rule->bytes);
	xw_u64(out(e), NFTA_COUNTER_PACKETS, e->rule->pkts);
	expr_end(e, x);
}

static void encode_verdict(struct xtn_enc *e, int verdict, const char *chain)
{
	struct expr_at x = expr_begin(e, "immediate");
	size_t data, v;

	xw_u32(out(e), NFTA_IMMEDIATE_DREG, NFT_REG_VERDICT);
	data = xw_nest_start(out(e), NFTA_IMMEDIATE_DATA);
	v = xw_nest_start(out(e), NFTA_DATA_VERDICT);
	xw_u32(out(e), NFTA_VERDICT_CODE, (uint32_t)verdict);
	if (chain)
		xw_str(out(e), NFTA_VERDICT_CHAIN, chain);
	xw_nest_end(out(e), v);
	xw_nest_end(out(e), data);
	expr_end(e, x);
}

static bool broute_table(const struct xtn_enc *e)
{
	return e->rule->fam->bit == XTN_FAM_BRIDGE && strcmp(e->table, "broute") == 0;
}

static int encode_action(struct xtn_enc *e)
{
	const struct xtn_rule *r = e->rule;

	switch (r->verdict) {
	case XTN_V_NONE:
		return 0;
	case XTN_V_ACCEPT:
		encode_verdict(e, NF_ACCEPT, NULL);
		return 0;
	case XTN_V_DROP:
		if (broute_table(e)) {
			/* DROP there means "route it": bridge meta support */
			static const uint8_t one = 1;

			xtn_enc_meta_set(e, XTN_META_BRI_BROUTE, &one, 1);
			encode_verdict(e, NF_ACCEPT, NULL);
			return 0;
		}
		encode_verdict(e, NF_DROP, NULL);
		return 0;
	case XTN_V_RETURN:
		encode_verdict(e, NFT_RETURN, NULL);
		return 0;
	case XTN_V_JUMP:
		encode_verdict(e, NFT_JUMP, r->chain);
		return 0;
	case XTN_V_GOTO:
		encode_verdict(e, NFT_GOTO, r->chain);
		return 0;
	case XTN_V_TARGET:
		return encode_inst(e, r->target);
	}
	return 0;
}

/* NFTA_RULE_COMPAT: the kernel's xt layer checks matches against it.
 * Only families whose base match states a protocol send it (arptables
 * 1.8.9 sends none). */
static void set_compat(struct xtn_enc *e)
{
	bool inv;
	unsigned int proto = xtn_rule_l4proto(e->rule, &inv);

	/* arptables-nft sends none: its base match has no compat value */
	if (!e->rule->base || !e->rule->base->ext->compat_proto)
		return;
	e->w->has_compat = true;
	e->w->compat_proto = proto;
	e->w->compat_flags = inv ? NFT_RULE_COMPAT_F_INV : 0;
}

struct nftnl_rule *xtn_codec_encode(const struct xtn_rule *r,
				    const char *table, const char *chain,
				    struct xtn_diag *d)
{
	return xtn_codec_encode_located(r, table, chain, d, NULL, NULL);
}

struct nftnl_rule *xtn_codec_encode_located(const struct xtn_rule *r,
					    const char *table,
					    const char *chain,
					    struct xtn_diag *d,
					    struct xtn_loc **locs,
					    unsigned int *n_locs)
{
	return xtn_codec_encode_sets(r, table, chain, d, NULL, locs, n_locs);
}

/* A failed encoding leaves the caller's sets as they were. */
static void drop_sets_from(struct xtn_sets *sets, unsigned int n)
{
	while (sets->n > n)
		nftnl_set_free(sets->v[--sets->n]);
}

int xtn_codec_encode_wire(const struct xtn_rule *r, const char *table,
			  const char *chain, struct xtn_diag *d,
			  struct xtn_sets *sets, struct xtn_loc **locs,
			  unsigned int *n_locs, struct xtn_wire_rule *w)
{
	struct xtn_enc e = { .w = w, .rule = r, .table = table, .diag = d,
			     .cur = r->loc, .want_locs = locs != NULL };
	struct xtn_ext_inst *m;
	unsigned int n_sets;

	xtn_wire_init(w);
	/* most rules' expressions fit one block that malloc's per-thread
	 * cache serves (up to about 1 KiB): one allocation, no doubling */
	xtn_strbuf_reserve(&w->exprs, 1000);
	xtn_sets_init(&e.own);
	e.sets = sets ? sets : &e.own;
	n_sets = e.sets->n;
	w->family = (uint8_t)r->fam->nfproto;
	w->table = table;
	w->chain = chain;
	if (r->base && encode_inst(&e, r->base) < 0)
		goto fail;
	xtn_list_for_each(m, &r->matches, node)
		if (encode_inst(&e, m) < 0)
			goto fail;
	e.cur = r->loc;
	encode_counter(&e);
	if (encode_action(&e) < 0)
		goto fail;
	set_compat(&e);
	if (locs) {
		*locs = e.locs;
		*n_locs = e.n_locs;
	}
	xtn_sets_fini(&e.own);
	return 0;
fail:
	free(e.locs);
	drop_sets_from(e.sets, n_sets);
	xtn_sets_fini(&e.own);
	xtn_wire_fini(w);
	return -1;
}

/* The rule object, for callers that edit or print one. */
struct nftnl_rule *xtn_codec_encode_sets(const struct xtn_rule *r,
					 const char *table, const char *chain,
					 struct xtn_diag *d, struct xtn_sets *sets,
					 struct xtn_loc **locs,
					 unsigned int *n_locs)
{
	struct xtn_wire_rule w;
	struct nftnl_rule *nr;

	if (xtn_codec_encode_wire(r, table, chain, d, sets, locs, n_locs,
				  &w) < 0)
		return NULL;
	nr = xtn_wire_to_nftnl(&w);
	xtn_wire_fini(&w);
	if (!nr)
		xtn_fail(d, XTN_OTHER, &r->loc,
			 "this rule cannot be read back by libnftnl (an empty comparison)");
	return nr;
}
