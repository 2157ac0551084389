/*
 * arptables where the goldens (test-rules: one -A line each) do not reach:
 * the other commands and their option checks, the intrapositioned "!",
 * help, the restore grammar without COMMIT, and rules other tools wrote
 * in ARP shapes that 1.8.9 misreads.
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
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/lines.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/print.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include "rule-build.h"

struct parsed {
	enum xtn_parse_result res;
	struct xtn_cmd *cmd;
	char *out;		/* stdout text (-h, -V) */
	char *err;		/* the error message, or NULL */
	char *warn;		/* the first warning, or NULL */
	unsigned int n_warnings;
};

static void parsed_fini(struct parsed *p)
{
	xtn_cmd_free(p->cmd);
	free(p->out);
	free(p->err);
	free(p->warn);
}

/* "arptables ARGS" (words split at blanks; "''" is an empty word). */
static struct parsed parse(const char *args)
{
	const struct xtn_dialect *dia = xtn_family_arp.dialect;
	struct xtn_parse_opts po = { .prog = "arptables" };
	char buf[512], *argv[64], *save = NULL, *tok;
	struct parsed p = { 0 };
	struct xtn_strbuf out;
	struct xtn_ctx ctx;
	int argc = 0;

	snprintf(buf, sizeof(buf), "arptables %s", args);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		argv[argc++] = strcmp(tok, "''") ? tok : (char *)"";
	argv[argc] = NULL;
	xtn_ctx_init(&ctx, &xtn_family_arp);
	ctx.resolver = &xtn_resolver_none;
	xtn_strbuf_init(&out);
	p.res = dia->parse(&ctx, argc, argv, &po, &p.cmd, &out);
	p.out = xtn_strbuf_steal(&out);
	if (ctx.diag.msg)
		p.err = xtn_xstrdup(ctx.diag.msg);
	if (ctx.diag.n_warnings)
		p.warn = xtn_xstrdup(ctx.diag.warnings[0]);
	p.n_warnings = ctx.diag.n_warnings;
	xtn_ctx_fini(&ctx);
	return p;
}

static void expect_error(const char *args, const char *msg)
{
	struct parsed p = parse(args);

	assert_int_equal(p.res, XTN_PARSED_ERROR);
	assert_non_null(p.err);
	assert_string_equal(p.err, msg);
	parsed_fini(&p);
}

static void test_commands(void **state)
{
	struct parsed p;

	(void)state;
	p = parse("-L INPUT -n -v -x --line-numbers");
	assert_int_equal(p.res, XTN_PARSED_CMD);
	assert_int_equal(p.cmd->op, XTN_CMD_LIST);
	assert_string_equal(p.cmd->chain, "INPUT");
	assert_true(p.cmd->fmt & XTN_FMT_NUMERIC);
	assert_true(p.cmd->fmt & XTN_FMT_EXACT);
	assert_true(p.cmd->fmt & XTN_FMT_LINENUMBERS);
	assert_int_equal(p.cmd->verbose, 1);
	parsed_fini(&p);
	p = parse("-P OUTPUT DROP -c 1 2");
	assert_int_equal(p.res, XTN_PARSED_CMD);
	assert_string_equal(p.cmd->policy, "DROP");
	assert_true(p.cmd->counters_set);
	parsed_fini(&p);
	p = parse("-M foo -N SNAT");	/* no ARP target of that name */
	assert_int_equal(p.res, XTN_PARSED_CMD);
	parsed_fini(&p);
	expect_error("-N mangle", "chain name may not clash with target name");
	expect_error("-N LOG", "chain name may not clash with target name");
	expect_error("-N QUEUE", "chain name may not clash with target name");
	/* the long-only options go by the letters 1.8.9 prints */
	expect_error("-L --opcode 1", "Illegal option `-\4' with this command");
	expect_error("-F --src-mac 00:11:22:33:44:55",
		     "Illegal option `-\2' with this command");
	expect_error("-A INPUT -x", "Illegal option `-x' with this command");
	expect_error("-A INPUT --h-type 1 --h-type 2",
		     "multiple -\5 flags not allowed");
	expect_error("-A INPUT ! -j ACCEPT", "cannot have ! before -j");
	expect_error("-A OUTPUT -i eth0", "Can't use -i with OUTPUT\n");
}

