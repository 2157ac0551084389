/* -m tos --tos VALUE[/MASK] | SYMBOL: xt_tos_match_info (rev 1). */
#include <stddef.h>
#include <stdio.h>
#include <linux/netfilter/xt_dscp.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "tos_names.h"

enum { O_TOS };

static const struct xtn_optdef tos_opts[] = {
	{ .name = "tos", .id = O_TOS, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT },
	{ 0 },
};

static int tos_parse(struct xtn_parse *p, void *data)
{
	struct xt_tos_match_info *t = data;

	if (!xtn_tos_parse(p->arg, 0xff, &t->tos_value, &t->tos_mask))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Symbolic name \"%s\" is unknown", p->arg);
	t->invert = p->invert;
	return 0;
}

static void tos_list(const struct xtn_out *o, const void *data)
{
	const struct xt_tos_match_info *t = data;
	const char *name = xtn_tos_name(t->tos_value, t->tos_mask);

	xtn_out_puts(o, t->invert ? " tos match!" : " tos match");
	if (name && !xtn_out_numeric(o))
		xtn_out_printf(o, " %s", name);
	else
		xtn_out_printf(o, "0x%02x/0x%02x", t->tos_value, t->tos_mask);
}

static void tos_save(const struct xtn_out *o, const void *data)
{
	const struct xt_tos_match_info *t = data;

	xtn_out_printf(o, "%s --tos 0x%02x/0x%02x", t->invert ? " !" : "",
		       t->tos_value, t->tos_mask);
}

/* the symbol list, then the blank line 1.8.9 ends its help with */
static void tos_help(struct xtn_strbuf *out)
{
	xtn_tos_help(out);
	xtn_strbuf_putc(out, '\n');
}

const struct xtn_ext xtn_mt_tos = {
	.name = "tos",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_tos_match_info),
	.opts = tos_opts,
	.help =
"tos match options:\n"
"[!] --tos value[/mask]    Match Type of Service/Priority field value\n"
"[!] --tos symbol          Match TOS field (IPv4 only) by symbol\n"
"                          Accepted symbolic names for value are:\n",
	.help_more = tos_help,
	.parse = tos_parse,
	.save = tos_save,
	.list = tos_list,
	.xt = { .name = "tos", .revision = 1,
		.size = sizeof(struct xt_tos_match_info) },
};
