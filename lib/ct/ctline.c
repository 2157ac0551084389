/*
 * The default (and -o extended, -o id) line of an entry, written directly.
 * nfct_snprintf() prints it through a snprintf() call per field: at 250k
 * entries that formatting is most of conntrack -L's userspace time.  This
 * writes the same bytes with plain copies and a digit loop.
 *
 * It covers what dumps are made of: TCP, UDP, UDP-Lite, ICMP, ICMPv6 and
 * GRE entries with their counters, status, mark, zones, secmark, helper,
 * use and id.  Anything else (SCTP and DCCP states, timestamps, labels,
 * an unknown family, or a field nfct_snprintf() would print without its
 * attribute being set, which only it can read) is left to nfct_snprintf():
 * xtn_ct_line() then returns false and writes nothing.  test-ctline
 * compares the two on generated entries, attribute by attribute.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <xtnft/ctrun.h>
#include <xtnft/util.h>

#ifndef IPPROTO_UDPLITE
#define IPPROTO_UDPLITE 136
#endif

/* libnetfilter_conntrack's status bits for the [..] tags */
#define ST_SEEN_REPLY (1u << 1)
#define ST_ASSURED (1u << 2)
#define ST_OFFLOAD (1u << 14)
#define ST_HW_OFFLOAD (1u << 15)

/* a line being written; nfct_snprintf's lines fit 1 KiB with room */
struct line {
	char buf[1024];
	size_t len;
	bool ok;	/* false once a field cannot be written here */
};

static void put(struct line *l, const char *s, size_t n)
{
	if (l->len + n > sizeof(l->buf)) {
		l->ok = false;
		return;
	}
	memcpy(l->buf + l->len, s, n);
	l->len += n;
}

static void puts_(struct line *l, const char *s)
{
	put(l, s, strlen(s));
}

static void put_u64(struct line *l, uint64_t v)
{
	char d[20];
	size_t n = sizeof(d);

	do {
		d[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put(l, d + n, sizeof(d) - n);
}

/* "name=V " */
static void field(struct line *l, const char *name, uint64_t v)
{
	puts_(l, name);
	put_u64(l, v);
	put(l, " ", 1);
}

static void put_hex(struct line *l, unsigned int v)
{
	static const char digits[] = "0123456789abcdef";
	char d[8];
	size_t n = sizeof(d);

	do {
		d[--n] = digits[v & 0xf];
		v >>= 4;
	} while (v);
	put(l, d + n, sizeof(d) - n);
}

/* the attribute's bytes, or NULL after marking the line not writable */
static const void *need(struct line *l, const struct nf_conntrack *ct,
			enum nf_conntrack_attr a)
{
	const void *p = nfct_get_attr(ct, a);

	if (!p)
		l->ok = false;
	return p;
}

static bool has(const struct nf_conntrack *ct, enum nf_conntrack_attr a)
{
	return nfct_attr_is_set(ct, a) > 0;
}

/* "%-8s %u " of a name and its number */
static void padded(struct line *l, const char *name, unsigned int num)
{
	size_t n = strlen(name);

	put(l, name, n);
	for (; n < 8; n++)
		put(l, " ", 1);
	put(l, " ", 1);
	put_u64(l, num);
	put(l, " ", 1);
}

static const char *l4_name(unsigned int p)
{
	switch (p) {
	case IPPROTO_TCP: return "tcp";
	case IPPROTO_UDP: return "udp";
	case IPPROTO_UDPLITE: return "udplite";
	case IPPROTO_ICMP: return "icmp";
	case IPPROTO_ICMPV6: return "icmpv6";
	case IPPROTO_SCTP: return "sctp";
	case IPPROTO_GRE: return "gre";
	case IPPROTO_DCCP: return "dccp";
	default: return "unknown";
	}
}

static const char *const tcp_states[] = {
	"NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT",
	"CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2",
};

/* the attributes of one direction's tuple */
struct dir_attrs {
	enum nf_conntrack_attr l3, l4, src4, dst4, src6, dst6, sport, dport;
	enum nf_conntrack_attr zone, packets, bytes;
	const char *zone_tag;
};

static const struct dir_attrs orig_attrs = {
	ATTR_ORIG_L3PROTO, ATTR_ORIG_L4PROTO, ATTR_ORIG_IPV4_SRC,
	ATTR_ORIG_IPV4_DST, ATTR_ORIG_IPV6_SRC, ATTR_ORIG_IPV6_DST,
	ATTR_ORIG_PORT_SRC, ATTR_ORIG_PORT_DST, ATTR_ORIG_ZONE,
	ATTR_ORIG_COUNTER_PACKETS, ATTR_ORIG_COUNTER_BYTES, "zone-orig=",
};

static const struct dir_attrs repl_attrs = {
	ATTR_REPL_L3PROTO, ATTR_REPL_L4PROTO, ATTR_REPL_IPV4_SRC,
	ATTR_REPL_IPV4_DST, ATTR_REPL_IPV6_SRC, ATTR_REPL_IPV6_DST,
	ATTR_REPL_PORT_SRC, ATTR_REPL_PORT_DST, ATTR_REPL_ZONE,
	ATTR_REPL_COUNTER_PACKETS, ATTR_REPL_COUNTER_BYTES, "zone-reply=",
};

/* a dotted quad (inet_ntop's own goes through sprintf) */
static void put_ipv4(struct line *l, const uint8_t *a)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			put(l, ".", 1);
		put_u64(l, a[i]);
	}
}

