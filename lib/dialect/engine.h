/*
 * The command engine every dialect parses with: the getopt loop state,
 * argv locations for messages, loading extensions into the option set,
 * handing their options to the descriptors, and their final checks.  A
 * dialect (iptables.c, ebtables.c) keeps only its own tables and the
 * options whose meaning is its own.
 */
#ifndef XTNFT_DIALECT_ENGINE_H
#define XTNFT_DIALECT_ENGINE_H

#include <stdarg.h>
#include <stdbool.h>
#include <xtnft/diag.h>
#include <xtnft/dialect.h>
#include <xtnft/ext.h>
#include <xtnft/opt.h>

struct xtn_ctx;
struct xtn_cmd;
struct xtn_rule;
struct xtn_family;
struct xtn_strbuf;

struct xtn_ps {
	struct xtn_ctx *ctx;
	const struct xtn_parse_opts *po;
	const struct xtn_family *fam;
	struct xtn_cmd *cmd;
	struct xtn_rule *rule;
	struct xtn_optset set;
	struct xtn_getopt g;
	struct xtn_ext_inst **groups;	/* loaded extensions, by option group */
	const struct xtn_ext **group_ext;	/* each group's descriptor */
	unsigned int n_groups, cap_groups;
	bool invert;
	int invert_at;		/* argv index of that `!` */
	const char *table;
	const char *chain;
	struct xtn_strbuf *stdout_text;
};

void xtn_ps_init(struct xtn_ps *ps, struct xtn_ctx *ctx,
		 const struct xtn_parse_opts *po, int argc, char **argv,
		 const struct xtn_longopt *opts, const char *shortopts,
		 struct xtn_strbuf *stdout_text);
void xtn_ps_fini(struct xtn_ps *ps);

/* The argv words of the option being parsed (a `!` before it included). */
struct xtn_loc xtn_ps_loc(const struct xtn_ps *ps);
/* A parameter problem at the current option: always -1. */
int xtn_ps_param(struct xtn_ps *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int xtn_ps_vparam(struct xtn_ps *ps, const char *fmt, va_list ap);
/* The next word if it is an optional argument (not an option), else NULL. */
const char *xtn_ps_next_arg(struct xtn_ps *ps);
void xtn_ps_set_chain(struct xtn_ps *ps, const char *chain);

/* Load ext: a new instance whose options join the active set. */
struct xtn_ext_inst *xtn_ps_load(struct xtn_ps *ps, const struct xtn_ext *ext);
/* ebtables: ext's options are known from the start; its instance (groups[]
 * of the returned group) is made by the dialect at its first option. */
unsigned int xtn_ps_preload(struct xtn_ps *ps, const struct xtn_ext *ext);
/* The parse state a descriptor sees for option o of inst. */
void xtn_ps_parse_init(struct xtn_ps *ps, struct xtn_parse *xp,
		       struct xtn_ext_inst *inst, const struct xtn_optdef *o,
		       const char *arg);
/* getopt returned an extension's option value c: parse it. */
int xtn_ps_ext_option(struct xtn_ps *ps, int c);
/* Parse a base-match option (by short letter, or long name when letter
 * is 0) into the rule's base instance. */
int xtn_ps_base_option(struct xtn_ps *ps, char letter, const char *name,
		       const char *arg);
/* After the loop: each loaded extension's final checks, then the base
 * match's (which expands address lists and the like). */
int xtn_ps_final_exts(struct xtn_ps *ps);
int xtn_ps_final_base(struct xtn_ps *ps);

#endif
