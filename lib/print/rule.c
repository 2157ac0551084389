/*
 * Rule printers.  The save form is shared by iptables-save and -S; the -L
 * form follows iptables' print_firewall() column by column.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/print.h>
#include <xtnft/util.h>

static void out_init(struct xtn_out *o, struct xtn_strbuf *sb,
		     const struct xtn_rule *r, unsigned int fmt,
		     const struct xtn_resolver *res)
{
	o->sb = sb;
	o->fmt = fmt;
	o->res = res;
	o->fam = r->fam;
	o->rule = r;
}

const char *xtn_rule_target_name(const struct xtn_rule *r)
{
	switch (r->verdict) {
	case XTN_V_NONE:
		return "";
	case XTN_V_ACCEPT:
		return "ACCEPT";
	case XTN_V_DROP:
		return "DROP";
	case XTN_V_RETURN:
		return "RETURN";
	case XTN_V_JUMP:
	case XTN_V_GOTO:
		return r->chain;
	case XTN_V_TARGET:
		/* a target sharing another's blob (NOTRACK is CT) goes by
		 * the kernel's name in the listing, as in 1.8.9 */
		if (r->target->ext->claim_xt && r->target->ext->xt.name)
			return r->target->ext->xt.name;
		return r->target->ext->name;
	}
	return "";
}

static void save_target(struct xtn_out *o, const struct xtn_rule *r)
{
	switch (r->verdict) {
	case XTN_V_NONE:
		return;
	case XTN_V_GOTO:
		xtn_out_printf(o, " -g %s", r->chain);
		return;
	case XTN_V_TARGET:
		xtn_out_printf(o, " -j %s", r->target->ext->name);
		if (r->target->ext->save)
			r->target->ext->save(o, r->target->data);
		return;
	default:
		xtn_out_printf(o, " -j %s", xtn_rule_target_name(r));
	}
}

void xtn_print_rule_save(struct xtn_strbuf *sb, const struct xtn_rule *r,
			 const char *verb, const char *chain, unsigned int flags,
			 const struct xtn_resolver *res)
{
	struct xtn_ext_inst *m;
	struct xtn_out o;

	out_init(&o, sb, r, XTN_FMT_NUMERIC, res);
	if (flags & XTN_SAVE_COUNTERS_PREFIX)
		xtn_strbuf_printf(sb, "[%" PRIu64 ":%" PRIu64 "] ", r->pkts,
				  r->bytes);
	xtn_strbuf_printf(sb, "%s %s", verb, chain);
	if (r->base && r->base->ext->save)
		r->base->ext->save(&o, r->base->data);
	xtn_list_for_each(m, &r->matches, node) {
		xtn_out_printf(&o, " -m %s", m->ext->name);
		if (m->ext->save)
			m->ext->save(&o, m->data);
	}
	if (flags & XTN_SAVE_COUNTERS_INLINE)
		xtn_strbuf_printf(sb, " -c %" PRIu64 " %" PRIu64, r->pkts,
				  r->bytes);
	save_target(&o, r);
	xtn_strbuf_putc(sb, '\n');
}

#define FMT(tab, notab) ((fmt & XTN_FMT_NOTABLE) ? (notab) : (tab))

void xtn_print_num(struct xtn_strbuf *sb, uint64_t n, unsigned int fmt)
{
	static const char suffix[] = "KMGT";
	int i;

	if (!(fmt & XTN_FMT_KMG)) {
		xtn_strbuf_printf(sb, FMT("%8" PRIu64 " ", "%" PRIu64 " "), n);
		return;
	}
	if (n <= 99999) {
		xtn_strbuf_printf(sb, FMT("%5" PRIu64 " ", "%" PRIu64 " "), n);
		return;
	}
	for (i = 0; i < 3; i++) {
		n = (n + 500) / 1000;
		if (n <= 9999)
			break;
	}
	if (i == 3)
		n = (n + 500) / 1000;
	xtn_strbuf_printf(sb, FMT("%4" PRIu64 "%c ", "%" PRIu64 "%c "), n,
			  suffix[i]);
}

