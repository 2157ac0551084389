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
/* "Chain X (policy P ...)" plus the column header line. */
void xtn_print_list_header(struct xtn_strbuf *sb, const char *chain,
			   const char *policy, uint64_t pkts, uint64_t bytes,
			   unsigned int refs, unsigned int fmt,
			   const struct xtn_rule *proto);
/* Counter columns with iptables' K/M/G/T scaling. */
void xtn_print_num(struct xtn_strbuf *sb, uint64_t n, unsigned int fmt);
/* The name -L shows in the target column. */
const char *xtn_rule_target_name(const struct xtn_rule *r);

#endif
