/*
 * Model <-> libnftnl rule objects.  The encoder writes exactly what
 * iptables-nft 1.8.9 writes (interop.md Decision 1); the decoder reads every
 * shape released iptables-nft versions write, and marks anything else.
 */
#ifndef XTNFT_CODEC_H
#define XTNFT_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nftnl_rule;
struct xtn_rule;
struct xtn_family;
struct xtn_diag;
struct xtn_strbuf;
struct xtn_loc;

/* Build the NEWRULE object for r in table/chain; NULL on failure (diag set). */
struct nftnl_rule *xtn_codec_encode(const struct xtn_rule *r,
				    const char *table, const char *chain,
				    struct xtn_diag *d);
/* The same, also giving for each expression the argv words it came from
 * (*locs is malloc'd, one entry per expression). */
struct nftnl_rule *xtn_codec_encode_located(const struct xtn_rule *r,
					    const char *table,
					    const char *chain,
					    struct xtn_diag *d,
					    struct xtn_loc **locs,
					    unsigned int *n_locs);

enum xtn_dec_status {
	XTN_DEC_OK,
	XTN_DEC_LOSSY,		/* readable expressions iptables would misread */
	XTN_DEC_FOREIGN,	/* expressions outside iptables' whitelist */
};

/* Decode a kernel rule.  Never fails: an unreadable rule comes back with
 * r->undecodable set and the status says how bad it is. */
struct xtn_rule *xtn_codec_decode(const struct nftnl_rule *nr,
				  const struct xtn_family *fam,
				  enum xtn_dec_status *status);

/* nft --debug=netlink style expression dump, one "  [ ... ]" per line. */
void xtn_codec_dump(const struct nftnl_rule *nr, struct xtn_strbuf *out);

#endif
