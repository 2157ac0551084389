/*
 * -j CHECKSUM --checksum-fill: the xt_CHECKSUM_info blob (target rev 0).
 * The kernel takes it in the mangle table only.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netfilter/xt_CHECKSUM.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_FILL };

static const struct xtn_optdef checksum_opts[] = {
	{ .name = "checksum-fill", .id = O_FILL, .has_arg = XTN_NO_ARG,
	  .flags = XTN_OF_MAND, .type = XTN_AT_NONE },
	{ 0 },
};

static int checksum_parse(struct xtn_parse *p, void *data)
{
	struct xt_CHECKSUM_info *c = data;

	(void)p;
	c->operation = XT_CHECKSUM_OP_FILL;
	return 0;
}

static void checksum_list(const struct xtn_out *o, const void *data)
{
	const struct xt_CHECKSUM_info *c = data;

	xtn_out_puts(o, " CHECKSUM");
	if (c->operation & XT_CHECKSUM_OP_FILL)
		xtn_out_puts(o, " fill");
}

static void checksum_save(const struct xtn_out *o, const void *data)
{
	const struct xt_CHECKSUM_info *c = data;

	if (c->operation & XT_CHECKSUM_OP_FILL)
		xtn_out_puts(o, " --checksum-fill");
}

const struct xtn_ext xtn_tg_CHECKSUM = {
	.name = "CHECKSUM",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_CHECKSUM_info),
	.opts = checksum_opts,
	.help =
"CHECKSUM target options\n"
"  --checksum-fill\t\t\tFill in packet checksum.\n",
	.parse = checksum_parse,
	.save = checksum_save,
	.list = checksum_list,
	.xt = { .name = "CHECKSUM", .revision = 0,
		.size = sizeof(struct xt_CHECKSUM_info) },
};
