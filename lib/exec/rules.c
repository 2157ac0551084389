/* Rule commands: -A -I -D -R -C and -Z CHAIN N. */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/print.h>
#include "exec_int.h"

struct xtn_rule *xt_canonical(struct xtn_exec *ex, const struct xtn_rule *r,
			      const char *table, const char *chain)
{
	struct xtn_rule *m = NULL;
	struct xtn_wire_rule w;
	struct xtn_sets sets;

	xtn_sets_init(&sets);
	if (xtn_codec_encode_wire(r, table, chain, &ex->ctx->diag, &sets,
				  NULL, NULL, &w) == 0) {
		m = xtn_codec_decode_wire(&w, r->fam, &sets.src);
		xtn_wire_fini(&w);
	}
	xtn_sets_fini(&sets);
	return m;
}

/* "-v" echo of a rule being added or removed (iptables' FMT_PRINT_RULE). */
static void echo_rule(struct xtn_exec *ex, const struct xtn_rule *r)
{
	ex->ctx->fam->dialect->printer->rule_list(ex->out, r, 0,
			    XTN_FMT_NOCOUNTS | XTN_FMT_OPTIONS | XTN_FMT_VIA |
			    XTN_FMT_NUMERIC | XTN_FMT_NOTABLE,
			    ex->ctx->resolver);
}

static bool chain_known(struct xtn_exec *ex, struct xtable *t, const char *name)
{
	struct xchain *c;

	if (xtn_table_builtin(t->def, name))
		return true;
	if (xt_chain_lookup(ex, t, name, &c) < 0)
		return false;
	return c->exists;
}

/* A jump needs its target chain; restore checks this at COMMIT. */
static int check_jump(struct xtn_exec *ex, struct xtable *t,
		      const struct xtn_cmd *cmd)
{
	const struct xtn_rule *r = cmd->rule;

	if (r->verdict != XTN_V_JUMP && r->verdict != XTN_V_GOTO)
		return 0;
	if (ex->flags & XTN_EXEC_RESTORE) {
		struct jump_check *j;

		ex->jumps = xtn_xgrow(ex->jumps, &ex->cap_jumps,
				      ex->n_jumps + 1, sizeof(*ex->jumps), 64);
		j = &ex->jumps[ex->n_jumps++];
		j->table = xtn_arena_strndup(&ex->jump_names, t->name,
					     strlen(t->name));
		j->chain = xtn_arena_strndup(&ex->jump_names, r->chain,
					     strlen(r->chain));
		j->line = cmd->loc.line;
		return 0;
	}
	if (chain_known(ex, t, r->chain))
		return 0;
	if (xtn_diag_failed(&ex->ctx->diag))
		return -1;
	return xtn_fail(&ex->ctx->diag, XTN_PARAM, &cmd->jump_loc,
			"Chain '%s' does not exist", r->chain);
}

static struct xrule queued(struct xtn_exec *ex, const struct xtn_cmd *cmd,
			   unsigned int index, uint32_t id,
			   struct xtn_rule *canon)
{
	struct xrule q;

	memset(&q, 0, sizeof(q));
	q.rule_id = id;
	q.line = cmd->loc.line;
	q.index = index;
	/* a restore can rebuild the model from its line: keep memory flat */
	if (ex->flags & XTN_EXEC_RESTORE)
		xtn_rule_free(canon);
	else
		q.model = canon;
	return q;
}

static void set_position(struct xtn_wire_rule *w, const struct xrule *at)
{
	if (at->handle)
		w->position = at->handle;
	else
		w->position_id = at->rule_id;
}

static int lookup_chain(struct xtn_exec *ex, struct xtable *t,
			const struct xtn_cmd *cmd, int op, struct xchain **c)
{
	if (xt_chain_lookup(ex, t, cmd->chain, c) < 0)
		return -1;
	if (!(*c)->exists)
		return xt_errno(ex, op, ENOENT);
	return 0;
}

