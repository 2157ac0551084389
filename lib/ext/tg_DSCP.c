/*
 * -j DSCP: the xt_DSCP_info blob (target rev 0), the 6-bit codepoint,
 * given as a number or a DiffServ class name.  The kernel takes it in
 * the mangle table only.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <strings.h>
#include <linux/netfilter/xt_DSCP.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "dscp_classes.h"

enum { O_DSCP, O_CLASS };

static const struct xtn_optdef dscp_opts[] = {
	{ .name = "set-dscp", .id = O_DSCP, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT8, .min = 0,
	  .max = XT_DSCP_MAX, .offset = offsetof(struct xt_DSCP_info, dscp),
	  .excl = 1u << O_CLASS },
	{ .name = "set-dscp-class", .id = O_CLASS, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_CUSTOM, .excl = 1u << O_DSCP },
	{ 0 },
};

/* A class name, case-insensitive.  1.8.9 compares only the class's
 * length, so "EFX" is EF and "CS77" CS7: a whole name is required. */
static int dscp_parse(struct xtn_parse *p, void *data)
{
	struct xt_DSCP_info *d = data;
	int v;

	if (p->opt->id != O_CLASS)
		return 0;
	v = xtn_dscp_class(p->arg);
	if (v < 0)
		return xtn_parse_fail(p, XTN_PARAM, "Invalid DSCP value `%s'", p->arg);
	d->dscp = (uint8_t)v;
	return 0;
}

static int dscp_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & ((1u << O_DSCP) | (1u << O_CLASS))))
		return xtn_parse_fail(p, XTN_PARAM,
				      "DSCP target: Parameter --set-dscp is required");
	return 0;
}

static void dscp_list(const struct xtn_out *o, const void *data)
{
	const struct xt_DSCP_info *d = data;

	xtn_out_printf(o, " DSCP set 0x%02x", d->dscp);
}

static void dscp_save(const struct xtn_out *o, const void *data)
{
	const struct xt_DSCP_info *d = data;

	xtn_out_printf(o, " --set-dscp 0x%02x", d->dscp);
}

const struct xtn_ext xtn_tg_DSCP = {
	.name = "DSCP",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_DSCP_info),
	.opts = dscp_opts,
	.help =
"DSCP target options\n"
"  --set-dscp value\t\tSet DSCP field in packet header to value\n"
"  \t\t                This value can be in decimal (ex: 32)\n"
"               \t\tor in hex (ex: 0x20)\n"
"  --set-dscp-class class\tSet the DSCP field in packet header to the\n"
"\t\t\t\tvalue represented by the DiffServ class value.\n"
"\t\t\t\tThis class may be EF,BE or any of the CSxx\n"
"\t\t\t\tor AFxx classes.\n"
"\n"
"\t\t\t\tThese two options are mutually exclusive !\n",
	.parse = dscp_parse,
	.final = dscp_final,
	.save = dscp_save,
	.list = dscp_list,
	.xt = { .name = "DSCP", .revision = 0,
		.size = sizeof(struct xt_DSCP_info) },
};
