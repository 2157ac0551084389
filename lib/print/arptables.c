/*
 * arptables' printers (arptables-nft 1.8.9): a rule is one line of
 * options with the target first ("-j DROP -i eth0 -s 10.0.0.1"), in -L
 * as in the save form; -L has no column heads, -v adds the interfaces and
 * ", pcnt=P -- bcnt=B".  The save declares chains without counters and
 * ends a table without COMMIT.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/print.h>
#include <xtnft/util.h>

/* "-j TARGET", the base match's options and the target's, each word
 * after the first behind a blank. */
static void rule_words(struct xtn_strbuf *sb, const struct xtn_rule *r,
		       unsigned int fmt, const struct xtn_resolver *res,
		       bool save)
{
	void (*print)(const struct xtn_out *, const void *);
	struct xtn_strbuf words;
	struct xtn_out o = { .sb = &words, .fmt = fmt, .res = res,
			     .fam = r->fam, .rule = r };

	xtn_strbuf_init(&words);
	if (r->verdict != XTN_V_NONE)
		xtn_strbuf_printf(&words, " -j %s", xtn_rule_target_name(r));
	print = r->base ? (save ? r->base->ext->save : r->base->ext->list) : NULL;
	if (print)
		print(&o, r->base->data);
	print = r->verdict != XTN_V_TARGET ? NULL :
		save ? r->target->ext->save : r->target->ext->list;
	if (print)
		print(&o, r->target->data);
	if (words.len)
		xtn_strbuf_put(sb, words.buf + 1, words.len - 1);
	xtn_strbuf_fini(&words);
}

static void arp_rule_save(struct xtn_strbuf *sb, const struct xtn_rule *r,
			  const char *verb, const char *chain,
			  unsigned int flags, const struct xtn_resolver *res)
{
	/* -S -v shows the chains' counters, not the rules' */
	if (flags & XTN_SAVE_COUNTERS_PREFIX)
		xtn_strbuf_printf(sb, "[%" PRIu64 ":%" PRIu64 "] ", r->pkts,
				  r->bytes);
	xtn_strbuf_printf(sb, "%s %s ", verb, chain);
	rule_words(sb, r, XTN_FMT_NUMERIC, res, true);
	xtn_strbuf_putc(sb, '\n');
}

static void arp_rule_list(struct xtn_strbuf *sb, const struct xtn_rule *r,
			  unsigned int num, unsigned int fmt,
			  const struct xtn_resolver *res)
{
	if (fmt & XTN_FMT_LINENUMBERS)
		xtn_strbuf_printf(sb, "%u ", num);
	rule_words(sb, r, fmt, res, false);
	if (!(fmt & XTN_FMT_NOCOUNTS)) {
		xtn_strbuf_puts(sb, " , pcnt=");
		xtn_print_num(sb, r->pkts, fmt | XTN_FMT_NOTABLE);
		xtn_strbuf_puts(sb, "-- bcnt=");
		xtn_print_num(sb, r->bytes, fmt | XTN_FMT_NOTABLE);
	}
	if (!(fmt & XTN_FMT_NONEWLINE))
		xtn_strbuf_putc(sb, '\n');
}

static void arp_list_chain(struct xtn_strbuf *sb,
			   const struct xtn_chain_view *c, unsigned int fmt,
			   bool first)
{
	if (!first)
		xtn_strbuf_putc(sb, '\n');
	xtn_print_chain_head(sb, c->name, c->policy, c->pkts, c->bytes,
			     c->refs, fmt);
}

static void arp_save_chain(struct xtn_strbuf *sb,
			   const struct xtn_chain_view *c, bool counters)
{
	(void)counters;	/* arptables-save -c counts rules only */
	xtn_strbuf_printf(sb, ":%s %s\n", c->name, c->policy ? c->policy : "-");
}

const struct xtn_printer xtn_printer_arptables = {
	.rule_save = arp_rule_save,
	.rule_list = arp_rule_list,
	.list_chain = arp_list_chain,
	.save_chain = arp_save_chain,
	.save_end = "",
};
