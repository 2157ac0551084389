/*
 * The iptables/ip6tables command line, parsed the way iptables 1.8.9's
 * do_parse() does: same option table, same order of checks, same words.
 * Extension options join the active option set as -p/-m/-j load them.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/opt.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include "engine.h"
#include "iptables_int.h"

#define CHAIN_MAXNAMELEN 29	/* XT_EXTENSION_MAXNAMELEN */

/* iptables' OPT_* bits and their letters, in the same order. */
enum {
	OPT_NUMERIC = 1 << 0,
	OPT_SOURCE = 1 << 1,
	OPT_DESTINATION = 1 << 2,
	OPT_PROTOCOL = 1 << 3,
	OPT_JUMP = 1 << 4,
	OPT_VERBOSE = 1 << 5,
	OPT_EXPANDED = 1 << 6,
	OPT_VIANAMEIN = 1 << 7,
	OPT_VIANAMEOUT = 1 << 8,
	OPT_LINENUMBERS = 1 << 9,
	OPT_COUNTERS = 1 << 10,
	OPT_FRAGMENT = 1 << 11,
	NUMBER_OF_OPT = 12,
};

static const char optflags[] = "nsdpjvxio0cf";
/* which options take a leading ! */
static const bool invertible[NUMBER_OF_OPT] = {
	false, true, true, true, false, false, false, true, true, false,
	false, true,
};

static const char cmdflags[] = "IDDRALFZNXPESZC";
#define NUMBER_OF_CMD 15

/* iptables' commands_v_options: 'x' = illegal with that command. */
static const char commands_v_options[NUMBER_OF_CMD][NUMBER_OF_OPT + 1] = {
	/*             nsdpjvxio0cf */
	/*INSERT*/    "x     x  x  ",
	/*DELETE*/    "x     x  xx ",
	/*DELETE_NUM*/"xxxxx xxxxxx",
	/*REPLACE*/   "x     x  x  ",
	/*APPEND*/    "x     x  x  ",
	/*LIST*/      " xxxx  xx xx",
	/*FLUSH*/     "xxxxx xxxxxx",
	/*ZERO*/      "xxxxx xxxxxx",
	/*NEW_CHAIN*/ "xxxxx xxxxxx",
	/*DEL_CHAIN*/ "xxxxx xxxxxx",
	/*SET_POLICY*/"xxxxx xxxx x",
	/*RENAME*/    "xxxxx xxxxxx",
	/*LIST_RULES*/"xxxxx xxxxxx",
	/*ZERO_NUM*/  "xxxxx xxxxxx",
	/*CHECK*/     "x     x  xx ",
};

static const struct xtn_longopt original_opts[] = {
	{ "append", 1, 'A' }, { "delete", 1, 'D' }, { "check", 1, 'C' },
	{ "insert", 1, 'I' }, { "replace", 1, 'R' }, { "list", 2, 'L' },
	{ "list-rules", 2, 'S' }, { "flush", 2, 'F' }, { "zero", 2, 'Z' },
	{ "new-chain", 1, 'N' }, { "delete-chain", 2, 'X' },
	{ "rename-chain", 1, 'E' }, { "policy", 1, 'P' }, { "source", 1, 's' },
	{ "destination", 1, 'd' }, { "src", 1, 's' }, { "dst", 1, 'd' },
	{ "protocol", 1, 'p' }, { "in-interface", 1, 'i' }, { "jump", 1, 'j' },
	{ "table", 1, 't' }, { "match", 1, 'm' }, { "numeric", 0, 'n' },
	{ "out-interface", 1, 'o' }, { "verbose", 0, 'v' }, { "wait", 2, 'w' },
	{ "wait-interval", 2, 'W' }, { "exact", 0, 'x' }, { "fragments", 0, 'f' },
	{ "version", 0, 'V' }, { "help", 2, 'h' }, { "line-numbers", 0, '0' },
	{ "modprobe", 1, 'M' }, { "set-counters", 1, 'c' }, { "goto", 1, 'g' },
	{ "ipv4", 0, '4' }, { "ipv6", 0, '6' }, { NULL, 0, 0 },
};

static const char shortopts[] =
	"A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fbvw::W::nt:m:xc:g:46";

