/* iptables, ip6tables, ebtables, arptables: parse one command line in the
 * family's dialect, run it as one transaction. */
#include <stdio.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/exec.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include <xtnft/tools.h>
#include "tools.h"

static int run_body(struct xtn_exec *ex, void *cmd)
{
	return xtn_exec_cmd(ex, cmd);
}

static int run_cmd(struct xtn_ctx *ctx, struct xtn_cmd *cmd,
		   struct xtn_strbuf *out)
{
	struct xtn_exec *ex = xtn_exec_new(ctx, out, 0);
	int ret = xtn_exec_run(ex, run_body, cmd);

	xtn_exec_free(ex);
	return ret;
}

int tool_run(const struct xtn_tool *t, int argc, char **argv)
{
	struct xtn_parse_opts po = { .prog = NULL };
	struct xtn_cmd *cmd = NULL;
	struct xtn_strbuf out;
	struct xtn_ctx ctx;
	const char *prog;
	int status;

	xtn_ctx_init(&ctx, t->fam);
	prog = t->fam->dialect->progname(t->fam);
	po.prog = prog;
	xtn_strbuf_init(&out);
	switch (t->fam->dialect->parse(&ctx, argc, argv, &po, &cmd, &out)) {
	case XTN_PARSED_EXIT:
		render_flush(&out);
		break;
	case XTN_PARSED_CMD:
		ctx.wait_ms = cmd->wait_ms;
		if (xtn_exec_known_table(&ctx, cmd->table) == 0)
			run_cmd(&ctx, cmd, &out);
		render_flush(&out);
		if (cmd->op & (XTN_CMD_LIST | XTN_CMD_LIST_RULES))
			render_legacy_warning(t->fam, false);
		break;
	default:
		break;
	}
	status = render_diag(&ctx.diag, t->fam->dialect, prog, false);
	if (cmd && cmd->verbose)
		render_kernel_origin(&ctx.diag, argc, argv);
	xtn_cmd_free(cmd);
	xtn_strbuf_fini(&out);
	xtn_ctx_fini(&ctx);
	return status;
}
