/*
 * ebtables' printers: a rule is its base fields, its matches and watchers
 * in rule order and "-j TARGET" (CONTINUE when it has none), each option
 * with its negation inside ("-p ! IPv4"); -L shows "Bridge table:" and
 * "Bridge chain:" heads, ebtables-save ":CHAIN POLICY" lines and no COMMIT.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/print.h>
#include <xtnft/util.h>

static const char *target_name(const struct xtn_rule *r)
{
	switch (r->verdict) {
	case XTN_V_JUMP:
	case XTN_V_GOTO:
		return r->chain;
	case XTN_V_TARGET:
		return r->target->ext->name;
	default:
		return xtn_family_verdict_name(r->fam, r->verdict);
	}
}

static void print_insts(const struct xtn_out *o, const struct xtn_list *l)
{
	const struct xtn_ext_inst *m;

	xtn_list_for_each(m, l, node)
		if (m->ext->save)
			m->ext->save(o, m->data);
}

/* The options after "-A CHAIN " (or a -L line's), without its newline. */
static void rule_body(struct xtn_strbuf *sb, const struct xtn_rule *r,
		      unsigned int fmt, const struct xtn_resolver *res)
{
	struct xtn_strbuf tmp;
	struct xtn_out o = { .sb = &tmp, .fmt = fmt, .res = res,
			     .fam = r->fam, .rule = r };

	/* every piece starts with a blank: the first one is dropped */
	xtn_strbuf_init(&tmp);
	if (r->base && r->base->ext->save)
		r->base->ext->save(&o, r->base->data);
	print_insts(&o, &r->matches);
	xtn_out_printf(&o, " -j %s", target_name(r));
	if (r->verdict == XTN_V_TARGET && r->target->ext->save)
		r->target->ext->save(&o, r->target->data);
	xtn_strbuf_put(sb, tmp.buf + 1, tmp.len - 1);
	xtn_strbuf_fini(&tmp);
}

static void eb_rule_save(struct xtn_strbuf *sb, const struct xtn_rule *r,
			 const char *verb, const char *chain, unsigned int flags,
			 const struct xtn_resolver *res)
{
	if (flags & XTN_SAVE_COUNTERS_PREFIX)
		xtn_strbuf_printf(sb, "[%" PRIu64 ":%" PRIu64 "] ", r->pkts,
				  r->bytes);
	xtn_strbuf_printf(sb, "%s %s ", verb, chain);
	rule_body(sb, r, XTN_FMT_NUMERIC, res);
	if (flags & XTN_SAVE_COUNTERS_INLINE)
		xtn_strbuf_printf(sb, " -c %" PRIu64 " %" PRIu64, r->pkts,
				  r->bytes);
	xtn_strbuf_putc(sb, '\n');
}

static void eb_rule_list(struct xtn_strbuf *sb, const struct xtn_rule *r,
			 unsigned int num, unsigned int fmt,
			 const struct xtn_resolver *res)
{
	if (fmt & XTN_FMT_LINENUMBERS)
		xtn_strbuf_printf(sb, "%u ", num);
	rule_body(sb, r, fmt, res);
	if (fmt & XTN_FMT_COUNTERS)
		xtn_strbuf_printf(sb, " , pcnt = %" PRIu64 " -- bcnt = %" PRIu64,
				  r->pkts, r->bytes);
	xtn_strbuf_putc(sb, '\n');
}

static void eb_list_table(struct xtn_strbuf *sb, const char *table)
{
	xtn_strbuf_printf(sb, "Bridge table: %s\n", table);
}

static void eb_list_chain(struct xtn_strbuf *sb, const struct xtn_chain_view *c,
			  unsigned int fmt, bool first)
{
	(void)fmt;
	(void)first;
	xtn_strbuf_printf(sb, "\nBridge chain: %s, entries: %u, policy: %s\n",
			  c->name, c->n_rules, c->policy ? c->policy : "RETURN");
}

static void eb_save_chain(struct xtn_strbuf *sb, const struct xtn_chain_view *c,
			  bool counters)
{
	(void)counters;	/* ebtables-save shows none */
	xtn_strbuf_printf(sb, ":%s %s\n", c->name,
			  c->policy ? c->policy : "RETURN");
}

const struct xtn_printer xtn_printer_ebtables = {
	.rule_save = eb_rule_save,
	.rule_list = eb_rule_list,
	.list_table = eb_list_table,
	.list_chain = eb_list_chain,
	.save_chain = eb_save_chain,
	.save_end = "",
};
