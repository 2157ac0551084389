/* Encoder: rule model -> libnftnl expressions, register 1 throughout. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <xtnft/codec.h>
#include <xtnft/diag.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

struct xtn_enc {
	struct nftnl_rule *nr;
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

static void add(struct xtn_enc *e, struct nftnl_expr *x)
{
	nftnl_rule_add_expr(e->nr, x);
	if (!e->want_locs)
		return;
	if (e->n_locs == e->cap_locs) {
		e->cap_locs = e->cap_locs ? 2 * e->cap_locs : 16;
		e->locs = xtn_xrealloc(e->locs, e->cap_locs * sizeof(*e->locs));
	}
	e->locs[e->n_locs++] = e->cur;
}

void xtn_enc_set_opt(struct xtn_enc *e, const struct xtn_ext_inst *inst,
		     unsigned int id)
{
	if (inst->opt_loc && id < XTN_MAX_OPT_IDS && (inst->seen & (1u << id)))
		e->cur = inst->opt_loc[id];
}

static struct nftnl_expr *expr_new(const char *name)
{
	struct nftnl_expr *x = nftnl_expr_alloc(name);

	if (!x) {
		/* libnftnl only fails here on allocation */
		abort();
	}
	return x;
}

void xtn_enc_meta_load(struct xtn_enc *e, uint32_t key)
{
	struct nftnl_expr *x = expr_new("meta");

	nftnl_expr_set_u32(x, NFTNL_EXPR_META_KEY, key);
	nftnl_expr_set_u32(x, NFTNL_EXPR_META_DREG, NFT_REG_1);
	add(e, x);
}

void xtn_enc_payload_load(struct xtn_enc *e, uint32_t base, uint32_t offset,
			  uint32_t len)
{
	struct nftnl_expr *x = expr_new("payload");

	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_BASE, base);
	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_OFFSET, offset);
	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_LEN, len);
	add(e, x);
}

void xtn_enc_payload_load_reg(struct xtn_enc *e, uint32_t base,
			      uint32_t offset, uint32_t len, uint32_t dreg)
{
	struct nftnl_expr *x = expr_new("payload");

	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_BASE, base);
	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_DREG, dreg);
	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_OFFSET, offset);
	nftnl_expr_set_u32(x, NFTNL_EXPR_PAYLOAD_LEN, len);
	add(e, x);
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
	struct nftnl_expr *x = expr_new("lookup");
	uint32_t id = ++e->set_id;

	xtn_sets_add(e->sets, set_new(e, def, id));
	nftnl_expr_set_u32(x, NFTNL_EXPR_LOOKUP_SREG, NFT_REG_1);
	nftnl_expr_set_str(x, NFTNL_EXPR_LOOKUP_SET, "__set%d");
	nftnl_expr_set_u32(x, NFTNL_EXPR_LOOKUP_SET_ID, id);
	nftnl_expr_set_u32(x, NFTNL_EXPR_LOOKUP_FLAGS,
			   invert ? NFT_LOOKUP_F_INV : 0);
	add(e, x);
}

void xtn_enc_bitwise(struct xtn_enc *e, const void *mask, uint32_t len)
{
	struct nftnl_expr *x = expr_new("bitwise");
	uint8_t xor[16] = { 0 };

	nftnl_expr_set_u32(x, NFTNL_EXPR_BITWISE_SREG, NFT_REG_1);
	nftnl_expr_set_u32(x, NFTNL_EXPR_BITWISE_DREG, NFT_REG_1);
	nftnl_expr_set_u32(x, NFTNL_EXPR_BITWISE_LEN, len);
	nftnl_expr_set(x, NFTNL_EXPR_BITWISE_MASK, mask, len);
	nftnl_expr_set(x, NFTNL_EXPR_BITWISE_XOR, xor, len);
	add(e, x);
}

