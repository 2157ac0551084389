/*
 * Listing: -L, -S and the save format.  Chains come from one chain dump (or
 * one GET for a named chain), rules from one rule dump; each rule is decoded
 * and formatted as it arrives, so memory follows the output size.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include "exec_int.h"

enum list_mode {
	MODE_LIST,	/* -L */
	MODE_RULES,	/* -S */
	MODE_SAVE,	/* iptables-save */
};

struct lchain {
	const char *name;
	bool builtin;
	uint32_t policy;
	uint64_t pkts, bytes;
	uint32_t use;
	unsigned int n_rules;
	const char *user_policy;	/* ebtables: its policy rule's */
	struct xtn_strbuf text;
};

struct listing {
	struct xtn_exec *ex;
	const struct xtn_printer *pr;	/* the dialect's */
	struct xtable *t;
	enum list_mode mode;
	unsigned int fmt;	/* -L format bits */
	unsigned int save_flags;
	unsigned int rulenum;	/* only this rule (1-based), 0 = all */
	struct lchain *v;
	unsigned int n;
	struct lchain *cur;	/* the chain being dumped */
	bool reset;		/* -L -Z: each listed rule is zeroed in the batch */
	bool reset_one;		/* -Z CHAIN N -L: only rule N is */
	int zero_err;		/* the first failure to queue that */
	bool foreign;
	bool tainted;
	bool sets;		/* the family's rules may name sets */
	/* rules of the chain being dumped that wait for the table's sets
	 * (asked for only after the dump): the first with a lookup and
	 * every rule after it, kept as read */
	struct xrules later;
	/* where rules go as they are read, when what comes before them is
	 * known from the chains alone (NULL: each chain's own text) */
	struct xtn_strbuf *direct;
	/* -L: a chain's header and rules go out when its dump is done */
	void (*chain_done)(struct listing *l, unsigned int i);
};

static struct lchain *add_chain(struct listing *l, const char *name)
{
	struct lchain *c;

	l->v = xtn_xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	c = &l->v[l->n++];
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->policy = NF_ACCEPT;
	xtn_strbuf_init(&c->text);
	return c;
}

static void fill_from(struct lchain *lc, const struct xchain *c)
{
	lc->builtin = c->builtin;
	lc->policy = c->policy;
	lc->pkts = c->pkts;
	lc->bytes = c->bytes;
	lc->use = c->use;
}

/* Built-ins in hook order (absent ones shown with policy ACCEPT), then user
 * chains by name; foreign base chains are skipped and flagged. */
static int collect_all(struct listing *l)
{
	struct xtable *t = l->t;
	struct xchain **v;
	unsigned int i, n;

	if (xt_chains_all(l->ex, t) < 0)
		return -1;
	for (i = 0; i < t->n_order; i++)
		if (t->order[i]->tainted)
			l->tainted = true;
	for (i = 0; t->def && i < t->def->n_chains; i++) {
		const char *name = xtn_table_builtin_listed(t->def, i)->name;
		struct xchain *c = xtn_hmap_get(&t->chains, name);
		struct lchain *lc = add_chain(l, name);

		lc->builtin = true;
		if (c && c->exists && c->builtin)
			fill_from(lc, c);
	}
	v = xt_chains_sorted(l->ex, t, &n);
	for (i = 0; i < n; i++)
		if (!v[i]->builtin)
			fill_from(add_chain(l, v[i]->name), v[i]);
	free(v);
	return 0;
}

static int collect_one(struct listing *l, const char *name)
{
	struct xchain *c;
	struct lchain *lc;

	if (xt_chain_lookup(l->ex, l->t, name, &c) < 0)
		return -1;
	/* 1.8.9 warns of any foreign base chain in the table; only this
	 * chain is fetched here, so a foreign one by this name */
	l->tainted = c->tainted;
	/* quirk: 1.8.9 calls a missing chain "incompatible" here */
	if (!c->exists && !xtn_table_builtin(l->t->def, name))
		return xtn_fail(&l->ex->ctx->diag, XTN_OTHER, NULL,
				"chain `%s' in table `%s' is incompatible, use 'nft' tool.",
				name, l->t->name);
	lc = add_chain(l, c->name);
	lc->builtin = xtn_table_builtin(l->t->def, name) != NULL;
	/* a plain chain by a built-in's name: 1.8.9 lists the (absent)
	 * built-in instead */
	if (c->exists && c->builtin == lc->builtin)
		fill_from(lc, c);
	return 0;
}

