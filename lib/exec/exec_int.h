/* Internals shared by the exec/ files: the transaction's view of the kernel. */
#ifndef XTNFT_EXEC_INT_H
#define XTNFT_EXEC_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <xtnft/codec.h>
#include <xtnft/exec.h>
#include <xtnft/ext.h>
#include <xtnft/hmap.h>
#include <xtnft/nl.h>
#include <xtnft/util.h>

struct xtn_table_def;
struct xtn_chain_def;
struct nftnl_chain;
struct nftnl_rule;

/* A rule as this transaction sees it: in the kernel, or queued.  One per
 * rule of every chain a command or a restore touches (pointers first:
 * 40 bytes, no padding). */
struct xrule {
	uint64_t handle;	/* kernel rule; 0 when queued in this batch */
	void *raw;		/* kernel nlmsg, decoded on demand */
	struct xtn_rule *model;
	uint32_t raw_len;
	uint32_t rule_id;	/* NFTA_RULE_ID when queued */
	uint32_t line, index;	/* restore source, to rebuild the model */
};

struct xrules {
	struct xrule *v;
	unsigned int n, cap;
};

struct xchain {
	char *name;
	bool known;		/* the kernel's state of it has been read */
	bool exists;		/* as of now: kernel state plus queued changes */
	bool in_kernel;		/* fetched from the kernel (so it has rules there) */
	bool builtin;		/* a base chain matching the family profile */
	bool tainted;		/* a foreign base chain using this name */
	/* renamed to this name in this batch: the kernel only resolves the
	 * new name after commit, so nothing may use it yet */
	bool renamed_here;
	/* a base chain of a table flushed again in this batch: it goes at
	 * COMMIT unless the block declares or uses it */
	bool stale;
	uint64_t handle;
	bool has_policy;
	uint32_t policy;
	/* kept by a restore's ":CHAIN -" before the kernel's was read: what
	 * the kernel has when it is read (ACCEPT if it has no such chain) */
	bool policy_unread;
	/* made by this batch after the table's chains were first listed in
	 * order: the how-manieth (0: not so), see xt_chains_sorted */
	uint32_t made;
	uint64_t pkts, bytes;
	uint32_t use;
	/* rule view; head inserts wait in pre (the newest last), appends to an
	 * unknown view in post, until a command needs positions */
	bool view_known;
	struct xrules rules, pre, post;
	/* ebtables user chains: the kernel's policy rule (0: none), and
	 * whether this batch took it out to put it back at the end */
	uint64_t eb_policy_handle;
	bool eb_taken;
};

struct xt_tsets;

struct xtable {
	char *name;
	const struct xtn_table_def *def;
	int exists;		/* -1 unknown, 0 no, 1 yes (now) */
	bool flushed;		/* kernel content deleted in this batch */
	bool rules_flushed;	/* every kernel rule deleted in this batch */
	/* flushed again in this batch and kept only so that its base chains'
	 * hooks are not registered anew; nothing since has used it */
	bool kept;
	bool all_chains;	/* every chain of the table is in the map */
	struct xtn_hmap chains;
	struct xchain **order;	/* when all_chains: creation order */
	unsigned int n_order, cap_order;
	/* the chain asked for last: a restore's lines come chain by chain */
	struct xchain *last;
	bool sorted;		/* xt_chains_sorted has run for this block */
	uint32_t n_made;
	struct xt_tsets *sets;	/* read when a rule's lookup needs them */
};

struct jump_check {
	const char *table, *chain;	/* in jump_names */
	uint32_t line;
};

