/*
 * iptables-restore as one transaction for all the input that is there, all
 * tables together (stricter than 1.8.9, which commits table by table): any
 * error leaves the ruleset untouched.  Input is read line by line and each
 * line parsed into a record, and run into the session as it is read (its
 * model freed at once: a table of 50k rules does not hold 50k models until
 * its COMMIT).  1.8.9 runs a table's commands at its COMMIT, so a parse
 * error further down is reported before a failing command: a record that
 * fails early is not reported then, and the COMMIT runs every record again
 * in a new session, where the same record fails in 1.8.9's order.  On a
 * generation clash the records run again too.  A command record drops its
 * model once the batch holds the rule and keeps its line: a rerun, or a
 * later line comparing with the rules queued so far, parses the line
 * again, through a resolver that answers as it did the first time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/exec.h>
#include <xtnft/lines.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include "exec_int.h"

/* Hand output to the caller once it is this big. */
#define FLUSH_AT (64 * 1024)

/* A restore keeps one record per line: at 100k lines they are a
 * sixteenth of its peak memory. */
_Static_assert(sizeof(struct xtn_rline) <= 48, "restore records grew");

struct rst {
	struct xtn_ctx *ctx;
	const struct xtn_restore_opts *o;
	struct xtn_strbuf *out;
	struct xtn_exec *ex;
	struct xtn_rline *recs;	/* this transaction's lines, in order */
	unsigned int n, cap;
	struct xtn_arena texts;	/* their command lines' text */
	unsigned int done;	/* records the current session has run */
	bool begun;		/* a session is open for this transaction */
	bool early_failed;	/* a record failed when run as it was read */
	/* -t: what the lines would print (rule echoes, "Flushing chain")
	 * goes here and is dropped, as 1.8.9 -t only parses */
	struct xtn_strbuf discard;
};

static void flush_out(struct rst *r)
{
	if (r->o->flush && r->out->len) {
		r->o->flush(r->out, r->o->flush_priv);
		xtn_strbuf_reset(r->out);
	}
}

static void drop_records(struct rst *r)
{
	unsigned int i;

	for (i = 0; i < r->n; i++)
		xtn_rline_fini(&r->recs[i]);
	xtn_arena_fini(&r->texts);
	r->n = 0;
	r->done = 0;
}

static void keep(struct rst *r, struct xtn_rline *rl)
{
	r->recs = xtn_xgrow(r->recs, &r->cap, r->n + 1, sizeof(*r->recs), 64);
	r->recs[r->n++] = *rl;
}

/* len bytes of text and a NUL after them */
static char *dup_text(const char *text, size_t len)
{
	char *s = xtn_xmalloc(len + 1);

	memcpy(s, text, len);
	s[len] = '\0';
	return s;
}

/* A command record's model, parsed again from its line: the parse of
 * the first reading had it in the same table; what it printed then and
 * the warnings it gave are not given twice. */
static struct xtn_cmd *reparse(struct rst *r, const struct xtn_rline *rl)
{
	unsigned int warnings = r->ctx->diag.n_warnings;
	struct xtn_rparser p;
	struct xtn_rline again;
	struct xtn_strbuf scratch;
	struct xtn_line l = {
		.text = dup_text(rl->text, rl->len), .len = rl->len,
		.no = rl->line, .newline = rl->newline, .whole = true,
	};
	struct xtn_cmd *cmd = NULL;

	xtn_rparser_init(&p, r->ctx, r->o);
	p.in_table = true;
	p.table = rl->table;
	xtn_strbuf_init(&scratch);
	if (xtn_rparse_line(&p, &l, &again, &scratch) == 0) {
		if (again.kind == XTN_RL_CMD) {
			cmd = again.cmd;
			again.cmd = NULL;
		}
		xtn_rline_fini(&again);
		xtn_diag_rewind(&r->ctx->diag, warnings);
	}
	xtn_strbuf_fini(&scratch);
	free(l.text);
	return cmd;
}

/* The model of a command record, parsed again if it was dropped. */
static int need_cmd(struct rst *r, struct xtn_rline *rl)
{
	if (rl->kind != XTN_RL_CMD || rl->cmd)
		return 0;
	rl->cmd = reparse(r, rl);
	return rl->cmd ? 0 : -1;
}

static int run_record(struct xtn_exec *ex, const struct xtn_rline *rl,
		      bool verbose)
{
	switch (rl->kind) {
	case XTN_RL_TABLE:
		return xtn_exec_table_start(ex, rl->table, rl->line, verbose);
	case XTN_RL_CHAIN:
		return xtn_exec_chain_decl(ex, rl->table, rl->chain->name,
					   rl->chain->policy, rl->chain->counters,
					   rl->chain->pkts, rl->chain->bytes,
					   rl->line);
	case XTN_RL_CMD:
		return xtn_exec_cmd(ex, rl->cmd);
	case XTN_RL_COMMIT:
		ex->cur_line = rl->line;
		if (xtn_exec_table_drop_stale(ex, rl->table) < 0)
			return -1;
		return xtn_exec_table_end(ex, rl->line);
	default:
		return 0;
	}
}

