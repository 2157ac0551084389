/* -m dscp --dscp N / --dscp-class NAME: the xt_dscp_info compat blob (rev 0). */
#include <stddef.h>
#include <stdio.h>
#include <linux/netfilter/xt_dscp.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "dscp_classes.h"

enum { O_DSCP, O_DSCP_CLASS };

static const struct xtn_optdef dscp_opts[] = {
	{ .name = "dscp", .id = O_DSCP, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT8,
	  .max = XT_DSCP_MAX, .offset = offsetof(struct xt_dscp_info, dscp),
	  .excl = 1u << O_DSCP_CLASS },
	{ .name = "dscp-class", .id = O_DSCP_CLASS, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ 0 },
};

static int dscp_parse(struct xtn_parse *p, void *data)
{
	struct xt_dscp_info *d = data;
	int v;

	if (p->opt->id == O_DSCP_CLASS) {
		v = xtn_dscp_class(p->arg);
		if (v < 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Invalid DSCP value `%s'", p->arg);
		d->dscp = (uint8_t)v;
	}
	d->invert = p->invert;
	return 0;
}

static int dscp_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM,
				      "DSCP match: Parameter --dscp is required");
	return 0;
}

static void dscp_list(const struct xtn_out *o, const void *data)
{
	const struct xt_dscp_info *d = data;

	xtn_out_printf(o, " DSCP match %s0x%02x", d->invert ? "!" : "", d->dscp);
}

static void dscp_save(const struct xtn_out *o, const void *data)
{
	const struct xt_dscp_info *d = data;

	xtn_out_printf(o, "%s --dscp 0x%02x", d->invert ? " !" : "", d->dscp);
}

const struct xtn_ext xtn_mt_dscp = {
	.name = "dscp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_dscp_info),
	.opts = dscp_opts,
	.help =
"dscp match options\n"
"[!] --dscp value\t\tMatch DSCP codepoint with numerical value\n"
"  \t\t                This value can be in decimal (ex: 32)\n"
"               \t\tor in hex (ex: 0x20)\n"
"[!] --dscp-class name\t\tMatch the DiffServ class. This value may\n"
"\t\t\t\tbe any of the BE,EF, AFxx or CSx classes\n"
"\n"
"\t\t\t\tThese two options are mutually exclusive !\n",
	.parse = dscp_parse,
	.final = dscp_final,
	.save = dscp_save,
	.list = dscp_list,
	.xt = { .name = "dscp", .revision = 0,
		.size = sizeof(struct xt_dscp_info) },
};
