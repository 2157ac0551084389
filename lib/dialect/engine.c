/*
 * The command engine shared by the dialects (see engine.h).  Moved here
 * from the iptables parser, so ebtables and arptables parse extensions and
 * locate errors with the same code.
 */
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "engine.h"

const struct xtn_dialect *xtn_dialect_of(const struct xtn_ctx *ctx)
{
	return ctx->fam->dialect;
}

void xtn_ps_init(struct xtn_ps *ps, struct xtn_ctx *ctx,
		 const struct xtn_parse_opts *po, int argc, char **argv,
		 const struct xtn_longopt *opts, const char *shortopts,
		 struct xtn_strbuf *stdout_text)
{
	memset(ps, 0, sizeof(*ps));
	ps->ctx = ctx;
	ps->po = po;
	ps->fam = ctx->fam;
	ps->table = "filter";
	ps->stdout_text = stdout_text;
	ps->cmd = xtn_cmd_new(ctx->fam);
	ps->cmd->loc.line = po->line;
	ps->cmd->wait_ms = XTN_WAIT_DEFAULT_MS;
	ps->rule = xtn_rule_new(ctx->fam);
	xtn_optset_init(&ps->set, opts);
	xtn_getopt_init(&ps->g, argc, argv, shortopts, &ps->set);
}

void xtn_ps_fini(struct xtn_ps *ps)
{
	xtn_cmd_free(ps->cmd);
	xtn_rule_free(ps->rule);
	xtn_optset_fini(&ps->set);
	free(ps->groups);
	free(ps->group_ext);
}

struct xtn_loc xtn_ps_loc(const struct xtn_ps *ps)
{
	struct xtn_loc loc = { .line = ps->po->line };
	/* a `!` given before the option belongs to it */
	int first = (ps->invert && ps->invert_at < ps->g.opt_start ?
		     ps->invert_at : ps->g.opt_start) - ps->po->arg_offset;
	int last = ps->g.optind - 1 - ps->po->arg_offset;

	loc.arg_first = (uint16_t)(first > 0 ? first : 0);
	loc.arg_last = (uint16_t)(last > first ? last : loc.arg_first);
	return loc;
}

int xtn_ps_vparam(struct xtn_ps *ps, const char *fmt, va_list ap)
{
	struct xtn_loc loc = xtn_ps_loc(ps);

	return xtn_vfail(&ps->ctx->diag, XTN_PARAM, &loc, fmt, ap);
}

int xtn_ps_param(struct xtn_ps *ps, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xtn_ps_vparam(ps, fmt, ap);
	va_end(ap);
	return -1;
}

const char *xtn_ps_next_arg(struct xtn_ps *ps)
{
	if (!xtn_getopt_has_arg(&ps->g))
		return NULL;
	return ps->g.argv[ps->g.optind++];
}

void xtn_ps_set_chain(struct xtn_ps *ps, const char *chain)
{
	ps->chain = chain;
	ps->cmd->chain_loc = xtn_ps_loc(ps);
}

unsigned int xtn_ps_preload(struct xtn_ps *ps, const struct xtn_ext *ext)
{
	unsigned int g = ps->n_groups++, cap = ps->cap_groups;

	/* two arrays of one length */
	ps->groups = xtn_xgrow(ps->groups, &cap, ps->n_groups,
			       sizeof(*ps->groups), 8);
	ps->group_ext = xtn_xgrow(ps->group_ext, &ps->cap_groups, ps->n_groups,
				  sizeof(*ps->group_ext), 8);
	ps->groups[g] = NULL;
	ps->group_ext[g] = ext;
	xtn_optset_merge(&ps->set, ext->opts, g);
	ps->g.set = &ps->set;
	return g;
}

struct xtn_ext_inst *xtn_ps_load(struct xtn_ps *ps, const struct xtn_ext *ext)
{
	unsigned int g = xtn_ps_preload(ps, ext);
	struct xtn_ext_inst *inst = xtn_inst_new(ext, ps->fam);

