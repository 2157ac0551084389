/* conntrack: parse like conntrack-tools 1.4.7, run it, and print its
 * summary line and messages with its exit status. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ct.h>
#include <xtnft/ctrun.h>
#include <xtnft/ctx.h>
#include <xtnft/diag.h>
#include <xtnft/family.h>
#include <xtnft/tools.h>
#include <xtnft/util.h>
#include "tools.h"

#define CT_BANNER "conntrack v" XTN_CT_COMPAT_VERSION " (conntrack-tools): "

/* -E runs until SIGINT/SIGTERM; the handler only raises this flag */
static volatile sig_atomic_t ct_stop;

static void on_signal(int sig)
{
	(void)sig;
	ct_stop = 1;
}

/* Events are shown as they come; a listing goes out in blocks of 64 KiB
 * (a write per entry cost more than the rest of the listing). */
static void flush_out(void *data, struct xtn_strbuf *out)
{
	const bool *per_entry = data;

	if (*per_entry || out->len >= 65536)
		render_flush(out);
}

static void notice(void *data, const char *msg)
{
	(void)data;
	fflush(stdout);
	fputs(msg, stderr);
}

/* the stderr summary by command bit (conntrack-tools' exit_msg) */
static const char *summary(uint32_t command)
{
	switch (command) {
	case XTN_CT_LIST: case XTN_CT_GET: return "%u flow entries have been shown.\n";
	case XTN_CT_CREATE: return "%u flow entries have been created.\n";
	case XTN_CT_UPDATE: return "%u flow entries have been updated.\n";
	case XTN_CT_DELETE: return "%u flow entries have been deleted.\n";
	case XTN_CT_EVENT: return "%u flow events have been shown.\n";
	case XTN_EXP_EVENT: return "%u expectation events have been shown.\n";
	case XTN_EXP_LIST: case XTN_EXP_DELETE: return "%u expectations have been shown.\n";
	case XTN_CT_ADD: return "%u flow entries have been added.\n";
	default: return NULL;
	}
}

static int render_ct_diag(const struct xtn_diag *d)
{
	render_warnings(d);
	if (!d->status)
		return 0;
	fprintf(stderr, CT_BANNER "%s\n", d->msg);
	if (d->status == XTN_PARAM)
		fputs("Try `conntrack -h' or 'conntrack --help' for more information.\n",
		      stderr);
	return d->status;
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: recv returns EINTR */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* batch: a line of -R, which prints no summary and fails only on errors */
static int run(struct xtn_ctx *ctx, const struct xtn_ct_cmd *c,
	       struct xtn_strbuf *out, const char *prog, bool batch)
{
	bool per_entry = (c->command & (XTN_CT_EVENT | XTN_EXP_EVENT)) != 0;
	struct xtn_ct_io io = { .out = out, .flush = flush_out,
				.data = &per_entry, .notice = notice,
				.stop = &ct_stop };
	unsigned int counter = 0;
	const char *fmt;
	int ret;

	if (c->command == XTN_CT_VERSION) {
		printf("conntrack v%s (conntrack-tools)\n", XTN_CT_COMPAT_VERSION);
		return 0;
	}
	if (c->command == XTN_CT_HELP || !c->command) {
		xtn_ct_help(out, prog, c);
		render_flush(out);
		return 0;
	}
	if (c->command & (XTN_CT_EVENT | XTN_EXP_EVENT))
		install_signals();
	ret = xtn_ct_run(ctx, c, &io, &counter);
	render_flush(out);
	if (ret == 0) {
		/* notices the run gave go out before the summary */
		render_ct_diag(&ctx->diag);
		xtn_diag_rewind(&ctx->diag, 0);
	}
	if (c->command & (XTN_CT_FLUSH | XTN_EXP_FLUSH)) {
		fflush(stdout);
		fprintf(stderr, CT_BANNER "%s table has been emptied.\n",
			c->command == XTN_CT_FLUSH ? "connection tracking" : "expectation");
	}
	if (ret < 0)
		return -1;
	/* what went wrong on the way (-U's vanished entries) comes before
	 * the summary */
	render_ct_diag(&ctx->diag);
	xtn_diag_rewind(&ctx->diag, 0);
	fmt = summary(c->command);
	if (!fmt || batch)
		return 0;
	fflush(stdout);
	fputs(CT_BANNER, stderr);
	fprintf(stderr, fmt, counter);
	/* nothing matched is a failure, but for a listing, events and for
	 * -A finding its entry already there */
	return counter == 0 &&
	       !(c->command & (XTN_CT_LIST | XTN_EXP_LIST | XTN_CT_EVENT |
			       XTN_EXP_EVENT | XTN_CT_ADD)) ? 1 : 0;
}

#define LOAD_MAXARGS 255
#define LOAD_MAXPARAM 1024

/* the commands a -R line may hold; the others by 1.4.7's names for them
 * (its table calls expectation create "-C expect") */
static int load_check(struct xtn_ctx *ctx, const struct xtn_ct_cmd *c)
{
	static const struct { uint32_t cmd; const char *text; } names[] = {
		{ XTN_CT_LIST, "-L" }, { XTN_CT_GET, "-G" }, { XTN_CT_EVENT, "-E" },
		{ XTN_CT_VERSION, "-V" }, { XTN_CT_HELP, "-h" },
		{ XTN_EXP_LIST, "-L expect" }, { XTN_EXP_CREATE, "-C expect" },
		{ XTN_EXP_DELETE, "-D expect" }, { XTN_EXP_GET, "-G expect" },
		{ XTN_EXP_FLUSH, "-F expect" }, { XTN_EXP_EVENT, "-E expect" },
		{ XTN_CT_COUNT, "-C" }, { XTN_EXP_COUNT, "-C expect" },
		{ XTN_CT_STATS, "-S" }, { XTN_EXP_STATS, "-S expect" },
	};
	const char *text = "unknown";
	size_t i;

	if (c->command & (XTN_CT_CREATE | XTN_CT_ADD | XTN_CT_UPDATE |
			  XTN_CT_DELETE | XTN_CT_FLUSH))
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].cmd == c->command)
			text = names[i].text;
	return xtn_fail(&ctx->diag, XTN_PARAM, NULL,
			"Cannot use command `%s' with --load-file", text);
}

