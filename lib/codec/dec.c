/*
 * Decoder: the kernel's rule messages -> rule model, by tracking what each
 * register holds (iptables-nft's algorithm, order-insensitive).  Relations
 * (cmp/range on a loaded field) go to the family base match first, then to
 * the registered descriptors; xt compat blobs map to descriptors by name and
 * revision.  Whatever no descriptor claims makes the rule undecodable: we
 * never drop an expression silently (interop.md Decision 3).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <endian.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <xtnft/codec.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "nlrule.h"

#define NREGS 32
#define MAX_NATIVE 8

struct reg {
	bool valid;
	struct xtn_field f;
	/* immediate data (for a following meta set) */
	bool imm;
	uint32_t imm_len;
	uint8_t imm_data[16];
};

struct xtn_dec {
	struct xtn_rule *rule;
	const struct xtn_family *fam;
	struct reg regs[NREGS];
	/* instances created from native relations, one per descriptor */
	struct {
		const struct xtn_ext *ext;
		struct xtn_ext_inst *inst;	/* its last instance */
		uint32_t claimed;		/* fields that instance has */
	} native[MAX_NATIVE];
	unsigned int n_native;
	enum xtn_dec_status status;
	bool counted;		/* the rule's counter was read */
	bool broute;		/* ebtables broute's "route this frame" mark */
	const struct xtn_set_source *sets;	/* what lookups name, or NULL */
	struct xtn_xt_memo *memo;	/* the listing's, or NULL */
};

struct xtn_rule *xtn_dec_rule(struct xtn_dec *d)
{
	return d->rule;
}

void *xtn_dec_claim(struct xtn_dec *d, const struct xtn_ext *ext,
		    uint32_t fields)
{
	struct xtn_ext_inst *inst;
	unsigned int i;

	for (i = 0; i < d->n_native; i++)
		if (d->native[i].ext == ext)
			break;
	if (i < d->n_native && !(d->native[i].claimed & fields)) {
		d->native[i].claimed |= fields;
		return d->native[i].inst->data;
	}
	/* first of its kind, or a field given again: `-m tcp --dport 22
	 * -m tcp --dport 23` is two matches, not the last one */
	if (i == MAX_NATIVE)
		return NULL;
	inst = xtn_inst_new(ext, d->fam);
	xtn_rule_add_match(d->rule, inst);
	d->native[i].ext = ext;
	d->native[i].inst = inst;
	d->native[i].claimed = fields;
	if (i == d->n_native)
		d->n_native++;
	return inst->data;
}

int xtn_dec_iface(const struct xtn_rel *rel, char name[XTN_IFNAMSIZ],
		  bool *inv)
{
	size_t n = rel->len < XTN_IFNAMSIZ ? rel->len : XTN_IFNAMSIZ;
	size_t len = strnlen((const char *)rel->data, n);

	if (rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ)
		return -1;
	memset(name, 0, XTN_IFNAMSIZ);
	if (len == n && rel->len <= XTN_IFNAMSIZ) {
		/* no terminating NUL compared: a prefix, i.e. "name+" */
		if (len + 1 >= XTN_IFNAMSIZ)
			return -1;
		memcpy(name, rel->data, len);
		name[len] = '+';
	} else {
		memcpy(name, rel->data, len);
	}
	*inv = rel->op == XTN_OP_NEQ;
	if (rel->op == XTN_OP_EQ && strcmp(name, XTN_IFACE_NONE) == 0) {
		strcpy(name, "+");
		*inv = true;
	}
	return 0;
}

void *xtn_dec_target(struct xtn_dec *d, const struct xtn_ext *ext)
{
	if (d->rule->verdict != XTN_V_NONE) {
		xtn_dec_fail(d, "two verdicts");
		return NULL;
	}
	d->rule->verdict = XTN_V_TARGET;
	d->rule->target = xtn_inst_new(ext, d->fam);
	memset(d->rule->target->data, 0, ext->data_size);
	return d->rule->target->data;
}

unsigned int xtn_dec_l4proto(const struct xtn_dec *d, bool *inverted)
{
	/* "! -p tcp --syn" holds tcp fields too: 1.8.9 writes and reads
	 * them whatever the inversion, and so must we */
	return xtn_rule_l4proto(d->rule, inverted);
}