	inst->has_loc = true;
	inst->loc = xtn_ps_loc(ps);
	ps->groups[g] = inst;
	return inst;
}

void xtn_ps_parse_init(struct xtn_ps *ps, struct xtn_parse *xp,
		       struct xtn_ext_inst *inst, const struct xtn_optdef *o,
		       const char *arg)
{
	memset(xp, 0, sizeof(*xp));
	xp->ctx = ps->ctx;
	xp->cmd = ps->cmd;
	xp->rule = ps->rule;
	xp->fam = ps->fam;
	xp->inst = inst;
	xp->opt = o;
	xp->arg = arg;
	xp->invert = ps->invert;
	xp->loc = xtn_ps_loc(ps);
	xp->argv = ps->g.argv;
	xp->argc = ps->g.argc;
	xp->optind = &ps->g.optind;
	xp->ext_name = inst->ext->name;
}

/* Restore lines carry no argv locations: their kernel errors name the line. */
static const struct xtn_loc *note_loc(const struct xtn_ps *ps,
				      const struct xtn_parse *xp)
{
	return ps->po->restore ? NULL : &xp->loc;
}

int xtn_ps_ext_option(struct xtn_ps *ps, int c)
{
	unsigned int group = XTN_OPTVAL_GROUP(c), id = XTN_OPTVAL_ID(c);
	struct xtn_ext_inst *inst = group < ps->n_groups ? ps->groups[group] : NULL;
	const struct xtn_optdef *o = inst ? xtn_ext_opt_by_id(inst->ext, id) : NULL;
	struct xtn_parse xp;
	int ret;

	if (!o)
		return xtn_ps_param(ps, "Unknown arg \"%s\"", ps->g.optarg);
	xtn_ps_parse_init(ps, &xp, inst, o, ps->g.optarg);
	if (xtn_opt_check_one(&xp) < 0)
		return -1;
	ret = o->type != XTN_AT_CUSTOM ? xtn_parse_typed(&xp, inst->data) : 0;
	if (ret == 0 && inst->ext->parse)
		ret = inst->ext->parse(&xp, inst->data);
	if (ret < 0)
		return -1;
	xtn_inst_note_opt(inst, id, note_loc(ps, &xp));
	return 0;
}

int xtn_ps_base_option(struct xtn_ps *ps, char letter, const char *name,
		       const char *arg)
{
	const struct xtn_ext *base = ps->fam->base;
	const struct xtn_optdef *o;
	struct xtn_parse xp;

	for (o = base->opts; o->name; o++)
		if (letter ? o->short_name == letter : !strcmp(o->name, name))
			break;
	xtn_ps_parse_init(ps, &xp, ps->rule->base, o, arg);
	/* where each base option was given, for kernel errors (ext-ack) */
	xtn_inst_note_opt(ps->rule->base, o->id, note_loc(ps, &xp));
	return base->parse(&xp, ps->rule->base->data);
}

static int final_one(struct xtn_ps *ps, struct xtn_ext_inst *inst)
{
	struct xtn_parse xp;

	xtn_ps_parse_init(ps, &xp, inst, NULL, NULL);
	if (inst->has_loc)
		xp.loc = inst->loc;
	if (inst->ext->final && inst->ext->final(&xp, inst->data) < 0)
		return -1;
	return xtn_opt_check_final(&xp);
}

int xtn_ps_final_exts(struct xtn_ps *ps)
{
	struct xtn_ext_inst *m;

	xtn_list_for_each(m, &ps->rule->matches, node)
		if (final_one(ps, m) < 0)
			return -1;
	if (ps->rule->target && final_one(ps, ps->rule->target) < 0)
		return -1;
	return 0;
}

int xtn_ps_final_base(struct xtn_ps *ps)
{
	const struct xtn_ext *base = ps->fam->base;
	struct xtn_parse xp;

	xtn_ps_parse_init(ps, &xp, ps->rule->base, NULL, NULL);
	return base->final ? base->final(&xp, ps->rule->base->data) : 0;
}
