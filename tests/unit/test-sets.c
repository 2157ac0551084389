/*
 * Anonymous sets against a fake kernel (ebtables' among): a rule's sets go
 * before it in its batch, with set ids unique in the batch and its lookups
 * pointing at them; deleting or checking a rule sends no set; reading
 * rules fetches the table's sets only when a rule names one (so iptables
 * never asks for sets), once, and only the elements of the sets named; a
 * lookup of a set the kernel does not have makes the rule unreadable,
 * never a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/batch.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/exec.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/nl.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include "fake-kernel.h"

struct env {
	struct fake_kernel fk;
	struct xtn_ctx ctx;
	struct xtn_strbuf out;
};

static int setup_fam(void **state, const struct xtn_family *fam)
{
	struct env *e = test_malloc(sizeof(*e));

	fk_init(&e->fk);
	e->fk.fam = fam;
	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	e->fk.chains[1] = "FORWARD";
	xtn_ctx_init(&e->ctx, fam);
	e->ctx.resolver = &xtn_resolver_none;
	e->ctx.transport = &e->fk.t;
	xtn_strbuf_init(&e->out);
	*state = e;
	return 0;
}

static int setup_bridge(void **state)
{
	return setup_fam(state, &xtn_family_bridge);
}

static int setup_ipv4(void **state)
{
	return setup_fam(state, &xtn_family_ipv4);
}

static int teardown(void **state)
{
	struct env *e = *state;

	fk_fini(&e->fk);
	xtn_ctx_fini(&e->ctx);
	xtn_strbuf_fini(&e->out);
	test_free(e);
	return 0;
}

static int run_body(struct xtn_exec *ex, void *cmd)
{
	return xtn_exec_cmd(ex, cmd);
}

/* One command line of the family's tool, as src/tool-run.c runs it
 * (words split at blanks: a list may be longer than a restore line's
 * words can be). */
static int run(struct env *e, const char *line)
{
	const struct xtn_dialect *dl = e->ctx.fam->dialect;
	struct xtn_parse_opts po = { .prog = dl->name };
	struct xtn_words w = { 0 };
	struct xtn_cmd *cmd = NULL;
	struct xtn_exec *ex;
	char *copy = xtn_xstrdup(line), *word, *save = NULL;
	int ret;

	xtn_words_add(&w, dl->name);
	for (word = strtok_r(copy, " ", &save); word;
	     word = strtok_r(NULL, " ", &save))
		xtn_words_add(&w, word);
	free(copy);
	assert_int_equal(dl->parse(&e->ctx, w.n, w.v, &po, &cmd, &e->out),
			 XTN_PARSED_CMD);
	ex = xtn_exec_new(&e->ctx, &e->out, 0);
	ret = xtn_exec_run(ex, run_body, cmd);
	if (ret < 0)
		print_message("%s: %s\n", line, e->ctx.diag.msg ?
			      e->ctx.diag.msg : "(kernel error)");
	xtn_exec_free(ex);
	xtn_cmd_free(cmd);
	xtn_words_fini(&w);
	return ret;
}

/* The batch's messages (without BEGIN and END), in order. */
static unsigned int batch_msgs(const struct env *e, const struct fk_msg **v,
			       unsigned int max)
{
	unsigned int i, n = 0;

	for (i = 0; i < e->fk.n_msgs && n < max; i++)
		if (e->fk.msgs[i].batch &&
		    e->fk.msgs[i].type != NFNL_MSG_BATCH_BEGIN &&
		    e->fk.msgs[i].type != NFNL_MSG_BATCH_END)
			v[n++] = &e->fk.msgs[i];
	return n;
}

