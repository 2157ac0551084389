/*
 * -m hl --hl-eq/--hl-lt/--hl-gt: the ip6t_hl_info compat blob (rev 0).
 * nft's own "ip6 hoplimit" compares read back as this match.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_ipv6/ip6t_hl.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "ttlhl.h"

extern const struct xtn_ext xtn_mt_hl;

static const struct xtn_ttlhl_words words = { "hl", "HL" };

static const struct xtn_optdef hl_opts[] = {
	{ .name = "hl-eq", .id = XTN_TTLHL_EQ, .has_arg = 1, .flags = XTN_OF_INVERT,
	  .type = XTN_AT_UINT8 },	/* 1.8.9 checks the pair from the other side */
	{ .name = "hl-lt", .id = XTN_TTLHL_LT, .has_arg = 1, .type = XTN_AT_UINT8,
	  .excl = 1u << XTN_TTLHL_EQ | 1u << XTN_TTLHL_GT },
	{ .name = "hl-gt", .id = XTN_TTLHL_GT, .has_arg = 1, .type = XTN_AT_UINT8,
	  .excl = 1u << XTN_TTLHL_EQ | 1u << XTN_TTLHL_LT },
	{ 0 },
};

static int hl_final(struct xtn_parse *p, void *data)
{
	(void)data;
	return xtn_ttlhl_final(p, &words);
}

/* nft's compare of the header byte: == != < > are this match's modes. */
static int hl_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	static const int modes[] = {
		[XTN_OP_EQ] = 0, [XTN_OP_NEQ] = 1, [XTN_OP_LT] = 2,
		[XTN_OP_GT] = 3, [XTN_OP_LTE] = -1, [XTN_OP_GTE] = -1,
		[XTN_OP_RANGE_EQ] = -1, [XTN_OP_RANGE_NEQ] = -1,
	};
	struct xtn_ttlhl *t;

	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_NH ||
	    rel->f.offset != 7 || rel->f.len != 1)
		return 0;
	if (rel->f.masked || rel->len != 1 || modes[rel->op] < 0)
		return -1;
	t = xtn_dec_claim(d, &xtn_mt_hl, 1);
	if (!t)
		return -1;
	t->mode = (uint8_t)modes[rel->op];
	t->value = rel->data[0];
	return 1;
}

static void hl_list(const struct xtn_out *o, const void *data)
{
	xtn_ttlhl_list(o, data, &words);
}

static void hl_save(const struct xtn_out *o, const void *data)
{
	xtn_ttlhl_save(o, data, &words);
}

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
	.parse = xtn_ttlhl_parse,
	.final = hl_final,
	.claims = XTN_CLAIM_PL_NH,
	.decode_rel = hl_decode_rel,
	.save = hl_save,
	.list = hl_list,
	.xt = { .name = "hl", .revision = 0, .size = sizeof(struct ip6t_hl_info) },
};
