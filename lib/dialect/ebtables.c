/* PLACEHOLDER on the seam branch: the ebtables dialect is being written. */
#include <xtnft/ctx.h>
#include <xtnft/diag.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/print.h>
#include "engine.h"

static enum xtn_parse_result eb_parse(struct xtn_ctx *ctx, int argc,
					char **argv,
					const struct xtn_parse_opts *po,
					struct xtn_cmd **out,
					struct xtn_strbuf *stdout_text)
{
	(void)argc; (void)argv; (void)po; (void)stdout_text;
	*out = NULL;
	xtn_fail(&ctx->diag, XTN_PARAM, NULL, "ebtables: not written yet");
	return XTN_PARSED_ERROR;
}

static const char *eb_progname(const struct xtn_family *fam)
{
	(void)fam;
	return "ebtables";
}

const struct xtn_dialect xtn_dialect_ebtables = {
	.name = "ebtables",
	.parse = eb_parse,
	.check_chain_name = xtn_ipt_check_chain_name,
	.opts = NULL,
	.progname = eb_progname,
	.printer = &xtn_printer_iptables,
};
