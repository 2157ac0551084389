/*
 * The restore word splitter is the guard for iptables-restore's
 * add_param_to_argv(): blanks separate words, "..." groups and its closing
 * quote ends the word, backslash escapes only inside quotes, and a word of
 * 1024 characters or more is "Parameter too long!".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <xtnft/diag.h>
#include <xtnft/restore.h>

/* Split line and compare with the NULL-terminated list want. */
static void expect_words(const char *line, const char *const *want)
{
	struct xtn_words w = { 0 };
	struct xtn_diag d;
	int i;

	xtn_diag_init(&d);
	assert_int_equal(xtn_restore_split(line, &w, &d, 1), 0);
	assert_int_equal(d.status, 0);
	for (i = 0; want[i]; i++) {
		assert_true(i < w.n);
		assert_string_equal(w.v[i], want[i]);
	}
	assert_int_equal(w.n, i);
	if (w.n)
		assert_null(w.v[w.n]);
	xtn_words_fini(&w);
	xtn_diag_fini(&d);
}

#define EXPECT(line, ...) \
	expect_words(line, (const char *const[]){ __VA_ARGS__, NULL })

static void test_blanks_split(void **state)
{
	(void)state;
	EXPECT("-A INPUT -j ACCEPT", "-A", "INPUT", "-j", "ACCEPT");
	EXPECT("  -A \t INPUT\n", "-A", "INPUT");
	EXPECT("a\tb\nc", "a", "b", "c");
	EXPECT("\t \n x \t\n", "x");
	EXPECT("COMMIT\n", "COMMIT");
}

static void test_empty_line(void **state)
{
	struct xtn_words w = { 0 };
	struct xtn_diag d;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_restore_split("", &w, &d, 1), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(xtn_restore_split(" \t\n", &w, &d, 1), 0);
	assert_int_equal(w.n, 0);
	xtn_words_fini(&w);
	assert_int_equal(d.status, 0);
	xtn_diag_fini(&d);
}

static void test_quotes_group(void **state)
{
	(void)state;
	EXPECT("--comment \"two words\" -j X", "--comment", "two words", "-j",
	       "X");
	EXPECT("\"a\tb\nc\"", "a\tb\nc");
	EXPECT("\"  \"", "  ");
	EXPECT("\"-A\" \"INPUT\"", "-A", "INPUT");
}

static void test_closing_quote_ends_word(void **state)
{
	(void)state;
	EXPECT("\"a b\"c", "a b", "c");
	EXPECT("x\"y z\"", "xy z");
	EXPECT("x\"y z\"w v", "xy z", "w", "v");
	EXPECT("a\"\"", "a");
	EXPECT("\"a\"\"b\"", "a", "b");
}

static void test_empty_quotes(void **state)
{
	(void)state;
	EXPECT("\"\"", "");
	EXPECT("\"\" \"\"", "", "");
	EXPECT("--comment \"\" -j ACCEPT", "--comment", "", "-j", "ACCEPT");
}

static void test_backslash_in_quotes(void **state)
{
	(void)state;
	EXPECT("\"a\\\"b\"", "a\"b");
	EXPECT("\"a\\\\b\"", "a\\b");
	EXPECT("\"a\\nb\"", "anb");
	EXPECT("\"\\\"\"", "\"");
	EXPECT("\"a\\ b\" c", "a b", "c");
}

static void test_backslash_outside_literal(void **state)
{
	(void)state;
	EXPECT("a\\b", "a\\b");
	EXPECT("a\\ b", "a\\", "b");
	EXPECT("\\\\", "\\\\");
	/* the backslash does not escape the quote: it opens a quoted part */
	EXPECT("a\\\"b c\"", "a\\b c");
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	EXPECT("-m comment --comment \"open end\n", "-m", "comment",
	       "--comment", "open end\n");
	EXPECT("x \"y", "x", "y");
	EXPECT("\"a \\\"b\n", "a \"b\n");
}

