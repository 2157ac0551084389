/*
 * The decoder reads what any tool put in the kernel: rules built here
 * expression by expression, the way nft or a broken writer could, must be
 * read safely and never misread (marked undecodable instead).  Also the
 * descriptors' own invariants the decoder and parser rely on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <linux/netlink.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/xt_comment.h>
#include <linux/netfilter/xt_conntrack.h>
#include <linux/netfilter/xt_hashlimit.h>
#include <linux/netfilter/xt_iprange.h>
#include <linux/netfilter/xt_limit.h>
#include <linux/netfilter/xt_multiport.h>
#include <linux/netfilter/xt_recent.h>
#include <linux/if_packet.h>
#include <linux/netfilter/xt_set.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/xt_TPROXY.h>
#include <linux/netfilter/xt_socket.h>
#include <xtnft/codec.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include "rule-build.h"

static struct nftnl_rule *new_rule(void)
{
	struct nftnl_rule *r = nftnl_rule_alloc();

	nftnl_rule_set_u32(r, NFTNL_RULE_FAMILY, NFPROTO_IPV4);
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, "filter");
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, "INPUT");
	return r;
}

static void add_l4proto(struct nftnl_rule *r, uint8_t proto)
{
	struct nftnl_expr *e = nftnl_expr_alloc("meta");

	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, NFT_META_L4PROTO);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, NFT_REG_1);
	nftnl_rule_add_expr(r, e);
	e = nftnl_expr_alloc("cmp");
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, NFT_CMP_EQ);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, &proto, 1);
	nftnl_rule_add_expr(r, e);
}

/* payload load of the transport header, optionally masked, then cmp eq */
static void add_th_cmp(struct nftnl_rule *r, uint32_t off, uint32_t len,
		       const void *mask, const void *data)
{
	rb_payload_cmp(r, NFT_PAYLOAD_TRANSPORT_HEADER, off, len, mask,
		       NFT_CMP_EQ, data, len);
}

static void add_verdict(struct nftnl_rule *r, int verdict, const char *chain)
{
	struct nftnl_expr *e = nftnl_expr_alloc("immediate");

	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, (uint32_t)verdict);
	if (chain)
		nftnl_expr_set_str(e, NFTNL_EXPR_IMM_CHAIN, chain);
	nftnl_rule_add_expr(r, e);
}

/* Decode r (freeing it); the save form, or "!" + the reason it was not. */
static char *decode(struct nftnl_rule *nr, enum xtn_dec_status *st)
{
	struct xtn_rule *r = xtn_codec_decode(nr, &xtn_family_ipv4, st);
	struct xtn_strbuf sb;

	xtn_strbuf_init(&sb);
	if (r->undecodable)
		xtn_strbuf_printf(&sb, "!%s", r->undecodable);
	else
		xtn_print_rule_save(&sb, r, "-A", "INPUT", 0, &xtn_resolver_none);
	xtn_rule_free(r);
	nftnl_rule_free(nr);
	return xtn_strbuf_steal(&sb);
}

static void expect(struct nftnl_rule *nr, enum xtn_dec_status want_st,
		   const char *want)
{
	enum xtn_dec_status st;
	char *got = decode(nr, &st);

	assert_int_equal(st, want_st);
	assert_string_equal(got, want);
	free(got);
}

/* A listing remembers which descriptor reads an xt name only where one
 * alone does: "conntrack" blobs are the state or the conntrack match by
 * their data, every time. */
