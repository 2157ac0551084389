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

static void queue_chain(struct xtn_exec *ex, struct nftnl_chain *nc,
			uint16_t msg, uint16_t flags, enum xtn_obj_op op)
{
	xtn_batch_chain(&ex->batch, &ex->nl, msg, nc, flags, op, ex->cur_line);
	nftnl_chain_free(nc);
}

static void add_user_chain(struct xtn_exec *ex, struct xtable *t,
			   struct xchain *c)
{
	queue_chain(ex, chain_obj(ex, t, c->name), NFT_MSG_NEWCHAIN,
		    NLM_F_EXCL, XTN_OBJ_CHAIN_USER_ADD);
	c->exists = true;
	c->builtin = false;
	xt_view_reset(c);
	c->view_known = true;
}

static int new_chain(struct xtn_exec *ex, struct xtable *t, const char *name)
{
	struct xchain *c;

	xt_ensure_table(ex, t);
	if (xtn_table_builtin(t->def, name))
		return xt_errno(ex, XTN_EOP_NEW_CHAIN, EEXIST);
	if (xt_chain_lookup(ex, t, name, &c) < 0)
		return -1;
	if (c->exists || c->renamed_here)
		return xt_errno(ex, XTN_EOP_NEW_CHAIN, EEXIST);
	add_user_chain(ex, t, c);
	return 0;
}

static void flush_rules(struct xtn_exec *ex, struct xtable *t,
			struct xchain *c, enum xtn_obj_op op)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();

	nftnl_rule_set_u32(nr, NFTNL_RULE_FAMILY, ex->ctx->fam->nfproto);
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, t->name);
	if (c)
		nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, c->name);
	xtn_batch_rule(&ex->batch, &ex->nl, NFT_MSG_DELRULE, nr, 0, op,
		       ex->cur_line, false);
	nftnl_rule_free(nr);
}

static void view_emptied(struct xchain *c)
{
	xt_view_reset(c);
	c->view_known = true;
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
		flush_rules(ex, t, c, XTN_OBJ_RULE_FLUSH);
		view_emptied(c);
		return 0;
	}
	if (!cmd->verbose) {
		if (xt_table_probe(ex, t) < 0)
			return -1;
		if (t->exists != 1)
			return 0;
		/* one DELRULE for the whole table, as iptables does */
		flush_rules(ex, t, NULL, XTN_OBJ_RULE_FLUSH);
		t->rules_flushed = true;
		for (i = 0; i < t->n_order; i++)
			view_emptied(t->order[i]);
		return 0;
	}
	/* every chain in one dump first: the built-ins are then known */
	if (xt_chains_all(ex, t) < 0)
		return -1;
	for (i = 0; t->def && i < t->def->n_chains; i++)
		if (xt_ensure_builtin(ex, t, t->def->chains[i].name) < 0)
			return -1;
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n; i++) {
		xtn_strbuf_printf(ex->out, "Flushing chain `%s'\n", v[i]->name);
		flush_rules(ex, t, v[i], XTN_OBJ_RULE_FLUSH);
		view_emptied(v[i]);
	}
	free(v);
	return 0;
}