static void test_append_sends_sets_first(void **state)
{
	struct env *e = *state;
	const struct fk_msg *m[8];

	assert_int_equal(run(e, "-A FORWARD --among-dst 0:0:0:0:0:2=10.0.0.1,0:0:0:0:0:3 "
			     "--among-src ! 0:0:0:0:0:1 -j ACCEPT"), 0);
	/* an append reads no rules and no sets */
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETRULE, false), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETSET, false), 0);
	assert_int_equal(batch_msgs(e, m, 8), 5);
	/* the source list first, as 1.8.9 encodes it */
	assert_int_equal(m[0]->type, NFT_MSG_NEWSET);
	assert_string_equal(m[0]->set, "__set%d");
	assert_int_equal(m[0]->set_id, 1);
	assert_int_equal(m[0]->set_flags, NFT_SET_ANONYMOUS | NFT_SET_CONSTANT);
	assert_int_equal(m[0]->key_type, 9);
	assert_int_equal(m[0]->key_len, 6);
	assert_int_equal(m[0]->n_elems, 1);
	assert_int_equal(m[0]->flags & NLM_F_CREATE, NLM_F_CREATE);
	assert_int_equal(m[1]->type, NFT_MSG_NEWSETELEM);
	assert_int_equal(m[1]->set_id, 1);
	assert_int_equal(m[1]->n_elems, 1);
	assert_int_equal(m[2]->type, NFT_MSG_NEWSET);
	assert_int_equal(m[2]->set_id, 2);
	assert_int_equal(m[2]->set_flags, NFT_SET_ANONYMOUS | NFT_SET_CONSTANT |
			 NFT_SET_INTERVAL | NFT_SET_CONCAT);
	assert_int_equal(m[2]->key_type, (9 << 6) | 7);
	assert_int_equal(m[2]->key_len, 12);
	assert_int_equal(m[2]->n_elems, 2);
	assert_int_equal(m[3]->type, NFT_MSG_NEWSETELEM);
	assert_int_equal(m[3]->n_elems, 2);
	assert_int_equal(m[4]->type, NFT_MSG_NEWRULE);
	assert_int_equal(m[4]->n_lookups, 2);
	assert_int_equal(m[4]->lookup_ids[0], 1);
	assert_int_equal(m[4]->lookup_ids[1], 2);
}

/* Listing reads the sets once, after the rule dump that needs them, and
 * the elements of the sets the rules name. */
static void test_list_reads_sets_once(void **state)
{
	struct env *e = *state;

	fk_add_rule(&e->fk, "--among-src 00:00:00:00:00:01,0:0:0:0:0:2 -j ACCEPT", 5);
	fk_add_rule(&e->fk, "-s 0:0:0:0:0:9 -j DROP", 6);
	fk_add_rule(&e->fk, "--among-dst ! 0:0:0:0:0:3=10.0.0.1 -j DROP", 7);
	assert_int_equal(run(e, "-L FORWARD"), 0);
	assert_string_equal(e->out.buf,
			    "Bridge table: filter\n\n"
			    "Bridge chain: FORWARD, entries: 3, policy: ACCEPT\n"
			    "--among-src 0:0:0:0:0:1,0:0:0:0:0:2 -j ACCEPT\n"
			    "-s 00:00:00:00:00:09 -j DROP\n"
			    "--among-dst ! 0:0:0:0:0:3=10.0.0.1 -j DROP\n");
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETSET, false), 1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETSETELEM, false), 2);
}

static void test_bridge_rules_without_lookups_read_no_sets(void **state)
{
	struct env *e = *state;

	fk_add_rule(&e->fk, "-s 0:0:0:0:0:9 -j DROP", 6);
	assert_int_equal(run(e, "-L"), 0);
	assert_int_equal(run(e, "-D FORWARD -s 0:0:0:0:0:9 -j DROP"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETSET, false), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETSETELEM, false), 0);
}

/* iptables has no lookups to read: it never asks for sets. */
static void test_iptables_reads_no_sets(void **state)
{
	struct env *e = *state;

	fk_add_rule(&e->fk, "-s 10.0.0.1 -j ACCEPT", 5);
	assert_int_equal(run(e, "-L"), 0);
	assert_int_equal(run(e, "-S INPUT"), 0);
	assert_int_equal(run(e, "-D INPUT -s 10.0.0.1 -j ACCEPT"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETSET, false), 0);
}

/* -D and --check compare whole lists and send no set (1.8.9 sends the
 * rule's sets unbound, and the kernel refuses its batch). */
