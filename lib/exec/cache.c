/*
 * The transaction's cache of tables and chains.  It holds only what the
 * commands asked for: chains looked up by name (one small GET each), or a
 * whole table's chain list when a command needs every chain.  Queued
 * changes update it, so later commands in the same batch see them.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/util.h>
#include "exec_int.h"

struct xtable *xt_table(struct xtn_exec *ex, const char *name)
{
	struct xtable *t = ex->last_table;

	if (t && strcmp(t->name, name) == 0)
		return t;
	t = xtn_hmap_get(&ex->tables, name);
	if (t)
		return ex->last_table = t;
	t = xtn_xzalloc(sizeof(*t));
	t->name = xtn_xstrdup(name);
	t->def = xtn_family_table(ex->ctx->fam, name);
	t->exists = -1;
	xtn_hmap_init(&t->chains);
	xtn_hmap_put(&ex->tables, name, t);
	ex->tlist = xtn_xrealloc(ex->tlist, (ex->n_tlist + 1) * sizeof(*ex->tlist));
	ex->tlist[ex->n_tlist++] = t;
	return ex->last_table = t;
}

static void chain_free(struct xchain *c)
{
	xt_rules_clear(&c->rules);
	xt_rules_clear(&c->pre);
	xt_rules_clear(&c->post);
	free(c->name);
	free(c);
}

void xt_table_free(struct xtable *t)
{
	unsigned int i;

	for (i = 0; i < t->n_order; i++)
		chain_free(t->order[i]);
	free(t->order);
	xt_table_sets_free(t);
	xtn_hmap_fini(&t->chains);
	free(t->name);
	free(t);
}

int xt_table_probe(struct xtn_exec *ex, struct xtable *t)
{
	bool exists;

	if (t->exists >= 0)
		return 0;
	if (xtn_nl_table_exists(&ex->nl, ex->ctx->fam->nfproto, t->name,
				&exists) < 0)
		return xt_errno(ex, XTN_EOP_ANY, errno);
	t->exists = exists;
	return 0;
}

/* Every chain object ever created is kept in t->order and freed with t. */
static struct xchain *xt_chain(struct xtable *t, const char *name)
{
	struct xchain *c;

	if (t->last && strcmp(t->last->name, name) == 0)
		return t->last;
	c = xtn_hmap_get(&t->chains, name);
	if (!c) {
		c = xtn_xzalloc(sizeof(*c));
		c->name = xtn_xstrdup(name);
		xtn_hmap_put(&t->chains, name, c);
		t->order = xtn_xgrow(t->order, &t->cap_order, t->n_order + 1,
				     sizeof(*t->order), 16);
		t->order[t->n_order++] = c;
	}
	t->last = c;
	return c;
}

static void chain_fill(struct xchain *c, const struct nftnl_chain *nc,
		   const struct xtn_table_def *def)
{
	const struct xtn_chain_def *bi;

	c->exists = true;
	c->in_kernel = true;
	c->handle = nftnl_chain_get_u64(nc, NFTNL_CHAIN_HANDLE);
	c->use = nftnl_chain_get_u32(nc, NFTNL_CHAIN_USE);
	c->pkts = nftnl_chain_get_u64(nc, NFTNL_CHAIN_PACKETS);
	c->bytes = nftnl_chain_get_u64(nc, NFTNL_CHAIN_BYTES);
	c->has_policy = nftnl_chain_is_set(nc, NFTNL_CHAIN_POLICY);
	c->policy = c->has_policy ? nftnl_chain_get_u32(nc, NFTNL_CHAIN_POLICY)
				  : NF_ACCEPT;
	if (!nftnl_chain_is_set(nc, NFTNL_CHAIN_HOOKNUM))
		return;
	/* a base chain is ours only if it is exactly the built-in one */
	bi = xtn_table_builtin(def, c->name);
	if (bi && bi->hooknum == nftnl_chain_get_u32(nc, NFTNL_CHAIN_HOOKNUM) &&
	    bi->prio == (int32_t)nftnl_chain_get_u32(nc, NFTNL_CHAIN_PRIO) &&
	    nftnl_chain_is_set(nc, NFTNL_CHAIN_TYPE) &&
	    strcmp(bi->type, nftnl_chain_get_str(nc, NFTNL_CHAIN_TYPE)) == 0) {
		c->builtin = true;
		return;
	}
	c->tainted = true;
	c->exists = false;
}

/* The kernel's chain, under what this batch already did to it unseen
 * (a policy set without looking it up). */
