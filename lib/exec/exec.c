/* The exec session: netlink setup, command dispatch, commit and retry. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "exec_int.h"

struct xtn_exec *xtn_exec_new(struct xtn_ctx *ctx, struct xtn_strbuf *out,
			      unsigned int flags)
{
	struct xtn_exec *ex = xtn_xzalloc(sizeof(*ex));

	ex->ctx = ctx;
	ex->out = out;
	ex->flags = flags;
	ex->reads_sets = -1;
	ex->jump_names.chunk_size = 16 * 1024;
	xtn_hmap_init(&ex->tables);
	/* jitter only has to differ between processes started together */
	ex->rng = ((uint64_t)getpid() << 32) ^ (uint64_t)time(NULL) ^
		  (uint64_t)(uintptr_t)ex;
	return ex;
}

void xtn_exec_set_rematerialize(struct xtn_exec *ex, xtn_rematerialize_fn fn,
				void *priv)
{
	ex->remat = fn;
	ex->remat_priv = priv;
}

static void reset_session(struct xtn_exec *ex)
{
	unsigned int i;

	for (i = 0; i < ex->n_tlist; i++)
		xt_table_free(ex->tlist[i]);
	free(ex->tlist);
	ex->tlist = NULL;
	ex->n_tlist = 0;
	ex->last_table = NULL;
	xtn_hmap_fini(&ex->tables);
	xtn_hmap_init(&ex->tables);
	free(ex->jumps);
	ex->jumps = NULL;
	ex->n_jumps = ex->cap_jumps = 0;
	xtn_arena_fini(&ex->jump_names);
	xtn_strbuf_fini(&ex->debug);
	free(ex->eb_taken);
	ex->eb_taken = NULL;
	ex->n_eb_taken = 0;
	if (ex->open) {
		xtn_batch_fini(&ex->batch);
		xtn_nl_fini(&ex->nl);
		xtn_transport_close(ex->transport);
		ex->transport = NULL;
		ex->open = false;
	}
}

void xtn_exec_free(struct xtn_exec *ex)
{
	if (!ex)
		return;
	reset_session(ex);
	xtn_hmap_fini(&ex->tables);
	free(ex);
}

int xt_errno(struct xtn_exec *ex, int op, int err)
{
	struct xtn_loc loc = { .line = ex->cur_line };

	/* a dump raced with a commit (NLM_F_DUMP_INTR): start over */
	if (err == EINTR) {
		ex->interrupted = true;
		return -1;
	}
	return xtn_fail_errno(&ex->ctx->diag, &loc, op, err);
}

bool xtn_exec_interrupted(const struct xtn_exec *ex)
{
	return ex->interrupted;
}

int xtn_exec_begin(struct xtn_exec *ex)
{
	struct xtn_diag *d = &ex->ctx->diag;

	reset_session(ex);
	ex->interrupted = false;
	if (ex->ctx->transport) {
		ex->transport = NULL;
		xtn_nl_init(&ex->nl, ex->ctx->transport);
	} else {
		if (xtn_transport_open(&ex->transport, d) < 0)
			return -1;
		xtn_nl_init(&ex->nl, ex->transport);
	}
	ex->open = true;
	ex->strict = ex->always_strict;
	ex->begin_errno = 0;
	if (xtn_nl_genid(&ex->nl, &ex->genid) < 0) {
		int err = errno;

		ex->begin_errno = err;
		xtn_batch_init(&ex->batch, &ex->nl, 0, d);
		return xtn_fail(d, XTN_RESOURCE, NULL,
				"Could not fetch rule set generation id: %s",
				xtn_errmsg(XTN_EOP_ANY, err));
	}
	xtn_batch_init(&ex->batch, &ex->nl, ex->genid, d);
	ex->batch.eopnotsupp_hint = ex->ctx->fam->eopnotsupp_hint;
	return 0;
}

int xtn_exec_known_table(struct xtn_ctx *ctx, const char *table)
{
	if (xtn_family_table(ctx->fam, table))
		return 0;
	return xtn_fail(&ctx->diag, XTN_VERSION, NULL,
			"table '%s' does not exist", table);
}

int xt_plan_check(struct xtn_exec *ex, enum xtn_fetch_level what,
		  const char *chain)
{
	struct xtn_loc loc = { .line = ex->cur_line };

	if (!ex->planned || xtn_plan_allows(&ex->plan, what, chain))
		return 0;
	return xtn_fail(&ex->ctx->diag, XTN_OTHER, &loc,
			"internal error: reading %s%s is outside the command's fetch plan",
			chain ? "chain " : "the table's chains", chain ? chain : "");
}