static void test_delete_and_check_send_no_sets(void **state)
{
	struct env *e = *state;

	fk_add_rule(&e->fk, "--among-src 0:0:0:0:0:1,0:0:0:0:0:2", 5);
	fk_add_rule(&e->fk, "--among-src 0:0:0:0:0:1,0:0:0:0:0:3", 6);
	assert_int_equal(run(e, "--check FORWARD --among-src 0:0:0:0:0:3,0:0:0:0:0:1"), 0);
	assert_int_equal(run(e, "--check FORWARD --among-src 0:0:0:0:0:4,0:0:0:0:0:1"), -1);
	assert_int_equal(run(e, "-D FORWARD --among-src 0:0:0:0:0:3,0:0:0:0:0:1"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_DELRULE, true), 1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWSET, true), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWSETELEM, true), 0);
}

/* A lookup of a set the kernel does not list: that rule cannot be read
 * (1.8.9 aborts the whole listing), the others can. */
static void test_unknown_set_makes_the_rule_unreadable(void **state)
{
	struct env *e = *state;

	fk_add_rule(&e->fk, "--among-src 0:0:0:0:0:1 -j DROP", 5);
	fk_add_rule(&e->fk, "-j ACCEPT", 6);
	nftnl_set_free(e->fk.sets[--e->fk.n_sets]);
	assert_int_equal(run(e, "-L FORWARD"), 0);
	assert_string_equal(e->out.buf,
			    "Bridge table: filter\n\n"
			    "Bridge chain: FORWARD, entries: 2, policy: ACCEPT\n"
			    "# Warning: rule 1 in chain `FORWARD' is incompatible (lookup expression references unknown set), use 'nft' tool.\n"
			    "-j ACCEPT\n");
	/* and it is no rule a spec names */
	assert_int_equal(run(e, "-D FORWARD --among-src 0:0:0:0:0:1 -j DROP"), -1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_DELRULE, true), 0);
}

/* A rule's anonymous set is bound to it: zeroing its counters replaces
 * it with a rule that has new sets (1.8.9 sends it as read: EBUSY). */
static void test_zero_replaces_with_new_sets(void **state)
{
	struct env *e = *state;
	const struct fk_msg *m[8];

	fk_add_rule(&e->fk, "--among-src 0:0:0:0:0:1 -j DROP", 5);
	assert_int_equal(run(e, "-Z FORWARD"), 0);
	assert_int_equal(batch_msgs(e, m, 8), 4);
	assert_int_equal(m[0]->type, NFT_MSG_NEWCHAIN);
	assert_int_equal(m[1]->type, NFT_MSG_NEWSET);
	assert_int_equal(m[2]->type, NFT_MSG_NEWSETELEM);
	assert_int_equal(m[3]->type, NFT_MSG_NEWRULE);
	assert_int_equal(m[3]->flags & NLM_F_REPLACE, NLM_F_REPLACE);
	assert_int_equal(m[3]->lookup_ids[0], m[1]->set_id);
}

/* The encoder numbers a rule's sets from 1; the batch gives each a new
 * id and points the rule's lookups at it, all ids at once. */
