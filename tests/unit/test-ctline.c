/*
 * The directly written entry line (lib/ct/ctline.c) against
 * libnetfilter_conntrack's nfct_snprintf(), the bytes conntrack-tools
 * prints: on generated entries with every mix of attributes, set through
 * the setters and again after a netlink round trip (how dumped entries
 * are made), each with the event tags and the -o extended and -o id
 * flags.  Wherever xtn_ct_line() writes a line, it must be nfct_snprintf's;
 * and it must write most of them, or the fast path is dead code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack_tcp.h>
#include <xtnft/ctrun.h>
#include <xtnft/util.h>
#include "ct-test.h"

#define ENTRIES 4000

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

/* xorshift64: the same entries on every run */
static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static bool chance(unsigned int percent)
{
	return rnd() % 100 < percent;
}

static uint64_t big(void)
{
	/* small numbers, and the widest */
	switch (rnd() % 4) {
	case 0: return 0;
	case 1: return rnd() % 1000;
	case 2: return UINT64_MAX;
	default: return rnd();
	}
}

static void set_addrs(struct nf_conntrack *ct, int af, bool orig)
{
	uint8_t a[16];
	size_t i;
	int n;

	for (n = 0; n < 2; n++) {
		if (chance(3))
			continue;	/* an address left unset */
		for (i = 0; i < sizeof(a); i++)
			a[i] = (uint8_t)(chance(50) ? 0 : rnd());
		if (af == AF_INET6)
			nfct_set_attr(ct, orig ? (n ? ATTR_ORIG_IPV6_DST : ATTR_ORIG_IPV6_SRC)
					       : (n ? ATTR_REPL_IPV6_DST : ATTR_REPL_IPV6_SRC), a);
		else
			nfct_set_attr(ct, orig ? (n ? ATTR_ORIG_IPV4_DST : ATTR_ORIG_IPV4_SRC)
					       : (n ? ATTR_REPL_IPV4_DST : ATTR_REPL_IPV4_SRC), a);
	}
}

static void set_l4(struct nf_conntrack *ct, uint8_t proto)
{
	if (proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) {
		nfct_set_attr_u8(ct, ATTR_ICMP_TYPE, (uint8_t)rnd());
		nfct_set_attr_u8(ct, ATTR_ICMP_CODE, (uint8_t)rnd());
		nfct_set_attr_u16(ct, ATTR_ICMP_ID, (uint16_t)rnd());
		if (chance(50))
			return;
	}
	if (!chance(95))
		return;
	nfct_set_attr_u16(ct, ATTR_ORIG_PORT_SRC, (uint16_t)rnd());
	nfct_set_attr_u16(ct, ATTR_ORIG_PORT_DST, (uint16_t)rnd());
	nfct_set_attr_u16(ct, ATTR_REPL_PORT_SRC, (uint16_t)rnd());
	nfct_set_attr_u16(ct, ATTR_REPL_PORT_DST, (uint16_t)rnd());
}

static void set_meta(struct nf_conntrack *ct, uint8_t proto)
{
	if (chance(90))
		nfct_set_attr_u32(ct, ATTR_TIMEOUT, (uint32_t)big());
	if (proto == IPPROTO_TCP && chance(80))
		nfct_set_attr_u8(ct, ATTR_TCP_STATE, (uint8_t)(rnd() % 14));
	if (proto == IPPROTO_SCTP && chance(50))
		nfct_set_attr_u8(ct, ATTR_SCTP_STATE, (uint8_t)(rnd() % 12));
	if (proto == IPPROTO_DCCP && chance(50))
		nfct_set_attr_u8(ct, ATTR_DCCP_STATE, (uint8_t)(rnd() % 12));
	if (chance(90))
		nfct_set_attr_u32(ct, ATTR_STATUS, (uint32_t)rnd());
	if (chance(60))
		nfct_set_attr_u32(ct, ATTR_MARK, (uint32_t)big());
	if (chance(10))
		nfct_set_attr_u32(ct, ATTR_SECMARK, (uint32_t)big());
	if (chance(10))
		nfct_set_attr_u16(ct, ATTR_ZONE, (uint16_t)rnd());
	if (chance(10))
		nfct_set_attr_u16(ct, ATTR_ORIG_ZONE, (uint16_t)rnd());
	if (chance(10))
		nfct_set_attr_u16(ct, ATTR_REPL_ZONE, (uint16_t)rnd());
	if (chance(50)) {
		nfct_set_attr_u64(ct, ATTR_ORIG_COUNTER_PACKETS, big());
		if (chance(90))
			nfct_set_attr_u64(ct, ATTR_ORIG_COUNTER_BYTES, big());
		nfct_set_attr_u64(ct, ATTR_REPL_COUNTER_PACKETS, big());
		nfct_set_attr_u64(ct, ATTR_REPL_COUNTER_BYTES, big());
	}
	if (chance(5))
		nfct_set_attr(ct, ATTR_HELPER_NAME, chance(50) ? "ftp" : "sip");
	if (chance(70))
		nfct_set_attr_u32(ct, ATTR_USE, (uint32_t)(rnd() % 4));
	if (chance(70))
		nfct_set_attr_u32(ct, ATTR_ID, (uint32_t)rnd());
	if (chance(2))
		nfct_set_attr_u64(ct, ATTR_TIMESTAMP_START, big());
}

