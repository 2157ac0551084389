/*
 * Running commands against the kernel: one exec session is one transaction.
 * Commands are fed in order; each fetches only what it needs (at most its
 * xtn_plan_cmd(), checked by test-exec)
 * and queues its messages; commit sends the batch with the generation id.
 * On a generation clash xtn_exec_run() starts a new session and feeds the
 * same commands again, so positions and handles are always recomputed.
 */
#ifndef XTNFT_EXEC_H
#define XTNFT_EXEC_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_ctx;
struct xtn_cmd;
struct xtn_rule;
struct xtn_strbuf;
struct xtn_exec;

enum xtn_exec_flags {
	XTN_EXEC_RESTORE = 1 << 0,	/* commands come from a restore file */
	XTN_EXEC_NOFLUSH = 1 << 1,	/* restore --noflush */
	XTN_EXEC_TEST = 1 << 2,		/* restore --test: never commit */
};

/* Rebuild the i-th rule of the command given on a restore line, for a later
 * line that needs to compare against it (restore keeps text, not rules). */
typedef struct xtn_rule *(*xtn_rematerialize_fn)(void *priv, uint32_t line,
						 uint32_t index);

struct xtn_exec *xtn_exec_new(struct xtn_ctx *ctx, struct xtn_strbuf *out,
			      unsigned int flags);
void xtn_exec_free(struct xtn_exec *ex);
void xtn_exec_set_rematerialize(struct xtn_exec *ex, xtn_rematerialize_fn fn,
				void *priv);

/* Open the netlink session and read the generation id. */
int xtn_exec_begin(struct xtn_exec *ex);
/* 0 if the family has this table; else iptables' "table 'X' does not
 * exist" (status 3).  Front-ends ask before touching the kernel. */
int xtn_exec_known_table(struct xtn_ctx *ctx, const char *table);
/* Run or queue one command; -1 with ctx->diag set on failure. */
int xtn_exec_cmd(struct xtn_exec *ex, struct xtn_cmd *cmd);
/* Restore's "*table" line (flush unless --noflush); verbose narrates the
 * flush the way iptables-restore -v does. */
int xtn_exec_table_start(struct xtn_exec *ex, const char *table, uint32_t line,
			 bool verbose);
/* Restore's ":CHAIN POLICY [p:b]" line. */
int xtn_exec_chain_decl(struct xtn_exec *ex, const char *table,
			const char *chain, const char *policy, bool counters,
			uint64_t pkts, uint64_t bytes, uint32_t line);
/* Restore's COMMIT line of a table flushed again in this batch: its base
 * chains that the block neither declared nor used go. */
int xtn_exec_table_drop_stale(struct xtn_exec *ex, const char *table);
/* Restore's COMMIT line: report what iptables checks at commit time. */
int xtn_exec_table_end(struct xtn_exec *ex, uint32_t line);

/* iptables-save of one table into the session's output: head, then
 * "*table ... COMMIT" (*written then); or only a note, for a table
 * iptables cannot show.  flags: enum xtn_save_flags (print.h), how rules
 * show their counters. */
int xtn_exec_save_table(struct xtn_exec *ex, const char *table,
			unsigned int flags, const char *head, bool *written);
/* Which of the family's tables exist, in save order, at most max of them
 * (names are borrowed). */
int xtn_exec_existing_tables(struct xtn_exec *ex, const char **names,
			     unsigned int max, unsigned int *n);

/* After a failed command: was it only a dump interrupted by a concurrent
 * commit?  Then the caller starts a new session instead of failing. */
bool xtn_exec_interrupted(const struct xtn_exec *ex);

enum xtn_exec_result {
	XTN_EXEC_OK = 0,
	XTN_EXEC_ERROR = -1,
	XTN_EXEC_RETRY = 1,	/* generation changed: start over */
	/* a batch sent without the generation check was refused: start over
	 * at once with the check, to tell a clash from a real refusal */
	XTN_EXEC_RECHECK = 2,
};

/* Commit the batch (or, for reads, confirm the generation did not move). */
enum xtn_exec_result xtn_exec_commit(struct xtn_exec *ex);

/* Everything one transaction does between begin and commit. */
typedef int (*xtn_exec_body_fn)(struct xtn_exec *ex, void *priv);
/* Remember the output and warnings so far: a retry drops what came after. */
void xtn_exec_mark(struct xtn_exec *ex);
/* The first attempt's body has run and returned `first`: commit, and
 * while another writer's commit (or an interrupted dump) spoils the
 * attempt, start over with body, rebuilding everything from its input,
 * with backoff and jitter until ctx->wait_ms have passed.  0, or -1 with
 * ctx->diag set. */
int xtn_exec_settle(struct xtn_exec *ex, int first, xtn_exec_body_fn body,
		    void *priv);
/* A dump was interrupted by another writer's commit before the
 * transaction is complete: a new session with body rebuilding what was
 * done so far (same bounds as settle), nothing committed.  0 or -1. */
int xtn_exec_restart(struct xtn_exec *ex, xtn_exec_body_fn body, void *priv);
/* Mark, begin, run body, settle. */
int xtn_exec_run(struct xtn_exec *ex, xtn_exec_body_fn body, void *priv);

/* The most a command may fetch (lib/plan/plan.c). */
enum xtn_fetch_level {
	XTN_FETCH_NONE,		/* the kernel is not asked anything */
	XTN_FETCH_CHAINS,	/* named chains, one small GET each */
	XTN_FETCH_CHAIN_RULES,	/* the rules of the named chain */
	XTN_FETCH_TABLE,	/* every chain and rule of the table */
};
/* A level that reads rules also reads the table's sets (one dump, and the
 * elements of each set named) when a rule read names one: only rules of
 * families with lookup-reading descriptors can (ebtables' among). */

struct xtn_plan {
	enum xtn_fetch_level level;
	const char *chains[2];	/* named chains looked up (chain, jump) */
	unsigned int n_chains;
};

void xtn_plan_cmd(const struct xtn_cmd *cmd, struct xtn_plan *plan);
/* Whether the plan lets a command read `what` of chain (NULL: the table's
 * chain list, which only XTN_FETCH_TABLE reads). */
bool xtn_plan_allows(const struct xtn_plan *p, enum xtn_fetch_level what,
		     const char *chain);

#endif
