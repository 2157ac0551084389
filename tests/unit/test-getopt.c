/*
 * The getopt_long work-alike is the guard for iptables' option syntax:
 * glibc's RETURN_IN_ORDER behaviour with a ':'-leading option string
 * (exact names, unique prefixes, aliases, '?' and ':' and the optind
 * they leave behind), the merge order of extension options, and glibc's
 * exact error messages when opterr is on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <xtnft/ext.h>
#include <xtnft/opt.h>

#define SHORTOPTS "A:L::nvt:j:"
#define MAX_WORDS 16

/* The set used by most tests: iptables-like names with shared prefixes. */
static const struct xtn_longopt base_opts[] = {
	{ "append", 1, 'A' },
	{ "verbose", 0, 'v' },
	{ "version", 0, 'V' },
	{ "list", 2, 'L' },
	{ "table", 1, 't' },
	{ "set-counters", 1, 'c' },
	{ "set", 0, 'S' },
	{ NULL, 0, 0 },
};

struct run {
	char buf[512];
	char *argv[MAX_WORDS];
	int argc;
	struct xtn_optset set;
	struct xtn_getopt g;
};

/* Split line on spaces into argv (argv[0] is the first word). */
static void run_init(struct run *r, const struct xtn_longopt *opts,
		     const char *line)
{
	char *save = NULL, *tok;

	snprintf(r->buf, sizeof(r->buf), "%s", line);
	r->argc = 0;
	for (tok = strtok_r(r->buf, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		assert_true(r->argc < MAX_WORDS - 1);
		r->argv[r->argc++] = tok;
	}
	r->argv[r->argc] = NULL;
	xtn_optset_init(&r->set, opts);
	xtn_getopt_init(&r->g, r->argc, r->argv, SHORTOPTS, &r->set);
}

static void run_fini(struct run *r)
{
	xtn_optset_fini(&r->set);
}

static void expect(struct run *r, int ret, const char *optarg, int optind)
{
	assert_int_equal(xtn_getopt_next(&r->g), ret);
	if (optarg) {
		assert_non_null(r->g.optarg);
		assert_string_equal(r->g.optarg, optarg);
	} else {
		assert_null(r->g.optarg);
	}
	assert_int_equal(r->g.optind, optind);
}

/* Parse one line with opterr on and check the single message it leaves. */
static void expect_err(const struct xtn_longopt *opts, const char *line,
		       int ret, const char *msg)
{
	struct run r;

	run_init(&r, opts, line);
	r.g.opterr = true;
	assert_int_equal(xtn_getopt_next(&r.g), ret);
	assert_string_equal(r.g.err, msg);
	run_fini(&r);

	run_init(&r, opts, line);
	r.g.opterr = false;
	assert_int_equal(xtn_getopt_next(&r.g), ret);
	assert_string_equal(r.g.err, "");
	run_fini(&r);
}

static void test_exact_name_wins(void **state)
{
	struct run r;

	(void)state;
	/* "set" is a prefix of the earlier "set-counters" */
	run_init(&r, base_opts, "prog --set --version --verbose");
	expect(&r, 'S', NULL, 2);
	assert_int_equal(r.g.longind, 6);
	expect(&r, 'V', NULL, 3);
	expect(&r, 'v', NULL, 4);
	expect(&r, -1, NULL, 4);
	run_fini(&r);
}

static void test_unique_prefix(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog --app INPUT --vers --verb --set-c 1");
	expect(&r, 'A', "INPUT", 3);
	assert_int_equal(r.g.longind, 0);
	expect(&r, 'V', NULL, 4);
	expect(&r, 'v', NULL, 5);
	expect(&r, 'c', "1", 7);
	expect(&r, -1, NULL, 7);
	run_fini(&r);
}

static void test_ambiguous_prefix(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog --ver --se x");
	expect(&r, '?', NULL, 2);
	assert_int_equal(r.g.optopt, 0);
	expect(&r, '?', NULL, 3);
	expect(&r, 1, "x", 4);
	run_fini(&r);
}

static void test_aliases_not_ambiguous(void **state)
{
	static const struct xtn_longopt alias_opts[] = {
		{ "source", 1, 's' },
		{ "src", 1, 's' },
		{ "destination", 1, 'd' },
		{ NULL, 0, 0 },
	};
	static const struct xtn_longopt differ_opts[] = {
		{ "source", 1, 's' },
		{ "src", 0, 's' },
		{ NULL, 0, 0 },
	};
	struct run r;

	(void)state;
	run_init(&r, alias_opts, "prog --s 1.2.3.4 --sr 5.6.7.8 --d x");
	expect(&r, 's', "1.2.3.4", 3);
	expect(&r, 's', "5.6.7.8", 5);
	expect(&r, 'd', "x", 7);
	run_fini(&r);

	/* same val but a different has_arg: no longer one option */
	run_init(&r, differ_opts, "prog --s x");
	expect(&r, '?', NULL, 2);
	run_fini(&r);
}

static void test_long_equals(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog --append=INPUT --app= --table=a=b");
	expect(&r, 'A', "INPUT", 2);
	expect(&r, 'A', "", 3);
	expect(&r, 't', "a=b", 4);
	expect(&r, -1, NULL, 4);
	run_fini(&r);
}

static void test_long_flag_with_value(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog --verbose=x --vers=1 -n");
	expect(&r, '?', NULL, 2);
	assert_int_equal(r.g.optopt, 'v');
	expect(&r, '?', NULL, 3);
	assert_int_equal(r.g.optopt, 'V');
	expect(&r, 'n', NULL, 4);
	run_fini(&r);
}

static void test_required_takes_dash_word(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog --append -x -A --vers -t -- -j !");
	expect(&r, 'A', "-x", 3);
	expect(&r, 'A', "--vers", 5);
	expect(&r, 't', "--", 7);
	expect(&r, 'j', "!", 9);
	expect(&r, -1, NULL, 9);
	run_fini(&r);
}

static void test_required_missing(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog --append");
	expect(&r, ':', NULL, 2);
	assert_int_equal(r.g.optopt, 'A');
	expect(&r, -1, NULL, 2);
	run_fini(&r);

	run_init(&r, base_opts, "prog -n -A");
	expect(&r, 'n', NULL, 2);
	expect(&r, ':', NULL, 3);
	assert_int_equal(r.g.optopt, 'A');
	expect(&r, -1, NULL, 3);
	run_fini(&r);

	run_init(&r, base_opts, "prog -nA");
	expect(&r, 'n', NULL, 1);
	expect(&r, ':', NULL, 2);
	expect(&r, -1, NULL, 2);
	run_fini(&r);
}

static void test_optional_argument(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog -Lfoo -L foo -nL");
	expect(&r, 'L', "foo", 2);
	expect(&r, 'L', NULL, 3);
	expect(&r, 1, "foo", 4);
	expect(&r, 'n', NULL, 4);
	expect(&r, 'L', NULL, 5);
	expect(&r, -1, NULL, 5);
	run_fini(&r);

	run_init(&r, base_opts, "prog --list=foo --list foo --li");
	expect(&r, 'L', "foo", 2);
	expect(&r, 'L', NULL, 3);
	expect(&r, 1, "foo", 4);
	expect(&r, 'L', NULL, 5);
	run_fini(&r);
}

static void test_short_cluster(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog -nvL -vn");
	expect(&r, 'n', NULL, 1);
	expect(&r, 'v', NULL, 1);
	expect(&r, 'L', NULL, 2);
	expect(&r, 'v', NULL, 2);
	expect(&r, 'n', NULL, 3);
	expect(&r, -1, NULL, 3);
	run_fini(&r);
}

static void test_short_attached_argument(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog -AINPUT -j ACCEPT -nvtfilter");
	expect(&r, 'A', "INPUT", 2);
	expect(&r, 'j', "ACCEPT", 4);
	expect(&r, 'n', NULL, 4);
	expect(&r, 'v', NULL, 4);
	expect(&r, 't', "filter", 5);
	expect(&r, -1, NULL, 5);
	run_fini(&r);
}

static void test_unknown_short_in_cluster(void **state)
{
	struct run r;

	(void)state;
	/* optind only moves once the cluster is used up */
	run_init(&r, base_opts, "prog -nxv -nx -n: -q");
	expect(&r, 'n', NULL, 1);
	expect(&r, '?', NULL, 1);
	assert_int_equal(r.g.optopt, 'x');
	expect(&r, 'v', NULL, 2);
	expect(&r, 'n', NULL, 2);
	expect(&r, '?', NULL, 3);
	assert_int_equal(r.g.optopt, 'x');
	expect(&r, 'n', NULL, 3);
	expect(&r, '?', NULL, 4);
	assert_int_equal(r.g.optopt, ':');
	expect(&r, '?', NULL, 5);
	assert_int_equal(r.g.optopt, 'q');
	expect(&r, -1, NULL, 5);
	run_fini(&r);
}

static void test_double_dash(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog -n -- -v foo");
	expect(&r, 'n', NULL, 2);
	expect(&r, -1, NULL, 3);
	assert_true(r.g.optind < r.g.argc);
	assert_string_equal(r.argv[r.g.optind], "-v");
	/* parsing stays finished */
	expect(&r, -1, NULL, 3);
	run_fini(&r);

	run_init(&r, base_opts, "prog -n --");
	expect(&r, 'n', NULL, 2);
	expect(&r, -1, NULL, 3);
	assert_int_equal(r.g.optind, r.g.argc);
	run_fini(&r);
}

static void test_non_options_in_order(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog foo -n - bar !");
	expect(&r, 1, "foo", 2);
	expect(&r, 'n', NULL, 3);
	expect(&r, 1, "-", 4);
	expect(&r, 1, "bar", 5);
	expect(&r, 1, "!", 6);
	expect(&r, -1, NULL, 6);
	run_fini(&r);
}

static const struct xtn_optdef tcp_opts[] = {
	{ .name = "dport", .id = 0, .has_arg = 1 },
	{ .name = "sport", .id = 1, .has_arg = 1 },
	{ .name = "syn", .id = 2, .has_arg = 0 },
	{ .name = NULL },
};

static const struct xtn_optdef mark_opts[] = {
	{ .name = "mark", .id = 4, .has_arg = 1 },
	{ .name = NULL },
};

static const struct xtn_optdef connmark_opts[] = {
	{ .name = "mark", .id = 7, .has_arg = 1 },
	{ .name = "set", .id = 8, .has_arg = 0 },
	{ .name = NULL },
};

static void test_merge_order(void **state)
{
	struct run r;
	unsigned int n0;

	(void)state;
	run_init(&r, base_opts, "prog --dport 22 --mark 1 --syn");
	n0 = r.set.n;
	assert_int_equal(r.set.n_orig, n0);
	xtn_optset_merge(&r.set, tcp_opts, 1);
	xtn_optset_merge(&r.set, mark_opts, 2);
	assert_int_equal(r.set.n, n0 + 4);
	assert_int_equal(r.set.n_orig, n0);
	/* tool's own options first, untouched */
	assert_string_equal(xtn_optset_at(&r.set, 0)->name, "append");
	assert_string_equal(xtn_optset_at(&r.set, n0 - 1)->name, "set");
	/* then the newest group, then the older one */
	assert_string_equal(xtn_optset_at(&r.set, n0)->name, "mark");
	assert_int_equal(xtn_optset_at(&r.set, n0)->val, XTN_OPTVAL(2, 4));
	assert_int_equal(xtn_optset_at(&r.set, n0)->has_arg, 1);
	assert_string_equal(xtn_optset_at(&r.set, n0 + 1)->name, "dport");
	assert_int_equal(xtn_optset_at(&r.set, n0 + 1)->val, XTN_OPTVAL(1, 0));
	assert_string_equal(xtn_optset_at(&r.set, n0 + 3)->name, "syn");
	assert_int_equal(xtn_optset_at(&r.set, n0 + 3)->val, XTN_OPTVAL(1, 2));
	assert_int_equal(xtn_optset_at(&r.set, n0 + 3)->has_arg, 0);

	expect(&r, XTN_OPTVAL(1, 0), "22", 3);
	assert_int_equal(XTN_OPTVAL_GROUP(XTN_OPTVAL(1, 0)), 1);
	expect(&r, XTN_OPTVAL(2, 4), "1", 5);
	expect(&r, XTN_OPTVAL(1, 2), NULL, 6);
	assert_int_equal(XTN_OPTVAL_ID(XTN_OPTVAL(1, 2)), 2);
	run_fini(&r);
}

static void test_merge_same_name(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog --mark 1 --mar 2 --set --sy");
	xtn_optset_merge(&r.set, tcp_opts, 1);
	xtn_optset_merge(&r.set, mark_opts, 2);
	xtn_optset_merge(&r.set, connmark_opts, 3);
	/* exact: the newest group's "mark" */
	expect(&r, XTN_OPTVAL(3, 7), "1", 3);
	/* prefix of two groups' "mark": different values, ambiguous */
	expect(&r, '?', NULL, 4);
	expect(&r, 1, "2", 5);
	/* exact: the tool's own "set" beats connmark's */
	expect(&r, 'S', NULL, 6);
	expect(&r, XTN_OPTVAL(1, 2), NULL, 7);
	run_fini(&r);
}

static void test_has_arg(void **state)
{
	struct run r;

	(void)state;
	run_init(&r, base_opts, "prog -L INPUT -L -n -L ! -L");
	expect(&r, 'L', NULL, 2);
	assert_true(xtn_getopt_has_arg(&r.g));
	expect(&r, 1, "INPUT", 3);
	expect(&r, 'L', NULL, 4);
	assert_false(xtn_getopt_has_arg(&r.g));
	expect(&r, 'n', NULL, 5);
	expect(&r, 'L', NULL, 6);
	assert_false(xtn_getopt_has_arg(&r.g));
	expect(&r, 1, "!", 7);
	expect(&r, 'L', NULL, 8);
	assert_false(xtn_getopt_has_arg(&r.g));
	run_fini(&r);
}

static const struct xtn_longopt err_opts[] = {
	{ "test", 0, 'T' },
	{ "table", 1, 't' },
	{ "counters", 0, 'c' },
	{ NULL, 0, 0 },
};

static void test_opterr_long_messages(void **state)
{
	(void)state;
	expect_err(err_opts, "prog --foo", '?',
		   "prog: unrecognized option '--foo'\n");
	expect_err(err_opts, "iptables-save --foo=bar", '?',
		   "iptables-save: unrecognized option '--foo=bar'\n");
	expect_err(err_opts, "prog --t", '?',
		   "prog: option '--t' is ambiguous; possibilities: '--test' '--table'\n");
	expect_err(err_opts, "prog --table", ':',
		   "prog: option '--table' requires an argument\n");
	expect_err(err_opts, "prog --tab", ':',
		   "prog: option '--table' requires an argument\n");
	expect_err(err_opts, "prog --counters=1", '?',
		   "prog: option '--counters' doesn't allow an argument\n");
	expect_err(err_opts, "prog --co=1", '?',
		   "prog: option '--counters' doesn't allow an argument\n");
}

static void test_opterr_ambiguous_list(void **state)
{
	static const struct xtn_longopt opts[] = {
		{ "test", 0, 'T' },
		/* an alias of the first match is left out */
		{ "tst", 0, 'T' },
		{ "table", 1, 't' },
		{ "tbl", 1, 't' },	/* differs from the first: listed */
		{ "zero", 0, 'Z' },
		{ NULL, 0, 0 },
	};

	(void)state;
	expect_err(opts, "prog --t=x", '?',
		   "prog: option '--t=x' is ambiguous; possibilities: '--test' '--table' '--tbl'\n");
}

static void test_opterr_short_messages(void **state)
{
	(void)state;
	expect_err(err_opts, "prog -x", '?', "prog: invalid option -- 'x'\n");
	expect_err(err_opts, "prog -t", ':',
		   "prog: option requires an argument -- 't'\n");
	expect_err(err_opts, "prog --test", 'T', "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_name_wins),
		cmocka_unit_test(test_unique_prefix),
		cmocka_unit_test(test_ambiguous_prefix),
		cmocka_unit_test(test_aliases_not_ambiguous),
		cmocka_unit_test(test_long_equals),
		cmocka_unit_test(test_long_flag_with_value),
		cmocka_unit_test(test_required_takes_dash_word),
		cmocka_unit_test(test_required_missing),
		cmocka_unit_test(test_optional_argument),
		cmocka_unit_test(test_short_cluster),
		cmocka_unit_test(test_short_attached_argument),
		cmocka_unit_test(test_unknown_short_in_cluster),
		cmocka_unit_test(test_double_dash),
		cmocka_unit_test(test_non_options_in_order),
		cmocka_unit_test(test_merge_order),
		cmocka_unit_test(test_merge_same_name),
		cmocka_unit_test(test_has_arg),
		cmocka_unit_test(test_opterr_long_messages),
		cmocka_unit_test(test_opterr_ambiguous_list),
		cmocka_unit_test(test_opterr_short_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
