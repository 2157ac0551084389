/*
 * Address, mask, protocol and port parsing is the guard for iptables' exact
 * rules (xtables_strtoui, __numeric_to_ipaddr, xtables_ipparse_multiple,
 * xtables_parse_protocol, proto_to_name): shorthand dotted quads, masked
 * addresses, "name/0" never resolving, and the same diagnostics.  Names go
 * through a stub resolver, so nothing here touches DNS or /etc.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>
#include <xtnft/diag.h>
#include <xtnft/netaddr.h>

static unsigned int host_calls;

static unsigned int stub_host_to_addrs(const struct xtn_resolver *self,
				       const char *name, int af,
				       union xtn_inaddr **out)
{
	const char *a0 = af == AF_INET ? "192.0.2.1" : "2001:db8::a";
	const char *a1 = af == AF_INET ? "192.0.2.2" : "2001:db8::b";
	union xtn_inaddr *v;

	host_calls++;
	if (strcmp(name, "two.example") != 0)
		return 0;
	v = calloc(2, sizeof(*v));
	assert_non_null(v);
	assert_int_equal(inet_pton(af, a0, &v[0]), 1);
	assert_int_equal(inet_pton(af, a1, &v[1]), 1);
	*out = v;
	return 2;
}

static int stub_service_to_port(const struct xtn_resolver *self,
				const char *name, const char *proto)
{
	/* proto NULL: any protocol's (ssh is known for tcp only) */
	if (strcmp(name, "ssh") == 0 && (!proto || strcmp(proto, "tcp") == 0))
		return 22;
	return -1;
}

static int stub_proto_by_name(const struct xtn_resolver *self,
			      const char *name)
{
	return strcmp(name, "tcp") == 0 ? 6 : -1;
}

static bool stub_proto_by_number(const struct xtn_resolver *self,
				 unsigned int proto, char *buf, size_t len)
{
	if (proto != 47)
		return false;
	snprintf(buf, len, "gre");
	return true;
}

static const struct xtn_resolver stub = {
	.host_to_addrs = stub_host_to_addrs,
	.net_to_addr = NULL,
	.service_to_port = stub_service_to_port,
	.proto_by_name = stub_proto_by_name,
	.proto_by_number = stub_proto_by_number,
};

/* Knows no names at all, not even through NULL-checked callbacks. */
static const struct xtn_resolver empty;

static size_t alen_of(int af)
{
	return af == AF_INET ? 4 : 16;
}

static void set_addr(union xtn_inaddr *a, int af, const char *text)
{
	memset(a, 0, sizeof(*a));
	assert_int_equal(inet_pton(af, text, a), 1);
}

static void expect_entry(const struct xtn_addr_list *l, unsigned int i, int af,
			 const char *addr, const char *mask)
{
	union xtn_inaddr a, m;

	assert_true(i < l->n);
	set_addr(&a, af, addr);
	set_addr(&m, af, mask);
	assert_memory_equal(l->v[i].addr.b, a.b, alen_of(af));
	assert_memory_equal(l->v[i].mask.b, m.b, alen_of(af));
}

static void expect_parse_fail(const char *spec, int af, const char *msg)
{
	struct xtn_loc loc = { .line = 7, .arg_first = 3, .arg_last = 4 };
	struct xtn_addr_list l;
	struct xtn_diag d;

	xtn_diag_init(&d);
	assert_int_equal(xtn_addr_parse_multiple(spec, af, &stub, &l, &d, &loc),
			 -1);
	assert_int_equal(d.status, XTN_PARAM);
	assert_non_null(d.msg);
	assert_string_equal(d.msg, msg);
	assert_int_equal(d.loc.line, 7);
	assert_int_equal(d.loc.arg_first, 3);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
	xtn_diag_fini(&d);
}

static void test_strtoui_bases(void **state)
{
	uint64_t v = 99;

	(void)state;
	assert_true(xtn_strtoui("10", NULL, &v, 0, 0));
	assert_int_equal(v, 10);
	assert_true(xtn_strtoui("010", NULL, &v, 0, 0));
	assert_int_equal(v, 8);
	assert_true(xtn_strtoui("0x10", NULL, &v, 0, 0));
	assert_int_equal(v, 16);
	assert_true(xtn_strtoui("0", NULL, &v, 0, 0));
	assert_int_equal(v, 0);
	/* max 0: no maximum at all */
	assert_true(xtn_strtoui("18446744073709551615", NULL, &v, 0, 0));
	assert_true(v == UINT64_MAX);
	assert_true(xtn_strtoui("255", NULL, &v, 0, 255));
	assert_int_equal(v, 255);
	assert_true(xtn_strtoui("5", NULL, NULL, 5, 5));
}

