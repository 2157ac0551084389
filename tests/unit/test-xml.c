/*
 * iptables-xml's converter (lib/dialect/xml.c) without the front-end: exact
 * documents for small inputs, where each failure is placed, and the line
 * reader's pieces of a long comment put back together.  The byte-for-byte
 * comparison with 1.8.9 is tests/bats/xml.bats.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>
#include <xtnft/diag.h>
#include <xtnft/lines.h>
#include <xtnft/util.h>
#include <xtnft/xml.h>

struct result {
	int ret;
	struct xtn_diag d;
	struct xtn_strbuf out;
	unsigned int flushes;
};

static void count_flush(struct xtn_strbuf *out, void *priv)
{
	(void)out;
	((struct result *)priv)->flushes++;
}

/* Convert len bytes of text, read from a memory file as from a file. */
static void convert(const char *text, size_t len, bool combine, bool flush,
		    struct result *r)
{
	struct xtn_xml_opts o = { .combine = combine };
	int fd = memfd_create("xml", MFD_CLOEXEC);
	struct xtn_lines lines;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	memset(r, 0, sizeof(*r));
	if (flush) {
		/* counts the calls and keeps the text, to compare it whole */
		o.flush = count_flush;
		o.flush_priv = r;
	}
	xtn_diag_init(&r->d);
	xtn_strbuf_init(&r->out);
	xtn_lines_init(&lines, fd);
	r->ret = xtn_xml_convert(&lines, &o, &r->out, &r->d);
	xtn_lines_fini(&lines);
	close(fd);
}

static void result_fini(struct result *r)
{
	xtn_diag_fini(&r->d);
	xtn_strbuf_fini(&r->out);
}

static void expect_xml(const char *in, bool combine, const char *want)
{
	struct result r;

	convert(in, strlen(in), combine, false, &r);
	assert_int_equal(r.ret, 0);
	assert_string_equal(r.out.buf, want);
	result_fini(&r);
}

static void test_rule_elements(void **state)
{
	(void)state;
	expect_xml("*filter\n:INPUT DROP [1:2]\n:U - [0:0]\n"
		   "[3:4] -A INPUT ! -s 1.2.3.4 -m tcp --dport 22 -j U\n"
		   "-A INPUT -m comment --comment \"a b\" -j LOG --log-prefix x\n"
		   "COMMIT\n", false,
		   "<iptables-rules version=\"1.0\">\n"
		   "  <table name=\"filter\" >\n"
		   "    <chain name=\"INPUT\" policy=\"DROP\" packet-count=\"1\" byte-count=\"2\" >\n"
		   "      <rule packet-count=\"3\" byte-count=\"4\" >\n"
		   "       <conditions>\n"
		   "        <match >\n"
		   "          <s  invert=\"1\">1.2.3.4</s>\n"
		   "        </match>\n"
		   "        <tcp >\n"
		   "          <dport >22</dport>\n"
		   "        </tcp>\n"
		   "       </conditions>\n"
		   "       <actions>\n"
		   "        <call >\n"
		   "          <U />\n"
		   "        </call>\n"
		   "       </actions>\n\n"
		   "      </rule>\n\n"
		   "      <rule >\n"
		   "       <conditions>\n"
		   "        <comment >\n"
		   "          <comment >&quot;a b&quot;</comment>\n"
		   "        </comment>\n"
		   "       </conditions>\n"
		   "       <actions>\n"
		   "        <LOG >\n"
		   "          <log-prefix >x</log-prefix>\n"
		   "        </LOG>\n"
		   "       </actions>\n\n"
		   "      </rule>\n\n"
		   "    </chain>\n"
		   "    <chain name=\"U\" packet-count=\"0\" byte-count=\"0\" />\n"
		   "  </table>\n"
		   "</iptables-rules>\n");
}

static void test_combine(void **state)
{
	static const char in[] = "*mangle\n:P - [0:0]\n"
				 "-A P -p udp -j LOG\n-A P -p udp -j ACCEPT\n"
				 "-A P -p udp -j DROP\nCOMMIT\n";
	struct result r;

	(void)state;
	convert(in, sizeof(in) - 1, true, false, &r);
	assert_int_equal(r.ret, 0);
	/* LOG and ACCEPT share a rule; nothing follows ACCEPT */
	assert_non_null(strstr(r.out.buf,
			       "        <LOG  />\n"
			       "<!-- Combine action from next rule -->\n"
			       "        <ACCEPT  />\n"
			       "       </actions>\n\n"
			       "      </rule>\n\n"
			       "      <rule >\n"));
	result_fini(&r);
}

