/*
 * What iptables' -m limit and ebtables' --limit share: 1.8.9 keeps both
 * rates as xt_rateinfo's avg (XT_LIMIT_SCALE per second, the layout of
 * ebt_limit_info too) and writes both as the nft limit expression.
 */
#ifndef XTNFT_EXT_LIMIT_H
#define XTNFT_EXT_LIMIT_H

#include <stdint.h>

struct xtn_enc;
struct xtn_nexpr;
struct xtn_out;

/* The limit expression 1.8.9's add_nft_limit() writes for avg/burst. */
void xtn_limit_encode(struct xtn_enc *e, uint32_t avg, uint32_t burst);
/* avg and burst of a limit expression such as 1.8.9 writes; -1 for any
 * other (bytes, "over", a rate no avg holds). */
int xtn_limit_read(const struct xtn_nexpr *x, uint32_t *avg, uint32_t *burst);
/* " 5/sec": the rate in the largest unit 1.8.9 deems exact enough. */
void xtn_limit_put_rate(const struct xtn_out *o, uint32_t avg);

#endif