static void address(struct line *l, const char *tag, const void *a, int af)
{
	char s[INET6_ADDRSTRLEN];

	if (!a)
		return;
	if (af == AF_INET) {
		puts_(l, tag);
		put_ipv4(l, a);
		put(l, " ", 1);
		return;
	}
	if (!inet_ntop(af, a, s, sizeof(s))) {
		l->ok = false;
		return;
	}
	puts_(l, tag);
	puts_(l, s);
	put(l, " ", 1);
}

/* "sport=.. dport=..", "type=.. code=.. id=..", "srckey=0x.. dstkey=0x.." */
static void l4_tuple(struct line *l, const struct nf_conntrack *ct,
		     const struct dir_attrs *d, unsigned int proto)
{
	const uint8_t *dst;
	const uint16_t *src;

	switch (proto) {
	case IPPROTO_TCP: case IPPROTO_UDP: case IPPROTO_UDPLITE:
	case IPPROTO_SCTP: case IPPROTO_DCCP: case IPPROTO_GRE:
	case IPPROTO_ICMP: case IPPROTO_ICMPV6:
		break;
	default:
		return;
	}
	if ((proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) &&
	    d == &orig_attrs) {
		const uint8_t *t = need(l, ct, ATTR_ICMP_TYPE);
		const uint8_t *c = need(l, ct, ATTR_ICMP_CODE);
		const uint16_t *id = need(l, ct, ATTR_ICMP_ID);

		if (t && c && id) {
			field(l, "type=", *t);
			field(l, "code=", *c);
			field(l, "id=", ntohs(*id));
		}
		return;
	}
	src = need(l, ct, d->sport);
	dst = need(l, ct, d->dport);
	if (!src || !dst)
		return;
	if (proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) {
		/* the reply's destination "port" holds its type and code */
		field(l, "type=", dst[0]);
		field(l, "code=", dst[1]);
		field(l, "id=", ntohs(*src));
	} else if (proto == IPPROTO_GRE) {
		uint16_t k;

		memcpy(&k, dst, sizeof(k));
		puts_(l, "srckey=0x");
		put_hex(l, ntohs(*src));
		puts_(l, " dstkey=0x");
		put_hex(l, ntohs(k));
		put(l, " ", 1);
	} else {
		uint16_t p;

		memcpy(&p, dst, sizeof(p));
		field(l, "sport=", ntohs(*src));
		field(l, "dport=", ntohs(p));
	}
}

/* one direction: addresses, ports, zone, counters */
static void direction(struct line *l, const struct nf_conntrack *ct,
		      const struct dir_attrs *d)
{
	const uint8_t *l3 = need(l, ct, d->l3);
	const uint8_t *l4 = need(l, ct, d->l4);

	if (!l3 || !l4)
		return;
	if (*l3 == AF_INET) {
		address(l, "src=", need(l, ct, d->src4), AF_INET);
		address(l, "dst=", need(l, ct, d->dst4), AF_INET);
	} else if (*l3 == AF_INET6) {
		address(l, "src=", need(l, ct, d->src6), AF_INET6);
		address(l, "dst=", need(l, ct, d->dst6), AF_INET6);
	} else {
		l->ok = false;
		return;
	}
	l4_tuple(l, ct, d, *l4);
	if (has(ct, d->zone))
		field(l, d->zone_tag, nfct_get_attr_u16(ct, d->zone));
	if (has(ct, d->packets) && has(ct, d->bytes)) {
		field(l, "packets=", nfct_get_attr_u64(ct, d->packets));
		field(l, "bytes=", nfct_get_attr_u64(ct, d->bytes));
	}
}