static void format_rule(struct listing *l, struct lchain *lc,
			const struct xtn_rule *r)
{
	const struct xtn_resolver *res = l->ex->ctx->resolver;
	struct xtn_strbuf *text = l->direct ? l->direct : &lc->text;

	lc->n_rules++;
	if (l->rulenum && lc->n_rules != l->rulenum)
		return;
	if (r->undecodable) {
		xtn_strbuf_printf(text,
				  "# Warning: rule %u in chain `%s' is incompatible (%s), use 'nft' tool.\n",
				  lc->n_rules, lc->name, r->undecodable);
		return;
	}
	if (l->mode == MODE_LIST)
		l->pr->rule_list(text, r, lc->n_rules, l->fmt, res);
	else
		l->pr->rule_save(text, r, "-A", lc->name, l->save_flags, res);
}

/* -L -Z: the listed rule goes again with zeroed counters. */
static int zero_listed(struct listing *l, const struct nlmsghdr *nlh,
		       const struct xtn_rule *r)
{
	struct nftnl_rule *nr = xt_rule_obj(nlh);
	int ret;

	if (!nr)
		return xt_errno(l->ex, XTN_EOP_ANY, EPROTO);
	ret = xt_queue_zeroed(l->ex, l->t, nr, r);
	nftnl_rule_free(nr);
	return ret;
}

static void list_one(struct listing *l, const struct nlmsghdr *nlh)
{
	enum xtn_dec_status st;
	struct xtn_rule *r;
	uint32_t policy;

	if (l->foreign)
		return;		/* the table is refused as a whole */
	if (xt_eb_policy_rule(l->ex->ctx->fam, nlh, &policy)) {
		l->cur->user_policy = xt_policy_name(policy);
		return;
	}
	r = xt_decode(l->ex, l->t, nlh, &st);
	if (st == XTN_DEC_FOREIGN)
		l->foreign = true;
	else
		format_rule(l, l->cur, r);
	/* listed first, then zeroed, as iptables does (a retried listing
	 * shows the counts again: nothing is zeroed before the commit) */
	if (l->reset && !l->zero_err &&
	    (!l->reset_one || l->cur->n_rules == l->rulenum) &&
	    zero_listed(l, nlh, r) < 0)
		l->zero_err = -1;
	xtn_rule_free(r);
}

static int rule_cb(const struct nlmsghdr *nlh, void *data)
{
	struct listing *l = data;
	struct xrule w;

	/* -vv: iptables shows the rules as its cache reads them */
	if (l->ex->batch.verbose > 1)
		xt_print_dumped(l->ex, nlh);
	if (l->later.n || (l->sets && xtn_codec_msg_has_lookup(nlh))) {
		memset(&w, 0, sizeof(w));
		w.raw_len = nlh->nlmsg_len;
		w.raw = xtn_xmalloc(w.raw_len);
		memcpy(w.raw, nlh, w.raw_len);
		xt_view_insert(&l->later, l->later.n, &w);
		return 0;
	}
	list_one(l, nlh);
	return 0;
}

/* After the chain's dump: the rules that waited, now that the table's
 * sets may be asked for. */
static int list_later(struct listing *l)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < l->later.n && ret == 0; i++) {
		list_one(l, l->later.v[i].raw);
		ret = xt_table_sets_check(l->ex, l->t);
	}
	xt_rules_clear(&l->later);
	return ret;
}

/*
 * One rule dump per chain, as iptables does: the kernel resumes a dump by
 * skipping what it already sent, from the start of the chain when the dump
 * names one but from the start of the table otherwise, which makes a
 * whole-table dump quadratic in the table's size.
 */
static int fetch_rules(struct listing *l)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; ret == 0 && i < l->n; i++) {
		struct xchain *c = xtn_hmap_get(&l->t->chains, l->v[i].name);

		/* not in the kernel: an absent built-in, or a plain chain by a
		 * built-in's name */
		if (c && c->in_kernel && c->exists &&
		    (!l->v[i].builtin || c->builtin)) {
			l->cur = &l->v[i];
			if (xt_plan_check(l->ex, XTN_FETCH_CHAIN_RULES,
					  c->name) < 0)
				return -1;
			ret = xtn_nl_dump_rules(&l->ex->nl,
						l->ex->ctx->fam->nfproto,
						l->t->name, c->name, rule_cb, l);
			if (ret < 0 && errno == ENOENT)
				ret = 0;
			else if (ret < 0)
				ret = xt_errno(l->ex, XTN_EOP_ANY, errno);
			if (ret == 0)
				ret = list_later(l);
			xt_rules_clear(&l->later);
		}
		if (ret == 0 && l->chain_done)
			l->chain_done(l, i);
	}
	return ret < 0 ? ret : l->zero_err;
}