/* The records this session has not run yet. */
static int run_pending(struct xtn_exec *ex, void *priv)
{
	struct rst *r = priv;

	struct xtn_rline *rl;

	for (; r->done < r->n; r->done++) {
		rl = &r->recs[r->done];
		if (need_cmd(r, rl) < 0)
			return -1;
		if (run_record(ex, rl, r->o->verbose) < 0) {
			/* it may have handed its rule to the batch: a rerun
			 * parses the line again */
			xtn_cmd_free(rl->cmd);
			rl->cmd = NULL;
			return -1;
		}
		/* in the batch now: the line is kept, its model (about a
		 * kilobyte a rule) is not */
		if (rl->kind == XTN_RL_CMD) {
			xtn_cmd_free(rl->cmd);
			rl->cmd = NULL;
		}
	}
	return 0;
}

/* A new session after a clash: every record again, its output dropped
 * (the first run's is already out). */
static int replay(struct xtn_exec *ex, void *priv)
{
	struct rst *r = priv;
	struct xtn_strbuf *out = ex->out, scratch;
	int ret;

	xtn_strbuf_init(&scratch);
	ex->out = &scratch;
	r->done = 0;
	ret = run_pending(ex, r);
	ex->out = out;
	xtn_strbuf_fini(&scratch);
	return ret;
}

/* restore -t without the rights: 1.8.9 says which COMMIT line failed */
static int begin_failed(struct rst *r, uint32_t line)
{
	struct xtn_loc loc = { .line = line };
	int err = r->ex->begin_errno;

	if (!r->o->test || !err)
		return -1;
	xtn_diag_reset_error(&r->ctx->diag);
	return xtn_fail_errno(&r->ctx->diag, &loc, XTN_EOP_ANY, err);
}

/* A session for this transaction, opened by its first record. */
static int begin(struct rst *r)
{
	if (r->begun)
		return 0;
	xtn_exec_mark(r->ex);
	if (xtn_exec_begin(r->ex) < 0)
		return -1;
	r->begun = true;
	return 0;
}

/* A record as it is read.  -v and -t keep 1.8.9's order of output (a
 * table's narration and rule echoes at its COMMIT, after what its lines
 * printed), so they run records at COMMIT only. */
static void run_early(struct rst *r)
{
	if (r->early_failed || r->o->verbose || r->o->test)
		return;
	if (begin(r) < 0 || run_pending(r->ex, r) < 0) {
		/* reported at COMMIT, unless a line fails to parse first */
		r->early_failed = true;
		xtn_diag_reset_error(&r->ctx->diag);
	}
}

/* A table's COMMIT: what is left of its records goes to the session. */
static int run_block(struct rst *r, uint32_t line)
{
	bool anew = r->early_failed;
	int ret;

	/* a record failed early: it and what it queued, all again in a new
	 * session, so the failure comes in 1.8.9's place */
	if (anew)
		r->begun = r->early_failed = false;
	if (begin(r) < 0)
		return begin_failed(r, line);
	ret = anew ? replay(r->ex, r) : run_pending(r->ex, r);
	xtn_strbuf_reset(&r->discard);
	if (ret == 0)
		return 0;
	if (!r->ex->interrupted)
		return -1;
	/* a dump met another writer's commit: what was read is stale, a
	 * new session runs every record again */
	xtn_exec_mark(r->ex);
	return xtn_exec_restart(r->ex, replay, r);
}

/* Everything read so far, as one transaction: its records have run. */
static int commit(struct rst *r)
{
	int ret = 0;

	if (r->begun) {
		/* what the first run printed stays; a rerun prints nothing */
		xtn_exec_mark(r->ex);
		ret = xtn_exec_settle(r->ex, 0, replay, r);
	}
	r->begun = false;
	drop_records(r);
	flush_out(r);
	return ret;
}

static int read_failed(struct rst *r, int err)
{
	return xtn_fail_style(&r->ctx->diag, XTN_OTHER, XTN_DS_PROG, NULL,
			      "error reading input: %s", strerror(err));
}

/* One line: 1 at -h/-V (stop, successfully), 0 to go on, -1 on error. */
static int one_line(struct rst *r, struct xtn_rparser *p, struct xtn_lines *in,
		    struct xtn_line *l)
{
	struct xtn_rline rl;
	bool again;

