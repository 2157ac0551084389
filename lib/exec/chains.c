/* Chain and table commands: -N -X -E -P -F -Z, and restore's *table/:chain. */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "exec_int.h"

const char *xt_policy_name(uint32_t policy)
{
	return policy == NF_DROP ? "DROP" : "ACCEPT";
}

static struct nftnl_chain *chain_obj(struct xtn_exec *ex, struct xtable *t,
				     const char *name)
{
	struct nftnl_chain *nc = nftnl_chain_alloc();

	nftnl_chain_set_u32(nc, NFTNL_CHAIN_FAMILY, ex->ctx->fam->nfproto);
	nftnl_chain_set_str(nc, NFTNL_CHAIN_TABLE, t->name);
	nftnl_chain_set_str(nc, NFTNL_CHAIN_NAME, name);
	return nc;
}

int xt_queue_chain(struct xtn_exec *ex, struct nftnl_chain *nc,
		   uint16_t msg, uint16_t flags, enum xtn_obj_op op)
{
	int ret = xtn_batch_chain(&ex->batch, &ex->nl, msg, nc, flags, op,
				  ex->cur_line);

	nftnl_chain_free(nc);
	return ret;
}

static int add_user_chain(struct xtn_exec *ex, struct xtable *t,
			  struct xchain *c)
{
	if (xt_queue_chain(ex, chain_obj(ex, t, c->name), NFT_MSG_NEWCHAIN,
			NLM_F_EXCL, XTN_OBJ_CHAIN_USER_ADD) < 0)
		return -1;
	c->exists = true;
	c->builtin = false;
	xt_chain_made(t, c);
	xt_view_reset(c);
	c->view_known = true;
	return 0;
}

static bool is_user_policy(const struct xtn_exec *ex, const struct xtable *t,
			   const char *chain)
{
	return ex->ctx->fam->bit == XTN_FAM_BRIDGE &&
	       !xtn_table_builtin(t->def, chain);
}

static int new_chain(struct xtn_exec *ex, struct xtable *t, const char *name)
{
	struct xchain *c;

	if (xt_ensure_table(ex, t) < 0)
		return -1;
	if (xtn_table_builtin(t->def, name))
		return xt_errno(ex, XTN_EOP_NEW_CHAIN, EEXIST);
	if (xt_chain_lookup(ex, t, name, &c) < 0)
		return -1;
	if (c->exists || c->renamed_here)
		return xt_errno(ex, XTN_EOP_NEW_CHAIN, EEXIST);
	if (add_user_chain(ex, t, c) < 0)
		return -1;
	/* an ebtables user chain starts with policy ACCEPT (a policy rule) */
	return is_user_policy(ex, t, name) ? xt_eb_set_policy(ex, t, c, "ACCEPT") : 0;
}

static int flush_rules(struct xtn_exec *ex, struct xtable *t,
		       struct xchain *c, enum xtn_obj_op op)
{
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_DELRULE, .op = op,
					 .line = ex->cur_line };
	struct nftnl_rule *nr = nftnl_rule_alloc();
	int ret;

	nftnl_rule_set_u32(nr, NFTNL_RULE_FAMILY, ex->ctx->fam->nfproto);
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, t->name);
	if (c)
		nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, c->name);
	ret = xtn_batch_rule(&ex->batch, &ex->nl, nr, &o, NULL);
	nftnl_rule_free(nr);
	return ret;
}

static void view_emptied(struct xchain *c)
{
	xt_view_reset(c);
	c->view_known = true;
}

/* ebtables: the user chains' policy rules go with a table-wide flush
 * and come back at commit. */
static int take_all_policies(struct xtn_exec *ex, struct xtable *t)
{
	struct xchain **v;
	unsigned int i, n;

	if (ex->ctx->fam->bit != XTN_FAM_BRIDGE)
		return 0;
	xt_strict(ex);
	if (xt_chains_all(ex, t) < 0)
		return -1;
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n; i++)
		if (xt_eb_take_policy(ex, t, v[i]) < 0)
			break;
	free(v);
	return i < n ? -1 : 0;
}