static void listing_fini(struct listing *l)
{
	unsigned int i;

	for (i = 0; i < l->n; i++)
		xtn_strbuf_fini(&l->v[i].text);
	free(l->v);
	xt_rules_clear(&l->later);
}

static struct xtn_chain_view chain_view(const struct listing *l,
				       const struct lchain *c)
{
	struct xtn_chain_view v = {
		.name = c->name, .builtin = c->builtin,
		.pkts = c->pkts, .bytes = c->bytes, .n_rules = c->n_rules,
		.refs = c->builtin ? 0 : c->use - c->n_rules,
	};

	v.policy = c->builtin ? xt_policy_name(c->policy) : c->user_policy;
	(void)l;
	return v;
}

/* -L: a chain's header needs its rule count (references are its use
 * count less its rules), so it goes out with the rules once they are read,
 * a chain at a time. */
static void list_chain_done(struct listing *l, unsigned int i)
{
	struct lchain *c = &l->v[i];
	struct xtn_chain_view v = chain_view(l, c);

	if (!l->rulenum)
		l->pr->list_chain(l->ex->out, &v, l->fmt, i == 0);
	xtn_strbuf_put(l->ex->out, c->text.buf ? c->text.buf : "", c->text.len);
	xtn_strbuf_fini(&c->text);
}

static void emit_policies(struct listing *l, struct xtn_strbuf *out)
{
	unsigned int i;

	for (i = 0; i < l->n && !l->rulenum; i++) {
		struct lchain *c = &l->v[i];

		if (!c->builtin) {
			xtn_strbuf_printf(out, "-N %s\n", c->name);
			continue;
		}
		xtn_strbuf_printf(out, "-P %s %s", c->name, xt_policy_name(c->policy));
		if (l->save_flags & XTN_SAVE_COUNTERS_INLINE)
			xtn_strbuf_printf(out, " -c %" PRIu64 " %" PRIu64, c->pkts,
					  c->bytes);
		xtn_strbuf_putc(out, '\n');
	}
}

static void emit_chains(struct listing *l, struct xtn_strbuf *out)
{
	unsigned int i;

	xtn_strbuf_printf(out, "*%s\n", l->t->name);
	for (i = 0; i < l->n; i++) {
		struct xtn_chain_view v = chain_view(l, &l->v[i]);

		l->pr->save_chain(out, &v,
				  l->save_flags & XTN_SAVE_COUNTERS_PREFIX);
	}
}

static void emit_texts(struct listing *l, struct xtn_strbuf *out)
{
	unsigned int i;

	for (i = 0; i < l->n; i++)
		xtn_strbuf_put(out, l->v[i].text.buf ? l->v[i].text.buf : "",
			       l->v[i].text.len);
}

/* Without streaming: the whole listing once every chain is read. */
static void emit_late(struct listing *l)
{
	unsigned int i;

	if (l->mode == MODE_RULES) {
		emit_policies(l, l->ex->out);
		emit_texts(l, l->ex->out);
		return;
	}
	if (!l->rulenum && l->pr->list_table)
		l->pr->list_table(l->ex->out, l->t->name);
	for (i = 0; i < l->n; i++)
		list_chain_done(l, i);
}

/*
 * What goes before a table's rules in -S and in a save is known from its
 * chains: it is written first, and the rules straight after it as they
 * are dumped, so the output is the only copy of the text.  ebtables' user
 * chains take their policy from a rule, so a bridge table's rules wait in
 * their chains' texts until the header can be written; so do all with
 * -vv, which shows every rule as it is read before the listing.
 */
static bool streams(const struct listing *l)
{
	return l->ex->ctx->fam->bit != XTN_FAM_BRIDGE &&
	       l->ex->batch.verbose <= 1;
}

/* The table's chains (and the note on foreign base chains among them). */
static int prepare(struct listing *l, const char *chain)
{
	if (xt_table_probe(l->ex, l->t) < 0)
		return -1;
	if ((chain ? collect_one(l, chain) : collect_all(l)) < 0)
		return -1;
	if (l->tainted)
		xtn_strbuf_printf(l->ex->out,
				  "# Table `%s' contains incompatible base-chains, use 'nft' tool to list them.\n",
				  l->t->name);
	return 0;
}

/* After the rules: a table holding foreign expressions is refused. */
static int refuse_foreign(struct listing *l, const char *chain)
{
	struct xtn_diag *d = &l->ex->ctx->diag;

	if (l->foreign && l->mode == MODE_SAVE)
		return 0;
	if (l->foreign && chain)
		return xtn_fail(d, XTN_OTHER, NULL,
				"chain `%s' in table `%s' is incompatible, use 'nft' tool.",
				chain, l->t->name);
	if (l->foreign)
		return xtn_fail(d, XTN_OTHER, NULL,
				"table `%s' is incompatible, use 'nft' tool.",
				l->t->name);
	return 0;
}

