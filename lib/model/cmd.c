/* Commands, and the expansion of -s/-d lists into one rule per pair. */
#include <stdlib.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

struct xtn_cmd *xtn_cmd_new(const struct xtn_family *fam)
{
	struct xtn_cmd *c = xtn_xzalloc(sizeof(*c));

	xtn_list_init(&c->node);
	c->fam = fam;
	return c;
}

void xtn_cmd_free(struct xtn_cmd *c)
{
	if (!c)
		return;
	free(c->table);
	free(c->chain);
	free(c->newname);
	free(c->policy);
	xtn_rule_free(c->rule);
	xtn_addr_list_fini(&c->src);
	xtn_addr_list_fini(&c->dst);
	free(c);
}

unsigned int xtn_cmd_rule_count(const struct xtn_cmd *c)
{
	unsigned int ns = c->src.n ? c->src.n : 1;
	unsigned int nd = c->dst.n ? c->dst.n : 1;

	return c->rule ? ns * nd : 0;
}

struct xtn_rule *xtn_cmd_rule_at(const struct xtn_cmd *c, unsigned int i)
{
	unsigned int nd = c->dst.n ? c->dst.n : 1;
	struct xtn_rule *r = xtn_rule_clone(c->rule);

	if (r->base && r->base->ext->set_addrs)
		r->base->ext->set_addrs(r->base->data,
					c->src.n ? &c->src.v[i / nd] : NULL,
					c->dst.n ? &c->dst.v[i % nd] : NULL);
	return r;
}
