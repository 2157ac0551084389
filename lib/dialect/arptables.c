/* PLACEHOLDER on the seam branch: the arptables dialect is being written. */
#include <xtnft/ctx.h>
#include <xtnft/diag.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/print.h>
#include "engine.h"

static enum xtn_parse_result arp_parse(struct xtn_ctx *ctx, int argc,
					char **argv,
					const struct xtn_parse_opts *po,
					struct xtn_cmd **out,
					struct xtn_strbuf *stdout_text)
{
	(void)argc; (void)argv; (void)po; (void)stdout_text;
	*out = NULL;
	xtn_fail(&ctx->diag, XTN_PARAM, NULL, "arptables: not written yet");
	return XTN_PARSED_ERROR;
}

static const char *arp_progname(const struct xtn_family *fam)
{
	(void)fam;
	return "arptables";
}

const struct xtn_dialect xtn_dialect_arptables = {
	.name = "arptables",
	.parse = arp_parse,
	.check_chain_name = xtn_ipt_check_chain_name,
	.opts = NULL,
	.progname = arp_progname,
	.printer = &xtn_printer_iptables,
};
