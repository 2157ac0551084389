/*
 * What the ebtables protocol matches (ip, ip6, arp, vlan, 802_3, stp)
 * parse and print alike: 1.8.9's getopt-era extensions, each with its
 * own wording but the same kinds of values.
 */
#ifndef XTNFT_EXT_EBT_SHARED_H
#define XTNFT_EXT_EBT_SHARED_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_parse;
struct xtn_out;

/* An option given twice: 1.8.9's "Multiple use of same option not
 * allowed" (where 1.8.9 lets the last one win, refused the same way). */
int xtn_ebt_once(struct xtn_parse *p);

/* The parse callback `name' of a match whose info (info_type) keeps the
 * options given in bitmask and the negated ones in invflags, bit
 * 1 << option id (ip, ip6, arp, stp): the once-check, then
 * parse_value(p, info) for the option's value, then the two bits. */
#define XTN_EBT_FLAGGED_PARSE(name, info_type, parse_value)		\
static int name(struct xtn_parse *p, void *data)			\
{									\
	info_type *info = data;						\
	__typeof__(info->bitmask) bit =					\
		(__typeof__(info->bitmask))(1u << p->opt->id);		\
									\
	if (xtn_ebt_once(p) < 0 || parse_value(p, info) < 0)		\
		return -1;						\
	info->bitmask = (__typeof__(info->bitmask))(info->bitmask | bit); \
	if (p->invert)							\
		info->invflags = (__typeof__(info->invflags))(info->invflags | bit); \
	return 0;							\
}

/* An unsigned number in `base` (strtoul's, blanks and '+' allowed) up
 * to max; false for nothing, a sign, trailing text or more than max,
 * where strtoul into 1.8.9's narrower fields would wrap silently. */
bool xtn_ebt_number(const char *s, int base, uint64_t max, uint64_t *v);

/* "host[/mask]" of family af (AF_INET, AF_INET6) as xtables_ipparse_any
 * and xtables_ip6parse_any read it, into network-order addr and mask
 * (4 or 16 bytes); a name resolving to several addresses is refused
 * (1.8.9 takes the first). */
int xtn_ebt_parse_addr(struct xtn_parse *p, int af, void *addr, void *mask);
/* " addr[/mask]": the mask as a prefix length, or dotted when it is
 * none, and left out when all ones. */
void xtn_ebt_save_addr(const struct xtn_out *o, int af, const void *addr,
		       const void *mask);

/* An IP protocol number or name, as xtables_parse_protocol reads it. */
int xtn_ebt_parse_proto(struct xtn_parse *p, uint8_t *proto);
/* " name" as getprotobynumber knows it (0 is "ip"), else " N". */
void xtn_ebt_save_proto(const struct xtn_out *o, uint8_t proto);

/* " --NAME" (and " !" when inverted: 1.8.9 puts the negation inside)
 * if bit is in bitmask; whether it was. */
bool xtn_ebt_save_opt(const struct xtn_out *o, uint32_t bitmask,
		      uint32_t invflags, uint32_t bit, const char *name);

/* " lo" or " lo:hi". */
void xtn_ebt_save_range(const struct xtn_out *o, uint32_t lo, uint32_t hi);

/* The base match's MAC[/MASK] or class name (xtn_eb_parse_mac), but
 * with nothing after the six bytes of either (ether_aton, which 1.8.9
 * uses, ignores what follows them); -1 if bad. */
int xtn_ebt_parse_mac(const char *arg, uint8_t mac[6], uint8_t msk[6]);
/* " aa:bb:cc:dd:ee:ff[/mask]" with the mask left out when all ones:
 * no class names (those are the base match's -s/-d). */
void xtn_ebt_save_mac(const struct xtn_out *o, const uint8_t mac[6],
		      const uint8_t msk[6]);

#endif
