/*
 * Running a parsed conntrack command against ctnetlink (lib/ct/).  Output
 * is streamed: each entry's line goes into io->out and io->flush hands it
 * to the caller before the next one is read, so memory stays flat however
 * large the table is.
 */
#ifndef XTNFT_CTRUN_H
#define XTNFT_CTRUN_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nf_conntrack;
struct nfct_bitmask;
struct nfct_labelmap;
struct xtn_ct_cmd;
struct xtn_ctx;
struct xtn_strbuf;

struct xtn_ct_io {
	struct xtn_strbuf *out;
	void (*flush)(void *data, struct xtn_strbuf *out);
	void *data;
	/* a message that must go out now (-E losing events), or NULL */
	void (*notice)(void *data, const char *msg);
	/* -E stops when this becomes non-zero (set by a signal handler) */
	volatile sig_atomic_t *stop;
};

/* Run c; *counter is what the summary line counts.  -1: the failure is in
 * ctx->diag ("Operation failed: ..." and the like, status 1). */
int xtn_ct_run(struct xtn_ctx *ctx, const struct xtn_ct_cmd *c,
	       const struct xtn_ct_io *io, unsigned int *counter);

/* The printers, also used by the unit tests: one entry as conntrack
 * prints it for c's -o flags (type: NFCT_T_* of an event, or 0). */
void xtn_ct_print(struct xtn_strbuf *out, const struct xtn_ct_cmd *c,
		  const struct nf_conntrack *ct, unsigned int type);
/* the same with label names from map (NULL: none), as -o labels */
void xtn_ct_print_labels(struct xtn_strbuf *out, const struct xtn_ct_cmd *c,
			 const struct nf_conntrack *ct, unsigned int type,
			 struct nfct_labelmap *map);
/* The default line (NFCT_OF_SHOW_LAYER3 and NFCT_OF_ID flags allowed)
 * as nfct_snprintf() writes it, written directly into out; false (out
 * unchanged) for an entry only nfct_snprintf() prints right. */
bool xtn_ct_line(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		 unsigned int type, unsigned int flags);
/* -o save's "-A -t 10 -u ASSURED -s ... -p tcp --sport ..." */
void xtn_ct_print_save(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		       unsigned int type);

/* The nf_conntrack_attr of a protocol's --state (tcp, sctp, dccp) */
int xtn_ct_state_attr(int protonum);

/* The userspace filter: true when ct passes c's filters. */
struct xtn_ct_filter;
struct xtn_ct_filter *xtn_ct_filter_new(const struct xtn_ct_cmd *c);
void xtn_ct_filter_free(struct xtn_ct_filter *f);
int xtn_ct_filter_match(const struct xtn_ct_filter *f,
			const struct nf_conntrack *ct);
/* A bitmask of 128 label bits (NULL when out of memory) */
struct nfct_bitmask *xtn_ct_label_mask(const uint32_t bits[4]);
/* --label-add/--label-del applied to ct's labels, into tmp */
void xtn_ct_label_modify(const struct xtn_ct_cmd *c, struct nf_conntrack *tmp,
			 const struct nf_conntrack *ct);

/* The template the filter compares with (and -I/-G/-U send). */
struct nf_conntrack *xtn_ct_filter_tmpl(const struct xtn_ct_filter *f);

#endif
