/*
 * ebtables user-chain policies.  nf_tables has no policy for a chain
 * without a hook, so ebtables-nft keeps a policy other than RETURN as the
 * chain's last rule, {counter; ACCEPT|DROP}, marked with rule userdata
 * type 1 (interop.md 1.5).  Reading a chain's rules takes that rule out of
 * the view into the chain's policy.  A batch that changes the rules of
 * such a chain deletes the kernel's policy rule once and appends a fresh
 * one when it is complete, so rules appended in between stay before it.
 * Unlike 1.8.9, reading (listing, saving, checking) never writes.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "exec_int.h"

#define UDATA_EBT_POLICY 1

static bool policy_marked(const struct nftnl_rule *nr)
{
	uint32_t len = 0, value;
	const uint8_t *ud = nftnl_rule_get_data(nr, NFTNL_RULE_USERDATA, &len);

	if (!ud || len != 6 || ud[0] != UDATA_EBT_POLICY || ud[1] != 4)
		return false;
	memcpy(&value, ud + 2, 4);	/* host order, as ebtables-nft writes it */
	return value == 1;
}

struct shape {
	unsigned int n;
	bool counter_first;
	int verdict;
	bool has_verdict;
};

static int shape_cb(struct nftnl_expr *x, void *data)
{
	struct shape *s = data;
	const char *name = nftnl_expr_get_str(x, NFTNL_EXPR_NAME);

	if (s->n == 0)
		s->counter_first = strcmp(name, "counter") == 0;
	if (s->n == 1 && strcmp(name, "immediate") == 0 &&
	    nftnl_expr_get_u32(x, NFTNL_EXPR_IMM_DREG) == NFT_REG_VERDICT) {
		s->verdict = (int)nftnl_expr_get_u32(x, NFTNL_EXPR_IMM_VERDICT);
		s->has_verdict = true;
	}
	s->n++;
	return 0;
}

bool xt_eb_policy_rule(const struct xtn_family *fam,
		       const struct nlmsghdr *nlh, uint32_t *verdict)
{
	struct shape s = { 0 };
	struct nftnl_rule *nr;

	if (fam->bit != XTN_FAM_BRIDGE)
		return false;
	nr = xt_rule_obj(nlh);
	if (nr && policy_marked(nr))
		nftnl_expr_foreach(nr, shape_cb, &s);
	nftnl_rule_free(nr);
	if (s.n != 2 || !s.counter_first || !s.has_verdict ||
	    (s.verdict != NF_ACCEPT && s.verdict != NF_DROP))
		return false;
	*verdict = (uint32_t)s.verdict;
	return true;
}

const char *xt_eb_policy_name(const struct xchain *c)
{
	if (!c->has_policy)
		return NULL;
	return c->policy == NF_DROP ? "DROP" : "ACCEPT";
}

static bool applies(const struct xtn_exec *ex, const struct xchain *c)
{
	return ex->ctx->fam->bit == XTN_FAM_BRIDGE && !c->builtin;
}

static int delete_kernel_rule(struct xtn_exec *ex, struct xtable *t,
			      struct xchain *c)
{
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_DELRULE,
					 .op = XTN_OBJ_RULE_DELETE,
					 .line = ex->cur_line };
	struct nftnl_rule *nr = nftnl_rule_alloc();
	int ret;

	nftnl_rule_set_u32(nr, NFTNL_RULE_FAMILY, ex->ctx->fam->nfproto);
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, t->name);
	nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, c->name);
	nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, c->eb_policy_handle);
	ret = xtn_batch_rule(&ex->batch, &ex->nl, nr, &o, NULL);
	nftnl_rule_free(nr);
	c->eb_policy_handle = 0;
	return ret;
}

int xt_eb_take_policy(struct xtn_exec *ex, struct xtable *t, struct xchain *c)
{
	if (!applies(ex, c) || c->eb_taken)
		return 0;
	if (c->exists && xt_view_load(ex, t, c) < 0)
		return -1;
	if (c->eb_policy_handle && delete_kernel_rule(ex, t, c) < 0)
		return -1;
	c->eb_taken = true;
	ex->eb_taken = xtn_xrealloc(ex->eb_taken,
				    (ex->n_eb_taken + 1) * sizeof(*ex->eb_taken));
	ex->eb_taken[ex->n_eb_taken].t = t;
	ex->eb_taken[ex->n_eb_taken].c = c;
	ex->n_eb_taken++;
	return 0;
}

int xt_eb_set_policy(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		     const char *policy)
{
	if (xt_eb_take_policy(ex, t, c) < 0)
		return -1;
	c->has_policy = strcmp(policy, "RETURN") != 0;
	c->policy = strcmp(policy, "DROP") == 0 ? NF_DROP : NF_ACCEPT;
	return 0;
}

static int append_policy_rule(struct xtn_exec *ex, struct xtable *t,
			      struct xchain *c)
{
	uint8_t mark[6] = { UDATA_EBT_POLICY, 4 };
	uint32_t one = 1;
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_NEWRULE,
					 .op = XTN_OBJ_CHAIN_UPDATE,
					 .flags = NLM_F_CREATE | NLM_F_APPEND,
					 .line = ex->cur_line };
	struct xtn_rule *r = xtn_rule_new(ex->ctx->fam);
	struct nftnl_rule *nr;
	int ret;

	r->verdict = c->policy == NF_DROP ? XTN_V_DROP : XTN_V_ACCEPT;
	nr = xtn_codec_encode(r, t->name, c->name, &ex->ctx->diag);
	xtn_rule_free(r);
	if (!nr)
		return -1;
	memcpy(mark + 2, &one, 4);
	nftnl_rule_set_data(nr, NFTNL_RULE_USERDATA, mark, sizeof(mark));
	ret = xtn_batch_rule(&ex->batch, &ex->nl, nr, &o, NULL);
	nftnl_rule_free(nr);
	return ret;
}

int xt_eb_policies_finish(struct xtn_exec *ex)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < ex->n_eb_taken; i++) {
		struct xtable *t = ex->eb_taken[i].t;
		struct xchain *c = ex->eb_taken[i].c;

		if (ret == 0 && c->exists && c->has_policy)
			ret = append_policy_rule(ex, t, c);
		c->eb_taken = false;
	}
	free(ex->eb_taken);
	ex->eb_taken = NULL;
	ex->n_eb_taken = 0;
	return ret;
}