struct ipt {
	struct xtn_ps ps;
	unsigned int command;
	unsigned int options;
	bool proto_used;
	char *protocol;
	const char *jumpto;
	const struct xtn_ext *target_ext;	/* loaded by -j, for -h */
	bool table_set;
	bool wait, wait_interval;
};

static const char *ipt_progname(const struct xtn_family *fam)
{
	return fam->af == AF_INET6 ? "ip6tables" : "iptables";
}

static char opt2char(unsigned int option)
{
	const char *c = optflags;

	for (; option > 1; option >>= 1, c++)
		;
	return *c;
}

static char cmd2char(unsigned int cmd)
{
	const char *c = cmdflags;

	for (; cmd > 1; cmd >>= 1, c++)
		;
	return *c;
}

static int add_command(struct ipt *p, unsigned int newcmd,
		       unsigned int othercmds)
{
	if (p->ps.invert)
		return xtn_ps_param(&p->ps, "unexpected '!' flag");
	if (p->command & ~othercmds)
		return xtn_ps_param(&p->ps, "Cannot use -%c with -%c", cmd2char(newcmd),
			     cmd2char(p->command & ~othercmds));
	p->command |= newcmd;
	return 0;
}

static int set_option(struct ipt *p, unsigned int option)
{
	unsigned int i;

	if (p->options & option)
		return xtn_ps_param(&p->ps, "multiple -%c flags not allowed", opt2char(option));
	p->options |= option;
	if (p->ps.invert) {
		for (i = 0; 1u << i != option; i++)
			;
		if (!invertible[i])
			return xtn_ps_param(&p->ps, "cannot have ! before -%c", opt2char(option));
	}
	return 0;
}

static int parse_rulenum(struct ipt *p, const char *s, unsigned int *out)
{
	uint64_t v;

	if (!xtn_strtoui(s, NULL, &v, 1, INT32_MAX))
		return xtn_ps_param(&p->ps, "Invalid rule number `%s'", s);
	*out = (unsigned int)v;
	return 0;
}

/* iptables' standard target names ("" is the standard target itself). */
static bool is_standard_target(const char *name)
{
	static const char *const std[] = { "", "ACCEPT", "DROP", "QUEUE",
					   "RETURN" };
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(std); i++)
		if (strcmp(name, std[i]) == 0)
			return true;
	return false;
}

static bool clashes_with_target(const char *name)
{
	return is_standard_target(name) ||
	       xtn_ext_find(name, XTN_EXT_TARGET, NULL) ||
	       (xtn_ext_is_known_unsupported(name) && isupper((unsigned char)name[0]));
}

int xtn_ipt_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			     const char *name, bool declaration)
{
	const char *c;

	if (strlen(name) >= CHAIN_MAXNAMELEN)
		return xtn_fail(d, XTN_PARAM, loc,
				"chain name `%s' too long (must be under %u chars)",
				name, CHAIN_MAXNAMELEN);
	if (*name == '-' || *name == '!')
		return xtn_fail(d, XTN_PARAM, loc,
				"chain name not allowed to start with `%c'", *name);
	/* 1.8.9's restore takes ":MARK - [0:0]" but refuses "-N MARK" */
	if (declaration ? is_standard_target(name) : clashes_with_target(name))
		return xtn_fail(d, XTN_PARAM, loc,
				"chain name may not clash with target name");
	/* a quote too (1.8.9 takes it): restore reads it as one, so a
	 * save holding the name could never be restored */
	for (c = name; *c; c++)
		if (isspace((unsigned char)*c) || *c == '"')
			return xtn_fail(d, XTN_PARAM, loc,
					"Invalid chain name `%s'", name);
	return 0;
}

static int check_chain_name(struct ipt *p, const char *name)
{
	struct xtn_loc loc = xtn_ps_loc(&p->ps);

	return xtn_ipt_check_chain_name(&p->ps.ctx->diag, &loc, name, false);
}

/* iptables maps these names to the icmp6 match. */
static const char *match_alias(const char *name)
{
	if (!strcmp(name, "icmpv6") || !strcmp(name, "ipv6-icmp") ||
	    !strcmp(name, "icmp6"))
		return "icmp6";
	return name;
}

