/*
 * Rule views: the ordered rules of one chain as this transaction sees them.
 * Kernel rules are kept as their netlink message and decoded only when a
 * command compares against them; queued rules keep their model (or, in a
 * restore, the line to rebuild it from), so memory stays small at scale.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <endian.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "exec_int.h"

static void rule_fini(struct xrule *r)
{
	free(r->raw);
	xtn_rule_free(r->model);
}

void xt_rules_clear(struct xrules *rs)
{
	unsigned int i;

	for (i = 0; i < rs->n; i++)
		rule_fini(&rs->v[i]);
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

void xt_view_reset(struct xchain *c)
{
	xt_rules_clear(&c->rules);
	xt_rules_clear(&c->pre);
	xt_rules_clear(&c->post);
	c->view_known = false;
}

_Static_assert(sizeof(struct xrule) <= 40,
	       "a view entry per rule: a restore queues 100k");

/* Room for two at first: most of a kube-proxy ruleset's chains hold two
 * to four rules, and a restore keeps a view of every chain it fills. */
void xt_view_insert(struct xrules *rs, unsigned int pos, const struct xrule *r)
{
	rs->v = xtn_xgrow(rs->v, &rs->cap, rs->n + 1, sizeof(*rs->v), 2);
	memmove(&rs->v[pos + 1], &rs->v[pos], (rs->n - pos) * sizeof(*rs->v));
	rs->v[pos] = *r;
	rs->n++;
}

void xt_view_remove(struct xrules *rs, unsigned int pos)
{
	rule_fini(&rs->v[pos]);
	memmove(&rs->v[pos], &rs->v[pos + 1], (rs->n - pos - 1) * sizeof(*rs->v));
	rs->n--;
}

struct dump_ctx {
	struct xrules *rs;
	struct xtn_exec *ex;
	struct xchain *c;
};

struct nftnl_rule *xt_rule_obj(const struct nlmsghdr *nlh)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();

	if (nr && nftnl_rule_nlmsg_parse(nlh, nr) < 0) {
		nftnl_rule_free(nr);
		nr = NULL;
	}
	return nr;
}

void xt_print_dumped(struct xtn_exec *ex, const struct nlmsghdr *nlh)
{
	struct nftnl_rule *nr = xt_rule_obj(nlh);
	char buf[8192];

	if (!nr)
		return;
	nftnl_rule_snprintf(buf, sizeof(buf), nr, NFTNL_OUTPUT_DEFAULT, 0);
	xtn_strbuf_printf(ex->out, "%s\n", buf);
	nftnl_rule_free(nr);
}

/* The rule's handle, read in place (0: none) */
static uint64_t msg_handle(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (mnl_attr_get_type(a) == NFTA_RULE_HANDLE &&
		    mnl_attr_get_payload_len(a) >= sizeof(uint64_t))
			return be64toh(mnl_attr_get_u64(a));
	return 0;
}

static int dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *dc = data;
	struct xrules *rs = dc->rs;
	struct xrule r;

	if (dc->ex->batch.verbose > 1)
		xt_print_dumped(dc->ex, nlh);

	memset(&r, 0, sizeof(r));
	r.handle = msg_handle(nlh);
	if (xt_eb_policy_rule(dc->ex->ctx->fam, nlh, &dc->c->policy)) {
		dc->c->has_policy = true;
		dc->c->eb_policy_handle = r.handle;
		return 0;
	}
	r.raw_len = nlh->nlmsg_len;
	r.raw = xtn_xmalloc(r.raw_len);
	memcpy(r.raw, nlh, r.raw_len);
	xt_view_insert(rs, rs->n, &r);
	return 0;
}

static void take_all(struct xrules *to, struct xrules *from, bool reverse)
{
	unsigned int i;

	for (i = 0; i < from->n; i++)
		xt_view_insert(to, to->n, &from->v[reverse ? from->n - 1 - i : i]);
	free(from->v);
	memset(from, 0, sizeof(*from));
}

/* Make c->rules the chain's full current rule list: the kernel's rules
 * (fetched now, if never), and what this batch queued at either end. */
int xt_view_load(struct xtn_exec *ex, struct xtable *t, struct xchain *c)
{
	struct xrules kernel = { 0 }, merged = { 0 };
	struct dump_ctx dc = { &kernel, ex, c };
	bool reads;

	if (c->view_known && !c->pre.n && !c->post.n)
		return 0;
	if (!c->view_known && !c->known &&
	    xt_chain_lookup(ex, t, c->name, &c) < 0)
		return -1;
	/* after a table-wide -F the kernel's rules are gone for this batch,
	 * also in chains looked up only afterwards */
	reads = !c->view_known && c->in_kernel && !t->rules_flushed;
	dc.c = c;
	if (reads) {
		if (xt_plan_check(ex, XTN_FETCH_CHAIN_RULES, c->name) < 0)
			return -1;
		/* positions, handles and comparisons come from what is read */
		xt_strict(ex);
		if (ex->ctx->fam->bit == XTN_FAM_BRIDGE && !c->builtin)
			c->has_policy = false;	/* RETURN unless a rule says */
		if (xtn_nl_dump_rules(&ex->nl, ex->ctx->fam->nfproto, t->name,
				      c->name, dump_cb, &dc) < 0) {
			int err = errno;

			xt_rules_clear(&kernel);
			return xt_errno(ex, XTN_EOP_ANY, err);
		}
	}
	/* head inserts wait in pre, the most recent first: one merge here
	 * instead of moving the whole view for each of them */
	take_all(&merged, &c->pre, true);
	take_all(&merged, c->view_known ? &c->rules : &kernel, false);
	take_all(&merged, &c->post, false);
	c->rules = merged;
	c->view_known = true;
	return 0;
}

struct xtn_rule *xt_view_model(struct xtn_exec *ex, struct xtable *t,
			       struct xrule *r)
{
	if (r->model)
		return r->model;
	if (r->raw) {
		r->model = xt_decode(ex, t, r->raw, NULL);
		free(r->raw);
		r->raw = NULL;
	} else if (ex->remat) {
		r->model = ex->remat(ex->remat_priv, r->line, r->index);
	}
	return r->model;
}

int xt_view_find(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		 const struct xtn_rule *want)
{
	unsigned int i;

	for (i = 0; i < c->rules.n; i++) {
		struct xtn_rule *m = xt_view_model(ex, t, &c->rules.v[i]);

		if (xt_table_sets_check(ex, t) < 0)
			return -2;
		if (m && xtn_rule_equal(m, want))
			return (int)i;
	}
	return -1;
}
