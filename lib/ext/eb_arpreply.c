/*
 * ebtables -p ARP -j arpreply --arpreply-mac MAC [--arpreply-target
 * VERDICT]: the "arpreply" compat target (rev 0, ebt_arpreply_info),
 * which answers ARP requests with MAC; the kernel takes it in nat
 * PREROUTING for rules that match -p ARP only.  The default verdict is
 * DROP, and only another one is listed.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebtables.h>
#include <linux/netfilter_bridge/ebt_arpreply.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "eb_misc.h"

enum { O_MAC, O_TARGET };

static const struct xtn_optdef arpreply_opts[] = {
	{ .name = "arpreply-mac", .id = O_MAC, .has_arg = 1 },
	{ .name = "arpreply-target", .id = O_TARGET, .has_arg = 1 },
	{ 0 },
};

static void arpreply_init(void *data, const struct xtn_family *fam)
{
	struct ebt_arpreply_info *a = data;

	(void)fam;
	a->target = EBT_DROP;
}

/* As snat's --to-source: trailing text and a `!` refused. */
static int arpreply_parse(struct xtn_parse *p, void *data)
{
	struct ebt_arpreply_info *a = data;

	if (p->opt->id == O_TARGET)
		return xtn_eb_parse_target(p, &a->target, 0);
	if (xtn_eb_once(p) < 0 || xtn_eb_no_invert(p) < 0)
		return -1;
	if (xtn_eb_parse_ether(p->arg, a->mac) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Problem with specified --arpreply-mac mac");
	return 0;
}

/* 1.8.9 answers with 00:00:00:00:00:00 when no MAC is given: refused,
 * in legacy ebtables' words. */
static int arpreply_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & (1u << O_MAC)))
		return xtn_parse_fail(p, XTN_PARAM, "No arpreply mac supplied");
	return 0;
}

static void arpreply_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_arpreply_info *a = data;

	xtn_out_puts(o, " --arpreply-mac");
	xtn_eb_put_ether(o, a->mac);
	if (a->target != EBT_DROP)
		xtn_out_printf(o, " --arpreply-target %s",
			       xtn_eb_target_name(a->target));
}

const struct xtn_ext xtn_eb_arpreply = {
	.name = "arpreply",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_arpreply_info),
	.opts = arpreply_opts,
	.legacy = true,
	.help =
"arpreply target options:\n"
" --arpreply-mac address           : source MAC of generated reply\n"
" --arpreply-target target         : ACCEPT, DROP, RETURN or CONTINUE\n"
"                                    (standard target is DROP)\n",
	.init = arpreply_init,
	.parse = arpreply_parse,
	.final = arpreply_final,
	.save = arpreply_save,
	.list = arpreply_save,
	.xt = { .name = "arpreply", .revision = 0,
		.size = sizeof(struct ebt_arpreply_info) },
};