/* The status, message and line of a failure, and its style. */
static void expect_fail(const char *in, size_t len, int status,
			enum xtn_diag_style style, uint32_t line,
			const char *msg)
{
	struct result r;

	convert(in, len, false, false, &r);
	assert_int_equal(r.ret, -1);
	assert_int_equal(r.d.status, status);
	assert_int_equal(r.d.style, style);
	assert_int_equal(r.d.loc.line, line);
	assert_string_equal(r.d.msg, msg);
	result_fini(&r);
}

#define FAIL(in, st, style, line, msg) \
	expect_fail(in, sizeof(in) - 1, st, style, line, msg)

static void test_failures(void **state)
{
	(void)state;
	FAIL("\n# c\nCOMMIT\n", 1, XTN_DS_PROG, 3, "line 3 failed");
	FAIL("*filter\n", 1, XTN_DS_PROG, 2, "COMMIT expected at line 2");
	FAIL("*filter\n-j X\n", 1, XTN_DS_PROG, 2,
	     "line 2 failed - no chain found");
	FAIL("*\n", 2, XTN_DS_XTABLES, 1, "iptables-xml: line 1 table name invalid");
	FAIL("*f\n:X\n", 2, XTN_DS_XTABLES, 2, "iptables-xml: line 2 policy invalid");
	FAIL("*f\n[1:2 -A X\n", 2, XTN_DS_XTABLES, 2, "Bad line 2: need ]");
	FAIL("*f\n-A X -j A\0B\nCOMMIT\n", 2, XTN_DS_XTABLES, 2,
	     "NUL byte inside the line");
}

/* A 10,239-byte line is read whole; its newline counts as a line, as 1.8.9
 * reads it; a longer line is refused. */
static void test_line_length(void **state)
{
	size_t n = XTN_LINE_MAX + 40;
	char *in = xtn_xmalloc(n);

	(void)state;
	memcpy(in, "*f\n", 3);
	memset(in + 3, ' ', n - 3);
	memcpy(in + 3, "-A X", 4);
	in[3 + XTN_LINE_MAX] = '\n';
	memcpy(in + 4 + XTN_LINE_MAX, "\n", 1);
	expect_fail(in, 5 + XTN_LINE_MAX, 1, XTN_DS_PROG, 5,
		    "COMMIT expected at line 5");
	in[3 + XTN_LINE_MAX] = ' ';
	expect_fail(in, n, 2, XTN_DS_XTABLES, 2, "line longer than 10239 bytes");
	free(in);
}

/* A comment of 300,000 bytes comes out whole, and the lines after it are
 * read where they start. */
static void test_long_comment(void **state)
{
	static const char tail[] = "\n*t\n:C - [1:1]\nCOMMIT\n";
	size_t n = 300000, i;
	char *in = xtn_xmalloc(n + sizeof(tail));
	struct result r, flushed;
	const char *c;

	(void)state;
	in[0] = '#';
	for (i = 1; i < n; i++)
		in[i] = (char)('a' + i % 26);
	memcpy(in + n, tail, sizeof(tail));
	convert(in, n + sizeof(tail) - 1, false, false, &r);
	assert_int_equal(r.ret, 0);
	c = strstr(r.out.buf, "<!-- #");
	assert_non_null(c);
	assert_memory_equal(c + 5, in, n);
	assert_string_equal(c + 5 + n, " -->\n  <table name=\"t\" >\n"
			    "    <chain name=\"C\" packet-count=\"1\" byte-count=\"1\" />\n"
			    "  </table>\n</iptables-rules>\n");
	/* handed out while it grows: memory stays a buffer */
	convert(in, n + sizeof(tail) - 1, false, true, &flushed);
	assert_true(flushed.flushes >= 4);
	result_fini(&flushed);
	result_fini(&r);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_elements),
		cmocka_unit_test(test_combine),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_line_length),
		cmocka_unit_test(test_long_comment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