static void test_batch_renumbers_set_ids(void **state)
{
	static const char rule[] = "--among-src 0:0:0:0:0:1 --among-dst 0:0:0:0:0:2";
	struct env *e = *state;
	struct xtn_batch_rule_opts o = { .msg = NFT_MSG_NEWRULE,
					 .flags = NLM_F_CREATE | NLM_F_APPEND,
					 .op = XTN_OBJ_RULE_APPEND };
	const struct fk_msg *m[16];
	struct xtn_batch b;
	struct xtn_nl nl;
	unsigned int r, n;

	(void)e;
	xtn_nl_init(&nl, &e->fk.t);
	xtn_batch_init(&b, &nl, 7, &e->ctx.diag);
	/* an id the first set's new one would collide with */
	b.next_set_id = 2;
	for (r = 0; r < 2; r++) {
		struct xtn_sets sets;
		struct xtn_wire_rule wr;
		struct xtn_cmd *cmd = NULL;
		struct xtn_words w = { 0 };
		struct xtn_parse_opts po = { .prog = "ebtables" };
		struct xtn_rule *model;

		xtn_words_add(&w, "ebtables");
		xtn_words_add(&w, "-A");
		xtn_words_add(&w, "FORWARD");
		xtn_restore_split(rule, &w, &e->ctx.diag, 0);
		assert_int_equal(xtn_dialect_of(&e->ctx)->parse(&e->ctx, w.n, w.v,
								&po, &cmd, &e->out),
				 XTN_PARSED_CMD);
		model = xtn_cmd_rule_at(cmd, 0);
		xtn_sets_init(&sets);
		assert_int_equal(xtn_codec_encode_wire(model, "filter", "FORWARD",
						       &e->ctx.diag, &sets, NULL,
						       NULL, &wr), 0);
		assert_int_equal(sets.n, 2);
		assert_int_equal(xtn_batch_anon_sets(&b, &nl, sets.v, sets.n, &wr, 0), 0);
		assert_int_equal(xtn_batch_wire(&b, &nl, &wr, &o, NULL), 0);
		xtn_wire_fini(&wr);
		xtn_sets_fini(&sets);
		xtn_rule_free(model);
		xtn_cmd_free(cmd);
		xtn_words_fini(&w);
	}
	assert_int_equal(xtn_batch_commit(&b, &nl, &e->ctx.diag, false),
			 XTN_COMMIT_OK);
	n = batch_msgs(e, m, 16);
	assert_int_equal(n, 10);
	for (r = 0; r < 2; r++) {
		const struct fk_msg *const *v = m + 5 * r;

		assert_int_equal(v[0]->set_id, 2 + 2 * r);
		assert_int_equal(v[1]->set_id, 2 + 2 * r);
		assert_int_equal(v[2]->set_id, 3 + 2 * r);
		assert_int_equal(v[4]->type, NFT_MSG_NEWRULE);
		assert_int_equal(v[4]->lookup_ids[0], 2 + 2 * r);
		assert_int_equal(v[4]->lookup_ids[1], 3 + 2 * r);
	}
	xtn_batch_fini(&b);
	xtn_nl_fini(&nl);
}

/* A long list: its elements in NEWSETELEM messages that each stay under
 * netlink's 64 KiB attribute, all of them there. */
static void test_long_list_is_split(void **state)
{
	struct env *e = *state;
	struct xtn_strbuf line;
	const struct fk_msg *m[16];
	unsigned int i, n, elems = 0, msgs = 0;
	int ret;

	xtn_strbuf_init(&line);
	xtn_strbuf_puts(&line, "-A FORWARD --among-src ");
	for (i = 0; i < 6000; i++)
		xtn_strbuf_printf(&line, "%s0:1:0:0:%x:%x", i ? "," : "",
				  i >> 8, i & 255);
	ret = run(e, line.buf);
	xtn_strbuf_fini(&line);
	assert_int_equal(ret, 0);
	n = batch_msgs(e, m, 16);
	for (i = 0; i < n; i++) {
		if (m[i]->type != NFT_MSG_NEWSETELEM)
			continue;
		msgs++;
		elems += m[i]->n_elems;
	}
	assert_int_equal(elems, 6000);
	assert_int_equal(msgs, 2);
	assert_int_equal(m[0]->n_elems, 6000);	/* the NEWSET's size */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_append_sends_sets_first,
						setup_bridge, teardown),
		cmocka_unit_test_setup_teardown(test_list_reads_sets_once,
						setup_bridge, teardown),
		cmocka_unit_test_setup_teardown(test_bridge_rules_without_lookups_read_no_sets,
						setup_bridge, teardown),
		cmocka_unit_test_setup_teardown(test_iptables_reads_no_sets,
						setup_ipv4, teardown),
		cmocka_unit_test_setup_teardown(test_delete_and_check_send_no_sets,
						setup_bridge, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_set_makes_the_rule_unreadable,
						setup_bridge, teardown),
		cmocka_unit_test_setup_teardown(test_zero_replaces_with_new_sets,
						setup_bridge, teardown),
		cmocka_unit_test_setup_teardown(test_batch_renumbers_set_ids,
						setup_bridge, teardown),
		cmocka_unit_test_setup_teardown(test_long_list_is_split,
						setup_bridge, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