/* The plan's named chains, looked up before the command runs: what a
 * command reads of the chains is the plan's to say. */
static int run_plan(struct xtn_exec *ex, const struct xtn_cmd *cmd)
{
	struct xtable *t;
	struct xchain *c;
	unsigned int i;

	if (ex->plan.level != XTN_FETCH_CHAINS &&
	    ex->plan.level != XTN_FETCH_CHAIN_RULES)
		return 0;
	t = xt_table(ex, cmd->table);
	for (i = 0; i < ex->plan.n_chains; i++)
		if (xt_chain_lookup(ex, t, ex->plan.chains[i], &c) < 0)
			return -1;
	return 0;
}

static int run_cmd(struct xtn_exec *ex, struct xtn_cmd *cmd)
{
	if (cmd->op & (XTN_CMD_LIST | XTN_CMD_LIST_RULES))
		return xt_cmd_list(ex, cmd);
	switch (cmd->op) {
	case XTN_CMD_APPEND:
	case XTN_CMD_INSERT:
	case XTN_CMD_DELETE:
	case XTN_CMD_DELETE_NUM:
	case XTN_CMD_REPLACE:
	case XTN_CMD_CHECK:
	case XTN_CMD_ZERO_NUM:
		return xt_cmd_rule(ex, cmd);
	case XTN_CMD_NONE:
		return 0;
	default:
		return xt_cmd_chain(ex, cmd);
	}
}

int xtn_exec_cmd(struct xtn_exec *ex, struct xtn_cmd *cmd)
{
	int ret;

	if (xtn_exec_known_table(ex->ctx, cmd->table) < 0)
		return -1;
	ex->cur_line = cmd->loc.line;
	ex->batch.verbose = cmd->verbose;
	ex->batch.debug = &ex->debug;
	xtn_plan_cmd(cmd, &ex->plan);
	ex->planned = true;
	ret = run_plan(ex, cmd);
	if (ret == 0)
		ret = run_cmd(ex, cmd);
	ex->planned = false;
	return ret;
}

int xtn_exec_table_end(struct xtn_exec *ex, uint32_t line)
{
	unsigned int i;

	ex->cur_line = line;
	for (i = 0; i < ex->n_jumps; i++) {
		struct jump_check *j = &ex->jumps[i];
		struct xtable *t = xt_table(ex, j->table);
		struct xchain *c;
		struct xtn_loc loc = { .line = line };

		if (xtn_table_builtin(t->def, j->chain))
			continue;
		if (xt_chain_lookup(ex, t, j->chain, &c) < 0)
			return -1;
		if (!c->exists)
			return xtn_fail(&ex->ctx->diag, XTN_PARAM, &loc,
					"Chain '%s' does not exist", j->chain);
	}
	ex->n_jumps = 0;
	xtn_arena_fini(&ex->jump_names);
	return 0;
}

static int check_genid(struct xtn_exec *ex)
{
	uint32_t now;

	if (xtn_nl_genid(&ex->nl, &now) < 0)
		return xtn_fail(&ex->ctx->diag, XTN_RESOURCE, NULL,
				"Could not fetch rule set generation id: %s",
				xtn_errmsg(XTN_EOP_ANY, errno));
	return now == ex->genid ? XTN_EXEC_OK : XTN_EXEC_RETRY;
}

void xt_strict(struct xtn_exec *ex)
{
	ex->strict = true;
}

enum xtn_exec_result xtn_exec_commit(struct xtn_exec *ex)
{
	if (!ex->open || xt_eb_policies_finish(ex) < 0)
		return XTN_EXEC_ERROR;
	if (xtn_batch_empty(&ex->batch) || (ex->flags & XTN_EXEC_TEST)) {
		/* a read: valid only if nobody committed meanwhile */
		int ret = check_genid(ex);

		return ret < 0 ? XTN_EXEC_ERROR : (enum xtn_exec_result)ret;
	}
	/* -vv: iptables prints the batched objects when it sends them */
	if (ex->debug.len)
		xtn_strbuf_put(ex->out, ex->debug.buf, ex->debug.len);
	xtn_strbuf_reset(&ex->debug);
	switch (xtn_batch_commit(&ex->batch, &ex->nl, &ex->ctx->diag,
				 ex->strict)) {
	case XTN_COMMIT_OK:
		return XTN_EXEC_OK;
	case XTN_COMMIT_RESTART:
		return XTN_EXEC_RETRY;
	default:
		/* built without the generation check, the batch may have met
		 * a ruleset that changed after it was read: the same command
		 * with the check tells a clash from a real refusal */
		if (!ex->strict && ex->ctx->diag.style == XTN_DS_KERNEL &&
		    ex->ctx->diag.n_kerrs) {
			ex->always_strict = true;
			return XTN_EXEC_RECHECK;
		}
		return XTN_EXEC_ERROR;
	}
}

