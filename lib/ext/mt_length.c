/* -m length --length MIN[:MAX]: the xt_length_info compat blob (rev 0). */
#include <stddef.h>
#include <stdio.h>
#include <linux/netfilter/xt_length.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_LENGTH };

static const struct xtn_optdef length_opts[] = {
	{ .name = "length", .id = O_LENGTH, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT | XTN_OF_PUT,
	  .type = XTN_AT_UINT16RC, .offset = offsetof(struct xt_length_info, min) },
	{ 0 },
};

static int length_parse(struct xtn_parse *p, void *data)
{
	struct xt_length_info *l = data;

	l->invert = p->invert;
	return 0;
}

static void put_range(const struct xtn_out *o, const struct xt_length_info *l)
{
	if (l->min == l->max)
		xtn_out_printf(o, "%u", l->min);
	else
		xtn_out_printf(o, "%u:%u", l->min, l->max);
}

static void length_list(const struct xtn_out *o, const void *data)
{
	const struct xt_length_info *l = data;

	xtn_out_puts(o, l->invert ? " length !" : " length ");
	put_range(o, l);
}

static void length_save(const struct xtn_out *o, const void *data)
{
	const struct xt_length_info *l = data;

	xtn_out_puts(o, l->invert ? " ! --length " : " --length ");
	put_range(o, l);
}

const struct xtn_ext xtn_mt_length = {
	.name = "length",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_length_info),
	.opts = length_opts,
	.help =
"length match options:\n"
"[!] --length length[:length]    Match packet length against value or range\n"
"                                of values (inclusive)\n",
	.parse = length_parse,
	.save = length_save,
	.list = length_list,
	.xt = { .name = "length", .revision = 0,
		.size = sizeof(struct xt_length_info) },
};
