/*
 * ebtables -j redirect [--redirect-target VERDICT]: the "redirect"
 * compat target (rev 0, ebt_redirect_info: a verdict int), which the
 * kernel takes in nat PREROUTING and broute.  1.8.9 lists the verdict
 * only when it is not ACCEPT, and leaves a blank where it is not.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebtables.h>
#include <linux/netfilter_bridge/ebt_redirect.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "eb_misc.h"

enum { O_TARGET };

static const struct xtn_optdef redirect_opts[] = {
	{ .name = "redirect-target", .id = O_TARGET, .has_arg = 1 },
	{ 0 },
};

static void redirect_init(void *data, const struct xtn_family *fam)
{
	struct ebt_redirect_info *r = data;

	(void)fam;
	r->target = EBT_ACCEPT;
}

static int redirect_parse(struct xtn_parse *p, void *data)
{
	struct ebt_redirect_info *r = data;

	return xtn_eb_parse_target(p, &r->target, 0);
}

static void redirect_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_redirect_info *r = data;

	if (r->target == EBT_ACCEPT)
		xtn_out_puts(o, " ");
	else
		xtn_out_printf(o, " --redirect-target %s",
			       xtn_eb_target_name(r->target));
}

const struct xtn_ext xtn_eb_redirect = {
	.name = "redirect",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_redirect_info),
	.opts = redirect_opts,
	.legacy = true,
	.help =
"redirect option:\n"
" --redirect-target target   : ACCEPT, DROP, RETURN or CONTINUE\n",
	.init = redirect_init,
	.parse = redirect_parse,
	.save = redirect_save,
	.list = redirect_save,
	.xt = { .name = "redirect", .revision = 0,
		.size = sizeof(struct ebt_redirect_info) },
};
