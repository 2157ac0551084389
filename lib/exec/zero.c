/*
 * Zeroing counters (-Z, -Z CHAIN N, -L -Z, -Z inside a restore) inside the
 * batch, as iptables-nft does: a base chain gets a NEWCHAIN with zero
 * counters, a rule is replaced by itself with its counter expressions
 * zeroed.  So a command or restore that fails zeroes nothing, and a retry
 * after a generation clash zeroes what it lists again.
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
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "exec_int.h"

struct expr_scan {
	bool counter;	/* it had a counter (now zero) */
	bool xt;	/* it holds an xt match or target */
	bool lookup;	/* it names a set */
};

static int scan_expr(struct nftnl_expr *e, void *data)
{
	struct expr_scan *s = data;
	const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);

	if (strcmp(name, "counter") == 0) {
		nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_PACKETS, 0);
		nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_BYTES, 0);
		s->counter = true;
	} else if (strcmp(name, "match") == 0 || strcmp(name, "target") == 0) {
		s->xt = true;
	} else if (strcmp(name, "lookup") == 0) {
		s->lookup = true;
	}
	return 0;
}

/* The kernel checks xt matches against the rule's protocol again when the
 * rule is replaced; a dumped rule does not carry it, its -p does. */
static void set_compat(struct xtn_exec *ex, struct nftnl_rule *nr,
		       const struct xtn_rule *decoded)
{
	struct xtn_rule *own = NULL;
	unsigned int proto;
	bool inv = false;

	if (!decoded)
		decoded = own = xtn_codec_decode(nr, ex->ctx->fam, NULL);
	proto = decoded->undecodable ? 0 : xtn_rule_l4proto(decoded, &inv);
	nftnl_rule_set_u32(nr, NFTNL_RULE_COMPAT_PROTO, proto);
	nftnl_rule_set_u32(nr, NFTNL_RULE_COMPAT_FLAGS,
			   inv ? NFT_RULE_COMPAT_F_INV : 0);
	xtn_rule_free(own);
}

/*
 * A rule naming anonymous sets cannot be sent again as read: the kernel
 * binds such a set to one rule only (1.8.9 fails here with EBUSY).  It
 * is encoded again from its model, with new sets; the kernel frees the
 * old ones with the rule this one replaces.  A rule that could not be
 * read goes as read, and the kernel refuses it as it refuses 1.8.9's.
 */
static int requeue_with_sets(struct xtn_exec *ex, struct xtable *t,
			     struct nftnl_rule *nr,
			     const struct xtn_rule *decoded,
			     const struct xtn_batch_rule_opts *o)
{
	struct xtn_rule *own = NULL, *copy;
	struct xtn_wire_rule fresh;
	struct xtn_sets sets;
	int ret;

	if (!decoded)
		decoded = own = xt_decode_obj(ex, t, nr);
	if (xt_table_sets_check(ex, t) < 0) {
		xtn_rule_free(own);
		return -1;
	}
	if (decoded->undecodable) {
		xtn_rule_free(own);
		return xtn_batch_rule(&ex->batch, &ex->nl, nr, o, NULL);
	}
	copy = xtn_rule_clone(decoded);
	xtn_rule_free(own);
	copy->pkts = copy->bytes = 0;
	xtn_sets_init(&sets);
	ret = xtn_codec_encode_wire(copy, nftnl_rule_get_str(nr, NFTNL_RULE_TABLE),
				    nftnl_rule_get_str(nr, NFTNL_RULE_CHAIN),
				    &ex->ctx->diag, &sets, NULL, NULL, &fresh);
	xtn_rule_free(copy);
	if (ret == 0) {
		fresh.handle = nftnl_rule_get_u64(nr, NFTNL_RULE_HANDLE);
		ret = xt_batch_rule_sets(ex, &sets, &fresh, o, NULL);
		xtn_wire_fini(&fresh);
	}
	xtn_sets_fini(&sets);
	return ret;
}

