/* The ICMP and ICMPv6 name tables and their parser/printer. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtnft/ext.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "icmp_names.h"

static const struct xtn_icmp_name icmp_v[] = {
	{ "any", 0xFF, 0, 0xFF },
	{ "echo-reply", 0, 0, 0xFF },
	{ "pong", 0, 0, 0xFF },
	{ "destination-unreachable", 3, 0, 0xFF },
	{ "network-unreachable", 3, 0, 0 },
	{ "host-unreachable", 3, 1, 1 },
	{ "protocol-unreachable", 3, 2, 2 },
	{ "port-unreachable", 3, 3, 3 },
	{ "fragmentation-needed", 3, 4, 4 },
	{ "source-route-failed", 3, 5, 5 },
	{ "network-unknown", 3, 6, 6 },
	{ "host-unknown", 3, 7, 7 },
	{ "network-prohibited", 3, 9, 9 },
	{ "host-prohibited", 3, 10, 10 },
	{ "TOS-network-unreachable", 3, 11, 11 },
	{ "TOS-host-unreachable", 3, 12, 12 },
	{ "communication-prohibited", 3, 13, 13 },
	{ "host-precedence-violation", 3, 14, 14 },
	{ "precedence-cutoff", 3, 15, 15 },
	{ "source-quench", 4, 0, 0xFF },
	{ "redirect", 5, 0, 0xFF },
	{ "network-redirect", 5, 0, 0 },
	{ "host-redirect", 5, 1, 1 },
	{ "TOS-network-redirect", 5, 2, 2 },
	{ "TOS-host-redirect", 5, 3, 3 },
	{ "echo-request", 8, 0, 0xFF },
	{ "ping", 8, 0, 0xFF },
	{ "router-advertisement", 9, 0, 0xFF },
	{ "router-solicitation", 10, 0, 0xFF },
	{ "time-exceeded", 11, 0, 0xFF },
	{ "ttl-exceeded", 11, 0, 0xFF },
	{ "ttl-zero-during-transit", 11, 0, 0 },
	{ "ttl-zero-during-reassembly", 11, 1, 1 },
	{ "parameter-problem", 12, 0, 0xFF },
	{ "ip-header-bad", 12, 0, 0 },
	{ "required-option-missing", 12, 1, 1 },
	{ "timestamp-request", 13, 0, 0xFF },
	{ "timestamp-reply", 14, 0, 0xFF },
	{ "address-mask-request", 17, 0, 0xFF },
	{ "address-mask-reply", 18, 0, 0xFF },
};

static const struct xtn_icmp_name icmpv6_v[] = {
	{ "destination-unreachable", 1, 0, 0xFF },
	{ "no-route", 1, 0, 0 },
	{ "communication-prohibited", 1, 1, 1 },
	{ "beyond-scope", 1, 2, 2 },
	{ "address-unreachable", 1, 3, 3 },
	{ "port-unreachable", 1, 4, 4 },
	{ "failed-policy", 1, 5, 5 },
	{ "reject-route", 1, 6, 6 },
	{ "packet-too-big", 2, 0, 0xFF },
	{ "time-exceeded", 3, 0, 0xFF },
	{ "ttl-exceeded", 3, 0, 0xFF },
	{ "ttl-zero-during-transit", 3, 0, 0 },
	{ "ttl-zero-during-reassembly", 3, 1, 1 },
	{ "parameter-problem", 4, 0, 0xFF },
	{ "bad-header", 4, 0, 0 },
	{ "unknown-header-type", 4, 1, 1 },
	{ "unknown-option", 4, 2, 2 },
	{ "echo-request", 128, 0, 0xFF },
	{ "ping", 128, 0, 0xFF },
	{ "echo-reply", 129, 0, 0xFF },
	{ "pong", 129, 0, 0xFF },
	{ "router-solicitation", 133, 0, 0xFF },
	{ "router-advertisement", 134, 0, 0xFF },
	{ "neighbour-solicitation", 135, 0, 0xFF },
	{ "neighbor-solicitation", 135, 0, 0xFF },
	{ "neighbour-advertisement", 136, 0, 0xFF },
	{ "neighbor-advertisement", 136, 0, 0xFF },
	{ "redirect", 137, 0, 0xFF },
};

/* IGMP message types (ebtables --ip-igmp-type): no codes. */
static const struct xtn_icmp_name igmp_v[] = {
	{ "membership-query", 0x11, 0, 0 },
	{ "membership-report-v1", 0x12, 0, 0 },
	{ "membership-report-v2", 0x16, 0, 0 },
	{ "leave-group", 0x17, 0, 0 },
	{ "membership-report-v3", 0x22, 0, 0 },
};

const struct xtn_icmp_table xtn_icmp_names = { icmp_v, XTN_ARRAY_SIZE(icmp_v), "ICMP" };
const struct xtn_icmp_table xtn_icmpv6_names = { icmpv6_v, XTN_ARRAY_SIZE(icmpv6_v), "ICMPv6" };
const struct xtn_icmp_table xtn_igmp_names = { igmp_v, XTN_ARRAY_SIZE(igmp_v), "IGMP" };

/* "N" or "N:M", each 0-255 (blanks and + allowed before a number); the
 * text after it, or NULL. */
