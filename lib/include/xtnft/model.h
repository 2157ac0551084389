/*
 * The family-independent rule model and the commands built from argv or
 * restore lines.  No transport types here.
 */
#ifndef XTNFT_MODEL_H
#define XTNFT_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include "diag.h"
#include "list.h"
#include "netaddr.h"

struct xtn_ext;
struct xtn_family;

/* A match or target instance: a descriptor plus its private data block. */
struct xtn_ext_inst {
	struct xtn_list node;
	const struct xtn_ext *ext;
	uint32_t seen;		/* ids of the options given */
	bool has_loc;
	struct xtn_loc loc;	/* the -m/-p/-j that loaded it */
	/* where each option was given: parsed rules only (decoded ones,
	 * thousands in a -D or -C, carry none) */
	struct xtn_loc *opt_loc;	/* XTN_MAX_OPT_IDS entries, or NULL */
	void *data;		/* ext->data_size bytes */
	/* a parsed base match that stands for several rules (iptables'
	 * -s/-d lists): its ext->expand_* state; clones carry none */
	void *expand;
};

/* Option ids index the 32-bit `seen` set. */
#define XTN_MAX_OPT_IDS 32

/* Record that option `id` was given, at loc (NULL: where does not matter,
 * as for restore lines, whose kernel errors name the line). */
void xtn_inst_note_opt(struct xtn_ext_inst *inst, unsigned int id,
		       const struct xtn_loc *loc);

enum xtn_verdict {
	XTN_V_NONE,		/* no -j: fall through */
	XTN_V_ACCEPT,
	XTN_V_DROP,
	XTN_V_RETURN,
	XTN_V_JUMP,
	XTN_V_GOTO,
	XTN_V_TARGET,		/* an extension target decides */
};

struct xtn_rule {
	const struct xtn_family *fam;
	struct xtn_ext_inst *base;	/* -s -d -i -o -p -f */
	/* of xtn_ext_inst, in rule order; ebtables' watchers (--log,
	 * --nflog) among them where they were given, as 1.8.9 writes them:
	 * "--log --mark 1" logs every frame, "--mark 1 --log" marked ones */
	struct xtn_list matches;
	struct xtn_ext_inst *target;	/* when verdict == XTN_V_TARGET */
	enum xtn_verdict verdict;
	char *chain;			/* jump/goto destination */
	uint64_t pkts, bytes;
	bool has_counters;		/* -c given */
	uint64_t handle;		/* kernel handle, 0 if none */
	char *undecodable;		/* why the kernel rule could not be read */
	struct xtn_loc loc;
};

struct xtn_ext_inst *xtn_inst_new(const struct xtn_ext *ext,
				  const struct xtn_family *fam);
struct xtn_ext_inst *xtn_inst_clone(const struct xtn_ext_inst *inst);
void xtn_inst_free(struct xtn_ext_inst *inst);
bool xtn_inst_equal(const struct xtn_ext_inst *a, const struct xtn_ext_inst *b);

struct xtn_rule *xtn_rule_new(const struct xtn_family *fam);
/* The rule's -p value as the base match states it (0: none), and whether
 * it is inverted. */
unsigned int xtn_rule_l4proto(const struct xtn_rule *r, bool *inverted);
struct xtn_rule *xtn_rule_clone(const struct xtn_rule *r);
void xtn_rule_free(struct xtn_rule *r);
void xtn_rule_add_match(struct xtn_rule *r, struct xtn_ext_inst *m);
struct xtn_ext_inst *xtn_rule_last_match(const struct xtn_rule *r,
					 const struct xtn_ext *ext);
void xtn_rule_set_jump(struct xtn_rule *r, enum xtn_verdict v,
		       const char *chain);
/* Decoded rules compare equal when iptables would call them the same rule. */
bool xtn_rule_equal(const struct xtn_rule *a, const struct xtn_rule *b);
unsigned int xtn_rule_count_matches(const struct xtn_rule *r);