struct xtn_exec {
	struct xtn_ctx *ctx;
	struct xtn_xt_memo xt_memo;	/* what its listings decode */
	struct xtn_strbuf *out;
	unsigned int flags;
	struct xtn_transport *transport;
	struct xtn_nl nl;
	bool open;
	uint32_t genid;
	struct xtn_batch batch;
	struct xtn_hmap tables;
	struct xtable **tlist;	/* owns the tables in the map */
	unsigned int n_tlist;
	struct xtable *last_table;	/* the one asked for last */
	xtn_rematerialize_fn remat;
	void *remat_priv;
	/* restore: jump targets are checked at COMMIT, as iptables does */
	struct jump_check *jumps;
	unsigned int n_jumps, cap_jumps;
	struct xtn_arena jump_names;
	struct xtn_strbuf debug;	/* -vv object dump, printed at commit */
	uint32_t cur_line;
	int begin_errno;	/* why reading the generation id failed */
	bool interrupted;	/* a dump was interrupted: retry the session */
	/* the batch depends on what was read (positions, handles, chain
	 * lists): it carries the generation id */
	bool strict;
	bool always_strict;	/* a batch built without it was refused */
	uint64_t rng;		/* backoff jitter */
	unsigned int mark_warnings;	/* what a retry rewinds to */
	/* ebtables user chains whose policy rule goes back at commit */
	struct {
		struct xtable *t;
		struct xchain *c;
	} *eb_taken;
	unsigned int n_eb_taken;
	size_t mark_out;
	int reads_sets;		/* xt_reads_sets(), -1 until asked */
	/* the command being run, what it may read (xtn_plan_cmd) */
	struct xtn_plan plan;
	bool planned;
};

/* Before a command reads from the kernel: 0 if its plan allows reading
 * `what` of chain (NULL: the table's chain list), else -1 with the error
 * recorded.  Outside a command (a restore's COMMIT checks) there is no
 * plan to hold to. */
int xt_plan_check(struct xtn_exec *ex, enum xtn_fetch_level what,
		  const char *chain);

/* What this session read decides what the batch holds: a concurrent
 * change must make the kernel refuse the batch (generation check). */
void xt_strict(struct xtn_exec *ex);

/* How many rules a chain whose view is known has (inserts pending
 * included). */
static inline unsigned int xt_view_len(const struct xchain *c)
{
	return c->rules.n + c->pre.n + c->post.n;
}

/* cache.c */
struct xtable *xt_table(struct xtn_exec *ex, const char *name);
int xt_table_probe(struct xtn_exec *ex, struct xtable *t);
/* The cache entry, without asking the kernel (known only if the table's
 * state tells). */
struct xchain *xt_chain_peek(struct xtable *t, const char *name);
int xt_chain_lookup(struct xtn_exec *ex, struct xtable *t, const char *name,
		    struct xchain **out);
int xt_chains_all(struct xtn_exec *ex, struct xtable *t);
void xt_table_free(struct xtable *t);
int xt_ensure_table(struct xtn_exec *ex, struct xtable *t);
int xt_ensure_builtin(struct xtn_exec *ex, struct xtable *t, const char *chain);
struct nftnl_chain *xt_builtin_nftnl(const struct xtn_exec *ex,
				     const struct xtable *t,
				     const struct xtn_chain_def *def);
void xt_table_mark_flushed(struct xtable *t);
/* Sorted as iptables lists them: built-ins in hook order, then by name
 * (but chains made after a first sort last, in the order made). */
struct xchain **xt_chains_sorted(struct xtn_exec *ex, struct xtable *t,
				 unsigned int *n);
/* A restore block starts with a fresh cache in iptables: no order yet. */
void xt_chains_order_reset(struct xtable *t);
/* c was just made by this batch (see xt_chains_sorted). */
void xt_chain_made(struct xtable *t, struct xchain *c);

/* sets.c */
/* Whether rules of this family can name sets (a descriptor reads
 * lookups): only then is a kernel rule checked for them. */
bool xt_reads_sets(struct xtn_exec *ex);
/* The table's sets, read from the kernel as lookups first need them
 * (never call while another dump is being read). */
const struct xtn_set_source *xt_table_sets(struct xtn_exec *ex,
					   struct xtable *t);
/* A failure reading them (it made lookups "unknown"): -1 with the error
 * recorded (an interrupted dump: the session starts over), else 0. */
int xt_table_sets_check(struct xtn_exec *ex, struct xtable *t);
void xt_table_sets_free(struct xtable *t);
/* A kernel rule of t, with the sets its lookups name. */
struct xtn_rule *xt_decode(struct xtn_exec *ex, struct xtable *t,
			   const struct nlmsghdr *nlh,
			   enum xtn_dec_status *status);
