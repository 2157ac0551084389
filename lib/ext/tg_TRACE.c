/*
 * -j TRACE: 1.8.9 writes it natively, as nft's "meta nftrace set 1" (one
 * byte of immediate data in register 9, then meta set), so it works in
 * any table and chain, and `nft monitor trace` shows the packets.
 */
#include <netinet/in.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

extern const struct xtn_ext xtn_tg_TRACE;

static int trace_encode(struct xtn_enc *e, const void *data)
{
	static const uint8_t on = 1;

	(void)data;
	xtn_enc_meta_set(e, NFT_META_NFTRACE, &on, sizeof(on));
	return 0;
}

/* Anything but nftrace set to 1 is not iptables' TRACE. */
static int trace_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x)
{
	if (x->kind != XTN_NEXPR_META_SET || x->u.meta_set.key != NFT_META_NFTRACE)
		return 0;
	if (x->u.meta_set.len != 1 || x->u.meta_set.data[0] != 1)
		return -1;
	return xtn_dec_target(d, &xtn_tg_TRACE) ? 1 : -1;
}

const struct xtn_ext xtn_tg_TRACE = {
	.name = "TRACE",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = 0,
	.help = "TRACE does not take any options\n",
	.encode = trace_encode,
	.claims = XTN_CLAIM_META_SET,
	.decode_nexpr = trace_decode_nexpr,
};
