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

typedef enum xtn_parse_result (*xtn_parse_fn)(struct xtn_ctx *ctx, int argc,
					     char **argv,
					     const struct xtn_parse_opts *po,
					     struct xtn_cmd **out,
					     struct xtn_strbuf *stdout_text);

struct xtn_diag;
struct xtn_loc;
struct xtn_longopt;
struct xtn_printer;
struct xtn_family;

/*
 * A dialect: how one tool family (iptables/ip6tables, ebtables, arptables)
 * reads a command line or restore line and prints rules, as named data
 * the tools and the restore parser go through.  The family profile
 * (family.h) points at its dialect.
 */
struct xtn_dialect {
	const char *name;	/* the tool stem: "iptables", "ebtables", ... */
	xtn_parse_fn parse;
	/* 0 if name may be a user chain's name; else -1 with the tool's
	 * message (status 2).  A restore declaration (":NAME - [0:0]") may
	 * be held to a looser rule, as 1.8.9 does. */
	int (*check_chain_name)(struct xtn_diag *d, const struct xtn_loc *loc,
				const char *name, bool declaration);
	/* the tool's own long options (NULL-name terminated) and its
	 * getopt short option string; NULL: every option whose value is a
	 * letter or digit other than '0' is also a short option (the
	 * completions read it: tools/xtnft-gen) */
	const struct xtn_longopt *opts;
	const char *shortopts;
	/* the program name messages quote, per family */
	const char *(*progname)(const struct xtn_family *fam);
	const struct xtn_printer *printer;
	/* restore: chain declarations carry [pkts:bytes] with -c, and a
	 * table ends with COMMIT (ebtables-save writes none) */
	bool restore_chain_counters;
	bool restore_needs_commit;
	/* "iptables: Chain already exists." ends with a period, ebtables'
	 * "ebtables: Chain already exists" does not */
	bool errno_period;
	/* the -restore tool's options (NULL: iptables-restore's), and what
	 * it prints after getopt's complaint (NULL: "Try `PROG -h' for more
	 * information.") */
	const struct xtn_longopt *restore_opts;
	const char *restore_shortopts;
	const char *restore_bad_option;
	/* ebtables-restore reports a refusal the command met (errno) as
	 * "PROG: final implicit COMMIT failed", and a line outside a table
	 * as "line N failed" and this */
	bool restore_commit_failed;
	const char *restore_no_table;
	/* restore reads no options at all: every argument is ignored and
	 * the input is stdin (arptables-restore 1.8.9) */
	bool restore_ignores_args;
	/* the name restore's messages use whatever argv[0] is (NULL: its
	 * base name, as iptables-restore) */
	const char *restore_prog;
	/* the save tool's options and short option string (NULL: those of
	 * iptables-save) */
	const struct xtn_longopt *save_opts;
	const char *save_shortopts;
};

extern const struct xtn_dialect xtn_dialect_iptables;
extern const struct xtn_dialect xtn_dialect_ebtables;
extern const struct xtn_dialect xtn_dialect_arptables;

/* The dialect of the ctx's family. */
const struct xtn_dialect *xtn_dialect_of(const struct xtn_ctx *ctx);

/* The iptables dialect's parser and chain-name rule (tests call them). */
enum xtn_parse_result xtn_ipt_parse(struct xtn_ctx *ctx, int argc, char **argv,
				    const struct xtn_parse_opts *po,
				    struct xtn_cmd **out,
				    struct xtn_strbuf *stdout_text);

int xtn_ebt_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			     const char *name, bool declaration);
int xtn_ipt_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			     const char *name, bool declaration);

#endif