static int flush(struct xtn_exec *ex, struct xtable *t, struct xtn_cmd *cmd)
{
	struct xchain *c, **v;
	unsigned int i, n;

	if (cmd->chain) {
		if (xt_ensure_builtin(ex, t, cmd->chain) < 0 ||
		    xt_chain_lookup(ex, t, cmd->chain, &c) < 0)
			return -1;
		if (!c->exists)
			return xt_errno(ex, XTN_EOP_ANY, ENOENT);
		if (cmd->verbose)
			xtn_strbuf_printf(ex->out, "Flushing chain `%s'\n",
					  c->name);
		if (xt_eb_take_policy(ex, t, c) < 0 ||
		    flush_rules(ex, t, c, XTN_OBJ_RULE_FLUSH) < 0)
			return -1;
		view_emptied(c);
		return 0;
	}
	if (!cmd->verbose) {
		if (xt_table_probe(ex, t) < 0)
			return -1;
		if (t->exists != 1 || take_all_policies(ex, t) < 0)
			return t->exists != 1 ? 0 : -1;
		/* one DELRULE for the whole table, as iptables does */
		if (flush_rules(ex, t, NULL, XTN_OBJ_RULE_FLUSH) < 0)
			return -1;
		t->rules_flushed = true;
		for (i = 0; i < t->n_order; i++)
			view_emptied(t->order[i]);
		return 0;
	}
	/* every chain in one dump first: the built-ins are then known */
	xt_strict(ex);
	if (xt_chains_all(ex, t) < 0)
		return -1;
	/* declaration order, as 1.8.9 creates them (nat: POSTROUTING
	 * before OUTPUT), which is the order nft lists them in; 1.8.9
	 * skips a name any chain has here (a plain one made by nft too) */
	for (i = 0; t->def && i < t->def->n_chains; i++) {
		const char *name = t->def->chains[i].name;

		c = xtn_hmap_get(&t->chains, name);
		if (!(c && c->exists) && xt_ensure_builtin(ex, t, name) < 0)
			return -1;
	}
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n; i++) {
		xtn_strbuf_printf(ex->out, "Flushing chain `%s'\n", v[i]->name);
		if (xt_eb_take_policy(ex, t, v[i]) < 0 ||
		    flush_rules(ex, t, v[i], XTN_OBJ_RULE_FLUSH) < 0)
			break;
		view_emptied(v[i]);
	}
	free(v);
	return i < n ? -1 : 0;
}

static int del_chain(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		     bool verbose)
{
	if (xt_eb_take_policy(ex, t, c) < 0)
		return -1;
	/* iptables narrates user chains only */
	if (verbose && !c->builtin)
		xtn_strbuf_printf(ex->out, "Deleting chain `%s'\n", c->name);
	if (xt_queue_chain(ex, chain_obj(ex, t, c->name), NFT_MSG_DELCHAIN,
			NLM_F_NONREC, XTN_OBJ_CHAIN_DEL) < 0)
		return -1;
	c->exists = false;
	c->builtin = false;
	c->stale = false;
	view_emptied(c);
	return 0;
}

static int delete_chain(struct xtn_exec *ex, struct xtable *t,
			struct xtn_cmd *cmd)
{
	struct xchain *c, **v;
	unsigned int i, n;

	if (cmd->chain) {
		if (xt_chain_lookup(ex, t, cmd->chain, &c) < 0)
			return -1;
		if (!c->exists)
			return xt_errno(ex, XTN_EOP_CHAIN_DEL, ENOENT);
		/* iptables keeps a built-in with a DROP policy or rules it
		 * knows of; anything else is the kernel's to refuse (EBUSY) */
		if (c->builtin)
			xt_strict(ex);
		if (c->builtin && (c->policy != NF_ACCEPT ||
				   (c->view_known && xt_view_len(c))))
			return xt_errno(ex, XTN_EOP_CHAIN_DEL, EBUSY);
		return del_chain(ex, t, c, cmd->verbose);
	}
	xt_strict(ex);
	if (xt_chains_all(ex, t) < 0)
		return -1;
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n; i++) {
		c = v[i];
		/* iptables also drops built-ins that are empty with policy ACCEPT */
		if (c->builtin && (c->policy != NF_ACCEPT ||
				   (c->view_known ? xt_view_len(c) : c->use) != 0))
			continue;
		if (del_chain(ex, t, c, cmd->verbose) < 0)
			break;
	}
	free(v);
	return i < n ? -1 : 0;
}

static int rename_chain(struct xtn_exec *ex, struct xtable *t,
			struct xtn_cmd *cmd)
{
	struct xchain *c, *nc;
	struct nftnl_chain *obj;

