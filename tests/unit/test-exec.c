/*
 * exec against a fake kernel: what a command really sends.  Guards that a
 * single append asks only for the generation id and its chain (never a rule
 * dump), that a generation clash rebuilds and retries the batch, and that
 * kernel errors map back to the failing object and restore line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <unistd.h>
#include <cmocka.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/exec.h>
#include <xtnft/family.h>
#include <xtnft/lines.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include "fake-kernel.h"

struct env {
	struct fake_kernel fk;
	struct xtn_ctx ctx;
	struct xtn_strbuf out;
};

static int setup(void **state)
{
	struct env *e = test_malloc(sizeof(*e));

	fk_init(&e->fk);
	xtn_ctx_init(&e->ctx, &xtn_family_ipv4);
	e->ctx.resolver = &xtn_resolver_none;
	e->ctx.transport = &e->fk.t;
	xtn_strbuf_init(&e->out);
	*state = e;
	return 0;
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

/* Parse and run one iptables command line the way src/tool-run.c does. */
static int run(struct env *e, const char *line)
{
	struct xtn_parse_opts po = { .prog = "iptables" };
	struct xtn_words w = { 0 };
	struct xtn_cmd *cmd = NULL;
	struct xtn_exec *ex;
	int ret;

	xtn_words_add(&w, "iptables");
	xtn_restore_split(line, &w, &e->ctx.diag, 0);
	assert_int_equal(xtn_ipt_parse(&e->ctx, w.n, w.v, &po, &cmd, &e->out),
			 XTN_PARSED_CMD);
	ex = xtn_exec_new(&e->ctx, &e->out, 0);
	ret = xtn_exec_run(ex, run_body, cmd);
	xtn_exec_free(ex);
	xtn_cmd_free(cmd);
	xtn_words_fini(&w);
	return ret;
}

static void test_append_fetches_no_rules(void **state)
{
	struct env *e = *state;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	assert_int_equal(run(e, "-A INPUT -s 1.2.3.4 -j ACCEPT"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETGEN, false), 1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETCHAIN, false), 1);
	assert_string_equal(e->fk.msgs[1].chain, "INPUT");
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETRULE, false), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETTABLE, false), 0);
	/* one batch: begin, the rule, end; an append depends on nothing it
	 * read, so no generation check (other writers never spoil it) */
	assert_int_equal(e->fk.n_batches, 1);
	assert_int_equal(e->fk.msgs[2].type, NFNL_MSG_BATCH_BEGIN);
	assert_false(e->fk.msgs[2].has_genid);
	assert_int_equal(e->fk.msgs[3].type, NFT_MSG_NEWRULE);
	assert_int_equal(e->fk.msgs[3].flags & (NLM_F_CREATE | NLM_F_APPEND),
			 NLM_F_CREATE | NLM_F_APPEND);
	assert_int_equal(e->fk.msgs[4].type, NFNL_MSG_BATCH_END);
	assert_int_equal(e->fk.n_msgs, 5);
}

static void test_append_creates_table_and_builtin(void **state)
{
	struct env *e = *state;

	assert_int_equal(run(e, "-A INPUT -j DROP"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETRULE, false), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWTABLE, true), 1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWCHAIN, true), 1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWRULE, true), 1);
}

/* -F -v creates every built-in in 1.8.9's order (nat: POSTROUTING before
 * OUTPUT, which is how nft lists them), but reports them by hook. */
static void test_verbose_flush_creates_builtins_in_order(void **state)
{
	static const char *const created[] = {
		"PREROUTING", "INPUT", "POSTROUTING", "OUTPUT",
	};
	struct env *e = *state;
	unsigned int i, k = 0;

	assert_int_equal(run(e, "-t nat -F -v"), 0);
	for (i = 0; i < e->fk.n_msgs; i++) {
		if (e->fk.msgs[i].type != NFT_MSG_NEWCHAIN)
			continue;
		assert_true(k < XTN_ARRAY_SIZE(created));
		assert_string_equal(e->fk.msgs[i].chain, created[k++]);
	}
	assert_int_equal(k, XTN_ARRAY_SIZE(created));
	assert_string_equal(e->out.buf,
			    "Flushing chain `PREROUTING'\n"
			    "Flushing chain `INPUT'\n"
			    "Flushing chain `OUTPUT'\n"
			    "Flushing chain `POSTROUTING'\n");
}

