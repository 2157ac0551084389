/*
 * What one more rule costs, against a fake kernel: the netlink messages a
 * restore and a listing exchange, the allocations they make and the bytes
 * a restore holds when its batch goes out (counted through the
 * sanitizer's allocator hooks, so in the ASan build that `make check`
 * runs).  Counts, not timings: the figures do not depend on
 * the machine, and a change that makes each rule dearer fails here
 * before a benchmark would show it.  The budgets are what the code
 * needed when they were set, with room for small changes; lower them
 * when a change makes rules cheaper.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/uio.h>
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

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COUNT_ALLOCS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define COUNT_ALLOCS 1
#endif

/* Allocations a restored rule may make: parsing, the model, encoding
 * into the batch; 73 when set with libnftnl objects per expression, 53
 * once the encoder wrote the attributes itself, 42 once a line was split
 * in place. */
#define RESTORE_ALLOCS_PER_RULE 48
/* ... and a listed one: decoding and printing; 5.3 when set. */
#define LIST_ALLOCS_PER_RULE 7
/* Heap bytes a restored rule adds to what the restore holds when its
 * batch goes out (its peak), besides its part of the batch (this test's
 * batch fits the first batch page, which both sizes allocate): the
 * line's text (about 150 bytes here), its record, its view entry and its
 * batch note, with the slack of arrays grown by doubling.  475 when
 * records were 96 bytes, 371 once they were 48. */
#define RESTORE_HELD_BYTES_PER_RULE 400

#ifdef COUNT_ALLOCS
/* <sanitizer/allocator_interface.h>, which gcc's packages do not ship */
int __sanitizer_install_malloc_and_free_hooks(
	void (*malloc_hook)(const volatile void *, size_t),
	void (*free_hook)(const volatile void *));

size_t __sanitizer_get_allocated_size(const volatile void *p);

static unsigned long n_allocs;
static size_t heap_now;

static void on_malloc(const volatile void *p, size_t size)
{
	(void)p;
	n_allocs++;
	heap_now += size;
}

/* called before the block goes: its size can still be asked */
static void on_free(const volatile void *p)
{
	heap_now -= __sanitizer_get_allocated_size(p);
}

/* The heap when the last batch went out: the fake kernel's send, which
 * copies the batch, behind a look at the heap first. */
static size_t heap_at_batch;
static int (*fk_send_batch)(struct xtn_transport *t, const struct iovec *iov,
			    size_t n_iov);

static int send_noting_heap(struct xtn_transport *t, const struct iovec *iov,
			    size_t n_iov)
{
	const struct nlmsghdr *nlh = iov[0].iov_base;

	if (nlh->nlmsg_type == NFNL_MSG_BATCH_BEGIN)
		heap_at_batch = heap_now;
	return fk_send_batch(t, iov, n_iov);
}
#endif

struct env {
	struct fake_kernel fk;
	struct xtn_ctx ctx;
	struct xtn_strbuf out;
};

static void env_init(struct env *e)
{
	fk_init(&e->fk);
	xtn_ctx_init(&e->ctx, &xtn_family_ipv4);
	e->ctx.resolver = &xtn_resolver_none;
	e->ctx.transport = &e->fk.t;
	xtn_strbuf_init(&e->out);
	e->fk.table_exists = true;
	e->fk.chains[0] = "INPUT";
}

static void env_fini(struct env *e)
{
	fk_fini(&e->fk);
	xtn_ctx_fini(&e->ctx);
	xtn_strbuf_fini(&e->out);
}

/* A firewall's everyday rule: addresses, a port, state, a comment. */
static void rule_line(struct xtn_strbuf *sb, const char *verb, unsigned int i)
{
	xtn_strbuf_printf(sb, "%s INPUT -s 10.%u.%u.0/24 -d 192.0.2.%u -i eth%u "
			  "-p tcp -m tcp --dport %u -m conntrack --ctstate NEW "
			  "-m comment --comment \"rule %u\" -j ACCEPT\n", verb,
			  i / 256 % 256, i % 256, i % 250 + 1, i % 4, 1000 + i, i);
}

struct cost {
	unsigned long allocs;
	size_t held;		/* heap bytes when the batch went out, above
				 * what was there before the restore */
	unsigned int requests;	/* messages sent outside batches */
	unsigned int batches, newrules, getrules;
};

static void tally(const struct env *e, struct cost *c)
{
	unsigned int i;

	for (i = 0; i < e->fk.n_msgs; i++)
		if (!e->fk.msgs[i].batch)
			c->requests++;
	c->batches = e->fk.n_batches;
	c->newrules = fk_count(&e->fk, NFT_MSG_NEWRULE, true);
	c->getrules = fk_count(&e->fk, NFT_MSG_GETRULE, false);
}