/* Queue one NEWRULE and record it in the view at pos (or pre/post). */
static int add_one(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		   struct xtn_cmd *cmd, unsigned int index,
		   const struct xrule *before, bool append)
{
	/* a restore's command runs once: a rerun parses its line again */
	struct xtn_rule *r = ex->flags & XTN_EXEC_RESTORE ?
			     xtn_cmd_take_rule(cmd, index) :
			     xtn_cmd_rule_at(cmd, index);
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_NEWRULE };
	struct xtn_rule *canon = NULL;
	struct xtn_loc *locs = NULL;
	unsigned int n_locs = 0;
	struct xtn_wire_rule w;
	struct xtn_sets sets;
	struct xrule q;
	uint32_t id;
	int ret;

	/* on the command line, keep which argv words made each expression */
	xtn_sets_init(&sets);
	ret = xtn_codec_encode_wire(r, t->name, c->name, &ex->ctx->diag, &sets,
				    cmd->loc.line ? NULL : &locs, &n_locs, &w);

	/* the decoded form is needed only to echo the rule or to compare
	 * against it later in this session: a restore rebuilds it from its
	 * line on demand instead, so 100k appends decode nothing */
	if (ret == 0 && (cmd->verbose ||
			 (!(ex->flags & XTN_EXEC_RESTORE) && c->view_known))) {
		canon = xtn_codec_decode_wire(&w, r->fam, &sets.src);
		if (cmd->verbose)
			echo_rule(ex, canon);
	}
	xtn_rule_free(r);
	if (ret < 0) {
		xtn_sets_fini(&sets);
		return -1;
	}
	if (before)
		set_position(&w, before);
	o.flags = NLM_F_CREATE | (append ? NLM_F_APPEND : 0);
	o.op = append ? XTN_OBJ_RULE_APPEND : XTN_OBJ_RULE_INSERT;
	o.line = cmd->loc.line;
	/* an ID only where a later message may point at this rule: a
	 * restore's later lines, or the next address of "-I CHAIN N" */
	o.with_id = (ex->flags & XTN_EXEC_RESTORE) || cmd->rulenum > 1;
	o.locs = locs;
	o.n_locs = n_locs;
	ret = xt_batch_rule_sets(ex, &sets, &w, &o, &id);
	xtn_wire_fini(&w);
	xtn_sets_fini(&sets);
	if (ret < 0) {
		xtn_rule_free(canon);
		return -1;
	}
	q = queued(ex, cmd, index, id, canon);
	if (append)
		xt_view_insert(c->view_known ? &c->rules : &c->post,
			       c->view_known ? c->rules.n : c->post.n, &q);
	else if (before)	/* the view is loaded */
		xt_view_insert(&c->rules, (unsigned int)(before - c->rules.v), &q);
	else			/* at the head: merged when the view is next needed */
		xt_view_insert(&c->pre, c->pre.n, &q);
	return 0;
}

static int do_add(struct xtn_exec *ex, struct xtable *t, struct xtn_cmd *cmd,
		  bool append)
{
	unsigned int i, n = xtn_cmd_rule_count(cmd), num = cmd->rulenum;
	struct xchain *c;

	if (check_jump(ex, t, cmd) < 0 || xt_ensure_builtin(ex, t, cmd->chain) < 0)
		return -1;
	if (lookup_chain(ex, t, cmd, append ? XTN_EOP_ANY : XTN_EOP_INSERT, &c) < 0 ||
	    xt_eb_take_policy(ex, t, c) < 0)
		return -1;
	if (append || num <= 1) {
		for (i = 0; i < n; i++)
			if (add_one(ex, t, c, cmd, i, NULL, append) < 0)
				return -1;
		return 0;
	}
	if (xt_view_load(ex, t, c) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		int ret;

		/* iptables allows inserting at count + 1: that is an append */
		if (num - 1 == c->rules.n)
			ret = add_one(ex, t, c, cmd, i, NULL, true);
		else if (num - 1 > c->rules.n)
			return xt_errno(ex, XTN_EOP_INSERT, E2BIG);
		else
			ret = add_one(ex, t, c, cmd, i, &c->rules.v[num - 1], false);
		if (ret < 0)
			return -1;
	}
	return 0;
}

static int queue_delete(struct xtn_exec *ex, struct xtable *t,
			struct xchain *c, unsigned int pos, uint32_t line)
{
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_DELRULE,
					 .op = XTN_OBJ_RULE_DELETE, .line = line };
	struct nftnl_rule *nr = nftnl_rule_alloc();
	const struct xrule *r = &c->rules.v[pos];
	int ret;

	nftnl_rule_set_u32(nr, NFTNL_RULE_FAMILY, ex->ctx->fam->nfproto);
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, t->name);
	nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, c->name);
	if (r->handle)
		nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, r->handle);
	else
		nftnl_rule_set_u32(nr, NFTNL_RULE_ID, r->rule_id);
	ret = xtn_batch_rule(&ex->batch, &ex->nl, nr, &o, NULL);
	nftnl_rule_free(nr);
	if (ret < 0)
		return -1;
	xt_view_remove(&c->rules, pos);
	return 0;
}

