/* -m helper --helper NAME: the xt_helper_info compat blob (rev 0). */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_helper.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_HELPER };

static const struct xtn_optdef helper_opts[] = {
	{ .name = "helper", .id = O_HELPER, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT, .type = XTN_AT_STRING,
	  .offset = offsetof(struct xt_helper_info, name),
	  .size = sizeof(((struct xt_helper_info *)0)->name) },
	{ 0 },
};

static int helper_parse(struct xtn_parse *p, void *data)
{
	struct xt_helper_info *h = data;

	h->invert = p->invert;
	return 0;
}

static int helper_decode_xt(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	struct xt_helper_info *h = data;

	(void)d;
	(void)len;
	memcpy(h, info, sizeof(*h));
	h->name[sizeof(h->name) - 1] = '\0';
	return 0;
}

static void helper_list(const struct xtn_out *o, const void *data)
{
	const struct xt_helper_info *h = data;

	xtn_out_printf(o, " helper match %s\"%s\"", h->invert ? "! " : "",
		       h->name);
}

static void helper_save(const struct xtn_out *o, const void *data)
{
	const struct xt_helper_info *h = data;

	xtn_out_puts(o, h->invert ? " ! --helper" : " --helper");
	xtn_out_quoted(o, h->name);
}

const struct xtn_ext xtn_mt_helper = {
	.name = "helper",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_helper_info),
	.opts = helper_opts,
	.help =
"helper match options:\n"
"[!] --helper string        Match helper identified by string\n",
	.parse = helper_parse,
	.decode_xt = helper_decode_xt,
	.save = helper_save,
	.list = helper_list,
	.xt = { .name = "helper", .revision = 0,
		.size = sizeof(struct xt_helper_info) },
};
