/*
 * iptables-restore's line grammar: "*table", ":CHAIN POLICY [p:b]", rule
 * and chain commands, "COMMIT", comments.  Pure: each line becomes a record
 * (a parsed command keeps its model, so nothing is parsed twice); the exec
 * side decides when records reach the kernel.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/lines.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>

void xtn_rparser_init(struct xtn_rparser *p, struct xtn_ctx *ctx,
		      const struct xtn_restore_opts *o)
{
	memset(p, 0, sizeof(*p));
	p->ctx = ctx;
	p->o = o;
}

void xtn_rline_fini(struct xtn_rline *rl)
{
	if (rl->chain) {
		free(rl->chain->name);
		free(rl->chain->policy);
		free(rl->chain);
	}
	xtn_cmd_free(rl->cmd);
	memset(rl, 0, sizeof(*rl));
}

static int fail(struct xtn_rparser *p, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct xtn_rparser *p, uint32_t line, const char *fmt, ...)
{
	struct xtn_loc loc = { .line = line };
	va_list ap;

	va_start(ap, fmt);
	xtn_vfail(&p->ctx->diag, XTN_PARAM, &loc, fmt, ap);
	va_end(ap);
	return -1;
}

/* "[pcnt:bcnt] -A ..." -> words, with --set-counters when -c is given. */
static int rule_words(struct xtn_rparser *p, char *text, uint32_t line,
		      struct xtn_words *w)
{
	char *start = text, *pcnt = NULL, *bcnt = NULL;

	if (text[0] == '[') {
		char *end = strchr(text, ']'), *save = NULL;

		if (!end)
			return fail(p, line, "Bad line %u: need ]", line);
		pcnt = strtok_r(text + 1, ":", &save);
		if (!pcnt)
			return fail(p, line, "Bad line %u: need :", line);
		bcnt = strtok_r(NULL, "]", &save);
		if (!bcnt)
			return fail(p, line, "Bad line %u: need ]", line);
		start = end + 1;
	}
	xtn_words_add(w, p->o->prog);
	xtn_words_add(w, "-t");
	xtn_words_add(w, p->table);
	if (p->o->counters && pcnt && bcnt) {
		xtn_words_add(w, "--set-counters");
		xtn_words_add(w, pcnt);
		xtn_words_add(w, bcnt);
	}
	return xtn_split_words_inplace(start, w, NULL, &p->ctx->diag, line);
}

static int parse_rule(struct xtn_rparser *p, const struct xtn_line *l,
		      struct xtn_rline *rl, struct xtn_strbuf *out)
{
	struct xtn_parse_opts po = { .restore = true, .line = l->no,
				     .arg_offset = 3, .prog = p->o->prog };
	enum xtn_parse_result res = XTN_PARSED_ERROR;
	struct xtn_words w = { 0 };
	char text[XTN_LINE_MAX + 2];	/* a whole line, never longer */

	/* the newline too, as fgets() keeps it: an unclosed quote takes it */
	memcpy(text, l->text, l->len);
	text[l->len] = '\n';
	text[l->len + l->newline] = '\0';
	if (rule_words(p, text, l->no, &w) == 0)
		res = xtn_dialect_of(p->ctx)->parse(p->ctx, w.n, w.v, &po,
						    &rl->cmd, out);
	xtn_words_fini(&w);
	switch (res) {
	case XTN_PARSED_CMD:
		/* -v runs every line as if it said -v (rules are echoed,
		 * chains flushed, deleted or zeroed are named), but not with
		 * --noflush: 1.8.9 then prints nothing of the kind */
		if (p->o->verbose && !p->o->noflush && !rl->cmd->verbose)
			rl->cmd->verbose = 1;
		/* a -4/-6 line names the table again: the other family's
		 * tables are not restored here */
		rl->kind = xtn_family_table(p->ctx->fam, rl->cmd->table) ?
			   XTN_RL_CMD : XTN_RL_SKIP;
		return 0;
	case XTN_PARSED_EXIT:
		rl->kind = XTN_RL_EXIT;
		return 0;
	case XTN_PARSED_IGNORE:
		return 0;
	default:
		return -1;
	}
}

static int parse_table(struct xtn_rparser *p, char *text, uint32_t line,
		       struct xtn_rline *rl)
{
	char *save = NULL, *name = strtok_r(text + 1, " \t\n", &save);
	const struct xtn_table_def *t;

	if (!name)
		return fail(p, line, "%s: line %u table name invalid",
			    p->o->prog, line);
	t = xtn_family_table(p->ctx->fam, name);
	if (!t)
		return fail(p, line, "%s: line %u table name '%s' invalid",
			    p->o->prog, line, name);
	p->table = t->name;
	p->skipping = p->o->only_table && strcmp(p->o->only_table, t->name) != 0;
	if (p->skipping)
		return 0;
	p->in_table = true;
	rl->kind = XTN_RL_TABLE;
	rl->table = t->name;
	return 0;
}

/* "[pkts:bytes]", decimal, each fitting 64 bits (1.8.9's sscanf would
 * take a sign, blanks or an overflow and store something else). */
static bool parse_counters(const char *s, uint64_t *pkts, uint64_t *bytes)
{
	const char *end;

	return s && s[0] == '[' && xtn_strtou64_dec(s + 1, &end, pkts) &&
	       *end == ':' && xtn_strtou64_dec(end + 1, &end, bytes) &&
	       end[0] == ']' && end[1] == '\0';
}

/* ebtables-restore takes ACCEPT and DROP for built-in chains, RETURN too
 * for user chains; 1.8.9 finds out only when it commits, and says so. */
