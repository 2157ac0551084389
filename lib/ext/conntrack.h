/* What -m conntrack and -m state share: the same blob, listed alike. */
#ifndef XTNFT_EXT_CONNTRACK_H
#define XTNFT_EXT_CONNTRACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xtn_out;
struct xtn_dec;
struct xtn_sym;
struct xt_conntrack_mtinfo3;

/* The state names in table order (1.8.9 tries them in this order, so an
 * abbreviation such as "N" is NEW) and the status names. */
extern const struct xtn_sym xtn_conntrack_states[];
extern const struct xtn_sym xtn_conntrack_statuses[];

/* 1.8.9's conntrack_dump(): every field set in match_flags, prefix ""
 * for -L and "--" for save; the state is "state" when the blob came
 * from -m state (XT_CONNTRACK_STATE_ALIAS). */
void xtn_conntrack_dump(const struct xtn_out *o,
			const struct xt_conntrack_mtinfo3 *ct,
			const char *prefix, bool numeric);

/* Revisions 1 and 2 (older iptables-nft, older kernels) as revision 3. */
int xtn_conntrack_decode_v1(struct xtn_dec *d, void *data, const void *info,
			    size_t len);
int xtn_conntrack_decode_v2(struct xtn_dec *d, void *data, const void *info,
			    size_t len);

/* match_flags of a blob of any revision (same offset in 1, 2 and 3). */
uint16_t xtn_conntrack_blob_flags(const void *info, size_t len);

#endif