static void expect_too_long(const char *line, uint32_t lineno)
{
	struct xtn_words w = { 0 };
	struct xtn_diag d;

	xtn_diag_init(&d);
	assert_int_equal(xtn_restore_split(line, &w, &d, lineno), -1);
	assert_int_equal(d.status, XTN_PARAM);
	assert_non_null(d.msg);
	assert_string_equal(d.msg, "Parameter too long!");
	assert_int_equal(d.loc.line, lineno);
	xtn_words_fini(&w);
	xtn_diag_fini(&d);
}

static void test_parameter_too_long(void **state)
{
	static char line[2100];
	struct xtn_words w = { 0 };
	struct xtn_diag d;

	(void)state;
	/* 1023 characters still fit */
	memset(line, 'a', 1023);
	line[1023] = '\0';
	xtn_diag_init(&d);
	assert_int_equal(xtn_restore_split(line, &w, &d, 5), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(strlen(w.v[0]), 1023);
	xtn_words_fini(&w);
	xtn_diag_fini(&d);

	memset(line, 'a', 1024);
	line[1024] = '\0';
	expect_too_long(line, 5);

	/* quoted, after an earlier word, with a newline inside */
	memcpy(line, "ok \"", 4);
	memset(line + 4, 'b', 1030);
	memcpy(line + 1034, "\"\n", 3);
	expect_too_long(line, 42);

	/* escapes count once */
	line[0] = '"';
	for (int i = 0; i < 1024; i++)
		memcpy(line + 1 + 2 * i, "\\x", 2);
	memcpy(line + 2049, "\"", 2);
	expect_too_long(line, 9);
}

/* iptables-restore's argv holds 254 words, its 3-word prefix included */
static void test_argument_count_limit(void **state)
{
	struct xtn_words w = { 0 };
	struct xtn_diag d;
	char line[1024] = "";
	int i;

	(void)state;
	xtn_diag_init(&d);
	for (i = 0; i < 251; i++)
		strcat(line, "x ");
	xtn_words_add(&w, "iptables-restore");
	xtn_words_add(&w, "-t");
	xtn_words_add(&w, "filter");
	assert_int_equal(xtn_restore_split(line, &w, &d, 3), 0);
	assert_int_equal(w.n, 254);
	xtn_words_fini(&w);
	xtn_words_add(&w, "iptables-restore");
	xtn_words_add(&w, "-t");
	xtn_words_add(&w, "filter");
	strcat(line, "y");
	assert_int_equal(xtn_restore_split(line, &w, &d, 3), -1);
	assert_int_equal(d.status, XTN_PARAM);
	assert_int_equal(d.loc.line, 3);
	assert_string_equal(d.msg, "Parser cannot handle more arguments");
	xtn_words_fini(&w);
	xtn_diag_fini(&d);
}

static void test_words_add_fini(void **state)
{
	struct xtn_words w = { 0 };
	struct xtn_diag d;
	char tmp[8] = "temp";

	(void)state;
	xtn_words_add(&w, "iptables-restore");
	assert_int_equal(w.n, 1);
	assert_string_equal(w.v[0], "iptables-restore");
	assert_null(w.v[1]);
	xtn_words_add(&w, tmp);
	strcpy(tmp, "gone");	/* the word is a copy */
	assert_int_equal(w.n, 2);
	assert_string_equal(w.v[1], "temp");
	assert_null(w.v[2]);

	/* split appends after what is already there */
	xtn_diag_init(&d);
	assert_int_equal(xtn_restore_split("-A INPUT\n", &w, &d, 3), 0);
	assert_int_equal(w.n, 4);
	assert_string_equal(w.v[0], "iptables-restore");
	assert_string_equal(w.v[2], "-A");
	assert_string_equal(w.v[3], "INPUT");
	assert_null(w.v[4]);
	xtn_diag_fini(&d);

	xtn_words_fini(&w);
	assert_null(w.v);
	assert_int_equal(w.n, 0);
	/* reusable after fini */
	xtn_words_add(&w, "");
	assert_int_equal(w.n, 1);
	assert_string_equal(w.v[0], "");
	assert_null(w.v[1]);
	xtn_words_fini(&w);
}

/* Which words had a quote (iptables-xml's argvattr): the word a quote
 * opened in, ended by its closing quote; the line's last word never. */
static void test_quoted_flags(void **state)
{
	static const char *const want[] = { "-A", "X", "q w", "", "ab", "c",
					    "d", "open\n" };
	static const bool quoted[] = { false, false, true, true, true, false,
				       false, false };
	struct xtn_words w = { 0 };
	bool q[XTN_WORDS_MAX];
	struct xtn_diag d;
	size_t i;

	(void)state;
	xtn_diag_init(&d);
	assert_int_equal(xtn_split_words("-A X \"q w\" \"\" a\"b\"c d \"open\n",
					 &w, q, &d, 1), 0);
	assert_int_equal(w.n, 8);
	for (i = 0; i < 8; i++) {
		assert_string_equal(w.v[i], want[i]);
		assert_int_equal(q[i], quoted[i]);
	}
	xtn_words_fini(&w);
	assert_int_equal(xtn_split_words("\"x\"", &w, q, &d, 1), 0);
	assert_true(q[0]);
	xtn_words_fini(&w);
	xtn_diag_fini(&d);
}

/* iptables' add_param_to_argv() as it reads, a character at a time into
 * a word buffer: the model the in-place splitter must agree with.  Words
 * go to out, NUL-separated; returns their number (no length limits: the
 * random lines below stay short). */
static int model_split(const char *line, char *out, bool *quoted)
{
	bool in_quotes = false, opened = false, escaped = false;
	char buf[256];
	size_t len = 0;
	int n = 0;

#define MODEL_WORD(q) do { \
		memcpy(out, buf, len); out[len] = '\0'; out += len + 1; \
		quoted[n++] = (q); len = 0; opened = false; } while (0)
	for (; *line; line++) {
		char c = *line;

		if (in_quotes) {
			if (escaped) {
				buf[len++] = c;
				escaped = false;
			} else if (c == '\\') {
				escaped = true;
			} else if (c != '"') {
				buf[len++] = c;
			} else {
				in_quotes = false;
				MODEL_WORD(opened);
			}
		} else if (c == '"') {
			in_quotes = opened = true;
		} else if (c == ' ' || c == '\t' || c == '\n') {
			if (len)
				MODEL_WORD(opened);
		} else {
			buf[len++] = c;
		}
	}
	if (len)
		MODEL_WORD(false);
#undef MODEL_WORD
	return n;
}