static bool bad_bridge_policy(const struct xtn_rparser *p, const char *chain,
			      const char *policy)
{
	const struct xtn_verdict_name *v;
	bool builtin;

	if (p->ctx->fam->bit != XTN_FAM_BRIDGE)
		return false;
	builtin = xtn_table_builtin(xtn_family_table(p->ctx->fam, p->table), chain);
	v = xtn_family_verdict(p->ctx->fam, policy);
	return !v || !(v->policy & (builtin ? XTN_POLICY_BUILTIN : XTN_POLICY_USER));
}

static int parse_chain(struct xtn_rparser *p, char *text, uint32_t line,
		       struct xtn_rline *rl)
{
	char *save = NULL, *chain = strtok_r(text + 1, " \t\n", &save), *policy;
	struct xtn_loc loc = { .line = line };
	struct xtn_rchain decl = { 0 };

	if (!chain)
		return fail(p, line, "%s: line %u chain name invalid",
			    p->o->prog, line);
	if (xtn_dialect_of(p->ctx)->check_chain_name(&p->ctx->diag, &loc,
						     chain, true) < 0)
		return -1;
	policy = strtok_r(NULL, " \t\n", &save);
	if (!policy)
		return fail(p, line, "%s: line %u policy invalid", p->o->prog,
			    line);
	if (bad_bridge_policy(p, chain, policy))
		return xtn_fail(&p->ctx->diag, XTN_OTHER, &loc,
				"%s: final implicit COMMIT failed", p->o->prog);
	if (xtn_table_builtin(xtn_family_table(p->ctx->fam, p->table), chain) &&
	    p->o->counters && xtn_dialect_of(p->ctx)->restore_chain_counters) {
		if (!parse_counters(strtok_r(NULL, " \t\n", &save), &decl.pkts,
				    &decl.bytes))
			return fail(p, line,
				    "invalid policy counters for chain '%s'",
				    chain);
		decl.counters = true;
	}
	decl.name = xtn_xstrdup(chain);
	decl.policy = xtn_xstrdup(policy);
	rl->kind = XTN_RL_CHAIN;
	rl->table = p->table;
	rl->chain = xtn_xmalloc(sizeof(*rl->chain));
	*rl->chain = decl;
	return 0;
}

/* Which kind of line it is, the way 1.8.9 tells them apart. */
static int classify(struct xtn_rparser *p, struct xtn_line *l,
		    struct xtn_rline *rl, struct xtn_strbuf *out)
{
	char *text = l->text;

	if (text[0] == '#') {
		if (p->o->verbose)
			xtn_strbuf_printf(out, "%s%s", text,
					  l->newline || !l->whole ? "\n" : "");
		return 0;
	}
	if (!p->in_table && text[0] != '*') {
		if (p->skipping)
			return 0;
		return xtn_fail_style(&p->ctx->diag, XTN_OTHER, XTN_DS_PROG,
				      &(struct xtn_loc){ .line = l->no },
				      "line %u failed%s", l->no,
				      xtn_dialect_of(p->ctx)->restore_no_table ?
				      xtn_dialect_of(p->ctx)->restore_no_table : "");
	}
	if (!l->whole || l->len > XTN_LINE_MAX)
		return fail(p, l->no, "line longer than %u bytes", XTN_LINE_MAX);
	/* the text ends at a NUL, as for 1.8.9; what 1.8.9 would then drop
	 * silently is refused */
	if (text[0] != '\0' && memchr(text, '\0', l->len))
		return fail(p, l->no, "NUL byte inside the line");
	if (p->in_table && text[0] == '*' &&
	    !xtn_dialect_of(p->ctx)->restore_needs_commit) {
		p->in_table = false;
		rl->kind = XTN_RL_COMMIT;
		rl->table = p->table;
		rl->again = true;
		return 0;
	}
	if (p->in_table && strcmp(text, "COMMIT") == 0) {
		p->in_table = false;
		rl->kind = XTN_RL_COMMIT;
		rl->table = p->table;
		return 0;
	}
	if (text[0] == '*' && !p->in_table)
		return parse_table(p, text, l->no, rl);
	if (text[0] == ':')
		return parse_chain(p, text, l->no, rl);
	return parse_rule(p, l, rl, out);
}

int xtn_rparse_line(struct xtn_rparser *p, struct xtn_line *l,
		    struct xtn_rline *rl, struct xtn_strbuf *out)
{
	memset(rl, 0, sizeof(*rl));
	rl->kind = XTN_RL_SKIP;
	rl->line = l->no;
	if (l->len == 0)
		return 0;	/* a blank line */
	if (classify(p, l, rl, out) < 0) {
		xtn_rline_fini(rl);
		return -1;
	}
	return 0;
}

bool xtn_rparse_implicit_commit(struct xtn_rparser *p, uint32_t last_line,
				struct xtn_rline *rl)
{
	if (!p->in_table || xtn_dialect_of(p->ctx)->restore_needs_commit)
		return false;
	memset(rl, 0, sizeof(*rl));
	rl->kind = XTN_RL_COMMIT;
	rl->line = last_line;
	rl->table = p->table;
	p->in_table = false;
	return true;
}

int xtn_rparse_end(struct xtn_rparser *p, uint32_t last_line)
{
	struct xtn_loc loc = { .line = last_line + 1 };

	if (!p->in_table || !xtn_dialect_of(p->ctx)->restore_needs_commit)
		return 0;
	return xtn_fail_style(&p->ctx->diag, XTN_OTHER, XTN_DS_PROG, &loc,
			      "COMMIT expected at line %u", last_line + 1);
}
