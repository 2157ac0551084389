/*
 * iptables 1.8.9's do_parse(), the command line iptables, ip6tables and
 * arptables share (xshared.c).  What differs between them is a profile:
 * the option letters, the getopt tables, the help, and a few hooks for
 * the options only one of them has.
 */
#ifndef XTNFT_DIALECT_XSHARED_H
#define XTNFT_DIALECT_XSHARED_H

#include <stdbool.h>
#include <stdint.h>
#include "engine.h"

struct xtn_family;

/* 1.8.9's OPT_* bits, in its order: iptables' twelve, then arptables'. */
enum {
	XS_OPT_NUMERIC = 1 << 0,
	XS_OPT_SOURCE = 1 << 1,
	XS_OPT_DESTINATION = 1 << 2,
	XS_OPT_PROTOCOL = 1 << 3,
	XS_OPT_JUMP = 1 << 4,
	XS_OPT_VERBOSE = 1 << 5,
	XS_OPT_EXPANDED = 1 << 6,
	XS_OPT_VIANAMEIN = 1 << 7,
	XS_OPT_VIANAMEOUT = 1 << 8,
	XS_OPT_LINENUMBERS = 1 << 9,
	XS_OPT_COUNTERS = 1 << 10,
	XS_OPT_FRAGMENT = 1 << 11,
	XS_OPT_S_MAC = 1 << 12,
	XS_OPT_D_MAC = 1 << 13,
	XS_OPT_H_LENGTH = 1 << 14,
	XS_OPT_OPCODE = 1 << 15,
	XS_OPT_H_TYPE = 1 << 16,
	XS_OPT_P_TYPE = 1 << 17,
};

/* The command options every profile's long options start with. */
#define XS_COMMAND_LONGOPTS \
	{ "append", 1, 'A' }, { "delete", 1, 'D' }, { "check", 1, 'C' }, \
	{ "insert", 1, 'I' }, { "replace", 1, 'R' }, { "list", 2, 'L' }, \
	{ "list-rules", 2, 'S' }, { "flush", 2, 'F' }, { "zero", 2, 'Z' }, \
	{ "new-chain", 1, 'N' }, { "delete-chain", 2, 'X' }, \
	{ "rename-chain", 1, 'E' }, { "policy", 1, 'P' }

/* iptables' OPT_* bits: twelve, and arptables adds six after -f. */
#define XS_IPT_OPTS 12
#define XS_MAX_OPTS 18

struct xs;

/* What the option handlers answer besides 0 (done) and -1 (error). */
enum {
	XS_PENDING = 1,		/* the word is read again, a ! stays pending */
	XS_NOT_MINE = 2,	/* not this handler's option */
	XS_IGNORE_LINE = 3,	/* restore: a line for the other family */
	XS_EXIT = 4,		/* -h/-V: the text is out */
};

struct xs_profile {
	/* each OPT bit's letter in messages (arptables' long-only options
	 * have the control characters 1.8.9 prints for them); the bits
	 * after iptables' twelve go with the rule commands only */
	const char *optflags;
	unsigned int n_opts;
	uint32_t invertible;	/* OPT bits a ! may precede */
	const struct xtn_longopt *longopts;
	const char *shortopts;
	/* "-s ! addr": arptables reads it as "! -s addr", with a warning */
	bool bang_after;
	/* an empty -i/-o name: arptables only warns */
	bool empty_iface_warns;
	const char *(*progname)(const struct xtn_family *fam);
	/* -j NAME that 1.8.9 knows but xtnft does not implement */
	bool (*unsupported_target)(const char *name);
	/* the usage text and extension helps of -h */
	void (*help)(struct xs *p);
	/* an option of the dialect's own (its number, or a getopt value of
	 * its long-only options): 2 if it is none of them */
	int (*option)(struct xs *p, int c);
	/* checks of its own after the loop, before the extensions' */
	int (*checks)(struct xs *p);
};

/* The parse state: the engine's, plus do_parse()'s own. */
struct xs {
	struct xtn_ps ps;
	const struct xs_profile *prof;
	unsigned int command;
	unsigned int options;
	bool proto_used;
	char *protocol;
	const char *jumpto;
	const struct xtn_ext *target_ext;	/* loaded by -j, for -h */
	bool table_set;
	bool wait, wait_interval;	/* iptables' -w, -W */
};

enum xtn_parse_result xs_parse(const struct xs_profile *prof,
			       struct xtn_ctx *ctx, int argc, char **argv,
			       const struct xtn_parse_opts *po,
			       struct xtn_cmd **out,
			       struct xtn_strbuf *stdout_text);

/* Helpers for the profiles' hooks. */
int xs_set_option(struct xs *p, unsigned int option);
/* The base match option `letter` (or long `name`), after set_option. */
int xs_base_option(struct xs *p, unsigned int option, char letter,
		   const char *name, const char *arg);
/* arptables' "--option ! value" (a no-op for the other profiles). */
int xs_check_inverse(struct xs *p);
/* 1.8.9 reads -s -d -i -o -p -j as the whole last word (see xshared.c). */
const char *xs_last_word(const struct xs *p);
/* Who help and version speak for: a restore names itself. */
const char *xs_tool_name(const struct xs *p);
/* -p: lower-cased in place, as iptables does; the copy is kept. */
const char *xs_protocol(struct xs *p, const char *arg);
/* "name" clashes with a target 1.8.9 can load: the chain-name rule. */
int xs_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			const char *name, bool declaration,
			bool (*clashes)(const char *name));
bool xs_is_standard_target(const char *name);
/* The words a -j/-g target name may be: -1 with 1.8.9's message. */
int xs_parse_target_name(struct xs *p, const char *name);

/* The pieces of the usage text the profiles share (iptables_help.c). */
void xs_usage_commands(struct xtn_strbuf *sb, const char *name);
void xs_usage_iface_jump(struct xtn_strbuf *sb);
void xs_usage_options(struct xtn_strbuf *sb);
void xs_usage_tail(struct xtn_strbuf *sb);

#endif