/* Bit values follow iptables' CMD_* so "-X with -Y" messages map directly. */
enum xtn_cmd_op {
	XTN_CMD_NONE = 0,
	XTN_CMD_INSERT = 1 << 0,
	XTN_CMD_DELETE = 1 << 1,
	XTN_CMD_DELETE_NUM = 1 << 2,
	XTN_CMD_REPLACE = 1 << 3,
	XTN_CMD_APPEND = 1 << 4,
	XTN_CMD_LIST = 1 << 5,
	XTN_CMD_FLUSH = 1 << 6,
	XTN_CMD_ZERO = 1 << 7,
	XTN_CMD_NEW_CHAIN = 1 << 8,
	XTN_CMD_DELETE_CHAIN = 1 << 9,
	XTN_CMD_SET_POLICY = 1 << 10,
	XTN_CMD_RENAME_CHAIN = 1 << 11,
	XTN_CMD_LIST_RULES = 1 << 12,
	XTN_CMD_ZERO_NUM = 1 << 13,
	XTN_CMD_CHECK = 1 << 14,
	/* restore only */
	XTN_CMD_TABLE_FLUSH = 1 << 16,	/* "*table" without --noflush */
	XTN_CMD_CHAIN_DECL = 1 << 17,	/* ":CHAIN POLICY [p:b]" */
	XTN_CMD_COMMIT = 1 << 18,	/* "COMMIT" */
};

/* Listing format bits, iptables' FMT_* in meaning. */
enum xtn_list_fmt {
	XTN_FMT_NUMERIC = 1 << 0,
	XTN_FMT_NOCOUNTS = 1 << 1,	/* no pkts/bytes columns */
	XTN_FMT_KMG = 1 << 2,		/* K/M/G scaling (no -x) */
	XTN_FMT_OPTIONS = 1 << 3,	/* the opt column */
	XTN_FMT_NOTABLE = 1 << 4,	/* "-v" echo of a modified rule */
	XTN_FMT_NOTARGET = 1 << 5,
	XTN_FMT_VIA = 1 << 6,		/* in/out columns */
	XTN_FMT_NONEWLINE = 1 << 7,
	XTN_FMT_LINENUMBERS = 1 << 8,
	XTN_FMT_VERBOSE = 1 << 9,	/* -v given */
	XTN_FMT_EXACT = 1 << 10,	/* -x given */
	XTN_FMT_COUNTERS = 1 << 11,	/* ebtables --Lc */
};

/* One command: what a single iptables invocation or restore line asks for. */
struct xtn_cmd {
	struct xtn_list node;
	unsigned int op;	/* enum xtn_cmd_op, LIST/LIST_RULES may add ZERO */
	const struct xtn_family *fam;
	char *table;
	char *chain;
	char *newname;		/* -E */
	char *policy;		/* -P, chain declarations ("-" for user chains) */
	unsigned int rulenum;	/* 1-based; 0 = none */
	unsigned int rulenum_end;	/* ebtables -D N:M (0: to the last) */
	unsigned int verbose;
	unsigned int fmt;	/* enum xtn_list_fmt */
	struct xtn_rule *rule;	/* the rule as given (its base match may
				 * stand for several: xtn_cmd_rule_count) */
	bool counters_set;	/* -c / [p:b] */
	uint32_t wait_ms;	/* -w: how long to wait out other writers */
	uint64_t pkts, bytes;
	struct xtn_loc loc;
	struct xtn_loc chain_loc;
	struct xtn_loc jump_loc;
};

/* The most rules one command may stand for (-s and -d lists expand). */
#define XTN_MAX_RULES_PER_CMD 65536u

struct xtn_cmd *xtn_cmd_new(const struct xtn_family *fam);
void xtn_cmd_free(struct xtn_cmd *c);
/* The rules a command stands for, as its base match expands (iptables:
 * the -s x -d cartesian product, source-major). */
unsigned int xtn_cmd_rule_count(const struct xtn_cmd *c);
struct xtn_rule *xtn_cmd_rule_at(const struct xtn_cmd *c, unsigned int i);
/* The same, for a command that runs once: its only rule is handed over
 * (no copy), and the command keeps none. */
struct xtn_rule *xtn_cmd_take_rule(struct xtn_cmd *c, unsigned int i);

#endif
