/*
 * The batch's own NEWRULE builder: byte for byte what libnftnl builds (so
 * -vvv dumps stay iptables'), and never a message the kernel would read
 * wrong: over 128 expressions, past the 16-bit expressions nest, or names
 * the kernel cannot hold are refused and leave the batch as it was.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libmnl/libmnl.h>
#include <libnftnl/batch.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/nl.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include "fake-kernel.h"

struct env {
	struct xtn_ctx ctx;
	struct xtn_nl nl;
	struct xtn_batch b;
};

static int setup(void **state)
{
	struct env *e = test_calloc(1, sizeof(*e));

	xtn_ctx_init(&e->ctx, &xtn_family_ipv4);
	e->ctx.resolver = &xtn_resolver_none;
	xtn_nl_init(&e->nl, NULL);	/* never sends: no transport */
	xtn_batch_init(&e->b, &e->nl, 1, &e->ctx.diag);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	xtn_batch_fini(&e->b);
	xtn_nl_fini(&e->nl);
	xtn_ctx_fini(&e->ctx);
	test_free(e);
	return 0;
}

/* The first message of the batch (BATCH_BEGIN is written at commit). */
static const struct nlmsghdr *first_msg(struct env *e)
{
	struct iovec iov[4];

	assert_false(xtn_batch_empty(&e->b));
	assert_true(nftnl_batch_iovec_len(e->b.b) <= 4);
	nftnl_batch_iovec(e->b.b, iov, 4);
	return iov[0].iov_base;
}

static void assert_same_as_libnftnl(struct env *e, struct nftnl_rule *nr,
				    uint16_t flags)
{
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_NEWRULE, .flags = flags,
					 .op = XTN_OBJ_RULE_APPEND };
	char *want = test_calloc(1, 65536);
	const struct nlmsghdr *got;
	struct nlmsghdr *nlh;
	uint32_t seq = e->nl.seq;
	bool open = e->b.b != NULL;

	assert_int_equal(xtn_batch_rule(&e->b, &e->nl, nr, &o, NULL), 0);
	got = first_msg(e);
	nlh = nftnl_nlmsg_build_hdr(want, NFT_MSG_NEWRULE, NFPROTO_IPV4, flags,
				    got->nlmsg_seq);
	nftnl_rule_nlmsg_build_payload(nlh, nr);
	assert_int_equal(got->nlmsg_len, nlh->nlmsg_len);
	assert_memory_equal(got, nlh, nlh->nlmsg_len);
	/* its own sequence number, and BATCH_BEGIN's with the first one */
	assert_int_equal(e->nl.seq, seq + (open ? 1 : 2));
	test_free(want);
}

static void test_plain_rule_is_libnftnls(void **state)
{
	struct env *e = *state;
	struct nftnl_rule *nr = fk_encode_rule("-s 10.0.0.0/8 -p tcp --dport 22 "
					  "-m comment --comment hello -j ACCEPT");

	assert_same_as_libnftnl(e, nr, NLM_F_CREATE | NLM_F_APPEND);
	nftnl_rule_free(nr);
}

static void test_positioned_rule_with_everything_is_libnftnls(void **state)
{
	static const char udata[] = { 0, 5, 'h', 'e', 'l', 'l', 'o' };
	struct env *e = *state;
	struct nftnl_rule *nr = fk_encode_rule("-p udp ! --sport 53 -j DROP");

	nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, 42);
	nftnl_rule_set_u64(nr, NFTNL_RULE_POSITION, 41);
	nftnl_rule_set_u32(nr, NFTNL_RULE_ID, 7);
	nftnl_rule_set_u32(nr, NFTNL_RULE_POSITION_ID, 6);
	nftnl_rule_set_data(nr, NFTNL_RULE_USERDATA, udata, sizeof(udata));
	assert_same_as_libnftnl(e, nr, NLM_F_CREATE | NLM_F_REPLACE);
	nftnl_rule_free(nr);
}