static int command_match(struct ipt *p, const char *name)
{
	const struct xtn_ext *ext;
	struct xtn_ext_inst *inst;

	if (p->ps.invert)
		return xtn_ps_param(&p->ps, "unexpected ! flag before --match");
	if (strlen(name) >= CHAIN_MAXNAMELEN)
		return xtn_ps_param(&p->ps, "Invalid match name \"%s\" (%u chars max)", name,
			     CHAIN_MAXNAMELEN - 1);
	ext = xtn_ext_find(match_alias(name), XTN_EXT_MATCH, p->ps.fam);
	if (!ext && xtn_ext_is_known_unsupported(name))
		return xtn_ps_param(&p->ps, "match `%s' is not supported by xtnft yet", name);
	if (!ext)
		return xtn_ps_param(&p->ps, "Couldn't load match `%s':No such file or directory\n",
			     name);
	inst = xtn_ps_load(&p->ps, ext);
	if (!inst)
		return -1;
	xtn_rule_add_match(p->ps.rule, inst);
	return 0;
}

static int parse_target_name(struct ipt *p, const char *name)
{
	const char *c;

	if (strlen(name) < 1)
		return xtn_ps_param(&p->ps, "Invalid target name (too short)");
	if (strlen(name) >= CHAIN_MAXNAMELEN)
		return xtn_ps_param(&p->ps, "Invalid target name `%s' (%u chars max)", name,
			     CHAIN_MAXNAMELEN - 1);
	for (c = name; *c; c++)
		if (isspace((unsigned char)*c) || *c == '"')
			return xtn_ps_param(&p->ps, "Invalid target name `%s'", name);
	return 0;
}

static int command_jump(struct ipt *p, const char *name)
{
	static const struct {
		const char *name;
		enum xtn_verdict v;
	} std[] = {
		{ "ACCEPT", XTN_V_ACCEPT }, { "DROP", XTN_V_DROP },
		{ "RETURN", XTN_V_RETURN },
	};
	const struct xtn_ext *ext;
	struct xtn_ext_inst *inst;
	size_t i;

	if (parse_target_name(p, name) < 0)
		return -1;
	p->jumpto = name;
	p->ps.cmd->jump_loc = xtn_ps_loc(&p->ps);
	for (i = 0; i < XTN_ARRAY_SIZE(std); i++) {
		if (strcmp(name, std[i].name) == 0) {
			xtn_rule_set_jump(p->ps.rule, std[i].v, NULL);
			p->target_ext = xtn_ext_find("standard", XTN_EXT_TARGET, NULL);
			return 0;
		}
	}
	ext = xtn_ext_find(name, XTN_EXT_TARGET, p->ps.fam);
	if (!ext && xtn_ext_is_known_unsupported(name))
		return xtn_ps_param(&p->ps, "target `%s' is not supported by xtnft yet", name);
	if (!ext) {
		/* not a target: a jump to a user chain, checked at commit */
		xtn_rule_set_jump(p->ps.rule, XTN_V_JUMP, name);
		return 0;
	}
	inst = xtn_ps_load(&p->ps, ext);
	if (!inst)
		return -1;
	p->target_ext = ext;
	p->ps.rule->target = inst;
	xtn_rule_set_jump(p->ps.rule, XTN_V_TARGET, NULL);
	return 0;
}

/* Who help and version speak for: iptables-restore names itself. */
static const char *tool_name(const struct ipt *p)
{
	return p->ps.po->restore ? p->ps.po->prog : ipt_progname(p->ps.fam);
}

static void print_help(struct ipt *p)
{
	struct xtn_ext_inst *m;

	xtn_ipt_usage(p->ps.stdout_text, tool_name(p), p->ps.fam->af == AF_INET6);
	if (p->target_ext) {
		xtn_strbuf_putc(p->ps.stdout_text, '\n');
		xtn_strbuf_puts(p->ps.stdout_text, p->target_ext->help ?
				p->target_ext->help : "");
	}
	xtn_list_for_each(m, &p->ps.rule->matches, node) {
		xtn_strbuf_putc(p->ps.stdout_text, '\n');
		if (m->ext->help)
			xtn_strbuf_puts(p->ps.stdout_text, m->ext->help);
		else
			xtn_strbuf_printf(p->ps.stdout_text,
					  "%s does not take any options\n",
					  m->ext->name);
		if (m->ext->help_more)
			m->ext->help_more(p->ps.stdout_text);
	}
}