static void mark(struct xtn_dec *d, enum xtn_dec_status st, const char *fmt,
		 va_list ap)
{
	struct xtn_strbuf sb;

	if (st > d->status)
		d->status = st;
	if (d->rule->undecodable)
		return;
	xtn_strbuf_init(&sb);
	xtn_strbuf_vprintf(&sb, fmt, ap);
	d->rule->undecodable = xtn_strbuf_steal(&sb);
}

int xtn_dec_fail(struct xtn_dec *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mark(d, XTN_DEC_LOSSY, fmt, ap);
	va_end(ap);
	return -1;
}

static int dec_foreign(struct xtn_dec *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mark(d, XTN_DEC_FOREIGN, fmt, ap);
	va_end(ap);
	return -1;
}

static struct reg *reg_get(struct xtn_dec *d, uint32_t r)
{
	return r < NREGS ? &d->regs[r] : NULL;
}

static int on_payload(struct xtn_dec *d, const struct nx *x)
{
	struct reg *r;

	if (nx_has(x, NFTA_PAYLOAD_SREG))
		return xtn_dec_fail(d, "payload write");
	r = reg_get(d, nx_u32(x, NFTA_PAYLOAD_DREG));
	if (!r)
		return xtn_dec_fail(d, "bad register");
	memset(r, 0, sizeof(*r));
	r->valid = true;
	r->f.kind = XTN_FIELD_PAYLOAD;
	r->f.base = nx_u32(x, NFTA_PAYLOAD_BASE);
	r->f.offset = nx_u32(x, NFTA_PAYLOAD_OFFSET);
	r->f.len = nx_u32(x, NFTA_PAYLOAD_LEN);
	return 0;
}

/* Offer a native non-relation expression to the descriptors claiming
 * its kind. */
static int dispatch_nexpr(struct xtn_dec *d, const struct xtn_nexpr *nx,
			  uint32_t claim, const char *what)
{
	const struct xtn_ext *const *reg;
	size_t n, i;
	int ret;

	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++) {
		if (!(reg[i]->claims & claim) || !reg[i]->decode_nexpr ||
		    !(reg[i]->families & d->fam->bit))
			continue;
		ret = reg[i]->decode_nexpr(d, nx);
		if (ret)
			return ret < 0 ? xtn_dec_fail(d, "unsupported %s",
						      what) : 0;
	}
	return xtn_dec_fail(d, "%s", what);
}

/* meta set KEY from a register holding immediate data (-j TRACE). */
static int on_meta_set(struct xtn_dec *d, const struct nx *x)
{
	struct reg *r = reg_get(d, nx_u32(x, NFTA_META_SREG));
	struct xtn_nexpr nx;

	if (!r || !r->imm)
		return xtn_dec_fail(d, "meta set");
	memset(&nx, 0, sizeof(nx));
	nx.kind = XTN_NEXPR_META_SET;
	nx.u.meta_set.key = nx_u32(x, NFTA_META_KEY);
	if (d->fam->bit == XTN_FAM_BRIDGE && nx.u.meta_set.key == XTN_META_BRI_BROUTE &&
	    r->imm_len == 1 && r->imm_data[0] == 1) {
		d->broute = true;	/* read back with the verdict: DROP */
		return 0;
	}
	nx.u.meta_set.len = r->imm_len;
	memcpy(nx.u.meta_set.data, r->imm_data, r->imm_len);
	return dispatch_nexpr(d, &nx, XTN_CLAIM_META_SET, "meta set");
}

static int on_limit(struct xtn_dec *d, const struct nx *x)
{
	struct xtn_nexpr nx;

	memset(&nx, 0, sizeof(nx));
	nx.kind = XTN_NEXPR_LIMIT;
	nx.u.limit.rate = nx_u64(x, NFTA_LIMIT_RATE);
	nx.u.limit.unit = nx_u64(x, NFTA_LIMIT_UNIT);
	nx.u.limit.burst = nx_u32(x, NFTA_LIMIT_BURST);
	nx.u.limit.type = nx_u32(x, NFTA_LIMIT_TYPE);
	nx.u.limit.flags = nx_u32(x, NFTA_LIMIT_FLAGS);
	return dispatch_nexpr(d, &nx, XTN_CLAIM_LIMIT, "limit expression");
}

