/*
 * -j CONNMARK: xt_connmark_tginfo2 (rev 2, what 1.8.9 writes on kernels
 * since 4.17); rev 1 (xt_connmark_tginfo1, older kernels) is read.  Every
 * way of setting the mark is stored as new = (old & ~ctmask) ^ ctmark.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_connmark.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum {
	O_SET_MARK,
	O_SAVE_MARK,
	O_RESTORE_MARK,
	O_AND_MARK,
	O_OR_MARK,
	O_XOR_MARK,
	O_LEFT_SHIFT_MARK,
	O_RIGHT_SHIFT_MARK,
	O_SET_XMARK,
	O_CTMASK,
	O_NFMASK,
	O_MASK,
};

#define F(o) (1u << (o))
/* the operations, of which exactly one is given */
#define F_OP_ANY (F(O_SET_MARK) | F(O_SAVE_MARK) | F(O_RESTORE_MARK) | \
		  F(O_AND_MARK) | F(O_OR_MARK) | F(O_XOR_MARK) | F(O_SET_XMARK))

#define OP(n, i, t) { .name = n, .id = i, .has_arg = t != XTN_AT_NONE, \
		      .type = t, .excl = F_OP_ANY }
#define SHIFT(n, i) { .name = n, .id = i, .has_arg = 1, \
		      .type = XTN_AT_UINT8, .min = 0, .max = 32 }

/* 1.8.9's table order (error messages name options in it) */
static const struct xtn_optdef connmark_opts[] = {
	OP("set-xmark", O_SET_XMARK, XTN_AT_MARKMASK32),
	OP("set-mark", O_SET_MARK, XTN_AT_MARKMASK32),
	OP("and-mark", O_AND_MARK, XTN_AT_UINT32),
	OP("or-mark", O_OR_MARK, XTN_AT_UINT32),
	OP("xor-mark", O_XOR_MARK, XTN_AT_UINT32),
	OP("save-mark", O_SAVE_MARK, XTN_AT_NONE),
	OP("restore-mark", O_RESTORE_MARK, XTN_AT_NONE),
	SHIFT("left-shift-mark", O_LEFT_SHIFT_MARK),
	SHIFT("right-shift-mark", O_RIGHT_SHIFT_MARK),
	{ .name = "ctmask", .id = O_CTMASK, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32, .excl = F(O_MASK),
	  .offset = offsetof(struct xt_connmark_tginfo2, ctmask) },
	{ .name = "nfmask", .id = O_NFMASK, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32, .excl = F(O_MASK),
	  .offset = offsetof(struct xt_connmark_tginfo2, nfmask) },
	{ .name = "mask", .id = O_MASK, .has_arg = 1, .type = XTN_AT_UINT32,
	  .excl = F(O_CTMASK) | F(O_NFMASK) },
	{ 0 },
};

static void connmark_init(void *data, const struct xtn_family *fam)
{
	struct xt_connmark_tginfo2 *c = data;

	(void)fam;
	/* what --save-mark/--restore-mark use without a mask */
	c->ctmask = UINT32_MAX;
	c->nfmask = UINT32_MAX;
	c->shift_dir = D_SHIFT_LEFT;
}

static void set_op(struct xt_connmark_tginfo2 *c, uint32_t mark,
		   uint32_t mask)
{
	c->mode = XT_CONNMARK_SET;
	c->ctmark = mark;
	c->ctmask = mask;
}

static int connmark_parse(struct xtn_parse *p, void *data)
{
	struct xt_connmark_tginfo2 *c = data;
	uint32_t v = (uint32_t)p->val.u64;

	switch (p->opt->id) {
	case O_SET_XMARK:
		set_op(c, p->val.u32[0], p->val.u32[1]);
		break;
	case O_SET_MARK:
		set_op(c, p->val.u32[0], p->val.u32[0] | p->val.u32[1]);
		break;
	case O_AND_MARK:
		set_op(c, 0, ~v);
		break;
	case O_OR_MARK:
		set_op(c, v, v);
		break;
	case O_XOR_MARK:
		set_op(c, v, 0);
		break;
	case O_SAVE_MARK:
		c->mode = XT_CONNMARK_SAVE;
		break;
	case O_RESTORE_MARK:
		c->mode = XT_CONNMARK_RESTORE;
		break;
	case O_MASK:
		c->nfmask = c->ctmask = v;
		break;
	case O_LEFT_SHIFT_MARK:
	case O_RIGHT_SHIFT_MARK:
		c->shift_dir = p->opt->id == O_LEFT_SHIFT_MARK ?
			       D_SHIFT_LEFT : D_SHIFT_RIGHT;
		c->shift_bits = p->val.u8;
		break;
	}
	return 0;
}

static int connmark_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & F_OP_ANY))
		return xtn_parse_fail(p, XTN_PARAM,
				      "CONNMARK target: No operation specified");
	return 0;
}

static int connmark_decode_xt(struct xtn_dec *d, void *data,
			      const void *info, size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, sizeof(struct xt_connmark_tginfo2));
	return 0;
}

/* Rev 1: the same without the shift (a shift by 0). */
static int connmark_decode_v1(struct xtn_dec *d, void *data, const void *info,
			      size_t len)
{
	const struct xt_connmark_tginfo1 *v1 = info;
	struct xt_connmark_tginfo2 *c = data;

	(void)d;
	(void)len;
	c->ctmark = v1->ctmark;
	c->ctmask = v1->ctmask;
	c->nfmask = v1->nfmask;
	c->mode = v1->mode;
	c->shift_dir = D_SHIFT_LEFT;
	c->shift_bits = 0;
	return 0;
}