static void test_jump_target_is_looked_up_by_name(void **state)
{
	struct env *e = *state;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	e->fk.chains[1] = "LOGGING";
	assert_int_equal(run(e, "-A INPUT -j LOGGING"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETCHAIN, false), 2);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETRULE, false), 0);
	/* and a missing target is a parameter problem, before any batch */
	assert_int_equal(run(e, "-A INPUT -j NOWHERE"), -1);
	assert_int_equal(e->ctx.diag.status, XTN_PARAM);
	assert_string_equal(e->ctx.diag.msg, "Chain 'NOWHERE' does not exist");
	assert_int_equal(e->fk.n_batches, 1);
}

static void test_policy_and_insert_fetch_nothing_heavy(void **state)
{
	struct env *e = *state;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	assert_int_equal(run(e, "-P FORWARD DROP"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETCHAIN, false), 1);
	assert_int_equal(run(e, "-I INPUT -j ACCEPT"), 0);
	assert_int_equal(run(e, "-N NEWCHAIN"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETRULE, false), 0);
}

static void test_delete_fetches_only_its_chain(void **state)
{
	struct env *e = *state;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	fk_add_rule(&e->fk, "-s 10.0.0.1 -j ACCEPT", 11);
	fk_add_rule(&e->fk, "-p tcp --dport 22 -j DROP", 12);
	assert_int_equal(run(e, "-D INPUT -p tcp --dport 22 -j DROP"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETRULE, false), 1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_DELRULE, true), 1);
	/* the dump named the chain: never the whole table */
	assert_string_equal(e->fk.msgs[2].chain, "INPUT");
}

static bool planned(const struct xtn_plan *p, const char *chain)
{
	unsigned int i;

	for (i = 0; i < p->n_chains; i++)
		if (strcmp(p->chains[i], chain) == 0)
			return true;
	return false;
}

/*
 * The plan says what each command may ask the kernel, and exec holds to
 * it (a read outside it is refused); this checks both ways: besides
 * the generation id and a table probe, GETCHAIN only for the chains it
 * names (a dump of all chains only at table level), GETRULE only for its
 * one chain when it needs rules.  Checked against what exec really sends.
 */
static void test_every_command_fetches_within_its_plan(void **state)
{
	static const char *const cmds[] = {
		"-A INPUT -j ACCEPT", "-A INPUT -j USERX", "-I INPUT -j ACCEPT",
		"-I INPUT 2 -j ACCEPT", "-D INPUT -j ACCEPT", "-D INPUT 1",
		"-C INPUT -j ACCEPT", "-R INPUT 1 -j DROP", "-P FORWARD DROP",
		"-N NEWC", "-F INPUT", "-F", "-Z INPUT", "-Z INPUT 1",
		"-X USERX", "-E USERX NEWN", "-L INPUT", "-S INPUT", "-S", "-Z",
	};
	struct env *e = *state;
	unsigned int i, j;

	for (i = 0; i < XTN_ARRAY_SIZE(cmds); i++) {
		struct xtn_parse_opts po = { .prog = "iptables" };
		struct xtn_words w = { 0 };
		struct xtn_cmd *cmd = NULL;
		struct xtn_plan p;

		fk_fini(&e->fk);
		fk_init(&e->fk);
		e->fk.table_exists = true;
		e->fk.chains[0] = "INPUT";
		e->fk.chains[1] = "USERX";
		fk_add_rule(&e->fk, "-j ACCEPT", 5);
		xtn_words_add(&w, "iptables");
		xtn_restore_split(cmds[i], &w, &e->ctx.diag, 0);
		assert_int_equal(xtn_ipt_parse(&e->ctx, w.n, w.v, &po, &cmd,
					       &e->out), XTN_PARSED_CMD);
		xtn_plan_cmd(cmd, &p);	/* p names chains inside cmd */
		xtn_words_fini(&w);
		if (run(e, cmds[i]) < 0) {
			print_message("%s: %s\n", cmds[i], e->ctx.diag.msg ?
				      e->ctx.diag.msg : "(kernel error)");
			/* exec holds to the plan: a read outside it is
			 * refused, and none of these may need one */
			assert_null(e->ctx.diag.msg ? strstr(e->ctx.diag.msg,
					"fetch plan") : NULL);
		}
		xtn_diag_clear(&e->ctx.diag);
		for (j = 0; j < e->fk.n_msgs; j++) {
			const struct fk_msg *m = &e->fk.msgs[j];

			if (m->batch || m->type == NFT_MSG_GETGEN ||
			    m->type == NFT_MSG_GETTABLE)
				continue;
			/* which one broke the plan, if an assert fires */
			print_message("%s: message %u type %u chain '%s'\n",
				      cmds[i], j, m->type, m->chain);
			if (p.level == XTN_FETCH_TABLE)
				continue;
			if (m->type == NFT_MSG_GETCHAIN) {
				assert_true(p.level >= XTN_FETCH_CHAINS);
				assert_true(planned(&p, m->chain));
			} else {
				assert_int_equal(m->type, NFT_MSG_GETRULE);
				assert_int_equal(p.level, XTN_FETCH_CHAIN_RULES);
				assert_true(planned(&p, m->chain));
			}
		}
		xtn_cmd_free(cmd);
	}
}