/* The match named by -p, if this family has one and it is not loaded yet. */
static const struct xtn_ext *proto_match(struct ipt *p)
{
	const char *name = p->protocol;
	uint64_t num;
	char buf[64];

	if (!name || p->proto_used)
		return NULL;
	if (xtn_strtoui(name, NULL, &num, 0, UINT8_MAX)) {
		name = xtn_proto_name((unsigned int)num, p->options & OPT_NUMERIC,
				      p->ps.ctx->resolver, buf, sizeof(buf));
		if (!name)
			return NULL;
	}
	return xtn_ext_find(match_alias(name), XTN_EXT_MATCH, p->ps.fam);
}

/* An option no one claimed: maybe the -p protocol's match knows it. */
static int command_default(struct ipt *p, int c)
{
	const struct xtn_ext *m;
	struct xtn_ext_inst *inst;
	const char *word = p->ps.g.optind > 0 ? p->ps.g.argv[p->ps.g.optind - 1] : "";

	if (c >= XTN_OPTVAL_BASE)
		return xtn_ps_ext_option(&p->ps, c);
	m = proto_match(p);
	if (m) {
		p->proto_used = true;
		inst = xtn_ps_load(&p->ps, m);
		if (!inst)
			return -1;
		xtn_rule_add_match(p->ps.rule, inst);
		/* rerun getopt on the same word with the grown option set */
		p->ps.g.optind--;
		p->ps.g.nextchar = NULL;
		return 1;
	}
	if (c == ':')
		return xtn_ps_param(&p->ps, "option \"%s\" requires an argument", word);
	if (c == '?')
		return xtn_ps_param(&p->ps, "unknown option \"%s\"", word);
	return xtn_ps_param(&p->ps, "Unknown arg \"%s\"", p->ps.g.optarg ? p->ps.g.optarg : "(null)");
}