static void test_strtoui_rejects(void **state)
{
	uint64_t v = 99;
	char *end = NULL;
	const char *s = "12abc";

	(void)state;
	assert_false(xtn_strtoui("-1", NULL, &v, 0, 0));
	assert_false(xtn_strtoui(" -1", NULL, &v, 0, 0));
	assert_false(xtn_strtoui("", NULL, &v, 0, 0));
	assert_false(xtn_strtoui("abc", NULL, &v, 0, 0));
	assert_false(xtn_strtoui("256", NULL, &v, 0, 255));
	assert_false(xtn_strtoui("4", NULL, &v, 5, 0));
	assert_false(xtn_strtoui("18446744073709551616", NULL, &v, 0, 0));
	assert_int_equal(v, 99);
	/* like iptables, the value is stored before the trailing check */
	assert_false(xtn_strtoui("12abc", NULL, &v, 0, 0));
	assert_false(xtn_strtoui("08", NULL, &v, 0, 0));
	/* with end, trailing text is the caller's business */
	assert_true(xtn_strtoui(s, &end, &v, 0, 0));
	assert_int_equal(v, 12);
	assert_ptr_equal(end, s + 2);
}

static void expect_ipv4(const char *s, bool is_mask, const char *want)
{
	struct in_addr a, w;

	assert_true(xtn_ipv4_parse_numeric(s, is_mask, &a));
	assert_int_equal(inet_pton(AF_INET, want, &w), 1);
	assert_int_equal(a.s_addr, w.s_addr);
}

static void test_ipv4_numeric(void **state)
{
	struct in_addr a;

	(void)state;
	expect_ipv4("10", false, "10.0.0.0");
	expect_ipv4("10.1", false, "10.1.0.0");
	expect_ipv4("1.2.3", false, "1.2.3.0");
	expect_ipv4("1.2.3.4", false, "1.2.3.4");
	expect_ipv4("0x0a.010.0.1", false, "10.8.0.1");
	assert_false(xtn_ipv4_parse_numeric("1.2.3.4.5", false, &a));
	assert_false(xtn_ipv4_parse_numeric("256.1.1.1", false, &a));
	assert_false(xtn_ipv4_parse_numeric("1.2.3.256", false, &a));
	assert_false(xtn_ipv4_parse_numeric("1..3.4", false, &a));
	assert_false(xtn_ipv4_parse_numeric("1.2.3.", false, &a));
	assert_false(xtn_ipv4_parse_numeric("-1", false, &a));
	assert_false(xtn_ipv4_parse_numeric("host", false, &a));
	assert_false(xtn_ipv4_parse_numeric("", false, &a));
}

/* The shapes the decimal fast path must leave to strtoul's reading. */
static void test_ipv4_numeric_not_plain(void **state)
{
	struct in_addr a;

	(void)state;
	expect_ipv4("010.0.0.1", false, "8.0.0.1");
	expect_ipv4("1.2.3.00", false, "1.2.3.0");
	expect_ipv4("1.2.3.0x10", false, "1.2.3.16");
	expect_ipv4("1.2.3.0255", false, "1.2.3.173");
	expect_ipv4("+1.2.3.4", false, "1.2.3.4");
	assert_false(xtn_ipv4_parse_numeric("1.2.3.4 x", false, &a));
	assert_false(xtn_ipv4_parse_numeric("1.2.3.1000", false, &a));
	assert_false(xtn_ipv4_parse_numeric("1.2.3.0400", false, &a));
}

/* Every plain dotted quad reads as inet_pton reads it. */
static void test_ipv4_numeric_like_pton(void **state)
{
	unsigned int seed = 7, i;

	(void)state;
	for (i = 0; i < 100000; i++) {
		struct in_addr a, w;
		char text[INET_ADDRSTRLEN];

		w.s_addr = (uint32_t)rand_r(&seed) ^ ((uint32_t)rand_r(&seed) << 16);
		if (i % 3 == 0)
			w.s_addr &= htonl(0xff00ff00u);	/* zero bytes */
		assert_non_null(inet_ntop(AF_INET, &w, text, sizeof(text)));
		assert_true(xtn_ipv4_parse_numeric(text, false, &a));
		assert_int_equal(a.s_addr, w.s_addr);
	}
}