static void test_generation_clash_retries_with_new_genid(void **state)
{
	struct env *e = *state;
	unsigned int i, begins = 0;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	fk_add_rule(&e->fk, "-j ACCEPT", 5);
	e->fk.restart_batches = 2;
	/* a delete by position depends on what it read */
	assert_int_equal(run(e, "-D INPUT 1"), 0);
	assert_int_equal(e->fk.n_batches, 3);
	for (i = 0; i < e->fk.n_msgs; i++) {
		if (e->fk.msgs[i].type != NFNL_MSG_BATCH_BEGIN || !e->fk.msgs[i].batch)
			continue;
		/* each attempt carries the generation it saw */
		assert_true(e->fk.msgs[i].has_genid);
		assert_int_equal(e->fk.msgs[i].genid, 7 + begins);
		begins++;
	}
	assert_int_equal(begins, 3);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETGEN, false), 3);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_GETRULE, false), 3);
}

static void test_retries_are_bounded_by_time(void **state)
{
	struct env *e = *state;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	fk_add_rule(&e->fk, "-j ACCEPT", 5);
	e->fk.restart_batches = 100000;
	e->ctx.wait_ms = 30;
	assert_int_equal(run(e, "-D INPUT 1"), -1);
	assert_true(e->fk.n_batches >= 2);
	assert_true(e->fk.restart_batches > 0);
	/* iptables' resource-problem status, 4 */
	assert_int_equal(e->ctx.diag.status, XTN_RESOURCE);
	assert_true(strncmp(e->ctx.diag.msg,
			    "the ruleset kept changing: gave up after ", 41) == 0);
}

/* -w SECS bounds the retries; a bare -w (or a negative count) does not. */
static void test_wait_values(void **state)
{
	uint32_t ms;

	(void)state;
	assert_int_equal(xtn_wait_ms(NULL, &ms), 0);
	assert_int_equal(ms, XTN_WAIT_FOREVER);
	assert_int_equal(xtn_wait_ms("5", &ms), 0);
	assert_int_equal(ms, 5000);
	assert_int_equal(xtn_wait_ms("0x10", &ms), 0);	/* like %i */
	assert_int_equal(ms, 16000);
	assert_int_equal(xtn_wait_ms("-1", &ms), 0);
	assert_int_equal(ms, XTN_WAIT_FOREVER);
	assert_int_equal(xtn_wait_ms("99999999999999999999", &ms), 0);
	assert_int_equal(ms, XTN_WAIT_FOREVER - 1);
	assert_int_equal(xtn_wait_ms("soon", &ms), -1);
}

/* A batch sent without the generation check that the kernel refuses may
 * have met a change: the command runs once more with the check. */
static void test_refused_unchecked_batch_is_rechecked(void **state)
{
	struct env *e = *state;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	e->fk.fail_type = NFT_MSG_NEWRULE;
	e->fk.fail_errno = ENOENT;
	assert_int_equal(run(e, "-A INPUT -j ACCEPT"), -1);
	assert_int_equal(e->fk.n_batches, 2);
	assert_false(e->fk.msgs[2].has_genid);
	assert_true(e->fk.msgs[e->fk.n_msgs - 3].has_genid);
	/* the second attempt's error only */
	assert_int_equal(e->ctx.diag.n_kerrs, 1);
}