int xt_queue_zeroed(struct xtn_exec *ex, struct xtable *t,
		    struct nftnl_rule *nr, const struct xtn_rule *decoded)
{
	struct xtn_batch_rule_opts o = {
		.msg = NFT_MSG_NEWRULE, .flags = NLM_F_CREATE | NLM_F_REPLACE,
		.op = XTN_OBJ_RULE_REPLACE, .line = ex->cur_line, .listed = true,
	};
	struct expr_scan scan = { false, false, false };

	nftnl_expr_foreach(nr, scan_expr, &scan);
	if (!scan.counter)
		return 0;	/* nothing to zero */
	xt_strict(ex);	/* by handle: it must still be that rule */
	if (scan.lookup)
		return requeue_with_sets(ex, t, nr, decoded, &o);
	nftnl_rule_unset(nr, NFTNL_RULE_POSITION);
	if (scan.xt)
		set_compat(ex, nr, decoded);
	return xtn_batch_rule(&ex->batch, &ex->nl, nr, &o, NULL);
}

/* One rule of a loaded view; rules queued in this batch have no counts. */
static int zero_view_rule(struct xtn_exec *ex, struct xtable *t,
			  struct xchain *c, struct xrule *r)
{
	struct nftnl_rule *nr;
	struct xtn_rule *copy;
	int ret = 0;

	if (!r->handle)
		return 0;
	if (r->raw) {
		nr = nftnl_rule_alloc();
		if (!nr || nftnl_rule_nlmsg_parse(r->raw, nr) < 0)
			abort();	/* it was parsed when it was dumped */
	} else {
		/* decoded for an earlier comparison: its canonical form */
		copy = xtn_rule_clone(r->model);
		copy->pkts = copy->bytes = 0;
		nr = xtn_codec_encode(copy, t->name, c->name, &ex->ctx->diag);
		xtn_rule_free(copy);
		if (!nr)
			return -1;
		nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, r->handle);
	}
	ret = xt_queue_zeroed(ex, t, nr, r->model);
	nftnl_rule_free(nr);
	return ret;
}

/* A base chain's own counters, also for one that does not exist yet (iptables
 * sends its NEWCHAIN all the same). */
static int zero_chain_counters(struct xtn_exec *ex, struct xtable *t,
			       struct xchain *c)
{
	const struct xtn_chain_def *def = xtn_table_builtin(t->def, c->name);
	struct nftnl_chain *nc;

	if (!def || (!c->builtin && c->exists))
		return 0;
	nc = xt_builtin_nftnl(ex, t, def);
	nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, c->policy);
	nftnl_chain_set_u64(nc, NFTNL_CHAIN_PACKETS, 0);
	nftnl_chain_set_u64(nc, NFTNL_CHAIN_BYTES, 0);
	return xt_queue_chain(ex, nc, NFT_MSG_NEWCHAIN, NLM_F_CREATE,
			      XTN_OBJ_CHAIN_ZERO);
}

static int zero_chain(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		      bool verbose)
{
	unsigned int i;

	if (verbose)
		xtn_strbuf_printf(ex->out, "Zeroing chain `%s'\n", c->name);
	if (zero_chain_counters(ex, t, c) < 0)
		return -1;
	if (!c->in_kernel)
		return 0;
	if (xt_view_load(ex, t, c) < 0)
		return -1;
	for (i = 0; i < c->rules.n; i++)
		if (zero_view_rule(ex, t, c, &c->rules.v[i]) < 0)
			return -1;
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
	if (verbose)
		xtn_strbuf_printf(ex->out, "Zeroing chain `%s'\n", c->name);
	return zero_chain_counters(ex, t, c);
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
		return zero_chain(ex, t, c, verbose);
	}
	xt_strict(ex);
	if (xt_chains_all(ex, t) < 0)
		return -1;
	v = xt_chains_sorted(ex, t, &n);
	for (i = 0; i < n && ret == 0; i++)
		ret = zero_chain(ex, t, v[i], verbose);
	free(v);
	return ret;
}

int xt_zero_num(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		unsigned int pos)
{
	return zero_view_rule(ex, t, c, &c->rules.v[pos]);
}
