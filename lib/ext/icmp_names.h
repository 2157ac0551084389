/* ICMP/ICMPv6 type names shared by the icmp and icmp6 matches. */
#ifndef XTNFT_EXT_ICMP_NAMES_H
#define XTNFT_EXT_ICMP_NAMES_H

#include <stddef.h>
#include <stdint.h>

struct xtn_parse;
struct xtn_out;

struct xtn_icmp_name {
	const char *name;
	uint8_t type, code_min, code_max;
};

struct xtn_icmp_table {
	const struct xtn_icmp_name *v;
	size_t n;
	const char *what;	/* "ICMP" or "ICMPv6" for messages */
};

extern const struct xtn_icmp_table xtn_icmp_names;
extern const struct xtn_icmp_table xtn_icmpv6_names;
extern const struct xtn_icmp_table xtn_igmp_names;	/* no codes */

/* A name (unique prefix, case-insensitive), or "type[/code]". */
int xtn_icmp_parse(struct xtn_parse *p, const struct xtn_icmp_table *t,
		   const char *arg, uint8_t *type, uint8_t code[2]);
/* ebtables' form: a name, or "type[:type][/code[:code]]"; code NULL for
 * a table without codes (IGMP), where a "/" is refused. */
int xtn_icmp_parse_range(struct xtn_parse *p, const struct xtn_icmp_table *t,
			 const char *arg, uint8_t type[2], uint8_t *code);
/* The same back (" name" or " type[:type][/code[:code]]"), as the
 * ebtables ip and ip6 matches print it. */
void xtn_icmp_save_range(const struct xtn_out *o, const struct xtn_icmp_table *t,
			 const uint8_t type[2], const uint8_t *code);
struct xtn_strbuf;
/* "Valid ICMP Types:" and the name tree, as iptables -p icmp -h shows it. */
void xtn_icmp_help(struct xtn_strbuf *out, const struct xtn_icmp_table *t);
/* " name", or "type N [code C|codes A-B]" as libxt_icmp prints them. */
void xtn_icmp_list_type(const struct xtn_out *o, const struct xtn_icmp_table *t,
			uint8_t type, uint8_t cmin, uint8_t cmax, bool inv);

#endif