static void restore_n(unsigned int n, struct cost *c)
{
	struct xtn_restore_opts o = { .prog = "iptables-restore" };
	struct xtn_strbuf in;
	struct xtn_lines lines;
	struct env e;
	unsigned int i;
	FILE *f;

	memset(c, 0, sizeof(*c));
	xtn_strbuf_init(&in);
	xtn_strbuf_puts(&in, "*filter\n:INPUT ACCEPT [0:0]\n");
	for (i = 0; i < n; i++)
		rule_line(&in, "-A", i);
	xtn_strbuf_puts(&in, "COMMIT\n");
	/* a file, not a pipe: the larger input outgrows a pipe's buffer */
	f = tmpfile();
	assert_non_null(f);
	assert_int_equal(write(fileno(f), in.buf, in.len), (ssize_t)in.len);
	assert_int_equal(lseek(fileno(f), 0, SEEK_SET), 0);
	env_init(&e);
	xtn_lines_init(&lines, fileno(f));
#ifdef COUNT_ALLOCS
	fk_send_batch = e.fk.t.send;
	e.fk.t.send = send_noting_heap;
	n_allocs = 0;
	c->held = heap_now;
#endif
	assert_int_equal(xtn_restore(&e.ctx, &lines, &o, &e.out), 0);
#ifdef COUNT_ALLOCS
	c->allocs = n_allocs;
	c->held = heap_at_batch - c->held;
#endif
	tally(&e, c);
	xtn_lines_fini(&lines);
	fclose(f);
	env_fini(&e);
	xtn_strbuf_fini(&in);
}

static int list_body(struct xtn_exec *ex, void *cmd)
{
	return xtn_exec_cmd(ex, cmd);
}

static void list_n(unsigned int n, struct cost *c)
{
	struct xtn_parse_opts po = { .prog = "iptables" };
	char prog[] = "iptables", cmd_s[] = "-S", chain[] = "INPUT";
	char *argv[] = { prog, cmd_s, chain, NULL };
	struct xtn_strbuf spec;
	struct xtn_cmd *cmd = NULL;
	struct xtn_exec *ex;
	struct env e;
	unsigned int i;

	memset(c, 0, sizeof(*c));
	env_init(&e);
	xtn_strbuf_init(&spec);
	for (i = 0; i < n; i++) {
		xtn_strbuf_reset(&spec);
		rule_line(&spec, "", i);
		/* the rule's arguments: after " INPUT ", without the newline */
		spec.buf[spec.len - 1] = '\0';
		fk_add_rule(&e.fk, spec.buf + strlen(" INPUT "), 10 + i);
	}
	assert_int_equal(xtn_ipt_parse(&e.ctx, 3, argv, &po, &cmd, &e.out),
			 XTN_PARSED_CMD);
	ex = xtn_exec_new(&e.ctx, &e.out, 0);
#ifdef COUNT_ALLOCS
	n_allocs = 0;
#endif
	assert_int_equal(xtn_exec_run(ex, list_body, cmd), 0);
#ifdef COUNT_ALLOCS
	c->allocs = n_allocs;
#endif
	tally(&e, c);
	xtn_exec_free(ex);
	xtn_cmd_free(cmd);
	xtn_strbuf_fini(&spec);
	env_fini(&e);
}

/* Per rule: the difference between a small and a larger input, so what
 * every run costs once (options, tables, the socket) does not count. */
static void test_restore_cost_per_rule(void **state)
{
	struct cost a, b;

	(void)state;
	restore_n(20, &a);
	restore_n(80, &b);
	/* one batch holding every rule; what is asked outside it does not
	 * grow with the input, and no rule is read back */
	assert_int_equal(a.batches, 1);
	assert_int_equal(b.batches, 1);
	assert_int_equal(a.newrules, 20);
	assert_int_equal(b.newrules, 80);
	assert_int_equal(a.requests, b.requests);
	assert_int_equal(b.getrules, 0);
#ifdef COUNT_ALLOCS
	print_message("restore: %lu allocations for 20 rules, %lu for 80: "
		      "%.1f a rule (budget %d)\n", a.allocs, b.allocs,
		      (double)(b.allocs - a.allocs) / 60, RESTORE_ALLOCS_PER_RULE);
	assert_true(b.allocs - a.allocs <= 60ul * RESTORE_ALLOCS_PER_RULE);
#endif
}

/* Memory: what a restore holds while it sends grows with its rules by a
 * small record each, besides the batch (at 100k rules the rest is 35 MB
 * beside the batch's 63).  Sizes far apart, so that the arrays' doublings
 * fall inside the difference as they do at scale. */
static void test_restore_held_per_rule(void **state)
{
	struct cost a, b;

	(void)state;
	restore_n(256, &a);
	restore_n(1024, &b);
	assert_int_equal(b.batches, 1);
#ifdef COUNT_ALLOCS
	print_message("restore: %zu bytes held when the batch goes out for 256 "
		      "rules, %zu for 1024: %.0f a rule (budget %d)\n", a.held,
		      b.held, (double)(b.held - a.held) / 768,
		      RESTORE_HELD_BYTES_PER_RULE);
	assert_true(b.held - a.held <= 768ul * RESTORE_HELD_BYTES_PER_RULE);
#endif
}

static void test_listing_cost_per_rule(void **state)
{
	struct cost a, b;

	(void)state;
	list_n(2, &a);
	list_n(8, &b);
	/* the chain's rules in one dump, however many */
	assert_int_equal(a.getrules, 1);
	assert_int_equal(b.getrules, 1);
	assert_int_equal(a.requests, b.requests);
#ifdef COUNT_ALLOCS
	print_message("-S: %lu allocations for 2 rules, %lu for 8: "
		      "%.1f a rule (budget %d)\n", a.allocs, b.allocs,
		      (double)(b.allocs - a.allocs) / 6, LIST_ALLOCS_PER_RULE);
	assert_true(b.allocs - a.allocs <= 6ul * LIST_ALLOCS_PER_RULE);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_restore_cost_per_rule),
		cmocka_unit_test(test_restore_held_per_rule),
		cmocka_unit_test(test_listing_cost_per_rule),
	};

#ifdef COUNT_ALLOCS
	__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
#endif
	return cmocka_run_group_tests(tests, NULL, NULL);
}