static int start_word(struct xtn_ctx *ctx, char **words, int *argc, char *at)
{
	if (*argc + 1 >= LOAD_MAXARGS)
		return xtn_fail(&ctx->diag, XTN_PARAM, NULL, "too many arguments");
	words[(*argc)++] = at;
	return 0;
}

/* one line into words in place, as 1.4.7 splits them: blanks separate,
 * "..." quotes with \ escapes inside; leading blanks, empty lines and
 * #-comments give no words (-1 on a word or line too long) */
static int split_line(struct xtn_ctx *ctx, char *line, char *prog,
		      char **words, int *argc)
{
	bool quote = false, esc = false, inword = false;
	char *in = line + strspn(line, " \t"), *out;

	*argc = 0;
	if (*in == '\n' || *in == '#' || *in == '\0')
		return 0;
	words[(*argc)++] = prog;
	for (out = in; *in; in++) {
		if (quote && esc) {
			esc = false;
		} else if (quote && *in == '\\') {
			esc = true;
			continue;
		} else if (*in == '"') {
			quote = !quote;
			if (!inword && start_word(ctx, words, argc, out) < 0)
				return -1;
			inword = true;
			continue;
		} else if (!quote && (*in == ' ' || *in == '\t' || *in == '\n')) {
			if (inword) {
				*out++ = '\0';
				inword = false;
			}
			continue;
		}
		if (!inword && start_word(ctx, words, argc, out) < 0)
			return -1;
		inword = true;
		if ((size_t)(out - words[*argc - 1]) + 1 >= LOAD_MAXPARAM)
			return xtn_fail(&ctx->diag, XTN_PARAM, NULL,
					"Parameter too long!");
		*out++ = *in;
	}
	if (inword)
		*out = '\0';
	words[*argc] = NULL;
	return 0;
}

/* every line of the file, parsed, as 1.4.7 does before it runs any */
static int read_cmds(struct xtn_ctx *ctx, FILE *f, char *prog,
		     struct xtn_ct_cmd **cmds, size_t *n)
{
	char *line = NULL, *words[LOAD_MAXARGS];
	size_t cap = 0, lcap = 0, i;
	int argc, ret = 0;

	*cmds = NULL;
	*n = 0;
	while (ret == 0 && getline(&line, &lcap, f) >= 0) {
		ret = split_line(ctx, line, prog, words, &argc);
		if (ret < 0 || argc == 0)
			continue;
		if (*n == cap) {
			struct xtn_ct_cmd *m;

			cap = cap ? cap * 2 : 16;
			m = realloc(*cmds, cap * sizeof(**cmds));
			if (!m) {
				ret = xtn_fail(&ctx->diag, XTN_OTHER, NULL, "OOM");
				break;
			}
			*cmds = m;
		}
		ret = xtn_ct_parse(ctx, argc, words, &(*cmds)[*n]);
		if (ret == 0)
			(*n)++;
	}
	free(line);
	for (i = 0; ret == 0 && i < *n; i++)
		ret = load_check(ctx, &(*cmds)[i]);
	return ret;
}

static int load_file(struct xtn_ctx *ctx, const char *path, char *prog,
		     struct xtn_strbuf *out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct xtn_ct_cmd *cmds;
	size_t i, n;
	int status = 0;

	if (!f)
		return xtn_fail(&ctx->diag, XTN_PARAM, NULL,
				"Failed to open file %s for reading", path);
	status = read_cmds(ctx, f, prog, &cmds, &n);
	if (f != stdin)
		fclose(f);
	for (i = 0; status == 0 && i < n; i++)
		status = run(ctx, &cmds[i], out, prog, true);
	free(cmds);
	return status;
}

int tool_conntrack(const struct xtn_tool *t, int argc, char **argv)
{
	struct xtn_ct_cmd cmd;
	struct xtn_strbuf out;
	struct xtn_ctx ctx;
	int status = 0;

	xtn_ctx_init(&ctx, t->fam);
	xtn_strbuf_init(&out);
	if (argc >= 3 && (strcmp(argv[1], "-R") == 0 ||
			  strcmp(argv[1], "--load-file") == 0)) {
		status = load_file(&ctx, argv[2], argv[0], &out);
	} else if (xtn_ct_parse(&ctx, argc, argv, &cmd) == 0) {
		render_ct_diag(&ctx.diag);
		xtn_diag_rewind(&ctx.diag, 0);
		status = run(&ctx, &cmd, &out, argv[0], false);
	}
	if (status >= 0)
		status = status > 0 ? status : render_ct_diag(&ctx.diag);
	else
		status = render_ct_diag(&ctx.diag);
	xtn_strbuf_fini(&out);
	xtn_ctx_fini(&ctx);
	return status;
}