static void learn(struct xchain *c, const struct nftnl_chain *nc,
		  const struct xtn_table_def *def)
{
	if (c->known)
		return;
	if (c->exists) {
		c->in_kernel = true;
		c->handle = nftnl_chain_get_u64(nc, NFTNL_CHAIN_HANDLE);
		c->use = nftnl_chain_get_u32(nc, NFTNL_CHAIN_USE);
		if (c->policy_unread &&
		    nftnl_chain_is_set(nc, NFTNL_CHAIN_POLICY))
			c->policy = nftnl_chain_get_u32(nc, NFTNL_CHAIN_POLICY);
	} else {
		chain_fill(c, nc, def);
	}
	c->known = true;
}

struct xchain *xt_chain_peek(struct xtable *t, const char *name)
{
	struct xchain *c = xt_chain(t, name);

	/* nothing of it can be in the kernel */
	if (t->flushed || t->all_chains || t->exists == 0)
		c->known = true;
	return c;
}

int xt_chain_lookup(struct xtn_exec *ex, struct xtable *t, const char *name,
		    struct xchain **out)
{
	struct xchain *c = xt_chain_peek(t, name);
	struct nftnl_chain *nc;

	*out = c;
	if (c->known)
		return 0;
	if (xt_plan_check(ex, XTN_FETCH_CHAINS, name) < 0)
		return -1;
	if (xtn_nl_get_chain(&ex->nl, ex->ctx->fam->nfproto, t->name, name,
			     &nc) < 0) {
		if (errno != ENOENT)
			return xt_errno(ex, XTN_EOP_ANY, errno);
		c->known = true;
		return 0;
	}
	t->exists = 1;
	learn(c, nc, t->def);
	nftnl_chain_free(nc);
	return 0;
}

struct all_ctx {
	struct xtn_exec *ex;
	struct xtable *t;
};

static int all_cb(struct nftnl_chain *nc, void *data)
{
	struct all_ctx *ac = data;
	const char *name = nftnl_chain_get_str(nc, NFTNL_CHAIN_NAME);

	/* queued changes in this transaction win over the kernel's view */
	learn(xt_chain(ac->t, name), nc, ac->t->def);
	return 0;
}

int xt_chains_all(struct xtn_exec *ex, struct xtable *t)
{
	struct all_ctx ac = { ex, t };

	if (t->all_chains)
		return 0;
	if (!t->flushed && t->exists != 0 &&
	    xt_plan_check(ex, XTN_FETCH_TABLE, NULL) < 0)
		return -1;
	if (!t->flushed && t->exists != 0) {
		if (xtn_nl_dump_chains(&ex->nl, ex->ctx->fam->nfproto, t->name,
				       all_cb, &ac) < 0) {
			if (errno != ENOENT)
				return xt_errno(ex, XTN_EOP_ANY, errno);
			t->exists = t->exists == 1 ? 1 : 0;
		} else if (t->exists < 0) {
			t->exists = t->n_order > 0;
		}
	}
	t->all_chains = true;
	return 0;
}

int xt_ensure_table(struct xtn_exec *ex, struct xtable *t)
{
	/* one small GET avoids a needless NEWTABLE, as iptables does; if it
	 * fails, NEWTABLE with NLM_F_CREATE is harmless (warnings stay).  If
	 * the table goes before the batch arrives, the kernel refuses it. */
	if (t->exists < 0 && xt_table_probe(ex, t) < 0)
		xtn_diag_reset_error(&ex->ctx->diag);
	t->kept = false;
	if (t->exists == 1)
		return 0;
	if (xtn_batch_table(&ex->batch, &ex->nl, NFT_MSG_NEWTABLE,
			    ex->ctx->fam->nfproto, t->name, NLM_F_CREATE,
			    XTN_OBJ_TABLE_ADD, ex->cur_line) < 0)
		return -1;
	if (t->exists == 0)
		t->all_chains = true;	/* a new table has no other chains */
	t->exists = 1;
	return 0;
}

struct nftnl_chain *xt_builtin_nftnl(const struct xtn_exec *ex,
				     const struct xtable *t,
				     const struct xtn_chain_def *def)
{
	struct nftnl_chain *nc = nftnl_chain_alloc();

	nftnl_chain_set_u32(nc, NFTNL_CHAIN_FAMILY, ex->ctx->fam->nfproto);
	nftnl_chain_set_str(nc, NFTNL_CHAIN_TABLE, t->name);
	nftnl_chain_set_str(nc, NFTNL_CHAIN_NAME, def->name);
	nftnl_chain_set_u32(nc, NFTNL_CHAIN_HOOKNUM, def->hooknum);
	nftnl_chain_set_u32(nc, NFTNL_CHAIN_PRIO, (uint32_t)def->prio);
	nftnl_chain_set_str(nc, NFTNL_CHAIN_TYPE, def->type);
	return nc;
}

