/*
 * Address and port ranges of the NAT targets, parsed and printed the way
 * 1.8.9's libxt_NAT does, except where it stores something else than was
 * typed (see the comments at the refusals).
 */
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "nat_range.h"

/* 1.8.9 checks the -p given so far, inverted or not. */
static bool ports_allowed(const struct xtn_parse *p)
{
	switch (xtn_rule_l4proto(p->rule, NULL)) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_SCTP:
	case IPPROTO_DCCP:
	case IPPROTO_ICMP:
		return true;
	}
	return false;
}

/* A service name of any protocol, as getservbyname(name, NULL) finds it. */
static int service_port(const struct xtn_parse *p, const char *s)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	int port = -1;

	if (*s && res && res->service_to_port) {
		port = res->service_to_port(res, s, "tcp");
		if (port < 0)
			port = res->service_to_port(res, s, "udp");
	}
	return port > UINT16_MAX ? -1 : port;
}

static int bad_port(struct xtn_parse *p, const char *s)
{
	return xtn_parse_fail(p, XTN_PARAM, "Port `%s' not valid", s);
}

/* The first port: a number, else the whole rest as a service name. */
static int first_port(struct xtn_parse *p, const char *arg, uint64_t *port,
		      const char **rest)
{
	char *end;
	int svc;

	if (xtn_strtoui(arg, &end, port, 0, UINT16_MAX)) {
		*rest = end;
		return 0;
	}
	svc = service_port(p, arg);
	if (svc < 0)
		return bad_port(p, arg);
	*port = (uint64_t)svc;
	*rest = "";
	return 0;
}

/* After "lo-hi/" (or "port/"): the base port.  1.8.9 ignores what follows a number
 * ("/10x" stores 10): refused as a bad port. */
static int base_port(struct xtn_parse *p, const char *arg,
		     struct nf_nat_range2 *r)
{
	uint64_t base;
	char *end;
	int svc;

	if (xtn_strtoui(arg, &end, &base, 1, UINT16_MAX)) {
		if (*end)
			return bad_port(p, arg);
	} else {
		svc = service_port(p, arg);
		if (svc < 0)
			return bad_port(p, arg);
		base = (uint64_t)svc;
	}
	r->flags |= NF_NAT_RANGE_PROTO_OFFSET;
	r->base_proto.tcp.port = htons((uint16_t)base);
	return 0;
}

/* "port", "port/base", "lo-hi" or "lo-hi/base" (a range takes numbers
 * only).  1.8.9 refuses "port/base" ("Garbage after port value") but
 * DNAT prints a one-port range with a base that way, so it cannot
 * restore its own save of it: a target whose range keeps a base port
 * (holds_base: DNAT's nf_nat_range2) reads it here as "port-port/base"
 * (a deliberate difference). */
static int parse_ports(struct xtn_parse *p, const char *arg,
		       struct nf_nat_range2 *r, bool holds_base)
{
	uint64_t lo, hi;
	const char *rest = NULL;
	char *end;

	if (!ports_allowed(p))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Need TCP, UDP, SCTP or DCCP with port specification");
	r->flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
	if (first_port(p, arg, &lo, &rest) < 0)
		return -1;
	switch (*rest) {
	case '\0':
		r->min_proto.tcp.port = r->max_proto.tcp.port =
			htons((uint16_t)lo);
		return 0;
	case '-':
		break;
	case '/':
		/* the others say what 1.8.9 says */
		if (!holds_base)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Garbage after port value: `%s'",
					      rest);
		r->min_proto.tcp.port = r->max_proto.tcp.port =
			htons((uint16_t)lo);
		return base_port(p, rest + 1, r);
	case ':':
		return xtn_parse_fail(p, XTN_PARAM,
				      "Invalid port:port syntax - use dash");
	default:
		return xtn_parse_fail(p, XTN_PARAM,
				      "Garbage after port value: `%s'", rest);
	}
	arg = rest + 1;
	if (!xtn_strtoui(arg, &end, &hi, 0, UINT16_MAX))
		return bad_port(p, arg);
	if (hi < lo)
		return xtn_parse_fail(p, XTN_PARAM, "Port range `%s' funky", arg);
	r->min_proto.tcp.port = htons((uint16_t)lo);
	r->max_proto.tcp.port = htons((uint16_t)hi);
	if (*end == '\0')
		return 0;
	if (*end != '/')
		return xtn_parse_fail(p, XTN_PARAM,
				      "Garbage after port range: `%s'", end);
	return base_port(p, end + 1, r);
}