static void free_rules(struct xtn_rule **v, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		xtn_rule_free(v[i]);
	free(v);
}

/* Each expanded rule of cmd, encoded and read back: before the chain is
 * read, as 1.8.9 builds the rule first ("-C INPUT -m tcp --dport 22" is
 * "TCP match requires '-p tcp'" whether or not INPUT holds rules). */
static struct xtn_rule **canonical_rules(struct xtn_exec *ex, struct xtable *t,
					 struct xtn_cmd *cmd, unsigned int n)
{
	struct xtn_rule **canon = xtn_xzalloc(n * sizeof(*canon));
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct xtn_rule *r = xtn_cmd_rule_at(cmd, i);

		canon[i] = xt_canonical(ex, r, t->name, cmd->chain);
		xtn_rule_free(r);
		if (!canon[i]) {
			free_rules(canon, i);
			return NULL;
		}
	}
	return canon;
}

/* Find each expanded rule of cmd; delete it unless only checking. */
static int find_rules(struct xtn_exec *ex, struct xtable *t,
		      struct xtn_cmd *cmd, bool delete)
{
	int op = delete ? XTN_EOP_DELETE : XTN_EOP_CHECK;
	unsigned int i, n = xtn_cmd_rule_count(cmd);
	struct xtn_rule **canon;
	struct xchain *c;
	int pos, ret = -1;

	if (check_jump(ex, t, cmd) < 0)
		return -1;
	canon = canonical_rules(ex, t, cmd, n);
	if (!canon)
		return -1;
	if (lookup_chain(ex, t, cmd, op, &c) < 0 || xt_view_load(ex, t, c) < 0 ||
	    (delete && xt_eb_take_policy(ex, t, c) < 0))
		goto out;
	for (i = 0; i < n; i++) {
		pos = xt_view_find(ex, t, c, canon[i]);
		if (pos >= 0 && cmd->verbose)
			echo_rule(ex, canon[i]);
		if (pos == -2)
			goto out;
		if (pos < 0) {
			xt_errno(ex, op, ENOENT);
			goto out;
		}
		if (delete &&
		    queue_delete(ex, t, c, (unsigned int)pos, cmd->loc.line) < 0)
			goto out;
	}
	ret = 0;
out:
	free_rules(canon, n);
	return ret;
}

/* The chain's N-th rule, loading the view; E2BIG (in op's words) if absent. */
static int nth_rule(struct xtn_exec *ex, struct xtable *t, struct xtn_cmd *cmd,
		    int op, int missing_errno, struct xchain **c)
{
	if (lookup_chain(ex, t, cmd, XTN_EOP_ANY, c) < 0 ||
	    xt_view_load(ex, t, *c) < 0)
		return -1;
	if (cmd->rulenum < 1 || cmd->rulenum > (*c)->rules.n)
		return xt_errno(ex, op, missing_errno);
	return (int)cmd->rulenum - 1;
}

/* -D CHAIN N, and ebtables' -D CHAIN N:M (rulenum_end; UINT32_MAX: to
 * the last rule), which deletes nothing unless rule N is there. */
static int do_delete_num(struct xtn_exec *ex, struct xtable *t,
			 struct xtn_cmd *cmd)
{
	struct xchain *c;
	int pos = nth_rule(ex, t, cmd, XTN_EOP_DELETE_NUM, E2BIG, &c);
	unsigned int last, n;

	if (pos < 0 || xt_eb_take_policy(ex, t, c) < 0)
		return -1;
	/* all of N:M or nothing */
	if (cmd->rulenum_end != UINT32_MAX && cmd->rulenum_end > c->rules.n)
		return xt_errno(ex, XTN_EOP_DELETE_NUM, E2BIG);
	last = cmd->rulenum_end > c->rules.n ? c->rules.n : cmd->rulenum_end;
	for (n = last > (unsigned int)pos ? last - (unsigned int)pos : 1; n; n--)
		if (queue_delete(ex, t, c, (unsigned int)pos, cmd->loc.line) < 0)
			return -1;
	return 0;
}