static void test_xt_memo_keeps_only_unshared_names(void **state)
{
	struct xt_conntrack_mtinfo3 as_state = {
		.match_flags = XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS
	}, as_conntrack = { .match_flags = XT_CONNTRACK_STATE };
	struct xt_comment_info comment = { .comment = "x" };
	struct xtn_xt_memo memo = { .n = 0 };
	const struct xtn_xt_rev *how;
	unsigned int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_string_equal(xtn_ext_find_xt("conntrack", 3, XTN_EXT_MATCH,
						    &xtn_family_ipv4, &as_state,
						    sizeof(as_state), &how,
						    &memo)->name, "state");
		assert_string_equal(xtn_ext_find_xt("conntrack", 3, XTN_EXT_MATCH,
						    &xtn_family_ipv4,
						    &as_conntrack,
						    sizeof(as_conntrack), &how,
						    &memo)->name, "conntrack");
		assert_string_equal(xtn_ext_find_xt("comment", 0, XTN_EXT_MATCH,
						    &xtn_family_ipv4, &comment,
						    sizeof(comment), &how,
						    &memo)->name, "comment");
		assert_null(xtn_ext_find_xt("comment", 7, XTN_EXT_MATCH,
					    &xtn_family_ipv4, &comment,
					    sizeof(comment), &how, &memo));
	}
	assert_int_equal(memo.n, 1);
	assert_string_equal(memo.slot[0].name, "comment");
	/* more names than slots: the oldest make room, answers stay right */
	for (i = 0; i < 2 * XTN_XT_MEMO_SLOTS; i++) {
		static const char *const names[] = {
			"comment", "multiport", "limit", "hashlimit", "iprange",
			"recent", "physdev", "pkttype", "addrtype", "string",
		};
		const char *n = names[i % XTN_ARRAY_SIZE(names)];
		const struct xtn_ext *e = xtn_ext_find_xt(n, 1, XTN_EXT_MATCH,
							  &xtn_family_ipv4,
							  NULL, 0, &how, &memo);
		const struct xtn_ext *plain = xtn_ext_find_xt(n, 1, XTN_EXT_MATCH,
							      &xtn_family_ipv4,
							      NULL, 0, &how,
							      NULL);

		assert_ptr_equal(e, plain);
	}
	assert_true(memo.n <= XTN_XT_MEMO_SLOTS);
}

static void test_udata_lengths_are_not_trusted(void **state)
{
	/* type 0 (comment) claiming 200 bytes of a 3-byte buffer */
	static const uint8_t bad[] = { 0, 200, 'a' };
	static const uint8_t good[] = { 0, 3, 'h', 'i', 0, 0, 9 };
	struct nftnl_rule *r;

	(void)state;
	r = new_rule();
	add_verdict(r, NF_ACCEPT, NULL);
	nftnl_rule_set_data(r, NFTNL_RULE_USERDATA, bad, sizeof(bad));
	expect(r, XTN_DEC_OK, "-A INPUT -j ACCEPT\n");
	/* a good comment, then a truncated header: the comment survives */
	r = new_rule();
	add_verdict(r, NF_ACCEPT, NULL);
	nftnl_rule_set_data(r, NFTNL_RULE_USERDATA, good, sizeof(good));
	expect(r, XTN_DEC_OK, "-A INPUT -m comment --comment hi -j ACCEPT\n");
}

static void test_jump_without_chain_name_is_not_read(void **state)
{
	struct nftnl_rule *r = new_rule();

	(void)state;
	add_verdict(r, NFT_JUMP, NULL);
	expect(r, XTN_DEC_LOSSY, "!jump without a chain name");
}

static void test_tcp_flags_beyond_iptables_names(void **state)
{
	static const uint8_t ecn_mask = 0xc0, ecn = 0x40;
	static const uint8_t syn_ack = 0x12, syn = 0x02;
	struct nftnl_rule *r;
	char *got;
	enum xtn_dec_status st;

	(void)state;
	/* tcp flags & (ecn|cwr) == ecn: nothing in --tcp-flags says that */
	r = new_rule();
	add_l4proto(r, 6);
	add_th_cmp(r, 13, 1, &ecn_mask, &ecn);
	got = decode(r, &st);
	assert_int_equal(st, XTN_DEC_LOSSY);
	assert_true(got[0] == '!');
	free(got);
	r = new_rule();
	add_l4proto(r, 6);
	add_th_cmp(r, 13, 1, &syn_ack, &syn);
	expect(r, XTN_DEC_OK, "-A INPUT -p tcp -m tcp --tcp-flags SYN,ACK SYN\n");
}

