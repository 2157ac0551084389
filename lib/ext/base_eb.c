/* PLACEHOLDER on the seam branch: the ebtables base match is being written. */
#include <xtnft/ext.h>
#include <xtnft/family.h>

static const struct xtn_optdef base_eb_opts[] = {
	{ 0 },
};

const struct xtn_ext xtn_base_eb = {
	.name = "ebtables",
	.kind = XTN_EXT_BASE,
	.families = XTN_FAM_BRIDGE,
	.data_size = 8,
	.opts = base_eb_opts,
};
