/*
 * iptables-restore as one transaction for the whole input, all tables
 * together (stricter than 1.8.9, which commits table by table): any error
 * leaves the ruleset untouched.  The input text is kept and parsed again on
 * a generation clash, and to rebuild a queued rule when a later line needs
 * to compare against it, so no rule models pile up at 100k lines.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/exec.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include "exec_int.h"

struct rst {
	struct xtn_ctx *ctx;
	const struct xtn_restore_opts *o;
	struct xtn_strbuf *out;
	struct xtn_exec *ex;
	const char *input;
	size_t len;
	uint32_t *line_start;	/* offset of each line (1-based index) */
	uint32_t n_lines;
	bool in_table;
	const char *table;	/* current table (static profile string) */
	bool skipping;		/* -T: a table we do not restore */
};

static void index_lines(struct rst *r)
{
	size_t i, cap = 1024;

	r->line_start = xtn_xmalloc(cap * sizeof(*r->line_start));
	r->n_lines = 0;
	r->line_start[0] = 0;
	for (i = 0; i < r->len; i++) {
		if (i == 0 || r->input[i - 1] == '\n') {
			if (r->n_lines + 2 >= cap) {
				cap *= 2;
				r->line_start = xtn_xrealloc(r->line_start,
							     cap * sizeof(*r->line_start));
			}
			r->line_start[++r->n_lines] = (uint32_t)i;
		}
	}
}

static char *line_text(const struct rst *r, uint32_t line, bool keep_nl)
{
	const char *s = r->input + r->line_start[line];
	const char *e = memchr(s, '\n', r->len - r->line_start[line]);

	if (e && keep_nl)
		e++;
	return xtn_xstrndup(s, e ? (size_t)(e - s) : strlen(s));
}

/* "[pcnt:bcnt] -A ..." -> words, with --set-counters when -c is given. */
static int rule_words(struct rst *r, char *text, uint32_t line,
		      struct xtn_words *w)
{
	char *start = text, *pcnt = NULL, *bcnt = NULL;
	struct xtn_loc loc = { .line = line };

	if (text[0] == '[') {
		char *end = strchr(text, ']'), *save = NULL;

		if (!end)
			return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
					"Bad line %u: need ]", line);
		pcnt = strtok_r(text + 1, ":", &save);
		if (!pcnt)
			return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
					"Bad line %u: need :", line);
		bcnt = strtok_r(NULL, "]", &save);
		if (!bcnt)
			return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
					"Bad line %u: need ]", line);
		start = end + 1;
	}
	xtn_words_add(w, r->o->prog);
	xtn_words_add(w, "-t");
	xtn_words_add(w, r->table);
	if (r->o->counters && pcnt && bcnt) {
		xtn_words_add(w, "--set-counters");
		xtn_words_add(w, pcnt);
		xtn_words_add(w, bcnt);
	}
	return xtn_restore_split(start, w, &r->ctx->diag, line);
}

static enum xtn_parse_result parse_rule_line(struct rst *r, uint32_t line,
					     struct xtn_cmd **cmd)
{
	struct xtn_parse_opts po = { .restore = true, .line = line,
				     .arg_offset = 3, .prog = r->o->prog };
	/* like fgets(): an unterminated quote swallows the newline */
	char *text = line_text(r, line, true);
	struct xtn_words w = { 0 };
	enum xtn_parse_result res = XTN_PARSED_ERROR;
	struct xtn_strbuf ignored;

	xtn_strbuf_init(&ignored);
	if (rule_words(r, text, line, &w) == 0)
		res = xtn_ipt_parse(r->ctx, w.n, w.v, &po, cmd, &ignored);
	if (res == XTN_PARSED_EXIT)
		xtn_strbuf_put(r->out, ignored.buf, ignored.len);
	xtn_strbuf_fini(&ignored);
	xtn_words_fini(&w);
	free(text);
	return res;
}

/* exec asks for the model of a rule queued by an earlier line */
static struct xtn_rule *remat(void *priv, uint32_t line, uint32_t index)
{
	struct rst *r = priv;
	struct xtn_rule *rule, *canon = NULL;
	struct xtn_cmd *cmd = NULL;

	if (parse_rule_line(r, line, &cmd) != XTN_PARSED_CMD || !cmd->rule) {
		xtn_cmd_free(cmd);
		return NULL;
	}
	rule = xtn_cmd_rule_at(cmd, index);
	canon = xt_canonical(r->ex, rule, cmd->table, cmd->chain);
	xtn_rule_free(rule);
	xtn_cmd_free(cmd);
	return canon;
}