static void test_repeated_port_is_a_second_match(void **state)
{
	static const uint8_t p22[2] = { 0, 22 }, p23[2] = { 0, 23 };
	struct nftnl_rule *r = new_rule();

	(void)state;
	add_l4proto(r, 17);
	add_th_cmp(r, 2, 2, NULL, p22);
	add_th_cmp(r, 2, 2, NULL, p23);
	expect(r, XTN_DEC_OK,
	       "-A INPUT -p udp -m udp --dport 22 -m udp --dport 23\n");
}

/* An xt match or target blob as an older iptables-nft wrote it. */
static void add_xt(struct nftnl_rule *r, bool target, const char *name,
		   uint32_t rev, const void *info, uint32_t len)
{
	struct nftnl_expr *e = nftnl_expr_alloc(target ? "target" : "match");
	void *copy = malloc(len);	/* the expression takes it over */

	memcpy(copy, info, len);

	nftnl_expr_set_str(e, target ? NFTNL_EXPR_TG_NAME : NFTNL_EXPR_MT_NAME,
			   name);
	nftnl_expr_set_u32(e, target ? NFTNL_EXPR_TG_REV : NFTNL_EXPR_MT_REV,
			   rev);
	nftnl_expr_set(e, target ? NFTNL_EXPR_TG_INFO : NFTNL_EXPR_MT_INFO,
		       copy, len);
	nftnl_rule_add_expr(r, e);
}

/* NAT, TPROXY and socket revisions 1.8.9 does not write on this kernel
 * but older iptables-nft (or older kernels) did. */
static void test_older_nat_revisions(void **state)
{
	struct nf_nat_range2 r2 = { .flags = 3 };	/* MAP_IPS|PROTO_SPECIFIED */
	struct nf_nat_ipv4_multi_range_compat m = { .rangesize = 1 };
	struct xt_tproxy_target_info t0 = { .mark_mask = 3, .mark_value = 1,
					    .lport = htons(80) };
	struct xt_socket_mtinfo2 s2 = { .flags = 3 };
	struct nftnl_rule *r;

	(void)state;
	r2.min_addr.ip = r2.max_addr.ip = htonl(0x01020304);
	r2.min_proto.tcp.port = r2.max_proto.tcp.port = htons(80);
	r = new_rule();
	add_xt(r, true, "SNAT", 1, &r2, sizeof(struct nf_nat_range));
	expect(r, XTN_DEC_OK, "-A INPUT -j SNAT --to-source 1.2.3.4:80\n");
	r = new_rule();
	add_xt(r, true, "SNAT", 2, &r2, sizeof(r2));
	expect(r, XTN_DEC_OK, "-A INPUT -j SNAT --to-source 1.2.3.4:80\n");
	r = new_rule();
	add_xt(r, true, "DNAT", 1, &r2, sizeof(struct nf_nat_range));
	expect(r, XTN_DEC_OK, "-A INPUT -j DNAT --to-destination 1.2.3.4:80\n");
	/* a base port that revision 0 of SNAT cannot hold: not guessed */
	r2.flags |= NF_NAT_RANGE_PROTO_OFFSET;
	r2.base_proto.tcp.port = htons(1000);
	r = new_rule();
	add_xt(r, true, "SNAT", 2, &r2, sizeof(r2));
	expect(r, XTN_DEC_LOSSY, "!SNAT data");
	m.range[0].flags = NF_NAT_RANGE_MAP_IPS;
	m.range[0].min_ip = htonl(0x0a000001);
	m.range[0].max_ip = htonl(0x0a000002);
	r = new_rule();
	add_xt(r, true, "DNAT", 0, &m, sizeof(m));
	expect(r, XTN_DEC_OK,
	       "-A INPUT -j DNAT --to-destination 10.0.0.1-10.0.0.2\n");
	t0.laddr = htonl(0x7f000001);
	r = new_rule();
	add_l4proto(r, 6);
	add_xt(r, true, "TPROXY", 0, &t0, sizeof(t0));
	expect(r, XTN_DEC_OK,
	       "-A INPUT -p tcp -j TPROXY --on-port 80 --on-ip 127.0.0.1 --tproxy-mark 0x1/0x3\n");
	r = new_rule();
	add_xt(r, false, "socket", 2, &s2, sizeof(s2));
	expect(r, XTN_DEC_OK, "-A INPUT -m socket --transparent --nowildcard\n");
	/* revision 1 has no --nowildcard */
	r = new_rule();
	add_xt(r, false, "socket", 1, &s2, sizeof(s2));
	expect(r, XTN_DEC_LOSSY, "!socket data");
}

