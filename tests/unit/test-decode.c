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
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/xt_set.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/print.h>
#include <xtnft/util.h>

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
	struct nftnl_expr *e = nftnl_expr_alloc("payload");
	static const uint8_t zero[4];

	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_BASE, NFT_PAYLOAD_TRANSPORT_HEADER);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET, off);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_LEN, len);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
	nftnl_rule_add_expr(r, e);
	if (mask) {
		e = nftnl_expr_alloc("bitwise");
		nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_SREG, NFT_REG_1);
		nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_DREG, NFT_REG_1);
		nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_LEN, len);
		nftnl_expr_set(e, NFTNL_EXPR_BITWISE_MASK, mask, len);
		nftnl_expr_set(e, NFTNL_EXPR_BITWISE_XOR, zero, len);
		nftnl_rule_add_expr(r, e);
	}
	e = nftnl_expr_alloc("cmp");
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, NFT_CMP_EQ);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, data, len);
	nftnl_rule_add_expr(r, e);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_udata_lengths_are_not_trusted),
		cmocka_unit_test(test_jump_without_chain_name_is_not_read),
		cmocka_unit_test(test_tcp_flags_beyond_iptables_names),
		cmocka_unit_test(test_repeated_port_is_a_second_match),
		cmocka_unit_test(test_descriptor_option_ids_fit),
		cmocka_unit_test(test_set_match_rev3_is_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
