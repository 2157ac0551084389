/*
 * The option checks of x6-style descriptors, driven by each descriptor's
 * option table (XTN_OF_MULTI, XTN_OF_INVERT, XTN_OF_MAND, also, excl):
 * repeats and inversion before an option is parsed, the rest once all of
 * an extension's options are in.  Old-style (legacy) descriptors check
 * themselves, in their own 1.8.9 wording.
 */
#include <stdio.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>

int xtn_opt_check_one(struct xtn_parse *p)
{
	const struct xtn_optdef *o = p->opt;

	if (p->inst->ext->legacy)
		return 0;
	if (!(o->flags & XTN_OF_MULTI) && (p->inst->seen & (1u << o->id)))
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: option \"--%s\" can only be used once.\n",
				      p->ext_name, o->name);
	if (p->invert && !(o->flags & XTN_OF_INVERT))
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: option \"--%s\" cannot be inverted.\n",
				      p->ext_name, o->name);
	return 0;
}

static const char *opt_name(const struct xtn_ext *ext, uint32_t ids)
{
	const struct xtn_optdef *o =
		xtn_ext_opt_by_id(ext, (unsigned int)__builtin_ctz(ids));

	return o ? o->name : "?";
}

int xtn_opt_check_final(struct xtn_parse *p)
{
	const struct xtn_ext_inst *inst = p->inst;
	const struct xtn_optdef *o;

	if (inst->ext->legacy)
		return 0;
	for (o = inst->ext->opts; o && o->name; o++) {
		if (!(inst->seen & (1u << o->id))) {
			if (o->flags & XTN_OF_MAND)
				return xtn_parse_fail(p, XTN_PARAM,
						      "%s: option \"--%s\" must be specified\n",
						      p->ext_name, o->name);
			continue;
		}
		if (o->also & ~inst->seen)
			return xtn_parse_fail(p, XTN_PARAM,
					      "%s: option \"--%s\" also requires \"--%s\".\n",
					      p->ext_name, o->name,
					      opt_name(inst->ext, o->also & ~inst->seen));
		/* an option in its own excl set (one of a group of which
		 * only one may be given) is no conflict with itself */
		if (o->excl & inst->seen & ~(1u << o->id))
			return xtn_parse_fail(p, XTN_PARAM,
					      "%s: option \"--%s\" cannot be used together with \"--%s\".\n",
					      p->ext_name, o->name,
					      opt_name(inst->ext, o->excl & inst->seen &
						       ~(1u << o->id)));
	}
	return 0;
}