/* filter/INPUT exist; the kernel refuses every new rule with `err` */
static void refuse_rules(struct env *e, int err)
{
	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	e->fk.fail_type = NFT_MSG_NEWRULE;
	e->fk.fail_errno = err;
}

static void test_kernel_error_names_the_object(void **state)
{
	struct env *e = *state;

	refuse_rules(e, EINVAL);
	assert_int_equal(run(e, "-A INPUT -s 1.2.3.4 -j ACCEPT"), -1);
	assert_int_equal(e->ctx.diag.status, XTN_RESOURCE);
	assert_int_equal(e->ctx.diag.style, XTN_DS_KERNEL);
	assert_int_equal(e->ctx.diag.n_kerrs, 1);
	assert_string_equal(e->ctx.diag.kerrs[0].text,
			    "RULE_APPEND failed (Invalid argument): rule in chain INPUT");
}

/* -P adds the chain before it sets the policy, as 1.8.9 does for a chain it
 * has not seen: a foreign base chain of that name fails the add first.  A
 * built-in that is there is only updated. */
static void test_policy_adds_then_updates(void **state)
{
	struct env *e = *state;
	unsigned int i, n = 0;

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	assert_int_equal(run(e, "-P INPUT DROP"), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWCHAIN, true), 1);
	e->fk.n_msgs = 0;
	assert_int_equal(run(e, "-P FORWARD DROP"), 0);
	for (i = 0; i < e->fk.n_msgs; i++)
		if (e->fk.msgs[i].type == NFT_MSG_NEWCHAIN) {
			assert_string_equal(e->fk.msgs[i].chain, "FORWARD");
			assert_true(e->fk.msgs[i].flags & NLM_F_CREATE);
			n++;
		}
	assert_int_equal(n, 2);
	e->fk.fail_type = NFT_MSG_NEWCHAIN;
	e->fk.fail_errno = EOPNOTSUPP;
	assert_int_equal(run(e, "-P FORWARD DROP"), -1);
	assert_int_equal(e->ctx.diag.n_kerrs, 2);
	assert_string_equal(e->ctx.diag.kerrs[0].text,
			    "CHAIN_ADD failed (Operation not supported): chain FORWARD");
	assert_string_equal(e->ctx.diag.kerrs[1].text,
			    "CHAIN_UPDATE failed (Operation not supported): chain FORWARD");
}

/* ext-ack: the expression the kernel points at leads back to its argv words */
static void test_kernel_error_points_at_argv_words(void **state)
{
	struct env *e = *state;
	const struct xtn_kerr *k;

	refuse_rules(e, EOPNOTSUPP);
	e->fk.fail_expr = 2;	/* after -p's payload+cmp: the -s payload */
	e->fk.fail_msg = "no such thing";
	/*                0       1  2     3  4   5  6       7  8 */
	assert_int_equal(run(e, "-A INPUT -p tcp -s 1.2.3.4 -j ACCEPT"), -1);
	assert_int_equal(e->ctx.diag.n_kerrs, 1);
	k = &e->ctx.diag.kerrs[0];
	assert_true(k->has_loc);
	assert_int_equal(k->loc.arg_first, 5);
	assert_int_equal(k->loc.arg_last, 6);
	assert_string_equal(k->kmsg, "no such thing");
}

static void test_kernel_error_without_ext_ack_has_no_words(void **state)
{
	struct env *e = *state;

	refuse_rules(e, EINVAL);
	assert_int_equal(run(e, "-A INPUT -p tcp -j ACCEPT"), -1);
	assert_int_equal(e->ctx.diag.n_kerrs, 1);
	assert_false(e->ctx.diag.kerrs[0].has_loc);
	assert_null(e->ctx.diag.kerrs[0].kmsg);
}

/* Restore input through a pipe, as a feeder would give it. */
static int restore(struct env *e, const char *input,
		   const struct xtn_restore_opts *o)
{
	struct xtn_lines lines;
	int fds[2], ret;

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], input, strlen(input)),
			 (ssize_t)strlen(input));
	close(fds[1]);
	xtn_lines_init(&lines, fds[0]);
	ret = xtn_restore(&e->ctx, &lines, o, &e->out);
	xtn_lines_fini(&lines);
	close(fds[0]);
	return ret;
}

