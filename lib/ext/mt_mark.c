/*
 * -m mark --mark VALUE[/MASK]: native in 1.8.9 (meta mark, a bitwise
 * unless the mask is all ones, cmp in host byte order); decoded into
 * xt_mark_mtinfo1, which is also what an xt blob of rev 1 holds.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/xt_mark.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_MARK };

extern const struct xtn_ext xtn_mt_mark;

static const struct xtn_optdef mark_opts[] = {
	{ .name = "mark", .id = O_MARK, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT | XTN_OF_PUT,
	  .type = XTN_AT_MARKMASK32,
	  .offset = offsetof(struct xt_mark_mtinfo1, mark) },
	{ 0 },
};

static int mark_parse(struct xtn_parse *p, void *data)
{
	struct xt_mark_mtinfo1 *m = data;

	m->invert = p->invert;
	return 0;
}

static int mark_encode(struct xtn_enc *e, const void *data)
{
	const struct xt_mark_mtinfo1 *m = data;

	/* the value unmasked: "--mark 5/1" never matches, as in xt_mark */
	xtn_enc_meta_load(e, NFT_META_MARK);
	if (m->mask != UINT32_MAX)
		xtn_enc_bitwise(e, &m->mask, sizeof(m->mask));
	xtn_enc_cmp(e, m->invert ? XTN_OP_NEQ : XTN_OP_EQ, &m->mark,
		    sizeof(m->mark));
	return 0;
}

static int mark_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	struct xt_mark_mtinfo1 *m;

	if (rel->f.kind != XTN_FIELD_META || rel->f.key != NFT_META_MARK)
		return 0;
	if (rel->len != 4 || (rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ))
		return -1;
	m = xtn_dec_claim(d, &xtn_mt_mark, 1);
	if (!m)
		return -1;
	memcpy(&m->mark, rel->data, 4);
	if (rel->f.masked)
		memcpy(&m->mask, rel->f.mask, 4);
	else
		m->mask = UINT32_MAX;
	m->invert = rel->op == XTN_OP_NEQ;
	return 1;
}

static int mark_decode_xt(struct xtn_dec *d, void *data, const void *info,
			  size_t len)
{
	(void)d;
	(void)len;	/* the decoder checked it against xt.size */
	memcpy(data, info, sizeof(struct xt_mark_mtinfo1));
	return 0;
}

/* 1.8.9's print_mark(): the mask only when it is not all ones. */
static void put_mark(const struct xtn_out *o, const struct xt_mark_mtinfo1 *m)
{
	xtn_out_printf(o, "0x%x", m->mark);
	if (m->mask != UINT32_MAX)
		xtn_out_printf(o, "/0x%x", m->mask);
}

static void mark_list(const struct xtn_out *o, const void *data)
{
	const struct xt_mark_mtinfo1 *m = data;

	xtn_out_puts(o, m->invert ? " mark match ! " : " mark match ");
	put_mark(o, m);
}

static void mark_save(const struct xtn_out *o, const void *data)
{
	const struct xt_mark_mtinfo1 *m = data;

	xtn_out_puts(o, m->invert ? " ! --mark " : " --mark ");
	put_mark(o, m);
}

static void mark_init(void *data, const struct xtn_family *fam)
{
	struct xt_mark_mtinfo1 *m = data;

	(void)fam;
	m->mask = UINT32_MAX;
}

const struct xtn_ext xtn_mt_mark = {
	.name = "mark",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_mark_mtinfo1),
	.opts = mark_opts,
	.help =
"mark match options:\n"
"[!] --mark value[/mask]    Match nfmark value with optional mask\n",
	.init = mark_init,
	.parse = mark_parse,
	.encode = mark_encode,
	.claims = XTN_CLAIM_META,
	.claim_meta = UINT64_C(1) << NFT_META_MARK,
	.decode_rel = mark_decode_rel,
	.decode_xt = mark_decode_xt,
	.save = mark_save,
	.list = mark_list,
	.xt = { .name = "mark", .revision = 1,
		.size = sizeof(struct xt_mark_mtinfo1) },
};