static const char *shift_name(const struct xt_connmark_tginfo2 *c)
{
	return c->shift_dir == D_SHIFT_RIGHT ? "right-shift-mark" :
	       "left-shift-mark";
}

/* 1.8.9's -L names the operation the masks look like. */
static void list_set(const struct xtn_out *o,
		     const struct xt_connmark_tginfo2 *c)
{
	if (c->ctmark == 0)
		xtn_out_printf(o, " CONNMARK and 0x%x", ~c->ctmask);
	else if (c->ctmark == c->ctmask)
		xtn_out_printf(o, " CONNMARK or 0x%x", c->ctmark);
	else if (c->ctmask == 0)
		xtn_out_printf(o, " CONNMARK xor 0x%x", c->ctmark);
	else if (c->ctmask == UINT32_MAX)
		xtn_out_printf(o, " CONNMARK set 0x%x", c->ctmark);
	else
		xtn_out_printf(o, " CONNMARK xset 0x%x/0x%x", c->ctmark,
			       c->ctmask);
}

/* save: both masks; restore: the same words, masks the other way round
 * ("ctmask A nfmask ~B" is what 1.8.9 prints, tilde and all). */
static void list_copy(const struct xtn_out *o, const char *what,
		      uint32_t first, uint32_t second, const char *n1,
		      const char *n2)
{
	if (first == UINT32_MAX && second == UINT32_MAX)
		xtn_out_printf(o, " CONNMARK %s", what);
	else if (first == second)
		xtn_out_printf(o, " CONNMARK %s mask 0x%x", what, first);
	else
		xtn_out_printf(o, " CONNMARK %s %s 0x%x %s ~0x%x", what, n1,
			       first, n2, second);
}

static void connmark_list(const struct xtn_out *o, const void *data)
{
	const struct xt_connmark_tginfo2 *c = data;

	switch (c->mode) {
	case XT_CONNMARK_SET:
		list_set(o, c);
		break;
	case XT_CONNMARK_SAVE:
		list_copy(o, "save", c->nfmask, c->ctmask, "nfmask", "ctmask");
		break;
	case XT_CONNMARK_RESTORE:
		list_copy(o, "restore", c->ctmask, c->nfmask, "ctmask",
			  "nfmask");
		break;
	default:
		xtn_out_puts(o, " ERROR: UNKNOWN CONNMARK MODE");
		return;
	}
	if (c->shift_bits != 0)
		xtn_out_printf(o, " %s %u", shift_name(c), c->shift_bits);
}

static void connmark_save(const struct xtn_out *o, const void *data)
{
	const struct xt_connmark_tginfo2 *c = data;

	switch (c->mode) {
	case XT_CONNMARK_SET:
		xtn_out_printf(o, " --set-xmark 0x%x/0x%x", c->ctmark,
			       c->ctmask);
		break;
	case XT_CONNMARK_SAVE:
	case XT_CONNMARK_RESTORE:
		xtn_out_printf(o, " --%s --nfmask 0x%x --ctmask 0x%x",
			       c->mode == XT_CONNMARK_SAVE ? "save-mark" :
			       "restore-mark", c->nfmask, c->ctmask);
		break;
	default:
		xtn_out_puts(o, " ERROR: UNKNOWN CONNMARK MODE");
		return;
	}
	if (c->shift_bits != 0)
		xtn_out_printf(o, " --%s %u", shift_name(c), c->shift_bits);
}

static const struct xtn_xt_rev connmark_xt_read[] = {
	{ 1, sizeof(struct xt_connmark_tginfo1), connmark_decode_v1 },
	{ 0 },
};

const struct xtn_ext xtn_tg_CONNMARK = {
	.name = "CONNMARK",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_connmark_tginfo2),
	.opts = connmark_opts,
	.help =
"CONNMARK target options:\n"
"  --set-xmark value[/ctmask]    Zero mask bits and XOR ctmark with value\n"
"  --save-mark [--ctmask mask] [--nfmask mask]\n"
"                                Copy ctmark to nfmark using masks\n"
"  --restore-mark [--ctmask mask] [--nfmask mask]\n"
"                                Copy nfmark to ctmark using masks\n"
"  --set-mark value[/mask]       Set conntrack mark value\n"
"  --save-mark [--mask mask]     Save the packet nfmark in the connection\n"
"  --restore-mark [--mask mask]  Restore saved nfmark value\n"
"  --and-mark value              Binary AND the ctmark with bits\n"
"  --or-mark value               Binary OR  the ctmark with bits\n"
"  --xor-mark value              Binary XOR the ctmark with bits\n"
"  --left-shift-mark value       Left shift the ctmark with bits\n"
"  --right-shift-mark value      Right shift the ctmark with bits\n",
	.init = connmark_init,
	.parse = connmark_parse,
	.final = connmark_final,
	.decode_xt = connmark_decode_xt,
	.save = connmark_save,
	.list = connmark_list,
	.xt = { .name = "CONNMARK", .revision = 2,
		.size = sizeof(struct xt_connmark_tginfo2) },
	.xt_read = connmark_xt_read,
};