static int bad_format(struct xtn_parse *p)
{
	return xtn_parse_fail(p, XTN_PARAM, "Invalid address format");
}

/*
 * Split "addr[:ports]" or "[addr]:ports" into the address part (in buf)
 * and the ports (*ports, NULL if none).  1.8.9 skips text before '[' and
 * between ']' and the colon, and takes "ab:80" as no address at all (it
 * tests for "[]:" by position): all refused here, but after the ports
 * are parsed, so that a port error reads as in 1.8.9 ("[a]-[b]:80").
 * *junk says there is text 1.8.9 would skip.
 */
static int split_to(struct xtn_parse *p, char *buf, char **addr, char **ports,
		    bool *junk)
{
	char *open, *close, *colon;

	*ports = NULL;
	*addr = buf;
	*junk = false;
	open = strchr(buf, '[');
	if (open) {
		close = p->fam->af == AF_INET6 ? strchr(open, ']') : NULL;
		if (!close)
			return bad_format(p);
		*close = '\0';
		*addr = open + 1;
		colon = strchr(close + 1, ':');
		*junk = open != buf || (colon ? colon : strchr(close + 1, '\0')) != close + 1;
		if (colon)
			*ports = colon + 1;
		return 0;
	}
	/* one colon is a port; more make an IPv6 address */
	colon = strchr(buf, ':');
	if (colon && !strchr(colon + 1, ':')) {
		*colon = '\0';
		*ports = colon + 1;
	}
	return 0;
}

static int parse_addr(struct xtn_parse *p, const char *s, void *out)
{
	if (inet_pton(p->fam->af, s, out) != 1)
		return xtn_parse_fail(p, XTN_PARAM, "Bad IP address \"%s\"", s);
	return 0;
}

/* [addr[-addr]][:port[-port[/base]]], IPv6 addresses in brackets when
 * ports follow; ports are parsed (and complain) first, as in 1.8.9. */
static int parse_to(struct xtn_parse *p, const char *orig,
		    struct nf_nat_range2 *r, bool holds_base)
{
	char *buf = xtn_xstrdup(orig), *addr, *ports, *dash;
	bool junk;
	int ret = -1;

	if (split_to(p, buf, &addr, &ports, &junk) < 0)
		goto out;
	if (ports && parse_ports(p, ports, r, holds_base) < 0)
		goto out;
	if (junk) {
		bad_format(p);
		goto out;
	}
	if (ports && *addr == '\0') {
		ret = 0;	/* ":80", "[]:80": ports only */
		goto out;
	}
	r->flags |= NF_NAT_RANGE_MAP_IPS;
	dash = strchr(addr, '-');
	if (dash)
		*dash = '\0';
	if (parse_addr(p, addr, &r->min_addr) < 0)
		goto out;
	if (dash) {
		if (parse_addr(p, dash + 1, &r->max_addr) < 0)
			goto out;
	} else {
		r->max_addr = r->min_addr;
	}
	ret = 0;
out:
	free(buf);
	return ret;
}

int xtn_nat_parse(struct xtn_parse *p, struct nf_nat_range2 *r,
		  bool holds_base)
{
	switch (p->opt->id) {
	case XTN_NAT_O_TO:
		return parse_to(p, p->arg, r, holds_base);
	case XTN_NAT_O_TO_PORTS:
		return parse_ports(p, p->arg, r, holds_base);
	case XTN_NAT_O_RANDOM:
		r->flags |= NF_NAT_RANGE_PROTO_RANDOM;
		return 0;
	case XTN_NAT_O_RANDOM_FULLY:
		r->flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
		return 0;
	case XTN_NAT_O_PERSISTENT:
		r->flags |= NF_NAT_RANGE_PERSISTENT;
		return 0;
	}
	return 0;
}

bool xtn_nat_shifted(unsigned int flags)
{
	return flags & NF_NAT_RANGE_PROTO_OFFSET;
}

