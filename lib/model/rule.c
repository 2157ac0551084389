/* The rule model: instances, rules, semantic equality. */
#include <stdlib.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

/* An instance and its data in one allocation: a listing makes and frees
 * a few for every rule it reads. */
static struct xtn_ext_inst *inst_alloc(const struct xtn_ext *ext)
{
	struct xtn_ext_inst *inst = xtn_xzalloc(XTN_ALIGN8(sizeof(*inst)) +
						XTN_ALIGN8(ext->data_size));

	inst->data = (char *)inst + XTN_ALIGN8(sizeof(*inst));
	return inst;
}

struct xtn_ext_inst *xtn_inst_new(const struct xtn_ext *ext,
				  const struct xtn_family *fam)
{
	struct xtn_ext_inst *inst = inst_alloc(ext);

	xtn_list_init(&inst->node);
	inst->ext = ext;
	if (ext->init)
		ext->init(inst->data, fam);
	return inst;
}

struct xtn_ext_inst *xtn_inst_clone(const struct xtn_ext_inst *src)
{
	struct xtn_ext_inst *inst = inst_alloc(src->ext);
	void *data = inst->data;

	*inst = *src;
	inst->data = data;
	xtn_list_init(&inst->node);
	if (src->opt_loc) {
		inst->opt_loc = xtn_xmalloc(XTN_MAX_OPT_IDS * sizeof(*inst->opt_loc));
		memcpy(inst->opt_loc, src->opt_loc,
		       XTN_MAX_OPT_IDS * sizeof(*inst->opt_loc));
	}
	memcpy(inst->data, src->data, XTN_ALIGN8(src->ext->data_size));
	if (src->ext->data_copy)
		src->ext->data_copy(inst->data, src->data);
	inst->expand = NULL;	/* the parsed original keeps its expansion */
	return inst;
}

void xtn_inst_free(struct xtn_ext_inst *inst)
{
	if (!inst)
		return;
	if (inst->expand && inst->ext->expand_free)
		inst->ext->expand_free(inst->expand);
	free(inst->opt_loc);
	if (inst->ext->data_free)
		inst->ext->data_free(inst->data);
	free(inst);
}

void xtn_inst_note_opt(struct xtn_ext_inst *inst, unsigned int id,
		       const struct xtn_loc *loc)
{
	if (id >= XTN_MAX_OPT_IDS)
		abort();	/* a descriptor bug: test-registry checks ids */
	inst->seen |= 1u << id;
	if (!loc)
		return;
	if (!inst->opt_loc)
		inst->opt_loc = xtn_xzalloc(XTN_MAX_OPT_IDS * sizeof(*inst->opt_loc));
	inst->opt_loc[id] = *loc;
}

bool xtn_inst_equal(const struct xtn_ext_inst *a, const struct xtn_ext_inst *b)
{
	size_t n;

	if (a->ext != b->ext)
		return false;
	if (a->ext->equal)
		return a->ext->equal(a->data, b->data);
	n = a->ext->cmp_size ? a->ext->cmp_size : a->ext->data_size;
	return memcmp(a->data, b->data, n) == 0;
}

struct xtn_rule *xtn_rule_new(const struct xtn_family *fam)
{
	struct xtn_rule *r = xtn_xzalloc(sizeof(*r));

	r->fam = fam;
	xtn_list_init(&r->matches);
	if (fam->base)
		r->base = xtn_inst_new(fam->base, fam);
	return r;
}

unsigned int xtn_rule_l4proto(const struct xtn_rule *r, bool *inverted)
{
	uint32_t proto = 0;
	bool inv = false;

	if (r->base && r->base->ext->compat_proto)
		r->base->ext->compat_proto(r->base->data, &proto, &inv);
	if (inverted)
		*inverted = inv;
	return proto;
}

struct xtn_rule *xtn_rule_clone(const struct xtn_rule *src)
{
	struct xtn_rule *r = xtn_xmalloc(sizeof(*r));
	struct xtn_ext_inst *m;

	*r = *src;
	xtn_list_init(&r->matches);
	r->base = src->base ? xtn_inst_clone(src->base) : NULL;
	r->target = src->target ? xtn_inst_clone(src->target) : NULL;
	r->chain = src->chain ? xtn_xstrdup(src->chain) : NULL;
	r->undecodable = src->undecodable ? xtn_xstrdup(src->undecodable) : NULL;
	xtn_list_for_each(m, &src->matches, node)
		xtn_list_add_tail(&xtn_inst_clone(m)->node, &r->matches);
	return r;
}

void xtn_rule_free(struct xtn_rule *r)
{
	struct xtn_ext_inst *m, *tmp;

	if (!r)
		return;
	xtn_list_for_each_safe(m, tmp, &r->matches, node)
		xtn_inst_free(m);
	xtn_inst_free(r->base);
	xtn_inst_free(r->target);
	free(r->chain);
	free(r->undecodable);
	free(r);
}

void xtn_rule_add_match(struct xtn_rule *r, struct xtn_ext_inst *m)
{
	xtn_list_add_tail(&m->node, &r->matches);
}

struct xtn_ext_inst *xtn_rule_last_match(const struct xtn_rule *r,
					 const struct xtn_ext *ext)
{
	struct xtn_ext_inst *m, *found = NULL;

	xtn_list_for_each(m, &r->matches, node)
		if (m->ext == ext)
			found = m;
	return found;
}

void xtn_rule_set_jump(struct xtn_rule *r, enum xtn_verdict v,
		       const char *chain)
{
	free(r->chain);
	r->verdict = v;
	r->chain = chain ? xtn_xstrdup(chain) : NULL;
}

unsigned int xtn_rule_count_matches(const struct xtn_rule *r)
{
	struct xtn_ext_inst *m;
	unsigned int n = 0;

	xtn_list_for_each(m, &r->matches, node)
		n++;
	return n;
}

static bool insts_equal(const struct xtn_list *la, const struct xtn_list *lb)
{
	const struct xtn_list *pa = la->next, *pb = lb->next;

	while (pa != la && pb != lb) {
		if (!xtn_inst_equal(xtn_list_entry(pa, struct xtn_ext_inst, node),
				    xtn_list_entry(pb, struct xtn_ext_inst, node)))
			return false;
		pa = pa->next;
		pb = pb->next;
	}
	return pa == la && pb == lb;
}

bool xtn_rule_equal(const struct xtn_rule *a, const struct xtn_rule *b)
{
	/* A rule we could not read is never "the same" as anything. */
	if (a->undecodable || b->undecodable)
		return false;
	if (!!a->base != !!b->base || (a->base && !xtn_inst_equal(a->base, b->base)))
		return false;
	if (!insts_equal(&a->matches, &b->matches) || a->verdict != b->verdict)
		return false;
	if (a->verdict == XTN_V_JUMP || a->verdict == XTN_V_GOTO)
		return strcmp(a->chain, b->chain) == 0;
	if (a->verdict == XTN_V_TARGET)
		return xtn_inst_equal(a->target, b->target);
	return true;
}