static int do_rule(struct rst *r, uint32_t line)
{
	struct xtn_cmd *cmd = NULL;
	enum xtn_parse_result res = parse_rule_line(r, line, &cmd);
	int ret;

	if (res == XTN_PARSED_ERROR)
		return -1;
	if (res != XTN_PARSED_CMD)
		return 0;
	if (!xtn_family_table(r->ctx->fam, cmd->table)) {
		xtn_cmd_free(cmd);
		return 0;
	}
	ret = xtn_exec_cmd(r->ex, cmd);
	xtn_cmd_free(cmd);
	return ret;
}

static int do_table(struct rst *r, char *text, uint32_t line)
{
	char *save = NULL, *name = strtok_r(text + 1, " \t\n", &save);
	struct xtn_loc loc = { .line = line };
	const struct xtn_table_def *t;

	if (!name)
		return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
				"%s: line %u table name invalid", r->o->prog, line);
	t = xtn_family_table(r->ctx->fam, name);
	if (!t)
		return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
				"%s: line %u table name '%s' invalid",
				r->o->prog, line, name);
	r->table = t->name;
	r->skipping = r->o->only_table && strcmp(r->o->only_table, t->name) != 0;
	if (r->skipping)
		return 0;
	r->in_table = true;
	return xtn_exec_table_start(r->ex, t->name, line, r->o->verbose);
}

static bool parse_counters(const char *s, uint64_t *p, uint64_t *b)
{
	return s && sscanf(s, "[%" SCNu64 ":%" SCNu64 "]", p, b) == 2;
}

static int do_chain(struct rst *r, char *text, uint32_t line)
{
	char *save = NULL, *chain = strtok_r(text + 1, " \t\n", &save), *policy;
	struct xtn_loc loc = { .line = line };
	uint64_t p = 0, b = 0;

	if (!chain)
		return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
				"%s: line %u chain name invalid", r->o->prog, line);
	if (strlen(chain) >= 29)
		return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
				"chain name `%s' too long (must be under %u chars)",
				chain, 29u);
	policy = strtok_r(NULL, " \t\n", &save);
	if (!policy)
		return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
				"%s: line %u policy invalid", r->o->prog, line);
	if (xtn_table_builtin(xtn_family_table(r->ctx->fam, r->table), chain) &&
	    r->o->counters &&
	    !parse_counters(strtok_r(NULL, " \t\n", &save), &p, &b))
		return xtn_fail(&r->ctx->diag, XTN_PARAM, &loc,
				"invalid policy counters for chain '%s'", chain);
	return xtn_exec_chain_decl(r->ex, r->table, chain, policy, r->o->counters,
				   p, b, line);
}

static int do_line(struct rst *r, uint32_t line)
{
	char *text = line_text(r, line, false);
	int ret = 0;

	if (text[0] == '\0') {
		ret = 0;
	} else if (text[0] == '#') {
		if (r->o->verbose)
			xtn_strbuf_printf(r->out, "%s\n", text);
	} else if (r->in_table && strcmp(text, "COMMIT") == 0) {
		ret = xtn_exec_table_end(r->ex, line);
		r->in_table = false;
	} else if (text[0] == '*' && !r->in_table) {
		ret = do_table(r, text, line);
	} else if (text[0] == ':' && r->in_table) {
		ret = do_chain(r, text, line);
	} else if (r->in_table) {
		ret = do_rule(r, line);
	} else if (!r->skipping) {
		struct xtn_loc loc = { .line = line };

		ret = xtn_fail_style(&r->ctx->diag, XTN_OTHER, XTN_DS_PROG, &loc,
				     "line %u failed", line);
	}
	free(text);
	return ret;
}

/* The transaction's body: every line, from the start. */
static int one_pass(struct xtn_exec *ex, void *priv)
{
	struct rst *r = priv;
	uint32_t line;

	(void)ex;
	r->in_table = false;
	r->skipping = false;
	r->table = NULL;
	for (line = 1; line <= r->n_lines; line++)
		if (do_line(r, line) < 0)
			return -1;
	if (r->in_table) {
		struct xtn_loc loc = { .line = r->n_lines + 1 };

		return xtn_fail_style(&r->ctx->diag, XTN_OTHER, XTN_DS_PROG, &loc,
				      "COMMIT expected at line %u", r->n_lines + 1);
	}
	return 0;
}

int xtn_restore(struct xtn_ctx *ctx, const char *input, size_t len,
		const struct xtn_restore_opts *o, struct xtn_strbuf *out)
{
	unsigned int flags = XTN_EXEC_RESTORE;
	struct rst r = { .ctx = ctx, .o = o, .out = out, .input = input,
			 .len = len };
	int ret;

	if (o->noflush)
		flags |= XTN_EXEC_NOFLUSH;
	if (o->test)
		flags |= XTN_EXEC_TEST;
	index_lines(&r);
	r.ex = xtn_exec_new(ctx, out, flags);
	xtn_exec_set_rematerialize(r.ex, remat, &r);
	ret = xtn_exec_run(r.ex, one_pass, &r);
	xtn_exec_free(r.ex);
	free(r.line_start);
	return ret;
}