/* The same for a rule object (one being rewritten). */
struct xtn_rule *xt_decode_obj(struct xtn_exec *ex, struct xtable *t,
			       const struct nftnl_rule *nr);
/* Queue the anonymous sets of an encoded rule (xtn_codec_encode_sets),
 * then the rule (as xtn_batch_rule). */
int xt_batch_rule_sets(struct xtn_exec *ex, struct xtn_sets *sets,
		       struct xtn_wire_rule *w,
		       const struct xtn_batch_rule_opts *o, uint32_t *id);

/* view.c */
int xt_view_load(struct xtn_exec *ex, struct xtable *t, struct xchain *c);
struct xtn_rule *xt_view_model(struct xtn_exec *ex, struct xtable *t,
			       struct xrule *r);
void xt_view_insert(struct xrules *rs, unsigned int pos, const struct xrule *r);
void xt_view_remove(struct xrules *rs, unsigned int pos);
void xt_rules_clear(struct xrules *rs);
void xt_view_reset(struct xchain *c);
/* A dumped rule message as a libnftnl object, for the few paths that
 * rewrite or print one (NULL if libnftnl cannot read it). */
struct nftnl_rule *xt_rule_obj(const struct nlmsghdr *nlh);
/* -vv: a dumped rule as iptables' cache shows it. */
void xt_print_dumped(struct xtn_exec *ex, const struct nlmsghdr *nlh);
/* The position of want in c (-1: none; -2: reading the table's sets
 * failed, the error is recorded). */
int xt_view_find(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		 const struct xtn_rule *want);

/* rules.c / chains.c / list.c */
int xt_zero(struct xtn_exec *ex, struct xtable *t, const char *chain,
	    bool verbose);
/* -L -Z: zero a listed chain's own counters, even if absent (fake
 * built-ins); its rules are zeroed as the listing dumps them. */
int xt_zero_chain(struct xtn_exec *ex, struct xtable *t, const char *chain,
		  bool verbose);
/* -Z CHAIN N: the rule at pos of c's loaded view. */
int xt_zero_num(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		unsigned int pos);
/* Queue a kernel rule again with its counters zeroed (replaced by handle);
 * decoded, if known, gives its protocol. */
int xt_queue_zeroed(struct xtn_exec *ex, struct xtable *t,
		    struct nftnl_rule *nr, const struct xtn_rule *decoded);
int xt_queue_chain(struct xtn_exec *ex, struct nftnl_chain *nc, uint16_t msg,
		   uint16_t flags, enum xtn_obj_op op);
int xt_cmd_rule(struct xtn_exec *ex, struct xtn_cmd *cmd);
int xt_cmd_chain(struct xtn_exec *ex, struct xtn_cmd *cmd);
int xt_cmd_list(struct xtn_exec *ex, struct xtn_cmd *cmd);
/* The decoded (canonical) form of a command-line rule, for comparisons. */
struct xtn_rule *xt_canonical(struct xtn_exec *ex, const struct xtn_rule *r,
			      const char *table, const char *chain);
int xt_errno(struct xtn_exec *ex, int op, int err);
const char *xt_policy_name(uint32_t policy);

/* ebpolicy.c: ebtables user-chain policies (trailing policy rules) */
struct xtn_family;
bool xt_eb_policy_rule(const struct xtn_family *fam,
		       const struct nlmsghdr *nlh, uint32_t *verdict);
const char *xt_eb_policy_name(const struct xchain *c);
/* Before the batch changes c's rules (a no-op outside bridge user chains). */
int xt_eb_take_policy(struct xtn_exec *ex, struct xtable *t, struct xchain *c);
int xt_eb_set_policy(struct xtn_exec *ex, struct xtable *t, struct xchain *c,
		     const char *policy);
/* At commit: the policy rules taken out go back at the chains' ends. */
int xt_eb_policies_finish(struct xtn_exec *ex);

#endif