static int on_log(struct xtn_dec *d, const struct nx *x)
{
	static const struct {
		uint16_t attr;
		uint32_t bit;
	} has[] = {
		{ NFTA_LOG_GROUP, XTN_LOG_HAS_GROUP },
		{ NFTA_LOG_PREFIX, XTN_LOG_HAS_PREFIX },
		{ NFTA_LOG_SNAPLEN, XTN_LOG_HAS_SNAPLEN },
		{ NFTA_LOG_QTHRESHOLD, XTN_LOG_HAS_QTHRESHOLD },
		{ NFTA_LOG_LEVEL, XTN_LOG_HAS_LEVEL },
		{ NFTA_LOG_FLAGS, XTN_LOG_HAS_FLAGS },
	};
	struct xtn_nexpr nx;
	size_t i;

	memset(&nx, 0, sizeof(nx));
	nx.kind = XTN_NEXPR_LOG;
	for (i = 0; i < XTN_ARRAY_SIZE(has); i++)
		if (nx_has(x, has[i].attr))
			nx.u.log.present |= has[i].bit;
	nx.u.log.group = nx_u16(x, NFTA_LOG_GROUP);
	nx.u.log.qthreshold = nx_u16(x, NFTA_LOG_QTHRESHOLD);
	nx.u.log.snaplen = nx_u32(x, NFTA_LOG_SNAPLEN);
	nx.u.log.level = nx_u32(x, NFTA_LOG_LEVEL);
	nx.u.log.flags = nx_u32(x, NFTA_LOG_FLAGS);
	nx.u.log.prefix = nx.u.log.present & XTN_LOG_HAS_PREFIX ?
			  nx_str(x, NFTA_LOG_PREFIX) : NULL;
	return dispatch_nexpr(d, &nx, XTN_CLAIM_LOG, "log expression");
}

static int on_meta(struct xtn_dec *d, const struct nx *x)
{
	struct reg *r;

	if (!nx_has(x, NFTA_META_DREG))
		return on_meta_set(d, x);
	r = reg_get(d, nx_u32(x, NFTA_META_DREG));
	if (!r)
		return xtn_dec_fail(d, "bad register");
	memset(r, 0, sizeof(*r));
	r->valid = true;
	r->f.kind = XTN_FIELD_META;
	r->f.key = nx_u32(x, NFTA_META_KEY);
	return 0;
}

static int on_bitwise(struct xtn_dec *d, const struct nx *x)
{
	struct reg *s = reg_get(d, nx_u32(x, NFTA_BITWISE_SREG));
	struct reg *t = reg_get(d, nx_u32(x, NFTA_BITWISE_DREG));
	uint32_t mlen = 0, xlen = 0, i;
	const uint8_t *mask, *xor;

	if (nx_has(x, NFTA_BITWISE_OP) &&
	    nx_u32(x, NFTA_BITWISE_OP) != NFT_BITWISE_BOOL)
		return xtn_dec_fail(d, "bitwise shift");
	if (!s || !t || !s->valid)
		return xtn_dec_fail(d, "bitwise on an empty register");
	mask = nx_data(x, NFTA_BITWISE_MASK, &mlen);
	xor = nx_data(x, NFTA_BITWISE_XOR, &xlen);
	if (!mask || mlen > sizeof(s->f.mask) || s->f.masked)
		return xtn_dec_fail(d, "unsupported bitwise");
	for (i = 0; xor && i < xlen; i++)
		if (xor[i])
			return xtn_dec_fail(d, "bitwise xor");
	*t = *s;
	t->f.masked = true;
	memset(t->f.mask, 0, sizeof(t->f.mask));
	memcpy(t->f.mask, mask, mlen);
	return 0;
}

/* The claim bit a relation's field falls under. */
static uint32_t rel_claim(const struct xtn_rel *rel)
{
	if (rel->f.kind == XTN_FIELD_META)
		return XTN_CLAIM_META;
	switch (rel->f.base) {
	case XTN_PL_LL:
		return XTN_CLAIM_PL_LL;
	case XTN_PL_NH:
		return XTN_CLAIM_PL_NH;
	case XTN_PL_TH:
		return XTN_CLAIM_PL_TH;
	default:
		return 0;
	}
}