static int do_replace(struct xtn_exec *ex, struct xtable *t,
		      struct xtn_cmd *cmd)
{
	struct xtn_batch_rule_opts o = {
		.msg = NFT_MSG_NEWRULE, .flags = NLM_F_CREATE | NLM_F_REPLACE,
		.op = XTN_OBJ_RULE_REPLACE,
	};
	struct xtn_rule *r, *canon;
	struct xtn_wire_rule w;
	struct xtn_sets sets;
	struct xchain *c;
	struct xrule old;
	int pos, ret;

	if (check_jump(ex, t, cmd) < 0)
		return -1;
	/* encoded before the chain is read: the rule's own errors come
	 * before a missing rule number, as in 1.8.9 */
	r = xtn_cmd_rule_at(cmd, 0);
	xtn_sets_init(&sets);
	ret = xtn_codec_encode_wire(r, t->name, cmd->chain, &ex->ctx->diag,
				    &sets, NULL, NULL, &w);
	xtn_rule_free(r);
	if (ret < 0) {
		xtn_sets_fini(&sets);
		return -1;
	}
	pos = nth_rule(ex, t, cmd, XTN_EOP_REPLACE, E2BIG, &c);
	if (pos < 0 || !c->rules.v[pos].handle) {
		xtn_wire_fini(&w);
		xtn_sets_fini(&sets);
		if (pos < 0)
			return -1;
		/* replacing a rule queued in this very batch: delete, re-add */
		if (queue_delete(ex, t, c, (unsigned int)pos, cmd->loc.line) < 0)
			return -1;
		return add_one(ex, t, c, cmd, 0,
			       (unsigned int)pos < c->rules.n ? &c->rules.v[pos] : NULL,
			       (unsigned int)pos == c->rules.n);
	}
	old = c->rules.v[pos];
	/* what later lines compare against: the rule as the kernel gets it */
	canon = xtn_codec_decode_wire(&w, ex->ctx->fam, &sets.src);
	if (cmd->verbose)
		echo_rule(ex, canon);
	w.handle = old.handle;
	o.line = cmd->loc.line;
	ret = xt_batch_rule_sets(ex, &sets, &w, &o, NULL);
	xtn_wire_fini(&w);
	xtn_sets_fini(&sets);
	if (ret < 0) {
		xtn_rule_free(canon);
		return -1;
	}
	xtn_rule_free(c->rules.v[pos].model);
	free(c->rules.v[pos].raw);
	c->rules.v[pos] = queued(ex, cmd, 0, 0, canon);
	c->rules.v[pos].handle = old.handle;
	return 0;
}

static int do_zero_num(struct xtn_exec *ex, struct xtable *t,
		       struct xtn_cmd *cmd)
{
	struct xchain *c;

	/* iptables reports a missing chain or rule here as "Bad rule" */
	if (xt_chain_lookup(ex, t, cmd->chain, &c) < 0)
		return -1;
	if (!c->exists)
		return xt_errno(ex, XTN_EOP_DELETE, ENOENT);
	if (xt_view_load(ex, t, c) < 0)
		return -1;
	/* 1.8.9 quietly succeeds when the rule number is out of range */
	if (cmd->rulenum < 1 || cmd->rulenum > c->rules.n)
		return 0;
	return xt_zero_num(ex, t, c, cmd->rulenum - 1);
}

int xt_cmd_rule(struct xtn_exec *ex, struct xtn_cmd *cmd)
{
	struct xtable *t = xt_table(ex, cmd->table);

	switch (cmd->op) {
	case XTN_CMD_APPEND:
		return do_add(ex, t, cmd, true);
	case XTN_CMD_INSERT:
		return do_add(ex, t, cmd, false);
	case XTN_CMD_DELETE:
		return find_rules(ex, t, cmd, true);
	case XTN_CMD_CHECK:
		return find_rules(ex, t, cmd, false);
	case XTN_CMD_DELETE_NUM:
		return do_delete_num(ex, t, cmd);
	case XTN_CMD_REPLACE:
		return do_replace(ex, t, cmd);
	case XTN_CMD_ZERO_NUM:
		return do_zero_num(ex, t, cmd);
	}
	return 0;
}
