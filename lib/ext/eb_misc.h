/*
 * What ebtables' mark match, limit, watchers and targets share: 1.8.9's
 * getopt-era option checks and words, the verdict a bridge target keeps
 * in its struct's `target` int, and the MAC address of snat, dnat and
 * arpreply.
 */
#ifndef XTNFT_EXT_EB_MISC_H
#define XTNFT_EXT_EB_MISC_H

#include <stddef.h>
#include <stdint.h>

struct xtn_parse;
struct xtn_out;

/* An option given twice: 1.8.9's "Multiple use of same option not
 * allowed" (also where 1.8.9 lets the last one win: refused the same). */
int xtn_eb_once(struct xtn_parse *p);
/* A `!` on an option that has no negation ("Unexpected `!' after
 * --OPT"; where 1.8.9 drops the `!` silently, refused the same). */
int xtn_eb_no_invert(struct xtn_parse *p);

/* --xxx-target NAME: ACCEPT, DROP, CONTINUE or RETURN (exact case) into
 * the low verdict bits of *target, the bits above kept when keep_high
 * (mark and snat keep their action there); "Illegal --xxx-target target"
 * otherwise.  Refused when given twice or with a `!`. */
int xtn_eb_parse_target(struct xtn_parse *p, int *target, int keep_high);
/* 1.8.9's name of a verdict: "ACCEPT" ... or "UNKNOWN". */
const char *xtn_eb_target_name(int verdict);

/* A MAC address as ether_aton() reads it ("0:1:2:a:b:c" too), but with
 * nothing after it (ether_aton ignores ":66" after six bytes). */
int xtn_eb_parse_ether(const char *s, uint8_t mac[6]);
/* " 00:01:02:0a:0b:0c": six two-digit bytes, never a class name. */
void xtn_eb_put_ether(const struct xtn_out *o, const uint8_t mac[6]);

/* " --OPT \"PREFIX\"" of the log and nflog watchers, PREFIX at most len
 * bytes.  A backslash or double quote in it (nflog takes a backslash,
 * other writers either) is escaped, so that a restore reads the prefix
 * back; 1.8.9 prints it bare and restores something else. */
void xtn_eb_put_prefix(const struct xtn_out *o, const char *opt,
		       const char *prefix, size_t len);

#endif
