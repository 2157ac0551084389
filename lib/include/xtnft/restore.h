/*
 * iptables-restore: the input's line grammar (pure, dialect/restore.c) and
 * the transaction that applies it (exec/restore.c).
 */
#ifndef XTNFT_RESTORE_H
#define XTNFT_RESTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xtnft/util.h>

struct xtn_cmd;
struct xtn_ctx;
struct xtn_diag;
struct xtn_line;
struct xtn_lines;
struct xtn_strbuf;

/* Words of one line: v[0..n-1] and v[n] == NULL.  The text lives in a few
 * chunks the words share (a line's words are made and freed together, so
 * not one allocation per word); zero-initialised is empty. */
struct xtn_words {
	char **v;
	int n;
	int cap;
	struct xtn_arena text;	/* the words themselves */
};

/* iptables' argv_store holds 255 pointers (a restore line's program name,
 * -t and table included); the word that would fill the last is refused. */
#define XTN_WORDS_MAX 255

/* iptables-restore's quote-aware word splitter (add_param_to_argv). */
int xtn_restore_split(const char *line, struct xtn_words *w,
		      struct xtn_diag *d, uint32_t lineno);
/* The same, and quoted[i] (XTN_WORDS_MAX entries, NULL: not wanted) tells
 * whether word i had a quote in it: iptables-xml reads a quoted word as
 * data, never as an option. */
int xtn_split_words(const char *line, struct xtn_words *w, bool *quoted,
		    struct xtn_diag *d, uint32_t lineno);
/* The same, splitting line itself: the words point into it (a restore's
 * line, copied once already, is not copied again word by word). */
int xtn_split_words_inplace(char *line, struct xtn_words *w, bool *quoted,
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
	/* Output so far (comments with -v, help, narration) is handed here
	 * whenever a transaction ends or it grows, so memory does not grow
	 * with the input; NULL keeps it all in the output buffer. */
	void (*flush)(struct xtn_strbuf *out, void *priv);
	void *flush_priv;
};

/* One input line as the grammar sees it. */
enum xtn_rline_kind {
	XTN_RL_SKIP,		/* blank, comment, another table's or family's */
	XTN_RL_TABLE,		/* "*table" */
	XTN_RL_CHAIN,		/* ":CHAIN POLICY [pkts:bytes]" */
	XTN_RL_CMD,		/* a command */
	XTN_RL_COMMIT,
	XTN_RL_EXIT,		/* -h or -V: the text is out, stop with 0 */
};

/* What a ":CHAIN POLICY [pkts:bytes]" line declares: apart from the
 * record, so the records of a restore's many rule lines stay small. */
struct xtn_rchain {
	char *name, *policy;
	bool counters;		/* [pkts:bytes] taken (-c) */
	uint64_t pkts, bytes;
};

/* A restore keeps one per line until its end (100k lines: 48 bytes each). */
struct xtn_rline {
	enum xtn_rline_kind kind;
	uint32_t line;
	uint32_t len;		/* of text */
	bool newline;		/* text ended with one */
	/* ebtables: a "*table" line also ends the table before it (no
	 * COMMIT in ebtables-save): this COMMIT record, then parse the
	 * same line again */
	bool again;
	const char *table;	/* the family profile's name */
	struct xtn_rchain *chain;	/* XTN_RL_CHAIN */
	struct xtn_cmd *cmd;	/* XTN_RL_CMD; NULL once it is in the batch */
	/* XTN_RL_CMD: the line as read, to parse it again when the model
	 * is wanted after it has been dropped (a rerun after a clash, a
	 * later line's look at the rules queued so far); the restore
	 * keeps the text (its lines arena), the record points at it */
	const char *text;
};

void xtn_rline_fini(struct xtn_rline *rl);

struct xtn_rparser {
	struct xtn_ctx *ctx;
	const struct xtn_restore_opts *o;
	bool in_table;
	const char *table;
	bool skipping;		/* in a table -T leaves out */
};

void xtn_rparser_init(struct xtn_rparser *p, struct xtn_ctx *ctx,
		      const struct xtn_restore_opts *o);
/* One line (its text may be cut there, as the reader hands it): 0 with
 * *rl filled, or -1 with ctx->diag set.  -v comments and help go to out. */
int xtn_rparse_line(struct xtn_rparser *p, struct xtn_line *l,
		    struct xtn_rline *rl, struct xtn_strbuf *out);
/* The end of the input: a table left open is an error, unless the
 * dialect needs no COMMIT (p->in_table then says one is to be ended). */
int xtn_rparse_end(struct xtn_rparser *p, uint32_t last_line);
/* At the end of the input of a dialect whose tables need no COMMIT: true
 * with *rl the open table's COMMIT record. */
bool xtn_rparse_implicit_commit(struct xtn_rparser *p, uint32_t last_line,
				struct xtn_rline *rl);

/*
 * Apply a restore input.  It is one transaction, all tables together, as
 * far as the input is there: a file, or what a pipe already holds.  When a
 * COMMIT leaves nothing more to read right now (a feeder that waits for
 * each table to apply), what was read so far is committed first.
 */
int xtn_restore(struct xtn_ctx *ctx, struct xtn_lines *in,
		const struct xtn_restore_opts *o, struct xtn_strbuf *out);

#endif