/* arptables has no -m/-g/-f/-w/-4, no --match, and no FORWARD chain. */
static void test_what_arptables_lacks(void **state)
{
	(void)state;
	expect_error("-A INPUT -m mark", "unknown option \"-m\"");
	expect_error("-A INPUT --match mark", "unknown option \"--match\"");
	expect_error("-A INPUT -g FOO", "unknown option \"-g\"");
	expect_error("-L -w", "unknown option \"-w\"");
	expect_error("-L -4", "unknown option \"-4\"");
	expect_error("-A INPUT --fragment", "unknown option \"--fragment\"");
	expect_error("-A INPUT --p-length 4", "not supported");
	expect_error("-A INPUT -p tcp --dport 22", "unknown option \"--dport\"");
	assert_null(xtn_table_builtin(xtn_family_table(&xtn_family_arp, "filter"),
				      "FORWARD"));
}

static void test_intrapositioned_bang(void **state)
{
	struct parsed p;

	(void)state;
	p = parse("-A INPUT -s ! 1.2.3.4 --opcode ! 2");
	assert_int_equal(p.res, XTN_PARSED_CMD);
	assert_non_null(p.warn);
	assert_string_equal(p.warn,
			    "Using intrapositioned negation (`--option ! this`) is deprecated in favor of extrapositioned (`! --option this`).");
	parsed_fini(&p);
	expect_error("-A INPUT -s !", "no argument following `!'");
	expect_error("-A INPUT ! -d ! 1.2.3.4", "Multiple `!' flags not allowed");
	/* -j takes none: "!" is the target's name there */
	expect_error("-A INPUT -j ! ACCEPT", "Bad argument `ACCEPT'\n");
	/* a device named "!": 1.8.9 takes it and saves "! -i !", which no
	 * restore reads back; "!+" and "a!" save as themselves */
	expect_error("-A INPUT -i ! !",
		     "interface name `!' is not supported: a restore would read it as a negation");
	expect_error("-A OUTPUT --out-interface=! !",
		     "interface name `!' is not supported: a restore would read it as a negation");
	p = parse("-A INPUT -i ! !+");
	assert_int_equal(p.res, XTN_PARSED_CMD);
	parsed_fini(&p);
	p = parse("-A OUTPUT -o ! a!");
	assert_int_equal(p.res, XTN_PARSED_CMD);
	parsed_fini(&p);
}

/* An empty interface is only a warning (and no compare). */
static void test_empty_interface(void **state)
{
	struct parsed p = parse("-A INPUT -i ''");

	(void)state;
	assert_int_equal(p.res, XTN_PARSED_CMD);
	assert_string_equal(p.warn, "Empty interface is likely to be undesired");
	parsed_fini(&p);
	/* 1.8.9 looks at the word -o took ("!"), not at the name after it:
	 * only the warning about the intrapositioned "!" */
	p = parse("-A OUTPUT -o ! ''");
	assert_int_equal(p.res, XTN_PARSED_CMD);
	assert_int_equal(p.n_warnings, 1);
	assert_non_null(strstr(p.warn, "intrapositioned negation"));
	parsed_fini(&p);
	p = parse("-A OUTPUT ! -o ''");
	assert_int_equal(p.res, XTN_PARSED_CMD);
	assert_int_equal(p.n_warnings, 1);
	assert_string_equal(p.warn, "Empty interface is likely to be undesired");
	parsed_fini(&p);
}

static void test_help_and_version(void **state)
{
	struct parsed p;
	char *mark, *mangle, *std;

	(void)state;
	p = parse("-h");
	assert_int_equal(p.res, XTN_PARSED_EXIT);
	assert_non_null(strstr(p.out, " opcode strings: \n 1 = Request\n"));
	mark = strstr(p.out, "MARK target options:");
	mangle = strstr(p.out, "mangle target options:");
	std = strstr(p.out, "standard match options:");
	/* 1.8.9 prints the targets it loaded, the last loaded first */
	assert_true(mark && mangle && std && mark < mangle && mangle < std);
	parsed_fini(&p);
	p = parse("-j mangle -h");
	mangle = strstr(p.out, "mangle target options:");
	std = strstr(p.out, "standard match options:");
	assert_true(mangle && std && std < mangle);
	parsed_fini(&p);
	p = parse("-V");
	assert_string_equal(p.out, "arptables v" XTN_COMPAT_VERSION " (nf_tables)\n");
	parsed_fini(&p);
}