static int dispatch(struct xtn_dec *d, const struct xtn_rel *rel)
{
	const struct xtn_ext *const *reg;
	uint32_t claim;
	size_t n, i;
	int ret;

	if (d->rule->base && d->rule->base->ext->decode_rel) {
		ret = d->rule->base->ext->decode_rel(d, rel);
		if (ret)
			return ret < 0 ? xtn_dec_fail(d, "unsupported base field") : 0;
	}
	claim = rel_claim(rel);
	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++) {
		if (!(reg[i]->claims & claim) || reg[i]->kind == XTN_EXT_BASE ||
		    !reg[i]->decode_rel || !(reg[i]->families & d->fam->bit) ||
		    (claim == XTN_CLAIM_META && (rel->f.key >= 64 ||
		     !(reg[i]->claim_meta & (UINT64_C(1) << rel->f.key)))))
			continue;
		ret = reg[i]->decode_rel(d, rel);
		if (ret)
			return ret < 0 ? xtn_dec_fail(d, "unsupported %s field",
						      reg[i]->name) : 0;
	}
	if (rel->f.kind == XTN_FIELD_META)
		return xtn_dec_fail(d, "meta key %u", rel->f.key);
	return xtn_dec_fail(d, "payload base %u offset %u length %u",
			    rel->f.base, rel->f.offset, rel->f.len);
}

static int rel_from_reg(struct xtn_dec *d, uint32_t sreg, struct xtn_rel *rel)
{
	struct reg *r = reg_get(d, sreg);

	if (!r || !r->valid)
		return xtn_dec_fail(d, "compare on an empty register");
	memset(rel, 0, sizeof(*rel));
	rel->f = r->f;
	return 0;
}

static int on_cmp(struct xtn_dec *d, const struct nx *x)
{
	static const enum xtn_relop ops[] = {
		[NFT_CMP_EQ] = XTN_OP_EQ, [NFT_CMP_NEQ] = XTN_OP_NEQ,
		[NFT_CMP_LT] = XTN_OP_LT, [NFT_CMP_LTE] = XTN_OP_LTE,
		[NFT_CMP_GT] = XTN_OP_GT, [NFT_CMP_GTE] = XTN_OP_GTE,
	};
	uint32_t op = nx_u32(x, NFTA_CMP_OP), len = 0;
	const void *data = nx_data(x, NFTA_CMP_DATA, &len);
	struct xtn_rel rel;

	if (rel_from_reg(d, nx_u32(x, NFTA_CMP_SREG), &rel) < 0)
		return -1;
	if (op >= XTN_ARRAY_SIZE(ops) || !data || len > sizeof(rel.data))
		return xtn_dec_fail(d, "unsupported compare");
	rel.op = ops[op];
	rel.len = len;
	memcpy(rel.data, data, len);
	return dispatch(d, &rel);
}

static int on_range(struct xtn_dec *d, const struct nx *x)
{
	uint32_t op = nx_u32(x, NFTA_RANGE_OP), l1 = 0, l2 = 0;
	const void *lo = nx_data(x, NFTA_RANGE_FROM_DATA, &l1);
	const void *hi = nx_data(x, NFTA_RANGE_TO_DATA, &l2);
	struct xtn_rel rel;

	if (rel_from_reg(d, nx_u32(x, NFTA_RANGE_SREG), &rel) < 0)
		return -1;
	if (!lo || !hi || l1 != l2 || l1 > sizeof(rel.data))
		return xtn_dec_fail(d, "unsupported range");
	rel.op = op == NFT_RANGE_NEQ ? XTN_OP_RANGE_NEQ : XTN_OP_RANGE_EQ;
	rel.len = l1;
	memcpy(rel.data, lo, l1);
	memcpy(rel.hi, hi, l2);
	return dispatch(d, &rel);
}

/* Data for a later meta set: kept in its register. */
static int on_immediate_data(struct xtn_dec *d, const struct nx *x)
{
	struct reg *r = reg_get(d, nx_u32(x, NFTA_IMMEDIATE_DREG));
	uint32_t len = 0;
	const void *data = nx_data(x, NFTA_IMMEDIATE_DATA, &len);

	if (!r || !data || len > sizeof(r->imm_data))
		return xtn_dec_fail(d, "immediate data");
	memset(r, 0, sizeof(*r));
	r->imm = true;
	r->imm_len = len;
	memcpy(r->imm_data, data, len);
	return 0;
}