static void test_ipv4_numeric_mask(void **state)
{
	struct in_addr a;

	(void)state;
	expect_ipv4("255.255.255.0", true, "255.255.255.0");
	expect_ipv4("255.0.255.0", true, "255.0.255.0");
	assert_false(xtn_ipv4_parse_numeric("24", true, &a));
	assert_false(xtn_ipv4_parse_numeric("255.255", true, &a));
	assert_false(xtn_ipv4_parse_numeric("255.255.255", true, &a));
}

static void expect_cidr(int af, const char *mask, int bits)
{
	union xtn_inaddr m;

	set_addr(&m, af, mask);
	assert_int_equal(xtn_mask_to_cidr(&m, alen_of(af)), bits);
}

static void test_mask_to_cidr(void **state)
{
	(void)state;
	expect_cidr(AF_INET, "0.0.0.0", 0);
	expect_cidr(AF_INET, "128.0.0.0", 1);
	expect_cidr(AF_INET, "255.255.255.0", 24);
	expect_cidr(AF_INET, "255.255.255.254", 31);
	expect_cidr(AF_INET, "255.255.255.255", 32);
	expect_cidr(AF_INET, "255.0.255.0", -1);
	expect_cidr(AF_INET, "0.0.0.1", -1);
	expect_cidr(AF_INET6, "::", 0);
	expect_cidr(AF_INET6, "ffff:ffff:ffff:ffff::", 64);
	expect_cidr(AF_INET6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", 127);
	expect_cidr(AF_INET6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 128);
	expect_cidr(AF_INET6, "ffff:ffff:0:ffff::", -1);
	expect_cidr(AF_INET6, "::1", -1);
}

/* The definition, a bit at a time: ones, then only zeros. */
static int cidr_by_bits(const union xtn_inaddr *m, size_t alen)
{
	unsigned int bits = 0, i;
	bool zero = false;

	for (i = 0; i < alen * 8; i++) {
		if (m->b[i / 8] & (0x80u >> (i % 8))) {
			if (zero)
				return -1;
			bits++;
		} else {
			zero = true;
		}
	}
	return (int)bits;
}

/* xtn_mask_to_cidr reads a byte at a time: every value of every byte,
 * after prefixes of every length, against the definition. */
static void test_mask_to_cidr_every_byte(void **state)
{
	union xtn_inaddr m;
	unsigned int len, pos, v;

	(void)state;
	for (len = 0; len <= 128; len++) {
		for (pos = 0; pos < 16; pos++) {
			for (v = 0; v < 256; v++) {
				xtn_mask_from_cidr(&m, len, 16);
				m.b[pos] = (uint8_t)v;
				assert_int_equal(xtn_mask_to_cidr(&m, 16),
						 cidr_by_bits(&m, 16));
				assert_int_equal(xtn_mask_to_cidr(&m, 4),
						 cidr_by_bits(&m, 4));
			}
		}
	}
}

static void expect_from_cidr(int af, unsigned int bits, const char *want)
{
	union xtn_inaddr m, w;

	memset(&m, 0xaa, sizeof(m));
	xtn_mask_from_cidr(&m, bits, alen_of(af));
	set_addr(&w, af, want);
	assert_memory_equal(m.b, w.b, sizeof(m.b));
	assert_int_equal(xtn_mask_to_cidr(&m, alen_of(af)), (int)bits);
}

static void test_mask_from_cidr(void **state)
{
	(void)state;
	expect_from_cidr(AF_INET, 0, "0.0.0.0");
	expect_from_cidr(AF_INET, 1, "128.0.0.0");
	expect_from_cidr(AF_INET, 20, "255.255.240.0");
	expect_from_cidr(AF_INET, 32, "255.255.255.255");
	expect_from_cidr(AF_INET6, 0, "::");
	expect_from_cidr(AF_INET6, 64, "ffff:ffff:ffff:ffff::");
	expect_from_cidr(AF_INET6, 65, "ffff:ffff:ffff:ffff:8000::");
	expect_from_cidr(AF_INET6, 128,
			 "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
}

static void test_parse_v4_masked(void **state)
{
	struct xtn_addr_list l;
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_addr_parse_multiple("10.1.2.3/24", AF_INET, &stub,
						 &l, &d, NULL), 0);
	assert_int_equal(l.n, 1);
	expect_entry(&l, 0, AF_INET, "10.1.2.0", "255.255.255.0");
	xtn_addr_list_fini(&l);
	assert_null(l.v);

	assert_int_equal(xtn_addr_parse_multiple("10.1.2.3", AF_INET, &stub,
						 &l, &d, NULL), 0);
	assert_int_equal(l.n, 1);
	expect_entry(&l, 0, AF_INET, "10.1.2.3", "255.255.255.255");
	xtn_addr_list_fini(&l);

	/* shorthand address with a prefix */
	assert_int_equal(xtn_addr_parse_multiple("10/8", AF_INET, &stub,
						 &l, &d, NULL), 0);
	expect_entry(&l, 0, AF_INET, "10.0.0.0", "255.0.0.0");
	xtn_addr_list_fini(&l);
	assert_int_equal(d.status, 0);
	assert_null(d.msg);
	xtn_diag_fini(&d);
}

static void test_parse_v4_list(void **state)
{
	struct xtn_addr_list l;
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_addr_parse_multiple("1.2.3.4,5.6.7.8/16", AF_INET,
						 &stub, &l, &d, NULL), 0);
	assert_int_equal(l.n, 2);
	expect_entry(&l, 0, AF_INET, "1.2.3.4", "255.255.255.255");
	expect_entry(&l, 1, AF_INET, "5.6.0.0", "255.255.0.0");
	xtn_addr_list_fini(&l);
	xtn_diag_fini(&d);
}

