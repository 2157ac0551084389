/*
 * What iptables' -m limit and ebtables' --limit share: 1.8.9 keeps both
 * rates as xt_rateinfo's avg (XT_LIMIT_SCALE per second, the layout of
 * ebt_limit_info too) and writes both as the nft limit expression.
 */
#ifndef XTNFT_EXT_LIMIT_H
#define XTNFT_EXT_LIMIT_H

#include <stddef.h>
#include <stdint.h>

struct xtn_dec;
struct xtn_enc;
struct xtn_ext;
struct xtn_family;
struct xtn_nexpr;
struct xtn_out;

/* What xt_rateinfo and ebt_limit_info begin with: all that is ours. */
struct xtn_limit_head {
	uint32_t avg;
	uint32_t burst;
};

/* init: 1.8.9's defaults, 3/hour with a burst of 5. */
void xtn_limit_init(void *data, const struct xtn_family *fam);
/* encode: the limit expression 1.8.9's add_nft_limit() writes for the
 * avg and burst data begins with. */
int xtn_limit_encode(struct xtn_enc *e, const void *data);
/* A limit expression such as 1.8.9 writes, into ext's data (which
 * begins with xtn_limit_head): decode_nexpr's returns; -1 for any other
 * limit (bytes, "over", a rate no avg holds). */
int xtn_limit_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x,
			   const struct xtn_ext *ext);
/* decode_xt of a blob that begins with xtn_limit_head: avg and burst
 * kept, the kernel's state left out. */
int xtn_limit_decode_xt(struct xtn_dec *d, void *data, const void *info,
			size_t len);
/* " 5/sec": the rate in the largest unit 1.8.9 deems exact enough. */
void xtn_limit_put_rate(const struct xtn_out *o, uint32_t avg);

#endif