static void test_restore_error_names_the_line(void **state)
{
	struct env *e = *state;
	struct xtn_restore_opts o = { .noflush = true, .prog = "iptables-restore" };
	static const char input[] =
		"*filter\n"
		"-A INPUT -j ACCEPT\n"
		"# a comment\n"
		"-N SECOND\n"
		"COMMIT\n";

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	e->fk.fail_type = NFT_MSG_NEWCHAIN;
	e->fk.fail_errno = EEXIST;
	assert_int_equal(restore(e, input, &o), -1);
	assert_int_equal(e->ctx.diag.n_kerrs, 1);
	assert_int_equal(e->ctx.diag.kerrs[0].line, 4);
	assert_string_equal(e->ctx.diag.kerrs[0].text,
			    "CHAIN_USER_ADD failed (File exists): chain SECOND");
	/* the whole input was one batch, sent again with the generation
	 * check when refused */
	assert_int_equal(e->fk.n_batches, 2);
}

/* A restore whose table has a command that fails (a missing chain) on
 * line 3, then last_line before its COMMIT: it fails and sends nothing. */
static void restore_with_failing_line(struct env *e, const char *last_line)
{
	struct xtn_restore_opts o = { .prog = "iptables-restore" };
	char input[256];

	snprintf(input, sizeof(input), "*filter\n-A INPUT -j ACCEPT\n"
		 "-A NOPE -j ACCEPT\n%s\nCOMMIT\n", last_line);
	assert_int_equal(restore(e, input, &o), -1);
	assert_int_equal(e->fk.n_batches, 0);
}

/* Lines run as they are read, but 1.8.9 runs a table at its COMMIT: a
 * line that does not parse is what is reported, even after a command
 * that fails, and no batch goes out. */
static void test_restore_parses_before_the_kernel(void **state)
{
	struct env *e = *state;

	restore_with_failing_line(e, "-A INPUT --bogus");
	assert_int_equal(e->ctx.diag.status, XTN_PARAM);
	assert_non_null(strstr(e->ctx.diag.msg, "--bogus"));
}

/* Without the bad line, the failing command is reported at the COMMIT,
 * by its own line. */
static void test_restore_early_failure_waits_for_commit(void **state)
{
	struct env *e = *state;

	restore_with_failing_line(e, "-A INPUT -j DROP");
	assert_int_equal(e->ctx.diag.status, XTN_OTHER);
	assert_int_equal(e->ctx.diag.loc.line, 3);
}

/* A -D later in the same input finds the rule an earlier line queued
 * (its model dropped by then: the line is parsed again to compare). */
static void test_restore_parses_each_line_once(void **state)
{
	struct env *e = *state;
	struct xtn_restore_opts o = { .noflush = true, .prog = "iptables-restore" };

	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	assert_int_equal(restore(e, "*filter\n"
				 "-A INPUT -p tcp --dport 22 -j ACCEPT\n"
				 "-D INPUT -p tcp --dport 22 -j ACCEPT\n"
				 "COMMIT\n", &o), 0);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWRULE, true), 1);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_DELRULE, true), 1);
}

/* filter INPUT holding rule (handle 5), and a kernel that refuses the
 * first batch that depends on what was read (another writer's commit) */
static void input_with_one_clash(struct env *e, const char *rule)
{
	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	fk_add_rule(&e->fk, rule, 5);
	e->fk.restart_batches = 1;
}

/* A restore hands each rule to the batch without copying it; a clash
 * reruns every line, and the second batch still holds every rule (the
 * handed-over ones parsed again from their lines). */
static void test_restore_rerun_keeps_every_rule(void **state)
{
	struct env *e = *state;
	struct xtn_restore_opts o = { .noflush = true, .prog = "iptables-restore" };

	input_with_one_clash(e, "-j ACCEPT");
	assert_int_equal(restore(e, "*filter\n"
				 "-A INPUT -p tcp --dport 22 -j ACCEPT\n"
				 "-A INPUT -s 10.0.0.1,10.0.0.2 -j DROP\n"
				 "-D INPUT -j ACCEPT\n"
				 "-I INPUT -p udp -j ACCEPT\n"
				 "COMMIT\n", &o), 0);
	/* the kernel refused the first at its BATCH_BEGIN: what it
	 * recorded is the rerun's batch, whole */
	assert_int_equal(e->fk.n_batches, 2);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_NEWRULE, true), 4);
	assert_int_equal(fk_count(&e->fk, NFT_MSG_DELRULE, true), 1);
}