/* One "host[/mask]", as ebtables reads it: a comma belongs to the name. */
static void test_parse_any(void **state)
{
	struct xtn_addr_list l;
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_addr_parse_any("10.1.2.3/255.0.255.0", AF_INET,
					    &stub, &l, &d, NULL), 0);
	assert_int_equal(l.n, 1);
	expect_entry(&l, 0, AF_INET, "10.0.2.0", "255.0.255.0");
	xtn_addr_list_fini(&l);
	assert_int_equal(xtn_addr_parse_any("two.example/31", AF_INET, &stub,
					    &l, &d, NULL), 0);
	assert_int_equal(l.n, 2);
	xtn_addr_list_fini(&l);
	assert_int_equal(xtn_addr_parse_any("bad/0", AF_INET6, &stub, &l, &d,
					    NULL), 0);
	expect_entry(&l, 0, AF_INET6, "::", "::");
	xtn_addr_list_fini(&l);
	assert_int_equal(xtn_addr_parse_any("1.2.3.4,5.6.7.8", AF_INET, &stub,
					    &l, &d, NULL), -1);
	assert_string_equal(d.msg, "host/network `1.2.3.4,5.6.7.8' not found");
	assert_null(l.v);
	xtn_diag_fini(&d);
}

static void test_parse_name_expands(void **state)
{
	struct xtn_addr_list l;
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_addr_parse_multiple("two.example/31,9.9.9.9",
						 AF_INET, &stub, &l, &d, NULL),
			 0);
	assert_int_equal(l.n, 3);
	expect_entry(&l, 0, AF_INET, "192.0.2.0", "255.255.255.254");
	expect_entry(&l, 1, AF_INET, "192.0.2.2", "255.255.255.254");
	expect_entry(&l, 2, AF_INET, "9.9.9.9", "255.255.255.255");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("two.example", AF_INET,
						 &stub, &l, &d, NULL), 0);
	assert_int_equal(l.n, 2);
	expect_entry(&l, 0, AF_INET, "192.0.2.1", "255.255.255.255");
	expect_entry(&l, 1, AF_INET, "192.0.2.2", "255.255.255.255");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("two.example/64", AF_INET6,
						 &stub, &l, &d, NULL), 0);
	assert_int_equal(l.n, 2);
	expect_entry(&l, 0, AF_INET6, "2001:db8::", "ffff:ffff:ffff:ffff::");
	expect_entry(&l, 1, AF_INET6, "2001:db8::", "ffff:ffff:ffff:ffff::");
	xtn_addr_list_fini(&l);
	xtn_diag_fini(&d);
}

static void test_parse_zero_mask_ignores_name(void **state)
{
	struct xtn_addr_list l;
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	host_calls = 0;
	assert_int_equal(xtn_addr_parse_multiple("anything/0", AF_INET, &stub,
						 &l, &d, NULL), 0);
	assert_int_equal(l.n, 1);
	expect_entry(&l, 0, AF_INET, "0.0.0.0", "0.0.0.0");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("anything/0.0.0.0", AF_INET,
						 &stub, &l, &d, NULL), 0);
	expect_entry(&l, 0, AF_INET, "0.0.0.0", "0.0.0.0");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("anything/0", AF_INET6, &stub,
						 &l, &d, NULL), 0);
	assert_int_equal(l.n, 1);
	expect_entry(&l, 0, AF_INET6, "::", "::");
	xtn_addr_list_fini(&l);
	assert_int_equal(host_calls, 0);
	assert_int_equal(d.status, 0);
	xtn_diag_fini(&d);
}