	if (xtn_table_builtin(t->def, cmd->newname))
		return xt_errno(ex, XTN_EOP_RENAME, EEXIST);
	if (xt_chain_lookup(ex, t, cmd->newname, &nc) < 0)
		return -1;
	if (nc->exists || nc->renamed_here)
		return xt_errno(ex, XTN_EOP_RENAME, EEXIST);
	if (xt_chain_lookup(ex, t, cmd->chain, &c) < 0)
		return -1;
	if (!c->exists)
		return xt_errno(ex, XTN_EOP_RENAME, ENOENT);
	xt_strict(ex);	/* the handle read decides which chain is renamed */
	/* the kernel renames by handle: a chain made in this batch has none */
	if (!c->in_kernel || !c->handle) {
		struct xtn_loc loc = { .line = ex->cur_line };

		return xtn_fail(&ex->ctx->diag, XTN_PARAM, &loc,
				"cannot rename chain `%s' created in the same transaction",
				c->name);
	}
	obj = chain_obj(ex, t, cmd->newname);
	nftnl_chain_set_u64(obj, NFTNL_CHAIN_HANDLE, c->handle);
	if (xt_queue_chain(ex, obj, NFT_MSG_NEWCHAIN, 0, XTN_OBJ_CHAIN_RENAME) < 0)
		return -1;
	/* neither name is usable until the commit: the old one is gone,
	 * the new one resolves only afterwards */
	nc->renamed_here = true;
	c->exists = false;
	view_emptied(c);
	return 0;
}

/*
 * 1.8.9 adds a built-in chain it has not seen (policy ACCEPT, no counters)
 * before it sets the policy, two messages where one would do.  Sent the
 * same, a foreign base chain of that name is refused the same: "CHAIN_ADD
 * failed", and restore reports the update's failure too; -vv shows both.
 * Restore looks nothing up unless it keeps the policy: on a chain that is
 * there after all, the update sets again what the add changed.
 */
static int add_builtin(struct xtn_exec *ex, struct xtable *t,
		       const struct xtn_chain_def *def)
{
	struct nftnl_chain *nc = xt_builtin_nftnl(ex, t, def);

	nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, NF_ACCEPT);
	return xt_queue_chain(ex, nc, NFT_MSG_NEWCHAIN, NLM_F_CREATE,
			      XTN_OBJ_CHAIN_ADD);
}

/* ACCEPT, DROP, or "-" (restore's ":INPUT - [p:b]": the counters only,
 * as 1.8.9 takes it): 1 for "-", -1 for anything else. */
static int policy_verdict(const char *policy, uint32_t *verdict)
{
	if (strcmp(policy, "ACCEPT") == 0)
		*verdict = NF_ACCEPT;
	else if (strcmp(policy, "DROP") == 0)
		*verdict = NF_DROP;
	else
		return strcmp(policy, "-") == 0 ? 1 : -1;
	return 0;
}

static int set_policy(struct xtn_exec *ex, struct xtable *t, const char *chain,
		      const char *policy, bool counters, uint64_t pkts,
		      uint64_t bytes, uint16_t flags, bool lookup)
{
	const struct xtn_chain_def *def = xtn_table_builtin(t->def, chain);
	struct nftnl_chain *nc;
	struct xchain *c;
	uint32_t verdict = NF_ACCEPT;
	int keep = policy_verdict(policy, &verdict);

	if (keep < 0)
		return xt_errno(ex, XTN_EOP_POLICY, EINVAL);
	if (!def)
		return xt_errno(ex, XTN_EOP_POLICY, ENOENT);
	/* NLM_F_CREATE creates or updates, whatever the kernel has: the
	 * lookup only spares the add, as 1.8.9 does (restore asks only if
	 * the policy it keeps must be known) */
	c = xt_chain_peek(t, chain);
	if ((lookup || (keep && !c->known)) &&
	    xt_chain_lookup(ex, t, chain, &c) < 0)
		return -1;
	if (xt_ensure_table(ex, t) < 0)
		return -1;
	if (!(c->exists && c->builtin) && add_builtin(ex, t, def) < 0)
		return -1;
	nc = xt_builtin_nftnl(ex, t, def);
	if (!keep)
		nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, verdict);
	else if (c->exists && c->builtin)
		verdict = c->policy;
	nftnl_chain_set_u64(nc, NFTNL_CHAIN_PACKETS, counters ? pkts : 0);
	nftnl_chain_set_u64(nc, NFTNL_CHAIN_BYTES, counters ? bytes : 0);
	if (xt_queue_chain(ex, nc, NFT_MSG_NEWCHAIN, flags, XTN_OBJ_CHAIN_UPDATE) < 0)
		return -1;
	c->policy_unread = keep && (c->policy_unread || !c->known);
	if (!keep || !c->exists) {
		c->has_policy = true;
		c->policy = keep ? NF_ACCEPT : verdict;
	}
	if (c->known && !c->exists && !c->in_kernel)
		c->view_known = true;	/* created by this batch: no rules */
	c->exists = true;
	c->stale = false;
	c->builtin = true;
	return 0;
}