static int on_immediate(struct xtn_dec *d, const struct nx *x)
{
	struct xtn_rule *r = d->rule;
	const char *chain;
	int verdict;

	if (nx_u32(x, NFTA_IMMEDIATE_DREG) != NFT_REG_VERDICT)
		return on_immediate_data(d, x);
	if (r->verdict != XTN_V_NONE)
		return xtn_dec_fail(d, "two verdicts");
	if (nx_verdict(x, &verdict, &chain) < 0)
		return xtn_dec_fail(d, "immediate without a verdict");
	switch (verdict) {
	case NF_ACCEPT:
		r->verdict = XTN_V_ACCEPT;
		return 0;
	case NF_DROP:
		r->verdict = XTN_V_DROP;
		return 0;
	case NFT_RETURN:
		r->verdict = XTN_V_RETURN;
		return 0;
	case NFT_JUMP:
	case NFT_GOTO:
		/* a jump by chain id (no name) is not iptables' */
		if (!chain)
			return xtn_dec_fail(d, "jump without a chain name");
		xtn_rule_set_jump(r, verdict == NFT_JUMP ? XTN_V_JUMP : XTN_V_GOTO,
				  chain);
		return 0;
	}
	return xtn_dec_fail(d, "verdict %d", verdict);
}

/* What an xt expression stands for: ebtables puts its watchers (compat
 * targets) before the counter, the target after it. */
static enum xtn_ext_kind xt_kind(const struct xtn_dec *d, bool target)
{
	if (!target)
		return XTN_EXT_MATCH;
	return d->fam->bit == XTN_FAM_BRIDGE && !d->counted ? XTN_EXT_WATCHER :
							      XTN_EXT_TARGET;
}

static int on_xt(struct xtn_dec *d, const struct nx *x, bool target)
{
	enum xtn_ext_kind kind = xt_kind(d, target);
	const char *name = nx_str(x, target ? NFTA_TARGET_NAME :
						      NFTA_MATCH_NAME);
	uint32_t rev = nx_u32(x, target ? NFTA_TARGET_REV :
						      NFTA_MATCH_REV);
	uint32_t len = 0;
	const void *info = nx_bin(x, target ? NFTA_TARGET_INFO :
						     NFTA_MATCH_INFO, &len);
	const struct xtn_xt_rev *how = NULL;
	const struct xtn_ext *ext;
	struct xtn_ext_inst *inst;
	int (*decode)(struct xtn_dec *, void *, const void *, size_t);

	if (!name)
		return xtn_dec_fail(d, "xt expression without a name");
	ext = xtn_ext_find_xt(name, rev, kind, d->fam, info, len, &how,
			      d->memo);
	if (!ext)
		return xtn_dec_fail(d, "%s %s revision %u", target ? "target" :
				    "match", name, rev);
	if (!info || len < (how ? how->size : ext->xt.size))
		return xtn_dec_fail(d, "%s %s: short data", target ? "target" :
				    "match", name);
	decode = how ? how->decode : ext->decode_xt;
	inst = xtn_inst_new(ext, d->fam);
	memset(inst->data, 0, ext->data_size);
	if (decode) {
		if (decode(d, inst->data, info, len) < 0) {
			xtn_inst_free(inst);
			return xtn_dec_fail(d, "%s data", name);
		}
	} else {
		memcpy(inst->data, info, ext->xt.size);
	}
	if (kind != XTN_EXT_TARGET) {
		xtn_rule_add_match(d->rule, inst);
		return 0;
	}
	if (d->rule->verdict != XTN_V_NONE) {
		xtn_inst_free(inst);
		return xtn_dec_fail(d, "two verdicts");
	}
	d->rule->verdict = XTN_V_TARGET;
	d->rule->target = inst;
	return 0;
}

static int on_counter(struct xtn_dec *d, const struct nx *x)
{
	d->counted = true;
	d->rule->pkts = nx_u64(x, NFTA_COUNTER_PACKETS);
	d->rule->bytes = nx_u64(x, NFTA_COUNTER_BYTES);
	return 0;
}