/* Random lines of blanks, quotes, backslashes and letters: the in-place
 * splitter gives the model's words and quote flags, and leaves no word
 * pointing outside the line it split. */
static void test_inplace_matches_model(void **state)
{
	static const char alphabet[] = "ab \t\n\"\\";
	uint32_t seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 200000; round++) {
		char line[40], copy[40], want[128];
		bool q[XTN_WORDS_MAX], wq[40];
		struct xtn_words w = { 0 };
		size_t len, i;
		struct xtn_diag d;
		const char *p = want;
		int n;

		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % (sizeof(line) - 1);
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			line[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		line[len] = '\0';
		memcpy(copy, line, len + 1);
		n = model_split(line, want, wq);
		xtn_diag_init(&d);
		assert_int_equal(xtn_split_words_inplace(copy, &w, q, &d, 1), 0);
		assert_int_equal(w.n, n);
		for (i = 0; i < (size_t)n; i++) {
			assert_string_equal(w.v[i], p);
			assert_int_equal(q[i], wq[i]);
			assert_true(w.v[i] >= copy && w.v[i] <= copy + len);
			p += strlen(p) + 1;
		}
		xtn_words_fini(&w);
		xtn_diag_fini(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blanks_split),
		cmocka_unit_test(test_empty_line),
		cmocka_unit_test(test_quotes_group),
		cmocka_unit_test(test_closing_quote_ends_word),
		cmocka_unit_test(test_empty_quotes),
		cmocka_unit_test(test_backslash_in_quotes),
		cmocka_unit_test(test_backslash_outside_literal),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_parameter_too_long),
		cmocka_unit_test(test_argument_count_limit),
		cmocka_unit_test(test_words_add_fini),
		cmocka_unit_test(test_quoted_flags),
		cmocka_unit_test(test_inplace_matches_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