/* iptables' nft_xt_builtin_init(table, chain): the table and that one chain. */
int xt_ensure_builtin(struct xtn_exec *ex, struct xtable *t, const char *chain)
{
	const struct xtn_chain_def *def = xtn_table_builtin(t->def, chain);
	struct nftnl_chain *nc;
	struct xchain *c;
	uint16_t flags;

	if (!def)
		return 0;
	if (xt_chain_lookup(ex, t, chain, &c) < 0)
		return -1;
	if (c->exists && !c->stale && c->builtin)
		return 0;
	if (xt_ensure_table(ex, t) < 0)
		return -1;
	nc = xt_builtin_nftnl(ex, t, def);
	nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, NF_ACCEPT);
	if (c->stale) {
		/* made by an earlier block of this batch: as new again */
		nftnl_chain_set_u64(nc, NFTNL_CHAIN_PACKETS, 0);
		nftnl_chain_set_u64(nc, NFTNL_CHAIN_BYTES, 0);
		flags = NLM_F_CREATE;
	} else if (c->tainted || c->exists) {
		/* a foreign base chain or a plain chain has the name: sent
		 * as iptables sends it, so the kernel refuses it the same
		 * way (a hook or priority that differs is EOPNOTSUPP, a type
		 * EEXIST), and only while the chain is still what was read */
		xt_strict(ex);
		flags = NLM_F_CREATE;
	} else {
		/* exclusive: if another writer made it meanwhile (maybe with
		 * a DROP policy), the kernel refuses instead of resetting it */
		flags = NLM_F_CREATE | NLM_F_EXCL;
	}
	if (xtn_batch_chain(&ex->batch, &ex->nl, NFT_MSG_NEWCHAIN, nc, flags,
			    XTN_OBJ_CHAIN_ADD, ex->cur_line) < 0) {
		nftnl_chain_free(nc);
		return -1;
	}
	nftnl_chain_free(nc);
	c->exists = true;
	c->stale = false;
	c->builtin = true;
	c->has_policy = true;
	c->policy = NF_ACCEPT;
	if (!c->in_kernel)
		c->view_known = true;
	return 0;
}

void xt_table_mark_flushed(struct xtable *t)
{
	unsigned int i;

	for (i = 0; i < t->n_order; i++) {
		struct xchain *c = t->order[i];

		c->known = true;
		c->exists = false;
		c->in_kernel = false;
		c->builtin = false;
		c->tainted = false;
		c->stale = false;
		c->use = 0;
		c->pkts = c->bytes = 0;
		xt_view_reset(c);
		c->view_known = true;
	}
	t->flushed = true;
	t->all_chains = true;
}

static int cmp_chain(const void *a, const void *b)
{
	const struct xchain *ca = *(struct xchain *const *)a;
	const struct xchain *cb = *(struct xchain *const *)b;

	if (ca->made != cb->made)
		return ca->made < cb->made ? -1 : 1;
	return strcmp(ca->name, cb->name);
}

/*
 * Built-ins, then user chains by name, as iptables sorts its chain cache
 * the first time it needs the order.  It sorts that cache once: chains a
 * restore block makes afterwards follow in the order they were made
 * (restore -v shows it in "Flushing chain" lines).
 */
struct xchain **xt_chains_sorted(struct xtn_exec *ex, struct xtable *t,
				 unsigned int *n)
{
	struct xchain **v = xtn_xmalloc((t->n_order + 1) * sizeof(*v));
	unsigned int i, k = 0, n_user;

	(void)ex;
	for (i = 0; t->def && i < t->def->n_chains; i++) {
		const char *name = xtn_table_builtin_listed(t->def, i)->name;
		struct xchain *c = xtn_hmap_get(&t->chains, name);

		if (c && c->exists && c->builtin)
			v[k++] = c;
	}
	n_user = k;
	for (i = 0; i < t->n_order; i++)
		if (t->order[i]->exists && !t->order[i]->builtin)
			v[k++] = t->order[i];
	qsort(v + n_user, k - n_user, sizeof(*v), cmp_chain);
	t->sorted = true;
	*n = k;
	return v;
}

void xt_chains_order_reset(struct xtable *t)
{
	unsigned int i;

	t->sorted = false;
	t->n_made = 0;
	for (i = 0; i < t->n_order; i++)
		t->order[i]->made = 0;
}

void xt_chain_made(struct xtable *t, struct xchain *c)
{
	c->made = t->sorted ? ++t->n_made : 0;
}