static void test_parse_errors(void **state)
{
	char longname[300];

	(void)state;
	expect_parse_fail("1.2.3.4/33", AF_INET, "invalid mask `33' specified");
	expect_parse_fail("1.2.3.4/-1", AF_INET, "invalid mask `-1' specified");
	expect_parse_fail("1.2.3.4/255.255", AF_INET,
			  "invalid mask `255.255' specified");
	expect_parse_fail("foo.invalid", AF_INET,
			  "host/network `foo.invalid' not found");
	expect_parse_fail("foo.invalid/24", AF_INET,
			  "host/network `foo.invalid' not found");
	/* a later failure drops what was parsed before it */
	expect_parse_fail("1.2.3.4,two.example,foo.invalid", AF_INET,
			  "host/network `foo.invalid' not found");
	expect_parse_fail("1.2.3.4.5", AF_INET,
			  "host/network `1.2.3.4.5' not found");
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	expect_parse_fail(longname, AF_INET, "Hostname too long");
}

static void test_parse_dotted_mask(void **state)
{
	struct xtn_addr_list l;
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_addr_parse_multiple("10.0.0.1/255.0.255.0",
						 AF_INET, &stub, &l, &d, NULL),
			 0);
	assert_int_equal(l.n, 1);
	expect_entry(&l, 0, AF_INET, "10.0.0.0", "255.0.255.0");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("10.9.8.7/255.255.0.0",
						 AF_INET, &stub, &l, &d, NULL),
			 0);
	expect_entry(&l, 0, AF_INET, "10.9.0.0", "255.255.0.0");
	xtn_addr_list_fini(&l);
	xtn_diag_fini(&d);
}