/* Each address pair is a rule, source-major, as for iptables. */
static void test_address_lists(void **state)
{
	struct parsed p = parse("-A INPUT -s 1.1.1.1,2.2.2.2 -d 3.3.3.3,4.4.4.4");
	struct xtn_strbuf sb;
	struct xtn_rule *r;

	(void)state;
	assert_int_equal(p.res, XTN_PARSED_CMD);
	assert_int_equal(xtn_cmd_rule_count(p.cmd), 4);
	r = xtn_cmd_rule_at(p.cmd, 2);
	xtn_strbuf_init(&sb);
	xtn_family_arp.dialect->printer->rule_save(&sb, r, "-A", "INPUT", 0,
						   &xtn_resolver_none);
	assert_string_equal(sb.buf, "-A INPUT -s 2.2.2.2 -d 3.3.3.3\n");
	xtn_strbuf_fini(&sb);
	xtn_rule_free(r);
	parsed_fini(&p);
	expect_error("-A INPUT ! -s 1.1.1.1,2.2.2.2",
		     "! not allowed with multiple source or destination IP addresses");
	expect_error("-R INPUT 1 -d 1.1.1.1,2.2.2.2",
		     "Replacement rule does not specify a unique address");
}

/* ---- restore: arptables-restore's grammar ------------------------------ */

struct rlines {
	struct xtn_rline v[16];
	unsigned int n;
	int end;		/* xtn_rparse_end */
	bool open;		/* a table was left open at the end */
};

static void rparse(const char *input, struct rlines *out)
{
	struct xtn_restore_opts o = { .prog = "arptables-restore" };
	struct xtn_rparser rp;
	struct xtn_strbuf sb;
	struct xtn_ctx ctx;
	char *text = xtn_xstrdup(input), *save = NULL, *line;
	uint32_t no = 0;

	memset(out, 0, sizeof(*out));
	xtn_ctx_init(&ctx, &xtn_family_arp);
	ctx.resolver = &xtn_resolver_none;
	xtn_strbuf_init(&sb);
	xtn_rparser_init(&rp, &ctx, &o);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct xtn_line l = { .text = line, .len = strlen(line),
				      .no = ++no, .newline = true,
				      .whole = true };

		do {
			assert_int_equal(xtn_rparse_line(&rp, &l,
							 &out->v[out->n], &sb), 0);
			/* a "*table" line that ended the last table starts
			 * one when read again */
		} while (out->v[out->n++].again);
	}
	out->end = xtn_rparse_end(&rp, no);
	out->open = rp.in_table;
	xtn_strbuf_fini(&sb);
	xtn_ctx_fini(&ctx);
	free(text);
}

static void rlines_fini(struct rlines *r)
{
	unsigned int i;

	for (i = 0; i < r->n; i++)
		xtn_rline_fini(&r->v[i]);
}

static void test_restore_without_commit(void **state)
{
	struct rlines r;

	(void)state;
	rparse("*filter\n:INPUT DROP [1:2]\n[3:4] -A INPUT -j ACCEPT\n"
	       "*filter\n-A OUTPUT -j DROP\n", &r);
	assert_int_equal(r.n, 6);
	assert_int_equal(r.v[0].kind, XTN_RL_TABLE);
	/* no -c in arptables-restore: chain and rule counters are left */
	assert_int_equal(r.v[1].kind, XTN_RL_CHAIN);
	assert_false(r.v[1].chain->counters);
	assert_int_equal(r.v[2].kind, XTN_RL_CMD);
	assert_false(r.v[2].cmd->counters_set);
	/* a table starts where the last ends, as COMMIT would end it */
	assert_int_equal(r.v[3].kind, XTN_RL_COMMIT);
	assert_string_equal(r.v[3].table, "filter");
	assert_true(r.v[3].again);
	assert_int_equal(r.v[4].kind, XTN_RL_TABLE);
	/* and the end of the input ends the last one */
	assert_int_equal(r.end, 0);
	assert_true(r.open);
	rlines_fini(&r);
	rparse("*filter\n-A INPUT -j ACCEPT\nCOMMIT\n", &r);
	assert_int_equal(r.v[2].kind, XTN_RL_COMMIT);
	assert_false(r.open);
	rlines_fini(&r);
}

/* ---- rules read from the kernel ---------------------------------------- */

static struct nftnl_rule *arp_rule(void)
{
	struct nftnl_rule *r = nftnl_rule_alloc();

	nftnl_rule_set_u32(r, NFTNL_RULE_FAMILY, NFPROTO_ARP);
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, "filter");
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, "INPUT");
	return r;
}

/* payload load of the ARP header, optionally masked, then cmp OP */
static void add_nh(struct nftnl_rule *r, uint32_t off, uint32_t len,
		   const void *mask, uint32_t op, const void *data,
		   uint32_t dlen)
{
	rb_payload_cmp(r, NFT_PAYLOAD_NETWORK_HEADER, off, len, mask, op,
		       data, dlen);
}

