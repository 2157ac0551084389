/* conntrack: parse like conntrack-tools 1.4.7, run it, and print its
 * summary line and messages with its exit status. */
#include <signal.h>
#include <stdio.h>
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

static void flush_out(void *data, struct xtn_strbuf *out)
{
	(void)data;
	render_flush(out);
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
	case XTN_EXP_LIST: case XTN_EXP_DELETE: return "%u expectations have been shown.\n";
	case XTN_CT_ADD: return "%u flow entries have been added.\n";
	default: return NULL;
	}
}

static int render_ct_diag(const struct xtn_diag *d)
{
	unsigned int i;

	fflush(stdout);
	for (i = 0; i < d->n_warnings; i++)
		fprintf(stderr, "%s\n", d->warnings[i]);
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

static int run(struct xtn_ctx *ctx, const struct xtn_ct_cmd *c,
	       struct xtn_strbuf *out, const char *prog)
{
	struct xtn_ct_io io = { .out = out, .flush = flush_out, .stop = &ct_stop };
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
	if (c->command == XTN_CT_EVENT)
		install_signals();
	ret = xtn_ct_run(ctx, c, &io, &counter);
	render_flush(out);
	if (c->command == XTN_CT_FLUSH) {
		fflush(stdout);
		fputs(CT_BANNER "connection tracking table has been emptied.\n", stderr);
	}
	if (ret < 0)
		return -1;
	/* what went wrong on the way (-U's vanished entries) comes before
	 * the summary */
	render_ct_diag(&ctx->diag);
	xtn_diag_rewind(&ctx->diag, 0);
	fmt = summary(c->command);
	if (!fmt)
		return 0;
	fflush(stdout);
	fputs(CT_BANNER, stderr);
	fprintf(stderr, fmt, counter);
	/* nothing matched is a failure, but for a listing and for -A
	 * finding its entry already there */
	return counter == 0 &&
	       !(c->command & (XTN_CT_LIST | XTN_EXP_LIST | XTN_CT_ADD)) ? 1 : 0;
}

int tool_conntrack(const struct xtn_tool *t, int argc, char **argv)
{
	struct xtn_ct_cmd cmd;
	struct xtn_strbuf out;
	struct xtn_ctx ctx;
	int status = 0;

	xtn_ctx_init(&ctx, t->fam);
	xtn_strbuf_init(&out);
	if (xtn_ct_parse(&ctx, argc, argv, &cmd) == 0) {
		render_ct_diag(&ctx.diag);
		xtn_diag_rewind(&ctx.diag, 0);
		status = run(&ctx, &cmd, &out, argv[0]);
	}
	if (status >= 0)
		status = status > 0 ? status : render_ct_diag(&ctx.diag);
	else
		status = render_ct_diag(&ctx.diag);
	xtn_strbuf_fini(&out);
	xtn_ctx_fini(&ctx);
	return status;
}