void xtn_exec_mark(struct xtn_exec *ex)
{
	ex->mark_warnings = ex->ctx->diag.n_warnings;
	ex->mark_out = ex->out->len;
}

static uint64_t elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (uint64_t)((now.tv_sec - start->tv_sec) * 1000 +
			  (now.tv_nsec - start->tv_nsec) / 1000000);
}

/* Sleep before the next attempt: exponential backoff with full jitter, so
 * writers that clashed spread out; false once the time bound is over. */
static bool backoff(struct xtn_exec *ex, const struct timespec *start,
		    unsigned int attempt)
{
	uint64_t bound = ex->ctx->wait_ms, spent = elapsed_ms(start), us;
	struct timespec pause;

	if (bound != XTN_WAIT_FOREVER && spent >= bound)
		return false;
	/* xorshift64 on per-session state (lib/ keeps no globals) */
	ex->rng ^= ex->rng << 13;
	ex->rng ^= ex->rng >> 7;
	ex->rng ^= ex->rng << 17;
	/* up to 2 ms, 4 ms, 8 ms ... 256 ms */
	us = ex->rng % ((uint64_t)1000 << (attempt < 8 ? attempt : 8));
	if (bound != XTN_WAIT_FOREVER && us > (bound - spent) * 1000)
		us = (bound - spent) * 1000;
	pause.tv_sec = (time_t)(us / 1000000);
	pause.tv_nsec = (long)(us % 1000000) * 1000;
	while (nanosleep(&pause, &pause) < 0 && errno == EINTR)
		;
	return true;
}

static enum xtn_exec_result attempt_result(struct xtn_exec *ex, int body_ret,
					   bool commit)
{
	if (body_ret < 0)
		return ex->interrupted ? XTN_EXEC_RETRY : XTN_EXEC_ERROR;
	return commit ? xtn_exec_commit(ex) : XTN_EXEC_OK;
}

/* Attempts until one is not spoilt by another writer (or time is up). */
static int attempts(struct xtn_exec *ex, enum xtn_exec_result res,
		    xtn_exec_body_fn body, void *priv, bool commit)
{
	struct xtn_diag *d = &ex->ctx->diag;
	unsigned int n = 1;
	struct timespec start;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (res == XTN_EXEC_RETRY || res == XTN_EXEC_RECHECK) {
		if (res == XTN_EXEC_RETRY && !backoff(ex, &start, n)) {
			xtn_diag_reset_error(d);
			return xtn_fail(d, XTN_RESOURCE, NULL,
					"the ruleset kept changing: gave up after %u attempts",
					n);
		}
		n++;
		xtn_diag_rewind(d, ex->mark_warnings);
		xtn_strbuf_truncate(ex->out, ex->mark_out);
		if (xtn_exec_begin(ex) < 0)
			return -1;
		res = attempt_result(ex, body(ex, priv), commit);
	}
	return res == XTN_EXEC_OK ? 0 : -1;
}

int xtn_exec_settle(struct xtn_exec *ex, int first, xtn_exec_body_fn body,
		    void *priv)
{
	return attempts(ex, attempt_result(ex, first, true), body, priv, true);
}

int xtn_exec_restart(struct xtn_exec *ex, xtn_exec_body_fn body, void *priv)
{
	return attempts(ex, XTN_EXEC_RETRY, body, priv, false);
}

int xtn_exec_run(struct xtn_exec *ex, xtn_exec_body_fn body, void *priv)
{
	xtn_exec_mark(ex);
	if (xtn_exec_begin(ex) < 0)
		return -1;
	return xtn_exec_settle(ex, body(ex, priv), body, priv);
}

int xtn_exec_existing_tables(struct xtn_exec *ex, const char **names,
			     unsigned int max, unsigned int *n)
{
	const struct xtn_family *fam = ex->ctx->fam;
	unsigned int i;

	*n = 0;
	for (i = 0; i < fam->n_tables && *n < max; i++) {
		struct xtable *t = xt_table(ex, fam->tables[i].name);

		if (xt_table_probe(ex, t) < 0)
			return -1;
		if (t->exists == 1)
			names[(*n)++] = fam->tables[i].name;
	}
	return 0;
}
