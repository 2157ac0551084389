/* Commands, and the rules each stands for. */
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
	free(c);
}

unsigned int xtn_cmd_rule_count(const struct xtn_cmd *c)
{
	const struct xtn_ext_inst *base = c->rule ? c->rule->base : NULL;

	if (!c->rule)
		return 0;
	if (!base || !base->expand || !base->ext->expand_count)
		return 1;
	return base->ext->expand_count(base->expand);
}

struct xtn_rule *xtn_cmd_take_rule(struct xtn_cmd *c, unsigned int i)
{
	struct xtn_rule *r;

	if (xtn_cmd_rule_count(c) != 1)
		return xtn_cmd_rule_at(c, i);
	r = c->rule;
	c->rule = NULL;
	if (r->base && r->base->expand && r->base->ext->expand_at)
		r->base->ext->expand_at(r->base->expand, r->base->data, 0);
	return r;
}

struct xtn_rule *xtn_cmd_rule_at(const struct xtn_cmd *c, unsigned int i)
{
	const struct xtn_ext_inst *base = c->rule->base;
	struct xtn_rule *r = xtn_rule_clone(c->rule);

	if (base && base->expand && base->ext->expand_at)
		base->ext->expand_at(base->expand, r->base->data, i);
	return r;
}