static int on_match(struct xtn_dec *d, const struct nx *x)
{
	return on_xt(d, x, false);
}

static int on_target(struct xtn_dec *d, const struct nx *x)
{
	return on_xt(d, x, true);
}

bool xtn_codec_family_reads_sets(const struct xtn_family *fam)
{
	const struct xtn_ext *const *reg;
	size_t n, i;

	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++)
		if ((reg[i]->claims & XTN_CLAIM_LOOKUP) &&
		    (reg[i]->families & fam->bit))
			return true;
	return false;
}

static bool nx_is_lookup(const struct nx *x, void *data)
{
	(void)data;
	return strcmp(x->name, "lookup") == 0;
}

bool xtn_codec_msg_has_lookup(const struct nlmsghdr *nlh)
{
	struct nrule nr;

	return nrule_parse(nlh, &nr) == 0 &&
	       nrule_exprs(&nr, nx_is_lookup, NULL) == 1;
}

bool xtn_codec_rule_has_lookup(const struct nftnl_rule *nr)
{
	struct nlmsghdr *nlh = msg_of(nr);
	bool ret = xtn_codec_msg_has_lookup(nlh);

	free(nlh);
	return ret;
}

/* The 32-bit register (NFT_REG32_*) where a 16-byte one starts. */
static uint32_t reg32_of(uint32_t reg)
{
	return reg >= NFT_REG_1 && reg <= NFT_REG_4 ?
	       NFT_REG32_00 + (reg - NFT_REG_1) * 4 : reg;
}

/* What holds byte `off` of a key read from sreg: the load into that
 * 32-bit register, or into the 16-byte one starting there. */
static const struct reg *key_reg(struct xtn_dec *d, uint32_t sreg, uint32_t off)
{
	uint32_t r32 = reg32_of(sreg) + off / 4;
	const struct reg *r;

	if (off == 0 && (r = reg_get(d, sreg)) && r->valid)
		return r;
	if ((r = reg_get(d, r32)) && r->valid)
		return r;
	if (r32 >= NFT_REG32_00 && (r32 - NFT_REG32_00) % 4 == 0 &&
	    (r = reg_get(d, NFT_REG_1 + (r32 - NFT_REG32_00) / 4)) && r->valid)
		return r;
	return NULL;
}

/* The loads a lookup's key is made of, one per concatenated field
 * (each field starts on a 32-bit register). */
static int key_fields(struct xtn_dec *d, uint32_t sreg,
		      const struct xtn_set_def *def, struct xtn_field *f,
		      unsigned int *n)
{
	unsigned int i, nf = def->n_fields ? def->n_fields : 1;
	uint32_t off = 0;

	for (i = 0; i < nf; i++) {
		const struct reg *r = key_reg(d, sreg, off);

		if (!r)
			return xtn_dec_fail(d, "lookup of an empty register");
		f[i] = r->f;
		off += def->n_fields ? (def->field_len[i] + 3u) & ~3u : 0;
	}
	*n = nf;
	return 0;
}