/* -m set as iptables-nft writes it on kernels without rev 4 (rev 3: each
 * counter is op before value); the set's name is the resolver's, which
 * knows none here, so its index stands in. */
static void test_set_match_rev3_is_read(void **state)
{
	struct xt_set_info_match_v3 v3;
	struct nftnl_rule *r = new_rule();
	struct nftnl_expr *e = nftnl_expr_alloc("match");

	(void)state;
	memset(&v3, 0, sizeof(v3));
	v3.match_set.index = 3;
	v3.match_set.dim = 2;
	v3.match_set.flags = 1u << 1;	/* src,dst */
	v3.packets.op = IPSET_COUNTER_GT;
	v3.packets.value = 5;
	v3.flags = IPSET_FLAG_RETURN_NOMATCH;
	nftnl_expr_set_str(e, NFTNL_EXPR_MT_NAME, "set");
	nftnl_expr_set_u32(e, NFTNL_EXPR_MT_REV, 3);
	/* libnftnl keeps (and frees) the buffer it is given */
	nftnl_expr_set(e, NFTNL_EXPR_MT_INFO, memcpy(malloc(sizeof(v3)), &v3,
						     sizeof(v3)), sizeof(v3));
	nftnl_rule_add_expr(r, e);
	expect(r, XTN_DEC_OK,
	       "-A INPUT -m set --match-set #3 src,dst --return-nomatch --packets-gt 5\n");
}

/* Option ids index 32-bit sets (seen, excl, also): a descriptor with a
 * bigger id would corrupt them. */
static void test_descriptor_option_ids_fit(void **state)
{
	const struct xtn_ext *const *reg;
	size_t n, i;

	(void)state;
	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++) {
		const struct xtn_optdef *o;

		for (o = reg[i]->opts; o && o->name; o++)
			assert_true(o->id < XTN_MAX_OPT_IDS);
	}
}

/* An xt match blob of a revision 1.8.9 does not write (older iptables or
 * kernels did); info is zero-padded to the 8-byte size. */
static void add_match(struct nftnl_rule *r, const char *name, uint32_t rev,
		      const void *info, size_t len)
{
	struct nftnl_expr *e = nftnl_expr_alloc("match");
	size_t size = (len + 7) & ~(size_t)7;
	void *buf = calloc(1, size);

	memcpy(buf, info, len);
	nftnl_expr_set_str(e, NFTNL_EXPR_MT_NAME, name);
	nftnl_expr_set_u32(e, NFTNL_EXPR_MT_REV, rev);
	/* libnftnl keeps buf (it does not copy match data) */
	nftnl_expr_set(e, NFTNL_EXPR_MT_INFO, buf, (uint32_t)size);
	nftnl_rule_add_expr(r, e);
}

