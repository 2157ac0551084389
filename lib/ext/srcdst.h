/*
 * -s/-d address lists as iptables' and arptables' post_parse read them:
 * each source with each destination, source-major, one rule per pair.
 * The base matches (base_ip.c, base_arp.c) keep this as their expansion
 * (xtn_ext_inst.expand) and copy pair i into their own fields.
 */
#ifndef XTNFT_EXT_SRCDST_H
#define XTNFT_EXT_SRCDST_H

#include <stdbool.h>
#include <xtnft/netaddr.h>

struct xtn_parse;

struct xtn_srcdst {
	const char *src_spec, *dst_spec;	/* the words, while parsing */
	struct xtn_addr_list src, dst;
};

/* The instance's expansion, created empty on first use (a base match
 * that keeps more beside it embeds the struct first and allocates it). */
struct xtn_srcdst *xtn_srcdst_of(struct xtn_parse *p);
/* After all options: both lists parsed for af (a rule command without
 * -s or -d means any address), and 1.8.9's checks with its words; the
 * inversion is whether -s or -d carried a !. */
int xtn_srcdst_final(struct xtn_parse *p, struct xtn_srcdst *x, int af,
		     bool inverted);
/* Pair i: the source and destination, NULL for a side not given. */
void xtn_srcdst_at(const void *expand, unsigned int i,
		   const struct xtn_addrmask **src,
		   const struct xtn_addrmask **dst);
/* The descriptor hooks (xtn_ext.expand_count, expand_free); count also
 * serves a struct that embeds xtn_srcdst first. */
unsigned int xtn_srcdst_count(const void *expand);
void xtn_srcdst_free(void *expand);
/* The lists of an embedded xtn_srcdst. */
void xtn_srcdst_fini(struct xtn_srcdst *x);

#endif
