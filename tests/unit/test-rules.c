/*
 * Kernel-free golden tests for every extension (tests/rules/FAMILY/NAME.t):
 * each OK line is parsed, encoded, and its expressions compared with the
 * .payload golden (written by Debian's iptables-nft, see regen-payloads.sh);
 * the encoded rule is decoded and printed in save form, compared with the
 * expected form, and that form must print itself again after another round
 * (a fixed point: "! --dport :1000" is written as "> 1000" and reads back as
 * "--dport 1001:65535", which then stays).  FAIL lines must fail with
 * exactly the given message.  Each family's lines are read by its own
 * dialect (tests/rules/bridge/ by ebtables'), and for bridge the xt blobs
 * are compared too ("#xt" lines of the golden).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/netlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/print.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>

#ifndef RULES_DIR
#define RULES_DIR "tests/rules"
#endif

#define CHAIN "FORWARD"
#define MAX_FILES 512

struct tfile {
	char path[768];
	const struct xtn_family *fam;
};

/* The ipsets golden lines name, created in this order by the "#!" lines
 * of their .t files (so the kernel gives the same indexes). */
static const struct {
	const char *name;
	uint8_t family;		/* NFPROTO_* */
} stub_sets[] = {
	{ "foo", 2 }, { "bar", 2 }, { "six", 10 }, { "l", 0 },
};

static int stub_set_by_name(const struct xtn_resolver *self, const char *name,
			    uint16_t *index, uint8_t *family, int *err)
{
	size_t i;

	(void)self;
	*err = 0;
	for (i = 0; i < sizeof(stub_sets) / sizeof(stub_sets[0]); i++) {
		if (strcmp(stub_sets[i].name, name) == 0) {
			*index = (uint16_t)i;
			*family = stub_sets[i].family;
			return XTN_IPSET_OK;
		}
	}
	return XTN_IPSET_MISSING;
}

static bool stub_set_by_index(const struct xtn_resolver *self,
			      unsigned int index, char *buf, size_t len)
{
	(void)self;
	if (index >= sizeof(stub_sets) / sizeof(stub_sets[0]))
		return false;
	snprintf(buf, len, "%s", stub_sets[index].name);
	return true;
}

/* The files golden lines name, as the "#!" lines of their .t files
 * write them for the oracle. */
static const struct {
	const char *path, *text;
} stub_files[] = {
	{ "/tmp/xtnft-among-golden.txt",
	  "00:11:22:33:44:55,00:00:00:00:00:01=10.0.0.1\n" },
	{ "/tmp/xtnft-among-nonl.txt", "00:11:22:33:44:55" },
	{ "/tmp/xtnft-among-2l.txt", "00:11:22:33:44:55\n00:11:22:33:44:56\n" },
	{ "/tmp/xtnft-among-nl.txt", "\n" },
};

static int stub_read_file(const struct xtn_resolver *self, const char *path,
			  char **text, size_t *len)
{
	size_t i;

	(void)self;
	for (i = 0; i < sizeof(stub_files) / sizeof(stub_files[0]); i++) {
		if (strcmp(stub_files[i].path, path) == 0) {
			*text = xtn_xstrdup(stub_files[i].text);
			*len = strlen(*text);
			return XTN_FILE_OK;
		}
	}
	/* an empty file, as 1.8.9 sees it */
	if (strcmp(path, "/dev/null") == 0) {
		*text = xtn_xstrdup("");
		*len = 0;
		return XTN_FILE_OK;
	}
	return XTN_FILE_NO_OPEN;
}

/* Services and protocols from /etc, but never DNS, the kernel's ipsets
 * or files: goldens stay offline. */
static struct xtn_resolver offline_resolver(void)
{
	struct xtn_resolver r = xtn_resolver_libc;

	r.host_to_addrs = NULL;
	r.addr_to_host = NULL;
	r.net_to_addr = NULL;
	r.addr_to_net = NULL;
	r.set_by_name = stub_set_by_name;
	r.set_by_index = stub_set_by_index;
	r.read_file = stub_read_file;
	return r;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	struct xtn_strbuf sb;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	xtn_strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		xtn_strbuf_put(&sb, buf, n);
	fclose(f);
	return xtn_strbuf_steal(&sb);
}

/* A line of a payload block: an expression, a "#set" line of the rule's
 * anonymous sets, or an "#xt" line (an xt blob's bytes as the kernel
 * holds them, which the expression dump does not show). */