static void del_chain(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		      bool verbose)
{
	/* iptables narrates user chains only */
	if (verbose && !c->builtin)
		xtn_strbuf_printf(ex->out, "Deleting chain `%s'\n", c->name);
	queue_chain(ex, chain_obj(ex, t, c->name), NFT_MSG_DELCHAIN,
		    NLM_F_NONREC, XTN_OBJ_CHAIN_DEL);
	c->exists = false;
	c->builtin = false;
	view_emptied(c);
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
		if (c->builtin && (c->policy != NF_ACCEPT ||
				   (c->view_known && xt_view_len(c))))
			return xt_errno(ex, XTN_EOP_CHAIN_DEL, EBUSY);
		del_chain(ex, t, c, cmd->verbose);
		return 0;
	}
	if (xt_chains_all(ex, t) < 0)
		return -1;
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n; i++) {
		c = v[i];
		/* iptables also drops built-ins that are empty with policy ACCEPT */
		if (c->builtin && (c->policy != NF_ACCEPT ||
				   (c->view_known ? xt_view_len(c) : c->use) != 0))
			continue;
		del_chain(ex, t, c, cmd->verbose);
	}
	free(v);
	return 0;
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
	/* the kernel renames by handle: a chain made in this batch has none */
	if (!c->in_kernel || !c->handle) {
		struct xtn_loc loc = { .line = ex->cur_line };

		return xtn_fail(&ex->ctx->diag, XTN_PARAM, &loc,
				"cannot rename chain `%s' created in the same transaction",
				c->name);
	}
	obj = chain_obj(ex, t, cmd->newname);
	nftnl_chain_set_u64(obj, NFTNL_CHAIN_HANDLE, c->handle);
	queue_chain(ex, obj, NFT_MSG_NEWCHAIN, 0, XTN_OBJ_CHAIN_RENAME);
	/* neither name is usable until the commit: the old one is gone,
	 * the new one resolves only afterwards */
	nc->renamed_here = true;
	c->exists = false;
	view_emptied(c);
	return 0;
}

static int set_policy(struct xtn_exec *ex, struct xtable *t, const char *chain,
		      const char *policy, bool counters, uint64_t pkts,
		      uint64_t bytes, uint16_t flags)
{
	const struct xtn_chain_def *def = xtn_table_builtin(t->def, chain);
	struct nftnl_chain *nc;
	struct xchain *c;
	uint32_t verdict;

	if (strcmp(policy, "ACCEPT") == 0)
		verdict = NF_ACCEPT;
	else if (strcmp(policy, "DROP") == 0)
		verdict = NF_DROP;
	else
		return xt_errno(ex, XTN_EOP_POLICY, EINVAL);
	if (!def)
		return xt_errno(ex, XTN_EOP_POLICY, ENOENT);
	/* no lookup: NLM_F_CREATE creates or updates; whether the kernel
	 * has it (and rules in it) is asked only if a later line needs it */
	c = xt_chain_peek(t, chain);
	xt_ensure_table(ex, t);
	nc = xt_builtin_nftnl(ex, t, def);
	nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, verdict);
	nftnl_chain_set_u64(nc, NFTNL_CHAIN_PACKETS, counters ? pkts : 0);
	nftnl_chain_set_u64(nc, NFTNL_CHAIN_BYTES, counters ? bytes : 0);
	queue_chain(ex, nc, NFT_MSG_NEWCHAIN, flags, XTN_OBJ_CHAIN_UPDATE);
	if (c->known && !c->exists && !c->in_kernel)
		c->view_known = true;	/* created by this batch: no rules */
	c->exists = true;
	c->builtin = true;
	c->has_policy = true;
	c->policy = verdict;
	return 0;
}

static int zero_chain(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		      bool verbose, bool rules)
{
	const struct xtn_chain_def *def = xtn_table_builtin(t->def, c->name);

	if (verbose)
		xtn_strbuf_printf(ex->out, "Zeroing chain `%s'\n", c->name);
	if ((c->builtin || !c->exists) && def) {
		struct nftnl_chain *nc = xt_builtin_nftnl(ex, t, def);

		nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, c->policy);
		nftnl_chain_set_u64(nc, NFTNL_CHAIN_PACKETS, 0);
		nftnl_chain_set_u64(nc, NFTNL_CHAIN_BYTES, 0);
		queue_chain(ex, nc, NFT_MSG_NEWCHAIN, NLM_F_CREATE,
			    XTN_OBJ_CHAIN_ZERO);
	}
	if (!rules || !c->in_kernel)
		return 0;
	/* the kernel zeroes every rule counter of the chain in one dump */
	if (xtn_nl_dump_rules(&ex->nl, ex->ctx->fam->nfproto, t->name, c->name,
			      true, NULL, NULL) < 0)
		return xt_errno(ex, XTN_EOP_ANY, errno);
	return 0;
}