void xtn_print_rule_list(struct xtn_strbuf *sb, const struct xtn_rule *r,
			 unsigned int num, unsigned int fmt,
			 const struct xtn_resolver *res)
{
	struct xtn_ext_inst *m;
	struct xtn_out o;

	out_init(&o, sb, r, fmt, res);
	if (fmt & XTN_FMT_LINENUMBERS)
		xtn_strbuf_printf(sb, FMT("%-4u ", "%u "), num);
	if (!(fmt & XTN_FMT_NOCOUNTS)) {
		xtn_print_num(sb, r->pkts, fmt);
		xtn_print_num(sb, r->bytes, fmt);
	}
	if (!(fmt & XTN_FMT_NOTARGET))
		xtn_strbuf_printf(sb, FMT("%-9s ", "%s "), xtn_rule_target_name(r));
	if (r->base && r->base->ext->list)
		r->base->ext->list(&o, r->base->data);
	if (r->verdict == XTN_V_GOTO)
		xtn_strbuf_puts(sb, "[goto] ");
	xtn_list_for_each(m, &r->matches, node)
		if (m->ext->list)
			m->ext->list(&o, m->data);
	if (r->verdict == XTN_V_TARGET && r->target->ext->list)
		r->target->ext->list(&o, r->target->data);
	if (!(fmt & XTN_FMT_NONEWLINE))
		xtn_strbuf_putc(sb, '\n');
}

void xtn_print_chain_head(struct xtn_strbuf *sb, const char *chain,
			  const char *policy, uint64_t pkts, uint64_t bytes,
			  unsigned int refs, unsigned int fmt)
{
	xtn_strbuf_printf(sb, "Chain %s", chain);
	if (policy) {
		xtn_strbuf_printf(sb, " (policy %s", policy);
		if (!(fmt & XTN_FMT_NOCOUNTS)) {
			xtn_strbuf_putc(sb, ' ');
			xtn_print_num(sb, pkts, fmt | XTN_FMT_NOTABLE);
			xtn_strbuf_puts(sb, "packets, ");
			xtn_print_num(sb, bytes, fmt | XTN_FMT_NOTABLE);
			xtn_strbuf_puts(sb, "bytes");
		}
		xtn_strbuf_puts(sb, ")\n");
	} else {
		xtn_strbuf_printf(sb, " (%u references)\n", refs);
	}
}

void xtn_print_list_header(struct xtn_strbuf *sb, const char *chain,
			   const char *policy, uint64_t pkts, uint64_t bytes,
			   unsigned int refs, unsigned int fmt,
			   const struct xtn_rule *proto)
{
	xtn_print_chain_head(sb, chain, policy, pkts, bytes, refs, fmt);
	(void)proto;
	if (fmt & XTN_FMT_LINENUMBERS)
		xtn_strbuf_printf(sb, FMT("%-4s ", "%s "), "num");
	if (!(fmt & XTN_FMT_NOCOUNTS)) {
		if (fmt & XTN_FMT_KMG) {
			xtn_strbuf_printf(sb, FMT("%5s ", "%s "), "pkts");
			xtn_strbuf_printf(sb, FMT("%5s ", "%s "), "bytes");
		} else {
			xtn_strbuf_printf(sb, FMT("%8s ", "%s "), "pkts");
			xtn_strbuf_printf(sb, FMT("%10s ", "%s "), "bytes");
		}
	}
	if (!(fmt & XTN_FMT_NOTARGET))
		xtn_strbuf_printf(sb, FMT("%-9s ", "%s "), "target");
	xtn_strbuf_puts(sb, " prot ");
	if (fmt & XTN_FMT_OPTIONS)
		xtn_strbuf_puts(sb, "opt");
	if (fmt & XTN_FMT_VIA) {
		xtn_strbuf_printf(sb, FMT(" %-6s ", "%s "), "in");
		xtn_strbuf_printf(sb, FMT("%-6s ", "%s "), "out");
	}
	xtn_strbuf_printf(sb, FMT(" %-19s ", "%s "), "source");
	xtn_strbuf_printf(sb, FMT(" %-19s ", " %s "), "destination");
	xtn_strbuf_putc(sb, '\n');
}

static void ipt_list_chain(struct xtn_strbuf *sb, const struct xtn_chain_view *c,
			   unsigned int fmt, bool first)
{
	if (!first)
		xtn_strbuf_putc(sb, '\n');
	xtn_print_list_header(sb, c->name, c->policy, c->pkts, c->bytes,
			      c->refs, fmt, NULL);
}

static void ipt_save_chain(struct xtn_strbuf *sb, const struct xtn_chain_view *c,
			   bool counters)
{
	(void)counters;	/* iptables-save always shows them */
	if (c->builtin)
		xtn_strbuf_printf(sb, ":%s %s [%" PRIu64 ":%" PRIu64 "]\n",
				  c->name, c->policy, c->pkts, c->bytes);
	else
		xtn_strbuf_printf(sb, ":%s - [0:0]\n", c->name);
}

const struct xtn_printer xtn_printer_iptables = {
	.rule_save = xtn_print_rule_save,
	.rule_list = xtn_print_rule_list,
	.list_chain = ipt_list_chain,
	.save_chain = ipt_save_chain,
	.save_end = "COMMIT\n",
};