static struct nf_conntrack *make_entry(void)
{
	static const uint8_t protos[] = {
		IPPROTO_TCP, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_UDP,
		IPPROTO_UDPLITE, IPPROTO_ICMP, IPPROTO_ICMPV6, IPPROTO_SCTP,
		IPPROTO_GRE, IPPROTO_DCCP, 0, 99, 255,
	};
	struct nf_conntrack *ct = nfct_new();
	uint8_t proto = protos[rnd() % sizeof(protos)];
	int af = chance(60) ? AF_INET : chance(90) ? AF_INET6 : 7;

	assert_non_null(ct);
	if (chance(99))
		nfct_set_attr_u8(ct, ATTR_ORIG_L3PROTO, (uint8_t)af);
	if (chance(99))
		nfct_set_attr_u8(ct, ATTR_REPL_L3PROTO, (uint8_t)af);
	nfct_set_attr_u8(ct, ATTR_ORIG_L4PROTO, proto);
	nfct_set_attr_u8(ct, ATTR_REPL_L4PROTO, proto);
	set_addrs(ct, af, true);
	set_addrs(ct, af, false);
	set_l4(ct, proto);
	set_meta(ct, proto);
	return ct;
}

/* the entry as a dump would deliver it: built, then parsed */
static struct nf_conntrack *round_trip(const struct nf_conntrack *ct)
{
	static char buf[8192];
	struct nf_conntrack *back = nfct_new();
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nfgenmsg *nfg;

	assert_non_null(back);
	nlh->nlmsg_type = (NFNL_SUBSYS_CTNETLINK << 8) | IPCTNL_MSG_CT_NEW;
	nfg = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfg));
	nfg->nfgen_family = nfct_get_attr_u8(ct, ATTR_ORIG_L3PROTO);
	nfct_nlmsg_build(nlh, ct);
	nfct_nlmsg_parse(nlh, back);
	return back;
}

/* one entry, every tag and flag: true when the fast line was written */
static unsigned int compare(const struct nf_conntrack *ct, unsigned int n)
{
	static const unsigned int types[] = {
		0, NFCT_T_NEW, NFCT_T_UPDATE, NFCT_T_DESTROY,
	};
	static const unsigned int flags[] = {
		0, NFCT_OF_SHOW_LAYER3, NFCT_OF_ID,
		NFCT_OF_SHOW_LAYER3 | NFCT_OF_ID,
	};
	unsigned int fast = 0;
	struct xtn_strbuf out;
	char want[4096];
	size_t t, f;

	xtn_strbuf_init(&out);
	for (t = 0; t < XTN_ARRAY_SIZE(types); t++) {
		for (f = 0; f < XTN_ARRAY_SIZE(flags); f++) {
			xtn_strbuf_reset(&out);
			if (!xtn_ct_line(&out, ct, types[t], flags[f])) {
				assert_int_equal(out.len, 0);
				continue;
			}
			fast++;
			nfct_snprintf(want, sizeof(want), ct, types[t],
				      NFCT_O_DEFAULT, flags[f]);
			xtn_strbuf_putc(&out, '\0');
			if (strcmp(out.buf, want) != 0)
				fail_msg("entry %u, type %u, flags %u:\n"
					 " nfct_snprintf: \"%s\"\n"
					 " xtn_ct_line:   \"%s\"",
					 n, types[t], flags[f], want, out.buf);
		}
	}
	xtn_strbuf_fini(&out);
	return fast;
}

static void test_lines_match_nfct_snprintf(void **state)
{
	unsigned int n, fast = 0, fast_parsed = 0;
	(void)state;

	for (n = 0; n < ENTRIES; n++) {
		struct nf_conntrack *ct = make_entry();
		struct nf_conntrack *back = round_trip(ct);

		fast += compare(ct, n) ? 1 : 0;
		fast_parsed += compare(back, n) ? 1 : 0;
		nfct_destroy(back);
		nfct_destroy(ct);
	}
	/* most generated entries are of the kinds dumps are made of */
	print_message("fast lines: %u of %u set, %u of %u parsed\n", fast,
		      ENTRIES, fast_parsed, ENTRIES);
	assert_true(fast > ENTRIES / 2);
	assert_true(fast_parsed > ENTRIES / 2);
}

/* the lines a table of UDP and TCP flows is made of: every one fast */
static void test_common_entries_are_fast(void **state)
{
	static const struct ct_flow f = {
		.src = "10.0.1.2", .dst = "192.0.2.1", .sport = 40000,
		.dport = 443, .timeout = 431999, .status = IPS_SEEN_REPLY,
		.mark = 7,
	};
	struct nf_conntrack *ct = ct_flow_new(&f), *back;
	struct xtn_strbuf out;
	(void)state;

	assert_non_null(ct);
	back = round_trip(ct);
	xtn_strbuf_init(&out);
	assert_true(xtn_ct_line(&out, back, 0, 0));
	xtn_strbuf_putc(&out, '\0');
	assert_string_equal(out.buf,
		"tcp      6 431999 ESTABLISHED src=10.0.1.2 dst=192.0.2.1 "
		"sport=40000 dport=443 src=192.0.2.1 dst=10.0.1.2 sport=443 "
		"dport=40000 [ASSURED] mark=7");
	xtn_strbuf_fini(&out);
	nfct_destroy(back);
	nfct_destroy(ct);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_match_nfct_snprintf),
		cmocka_unit_test(test_common_entries_are_fast),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
