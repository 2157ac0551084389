/*
 * -m ttl --ttl-eq/--ttl-lt/--ttl-gt: the ipt_ttl_info compat blob (rev 0).
 * nft's own "ip ttl" compares read back as this match.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_ipv4/ipt_ttl.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "ttlhl.h"

extern const struct xtn_ext xtn_mt_ttl;

static const struct xtn_ttlhl_words words = { "ttl", "TTL" };

static const struct xtn_optdef ttl_opts[] = {
	{ .name = "ttl-eq", .id = XTN_TTLHL_EQ, .has_arg = 1, .flags = XTN_OF_INVERT,
	  .type = XTN_AT_UINT8 },	/* 1.8.9 checks the pair from the other side */
	{ .name = "ttl-lt", .id = XTN_TTLHL_LT, .has_arg = 1, .type = XTN_AT_UINT8,
	  .excl = 1u << XTN_TTLHL_EQ | 1u << XTN_TTLHL_GT },
	{ .name = "ttl-gt", .id = XTN_TTLHL_GT, .has_arg = 1, .type = XTN_AT_UINT8,
	  .excl = 1u << XTN_TTLHL_EQ | 1u << XTN_TTLHL_LT },
	{ 0 },
};

static int ttl_final(struct xtn_parse *p, void *data)
{
	(void)data;
	return xtn_ttlhl_final(p, &words);
}

/* nft's compare of the header byte: == != < > are this match's modes. */
static int ttl_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	static const int modes[] = {
		[XTN_OP_EQ] = 0, [XTN_OP_NEQ] = 1, [XTN_OP_LT] = 2,
		[XTN_OP_GT] = 3, [XTN_OP_LTE] = -1, [XTN_OP_GTE] = -1,
		[XTN_OP_RANGE_EQ] = -1, [XTN_OP_RANGE_NEQ] = -1,
	};
	struct xtn_ttlhl *t;

	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_NH ||
	    rel->f.offset != 8 || rel->f.len != 1)
		return 0;
	if (rel->f.masked || rel->len != 1 || modes[rel->op] < 0)
		return -1;
	t = xtn_dec_claim(d, &xtn_mt_ttl, 1);
	if (!t)
		return -1;
	t->mode = (uint8_t)modes[rel->op];
	t->value = rel->data[0];
	return 1;
}

static void ttl_list(const struct xtn_out *o, const void *data)
{
	xtn_ttlhl_list(o, data, &words);
}

static void ttl_save(const struct xtn_out *o, const void *data)
{
	xtn_ttlhl_save(o, data, &words);
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
	.parse = xtn_ttlhl_parse,
	.final = ttl_final,
	.claims = XTN_CLAIM_PL_NH,
	.decode_rel = ttl_decode_rel,
	.save = ttl_save,
	.list = ttl_list,
	.xt = { .name = "ttl", .revision = 0, .size = sizeof(struct ipt_ttl_info) },
};
