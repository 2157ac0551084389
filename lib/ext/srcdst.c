/* -s/-d address lists of the base matches (see srcdst.h). */
#include <stdlib.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "srcdst.h"

struct xtn_srcdst *xtn_srcdst_of(struct xtn_parse *p)
{
	if (!p->inst->expand)
		p->inst->expand = xtn_xzalloc(sizeof(struct xtn_srcdst));
	return p->inst->expand;
}

void xtn_srcdst_fini(struct xtn_srcdst *x)
{
	xtn_addr_list_fini(&x->src);
	xtn_addr_list_fini(&x->dst);
}

void xtn_srcdst_free(void *expand)
{
	xtn_srcdst_fini(expand);
	free(expand);
}

unsigned int xtn_srcdst_count(const void *expand)
{
	const struct xtn_srcdst *x = expand;

	return (x->src.n ? x->src.n : 1) * (x->dst.n ? x->dst.n : 1);
}

void xtn_srcdst_at(const void *expand, unsigned int i,
		   const struct xtn_addrmask **src,
		   const struct xtn_addrmask **dst)
{
	const struct xtn_srcdst *x = expand;
	unsigned int nd = x->dst.n ? x->dst.n : 1;

	*src = x->src.n ? &x->src.v[i / nd] : NULL;
	*dst = x->dst.n ? &x->dst.v[i % nd] : NULL;
}

/* A rule without -s (-d) matches any address: 0.0.0.0/0 (::/0) as
 * iptables has it, set without parsing that text for every rule. */
static int final_addr(struct xtn_parse *p, const char *spec, int af,
		      bool rule_cmd, struct xtn_addr_list *out)
{
	if (spec)
		return xtn_addr_parse_multiple(spec, af, p->ctx->resolver, out,
					       &p->ctx->diag, &p->loc);
	if (rule_cmd)
		xtn_addr_list_any(out);
	return 0;
}

int xtn_srcdst_final(struct xtn_parse *p, struct xtn_srcdst *x, int af,
		     bool inverted)
{
	const char *s = x->src_spec, *d = x->dst_spec;
	bool rule_cmd = p->cmd->op & (XTN_CMD_REPLACE | XTN_CMD_INSERT |
				      XTN_CMD_DELETE | XTN_CMD_APPEND |
				      XTN_CMD_CHECK);

	if (final_addr(p, s, af, rule_cmd, &x->src) < 0 ||
	    final_addr(p, d, af, rule_cmd, &x->dst) < 0)
		return -1;
	if ((x->src.n > 1 || x->dst.n > 1) && inverted)
		return xtn_parse_fail(p, XTN_PARAM,
				      "! not allowed with multiple source or destination IP addresses");
	/* each pair is a rule: one line of input must not stand for a
	 * batch of millions (1.8.9 builds it, or runs out of memory) */
	if ((uint64_t)(x->src.n ? x->src.n : 1) * (x->dst.n ? x->dst.n : 1) >
	    XTN_MAX_RULES_PER_CMD)
		return xtn_parse_fail(p, XTN_PARAM,
				      "%u source and %u destination addresses make more than %u rules",
				      x->src.n, x->dst.n, XTN_MAX_RULES_PER_CMD);
	if (p->cmd->op == XTN_CMD_REPLACE && xtn_srcdst_count(x) != 1)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Replacement rule does not specify a unique address");
	return 0;
}