static void test_match1_old_revisions(void **state)
{
	struct xt_multiport mp = { .flags = XT_MULTIPORT_DESTINATION,
				   .count = 2, .ports = { 80, 443 } };
	struct { uint32_t smin, smax, dmin, dmax; uint8_t flags; } ipr = {
		htonl(0x01020304), htonl(0x01020309), 0, 0, IPRANGE_SRC };
	struct xt_recent_mtinfo rc = { .seconds = 60,
				       .check_set = XT_RECENT_CHECK,
				       .name = "SSH",
				       .side = XT_RECENT_SOURCE };
	struct xt_hashlimit_mtinfo2 h2 = { .name = "a", .cfg = {
		.avg = 200000, .burst = 5, .mode = XT_HASHLIMIT_HASH_SIP,
		.gc_interval = 1000, .expire = 1000, .srcmask = 32,
		.dstmask = 32 } };
	struct xt_hashlimit_mtinfo1 h1 = { .name = "a", .cfg = {
		.avg = 2000, .burst = 5, .mode = XT_HASHLIMIT_HASH_SIP,
		.gc_interval = 1000, .expire = 1000, .srcmask = 32,
		.dstmask = 32 } };
	struct xt_rateinfo lim = { .avg = 60000, .burst = 7 };
	struct nftnl_rule *r;

	(void)state;
	r = new_rule();
	add_l4proto(r, 6);
	add_match(r, "multiport", 0, &mp, sizeof(mp));
	expect(r, XTN_DEC_OK, "-A INPUT -p tcp -m multiport --dports 80,443\n");
	r = new_rule();
	add_match(r, "iprange", 0, &ipr, 17);
	expect(r, XTN_DEC_OK,
	       "-A INPUT -m iprange --src-range 1.2.3.4-1.2.3.9\n");
	r = new_rule();
	add_match(r, "recent", 0, &rc, sizeof(rc));
	expect(r, XTN_DEC_OK,
	       "-A INPUT -m recent --rcheck --seconds 60 --name SSH --mask 255.255.255.255 --rsource\n");
	r = new_rule();
	add_match(r, "hashlimit", 2, &h2, sizeof(h2));
	expect(r, XTN_DEC_OK,
	       "-A INPUT -m hashlimit --hashlimit-upto 5/sec --hashlimit-burst 5 --hashlimit-mode srcip --hashlimit-name a\n");
	r = new_rule();
	add_match(r, "hashlimit", 1, &h1, sizeof(h1));
	expect(r, XTN_DEC_OK,
	       "-A INPUT -m hashlimit --hashlimit-upto 5/sec --hashlimit-burst 5 --hashlimit-mode srcip --hashlimit-name a\n");
	r = new_rule();
	add_match(r, "limit", 0, &lim, sizeof(lim));
	expect(r, XTN_DEC_OK, "-A INPUT -m limit --limit 10/min --limit-burst 7\n");
}

static void add_limit(struct nftnl_rule *r, uint64_t rate, uint64_t unit,
		      uint32_t type, uint32_t flags)
{
	struct nftnl_expr *e = nftnl_expr_alloc("limit");

	nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_RATE, rate);
	nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_UNIT, unit);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_BURST, 7);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_TYPE, type);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_FLAGS, flags);
	nftnl_rule_add_expr(r, e);
}

static void add_pkttype(struct nftnl_rule *r, uint32_t op, uint8_t type)
{
	struct nftnl_expr *e = nftnl_expr_alloc("meta");

	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, NFT_META_PKTTYPE);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, NFT_REG_1);
	nftnl_rule_add_expr(r, e);
	e = nftnl_expr_alloc("cmp");
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, op);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, &type, 1);
	nftnl_rule_add_expr(r, e);
}

/* nft's own limit and meta pkttype: what -m limit and -m pkttype say,
 * and nothing else. */
static void test_match1_native_forms(void **state)
{
	struct nftnl_rule *r;
	enum xtn_dec_status st;
	char *got;

	(void)state;
	r = new_rule();
	add_limit(r, 10, 60, NFT_LIMIT_PKTS, 0);
	expect(r, XTN_DEC_OK, "-A INPUT -m limit --limit 10/min --limit-burst 7\n");
	/* "limit rate over", and a byte limit: no -m limit says them */
	r = new_rule();
	add_limit(r, 10, 60, NFT_LIMIT_PKTS, NFT_LIMIT_F_INV);
	got = decode(r, &st);
	assert_true(got[0] == '!');
	free(got);
	r = new_rule();
	add_limit(r, 1024, 1, NFT_LIMIT_PKT_BYTES, 0);
	got = decode(r, &st);
	assert_true(got[0] == '!');
	free(got);
	r = new_rule();
	add_pkttype(r, NFT_CMP_EQ, PACKET_BROADCAST);
	expect(r, XTN_DEC_OK, "-A INPUT -m pkttype --pkt-type broadcast\n");
	r = new_rule();
	add_pkttype(r, NFT_CMP_NEQ, 7);
	expect(r, XTN_DEC_OK, "-A INPUT -m pkttype ! --pkt-type 7\n");
	r = new_rule();
	add_pkttype(r, NFT_CMP_LT, PACKET_BROADCAST);
	got = decode(r, &st);
	assert_true(got[0] == '!');
	free(got);
}

