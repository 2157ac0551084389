/* iptables-restore: input tokenizing (pure) and the whole-input transaction. */
#ifndef XTNFT_RESTORE_H
#define XTNFT_RESTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xtn_ctx;
struct xtn_diag;
struct xtn_strbuf;

struct xtn_words {
	char **v;
	int n;
};

/* iptables-restore's quote-aware word splitter (add_param_to_argv). */
int xtn_restore_split(const char *line, struct xtn_words *w,
		      struct xtn_diag *d, uint32_t lineno);
void xtn_words_add(struct xtn_words *w, const char *s);
void xtn_words_fini(struct xtn_words *w);

struct xtn_restore_opts {
	bool noflush;
	bool counters;
	bool test;
	bool verbose;
	const char *only_table;	/* -T */
	const char *prog;	/* for messages that quote it */
};

/* Apply a whole restore input as one transaction: all or nothing. */
int xtn_restore(struct xtn_ctx *ctx, const char *input, size_t len,
		const struct xtn_restore_opts *o, struct xtn_strbuf *out);

#endif