static void head(struct line *l, const struct nf_conntrack *ct,
		 unsigned int type, bool layer3)
{
	static const char *const tags[] = {
		[NFCT_T_NEW] = "    [NEW] ", [NFCT_T_UPDATE] = " [UPDATE] ",
		[NFCT_T_DESTROY] = "[DESTROY] ",
	};
	const uint8_t *l3 = need(l, ct, ATTR_ORIG_L3PROTO);
	const uint8_t *l4 = need(l, ct, ATTR_ORIG_L4PROTO);

	if (type < XTN_ARRAY_SIZE(tags) && tags[type])
		puts_(l, tags[type]);
	if (!l3 || !l4)
		return;
	if (layer3)
		padded(l, *l3 == AF_INET ? "ipv4" : *l3 == AF_INET6 ? "ipv6" :
			  "unknown", *l3);
	padded(l, l4_name(*l4), *l4);
	if (has(ct, ATTR_TIMEOUT))
		field(l, "", nfct_get_attr_u32(ct, ATTR_TIMEOUT));
	if (has(ct, ATTR_TCP_STATE)) {
		uint8_t s = nfct_get_attr_u8(ct, ATTR_TCP_STATE);

		puts_(l, tcp_states[s < XTN_ARRAY_SIZE(tcp_states) ? s : 0]);
		put(l, " ", 1);
	}
}

static void string_field(struct line *l, const struct nf_conntrack *ct,
			 const char *name, enum nf_conntrack_attr a)
{
	const char *s;

	if (!has(ct, a))
		return;
	s = nfct_get_attr(ct, a);
	puts_(l, name);
	puts_(l, s ? s : "(null)");
	put(l, " ", 1);
}

static void tail(struct line *l, const struct nf_conntrack *ct, bool id)
{
	uint32_t st;

	if (has(ct, ATTR_STATUS)) {
		st = nfct_get_attr_u32(ct, ATTR_STATUS);
		if (st & ST_HW_OFFLOAD)
			puts_(l, "[HW_OFFLOAD] ");
		else if (st & ST_OFFLOAD)
			puts_(l, "[OFFLOAD] ");
		else if (st & ST_ASSURED)
			puts_(l, "[ASSURED] ");
	}
	if (has(ct, ATTR_MARK))
		field(l, "mark=", nfct_get_attr_u32(ct, ATTR_MARK));
	if (has(ct, ATTR_SECMARK))
		field(l, "secmark=", nfct_get_attr_u32(ct, ATTR_SECMARK));
	string_field(l, ct, "secctx=", ATTR_SECCTX);
	if (has(ct, ATTR_ZONE))
		field(l, "zone=", nfct_get_attr_u16(ct, ATTR_ZONE));
	string_field(l, ct, "helper=", ATTR_HELPER_NAME);
	if (has(ct, ATTR_USE))
		field(l, "use=", nfct_get_attr_u32(ct, ATTR_USE));
	if (id && has(ct, ATTR_ID))
		field(l, "id=", nfct_get_attr_u32(ct, ATTR_ID));
}

/* what only nfct_snprintf() prints right */
static bool beyond(const struct nf_conntrack *ct, unsigned int flags)
{
	return (flags & ~(unsigned int)(NFCT_OF_SHOW_LAYER3 | NFCT_OF_ID)) ||
	       has(ct, ATTR_SCTP_STATE) || has(ct, ATTR_DCCP_STATE) ||
	       has(ct, ATTR_TIMESTAMP_START) || has(ct, ATTR_CONNLABELS);
}

bool xtn_ct_line(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		 unsigned int type, unsigned int flags)
{
	struct line l;

	if (beyond(ct, flags))
		return false;
	l.len = 0;
	l.ok = true;
	head(&l, ct, type, flags & NFCT_OF_SHOW_LAYER3);
	direction(&l, ct, &orig_attrs);
	if (has(ct, ATTR_STATUS) &&
	    !(nfct_get_attr_u32(ct, ATTR_STATUS) & ST_SEEN_REPLY))
		puts_(&l, "[UNREPLIED] ");
	direction(&l, ct, &repl_attrs);
	tail(&l, ct, flags & NFCT_OF_ID);
	if (!l.ok)
		return false;
	/* nfct_snprintf drops the last blank */
	if (l.len)
		l.len--;
	xtn_strbuf_put(out, l.buf, l.len);
	return true;
}