static void add_exprs(struct nftnl_rule *nr, unsigned int n, size_t info_len)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct nftnl_expr *x;

		if (!info_len) {
			x = nftnl_expr_alloc("counter");
		} else {
			x = nftnl_expr_alloc("match");
			nftnl_expr_set_str(x, NFTNL_EXPR_MT_NAME, "comment");
			nftnl_expr_set_u32(x, NFTNL_EXPR_MT_REV, 0);
			/* libnftnl takes the blob */
			nftnl_expr_set(x, NFTNL_EXPR_MT_INFO, calloc(1, info_len),
				       (uint32_t)info_len);
		}
		nftnl_rule_add_expr(nr, x);
	}
}

static struct nftnl_rule *bare_rule(const char *chain)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();

	nftnl_rule_set_u32(nr, NFTNL_RULE_FAMILY, NFPROTO_IPV4);
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, "filter");
	nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, chain);
	return nr;
}

static void assert_refused(struct env *e, struct nftnl_rule *nr,
			   const char *text)
{
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_NEWRULE,
					 .op = XTN_OBJ_RULE_APPEND, .line = 3 };
	uint32_t seq = e->nl.seq;
	unsigned int n_msgs = e->b.n_msgs;
	bool open = e->b.b != NULL;

	assert_int_equal(xtn_batch_rule(&e->b, &e->nl, nr, &o, NULL), -1);
	assert_int_equal(e->ctx.diag.status, XTN_RESOURCE);
	assert_int_equal(e->ctx.diag.n_kerrs, 1);
	assert_int_equal(e->ctx.diag.kerrs[0].line, 3);
	assert_string_equal(e->ctx.diag.kerrs[0].text, text);
	assert_int_equal(e->b.n_msgs, n_msgs);
	/* no sequence number taken but BATCH_BEGIN's, if it opened */
	assert_int_equal(e->nl.seq, seq + (!open && e->b.b ? 1 : 0));
	xtn_diag_clear(&e->ctx.diag);
}

static void test_more_than_128_expressions_are_refused(void **state)
{
	struct env *e = *state;
	struct nftnl_rule *nr = bare_rule("INPUT");

	add_exprs(nr, 129, 0);
	assert_refused(e, nr, "RULE_APPEND failed (Invalid argument): rule in chain INPUT: "
			      "129 expressions, the kernel takes at most 128");
	nftnl_rule_free(nr);
	/* 128 are fine */
	nr = bare_rule("INPUT");
	add_exprs(nr, 128, 0);
	assert_same_as_libnftnl(e, nr, NLM_F_CREATE);
	nftnl_rule_free(nr);
}

static void test_expressions_past_64k_are_refused(void **state)
{
	struct env *e = *state;
	struct nftnl_rule *nr = bare_rule("INPUT"), *ok;

	/* 20 blobs of 4000 bytes: 80 KB, which a 16-bit nest would wrap */
	add_exprs(nr, 20, 4000);
	assert_refused(e, nr, "RULE_APPEND failed (Message too long): rule in chain INPUT: "
			      "its expressions pass 65535 bytes, the most netlink carries");
	nftnl_rule_free(nr);
	/* what was built for it is overwritten by the next message */
	ok = fk_encode_rule("-j ACCEPT");
	assert_same_as_libnftnl(e, ok, NLM_F_CREATE);
	assert_int_equal(e->b.n_msgs, 1);
	nftnl_rule_free(ok);
}

/* One dump message (32448 bytes) lists a rule: past it the rule, and
 * every rule after it in its chain, would be missing from every listing
 * (the kernel stores it; 1.8.9 sends it). */