static bool block_line(const char *p)
{
	return *p == ' ' || strncmp(p, "#set ", 5) == 0 ||
	       strncmp(p, "#xt ", 4) == 0;
}

/* The payload block recorded under "# ARGS" (NULL if none). */
static char *golden_for(const char *payload, const char *args)
{
	struct xtn_strbuf sb;
	const char *p = payload;
	size_t alen = strlen(args);

	while (p && *p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);

		if (len == alen + 2 && !strncmp(p, "# ", 2) && !strncmp(p + 2, args, alen)) {
			xtn_strbuf_init(&sb);
			p = eol ? eol + 1 : p + len;
			while (block_line(p)) {
				eol = strchr(p, '\n');
				len = eol ? (size_t)(eol - p) + 1 : strlen(p);
				xtn_strbuf_put(&sb, p, len);
				p += len;
			}
			return xtn_strbuf_steal(&sb);
		}
		p = eol ? eol + 1 : NULL;
	}
	return NULL;
}

static void unescape(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*o++ = '\n';
			s++;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

struct outcome {
	int parsed;		/* enum xtn_parse_result, or -1 */
	char *dump;		/* encoded expressions */
	char *saved;		/* decoded, printed after "-A CHAIN" */
	char *error;		/* first diagnostic message */
};

static void outcome_fini(struct outcome *o)
{
	free(o->dump);
	free(o->saved);
	free(o->error);
}

/* "#xt KIND NAME: HEX" of each match and target expression, as
 * regen-payloads.sh records them for bridge and arp goldens. */
static int dump_blob(struct nftnl_expr *x, void *data)
{
	struct xtn_strbuf *sb = data;
	const char *kind = nftnl_expr_get_str(x, NFTNL_EXPR_NAME);
	bool match = strcmp(kind, "match") == 0;
	const unsigned char *b;
	uint32_t len = 0, i;

	if (!match && strcmp(kind, "target") != 0)
		return 0;
	b = nftnl_expr_get(x, match ? NFTNL_EXPR_MT_INFO : NFTNL_EXPR_TG_INFO,
			   &len);
	xtn_strbuf_printf(sb, "#xt %s %s:", kind,
			  nftnl_expr_get_str(x, match ? NFTNL_EXPR_MT_NAME :
							NFTNL_EXPR_TG_NAME));
	for (i = 0; b && i < len; i++)
		xtn_strbuf_printf(sb, "%s%02x", i % 4 ? "" : " ", b[i]);
	xtn_strbuf_putc(sb, '\n');
	return 0;
}

/* The encoder writes each expression's attributes itself: libnftnl,
 * reading them and writing them again, must give the same bytes. */
static void assert_bytes_are_libnftnls(const struct xtn_rule *r,
				       const char *table, const char *chain)
{
	struct xtn_wire_rule w;
	struct nftnl_rule *nr;
	struct nlmsghdr *ours, *theirs;
	struct xtn_sets sets;

	xtn_sets_init(&sets);
	assert_int_equal(xtn_codec_encode_wire(r, table, chain, NULL, &sets,
					       NULL, NULL, &w), 0);
	ours = xtn_wire_msg(&w, NFT_MSG_NEWRULE, 0);
	nr = xtn_wire_to_nftnl(&w);
	theirs = test_calloc(1, xtn_wire_msg_size(&w));
	nftnl_nlmsg_build_hdr((char *)theirs, NFT_MSG_NEWRULE, w.family, 0, 0);
	nftnl_rule_nlmsg_build_payload(theirs, nr);
	assert_int_equal(ours->nlmsg_len, theirs->nlmsg_len);
	assert_memory_equal(ours, theirs, ours->nlmsg_len);
	test_free(theirs);
	free(ours);
	nftnl_rule_free(nr);
	xtn_wire_fini(&w);
	xtn_sets_fini(&sets);
}

/* Parse "TOOL -t TABLE -A CHAIN ARGS" with the family's dialect,
 * encode, decode, print. */
static void run_line(const struct xtn_family *fam, const char *table,
		     const char *chain, const char *args, struct outcome *o)
{
	const struct xtn_dialect *dl = fam->dialect;
	struct xtn_parse_opts po = { .prog = dl->name };
	struct xtn_resolver res = offline_resolver();
	struct xtn_words w = { 0 };
	struct xtn_strbuf out, text;
	struct xtn_cmd *cmd = NULL;
	struct nftnl_rule *nr = NULL;
	struct xtn_rule *r, *back;
	struct xtn_sets sets;
	struct xtn_ctx ctx;

	memset(o, 0, sizeof(*o));
	xtn_sets_init(&sets);
	xtn_ctx_init(&ctx, fam);
	ctx.resolver = &res;
	xtn_strbuf_init(&out);
	xtn_strbuf_init(&text);
	xtn_words_add(&w, dl->name);
	xtn_words_add(&w, "-t");
	xtn_words_add(&w, table);
	xtn_words_add(&w, "-A");
	xtn_words_add(&w, chain);
	o->parsed = -1;
	if (xtn_restore_split(args, &w, &ctx.diag, 1) == 0)
		o->parsed = dl->parse(&ctx, w.n, w.v, &po, &cmd, &out);
	if (o->parsed == XTN_PARSED_CMD) {
		r = xtn_cmd_rule_at(cmd, 0);
		nr = xtn_codec_encode_sets(r, table, chain, &ctx.diag, &sets,
					   NULL, NULL);
		if (nr)
			assert_bytes_are_libnftnls(r, table, chain);
		xtn_rule_free(r);
	}
	if (nr) {
		xtn_codec_dump_sets(nr, &sets, &text);
		if (fam != &xtn_family_ipv4 && fam != &xtn_family_ipv6)
			nftnl_expr_foreach(nr, dump_blob, &text);
		o->dump = xtn_strbuf_steal(&text);
		back = xtn_codec_decode_sets(nr, fam, &sets.src, NULL);
		dl->printer->rule_save(&text, back, "-A", chain, 0, &res);
		o->saved = xtn_strbuf_steal(&text);
		xtn_rule_free(back);
		nftnl_rule_free(nr);
	}
	if (ctx.diag.msg)
		o->error = xtn_xstrdup(ctx.diag.msg);
	xtn_cmd_free(cmd);
	xtn_sets_fini(&sets);
	xtn_words_fini(&w);
	xtn_strbuf_fini(&out);
	xtn_strbuf_fini(&text);
	xtn_ctx_fini(&ctx);
}

/* The save form without "-A CHAIN " and the newline. */
static const char *saved_args(const char *saved, const char *chain)
{
	const char *s = saved + strlen("-A ") + strlen(chain);

	return *s == ' ' ? s + 1 : s;
}

/* Where a golden line's rule goes: filter FORWARD, or "@TABLE:CHAIN". */
struct where {
	char table[32];
	char chain[32];
};

static int check_ok(const struct tfile *tf, const struct where *at,
		    const char *key, const char *args, const char *expect,
		    const char *payload)
{
	char *golden = golden_for(payload, key), *again_in;
	struct outcome o, again;
	int bad = 0;

	run_line(tf->fam, at->table, at->chain, args, &o);
	if (!o.dump) {
		print_error("%s: %s: failed: %s\n", tf->path, args,
			    o.error ? o.error : "(no message)");
		bad = 1;
		goto out;
	}
	if (!golden || strcmp(golden, o.dump) != 0) {
		print_error("%s: %s: expressions differ\n--- golden\n%s--- ours\n%s",
			    tf->path, args, golden ? golden : "(none)\n", o.dump);
		bad = 1;
	}
	again_in = xtn_xstrdup(saved_args(o.saved, at->chain));
	again_in[strcspn(again_in, "\n")] = '\0';
	if (strcmp(again_in, expect) != 0) {
		print_error("%s: %s: save form \"%s\", expected \"%s\"\n",
			    tf->path, args, again_in, expect);
		bad = 1;
	}
	run_line(tf->fam, at->table, at->chain, again_in, &again);
	if (!again.saved || strcmp(again.saved, o.saved) != 0) {
		print_error("%s: %s: save form is not a fixed point\n", tf->path,
			    args);
		bad = 1;
	}
	outcome_fini(&again);
	free(again_in);
out:
	outcome_fini(&o);
	free(golden);
	return bad;
}

static int check_fail(const struct tfile *tf, const struct where *at,
		      const char *args, char *msg)
{
	struct outcome o;
	int bad = 0;

	unescape(msg);
	run_line(tf->fam, at->table, at->chain, args, &o);
	if (o.dump) {
		print_error("%s: %s: accepted, expected failure\n", tf->path, args);
		bad = 1;
	} else if (!o.error || strcmp(o.error, msg) != 0) {
		print_error("%s: %s: message \"%s\", expected \"%s\"\n", tf->path,
			    args, o.error ? o.error : "(none)", msg);
		bad = 1;
	}
	outcome_fini(&o);
	return bad;
}

/*
 * "args;expect;OK|FAIL[;message]"; args may start with "@TABLE:CHAIN " for
 * rules the kernel takes only there (NAT, REJECT): regen-payloads.sh
 * appends them to that chain; the payload golden is keyed by the whole.
 */
static int check_line(const struct tfile *tf, char *line, const char *payload)
{
	struct where at = { "filter", CHAIN };
	char *save = NULL, *args, *msg, *key;
	const char *expect, *status;

	args = strtok_r(line, ";", &save);
	expect = strtok_r(NULL, ";", &save);
	if (expect && strcmp(expect, "OK") == 0) {
		/* "args;;OK": the expected save form is empty */
		status = expect;
		expect = "";
	} else if (expect && (strcmp(expect, "FAIL") == 0)) {
		status = expect;
		expect = "";
	} else {
		status = strtok_r(NULL, ";", &save);
	}
	msg = strtok_r(NULL, ";", &save);
	if (!args || !status) {
		print_error("%s: malformed line\n", tf->path);
		return 1;
	}
	key = args;
	if (args[0] == '@' && strchr(args, ' ')) {
		/* "@TABLE:CHAIN args" */
		if (sscanf(args, "@%31[^:]:%31s", at.table, at.chain) != 2) {
			print_error("%s: bad @TABLE:CHAIN\n", tf->path);
			return 1;
		}
		args = strchr(args, ' ') + 1;
	}
	if (strcmp(expect, "=") == 0)
		expect = args;
	if (strcmp(status, "OK") == 0)
		return check_ok(tf, &at, key, args, expect, payload);
	return check_fail(tf, &at, args, msg ? msg : xtn_xstrdup(""));
}

static void test_file(void **state)
{
	const struct tfile *tf = *state;
	char ppath[800], *text = slurp(tf->path), *payload, *line, *save = NULL;
	int bad = 0, n = 0;

	snprintf(ppath, sizeof(ppath), "%s.payload", tf->path);
	payload = slurp(ppath);
	assert_non_null(text);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (!*line || *line == '#')
			continue;
		bad += check_line(tf, line, payload ? payload : "");
		n++;
	}
	free(text);
	free(payload);
	assert_true(n > 0);
	assert_int_equal(bad, 0);
}