static unsigned int list_fmt(const struct xtn_cmd *cmd)
{
	unsigned int fmt = XTN_FMT_OPTIONS |
			   (cmd->fmt & (XTN_FMT_LINENUMBERS | XTN_FMT_COUNTERS));

	if (!cmd->verbose)
		fmt |= XTN_FMT_NOCOUNTS;
	else
		fmt |= XTN_FMT_VIA;
	if (cmd->fmt & XTN_FMT_NUMERIC)
		fmt |= XTN_FMT_NUMERIC;
	if (!(cmd->fmt & XTN_FMT_EXACT))
		fmt |= XTN_FMT_KMG;
	return fmt;
}

int xt_cmd_list(struct xtn_exec *ex, struct xtn_cmd *cmd)
{
	struct listing l;
	unsigned int i;
	size_t mark;
	int ret;

	memset(&l, 0, sizeof(l));
	l.ex = ex;
	l.pr = ex->ctx->fam->dialect->printer;
	l.t = xt_table(ex, cmd->table);
	l.sets = xt_reads_sets(ex);
	l.mode = (cmd->op & XTN_CMD_LIST) ? MODE_LIST : MODE_RULES;
	l.fmt = list_fmt(cmd);
	l.save_flags = cmd->verbose ? XTN_SAVE_COUNTERS_INLINE : 0;
	l.rulenum = cmd->chain ? cmd->rulenum : 0;
	l.reset = cmd->op & (XTN_CMD_ZERO | XTN_CMD_ZERO_NUM);
	/* -Z CHAIN N -L lists rule N of the chain and zeroes just that rule,
	 * not the chain's counters (1.8.9 does the same) */
	l.reset_one = cmd->op & XTN_CMD_ZERO_NUM;
	ret = prepare(&l, cmd->chain);
	mark = ex->out->len;
	if (l.mode == MODE_LIST) {
		if (ret == 0 && !l.rulenum && l.pr->list_table &&
		    streams(&l))
			l.pr->list_table(ex->out, l.t->name);
		if (streams(&l))
			l.chain_done = list_chain_done;
	} else if (streams(&l)) {
		if (ret == 0)
			emit_policies(&l, ex->out);
		l.direct = ex->out;
	}
	if (ret == 0)
		ret = fetch_rules(&l);
	if (ret == 0)
		ret = refuse_foreign(&l, cmd->chain);
	if (ret == 0 && !streams(&l))
		emit_late(&l);
	/* a listing that fails shows nothing of the table */
	if (ret < 0)
		xtn_strbuf_truncate(ex->out, mark);
	/* -L -Z zeroes what it listed, absent built-ins included: iptables
	 * sends their zeroing NEWCHAIN even where the table does not exist
	 * (the rules were queued for zeroing as they were listed) */
	for (i = 0; ret == 0 && l.reset && !l.reset_one && i < l.n; i++)
		ret = xt_zero_chain(ex, l.t, l.v[i].name, cmd->verbose);
	listing_fini(&l);
	return ret;
}

int xtn_exec_save_table(struct xtn_exec *ex, const char *table,
			unsigned int flags, const char *head, bool *written)
{
	struct xtn_strbuf *out = ex->out;
	struct listing l;
	size_t mark;
	int ret;

	memset(&l, 0, sizeof(l));
	l.ex = ex;
	l.pr = ex->ctx->fam->dialect->printer;
	l.t = xt_table(ex, table);
	l.sets = xt_reads_sets(ex);
	l.mode = MODE_SAVE;
	l.save_flags = flags;
	*written = false;
	ret = prepare(&l, NULL);
	mark = out->len;
	if (ret == 0 && streams(&l)) {
		xtn_strbuf_puts(out, head);
		emit_chains(&l, out);
		l.direct = out;
	}
	if (ret == 0)
		ret = fetch_rules(&l);
	if (ret == 0)
		ret = refuse_foreign(&l, NULL);
	if (ret < 0 || l.foreign)
		xtn_strbuf_truncate(out, mark);
	if (ret == 0 && l.foreign) {
		xtn_strbuf_printf(out,
				  "# Table `%s' is incompatible, use 'nft' tool.\n",
				  table);
	} else if (ret == 0) {
		if (!streams(&l)) {
			xtn_strbuf_puts(out, head);
			emit_chains(&l, out);
			emit_texts(&l, out);
		}
		xtn_strbuf_puts(out, l.pr->save_end);
		*written = true;
	}
	listing_fini(&l);
	return ret;
}
