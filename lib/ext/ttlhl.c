/* The shared half of -m ttl and -m hl (ttlhl.h). */
#include <stdio.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include "ttlhl.h"

int xtn_ttlhl_parse(struct xtn_parse *p, void *data)
{
	struct xtn_ttlhl *t = data;

	t->value = (uint8_t)p->val.u64;
	switch (p->opt->id) {
	case XTN_TTLHL_EQ:
		t->mode = p->invert ? 1 : 0;
		break;
	case XTN_TTLHL_LT:
		t->mode = 2;
		break;
	default:
		t->mode = 3;
		break;
	}
	return 0;
}

int xtn_ttlhl_final(struct xtn_parse *p, const struct xtn_ttlhl_words *w)
{
	if (p->inst->seen)
		return 0;
	return xtn_parse_fail(p, XTN_PARAM,
			      "%s match: You must specify one of `--%s-eq', `--%s-lt', `--%s-gt%s",
			      w->upper, w->name, w->name, w->name,
			      /* 1.8.9's ttl message lacks the closing quote */
			      w->name[0] == 't' ? "" : "'");
}

static const char *const mode_ops[] = { "==", "!=", "<", ">" };

void xtn_ttlhl_list(const struct xtn_out *o, const void *data,
		    const struct xtn_ttlhl_words *w)
{
	const struct xtn_ttlhl *t = data;

	if (t->mode > 3) {
		xtn_out_printf(o, " %s match %s unknown mode %u", w->upper,
			       w->upper, t->mode);
		return;
	}
	xtn_out_printf(o, " %s match %s %s %u", w->upper, w->upper,
		       mode_ops[t->mode], t->value);
}

void xtn_ttlhl_save(const struct xtn_out *o, const void *data,
		    const struct xtn_ttlhl_words *w)
{
	static const char *const opt[] = { "eq", "eq", "lt", "gt" };
	const struct xtn_ttlhl *t = data;

	if (t->mode > 3)
		return;
	xtn_out_printf(o, "%s --%s-%s %u", t->mode == 1 ? " !" : "", w->name,
		       opt[t->mode], t->value);
}
