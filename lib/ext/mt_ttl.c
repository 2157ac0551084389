/*
 * -m ttl (IPv4) and -m hl (IPv6): one match in two spellings, a mode
 * (==, !=, <, >) and a byte in ipt_ttl_info / ip6t_hl_info (rev 0, the
 * same layout).  nft's own "ip ttl" / "ip6 hoplimit" compares are read
 * back as this match.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_ipv4/ipt_ttl.h>
#include <linux/netfilter_ipv6/ip6t_hl.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

extern const struct xtn_ext xtn_mt_ttl;
extern const struct xtn_ext xtn_mt_hl;

enum { O_EQ, O_LT, O_GT };

/* the modes of both structs: IPT_TTL_EQ..GT = IP6T_HL_EQ..GT */
struct ttlhl {
	uint8_t mode;
	uint8_t value;
};

struct spelling {
	const char *name;	/* "ttl" */
	const char *upper;	/* "TTL" */
	const struct xtn_ext *ext;
	uint32_t offset;	/* of the byte in the network header */
};

static const struct spelling ttl = { "ttl", "TTL", &xtn_mt_ttl, 8 };
static const struct spelling hl = { "hl", "HL", &xtn_mt_hl, 7 };

/* 1.8.9 checks eq against the others from their side */
#define OPTS(v) {								\
	{ .name = v "-eq", .id = O_EQ, .has_arg = 1, .flags = XTN_OF_INVERT,	\
	  .type = XTN_AT_UINT8 },						\
	{ .name = v "-lt", .id = O_LT, .has_arg = 1, .type = XTN_AT_UINT8,	\
	  .excl = 1u << O_EQ | 1u << O_GT },					\
	{ .name = v "-gt", .id = O_GT, .has_arg = 1, .type = XTN_AT_UINT8,	\
	  .excl = 1u << O_EQ | 1u << O_LT },					\
	{ 0 },									\
}

static const struct xtn_optdef ttl_opts[] = OPTS("ttl");
static const struct xtn_optdef hl_opts[] = OPTS("hl");

static int ttlhl_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t modes[] = { [O_EQ] = 0, [O_LT] = 2, [O_GT] = 3 };
	struct ttlhl *t = data;

	t->value = (uint8_t)p->val.u64;
	t->mode = p->opt->id == O_EQ && p->invert ? 1 : modes[p->opt->id];
	return 0;
}

static int ttlhl_final(struct xtn_parse *p, const struct spelling *w)
{
	if (p->inst->seen)
		return 0;
	return xtn_parse_fail(p, XTN_PARAM,
			      "%s match: You must specify one of `--%s-eq', `--%s-lt', `--%s-gt%s",
			      w->upper, w->name, w->name, w->name,
			      /* 1.8.9's ttl message lacks the closing quote */
			      w == &ttl ? "" : "'");
}

static int ttl_final(struct xtn_parse *p, void *data)
{
	(void)data;
	return ttlhl_final(p, &ttl);
}

static int hl_final(struct xtn_parse *p, void *data)
{
	(void)data;
	return ttlhl_final(p, &hl);
}

/* nft's compare of the header byte: == != < > are this match's modes. */
static int ttlhl_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel,
			    const struct spelling *w)
{
	static const int modes[] = {
		[XTN_OP_EQ] = 0, [XTN_OP_NEQ] = 1, [XTN_OP_LT] = 2,
		[XTN_OP_GT] = 3, [XTN_OP_LTE] = -1, [XTN_OP_GTE] = -1,
		[XTN_OP_RANGE_EQ] = -1, [XTN_OP_RANGE_NEQ] = -1,
	};
	struct ttlhl *t;

	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_NH ||
	    rel->f.offset != w->offset || rel->f.len != 1)
		return 0;
	if (rel->f.masked || rel->len != 1 || modes[rel->op] < 0)
		return -1;
	t = xtn_dec_claim(d, w->ext, 1);
	if (!t)
		return -1;
	t->mode = (uint8_t)modes[rel->op];
	t->value = rel->data[0];
	return 1;
}

static int ttl_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	return ttlhl_decode_rel(d, rel, &ttl);
}

static int hl_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	return ttlhl_decode_rel(d, rel, &hl);
}

static void ttlhl_list(const struct xtn_out *o, const void *data,
		       const struct spelling *w)
{
	static const char *const ops[] = { "==", "!=", "<", ">" };
	const struct ttlhl *t = data;

	if (t->mode > 3)
		xtn_out_printf(o, " %s match %s unknown mode %u", w->upper,
			       w->upper, t->mode);
	else
		xtn_out_printf(o, " %s match %s %s %u", w->upper, w->upper,
			       ops[t->mode], t->value);
}

static void ttlhl_save(const struct xtn_out *o, const void *data,
		       const struct spelling *w)
{
	static const char *const opt[] = { "eq", "eq", "lt", "gt" };
	const struct ttlhl *t = data;

	if (t->mode <= 3)
		xtn_out_printf(o, "%s --%s-%s %u", t->mode == 1 ? " !" : "",
			       w->name, opt[t->mode], t->value);
}

static void ttl_list(const struct xtn_out *o, const void *data)
{
	ttlhl_list(o, data, &ttl);
}

static void ttl_save(const struct xtn_out *o, const void *data)
{
	ttlhl_save(o, data, &ttl);
}

static void hl_list(const struct xtn_out *o, const void *data)
{
	ttlhl_list(o, data, &hl);
}

static void hl_save(const struct xtn_out *o, const void *data)
{
	ttlhl_save(o, data, &hl);
}

const struct xtn_ext xtn_mt_ttl = {
	.name = "ttl",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct ipt_ttl_info),
	.opts = ttl_opts,
	.help =
"ttl match options:\n"
"[!] --ttl-eq value\tMatch time to live value\n"
"  --ttl-lt value\tMatch TTL < value\n"
"  --ttl-gt value\tMatch TTL > value\n",
	.parse = ttlhl_parse,
	.final = ttl_final,
	.claims = XTN_CLAIM_PL_NH,
	.decode_rel = ttl_decode_rel,
	.save = ttl_save,
	.list = ttl_list,
	.xt = { .name = "ttl", .revision = 0, .size = sizeof(struct ipt_ttl_info) },
};

const struct xtn_ext xtn_mt_hl = {
	.name = "hl",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_hl_info),
	.opts = hl_opts,
	.help =
"hl match options:\n"
"[!] --hl-eq value\tMatch hop limit value\n"
"  --hl-lt value\tMatch HL < value\n"
"  --hl-gt value\tMatch HL > value\n",
	.parse = ttlhl_parse,
	.final = hl_final,
	.claims = XTN_CLAIM_PL_NH,
	.decode_rel = hl_decode_rel,
	.save = hl_save,
	.list = hl_list,
	.xt = { .name = "hl", .revision = 0, .size = sizeof(struct ip6t_hl_info) },
};
