/* Rule and chain printers: the save/-S form and the -L table. */
#ifndef XTNFT_PRINT_H
#define XTNFT_PRINT_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_rule;
struct xtn_strbuf;
struct xtn_resolver;

enum xtn_save_flags {
	XTN_SAVE_COUNTERS_PREFIX = 1 << 0,	/* "[p:b] -A ..." (save -c) */
	XTN_SAVE_COUNTERS_INLINE = 1 << 1,	/* "... -c p b -j X" (-S -v) */
};

/* "-A CHAIN <options>\n" (or "-D"/"-I" when verb says so). */
void xtn_print_rule_save(struct xtn_strbuf *sb, const struct xtn_rule *r,
			 const char *verb, const char *chain, unsigned int flags,
			 const struct xtn_resolver *res);
/* One -L line; fmt is enum xtn_list_fmt. */
void xtn_print_rule_list(struct xtn_strbuf *sb, const struct xtn_rule *r,
			 unsigned int num, unsigned int fmt,
			 const struct xtn_resolver *res);
/* "Chain X (policy P [N packets, M bytes])" or "Chain X (N references)". */
void xtn_print_chain_head(struct xtn_strbuf *sb, const char *chain,
			  const char *policy, uint64_t pkts, uint64_t bytes,
			  unsigned int refs, unsigned int fmt);
/* "Chain X (policy P ...)" plus the column header line. */
void xtn_print_list_header(struct xtn_strbuf *sb, const char *chain,
			   const char *policy, uint64_t pkts, uint64_t bytes,
			   unsigned int refs, unsigned int fmt,
			   const struct xtn_rule *proto);
/* Counter columns with iptables' K/M/G/T scaling. */
void xtn_print_num(struct xtn_strbuf *sb, uint64_t n, unsigned int fmt);

/* A chain as listings and saves show it. */
struct xtn_chain_view {
	const char *name;
	const char *policy;	/* NULL: a chain without one (iptables' user chains) */
	bool builtin;
	uint64_t pkts, bytes;	/* the policy's counters */
	unsigned int refs;	/* rules that jump to it */
	unsigned int n_rules;
};

/*
 * How a dialect prints (dialect.h points at one): a rule in save and -L
 * form, the heads of -L, and the chain lines and end of a saved table.
 */
struct xtn_printer {
	void (*rule_save)(struct xtn_strbuf *sb, const struct xtn_rule *r,
			  const char *verb, const char *chain,
			  unsigned int flags, const struct xtn_resolver *res);
	void (*rule_list)(struct xtn_strbuf *sb, const struct xtn_rule *r,
			  unsigned int num, unsigned int fmt,
			  const struct xtn_resolver *res);
	/* -L: before the first chain (NULL: nothing), and each chain's head
	 * (first: no chain was printed before it) */
	void (*list_table)(struct xtn_strbuf *sb, const char *table);
	void (*list_chain)(struct xtn_strbuf *sb, const struct xtn_chain_view *c,
			   unsigned int fmt, bool first);
	/* save: a chain's declaration (counters: save -c) */
	void (*save_chain)(struct xtn_strbuf *sb, const struct xtn_chain_view *c,
			   bool counters);
	const char *save_end;	/* what ends a saved table ("COMMIT\n") */
};

extern const struct xtn_printer xtn_printer_iptables;
extern const struct xtn_printer xtn_printer_ebtables;
extern const struct xtn_printer xtn_printer_arptables;
/* The name -L shows in the target column. */
const char *xtn_rule_target_name(const struct xtn_rule *r);

#endif