/* -s -d -i -o -p -f: the family base match, after iptables' set_option(). */
static int base_option(struct ipt *p, unsigned int option, char letter,
		       const char *arg)
{
	if (letter == 'f' && p->ps.fam->af == AF_INET6)
		return xtn_ps_param(&p->ps, "`-f' is not supported in IPv6, use -m frag instead");
	if (set_option(p, option) < 0)
		return -1;
	if (letter == 'p') {
		char *c;

		/* iptables lower-cases the protocol in place */
		free(p->protocol);
		p->protocol = xtn_xstrdup(arg);
		for (c = p->protocol; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		arg = p->protocol;
	}
	return xtn_ps_base_option(&p->ps, letter, NULL, arg);
}

/* One -c value, ending at `stop` or the end of the word.  What 1.8.9 would
 * take silently and store as something else (a prefix of the word, a
 * wrapped negative, a saturated overflow) is refused. */
static int counter_value(struct ipt *p, const char *s, char stop,
			 const char *what, uint64_t *out)
{
	const char *end;

	if (*s < '0' || *s > '9')	/* 1.8.9's words for these */
		return xtn_ps_param(&p->ps, "-%c %s counter not numeric",
			     opt2char(OPT_COUNTERS), what);
	if (xtn_strtou64_dec(s, &end, out) && (*end == '\0' || *end == stop))
		return 0;
	return xtn_ps_param(&p->ps, "-%c %s counter `%s' is not a number from 0 to %" PRIu64,
		     opt2char(OPT_COUNTERS), what, s, UINT64_MAX);
}

static int parse_counters(struct ipt *p, const char *pcnt)
{
	/* 1.8.9 looks past the first character: an empty one has none */
	const char *bcnt = *pcnt ? strchr(pcnt + 1, ',') : NULL;
	char stop = bcnt ? ',' : '\0';

	if (set_option(p, OPT_COUNTERS) < 0)
		return -1;
	if (bcnt)
		bcnt++;
	if (!bcnt)
		bcnt = xtn_ps_next_arg(&p->ps);
	if (!bcnt)
		return xtn_ps_param(&p->ps, "-%c requires packet and byte counter",
			     opt2char(OPT_COUNTERS));
	if (counter_value(p, pcnt, stop, "packet", &p->ps.cmd->pkts) < 0 ||
	    counter_value(p, bcnt, '\0', "byte", &p->ps.cmd->bytes) < 0)
		return -1;
	p->ps.cmd->counters_set = true;
	return 0;
}

static int parse_wait(struct ipt *p, bool interval)
{
	const char *arg = p->ps.g.optarg;
	unsigned int usec;

	if (p->ps.po->restore)
		return xtn_ps_param(&p->ps, "You cannot use `-%c' from iptables-restore",
			     interval ? 'W' : 'w');
	if (!arg)
		arg = xtn_ps_next_arg(&p->ps);
	if (!interval) {
		/* no xtables lock in nf_tables: -w bounds how long clashing
		 * writers are waited out (a bare -w: for as long as it takes) */
		if (xtn_wait_ms(arg, &p->ps.cmd->wait_ms) < 0)
			return xtn_ps_param(&p->ps, "wait seconds not numeric");
		p->wait = true;
		return 0;
	}
	if (!arg)
		return xtn_ps_param(&p->ps, "wait interval value required");
	if (sscanf(arg, "%u", &usec) != 1)
		return xtn_ps_param(&p->ps, "wait interval not numeric");
	if (usec > 999999)
		return xtn_ps_param(&p->ps, "too long usec wait %u > 999999 usec", usec);
	xtn_warn(&p->ps.ctx->diag, "Ignoring deprecated --wait-interval option.");
	p->wait_interval = true;
	return 0;
}

/* -L/-S/-F/-Z/-X: an optional chain (attached or next word). */
static void opt_chain(struct ipt *p)
{
	if (p->ps.g.optarg)
		xtn_ps_set_chain(&p->ps, p->ps.g.optarg);
	else if (xtn_getopt_has_arg(&p->ps.g))
		xtn_ps_set_chain(&p->ps, xtn_ps_next_arg(&p->ps));
}

static int optional_rulenum(struct ipt *p)
{
	const char *num = xtn_ps_next_arg(&p->ps);

	return num ? parse_rulenum(p, num, &p->ps.cmd->rulenum) : 0;
}

/* One option of the main switch; 1 means "invert stays pending". */
static int handle_command(struct ipt *p, int c)
{
	const char *arg = p->ps.g.optarg;

	switch (c) {
	case 'A':
		xtn_ps_set_chain(&p->ps, arg);
		return add_command(p, XTN_CMD_APPEND, XTN_CMD_NONE);
	case 'C':
		xtn_ps_set_chain(&p->ps, arg);
		return add_command(p, XTN_CMD_CHECK, XTN_CMD_NONE);
	case 'D':
		if (add_command(p, XTN_CMD_DELETE, XTN_CMD_NONE) < 0)
			return -1;
		xtn_ps_set_chain(&p->ps, arg);
		if (xtn_getopt_has_arg(&p->ps.g)) {
			p->command = XTN_CMD_DELETE_NUM;
			return parse_rulenum(p, xtn_ps_next_arg(&p->ps), &p->ps.cmd->rulenum);
		}
		return 0;
	case 'R':
		if (add_command(p, XTN_CMD_REPLACE, XTN_CMD_NONE) < 0)
			return -1;
		xtn_ps_set_chain(&p->ps, arg);
		if (!xtn_getopt_has_arg(&p->ps.g))
			return xtn_ps_param(&p->ps, "-%c requires a rule number",
				     cmd2char(XTN_CMD_REPLACE));
		return parse_rulenum(p, xtn_ps_next_arg(&p->ps), &p->ps.cmd->rulenum);
	case 'I':
		if (add_command(p, XTN_CMD_INSERT, XTN_CMD_NONE) < 0)
			return -1;
		xtn_ps_set_chain(&p->ps, arg);
		p->ps.cmd->rulenum = 1;
		return optional_rulenum(p);
	case 'L':
	case 'S':
		if (add_command(p, c == 'L' ? XTN_CMD_LIST : XTN_CMD_LIST_RULES,
				XTN_CMD_ZERO | XTN_CMD_ZERO_NUM) < 0)
			return -1;
		opt_chain(p);
		return optional_rulenum(p);
	case 'F':
		if (add_command(p, XTN_CMD_FLUSH, XTN_CMD_NONE) < 0)
			return -1;
		opt_chain(p);
		return 0;
	case 'Z':
		if (add_command(p, XTN_CMD_ZERO, XTN_CMD_LIST | XTN_CMD_LIST_RULES) < 0)
			return -1;
		opt_chain(p);
		if (xtn_getopt_has_arg(&p->ps.g)) {
			p->command = XTN_CMD_ZERO_NUM;
			return parse_rulenum(p, xtn_ps_next_arg(&p->ps), &p->ps.cmd->rulenum);
		}
		return 0;
	case 'N':
		if (check_chain_name(p, arg) < 0)
			return -1;
		xtn_ps_set_chain(&p->ps, arg);
		return add_command(p, XTN_CMD_NEW_CHAIN, XTN_CMD_NONE);
	case 'X':
		if (add_command(p, XTN_CMD_DELETE_CHAIN, XTN_CMD_NONE) < 0)
			return -1;
		opt_chain(p);
		return 0;
	case 'E':
		if (add_command(p, XTN_CMD_RENAME_CHAIN, XTN_CMD_NONE) < 0)
			return -1;
		xtn_ps_set_chain(&p->ps, arg);
		if (!xtn_getopt_has_arg(&p->ps.g))
			return xtn_ps_param(&p->ps, "-%c requires old-chain-name and new-chain-name",
				     cmd2char(XTN_CMD_RENAME_CHAIN));
		p->ps.cmd->newname = xtn_xstrdup(xtn_ps_next_arg(&p->ps));
		/* stricter than 1.8.9, which renames to any name, even one
		 * no later command (or restore of its save) can handle */
		return check_chain_name(p, p->ps.cmd->newname);
	case 'P':
		if (add_command(p, XTN_CMD_SET_POLICY, XTN_CMD_NONE) < 0)
			return -1;
		xtn_ps_set_chain(&p->ps, arg);
		if (!xtn_getopt_has_arg(&p->ps.g))
			return xtn_ps_param(&p->ps, "-%c requires a chain and a policy",
				     cmd2char(XTN_CMD_SET_POLICY));
		p->ps.cmd->policy = xtn_xstrdup(xtn_ps_next_arg(&p->ps));
		return 0;
	}
	return 2;	/* not a command */
}

/*
 * Quirk (iptables 1.8.9 do_parse): -p -s -d -j -i -o take argv[optind - 1],
 * the whole last word, not getopt's optarg: "-s1.1.1.1" looks up the host
 * "-s1.1.1.1" and "--jump=ACCEPT" jumps to a chain of that name.
 */
static const char *last_word(const struct ipt *p)
{
	return p->ps.g.argv[p->ps.g.optind - 1];
}

static int handle_option(struct ipt *p, int c)
{
	const char *arg = p->ps.g.optarg;

	switch (c) {
	case 'p':
		return base_option(p, OPT_PROTOCOL, 'p', last_word(p));
	case 's':
		return base_option(p, OPT_SOURCE, 's', last_word(p));
	case 'd':
		return base_option(p, OPT_DESTINATION, 'd', last_word(p));
	case 'i':
		if (*arg == '\0')
			return xtn_ps_param(&p->ps, "Empty interface is likely to be undesired");
		return base_option(p, OPT_VIANAMEIN, 'i', last_word(p));
	case 'o':
		if (*arg == '\0')
			return xtn_ps_param(&p->ps, "Empty interface is likely to be undesired");
		return base_option(p, OPT_VIANAMEOUT, 'o', last_word(p));
	case 'f':
		return base_option(p, OPT_FRAGMENT, 'f', arg);
	case 'g':
		if (set_option(p, OPT_JUMP) < 0 || parse_target_name(p, arg) < 0)
			return -1;
		p->jumpto = arg;
		p->ps.cmd->jump_loc = xtn_ps_loc(&p->ps);
		xtn_rule_set_jump(p->ps.rule, XTN_V_GOTO, arg);
		return 0;
	case 'j':
		if (set_option(p, OPT_JUMP) < 0)
			return -1;
		return command_jump(p, last_word(p));
	case 'v':
		if (!p->ps.cmd->verbose && set_option(p, OPT_VERBOSE) < 0)
			return -1;
		p->ps.cmd->verbose++;
		return 0;
	case 'm':
		return command_match(p, arg);
	case 'n':
		return set_option(p, OPT_NUMERIC);
	case 'x':
		return set_option(p, OPT_EXPANDED);
	case '0':
		return set_option(p, OPT_LINENUMBERS);
	case 't':
		if (p->ps.invert)
			return xtn_ps_param(&p->ps, "unexpected ! flag before --table");
		if (p->ps.po->restore && p->table_set)
			return xtn_ps_param(&p->ps, "The -t option cannot be used in %s.\n",
				     p->ps.po->prog);
		p->ps.table = arg;
		p->table_set = true;
		return 0;
	case 'w':
		return parse_wait(p, false);
	case 'W':
		return parse_wait(p, true);
	case 'M':
		return 0;	/* --modprobe: nf_tables needs no module loader */
	case 'c':
		return parse_counters(p, arg);
	}
	return 2;
}

enum loop_result {
	LOOP_DONE,
	LOOP_EXIT,	/* help or version printed */
	LOOP_IGNORE,	/* restore line for the other family */
	LOOP_ERROR,
};

static int family_switch(struct ipt *p, int c)
{
	bool mine = (c == '4') == (p->ps.fam->af == AF_INET);

	if (mine)
		return 0;
	if (p->ps.po->restore)
		return LOOP_IGNORE;
	xtn_fail_style(&p->ps.ctx->diag, XTN_PARAM, XTN_DS_BARE_TRYHELP,
		       &p->ps.cmd->loc, "%s", "");
	return -1;
}

static enum loop_result parse_loop(struct ipt *p)
{
	int c, ret;

	while ((c = xtn_getopt_next(&p->ps.g)) != -1) {
		ret = handle_command(p, c);
		if (ret == 2)
			ret = handle_option(p, c);
		if (ret == 2) {
			switch (c) {
			case 'h':
				if (!p->ps.rule->matches.next || xtn_list_empty(&p->ps.rule->matches)) {
					const struct xtn_ext *m = proto_match(p);

					if (m)
						xtn_rule_add_match(p->ps.rule, xtn_inst_new(m, p->ps.fam));
				}
				print_help(p);
				return LOOP_EXIT;
			case 'V':
				if (p->ps.invert)
					xtn_strbuf_printf(p->ps.stdout_text, "Not %s (nf_tables) ;-)\n",
							  XTN_COMPAT_VERSION);
				else
					/* 1.8.9's bytes: scripts parse them
					 * (xtnft --version tells xtnft's) */
					xtn_strbuf_printf(p->ps.stdout_text,
							  "%s v%s (nf_tables)\n",
							  tool_name(p),
							  XTN_COMPAT_VERSION);
				return LOOP_EXIT;
			case '4':
			case '6':
				ret = family_switch(p, c);
				if (ret == LOOP_IGNORE)
					return LOOP_IGNORE;
				break;
			case 1:
				if (strcmp(p->ps.g.optarg, "!") == 0) {
					if (p->ps.invert) {
						xtn_ps_param(&p->ps, "multiple consecutive ! not allowed");
						return LOOP_ERROR;
					}
					p->ps.invert = true;
					p->ps.invert_at = p->ps.g.optind - 1;
					continue;
				}
				xtn_fail_style(&p->ps.ctx->diag, XTN_PARAM,
					       XTN_DS_BARE_TRYHELP, &p->ps.cmd->loc,
					       "Bad argument `%s'\n", p->ps.g.optarg);
				return LOOP_ERROR;
			default:
				ret = command_default(p, c);
				if (ret == 1)
					continue;	/* the invert flag survives */
			}
		}
		if (ret < 0)
			return LOOP_ERROR;
		p->ps.invert = false;
	}
	return LOOP_DONE;
}

static int generic_opt_check(struct ipt *p)
{
	int i, j;

	for (i = 0; i < NUMBER_OF_OPT; i++) {
		int legal = 0;

		for (j = 0; j < NUMBER_OF_CMD; j++) {
			if (!(p->command & (1u << j)) || !(p->options & (1u << i)))
				continue;
			if (commands_v_options[j][i] != 'x')
				legal = 1;
			else if (legal == 0)
				legal = -1;
		}
		if (legal == -1)
			return xtn_ps_param(&p->ps, "Illegal option `-%c' with this command",
				     optflags[i]);
	}
	return 0;
}

static bool is_rule_cmd(unsigned int cmd)
{
	return cmd == XTN_CMD_APPEND || cmd == XTN_CMD_DELETE ||
	       cmd == XTN_CMD_CHECK || cmd == XTN_CMD_INSERT ||
	       cmd == XTN_CMD_REPLACE;
}

static int post_checks(struct ipt *p)
{
	if (p->wait_interval && !p->wait)
		return xtn_ps_param(&p->ps, "--wait-interval only makes sense with --wait\n");
	if (strcmp(p->ps.table, "nat") == 0 &&
	    ((p->ps.cmd->policy && strcmp(p->ps.cmd->policy, "DROP") == 0) ||
	     (p->jumpto && strcmp(p->jumpto, "DROP") == 0)))
		return xtn_ps_param(&p->ps, "\nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n");
	if (xtn_ps_final_exts(&p->ps) < 0)
		return -1;
	if (p->ps.g.optind < p->ps.g.argc)
		return xtn_ps_param(&p->ps, "unknown arguments found on commandline");
	if (!p->command)
		return xtn_ps_param(&p->ps, "no command specified");
	if (p->ps.invert)
		return xtn_ps_param(&p->ps, "nothing appropriate following !");
	p->ps.cmd->op = p->command;
	if (xtn_ps_final_base(&p->ps) < 0)
		return -1;
	if (generic_opt_check(p) < 0)
		return -1;
	if (p->ps.chain && strlen(p->ps.chain) >= CHAIN_MAXNAMELEN)
		return xtn_ps_param(&p->ps, "chain name `%s' too long (must be under %u chars)",
			     p->ps.chain, CHAIN_MAXNAMELEN);
	if (is_rule_cmd(p->command)) {
		if ((!strcmp(p->ps.chain, "PREROUTING") || !strcmp(p->ps.chain, "INPUT")) &&
		    (p->options & OPT_VIANAMEOUT))
			return xtn_ps_param(&p->ps, "Can't use -%c with %s\n",
				     opt2char(OPT_VIANAMEOUT), p->ps.chain);
		if ((!strcmp(p->ps.chain, "POSTROUTING") || !strcmp(p->ps.chain, "OUTPUT")) &&
		    (p->options & OPT_VIANAMEIN))
			return xtn_ps_param(&p->ps, "Can't use -%c with %s\n",
				     opt2char(OPT_VIANAMEIN), p->ps.chain);
	}
	return 0;
}

static void fill_cmd(struct ipt *p)
{
	struct xtn_cmd *c = p->ps.cmd;

	c->table = xtn_xstrdup(p->ps.table);
	c->chain = p->ps.chain ? xtn_xstrdup(p->ps.chain) : NULL;
	if (p->options & OPT_NUMERIC)
		c->fmt |= XTN_FMT_NUMERIC;
	if (p->options & OPT_EXPANDED)
		c->fmt |= XTN_FMT_EXACT;
	if (p->options & OPT_LINENUMBERS)
		c->fmt |= XTN_FMT_LINENUMBERS;
	if (c->counters_set) {
		p->ps.rule->pkts = c->pkts;
		p->ps.rule->bytes = c->bytes;
		p->ps.rule->has_counters = true;
	}
	p->ps.rule->loc = c->loc;
	if (is_rule_cmd(p->command)) {
		c->rule = p->ps.rule;
		p->ps.rule = NULL;
	}
}

enum xtn_parse_result xtn_ipt_parse(struct xtn_ctx *ctx, int argc, char **argv,
				    const struct xtn_parse_opts *po,
				    struct xtn_cmd **out,
				    struct xtn_strbuf *stdout_text)
{
	enum xtn_parse_result res = XTN_PARSED_ERROR;
	struct ipt p;
	enum loop_result lr;

	memset(&p, 0, sizeof(p));
	xtn_ps_init(&p.ps, ctx, po, argc, argv, original_opts, shortopts,
		    stdout_text);
	*out = NULL;

	lr = parse_loop(&p);
	if (lr == LOOP_EXIT)
		res = XTN_PARSED_EXIT;
	else if (lr == LOOP_IGNORE)
		res = XTN_PARSED_IGNORE;
	else if (lr == LOOP_DONE && post_checks(&p) == 0)
		res = XTN_PARSED_CMD;
	if (res == XTN_PARSED_CMD) {
		fill_cmd(&p);
		*out = p.ps.cmd;
		p.ps.cmd = NULL;
	}
	xtn_ps_fini(&p.ps);
	free(p.protocol);
	return res;
}

const struct xtn_dialect xtn_dialect_iptables = {
	.name = "iptables",
	.parse = xtn_ipt_parse,
	.check_chain_name = xtn_ipt_check_chain_name,
	.opts = original_opts,
	.progname = ipt_progname,
	.printer = &xtn_printer_iptables,
	.restore_chain_counters = true,
	.restore_needs_commit = true,
	.errno_period = true,
};