	if (xtn_rparse_line(p, l, &rl, r->out) < 0)
		return -1;
	/* a line too long to keep that parsed is a comment (or in a table
	 * -T leaves out): skipped whole */
	if (!l->whole && xtn_lines_skip_rest(in) == XTN_LINE_ERROR) {
		xtn_rline_fini(&rl);
		return read_failed(r, in->err);
	}
	if (r->out->len > FLUSH_AT)
		flush_out(r);
	if (rl.kind == XTN_RL_SKIP || rl.kind == XTN_RL_EXIT) {
		bool stop = rl.kind == XTN_RL_EXIT;

		xtn_rline_fini(&rl);
		return stop;
	}
	if (rl.kind == XTN_RL_CMD) {
		rl.text = xtn_arena_strndup(&r->texts, l->text, l->len);
		rl.len = (uint32_t)l->len;
		rl.newline = l->newline;
		rl.table = p->table;
	}
	again = rl.again;
	keep(r, &rl);
	if (rl.kind != XTN_RL_COMMIT) {
		run_early(r);
		return 0;
	}
	if (run_block(r, rl.line) < 0)
		return -1;
	if (again)	/* the "*table" line that ended a table starts one */
		return one_line(r, p, in, l);
	/* the feeder waits for this table to apply: commit what is read */
	if (!xtn_lines_pending(in))
		return commit(r);
	return 0;
}

/* ebtables-restore: the input's end is the last table's COMMIT. */
static int end_implicit(struct rst *r, struct xtn_rparser *p, uint32_t line)
{
	struct xtn_rline rl;

	if (!xtn_rparse_implicit_commit(p, line, &rl))
		return 0;
	keep(r, &rl);
	return run_block(r, rl.line);
}

static int read_all(struct rst *r, struct xtn_lines *in)
{
	struct xtn_rparser p;
	struct xtn_line l;
	int ret;

	xtn_rparser_init(&p, r->ctx, r->o);
	for (;;) {
		switch (xtn_lines_next(in, &l)) {
		case XTN_LINE_EOF:
			if (end_implicit(r, &p, in->lineno) < 0 ||
			    xtn_rparse_end(&p, in->lineno) < 0)
				return -1;
			return commit(r);
		case XTN_LINE_ERROR:
			return read_failed(r, in->err);
		default:
			break;
		}
		ret = one_line(r, &p, in, &l);
		if (ret)
			return ret > 0 ? 0 : -1;
	}
}

static int cmp_line(const void *key, const void *rec)
{
	uint32_t a = *(const uint32_t *)key;
	uint32_t b = ((const struct xtn_rline *)rec)->line;

	return a < b ? -1 : a > b;
}

/* Records are kept in input order, so by line. */
static struct xtn_rline *find_record(struct rst *r, uint32_t line)
{
	return bsearch(&line, r->recs, r->n, sizeof(*r->recs), cmp_line);
}

/* exec asks for the model of a rule queued by an earlier line: the one
 * parsed then, in the form the kernel will hold it */
static struct xtn_rule *remat(void *priv, uint32_t line, uint32_t index)
{
	struct rst *r = priv;
	struct xtn_rline *rl = find_record(r, line);
	struct xtn_rule *rule, *canon = NULL;
	struct xtn_cmd *cmd;

	if (!rl || rl->kind != XTN_RL_CMD)
		return NULL;
	/* a record that is running may have handed its rule over */
	cmd = rl->cmd && rl->cmd->rule ? rl->cmd : reparse(r, rl);
	if (cmd && cmd->rule) {
		rule = xtn_cmd_rule_at(cmd, index);
		canon = xt_canonical(r->ex, rule, cmd->table, cmd->chain);
		xtn_rule_free(rule);
	}
	if (cmd != rl->cmd)
		xtn_cmd_free(cmd);
	return canon;
}

int xtn_restore(struct xtn_ctx *ctx, struct xtn_lines *in,
		const struct xtn_restore_opts *o, struct xtn_strbuf *out)
{
	unsigned int flags = XTN_EXEC_RESTORE;
	struct rst r = { .ctx = ctx, .o = o, .out = out,
			 .texts = { .chunk_size = 64 * 1024 } };
	const struct xtn_resolver *resolver = ctx->resolver;
	struct xtn_resolver_memo memo;
	int ret;

	if (o->noflush)
		flags |= XTN_EXEC_NOFLUSH;
	if (o->test)
		flags |= XTN_EXEC_TEST;
	/* a line parsed again resolves its names as it did the first time */
	xtn_resolver_memo_init(&memo, resolver);
	ctx->resolver = &memo.r;
	xtn_strbuf_init(&r.discard);
	r.ex = xtn_exec_new(ctx, o->test ? &r.discard : out, flags);
	xtn_exec_set_rematerialize(r.ex, remat, &r);
	ret = read_all(&r, in);
	/* what a failure left unsent is dropped, never committed */
	drop_records(&r);
	free(r.recs);
	flush_out(&r);
	xtn_exec_free(r.ex);
	xtn_strbuf_fini(&r.discard);
	ctx->resolver = resolver;
	xtn_resolver_memo_fini(&memo);
	return ret;
}