/* ebtables -P on a user chain: its trailing policy rule. */
static int user_policy(struct xtn_exec *ex, struct xtable *t, const char *chain,
		       const char *policy)
{
	struct xchain *c;

	if (xt_chain_lookup(ex, t, chain, &c) < 0)
		return -1;
	if (!c->exists)
		return xt_errno(ex, XTN_EOP_ANY, ENOENT);
	return xt_eb_set_policy(ex, t, c, policy);
}

int xt_cmd_chain(struct xtn_exec *ex, struct xtn_cmd *cmd)
{
	struct xtable *t = xt_table(ex, cmd->table);

	switch (cmd->op) {
	case XTN_CMD_NEW_CHAIN | XTN_CMD_SET_POLICY:
		if (new_chain(ex, t, cmd->chain) < 0)
			return -1;
		return user_policy(ex, t, cmd->chain, cmd->policy);
	case XTN_CMD_TABLE_FLUSH:
		return xtn_exec_table_start(ex, cmd->table, cmd->loc.line, false);
	case XTN_CMD_NEW_CHAIN:
		return new_chain(ex, t, cmd->chain);
	case XTN_CMD_FLUSH:
		return flush(ex, t, cmd);
	case XTN_CMD_DELETE_CHAIN:
		return delete_chain(ex, t, cmd);
	case XTN_CMD_RENAME_CHAIN:
		return rename_chain(ex, t, cmd);
	case XTN_CMD_SET_POLICY:
		if (is_user_policy(ex, t, cmd->chain))
			return user_policy(ex, t, cmd->chain, cmd->policy);
		/* quirk: 1.8.9 ignores -c with -P on the command line */
		return set_policy(ex, t, cmd->chain, cmd->policy, false, 0, 0,
				  NLM_F_CREATE, true);
	case XTN_CMD_ZERO:
		return xt_zero(ex, t, cmd->chain, cmd->verbose);
	}
	return 0;
}

/* iptables-restore -v: the chains it would flush (built-ins, present or
 * not, then user chains), then the user chains it would delete; before
 * what the block's lines print, as 1.8.9 runs them all at COMMIT. */
static int narrate_flush(struct xtn_exec *ex, struct xtable *t)
{
	struct xchain **v;
	unsigned int i, n;

	if (xt_chains_all(ex, t) < 0)
		return -1;
	for (i = 0; t->def && i < t->def->n_chains; i++)
		xtn_strbuf_printf(ex->out, "Flushing chain `%s'\n",
				  xtn_table_builtin_listed(t->def, i)->name);
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n; i++)
		if (!v[i]->builtin)
			xtn_strbuf_printf(ex->out, "Flushing chain `%s'\n",
					  v[i]->name);
	for (i = 0; i < n; i++)
		if (!v[i]->builtin)
			xtn_strbuf_printf(ex->out, "Deleting chain `%s'\n",
					  v[i]->name);
	free(v);
	return 0;
}

/*
 * The table flushed a second time in one batch (restore input repeating
 * "*filter ... COMMIT" blocks): empty what the batch made of it instead of
 * deleting it again.  Deleting and re-creating would register the base
 * chains' hooks once more each time, and until the commit the kernel keeps
 * every one of them (at most 1024 per hook).  Base chains stay, marked
 * stale: they go at COMMIT unless the block declares or uses them.
 */
