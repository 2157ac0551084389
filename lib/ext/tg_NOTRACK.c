/*
 * -j NOTRACK: 1.8.9 writes the CT revision 2 blob with XT_CT_NOTRACK and
 * XT_CT_NOTRACK_ALIAS, lists it as "CT" in the target column and
 * "NOTRACK" after it, and saves it as -j NOTRACK (claim_xt).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_CT.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

static void notrack_init(void *data, const struct xtn_family *fam)
{
	struct xt_ct_target_info_v1 *ct = data;

	(void)fam;
	ct->flags = XT_CT_NOTRACK | XT_CT_NOTRACK_ALIAS;
}

static int notrack_decode_xt(struct xtn_dec *d, void *data, const void *info,
			     size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, offsetof(struct xt_ct_target_info_v1, ct));
	return 0;
}

static void notrack_list(const struct xtn_out *o, const void *data)
{
	(void)data;
	xtn_out_puts(o, " NOTRACK");
}

static bool notrack_claim_xt(const void *info, size_t len)
{
	uint16_t flags = 0;

	if (len >= sizeof(flags))
		memcpy(&flags, info, sizeof(flags));
	return flags & XT_CT_NOTRACK_ALIAS;
}

const struct xtn_ext xtn_tg_NOTRACK = {
	.name = "NOTRACK",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_ct_target_info_v1),
	.cmp_size = offsetof(struct xt_ct_target_info_v1, ct),
	.help = "NOTRACK does not take any options\n",
	.init = notrack_init,
	.decode_xt = notrack_decode_xt,
	.list = notrack_list,
	.xt = { .name = "CT", .revision = 2,
		.size = sizeof(struct xt_ct_target_info_v1) },
	.claim_xt = notrack_claim_xt,
};