static void test_parse_v6(void **state)
{
	struct xtn_addr_list l;
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_addr_parse_multiple("2001:db8::1/64", AF_INET6,
						 &stub, &l, &d, NULL), 0);
	assert_int_equal(l.n, 1);
	expect_entry(&l, 0, AF_INET6, "2001:db8::", "ffff:ffff:ffff:ffff::");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("2001:db8::1", AF_INET6,
						 &stub, &l, &d, NULL), 0);
	expect_entry(&l, 0, AF_INET6, "2001:db8::1",
		     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("::/0", AF_INET6, &stub,
						 &l, &d, NULL), 0);
	expect_entry(&l, 0, AF_INET6, "::", "::");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple(
				"2001:db8:1:2:3::/ffff:ffff:0:ffff::",
				AF_INET6, &stub, &l, &d, NULL), 0);
	expect_entry(&l, 0, AF_INET6, "2001:db8:0:2::", "ffff:ffff:0:ffff::");
	xtn_addr_list_fini(&l);

	assert_int_equal(xtn_addr_parse_multiple("::1,2001:db8::5/127",
						 AF_INET6, &stub, &l, &d, NULL),
			 0);
	assert_int_equal(l.n, 2);
	expect_entry(&l, 0, AF_INET6, "::1",
		     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	expect_entry(&l, 1, AF_INET6, "2001:db8::4",
		     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe");
	xtn_addr_list_fini(&l);
	assert_int_equal(d.status, 0);
	xtn_diag_fini(&d);

	expect_parse_fail("2001:db8::/129", AF_INET6,
			  "invalid mask `129' specified");
	expect_parse_fail("1.2.3.4", AF_INET6,
			  "host/network `1.2.3.4' not found");
}

static void expect_ntop(int af, const char *text)
{
	union xtn_inaddr a;
	char buf[INET6_ADDRSTRLEN];

	set_addr(&a, af, text);
	assert_ptr_equal(xtn_addr_ntop(&a, af, buf, sizeof(buf)), buf);
	assert_string_equal(buf, text);
}

static void test_addr_ntop(void **state)
{
	(void)state;
	expect_ntop(AF_INET, "0.0.0.0");
	expect_ntop(AF_INET, "192.0.2.255");
	expect_ntop(AF_INET6, "::");
	expect_ntop(AF_INET6, "2001:db8::1");
	expect_ntop(AF_INET6, "::ffff:1.2.3.4");
}

/* xtn_addr_ntop writes the text itself: it must be inet_ntop's, byte for
 * byte, for the addresses a save meets (sparse groups make the zero runs
 * and the dotted IPv4 tails). */
static void test_addr_ntop_like_libc(void **state)
{
	static const uint16_t pick[] = { 0, 0, 0, 1, 0xffff, 0x12, 0xabc, 0x100 };
	char want[INET6_ADDRSTRLEN], got[INET6_ADDRSTRLEN];
	union xtn_inaddr a;
	unsigned int seed = 1, n, i;

	(void)state;
	for (n = 0; n < 200000; n++) {
		for (i = 0; i < 8; i++) {
			seed = seed * 1103515245u + 12345u;
			a.v6.s6_addr[2 * i] = (uint8_t)(pick[seed >> 16 & 7] >> 8);
			a.v6.s6_addr[2 * i + 1] =
				(uint8_t)(n & 1 ? seed >> 24 : pick[seed >> 16 & 7]);
		}
		assert_non_null(inet_ntop(AF_INET6, &a, want, sizeof(want)));
		assert_string_equal(xtn_addr_ntop(&a, AF_INET6, got, sizeof(got)),
				    want);
		assert_non_null(inet_ntop(AF_INET, &a, want, sizeof(want)));
		assert_string_equal(xtn_addr_ntop(&a, AF_INET, got, sizeof(got)),
				    want);
	}
	memset(&a, 0, sizeof(a));
	for (i = 0; i < 16; i++) {	/* ::, ::1, ::ffff:0.0.0.1, ... */
		a.v6.s6_addr[15 - i] = 1;
		inet_ntop(AF_INET6, &a, want, sizeof(want));
		assert_string_equal(xtn_addr_ntop(&a, AF_INET6, got, sizeof(got)),
				    want);
		a.v6.s6_addr[10] = a.v6.s6_addr[11] = 0xff;
		inet_ntop(AF_INET6, &a, want, sizeof(want));
		assert_string_equal(xtn_addr_ntop(&a, AF_INET6, got, sizeof(got)),
				    want);
		memset(&a, 0, sizeof(a));
	}
	/* too small a buffer is "?", as before */
	assert_string_equal(xtn_addr_ntop(&a, AF_INET6, got, 2), "?");
}

static void expect_suffix(int af, const char *mask, bool hide_host,
			  const char *want)
{
	union xtn_inaddr m;
	char buf[64];

	set_addr(&m, af, mask);
	memset(buf, 'x', sizeof(buf));
	xtn_mask_suffix(&m, af, hide_host, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

static void test_mask_suffix(void **state)
{
	(void)state;
	expect_suffix(AF_INET, "255.255.255.255", true, "");
	expect_suffix(AF_INET, "255.255.255.255", false, "/32");
	expect_suffix(AF_INET, "255.255.255.0", true, "/24");
	expect_suffix(AF_INET, "0.0.0.0", true, "/0");
	expect_suffix(AF_INET, "255.0.255.0", true, "/255.0.255.0");
	expect_suffix(AF_INET6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true,
		      "");
	expect_suffix(AF_INET6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
		      false, "/128");
	expect_suffix(AF_INET6, "ffff:ffff:ffff:ffff::", true, "/64");
	expect_suffix(AF_INET6, "ffff:ffff:0:ffff::", true,
		      "/ffff:ffff:0:ffff::");
}

static void expect_proto(const char *s, const struct xtn_resolver *res,
			 int want)
{
	uint16_t p = 999;

	if (want < 0) {
		assert_int_equal(xtn_proto_parse(s, res, &p), -1);
		return;
	}
	assert_int_equal(xtn_proto_parse(s, res, &p), 0);
	assert_int_equal(p, want);
}

static void test_proto_parse(void **state)
{
	(void)state;
	expect_proto("6", &stub, 6);
	expect_proto("0", &stub, 0);
	expect_proto("0x11", &stub, 17);
	expect_proto("255", &stub, 255);
	expect_proto("all", &stub, 0);
	expect_proto("tcp", &stub, 6);
	expect_proto("256", &stub, -1);
	expect_proto("-1", &stub, -1);
	expect_proto("bogus", &stub, -1);
	expect_proto("", &stub, -1);
}

static void test_proto_builtin(void **state)
{
	(void)state;
	expect_proto("icmpv6", &xtn_resolver_none, 58);
	expect_proto("ipv6-icmp", &xtn_resolver_none, 58);
	expect_proto("mh", &xtn_resolver_none, 135);
	expect_proto("ipv6-mh", &xtn_resolver_none, 135);
	expect_proto("udplite", &xtn_resolver_none, 136);
	expect_proto("tcp", &xtn_resolver_none, 6);
	expect_proto("sctp", &xtn_resolver_none, 132);
	expect_proto("esp", &empty, 50);
	expect_proto("ah", &empty, 51);
	expect_proto("all", &empty, 0);
	expect_proto("gre", &empty, -1);
	expect_proto("bogus", &xtn_resolver_none, -1);
	expect_proto("TCP", &xtn_resolver_none, -1);
}

static void test_proto_name(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(xtn_proto_name(6, true, &stub, buf, sizeof(buf)),
			    "tcp");
	assert_string_equal(xtn_proto_name(0, true, &stub, buf, sizeof(buf)),
			    "all");
	/* 1.8.9's table order: its first name of a number */
	assert_string_equal(xtn_proto_name(58, true, &stub, buf, sizeof(buf)),
			    "ipv6-icmp");
	assert_string_equal(xtn_proto_name(135, true, &stub, buf, sizeof(buf)),
			    "mobility-header");
	assert_null(xtn_proto_name(47, true, &stub, buf, sizeof(buf)));
	assert_string_equal(xtn_proto_name(47, false, &stub, buf, sizeof(buf)),
			    "gre");
	/* the resolver does not know 6: the built-in table answers */
	assert_string_equal(xtn_proto_name(6, false, &stub, buf, sizeof(buf)),
			    "tcp");
	assert_string_equal(xtn_proto_name(0, false, &stub, buf, sizeof(buf)),
			    "all");
	assert_null(xtn_proto_name(253, false, &stub, buf, sizeof(buf)));
	assert_null(xtn_proto_name(47, false, &empty, buf, sizeof(buf)));
}

/* A resolver that names every protocol oddly and counts being asked. */
static unsigned int proto_asked;

static int odd_proto_by_name(const struct xtn_resolver *self,
			     const char *name)
{
	proto_asked++;
	return strcmp(name, "gre") == 0 ? 47 : 253;
}

static bool odd_proto_by_number(const struct xtn_resolver *self,
				unsigned int proto, char *buf, size_t len)
{
	proto_asked++;
	snprintf(buf, len, "odd%u", proto);
	return true;
}

/* The usual protocols never reach the resolver (/etc/protocols), either
 * way; the others do. */
static void test_proto_table_first(void **state)
{
	static const struct xtn_resolver odd = {
		.proto_by_name = odd_proto_by_name,
		.proto_by_number = odd_proto_by_number,
	};
	static const struct {
		const char *name;
		int num;
	} usual[] = {
		{ "tcp", 6 }, { "sctp", 132 }, { "udp", 17 },
		{ "udplite", 136 }, { "icmp", 1 }, { "ipv6-icmp", 58 },
		{ "icmpv6", 58 }, { "esp", 50 }, { "ah", 51 },
		{ "mobility-header", 135 }, { "ipv6-mh", 135 }, { "mh", 135 },
		{ "all", 0 },
	};
	char buf[32];
	size_t i;

	(void)state;
	proto_asked = 0;
	for (i = 0; i < sizeof(usual) / sizeof(usual[0]); i++) {
		const char *name;

		expect_proto(usual[i].name, &odd, usual[i].num);
		name = xtn_proto_name((unsigned int)usual[i].num, false, &odd,
				      buf, sizeof(buf));
		assert_non_null(name);
		assert_int_equal(strncmp(name, "odd", 3) != 0, 1);
	}
	assert_int_equal(proto_asked, 0);
	expect_proto("gre", &odd, 47);
	assert_string_equal(xtn_proto_name(47, false, &odd, buf, sizeof(buf)),
			    "odd47");
	assert_int_equal(proto_asked, 2);
}

static void test_port_parse(void **state)
{
	(void)state;
	assert_int_equal(xtn_port_parse("ssh", "tcp", &stub), 22);
	assert_int_equal(xtn_port_parse("ssh", "udp", &stub), -1);
	assert_int_equal(xtn_port_parse("0", "tcp", &stub), 0);
	assert_int_equal(xtn_port_parse("80", "tcp", &stub), 80);
	assert_int_equal(xtn_port_parse("0x50", "tcp", &stub), 80);
	assert_int_equal(xtn_port_parse("65535", "tcp", &stub), 65535);
	assert_int_equal(xtn_port_parse("65536", "tcp", &stub), -1);
	assert_int_equal(xtn_port_parse("-1", "tcp", &stub), -1);
	assert_int_equal(xtn_port_parse("http", "tcp", &stub), -1);
	assert_int_equal(xtn_port_parse("22x", "tcp", &stub), -1);
	assert_int_equal(xtn_port_parse("", "tcp", &stub), -1);
	assert_int_equal(xtn_port_parse("443", "tcp", &empty), 443);
	assert_int_equal(xtn_port_parse("ssh", "tcp", &empty), -1);
}

/* A resolver whose any-protocol lookup reads numbers as getaddrinfo does. */
static int numeric_service_to_port(const struct xtn_resolver *self,
				   const char *name, const char *proto)
{
	char *end;
	unsigned long v = strtoul(name, &end, 10);

	if (!proto && *end == '\0')
		return (int)(v & 0xffff);
	return stub_service_to_port(self, name, proto);
}

/* No protocol (ebtables' ports): getservbyname(name, NULL), no numbers. */
static void test_port_parse_noproto(void **state)
{
	static const struct xtn_resolver numeric = {
		.service_to_port = numeric_service_to_port,
	};

	(void)state;
	assert_int_equal(xtn_port_parse("ssh", NULL, &numeric), 22);
	assert_int_equal(xtn_port_parse("80", NULL, &numeric), 80);
	assert_int_equal(xtn_port_parse("65536", NULL, &numeric), -1);
	assert_int_equal(xtn_port_parse("-1", NULL, &numeric), -1);
	assert_int_equal(xtn_port_parse("", NULL, &numeric), -1);
}

/* -m udp's ports: getaddrinfo's reading of a number, any protocol's name. */
static void test_port_parse_any(void **state)
{
	(void)state;
	assert_int_equal(xtn_port_parse_any("ssh", &stub), 22);
	assert_int_equal(xtn_port_parse_any("ssh", &empty), -1);
	assert_int_equal(xtn_port_parse_any("http", &stub), -1);
	assert_int_equal(xtn_port_parse_any("80", &empty), 80);
	assert_int_equal(xtn_port_parse_any("010", &empty), 10);
	assert_int_equal(xtn_port_parse_any(" +7", &empty), 7);
	assert_int_equal(xtn_port_parse_any("", &empty), 0);
	assert_int_equal(xtn_port_parse_any("-0", &empty), 0);
	assert_int_equal(xtn_port_parse_any("65536", &empty), 0);
	assert_int_equal(xtn_port_parse_any("99999", &empty), 34463);
	assert_int_equal(xtn_port_parse_any("4294967296", &empty), 0);
	assert_int_equal(xtn_port_parse_any("4294967295", &empty), -1);
	assert_int_equal(xtn_port_parse_any("-1", &empty), -1);
	assert_int_equal(xtn_port_parse_any("0x50", &empty), -1);
	assert_int_equal(xtn_port_parse_any("22 ", &empty), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strtoui_bases),
		cmocka_unit_test(test_strtoui_rejects),
		cmocka_unit_test(test_ipv4_numeric),
		cmocka_unit_test(test_ipv4_numeric_mask),
		cmocka_unit_test(test_ipv4_numeric_not_plain),
		cmocka_unit_test(test_ipv4_numeric_like_pton),
		cmocka_unit_test(test_mask_to_cidr),
		cmocka_unit_test(test_mask_to_cidr_every_byte),
		cmocka_unit_test(test_mask_from_cidr),
		cmocka_unit_test(test_parse_v4_masked),
		cmocka_unit_test(test_parse_v4_list),
		cmocka_unit_test(test_parse_any),
		cmocka_unit_test(test_parse_name_expands),
		cmocka_unit_test(test_parse_zero_mask_ignores_name),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_dotted_mask),
		cmocka_unit_test(test_parse_v6),
		cmocka_unit_test(test_addr_ntop),
		cmocka_unit_test(test_addr_ntop_like_libc),
		cmocka_unit_test(test_mask_suffix),
		cmocka_unit_test(test_proto_parse),
		cmocka_unit_test(test_proto_builtin),
		cmocka_unit_test(test_proto_name),
		cmocka_unit_test(test_proto_table_first),
		cmocka_unit_test(test_port_parse),
		cmocka_unit_test(test_port_parse_any),
		cmocka_unit_test(test_port_parse_noproto),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