/*
 * The decoder reads the kernel's messages in place: whatever their bytes,
 * it must stay inside them.  A rule with every kind of expression it
 * reads, its bytes changed at random and its length cut, decoded and
 * printed many times (the ASan build turns a stray read into a failure).
 */
static void test_damaged_messages_are_read_safely(void **state)
{
	static const uint8_t port[2] = { 0, 22 };
	struct xt_multiport_v1 mp = { .flags = XT_MULTIPORT_DESTINATION,
				      .count = 2, .ports = { 80, 443 } };
	char buf[8192], copy[8192], comment[256] = "a comment";
	struct nftnl_rule *nr = new_rule();
	struct nlmsghdr *nlh;
	unsigned int seed = 7, i, k;
	uint32_t len;

	(void)state;
	add_l4proto(nr, IPPROTO_TCP);
	add_th_cmp(nr, 2, 2, NULL, port);
	add_match(nr, "multiport", 1, &mp, sizeof(mp));
	add_match(nr, "comment", 0, comment, sizeof(comment));
	add_limit(nr, 5, 60, 0, 0);
	add_verdict(nr, NFT_JUMP, "USERCHAIN");
	nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, 9);
	memset(buf, 0, sizeof(buf));
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE, NFPROTO_IPV4, 0, 0);
	nftnl_rule_nlmsg_build_payload(nlh, nr);
	nftnl_rule_free(nr);
	len = nlh->nlmsg_len;
	/* undamaged, it reads */
	{
		struct xtn_rule *r = xtn_codec_decode_msg(nlh, &xtn_family_ipv4,
							  NULL, NULL, NULL);

		assert_null(r->undecodable);
		assert_int_equal(r->handle, 9);
		xtn_rule_free(r);
	}
	for (i = 0; i < 20000; i++) {
		struct nlmsghdr *m = (struct nlmsghdr *)copy;
		struct xtn_rule *r;
		struct xtn_strbuf sb;

		memcpy(copy, buf, len);
		for (k = 0; k < 1 + i % 4; k++) {
			seed = seed * 1103515245u + 12345u;
			copy[16 + (seed >> 8) % (len - 16)] ^=
				(char)(1u << (seed >> 24) % 8);
		}
		/* never longer than what was read, as mnl_cb_run sees to */
		seed = seed * 1103515245u + 12345u;
		m->nlmsg_len = i % 3 ? len : 16 + (seed >> 8) % (len - 15);
		r = xtn_codec_decode_msg(m, &xtn_family_ipv4, NULL, NULL, NULL);
		xtn_strbuf_init(&sb);
		if (!r->undecodable)
			xtn_print_rule_save(&sb, r, "-A", "INPUT", 0,
					    &xtn_resolver_none);
		xtn_strbuf_fini(&sb);
		xtn_rule_free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_damaged_messages_are_read_safely),
		cmocka_unit_test(test_xt_memo_keeps_only_unshared_names),
		cmocka_unit_test(test_udata_lengths_are_not_trusted),
		cmocka_unit_test(test_jump_without_chain_name_is_not_read),
		cmocka_unit_test(test_tcp_flags_beyond_iptables_names),
		cmocka_unit_test(test_repeated_port_is_a_second_match),
		cmocka_unit_test(test_descriptor_option_ids_fit),
		cmocka_unit_test(test_older_nat_revisions),
		cmocka_unit_test(test_match1_old_revisions),
		cmocka_unit_test(test_match1_native_forms),
		cmocka_unit_test(test_set_match_rev3_is_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