/* A kernel set as the descriptors see it; keys malloc'd (NULL: none). */
static int set_def_of(const struct nftnl_set *s, struct xtn_set_def *def,
		      uint8_t **keys, uint8_t **ends)
{
	struct nftnl_set_elems_iter *it;
	struct nftnl_set_elem *el;
	unsigned int cap = 0;
	uint32_t len;
	const void *k;

	memset(def, 0, sizeof(*def));
	*keys = *ends = NULL;
	def->key_type = nftnl_set_get_u32(s, NFTNL_SET_KEY_TYPE);
	def->key_len = nftnl_set_get_u32(s, NFTNL_SET_KEY_LEN);
	def->flags = nftnl_set_get_u32(s, NFTNL_SET_FLAGS);
	if (nftnl_set_is_set(s, NFTNL_SET_DESC_CONCAT)) {
		const uint8_t *fl = nftnl_set_get_data(s, NFTNL_SET_DESC_CONCAT,
						       &len);

		while (fl && def->n_fields < len &&
		       def->n_fields < XTN_SET_MAX_FIELDS && fl[def->n_fields]) {
			def->field_len[def->n_fields] = fl[def->n_fields];
			def->n_fields++;
		}
	}
	if (def->key_len == 0 || def->key_len > 64)
		return -1;
	it = nftnl_set_elems_iter_create(s);
	if (!it)
		abort();
	while ((el = nftnl_set_elems_iter_next(it))) {
		if (def->n_elems == cap) {
			unsigned int cap_ends = cap;

			/* two arrays of one length */
			*keys = xtn_xgrow(*keys, &cap, cap + 1, def->key_len, 16);
			*ends = xtn_xgrow(*ends, &cap_ends, cap, def->key_len, 16);
		}
		k = nftnl_set_elem_get(el, NFTNL_SET_ELEM_KEY, &len);
		if (!k || len != def->key_len)
			break;
		memcpy(*keys + (size_t)def->n_elems * def->key_len, k, len);
		/* an element without an end is a single key */
		if (nftnl_set_elem_is_set(el, NFTNL_SET_ELEM_KEY_END))
			k = nftnl_set_elem_get(el, NFTNL_SET_ELEM_KEY_END, &len);
		if (!k || len != def->key_len)
			break;
		memcpy(*ends + (size_t)def->n_elems * def->key_len, k, len);
		def->n_elems++;
	}
	nftnl_set_elems_iter_destroy(it);
	def->keys = *keys;
	def->key_ends = *ends;
	return el ? -1 : 0;
}

/*
 * A lookup goes to the descriptors that read them (ebtables' among),
 * with its set; iptables-nft's own families have none, and it drops
 * the lookup silently (interop.md 4.1): we say so.
 */
static int on_lookup(struct xtn_dec *d, const struct nx *x)
{
	struct xtn_field f[XTN_SET_MAX_FIELDS];
	const struct nftnl_set *s = NULL;
	uint8_t *keys = NULL, *ends = NULL;
	struct xtn_set_def def;
	struct xtn_nexpr nx;
	uint32_t flags = nx_u32(x, NFTA_LOOKUP_FLAGS);
	const char *name = nx_str(x, NFTA_LOOKUP_SET);
	int ret;

	if (!xtn_codec_family_reads_sets(d->fam))
		return xtn_dec_fail(d, "set lookup");
	if (nx_has(x, NFTA_LOOKUP_DREG) ||
	    (flags & ~(uint32_t)NFT_LOOKUP_F_INV) || !name)
		return xtn_dec_fail(d, "set lookup");
	if (d->sets)
		s = d->sets->find(d->sets, name,
				  nx_u32(x, NFTA_LOOKUP_SET_ID));
	/* 1.8.9 gives up on the whole listing here */
	if (!s)
		return xtn_dec_fail(d, "lookup expression references unknown set");
	ret = set_def_of(s, &def, &keys, &ends);
	if (ret == 0)
		ret = key_fields(d, nx_u32(x, NFTA_LOOKUP_SREG),
				 &def, f, &nx.u.lookup.n_fields);
	else
		ret = xtn_dec_fail(d, "set %s", name);
	if (ret == 0) {
		nx.kind = XTN_NEXPR_LOOKUP;
		nx.u.lookup.set = &def;
		nx.u.lookup.invert = flags & NFT_LOOKUP_F_INV;
		nx.u.lookup.fields = f;
		ret = dispatch_nexpr(d, &nx, XTN_CLAIM_LOOKUP, "set lookup");
	}
	free(keys);
	free(ends);
	return ret;
}

static const struct {
	const char *name;
	int (*fn)(struct xtn_dec *d, const struct nx *x);
} expr_handlers[] = {
	{ "payload", on_payload },
	{ "meta", on_meta },
	{ "bitwise", on_bitwise },
	{ "cmp", on_cmp },
	{ "range", on_range },
	{ "immediate", on_immediate },
	{ "counter", on_counter },
	{ "match", on_match },
	{ "target", on_target },
	{ "lookup", on_lookup },
	{ "limit", on_limit },
	{ "log", on_log },
};