static int add_dir(struct tfile *v, int n, const char *sub,
		   const struct xtn_family *fam)
{
	char dir[400];
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/%s", RULES_DIR, sub);
	d = opendir(dir);
	if (!d)
		return n;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len < 3 || strcmp(e->d_name + len - 2, ".t") != 0)
			continue;
		if (n == MAX_FILES) {
			/* a golden file left out would be a test that cannot fail */
			fprintf(stderr, "more than %d .t files: raise MAX_FILES\n",
				MAX_FILES);
			exit(1);
		}
		snprintf(v[n].path, sizeof(v[n].path), "%s/%s", dir, e->d_name);
		v[n].fam = fam;
		n++;
	}
	closedir(d);
	return n;
}

int main(void)
{
	static struct tfile files[MAX_FILES];
	static struct CMUnitTest tests[MAX_FILES];
	static struct tfile *ptrs[MAX_FILES];
	int n = 0, i;

	n = add_dir(files, n, "ip", &xtn_family_ipv4);
	n = add_dir(files, n, "ip6", &xtn_family_ipv6);
	n = add_dir(files, n, "bridge", &xtn_family_bridge);
	if (n == 0) {
		fprintf(stderr, "no .t files under %s\n", RULES_DIR);
		return 1;
	}
	for (i = 0; i < n; i++) {
		ptrs[i] = &files[i];
		memset(&tests[i], 0, sizeof(tests[i]));
		tests[i].name = files[i].path;
		tests[i].test_func = test_file;
		tests[i].initial_state = ptrs[i];
	}
	return _cmocka_run_group_tests("rules", tests, (size_t)n, NULL, NULL);
}
