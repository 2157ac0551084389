/*
 * -m ttl (IPv4) and -m hl (IPv6) are one match in two spellings: a mode
 * (==, !=, <, >) and a byte, in ipt_ttl_info / ip6t_hl_info (same layout).
 */
#ifndef XTNFT_EXT_TTLHL_H
#define XTNFT_EXT_TTLHL_H

#include <stdint.h>

struct xtn_out;
struct xtn_parse;

/* The words of one spelling: "ttl", "TTL", "time to live" ... */
struct xtn_ttlhl_words {
	const char *name;	/* "ttl" */
	const char *upper;	/* "TTL" */
};

/* Option ids, the same in both option tables. */
enum { XTN_TTLHL_EQ, XTN_TTLHL_LT, XTN_TTLHL_GT };

struct xtn_ttlhl {
	uint8_t mode;		/* 0 ==, 1 !=, 2 <, 3 > */
	uint8_t value;
};

int xtn_ttlhl_parse(struct xtn_parse *p, void *data);
int xtn_ttlhl_final(struct xtn_parse *p, const struct xtn_ttlhl_words *w);
void xtn_ttlhl_list(const struct xtn_out *o, const void *data,
		    const struct xtn_ttlhl_words *w);
void xtn_ttlhl_save(const struct xtn_out *o, const void *data,
		    const struct xtn_ttlhl_words *w);

#endif