static int reflush(struct xtn_exec *ex, struct xtable *t)
{
	unsigned int i;

	if (t->exists != 1)
		return 0;
	if (flush_rules(ex, t, NULL, XTN_OBJ_TABLE_FLUSH) < 0)
		return -1;
	t->kept = true;
	for (i = 0; i < t->n_order; i++) {
		struct xchain *c = t->order[i];

		if (!c->exists)
			continue;
		view_emptied(c);
		if (c->builtin)
			c->stale = true;
		else if (xt_queue_chain(ex, chain_obj(ex, t, c->name),
				     NFT_MSG_DELCHAIN, 0,
				     XTN_OBJ_TABLE_FLUSH) < 0)
			return -1;
		else
			c->exists = false;
	}
	return 0;
}

int xtn_exec_table_start(struct xtn_exec *ex, const char *table, uint32_t line,
			 bool verbose)
{
	struct xtable *t = xt_table(ex, table);

	ex->cur_line = line;
	xt_chains_order_reset(t);
	if (ex->flags & XTN_EXEC_NOFLUSH)
		return 0;
	if (verbose && narrate_flush(ex, t) < 0)
		return -1;
	if (t->flushed)
		return reflush(ex, t);
	/*
	 * The whole table goes, foreign chains and sets included (iptables).
	 * Created first if absent, so that the batch holds the same whatever
	 * the kernel has by the time it arrives: no generation check needed.
	 */
	if (xtn_batch_table(&ex->batch, &ex->nl, NFT_MSG_NEWTABLE,
			    ex->ctx->fam->nfproto, table, NLM_F_CREATE,
			    XTN_OBJ_TABLE_FLUSH, line) < 0 ||
	    xtn_batch_table(&ex->batch, &ex->nl, NFT_MSG_DELTABLE,
			    ex->ctx->fam->nfproto, table, 0,
			    XTN_OBJ_TABLE_FLUSH, line) < 0)
		return -1;
	xt_table_mark_flushed(t);
	t->exists = 0;
	return 0;
}

/*
 * A table flushed again in this batch that nothing of its block used (no
 * chain declared, made or written to) goes at COMMIT, as 1.8.9's second
 * flush deletes it: "*filter -A ... COMMIT *filter COMMIT" leaves no table
 * there.  Everything in it was made by this batch, so nothing else is lost.
 */
static int drop_empty_table(struct xtn_exec *ex, struct xtable *t)
{
	unsigned int i;

	if (!t->kept || t->exists != 1)
		return 0;
	t->kept = false;
	for (i = 0; i < t->n_order; i++)
		if (t->order[i]->exists)
			return 0;
	if (xtn_batch_table(&ex->batch, &ex->nl, NFT_MSG_DELTABLE,
			    ex->ctx->fam->nfproto, t->name, 0,
			    XTN_OBJ_TABLE_FLUSH, ex->cur_line) < 0)
		return -1;
	t->exists = 0;
	return 0;
}

int xtn_exec_table_drop_stale(struct xtn_exec *ex, const char *table)
{
	struct xtable *t = xt_table(ex, table);
	unsigned int i;

	for (i = 0; i < t->n_order; i++) {
		struct xchain *c = t->order[i];

		if (c->stale && del_chain(ex, t, c, false) < 0)
			return -1;
	}
	return drop_empty_table(ex, t);
}

int xtn_exec_chain_decl(struct xtn_exec *ex, const char *table,
			const char *chain, const char *policy, bool counters,
			uint64_t pkts, uint64_t bytes, uint32_t line)
{
	struct xtable *t = xt_table(ex, table);
	struct xchain *c;

	ex->cur_line = line;
	/* one NEWCHAIN creates or updates it, as iptables-restore sends */
	if (xtn_table_builtin(t->def, chain))
		return set_policy(ex, t, chain, policy, counters, pkts, bytes,
				  NLM_F_CREATE, false);
	if (xt_ensure_table(ex, t) < 0)
		return -1;
	if (xt_chain_lookup(ex, t, chain, &c) < 0)
		return -1;
	/* an existing user chain is flushed (--noflush keeps the table);
	 * if it went or came meanwhile, the kernel refuses the batch */
	if (c->exists) {
		if (xt_eb_take_policy(ex, t, c) < 0 ||
		    flush_rules(ex, t, c, XTN_OBJ_CHAIN_USER_FLUSH) < 0)
			return -1;
		view_emptied(c);
	} else if (add_user_chain(ex, t, c) < 0) {
		return -1;
	}
	/* ebtables-save declares user chains with their policy */
	return is_user_policy(ex, t, chain) ?
	       xt_eb_set_policy(ex, t, c, policy) : 0;
}
