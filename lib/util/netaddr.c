/*
 * Address, mask, protocol and port parsing with iptables' exact rules
 * (xtables_ipparse_multiple and friends), minus the hidden DNS: names go
 * through the injected resolver.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <xtnft/diag.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

bool xtn_strtoui(const char *s, char **end, uint64_t *value, uint64_t min,
		 uint64_t max)
{
	const char *p;
	char *my_end;
	uintmax_t v;

	for (p = s; isspace((unsigned char)*p); ++p)
		;
	if (*p == '-')
		return false;
	errno = 0;
	v = strtoumax(s, &my_end, 0);
	if (my_end == s)
		return false;
	if (end)
		*end = my_end;
	if (errno != ERANGE && min <= v && (max == 0 || v <= max)) {
		if (value)
			*value = v;
		if (!end)
			return *my_end == '\0';
		return true;
	}
	return false;
}

bool xtn_strtou64_dec(const char *s, const char **end, uint64_t *value)
{
	uint64_t v = 0;
	const char *p;

	for (p = s; *p >= '0' && *p <= '9'; p++) {
		unsigned int digit = (unsigned int)(*p - '0');

		if (v > (UINT64_MAX - digit) / 10)
			return false;
		v = v * 10 + digit;
	}
	if (p == s)
		return false;
	*end = p;
	*value = v;
	return true;
}

const char *xtn_skip_number_lead(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '+' ? s + 1 : s;
}

/* The common case, four decimal numbers without leading zeros: what
 * strtoul reads the same in every base iptables allows.  False means
 * "not that shape", for the general reader to decide. */
