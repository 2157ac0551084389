/* -m comment --comment TEXT: the xt_comment_info compat blob (256 bytes). */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_comment.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_COMMENT };

static const struct xtn_optdef comment_opts[] = {
	{ .name = "comment", .id = O_COMMENT, .has_arg = 1, .flags = XTN_OF_MAND,
	  .type = XTN_AT_STRING,
	  .offset = offsetof(struct xt_comment_info, comment),
	  .size = XT_MAX_COMMENT_LEN },
	{ 0 },
};

static int comment_decode_xt(struct xtn_dec *d, void *data, const void *info,
			     size_t len)
{
	struct xt_comment_info *c = data;

	(void)d;
	memcpy(c, info, len < sizeof(*c) ? len : sizeof(*c));
	c->comment[XT_MAX_COMMENT_LEN - 1] = '\0';
	return 0;
}

static void comment_list(const struct xtn_out *o, const void *data)
{
	const struct xt_comment_info *c = data;

	xtn_out_printf(o, " /* %s */", c->comment);
}

static void comment_save(const struct xtn_out *o, const void *data)
{
	const struct xt_comment_info *c = data;

	xtn_out_puts(o, " --comment");
	xtn_out_quoted(o, c->comment);
}

const struct xtn_ext xtn_mt_comment = {
	.name = "comment",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_comment_info),
	.opts = comment_opts,
	.help =
"comment match options:\n"
"--comment COMMENT             Attach a comment to a rule\n",
	.decode_xt = comment_decode_xt,
	.save = comment_save,
	.list = comment_list,
	.xt = { .name = "comment", .revision = 0,
		.size = sizeof(struct xt_comment_info) },
};