static const char *parse_range(const char *s, uint64_t v[2])
{
	char *end;

	if (!xtn_strtoui(s, &end, &v[0], 0, UINT8_MAX))
		return NULL;
	v[1] = v[0];
	if (*end == ':' && !xtn_strtoui(end + 1, &end, &v[1], 0, UINT8_MAX))
		return NULL;
	return end;
}

int xtn_icmp_parse_range(struct xtn_parse *p, const struct xtn_icmp_table *t,
			 const char *arg, uint8_t type[2], uint8_t *code)
{
	size_t i, match = t->n, len = strlen(arg);
	uint64_t types[2], v[2];
	const char *next;

	for (i = 0; i < t->n; i++) {
		if (strncasecmp(t->v[i].name, arg, len) != 0)
			continue;
		if (match != t->n)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Ambiguous %s type `%s': `%s' or `%s'?",
					      t->what, arg, t->v[match].name,
					      t->v[i].name);
		match = i;
	}
	if (match != t->n) {
		type[0] = type[1] = t->v[match].type;
		if (code) {
			code[0] = t->v[match].code_min;
			code[1] = t->v[match].code_max;
		}
		return 0;
	}
	next = parse_range(arg, types);
	if (!next)
		return xtn_parse_fail(p, XTN_PARAM, "Unknown %s type `%s'",
				      t->what, arg);
	type[0] = (uint8_t)types[0];
	type[1] = (uint8_t)types[1];
	if (code) {
		code[0] = 0;
		code[1] = 0xFF;
	}
	/* a code where the table has none (IGMP): 1.8.9 drops it unread,
	 * refused here as the character it stops at */
	if (*next == '/' && code) {
		next = parse_range(next + 1, v);
		if (!next)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Unknown %s code `%s'", t->what,
					      arg);
		/* taken as given, even min > max (1.8.9 does) */
		code[0] = (uint8_t)v[0];
		code[1] = (uint8_t)v[1];
	}
	if (*next != '\0')
		return xtn_parse_fail(p, XTN_PARAM, "unknown character %c",
				      *next);
	return 0;
}

int xtn_icmp_parse(struct xtn_parse *p, const struct xtn_icmp_table *t,
		   const char *arg, uint8_t *type, uint8_t code[2])
{
	uint8_t types[2];

	/* a type range is refused once the whole text has been read
	 * (1.8.9's order of messages) */
	if (xtn_icmp_parse_range(p, t, arg, types, code) < 0)
		return -1;
	if (types[0] != types[1])
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s type range not supported", t->what);
	*type = types[0];
	return 0;
}

static void save_code(const struct xtn_out *o, const uint8_t *code)
{
	if (!code)
		return;
	if (code[0] == code[1])
		xtn_out_printf(o, "/%u", code[0]);
	else
		xtn_out_printf(o, "/%u:%u", code[0], code[1]);
}

void xtn_icmp_save_range(const struct xtn_out *o, const struct xtn_icmp_table *t,
			 const uint8_t type[2], const uint8_t *code)
{
	size_t i;

	if (type[0] != type[1]) {
		xtn_out_printf(o, " %u:%u", type[0], type[1]);
		save_code(o, code);
		return;
	}
	for (i = 0; i < t->n; i++) {
		if (t->v[i].type == type[0] &&
		    (!code || (t->v[i].code_min == code[0] &&
			       t->v[i].code_max == code[1]))) {
			xtn_out_printf(o, " %s", t->v[i].name);
			return;
		}
	}
	xtn_out_printf(o, " %u", type[0]);
	save_code(o, code);
}

void xtn_icmp_list_type(const struct xtn_out *o, const struct xtn_icmp_table *t,
			uint8_t type, uint8_t cmin, uint8_t cmax, bool inv)
{
	size_t i;

	if (!xtn_out_numeric(o)) {
		for (i = 0; i < t->n; i++) {
			if (t->v[i].type == type && t->v[i].code_min == cmin &&
			    t->v[i].code_max == cmax) {
				xtn_out_printf(o, " %s%s", inv ? "!" : "",
					       t->v[i].name);
				return;
			}
		}
	}
	/* sic: libxt_icmp prints no space before "type" (-> "icmptype 8") */
	if (inv)
		xtn_out_puts(o, " !");
	xtn_out_printf(o, "type %u", type);
	if (cmin == cmax)
		xtn_out_printf(o, " code %u", cmin);
	else if (cmin != 0 || cmax != 0xFF)
		xtn_out_printf(o, " codes %u-%u", cmin, cmax);
}

void xtn_icmp_help(struct xtn_strbuf *out, const struct xtn_icmp_table *t)
{
	size_t i;

	xtn_strbuf_printf(out, "Valid %s Types:", t->what);
	for (i = 0; i < t->n; i++) {
		const struct xtn_icmp_name *c = &t->v[i], *prev = i ? c - 1 : NULL;

		/* aliases in parentheses, codes of a type indented */
		if (prev && c->type == prev->type) {
			if (c->code_min == prev->code_min &&
			    c->code_max == prev->code_max)
				xtn_strbuf_printf(out, " (%s)", c->name);
			else
				xtn_strbuf_printf(out, "\n   %s", c->name);
		} else {
			xtn_strbuf_printf(out, "\n%s", c->name);
		}
	}
	xtn_strbuf_putc(out, '\n');
}