/* 1.8.9's sprint_range(). */
static void sprint_range(char *buf, size_t len, const struct nf_nat_range2 *r,
			 int af)
{
	bool brackets = af == AF_INET6 &&
			(r->flags & NF_NAT_RANGE_PROTO_SPECIFIED);
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	size_t n = 0;

	buf[0] = '\0';
	if (r->flags & NF_NAT_RANGE_MAP_IPS) {
		inet_ntop(af, &r->min_addr, a, sizeof(a));
		n += (size_t)snprintf(buf + n, len - n, "%s%s",
				      brackets ? "[" : "", a);
		if (memcmp(&r->min_addr, &r->max_addr, sizeof(r->min_addr))) {
			inet_ntop(af, &r->max_addr, b, sizeof(b));
			n += (size_t)snprintf(buf + n, len - n, "-%s", b);
		}
		if (brackets)
			n += (size_t)snprintf(buf + n, len - n, "]");
	}
	if (!(r->flags & NF_NAT_RANGE_PROTO_SPECIFIED))
		return;
	n += (size_t)snprintf(buf + n, len - n, ":%u",
			      ntohs(r->min_proto.tcp.port));
	if (r->max_proto.tcp.port != r->min_proto.tcp.port)
		n += (size_t)snprintf(buf + n, len - n, "-%u",
				      ntohs(r->max_proto.tcp.port));
	if (r->flags & NF_NAT_RANGE_PROTO_OFFSET)
		snprintf(buf + n, len - n, "/%u", ntohs(r->base_proto.tcp.port));
}

void xtn_nat_put(const struct xtn_out *o, const struct nf_nat_range2 *r,
		 const char *rangeopt, const char *flag_pfx, bool skip_colon)
{
	char buf[2 * INET6_ADDRSTRLEN + 32];
	const char *s = buf;

	sprint_range(buf, sizeof(buf), r, o->fam->af);
	if (*s) {
		if (*s == ':' && skip_colon)
			s++;
		xtn_out_printf(o, " %s%s", rangeopt, s);
	}
	if (r->flags & NF_NAT_RANGE_PROTO_RANDOM)
		xtn_out_printf(o, " %srandom", flag_pfx);
	if (r->flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY)
		xtn_out_printf(o, " %srandom-fully", flag_pfx);
	if (r->flags & NF_NAT_RANGE_PERSISTENT)
		xtn_out_printf(o, " %spersistent", flag_pfx);
}

void xtn_nat_from_mrc(struct nf_nat_range2 *r,
		      const struct nf_nat_ipv4_multi_range_compat *m)
{
	memset(r, 0, sizeof(*r));
	r->flags = m->range[0].flags;
	r->min_addr.ip = m->range[0].min_ip;
	r->max_addr.ip = m->range[0].max_ip;
	r->min_proto = m->range[0].min;
	r->max_proto = m->range[0].max;
}

void xtn_nat_to_mrc(struct nf_nat_ipv4_multi_range_compat *m,
		    const struct nf_nat_range2 *r)
{
	m->rangesize = 1;
	m->range[0].flags = r->flags;
	m->range[0].min_ip = r->min_addr.ip;
	m->range[0].max_ip = r->max_addr.ip;
	m->range[0].min = r->min_proto;
	m->range[0].max = r->max_proto;
}

void xtn_nat_from_v1(struct nf_nat_range2 *r, const struct nf_nat_range *v1)
{
	memset(r, 0, sizeof(*r));
	memcpy(r, v1, sizeof(*v1));
}

void xtn_nat_to_v1(struct nf_nat_range *v1, const struct nf_nat_range2 *r)
{
	memcpy(v1, r, sizeof(*v1));
}

int xtn_nat_parse_mrc(struct xtn_parse *p, void *data)
{
	struct nf_nat_range2 r;

	xtn_nat_from_mrc(&r, data);
	if (xtn_nat_parse(p, &r, false) < 0)
		return -1;
	xtn_nat_to_mrc(data, &r);
	return 0;
}

int xtn_nat_parse_v1(struct xtn_parse *p, void *data)
{
	struct nf_nat_range2 r;

	xtn_nat_from_v1(&r, data);
	if (xtn_nat_parse(p, &r, false) < 0)
		return -1;
	xtn_nat_to_v1(data, &r);
	return 0;
}

void xtn_nat_put_mrc(const struct xtn_out *o, const void *data,
		     const char *rangeopt, const char *flag_pfx,
		     bool skip_colon)
{
	struct nf_nat_range2 r;

	xtn_nat_from_mrc(&r, data);
	xtn_nat_put(o, &r, rangeopt, flag_pfx, skip_colon);
}

void xtn_nat_put_v1(const struct xtn_out *o, const void *data,
		    const char *rangeopt, const char *flag_pfx, bool skip_colon)
{
	struct nf_nat_range2 r;

	xtn_nat_from_v1(&r, data);
	xtn_nat_put(o, &r, rangeopt, flag_pfx, skip_colon);
}

void xtn_nat_init_mrc(void *data, const struct xtn_family *fam)
{
	struct nf_nat_ipv4_multi_range_compat *m = data;

	(void)fam;
	m->rangesize = 1;
}