static const uint32_t cmp_ops[] = {
	[XTN_OP_EQ] = NFT_CMP_EQ, [XTN_OP_NEQ] = NFT_CMP_NEQ,
	[XTN_OP_LT] = NFT_CMP_LT, [XTN_OP_LTE] = NFT_CMP_LTE,
	[XTN_OP_GT] = NFT_CMP_GT, [XTN_OP_GTE] = NFT_CMP_GTE,
};

void xtn_enc_cmp(struct xtn_enc *e, enum xtn_relop op, const void *data,
		 uint32_t len)
{
	struct nftnl_expr *x = expr_new("cmp");

	nftnl_expr_set_u32(x, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(x, NFTNL_EXPR_CMP_OP, cmp_ops[op]);
	nftnl_expr_set(x, NFTNL_EXPR_CMP_DATA, data, len);
	add(e, x);
}

void xtn_enc_range(struct xtn_enc *e, enum xtn_relop op, const void *lo,
		   const void *hi, uint32_t len)
{
	struct nftnl_expr *x = expr_new("range");

	nftnl_expr_set_u32(x, NFTNL_EXPR_RANGE_SREG, NFT_REG_1);
	nftnl_expr_set_u32(x, NFTNL_EXPR_RANGE_OP,
			   op == XTN_OP_RANGE_NEQ ? NFT_RANGE_NEQ : NFT_RANGE_EQ);
	nftnl_expr_set(x, NFTNL_EXPR_RANGE_FROM_DATA, lo, len);
	nftnl_expr_set(x, NFTNL_EXPR_RANGE_TO_DATA, hi, len);
	add(e, x);
}

void xtn_enc_limit(struct xtn_enc *e, uint64_t rate, uint64_t unit,
		   uint32_t burst, uint32_t type, uint32_t flags)
{
	struct nftnl_expr *x = expr_new("limit");

	nftnl_expr_set_u64(x, NFTNL_EXPR_LIMIT_RATE, rate);
	nftnl_expr_set_u64(x, NFTNL_EXPR_LIMIT_UNIT, unit);
	nftnl_expr_set_u32(x, NFTNL_EXPR_LIMIT_BURST, burst);
	nftnl_expr_set_u32(x, NFTNL_EXPR_LIMIT_TYPE, type);
	nftnl_expr_set_u32(x, NFTNL_EXPR_LIMIT_FLAGS, flags);
	add(e, x);
}

void xtn_enc_log(struct xtn_enc *e, const struct xtn_nexpr *l)
{
	struct nftnl_expr *x = expr_new("log");
	uint32_t has = l->u.log.present;

	if (has & XTN_LOG_HAS_GROUP)
		nftnl_expr_set_u16(x, NFTNL_EXPR_LOG_GROUP, l->u.log.group);
	if (has & XTN_LOG_HAS_PREFIX)
		nftnl_expr_set_str(x, NFTNL_EXPR_LOG_PREFIX, l->u.log.prefix);
	if (has & XTN_LOG_HAS_SNAPLEN)
		nftnl_expr_set_u32(x, NFTNL_EXPR_LOG_SNAPLEN, l->u.log.snaplen);
	if (has & XTN_LOG_HAS_QTHRESHOLD)
		nftnl_expr_set_u16(x, NFTNL_EXPR_LOG_QTHRESHOLD,
				   l->u.log.qthreshold);
	if (has & XTN_LOG_HAS_LEVEL)
		nftnl_expr_set_u32(x, NFTNL_EXPR_LOG_LEVEL, l->u.log.level);
	if (has & XTN_LOG_HAS_FLAGS)
		nftnl_expr_set_u32(x, NFTNL_EXPR_LOG_FLAGS, l->u.log.flags);
	add(e, x);
}

/* iptables-nft loads the value into register 9 for meta set. */
void xtn_enc_meta_set(struct xtn_enc *e, uint32_t key, const void *data,
		      uint32_t len)
{
	struct nftnl_expr *imm = expr_new("immediate");
	struct nftnl_expr *x = expr_new("meta");

	nftnl_expr_set_u32(imm, NFTNL_EXPR_IMM_DREG, NFT_REG32_01);
	nftnl_expr_set(imm, NFTNL_EXPR_IMM_DATA, data, len);
	add(e, imm);
	nftnl_expr_set_u32(x, NFTNL_EXPR_META_KEY, key);
	nftnl_expr_set_u32(x, NFTNL_EXPR_META_SREG, NFT_REG32_01);
	add(e, x);
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
	struct nftnl_expr *x = expr_new(target ? "target" : "match");
	size_t size = XTN_ALIGN8(ext->xt.size);
	void *info = xtn_xzalloc(size);

	memcpy(info, data, ext->xt.size);
	nftnl_expr_set_str(x, target ? NFTNL_EXPR_TG_NAME : NFTNL_EXPR_MT_NAME,
			   ext->xt.name);
	nftnl_expr_set_u32(x, target ? NFTNL_EXPR_TG_REV : NFTNL_EXPR_MT_REV,
			   ext->xt.revision);
	/* libnftnl takes ownership of info (it does not copy match data) */
	nftnl_expr_set(x, target ? NFTNL_EXPR_TG_INFO : NFTNL_EXPR_MT_INFO,
		       info, (uint32_t)size);
	add(e, x);
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
	struct nftnl_expr *x = expr_new("counter");

	nftnl_expr_set_u64(x, NFTNL_EXPR_CTR_PACKETS, e->rule->pkts);
	nftnl_expr_set_u64(x, NFTNL_EXPR_CTR_BYTES, e->rule->bytes);
	add(e, x);
}

static void encode_verdict(struct xtn_enc *e, int verdict, const char *chain)
{
	struct nftnl_expr *x = expr_new("immediate");

	nftnl_expr_set_u32(x, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
	nftnl_expr_set_u32(x, NFTNL_EXPR_IMM_VERDICT, (uint32_t)verdict);
	if (chain)
		nftnl_expr_set_str(x, NFTNL_EXPR_IMM_CHAIN, chain);
	add(e, x);
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
	nftnl_rule_set_u32(e->nr, NFTNL_RULE_COMPAT_PROTO, proto);
	nftnl_rule_set_u32(e->nr, NFTNL_RULE_COMPAT_FLAGS,
			   inv ? NFT_RULE_COMPAT_F_INV : 0);
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

struct nftnl_rule *xtn_codec_encode_sets(const struct xtn_rule *r,
					 const char *table, const char *chain,
					 struct xtn_diag *d, struct xtn_sets *sets,
					 struct xtn_loc **locs,
					 unsigned int *n_locs)
{
	struct xtn_enc e = { .rule = r, .table = table, .diag = d, .cur = r->loc,
			     .want_locs = locs != NULL };
	struct xtn_ext_inst *m;
	unsigned int n_sets;

	xtn_sets_init(&e.own);
	e.sets = sets ? sets : &e.own;
	n_sets = e.sets->n;
	e.nr = nftnl_rule_alloc();
	if (!e.nr)
		abort();
	nftnl_rule_set_u32(e.nr, NFTNL_RULE_FAMILY, r->fam->nfproto);
	nftnl_rule_set_str(e.nr, NFTNL_RULE_TABLE, table);
	nftnl_rule_set_str(e.nr, NFTNL_RULE_CHAIN, chain);
	if (r->base && encode_inst(&e, r->base) < 0)
		goto fail;
	xtn_list_for_each(m, &r->matches, node)
		if (encode_inst(&e, m) < 0)
			goto fail;
	xtn_list_for_each(m, &r->watchers, node)
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
	return e.nr;
fail:
	free(e.locs);
	drop_sets_from(e.sets, n_sets);
	xtn_sets_fini(&e.own);
	nftnl_rule_free(e.nr);
	return NULL;
}