/* A resolver that knows one host and counts how often it is asked. */
struct counting_resolver {
	struct xtn_resolver r;
	unsigned int lookups;
};

static unsigned int count_host(const struct xtn_resolver *self,
			       const char *name, int af,
			       union xtn_inaddr **out)
{
	struct counting_resolver *c = (struct counting_resolver *)self;

	if (strcmp(name, "gateway.example") != 0 || af != AF_INET)
		return 0;
	c->lookups++;
	*out = xtn_xzalloc(sizeof(**out));
	(*out)->v4.s_addr = htonl(0xc0000201);	/* 192.0.2.1 */
	return 1;
}

/* A name is resolved once per restore: not again when a later line
 * compares with a rule whose model was dropped (its line is parsed again),
 * nor when a clash reruns the input, nor for a second line naming it. */
static void test_restore_resolves_each_name_once(void **state)
{
	struct env *e = *state;
	struct xtn_restore_opts o = { .noflush = true, .prog = "iptables-restore" };
	struct counting_resolver res = { .r = { .host_to_addrs = count_host } };

	e->ctx.resolver = &res.r;
	input_with_one_clash(e, "-s 10.0.0.1 -j ACCEPT");
	assert_int_equal(restore(e, "*filter\n"
				 "-A INPUT -s gateway.example -j ACCEPT\n"
				 "-D INPUT -s gateway.example -j ACCEPT\n"
				 "-D INPUT -s 10.0.0.1 -j ACCEPT\n"
				 "COMMIT\n", &o), 0);
	assert_int_equal(e->fk.n_batches, 2);	/* one clash, rerun */
	assert_int_equal(res.lookups, 1);
}

static int count_proto(const struct xtn_resolver *self, const char *name)
{
	struct counting_resolver *c = (struct counting_resolver *)self;

	c->lookups++;
	return strcmp(name, "gre") == 0 ? 47 : -1;
}

/* 1.8.9 names the usual protocols from its own table: 100k "-p tcp" lines
 * must not read /etc/protocols 100k times (glibc does not cache it). */
static void test_restore_knows_usual_protocols(void **state)
{
	struct env *e = *state;
	struct xtn_restore_opts o = { .noflush = true, .prog = "iptables-restore" };
	struct counting_resolver res = { .r = { .proto_by_name = count_proto } };

	e->ctx.resolver = &res.r;
	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
	assert_int_equal(restore(e, "*filter\n"
				 "-A INPUT -p tcp --dport 22 -j ACCEPT\n"
				 "-A INPUT -p udp --dport 53 -j ACCEPT\n"
				 "-A INPUT -p icmp -j ACCEPT\n"
				 "-A INPUT -p all -j ACCEPT\n"
				 "-A INPUT -p esp -j ACCEPT\n"
				 "-A INPUT -p sctp -j ACCEPT\n"
				 "-A INPUT -p udplite -j ACCEPT\n"
				 "COMMIT\n", &o), 0);
	assert_int_equal(res.lookups, 0);
	assert_int_equal(restore(e, "*filter\n"
				 "-A INPUT -p gre -j ACCEPT\n"
				 "COMMIT\n", &o), 0);
	assert_int_equal(res.lookups, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_append_fetches_no_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_creates_table_and_builtin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verbose_flush_creates_builtins_in_order,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_jump_target_is_looked_up_by_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_and_insert_fetch_nothing_heavy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_fetches_only_its_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_command_fetches_within_its_plan,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_generation_clash_retries_with_new_genid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retries_are_bounded_by_time, setup, teardown),
		cmocka_unit_test(test_wait_values),
		cmocka_unit_test_setup_teardown(test_refused_unchecked_batch_is_rechecked,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_error_names_the_object, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_adds_then_updates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_error_points_at_argv_words,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_error_without_ext_ack_has_no_words,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_error_names_the_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_parses_before_the_kernel,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_early_failure_waits_for_commit,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_parses_each_line_once,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_rerun_keeps_every_rule,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_resolves_each_name_once,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_knows_usual_protocols,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
