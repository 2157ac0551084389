/*
 * xtn_strbuf_printf formats the common conversions itself and hands the
 * rest to vsnprintf: both paths must write what snprintf writes.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <xtnft/util.h>

#define SAME(...)                                                   \
	do {                                                        \
		char want_[512];                                    \
		struct xtn_strbuf sb_;                              \
		xtn_strbuf_init(&sb_);                              \
		xtn_strbuf_puts(&sb_, "<");                         \
		snprintf(want_, sizeof(want_), __VA_ARGS__);        \
		xtn_strbuf_printf(&sb_, __VA_ARGS__);               \
		assert_int_equal(sb_.len, strlen(want_) + 1);       \
		assert_string_equal(sb_.buf + 1, want_);            \
		xtn_strbuf_fini(&sb_);                              \
	} while (0)

static void test_fast_conversions(void **state)
{
	(void)state;
	SAME("plain text");
	SAME("%s -%c %s%s", " !", 's', "10.0.0.1", "/24");
	SAME("%u %d %i %x %X", 0u, -1, INT_MIN, 0xdeadbeefu, 0xabcu);
	SAME("%u %d", UINT_MAX, INT_MAX);
	SAME("%lu %llu %zu %lx", ULONG_MAX, ULLONG_MAX, (size_t)12345,
	     0x1234abcdUL);
	SAME("%ld %lld", LONG_MIN, LLONG_MIN);
	SAME("%hu %hhu %hx %hhx %hd %hhd", 70000, 300, 0x12345, 0x1ff,
	     -40000, 200);
	SAME("%02x:%02x %02X %04x %2u %02u %04d %02d", 5, 0xab, 0xc, 0x1f,
	     7u, 123u, -12, 3);
	SAME("[%-6s][%5s][%-4u][%-4hu][%8s][%-25s]", "ab", "abc", 7u, 3,
	     "toolongforwidth", "");
	SAME("100%% %c%c", 'o', 'k');
	SAME("%s", "");
	SAME("%-5d|%05d|%-3x|%03d|", 42, -42, 10u, -7);
}

static void test_slow_conversions(void **state)
{
	(void)state;
	SAME("%.*s|%.4x|%4.4X|%.2x", 3, "abcdef", 0x12u, 0xbu, 1u);
	SAME("%f %.11f", 1.5, 0.1);
	SAME("%*d|%-*s|", 6, 42, 4, "x");
	SAME("%s %p", "mixed", (void *)0);
}

/* Whatever it formats, even nothing, a fresh buffer ends up a string. */
static void test_empty_output_is_a_string(void **state)
{
	static const char *const fmts[] = { "", "%s" };
	struct xtn_strbuf sb;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		xtn_strbuf_init(&sb);
		xtn_strbuf_printf(&sb, fmts[i], "");
		assert_non_null(sb.buf);
		assert_string_equal(sb.buf, "");
		assert_int_equal(sb.len, 0);
		xtn_strbuf_fini(&sb);
	}
}

/* Long output through both paths grows the buffer as needed. */
static void test_growth(void **state)
{
	char big[3000];
	struct xtn_strbuf sb;
	int i;

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	xtn_strbuf_init(&sb);
	for (i = 0; i < 4; i++) {
		xtn_strbuf_printf(&sb, "%s", big);
		xtn_strbuf_printf(&sb, "%.3000s", big);
	}
	assert_int_equal(sb.len, 8 * (sizeof(big) - 1));
	assert_int_equal(strspn(sb.buf, "a"), sb.len);
	xtn_strbuf_fini(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fast_conversions),
		cmocka_unit_test(test_slow_conversions),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_empty_output_is_a_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
