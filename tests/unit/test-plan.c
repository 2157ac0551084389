/*
 * The fetch plan is the spec for "a single append must not fetch the
 * ruleset": these tests pin the plan, and test-exec checks that what exec
 * really sends to a fake kernel stays within it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/exec.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

static struct xtn_cmd *parse(const char *line)
{
	struct xtn_parse_opts po = { .prog = "iptables" };
	struct xtn_strbuf out;
	struct xtn_cmd *cmd = NULL;
	struct xtn_ctx ctx;
	char buf[256], *argv[32], *save = NULL, *tok;
	int argc = 0;

	snprintf(buf, sizeof(buf), "iptables %s", line);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	xtn_ctx_init(&ctx, &xtn_family_ipv4);
	ctx.resolver = &xtn_resolver_none;
	xtn_strbuf_init(&out);
	assert_int_equal(xtn_ipt_parse(&ctx, argc, argv, &po, &cmd, &out),
			 XTN_PARSED_CMD);
	xtn_strbuf_fini(&out);
	xtn_ctx_fini(&ctx);
	return cmd;
}

static void expect_plan(const char *line, enum xtn_fetch_level level,
			const char *chain0, const char *chain1)
{
	struct xtn_cmd *cmd = parse(line);
	struct xtn_plan p;

	xtn_plan_cmd(cmd, &p);
	assert_int_equal(p.level, level);
	if (chain0)
		assert_string_equal(p.chains[0], chain0);
	if (chain1)
		assert_string_equal(p.chains[1], chain1);
	assert_int_equal(p.n_chains, (chain0 != NULL) + (chain1 != NULL));
	xtn_cmd_free(cmd);
}

static void test_writes_fetch_no_rules(void **state)
{
	(void)state;
	expect_plan("-A INPUT -s 1.2.3.4 -j ACCEPT", XTN_FETCH_CHAINS, "INPUT", NULL);
	expect_plan("-A INPUT -j USERCHAIN", XTN_FETCH_CHAINS, "INPUT", "USERCHAIN");
	expect_plan("-I INPUT -j DROP", XTN_FETCH_CHAINS, "INPUT", NULL);
	expect_plan("-I INPUT 1 -j DROP", XTN_FETCH_CHAINS, "INPUT", NULL);
	expect_plan("-P FORWARD DROP", XTN_FETCH_CHAINS, "FORWARD", NULL);
	expect_plan("-N NEWCHAIN", XTN_FETCH_CHAINS, "NEWCHAIN", NULL);
	expect_plan("-F", XTN_FETCH_NONE, NULL, NULL);
	expect_plan("-F INPUT", XTN_FETCH_CHAINS, "INPUT", NULL);
	expect_plan("-X OLD", XTN_FETCH_CHAINS, "OLD", NULL);
	expect_plan("-E OLD NEW", XTN_FETCH_CHAINS, "NEW", "OLD");
}

static void test_rule_lookups_fetch_one_chain(void **state)
{
	(void)state;
	expect_plan("-I INPUT 3 -j DROP", XTN_FETCH_CHAIN_RULES, "INPUT", NULL);
	expect_plan("-D INPUT -j DROP", XTN_FETCH_CHAIN_RULES, "INPUT", NULL);
	expect_plan("-D INPUT 2", XTN_FETCH_CHAIN_RULES, "INPUT", NULL);
	expect_plan("-C INPUT -j X", XTN_FETCH_CHAIN_RULES, "INPUT", "X");
	expect_plan("-R INPUT 1 -j DROP", XTN_FETCH_CHAIN_RULES, "INPUT", NULL);
	expect_plan("-Z INPUT 1", XTN_FETCH_CHAIN_RULES, "INPUT", NULL);
	expect_plan("-L INPUT", XTN_FETCH_CHAIN_RULES, "INPUT", NULL);
	expect_plan("-S INPUT", XTN_FETCH_CHAIN_RULES, "INPUT", NULL);
}

static void test_listings_fetch_the_table(void **state)
{
	(void)state;
	expect_plan("-L", XTN_FETCH_TABLE, NULL, NULL);
	expect_plan("-S", XTN_FETCH_TABLE, NULL, NULL);
	expect_plan("-X", XTN_FETCH_TABLE, NULL, NULL);
	expect_plan("-Z", XTN_FETCH_TABLE, NULL, NULL);
	expect_plan("-F -v", XTN_FETCH_TABLE, NULL, NULL);
}

/* The plan of a command as ebtables runs it: same model, bridge family. */
static void expect_bridge_plan(const char *line, unsigned int op,
			       enum xtn_fetch_level level)
{
	struct xtn_cmd *cmd = parse(line);
	struct xtn_plan p;

	cmd->fam = &xtn_family_bridge;
	if (op)
		cmd->op = op;
	xtn_plan_cmd(cmd, &p);
	assert_int_equal(p.level, level);
	xtn_cmd_free(cmd);
}

/* ebtables keeps a user chain's policy as its last rule: changing the
 * chain's rules or policy reads them, every chain's for a table-wide -F;
 * iptables' plans for the same commands read no rules. */
static void test_bridge_policy_rules_are_read(void **state)
{
	(void)state;
	expect_bridge_plan("-A FOO -j DROP", 0, XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-I FOO -j DROP", 0, XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-P FOO DROP", 0, XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-N FOO", XTN_CMD_NEW_CHAIN | XTN_CMD_SET_POLICY,
			   XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-F FOO", 0, XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-F", 0, XTN_FETCH_TABLE);
	expect_bridge_plan("-X FOO", 0, XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-X", 0, XTN_FETCH_TABLE);
	expect_bridge_plan("-E FOO BAR", 0, XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-D FOO 1", 0, XTN_FETCH_CHAIN_RULES);
	expect_bridge_plan("-F", XTN_CMD_TABLE_FLUSH, XTN_FETCH_TABLE);
	expect_plan("-F", XTN_FETCH_NONE, NULL, NULL);
}

static void test_allows_only_what_is_planned(void **state)
{
	struct xtn_cmd *cmd = parse("-A INPUT -j USERX");
	struct xtn_plan p;

	(void)state;
	xtn_plan_cmd(cmd, &p);
	assert_true(xtn_plan_allows(&p, XTN_FETCH_CHAINS, "INPUT"));
	assert_true(xtn_plan_allows(&p, XTN_FETCH_CHAINS, "USERX"));
	assert_false(xtn_plan_allows(&p, XTN_FETCH_CHAINS, "OUTPUT"));
	assert_false(xtn_plan_allows(&p, XTN_FETCH_CHAIN_RULES, "INPUT"));
	assert_false(xtn_plan_allows(&p, XTN_FETCH_TABLE, NULL));
	xtn_cmd_free(cmd);
	cmd = parse("-L");
	xtn_plan_cmd(cmd, &p);
	assert_true(xtn_plan_allows(&p, XTN_FETCH_TABLE, NULL));
	assert_true(xtn_plan_allows(&p, XTN_FETCH_CHAIN_RULES, "ANY"));
	xtn_cmd_free(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writes_fetch_no_rules),
		cmocka_unit_test(test_rule_lookups_fetch_one_chain),
		cmocka_unit_test(test_listings_fetch_the_table),
		cmocka_unit_test(test_bridge_policy_rules_are_read),
		cmocka_unit_test(test_allows_only_what_is_planned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
