/*
 * Dialects: a tool's command line (or restore line) turned into a command.
 * Pure: no kernel access, names resolve through the ctx's resolver.
 */
#ifndef XTNFT_DIALECT_H
#define XTNFT_DIALECT_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_ctx;
struct xtn_cmd;
struct xtn_strbuf;

struct xtn_parse_opts {
	bool restore;		/* the line comes from iptables-restore */
	uint32_t line;		/* restore line number */
	int arg_offset;		/* argv words the caller prepended */
	const char *prog;	/* name used in messages that quote it */
};

enum xtn_parse_result {
	XTN_PARSED_CMD,		/* *out holds the command */
	XTN_PARSED_EXIT,	/* -h / -V: text is in the output, exit 0 */
	XTN_PARSED_IGNORE,	/* restore: a -4/-6 line for the other family */
	XTN_PARSED_ERROR = -1,
};

enum xtn_parse_result xtn_ipt_parse(struct xtn_ctx *ctx, int argc, char **argv,
				    const struct xtn_parse_opts *po,
				    struct xtn_cmd **out,
				    struct xtn_strbuf *stdout_text);

struct xtn_diag;
struct xtn_loc;
/* 0 if name may be a user chain's name; else -1 with 1.8.9's message for
 * it (status 2).  A restore declaration (":NAME - [0:0]") is only kept
 * from clashing with the standard targets, as in 1.8.9. */
int xtn_ipt_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			     const char *name, bool declaration);

struct xtn_longopt;
/* The tool's own long options (NULL-name terminated), for docs/completions. */
const struct xtn_longopt *xtn_ipt_options(void);

/* Program names as iptables prints them in messages. */
const char *xtn_ipt_progname(const struct xtn_ctx *ctx);

#endif