static void test_rules_no_dump_message_holds_are_refused(void **state)
{
	struct env *e = *state;
	struct nftnl_rule *nr = bare_rule("INPUT");
	struct xtn_batch_rule_opts listed = { .msg = NFT_MSG_NEWRULE,
					      .op = XTN_OBJ_RULE_REPLACE,
					      .listed = true };

	/* 8 blobs of 3600 bytes are listed */
	add_exprs(nr, 8, 3600);
	assert_same_as_libnftnl(e, nr, NLM_F_CREATE);
	nftnl_rule_free(nr);
	/* 9, 3644 bytes each listed: 9 * 3644 + 72 (header, names, handle,
	 * position, the nest) */
	nr = bare_rule("INPUT");
	add_exprs(nr, 9, 3600);
	assert_refused(e, nr, "RULE_APPEND failed (Message too long): rule in chain INPUT: "
			      "it would be listed in 32868 bytes, and a kernel dump message holds 32448: "
			      "it and the rules after it would be missing from every listing");
	assert_int_equal(e->b.n_msgs, 1);
	/* a rule the kernel listed goes back as it was (-Z) */
	assert_int_equal(xtn_batch_rule(&e->b, &e->nl, nr, &listed, NULL), 0);
	assert_int_equal(e->b.n_msgs, 2);
	nftnl_rule_free(nr);
}

/* The kernel lists a bitwise with its operation, which 1.8.9 does not
 * send: 8 bytes more than was sent. */
static void test_listed_size_counts_the_bitwise_operation(void **state)
{
	struct nftnl_rule *plain = fk_encode_rule("-p tcp --dport 22 -j DROP");
	struct nftnl_rule *flags = fk_encode_rule("-p tcp --tcp-flags SYN,ACK SYN -j DROP");
	struct xtn_wire_rule a, b;

	(void)state;
	xtn_wire_from_nftnl(plain, &a, true);
	xtn_wire_from_nftnl(flags, &b, true);
	assert_int_equal(xtn_wire_listed_size(&a) - a.exprs.len + 8,
			 xtn_wire_listed_size(&b) - b.exprs.len);
	xtn_wire_fini(&a);
	xtn_wire_fini(&b);
	nftnl_rule_free(plain);
	nftnl_rule_free(flags);
}

static void test_names_the_kernel_cannot_hold_are_refused(void **state)
{
	struct env *e = *state;
	char name[300];
	struct nftnl_rule *nr;

	memset(name, 'A', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	nr = bare_rule(name);
	add_exprs(nr, 1, 0);
	assert_int_equal(xtn_batch_rule(&e->b, &e->nl, nr,
					&(struct xtn_batch_rule_opts){
						.msg = NFT_MSG_NEWRULE,
						.op = XTN_OBJ_RULE_APPEND },
					NULL), -1);
	assert_int_equal(e->b.n_msgs, 0);
	assert_int_equal(e->ctx.diag.n_kerrs, 1);
	nftnl_rule_free(nr);
}

/* The page overrun holds 64 KiB of expressions plus one more: no
 * descriptor's xt blob may come near XTN_EXPR_MAX_LEN. */
static void test_every_xt_blob_fits_the_overrun(void **state)
{
	const struct xtn_ext *const *reg;
	size_t i, n;

	(void)state;
	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++) {
		/* elem, name "match", data nest, xt name, revision, info */
		size_t expr = 4 + 12 + 4 + (4 + 32) + 8 + 4 +
			      XTN_ALIGN8(reg[i]->xt.size);

		assert_true(expr <= XTN_EXPR_MAX_LEN);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_rule_is_libnftnls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positioned_rule_with_everything_is_libnftnls,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_more_than_128_expressions_are_refused,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_expressions_past_64k_are_refused,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules_no_dump_message_holds_are_refused,
						setup, teardown),
		cmocka_unit_test(test_listed_size_counts_the_bitwise_operation),
		cmocka_unit_test_setup_teardown(test_names_the_kernel_cannot_hold_are_refused,
						setup, teardown),
		cmocka_unit_test(test_every_xt_blob_fits_the_overrun),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