static const uint8_t hrd1[] = { 0, 1 }, hln6[] = { 6 }, pln4[] = { 4 };

/* The compares every arptables rule starts with. */
static void add_defaults(struct nftnl_rule *r, bool hrd, bool plen)
{
	if (hrd)
		add_nh(r, 0, 2, NULL, NFT_CMP_EQ, hrd1, 2);
	add_nh(r, 4, 1, NULL, NFT_CMP_EQ, hln6, 1);
	if (plen)
		add_nh(r, 5, 1, NULL, NFT_CMP_EQ, pln4, 1);
}

/* The rule's save form after "-A INPUT ", or "!reason" if undecodable. */
static char *read_back(struct nftnl_rule *nr)
{
	struct xtn_rule *r = xtn_codec_decode(nr, &xtn_family_arp, NULL);
	struct xtn_strbuf sb;

	xtn_strbuf_init(&sb);
	if (r->undecodable)
		xtn_strbuf_printf(&sb, "!%s", r->undecodable);
	else
		xtn_family_arp.dialect->printer->rule_save(&sb, r, "-A",
							   "INPUT", 0,
							   &xtn_resolver_none);
	xtn_rule_free(r);
	nftnl_rule_free(nr);
	return xtn_strbuf_steal(&sb);
}

static void expect_read(struct nftnl_rule *nr, const char *text)
{
	char *s = read_back(nr);

	assert_string_equal(s, text);
	free(s);
}

static void test_short_mac_compare_is_read(void **state)
{
	static const uint8_t mac3[] = { 0, 0x11, 0x22 };
	struct nftnl_rule *nr = arp_rule();

	(void)state;
	/* what 1.8.9 writes for --src-mac X/ff:ff:ff:00:00:00, and lists
	 * without the MAC */
	add_defaults(nr, true, true);
	add_nh(nr, 8, 3, NULL, NFT_CMP_EQ, mac3, 3);
	expect_read(nr, "-A INPUT --src-mac 00:11:22:00:00:00/ff:ff:ff:00:00:00\n");
}

static void test_missing_checks_are_not_arptables(void **state)
{
	struct nftnl_rule *nr = arp_rule();
	char *s;

	(void)state;
	add_defaults(nr, false, true);
	expect_read(nr, "!no ARP hardware type check");
	nr = arp_rule();
	add_defaults(nr, true, false);
	expect_read(nr, "!no ARP protocol length check");
	nr = arp_rule();
	add_defaults(nr, true, true);
	add_nh(nr, 0, 2, NULL, NFT_CMP_EQ, hrd1, 2);	/* a second htype */
	s = read_back(nr);
	assert_true(s[0] == '!');
	free(s);
}

/* Newer arptables' masks and nft's merged length compare. */
static void test_other_writers_shapes(void **state)
{
	static const uint8_t op1[] = { 0, 1 }, opmask[] = { 0, 0xff },
			     lens[] = { 6, 4 }, pro[] = { 8, 0 };
	struct nftnl_rule *nr = arp_rule();

	(void)state;
	add_nh(nr, 0, 2, NULL, NFT_CMP_EQ, hrd1, 2);
	add_nh(nr, 4, 2, NULL, NFT_CMP_EQ, lens, 2);
	add_nh(nr, 6, 2, opmask, NFT_CMP_EQ, op1, 2);
	add_nh(nr, 2, 2, NULL, NFT_CMP_NEQ, pro, 2);
	expect_read(nr, "-A INPUT --opcode 1/255 ! --proto-type 0x800\n");
	nr = arp_rule();
	add_nh(nr, 0, 2, NULL, NFT_CMP_NEQ, hrd1, 2);
	add_nh(nr, 4, 1, NULL, NFT_CMP_NEQ, hln6, 1);
	add_nh(nr, 5, 1, NULL, NFT_CMP_EQ, pln4, 1);
	/* 1.8.9 drops both "!"s when it reads this */
	expect_read(nr, "-A INPUT ! --h-length 6 ! --h-type 1\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commands),
		cmocka_unit_test(test_what_arptables_lacks),
		cmocka_unit_test(test_intrapositioned_bang),
		cmocka_unit_test(test_empty_interface),
		cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_address_lists),
		cmocka_unit_test(test_restore_without_commit),
		cmocka_unit_test(test_short_mac_compare_is_read),
		cmocka_unit_test(test_missing_checks_are_not_arptables),
		cmocka_unit_test(test_other_writers_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