int xt_zero_chain(struct xtn_exec *ex, struct xtable *t, const char *chain,
		  bool verbose)
{
	struct xchain *c;

	if (xt_chain_lookup(ex, t, chain, &c) < 0)
		return -1;
	if (!c->exists && !c->has_policy)
		c->policy = NF_ACCEPT;
	return zero_chain(ex, t, c, verbose, false);
}

int xt_zero(struct xtn_exec *ex, struct xtable *t, const char *chain,
	    bool verbose)
{
	struct xchain *c, **v;
	unsigned int i, n;
	int ret = 0;

	if (chain) {
		if (xt_chain_lookup(ex, t, chain, &c) < 0)
			return -1;
		if (!c->exists)
			return xt_errno(ex, XTN_EOP_ANY, ENOENT);
		return zero_chain(ex, t, c, verbose, true);
	}
	if (xt_chains_all(ex, t) < 0)
		return -1;
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n && ret == 0; i++)
		ret = zero_chain(ex, t, v[i], verbose, true);
	free(v);
	return ret;
}

int xt_cmd_chain(struct xtn_exec *ex, struct xtn_cmd *cmd)
{
	struct xtable *t = xt_table(ex, cmd->table);

	switch (cmd->op) {
	case XTN_CMD_NEW_CHAIN:
		return new_chain(ex, t, cmd->chain);
	case XTN_CMD_FLUSH:
		return flush(ex, t, cmd);
	case XTN_CMD_DELETE_CHAIN:
		return delete_chain(ex, t, cmd);
	case XTN_CMD_RENAME_CHAIN:
		return rename_chain(ex, t, cmd);
	case XTN_CMD_SET_POLICY:
		/* quirk: 1.8.9 ignores -c with -P on the command line */
		return set_policy(ex, t, cmd->chain, cmd->policy, false, 0, 0,
				  NLM_F_CREATE);
	case XTN_CMD_ZERO:
		return xt_zero(ex, t, cmd->chain, cmd->verbose);
	}
	return 0;
}

/* iptables-restore -v: the chains it would flush (built-ins, present or
 * not, then user chains), then the user chains it would delete. */
static int narrate_flush(struct xtn_exec *ex, struct xtable *t)
{
	struct xchain **v;
	unsigned int i, n;

	if (xt_chains_all(ex, t) < 0)
		return -1;
	for (i = 0; t->def && i < t->def->n_chains; i++)
		xtn_strbuf_printf(&ex->narration, "Flushing chain `%s'\n",
				  t->def->chains[i].name);
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n; i++)
		if (!v[i]->builtin)
			xtn_strbuf_printf(&ex->narration, "Flushing chain `%s'\n",
					  v[i]->name);
	for (i = 0; i < n; i++)
		if (!v[i]->builtin)
			xtn_strbuf_printf(&ex->narration, "Deleting chain `%s'\n",
					  v[i]->name);
	free(v);
	return 0;
}

int xtn_exec_table_start(struct xtn_exec *ex, const char *table, uint32_t line,
			 bool verbose)
{
	struct xtable *t = xt_table(ex, table);

	ex->cur_line = line;
	if (ex->flags & XTN_EXEC_NOFLUSH)
		return 0;
	if (xt_table_probe(ex, t) < 0)
		return -1;
	if (verbose && narrate_flush(ex, t) < 0)
		return -1;
	/* the whole table goes, foreign chains and sets included (iptables) */
	if (t->exists == 1)
		xtn_batch_table(&ex->batch, &ex->nl, NFT_MSG_DELTABLE,
				ex->ctx->fam->nfproto, table, 0,
				XTN_OBJ_TABLE_FLUSH, line);
	xt_table_mark_flushed(t);
	t->exists = 0;
	return 0;
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
				  NLM_F_CREATE);
	xt_ensure_table(ex, t);
	if (xt_chain_lookup(ex, t, chain, &c) < 0)
		return -1;
	/* an existing user chain is flushed (--noflush keeps the table) */
	if (c->exists) {
		flush_rules(ex, t, c, XTN_OBJ_CHAIN_USER_FLUSH);
		view_emptied(c);
		return 0;
	}
	add_user_chain(ex, t, c);
	return 0;
}
