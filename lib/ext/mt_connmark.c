/* -m connmark [!] --mark VALUE[/MASK]: xt_connmark_mtinfo1 (rev 1). */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_connmark.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_MARK };

static const struct xtn_optdef connmark_opts[] = {
	{ .name = "mark", .id = O_MARK, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT | XTN_OF_PUT,
	  .type = XTN_AT_MARKMASK32,
	  .offset = offsetof(struct xt_connmark_mtinfo1, mark) },
	{ 0 },
};

static int connmark_parse(struct xtn_parse *p, void *data)
{
	struct xt_connmark_mtinfo1 *m = data;

	m->invert = p->invert;
	return 0;
}

static int connmark_decode_xt(struct xtn_dec *d, void *data, const void *info,
			      size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, sizeof(struct xt_connmark_mtinfo1));
	return 0;
}

/* 1.8.9's print_mark(): the mask only when it is not all ones. */
static void put_mark(const struct xtn_out *o,
		     const struct xt_connmark_mtinfo1 *m)
{
	xtn_out_printf(o, " 0x%x", m->mark);
	if (m->mask != UINT32_MAX)
		xtn_out_printf(o, "/0x%x", m->mask);
}

static void connmark_list(const struct xtn_out *o, const void *data)
{
	const struct xt_connmark_mtinfo1 *m = data;

	/* two blanks before an uninverted mark, as 1.8.9 prints it */
	xtn_out_puts(o, m->invert ? " connmark match !" : " connmark match ");
	put_mark(o, m);
}

static void connmark_save(const struct xtn_out *o, const void *data)
{
	const struct xt_connmark_mtinfo1 *m = data;

	xtn_out_puts(o, m->invert ? " ! --mark" : " --mark");
	put_mark(o, m);
}

const struct xtn_ext xtn_mt_connmark = {
	.name = "connmark",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_connmark_mtinfo1),
	.opts = connmark_opts,
	.help =
"connmark match options:\n"
"[!] --mark value[/mask]    Match ctmark value with optional mask\n",
	.parse = connmark_parse,
	.decode_xt = connmark_decode_xt,
	.save = connmark_save,
	.list = connmark_list,
	.xt = { .name = "connmark", .revision = 1,
		.size = sizeof(struct xt_connmark_mtinfo1) },
};
