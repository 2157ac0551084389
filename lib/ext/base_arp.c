/* PLACEHOLDER on the seam branch: the arptables base match is being written. */
#include <xtnft/ext.h>
#include <xtnft/family.h>

static const struct xtn_optdef base_arp_opts[] = {
	{ 0 },
};

const struct xtn_ext xtn_base_arp = {
	.name = "arptables",
	.kind = XTN_EXT_BASE,
	.families = XTN_FAM_ARP,
	.data_size = 8,
	.opts = base_arp_opts,
};