static bool on_expr(const struct nx *x, void *data)
{
	struct xtn_dec *d = data;
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(expr_handlers); i++) {
		if (x->name[0] == expr_handlers[i].name[0] &&
		    strcmp(x->name, expr_handlers[i].name) == 0) {
			expr_handlers[i].fn(d, x);
			return false;
		}
	}
	/* outside iptables' whitelist: the table is "incompatible" */
	dec_foreign(d, "%s expression", x->name);
	return false;
}

/* An nft comment (udata type 0, NUL-terminated), shown as a trailing
 * -m comment the way iptables-nft shows it. */
static void on_comment(struct xtn_dec *d, const uint8_t *s, uint8_t len)
{
	const struct xtn_ext *comment;
	struct xtn_ext_inst *inst;

	if (len == 0 || s[len - 1] != '\0')
		return;
	comment = xtn_ext_find("comment", XTN_EXT_MATCH, d->fam);
	if (!comment)
		return;
	inst = xtn_inst_new(comment, d->fam);
	memcpy(inst->data, s, len < comment->data_size ? len : comment->data_size);
	xtn_rule_add_match(d->rule, inst);
}

/*
 * Rule userdata is a list of {type, len, value[len]}.  The kernel does not
 * check it and nftnl_udata_parse() trusts each len, so walk it here and
 * stop at the first attribute that does not fit.
 */
static void decode_udata(struct xtn_dec *d, const uint8_t *buf, uint32_t len)
{
	uint32_t off = 0;

	while (len - off >= 2 && len - off - 2 >= buf[off + 1]) {
		if (buf[off] == 0)
			on_comment(d, buf + off + 2, buf[off + 1]);
		off += 2u + buf[off + 1];
	}
}

/* Each instance says whether what it claimed makes a whole match. */
static void decode_done(struct xtn_dec *d)
{
	struct xtn_ext_inst *base = d->rule->base, *m;

	/* a base match that refuses says why itself */
	if (base && base->ext->decode_done)
		base->ext->decode_done(d, base->data);
	xtn_list_for_each(m, &d->rule->matches, node)
		if (m->ext->decode_done && m->ext->decode_done(d, m->data) < 0)
			xtn_dec_fail(d, "incomplete %s match", m->ext->name);
}

struct xtn_rule *xtn_codec_decode_msg(const struct nlmsghdr *nlh,
				      const struct xtn_family *fam,
				      const struct xtn_set_source *sets,
				      struct xtn_xt_memo *memo,
				      enum xtn_dec_status *status)
{
	struct xtn_dec d;
	struct nrule nr;

	memset(&d, 0, sizeof(d));
	d.fam = fam;
	d.sets = sets;
	d.memo = memo;
	d.rule = xtn_rule_new(fam);
	d.status = XTN_DEC_OK;
	if (nrule_parse(nlh, &nr) < 0) {
		xtn_dec_fail(&d, "malformed rule message");
	} else {
		if (nr.handle)
			d.rule->handle = be64toh(mnl_attr_get_u64(nr.handle));
		if (nrule_exprs(&nr, on_expr, &d) < 0)
			xtn_dec_fail(&d, "malformed expression");
		decode_done(&d);
		if (nr.udata)
			decode_udata(&d, mnl_attr_get_payload(nr.udata),
				     mnl_attr_get_payload_len(nr.udata));
	}
	/* broute's DROP is "mark for routing, then accept" */
	if (d.broute && d.rule->verdict == XTN_V_ACCEPT)
		d.rule->verdict = XTN_V_DROP;
	else if (d.broute)
		xtn_dec_fail(&d, "broute mark without accept");
	if (status)
		*status = d.status;
	return d.rule;
}

struct xtn_rule *xtn_codec_decode(const struct nftnl_rule *nr,
				  const struct xtn_family *fam,
				  enum xtn_dec_status *status)
{
	return xtn_codec_decode_sets(nr, fam, NULL, status);
}

/* A rule object decodes as the message it makes: one decoder, the one
 * that reads what the kernel sends. */
struct xtn_rule *xtn_codec_decode_sets(const struct nftnl_rule *nr,
				       const struct xtn_family *fam,
				       const struct xtn_set_source *sets,
				       enum xtn_dec_status *status)
{
	struct nlmsghdr *nlh = msg_of(nr);
	struct xtn_rule *r = xtn_codec_decode_msg(nlh, fam, sets, NULL, status);

	free(nlh);
	return r;
}