static bool parse_plain_quad(const char *s, uint8_t bytes[4])
{
	int i;

	for (i = 0; i < 4; i++) {
		unsigned int v = 0, digits = 0;

		if (*s == '0' && s[1] >= '0' && s[1] <= '9')
			return false;	/* octal in iptables' reading */
		for (; *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
			v = v * 10 + (unsigned int)(*s - '0');
		if (!digits || digits > 3 || v > UINT8_MAX)
			return false;
		bytes[i] = (uint8_t)v;
		if (i < 3 && *s++ != '.')
			return false;
	}
	return *s == '\0';
}

bool xtn_ipv4_parse_numeric(const char *dotted, bool is_mask,
			    struct in_addr *out)
{
	uint8_t *bytes = (uint8_t *)&out->s_addr;
	char buf[20], *p, *q;
	uint64_t v;
	int i;

	if (parse_plain_quad(dotted, bytes))
		return true;

	/* iptables copies into a 20-byte buffer; longer input is cut. */
	strncpy(buf, dotted, sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	p = buf;
	for (i = 0; i < 3; ++i) {
		q = strchr(p, '.');
		if (!q) {
			if (is_mask)
				return false;
			/* "10" and "10.1" are network shorthands */
			if (!xtn_strtoui(p, NULL, &v, 0, UINT8_MAX))
				return false;
			bytes[i] = (uint8_t)v;
			while (i < 3)
				bytes[++i] = 0;
			return true;
		}
		*q = '\0';
		if (!xtn_strtoui(p, NULL, &v, 0, UINT8_MAX))
			return false;
		bytes[i] = (uint8_t)v;
		p = q + 1;
	}
	if (!xtn_strtoui(p, NULL, &v, 0, UINT8_MAX))
		return false;
	bytes[3] = (uint8_t)v;
	return true;
}

int xtn_mask_to_cidr(const union xtn_inaddr *mask, size_t alen)
{
	unsigned int bits = 0, ones;
	size_t i;
	bool zero_seen = false;

	/* a byte at a time (a save asks this of every address it prints):
	 * ones, then at most one partial byte, then zeros */
	for (i = 0; i < alen; i++) {
		uint8_t b = mask->b[i];

		if (b == 0) {
			zero_seen = true;
			continue;
		}
		if (zero_seen)
			return -1;
		if (b == 0xff) {
			bits += 8;
			continue;
		}
		for (ones = 0; ones < 8 && (b & (0x80u >> ones)); ones++)
			;
		if (b != (uint8_t)(0xff00u >> ones))
			return -1;	/* a one after a zero in this byte */
		bits += ones;
		zero_seen = ones < 8;
	}
	return (int)bits;
}

void xtn_mask_from_cidr(union xtn_inaddr *mask, unsigned int bits, size_t alen)
{
	size_t i;

	memset(mask, 0, sizeof(*mask));
	for (i = 0; i < alen && bits; i++) {
		unsigned int n = bits > 8 ? 8 : bits;

		mask->b[i] = (uint8_t)(0xff << (8 - n));
		bits -= n;
	}
}

static int parse_mask(const char *s, int af, union xtn_inaddr *mask,
		      struct xtn_diag *d, const struct xtn_loc *loc)
{
	size_t alen = af == AF_INET ? 4 : 16;
	uint64_t bits;

	memset(mask, 0, sizeof(*mask));
	if (!s) {
		memset(mask->b, 0xff, alen);
		return 0;
	}
	if (af == AF_INET && xtn_ipv4_parse_numeric(s, true, &mask->v4))
		return 0;
	if (af == AF_INET6 && inet_pton(AF_INET6, s, &mask->v6) == 1)
		return 0;
	if (!xtn_strtoui(s, NULL, &bits, 0, alen * 8))
		return xtn_fail(d, XTN_PARAM, loc, "invalid mask `%s' specified",
				s);
	xtn_mask_from_cidr(mask, (unsigned int)bits, alen);
	return 0;
}

/* One host or network; several addresses when a name resolves to many. */
static int parse_host(const char *name, int af, const struct xtn_resolver *res,
		      union xtn_inaddr **out, unsigned int *n,
		      struct xtn_diag *d, const struct xtn_loc *loc)
{
	union xtn_inaddr a;
	struct in_addr net;

	memset(&a, 0, sizeof(a));
	if ((af == AF_INET && xtn_ipv4_parse_numeric(name, false, &a.v4)) ||
	    (af == AF_INET6 && inet_pton(AF_INET6, name, &a.v6) == 1)) {
		*out = xtn_xmalloc(sizeof(a));
		**out = a;
		*n = 1;
		return 0;
	}
	if (af == AF_INET && res->net_to_addr && res->net_to_addr(res, name, &net)) {
		*out = xtn_xzalloc(sizeof(a));
		(*out)->v4 = net;
		*n = 1;
		return 0;
	}
	*n = res->host_to_addrs ? res->host_to_addrs(res, name, af, out) : 0;
	if (*n)
		return 0;
	return xtn_fail(d, XTN_PARAM, loc, "host/network `%s' not found", name);
}

static void list_add(struct xtn_addr_list *l, const union xtn_inaddr *a,
		     const union xtn_inaddr *m, size_t alen)
{
	struct xtn_addrmask *am;
	size_t i;

	l->v = xtn_xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	am = &l->v[l->n++];
	memset(am, 0, sizeof(*am));
	am->mask = *m;
	for (i = 0; i < alen; i++)
		am->addr.b[i] = a->b[i] & m->b[i];
}

/* One "host[/mask]" held in buf (which it may change), its addresses
 * appended to out. */
static int parse_item(char *buf, int af, const struct xtn_resolver *res,
		      struct xtn_addr_list *out, struct xtn_diag *d,
		      const struct xtn_loc *loc)
{
	size_t alen = af == AF_INET ? 4 : 16;
	union xtn_inaddr mask, *addrs = NULL;
	char *slash = strrchr(buf, '/');
	unsigned int n = 0, j;

	if (slash)
		*slash = '\0';
	if (parse_mask(slash ? slash + 1 : NULL, af, &mask, d, loc) < 0)
		return -1;
	/* a null mask makes the name irrelevant, like "any/0" */
	if (xtn_mask_to_cidr(&mask, alen) == 0)
		strcpy(buf, af == AF_INET ? "0.0.0.0" : "::");
	if (parse_host(buf, af, res, &addrs, &n, d, loc) < 0)
		return -1;
	for (j = 0; j < n; j++)
		list_add(out, &addrs[j], &mask, alen);
	free(addrs);
	return 0;
}

/* Copy len bytes of spec into buf (256 bytes) and parse them as one item. */
static int parse_span(const char *spec, size_t len, int af,
		      const struct xtn_resolver *res, struct xtn_addr_list *out,
		      struct xtn_diag *d, const struct xtn_loc *loc)
{
	char buf[256];

	if (len > sizeof(buf) - 1)
		return xtn_fail(d, XTN_PARAM, loc, "Hostname too long");
	memcpy(buf, spec, len);
	buf[len] = '\0';
	return parse_item(buf, af, res, out, d, loc);
}

int xtn_addr_parse_multiple(const char *spec, int af,
			    const struct xtn_resolver *res,
			    struct xtn_addr_list *out, struct xtn_diag *d,
			    const struct xtn_loc *loc)
{
	const char *name = spec;

	out->v = NULL;
	out->n = 0;
	for (;;) {
		const char *next = strchr(name, ',');
		size_t len = next ? (size_t)(next - name) : strlen(name);

		if (parse_span(name, len, af, res, out, d, loc) < 0) {
			xtn_addr_list_fini(out);
			return -1;
		}
		if (!next)
			break;
		name = next + 1;
	}
	return 0;
}

int xtn_addr_parse_any(const char *spec, int af, const struct xtn_resolver *res,
		       struct xtn_addr_list *out, struct xtn_diag *d,
		       const struct xtn_loc *loc)
{
	out->v = NULL;
	out->n = 0;
	if (parse_span(spec, strlen(spec), af, res, out, d, loc) < 0) {
		xtn_addr_list_fini(out);
		return -1;
	}
	return 0;
}

void xtn_addr_list_any(struct xtn_addr_list *l)
{
	l->v = xtn_xzalloc(sizeof(*l->v));
	l->n = 1;
}

void xtn_addr_list_fini(struct xtn_addr_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static char *put_dec(char *p, unsigned int v)
{
	if (v >= 100)
		*p++ = (char)('0' + v / 100);
	if (v >= 10)
		*p++ = (char)('0' + v / 10 % 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

static char *put_v4(char *p, const uint8_t b[4])
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			*p++ = '.';
		p = put_dec(p, b[i]);
	}
	return p;
}

/* The longest run of two or more zero groups (the first of equal ones),
 * which "::" replaces; *len 0 when there is none. */
static int zero_run(const uint16_t w[8], int *len)
{
	int i, base = -1, best = -1, best_len = 0;

	for (i = 0; i <= 8; i++) {
		if (i < 8 && w[i] == 0) {
			if (base < 0)
				base = i;
			continue;
		}
		if (base >= 0 && i - base > best_len)
			best = base, best_len = i - base;
		base = -1;
	}
	*len = best_len >= 2 ? best_len : 0;
	return best_len >= 2 ? best : -1;
}

/* inet_ntop(AF_INET6)'s text, glibc's rules included: ::a.b.c.d and
 * ::ffff:a.b.c.d keep the IPv4 tail dotted. */
static char *put_v6(char *p, const uint8_t b[16])
{
	static const char hex[] = "0123456789abcdef";
	uint16_t w[8];
	int i, run, run_len, shift;

	for (i = 0; i < 8; i++)
		w[i] = (uint16_t)(b[2 * i] << 8 | b[2 * i + 1]);
	run = zero_run(w, &run_len);
	for (i = 0; i < 8; i++) {
		if (run >= 0 && i >= run && i < run + run_len) {
			if (i == run)
				*p++ = ':';
			continue;
		}
		if (i)
			*p++ = ':';
		if (i == 6 && run == 0 &&
		    (run_len == 6 || (run_len == 5 && w[5] == 0xffff)))
			return put_v4(p, b + 12);
		for (shift = 12; shift > 0 && !(w[i] >> shift); shift -= 4)
			;
		for (; shift >= 0; shift -= 4)
			*p++ = hex[w[i] >> shift & 0xf];
	}
	if (run >= 0 && run + run_len == 8)
		*p++ = ':';
	return p;
}

/* Written here rather than by inet_ntop, whose sprintf per group is most
 * of what a save spends on an address. */
const char *xtn_addr_ntop(const union xtn_inaddr *a, int af, char *buf,
			  size_t len)
{
	char tmp[INET6_ADDRSTRLEN], *end;

	if (af == AF_INET)
		end = put_v4(tmp, (const uint8_t *)&a->v4);
	else if (af == AF_INET6)
		end = put_v6(tmp, a->v6.s6_addr);
	else
		end = tmp;
	*end = '\0';
	if (end == tmp || (size_t)(end - tmp) >= len)
		snprintf(buf, len, "?");
	else
		memcpy(buf, tmp, (size_t)(end - tmp) + 1);
	return buf;
}

/* snprintf(buf, len, "%s", text) without the formatting */
static void copy_text(char *buf, size_t len, const char *text)
{
	size_t n = strlen(text);

	if (!len)
		return;
	if (n >= len)
		n = len - 1;
	memcpy(buf, text, n);
	buf[n] = '\0';
}

void xtn_mask_suffix(const union xtn_inaddr *mask, int af, bool hide_host,
		     char *buf, size_t len)
{
	size_t alen = af == AF_INET ? 4 : 16;
	int cidr = xtn_mask_to_cidr(mask, alen);
	char tmp[INET6_ADDRSTRLEN];

	if (cidr < 0)
		snprintf(buf, len, "/%s", xtn_addr_ntop(mask, af, tmp, sizeof(tmp)));
	else if (hide_host && (size_t)cidr == alen * 8)
		buf[0] = '\0';
	else {
		tmp[0] = '/';
		*put_dec(tmp + 1, (unsigned int)cidr) = '\0';
		copy_text(buf, len, tmp);
	}
}

/* Six groups of one or two hex digits, ':' between them, [s, end). */
static bool mac_parse_exact(const char *s, const char *end, uint8_t mac[6])
{
	unsigned int i, n, v;

	for (i = 0; i < 6; i++) {
		for (n = 0, v = 0; n < 2 && s < end && isxdigit((unsigned char)*s);
		     n++, s++)
			v = v * 16 + (unsigned int)(isdigit((unsigned char)*s) ?
				*s - '0' : tolower((unsigned char)*s) - 'a' + 10);
		if (n == 0)
			return false;
		mac[i] = (uint8_t)v;
		if (i < 5 && (s == end || *s++ != ':'))
			return false;
	}
	return s == end;
}

bool xtn_mac_parse(const char *s, uint8_t mac[6])
{
	return mac_parse_exact(s, s + strlen(s), mac);
}

bool xtn_mac_parse_masked(const char *s, uint8_t mac[6], uint8_t mask[6])
{
	static const struct {
		const char *name;
		uint8_t mac[6], mask[6];
	} names[] = {
		{ "Unicast", { 0 }, { 1 } },
		{ "Multicast", { 1 }, { 1 } },
		{ "Broadcast", { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		  { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } },
		{ "BGA", { 0x01, 0x80, 0xc2 },
		  { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } },
	};
	const char *slash = strrchr(s, '/');
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(names); i++) {
		if (strcasecmp(s, names[i].name) == 0) {
			memcpy(mac, names[i].mac, 6);
			memcpy(mask, names[i].mask, 6);
			return true;
		}
	}
	if (slash) {
		if (!mac_parse_exact(slash + 1, slash + strlen(slash), mask))
			return false;
	} else {
		memset(mask, 0xff, 6);
		slash = s + strlen(s);
	}
	if (!mac_parse_exact(s, slash, mac))
		return false;
	for (i = 0; i < 6; i++)
		mac[i] &= mask[i];
	return true;
}

void xtn_mac_format_masked(const uint8_t mac[6], const uint8_t mask[6],
			   char *buf, size_t len)
{
	static const uint8_t ones[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	int n;

	n = snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		     mac[2], mac[3], mac[4], mac[5]);
	if (memcmp(mask, ones, 6) != 0 && n > 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n,
			 "/%02x:%02x:%02x:%02x:%02x:%02x", mask[0], mask[1],
			 mask[2], mask[3], mask[4], mask[5]);
}

/*
 * iptables' built-in protocol names (xtables_chain_protos), in its order.
 * 1.8.9 looks them up before /etc/protocols both ways, so the usual
 * protocols never make glibc read that file (it rereads it on every
 * lookup), and a number's first name here is the one printed.
 */
static const struct {
	const char *name;
	uint8_t num;
} chain_protos[] = {
	{ "tcp", 6 },		{ "sctp", 132 },	{ "udp", 17 },
	{ "udplite", 136 },	{ "icmp", 1 },		{ "ipv6-icmp", 58 },
	{ "icmpv6", 58 },	{ "esp", 50 },		{ "ah", 51 },
	{ "mobility-header", 135 }, { "ipv6-mh", 135 },	{ "mh", 135 },
	{ "all", 0 },
};

int xtn_proto_parse(const char *s, const struct xtn_resolver *res,
		    uint16_t *out)
{
	uint64_t v;
	size_t i;
	int p;

	if (xtn_strtoui(s, NULL, &v, 0, UINT8_MAX)) {
		*out = (uint16_t)v;
		return 0;
	}
	for (i = 0; i < XTN_ARRAY_SIZE(chain_protos); i++) {
		if (strcmp(s, chain_protos[i].name) == 0) {
			*out = chain_protos[i].num;
			return 0;
		}
	}
	p = res->proto_by_name ? res->proto_by_name(res, s) : -1;
	if (p < 0)
		return -1;
	*out = (uint16_t)p;
	return 0;
}

const char *xtn_proto_name(unsigned int proto, bool nolookup,
			   const struct xtn_resolver *res, char *buf,
			   size_t len)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(chain_protos); i++) {
		if (chain_protos[i].num == proto)
			return chain_protos[i].name;
	}
	if (proto && !nolookup && res->proto_by_number &&
	    res->proto_by_number(res, proto, buf, len))
		return buf;
	return NULL;
}

int xtn_port_parse(const char *s, const char *proto,
		   const struct xtn_resolver *res)
{
	uint64_t v;

	/* iptables' xtables_parse_port: a number first, then a service name */
	if (xtn_strtoui(s, NULL, &v, 0, UINT16_MAX))
		return (int)v;
	/* without a protocol 1.8.9 asks getservbyname(s, NULL), which knows
	 * no numbers, where the resolver's any-protocol lookup (getaddrinfo)
	 * would take "65536" as port 0 */
	if (!proto) {
		char *end;

		(void)strtoul(s, &end, 10);
		if (*end == '\0')
			return -1;
	}
	return res->service_to_port ? res->service_to_port(res, s, proto) : -1;
}

int xtn_port_parse_any(const char *s, const struct xtn_resolver *res)
{
	unsigned long v;
	char *end;
	int num;

	/* glibc's getaddrinfo reads a service as decimal with strtoul (blanks
	 * and a sign allowed, "" is 0), keeps it in an int and uses its low
	 * 16 bits; a negative int, or trailing text, makes it a name */
	v = strtoul(s, &end, 10);
	num = (int)(unsigned int)v;
	if (*end == '\0' && num >= 0)
		return num & 0xffff;
	return res->service_to_port ? res->service_to_port(res, s, NULL) : -1;
}

bool xtn_res_port_to_service(const struct xtn_resolver *r, unsigned int port,
			     const char *proto, char *buf, size_t len)
{
	return r->port_to_service && r->port_to_service(r, port, proto, buf, len);
}

bool xtn_res_addr_to_host(const struct xtn_resolver *r,
			  const union xtn_inaddr *a, int af, char *buf,
			  size_t len)
{
	return r->addr_to_host && r->addr_to_host(r, a, af, buf, len);
}

bool xtn_res_addr_to_net(const struct xtn_resolver *r, const struct in_addr *a,
			 char *buf, size_t len)
{
	return r->addr_to_net && r->addr_to_net(r, a, buf, len);
}
