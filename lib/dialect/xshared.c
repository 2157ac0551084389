/*
 * The command line of iptables, ip6tables and arptables, parsed the way
 * iptables 1.8.9's do_parse() (xshared.c) does: same order of checks, same
 * words.  The tables and the options only one of them has come from the
 * dialect's profile (xshared.h); extension options join the active option
 * set as -p/-m/-j load them.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/opt.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include "xshared.h"

#define CHAIN_MAXNAMELEN 29	/* XT_EXTENSION_MAXNAMELEN */

static const char cmdflags[] = "IDDRALFZNXPESZC";
#define NUMBER_OF_CMD 15

/* commands_v_options of 1.8.9 (iptables' twelve options; arptables' six
 * more are legal with the rule commands only): 'x' = illegal with that
 * command. */
static const char commands_v_options[NUMBER_OF_CMD][XS_IPT_OPTS + 1] = {
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

static char opt2char(const struct xs *p, unsigned int option)
{
	const char *c = p->prof->optflags;

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

static int add_command(struct xs *p, unsigned int newcmd,
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

int xs_set_option(struct xs *p, unsigned int option)
{
	if (p->options & option)
		return xtn_ps_param(&p->ps, "multiple -%c flags not allowed",
				    opt2char(p, option));
	p->options |= option;
	if (p->ps.invert && !(p->prof->invertible & option))
		return xtn_ps_param(&p->ps, "cannot have ! before -%c",
				    opt2char(p, option));
	return 0;
}

static int parse_rulenum(struct xs *p, const char *s, unsigned int *out)
{
	uint64_t v;

	if (!xtn_strtoui(s, NULL, &v, 1, INT32_MAX))
		return xtn_ps_param(&p->ps, "Invalid rule number `%s'", s);
	*out = (unsigned int)v;
	return 0;
}

/* iptables' standard target names ("" is the standard target itself). */
bool xs_is_standard_target(const char *name)
{
	static const char *const std[] = { "", "ACCEPT", "DROP", "QUEUE",
					   "RETURN" };
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(std); i++)
		if (strcmp(name, std[i]) == 0)
			return true;
	return false;
}

int xs_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			const char *name, bool declaration,
			bool (*clashes)(const char *name))
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
	if (declaration ? xs_is_standard_target(name) : clashes(name))
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

static int check_chain_name(struct xs *p, const char *name)
{
	struct xtn_loc loc = xtn_ps_loc(&p->ps);

	return p->ps.fam->dialect->check_chain_name(&p->ps.ctx->diag, &loc,
						    name, false);
}

int xs_parse_target_name(struct xs *p, const char *name)
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

static int command_jump(struct xs *p, const char *name)
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

	if (xs_parse_target_name(p, name) < 0)
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
	if (!ext && p->prof->unsupported_target(name))
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

const char *xs_tool_name(const struct xs *p)
{
	return p->ps.po->restore ? p->ps.po->prog : p->prof->progname(p->ps.fam);
}

/* iptables maps these names to the icmp6 match. */
static const char *match_alias(const char *name)
{
	if (!strcmp(name, "icmpv6") || !strcmp(name, "ipv6-icmp") ||
	    !strcmp(name, "icmp6"))
		return "icmp6";
	return name;
}

/* The match named by -p, if this family has one and it is not loaded yet. */
static const struct xtn_ext *proto_match(struct xs *p)
{
	const char *name = p->protocol;
	uint64_t num;
	char buf[64];

	if (!name || p->proto_used)
		return NULL;
	if (xtn_strtoui(name, NULL, &num, 0, UINT8_MAX)) {
		name = xtn_proto_name((unsigned int)num, p->options & XS_OPT_NUMERIC,
				      p->ps.ctx->resolver, buf, sizeof(buf));
		if (!name)
			return NULL;
	}
	return xtn_ext_find(match_alias(name), XTN_EXT_MATCH, p->ps.fam);
}

/* An option no one claimed: maybe the -p protocol's match knows it. */
static int command_default(struct xs *p, int c)
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
		return XS_PENDING;
	}
	if (c == ':')
		return xtn_ps_param(&p->ps, "option \"%s\" requires an argument", word);
	if (c == '?')
		return xtn_ps_param(&p->ps, "unknown option \"%s\"", word);
	return xtn_ps_param(&p->ps, "Unknown arg \"%s\"", p->ps.g.optarg ? p->ps.g.optarg : "(null)");
}

const char *xs_protocol(struct xs *p, const char *arg)
{
	char *c;

	free(p->protocol);
	p->protocol = xtn_xstrdup(arg);
	for (c = p->protocol; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return p->protocol;
}

int xs_base_option(struct xs *p, unsigned int option, char letter,
		   const char *name, const char *arg)
{
	if (xs_set_option(p, option) < 0)
		return -1;
	return xtn_ps_base_option(&p->ps, letter, name, arg);
}

/* One -c value, ending at `stop` or the end of the word.  What 1.8.9 would
 * take silently and store as something else (a prefix of the word, a
 * wrapped negative, a saturated overflow) is refused. */
static int counter_value(struct xs *p, const char *s, char stop,
			 const char *what, uint64_t *out)
{
	const char *end;

	s = xtn_skip_number_lead(s);	/* 1.8.9's sscanf skips these */
	if (*s < '0' || *s > '9')	/* 1.8.9's words for these */
		return xtn_ps_param(&p->ps, "-%c %s counter not numeric",
			     opt2char(p, XS_OPT_COUNTERS), what);
	if (xtn_strtou64_dec(s, &end, out) && (*end == '\0' || *end == stop))
		return 0;
	return xtn_ps_param(&p->ps, "-%c %s counter `%s' is not a number from 0 to %" PRIu64,
		     opt2char(p, XS_OPT_COUNTERS), what, s, UINT64_MAX);
}

static int parse_counters(struct xs *p, const char *pcnt)
{
	/* 1.8.9 looks past the first character: an empty one has none */
	const char *bcnt = *pcnt ? strchr(pcnt + 1, ',') : NULL;
	char stop = bcnt ? ',' : '\0';

	if (xs_set_option(p, XS_OPT_COUNTERS) < 0)
		return -1;
	if (bcnt)
		bcnt++;
	if (!bcnt)
		bcnt = xtn_ps_next_arg(&p->ps);
	if (!bcnt)
		return xtn_ps_param(&p->ps, "-%c requires packet and byte counter",
			     opt2char(p, XS_OPT_COUNTERS));
	if (counter_value(p, pcnt, stop, "packet", &p->ps.cmd->pkts) < 0 ||
	    counter_value(p, bcnt, '\0', "byte", &p->ps.cmd->bytes) < 0)
		return -1;
	p->ps.cmd->counters_set = true;
	return 0;
}

/* -L/-S/-F/-Z/-X: an optional chain (attached or next word). */
static void opt_chain(struct xs *p)
{
	if (p->ps.g.optarg)
		xtn_ps_set_chain(&p->ps, p->ps.g.optarg);
	else if (xtn_getopt_has_arg(&p->ps.g))
		xtn_ps_set_chain(&p->ps, xtn_ps_next_arg(&p->ps));
}

static int optional_rulenum(struct xs *p)
{
	const char *num = xtn_ps_next_arg(&p->ps);

	return num ? parse_rulenum(p, num, &p->ps.cmd->rulenum) : 0;
}

/* One option of the main switch; 1 means "invert stays pending". */
static int handle_command(struct xs *p, int c)
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
	return XS_NOT_MINE;
}

/*
 * Quirk (iptables 1.8.9 do_parse): -p -s -d -j -i -o take argv[optind - 1],
 * the whole last word, not getopt's optarg: "-s1.1.1.1" looks up the host
 * "-s1.1.1.1" and "--jump=ACCEPT" jumps to a chain of that name.
 */
const char *xs_last_word(const struct xs *p)
{
	return p->ps.g.argv[p->ps.g.optind - 1];
}

/* arptables' "-s ! addr" (1.8.9's check_inverse): the ! moves before
 * the option, with a deprecation warning, and the next word is the
 * argument.  The other dialects take "!" as the argument itself. */
int xs_check_inverse(struct xs *p)
{
	struct xtn_getopt *g = &p->ps.g;

	if (!p->prof->bang_after || !g->optarg || strcmp(g->optarg, "!"))
		return 0;
	xtn_warn(&p->ps.ctx->diag,
		 "Using intrapositioned negation (`--option ! this`) is deprecated in favor of extrapositioned (`! --option this`).");
	if (p->ps.invert)
		return xtn_ps_param(&p->ps, "Multiple `!' flags not allowed");
	p->ps.invert = true;
	p->ps.invert_at = g->optind - 1;
	if (g->optind >= g->argc) {
		g->optind++;
		return xtn_ps_param(&p->ps, "no argument following `!'");
	}
	g->optarg = g->argv[g->optind++];
	return 0;
}

/* -i/-o: an empty name is an error, or for arptables a warning (and no
 * interface compared).  1.8.9 looks at the word the option took, before
 * an intrapositioned "!" hands over the next one: arptables' "-o ! ''"
 * is not warned about (taken_empty: that word was empty). */
static int iface_option(struct xs *p, unsigned int option, char letter,
			bool taken_empty)
{
	/* Stricter than 1.8.9: arptables' "-i ! !" matches a device named
	 * "!", which both tools save as "! -i !", and no arptables-restore
	 * reads that back ("Multiple `!' flags"), quoted or not. */
	if (p->prof->bang_after && strcmp(p->ps.g.optarg, "!") == 0)
		return xtn_ps_param(&p->ps,
				    "interface name `!' is not supported: a restore would read it as a negation");
	if (*p->ps.g.optarg != '\0')
		return xs_base_option(p, option, letter, NULL, xs_last_word(p));
	if (!p->prof->empty_iface_warns)
		return xtn_ps_param(&p->ps, "Empty interface is likely to be undesired");
	if (xs_set_option(p, option) < 0)
		return -1;
	if (taken_empty)
		xtn_warn(&p->ps.ctx->diag, "Empty interface is likely to be undesired");
	return 0;
}

static int handle_option(struct xs *p, int c)
{
	const char *arg = p->ps.g.optarg;

	switch (c) {
	case 's':
		if (xs_check_inverse(p) < 0)
			return -1;
		return xs_base_option(p, XS_OPT_SOURCE, 's', NULL, xs_last_word(p));
	case 'd':
		if (xs_check_inverse(p) < 0)
			return -1;
		return xs_base_option(p, XS_OPT_DESTINATION, 'd', NULL, xs_last_word(p));
	case 'i':
		if (xs_check_inverse(p) < 0)
			return -1;
		return iface_option(p, XS_OPT_VIANAMEIN, 'i', *arg == '\0');
	case 'o':
		if (xs_check_inverse(p) < 0)
			return -1;
		return iface_option(p, XS_OPT_VIANAMEOUT, 'o', *arg == '\0');
	case 'j':
		if (xs_set_option(p, XS_OPT_JUMP) < 0)
			return -1;
		return command_jump(p, xs_last_word(p));
	case 'v':
		if (!p->ps.cmd->verbose && xs_set_option(p, XS_OPT_VERBOSE) < 0)
			return -1;
		p->ps.cmd->verbose++;
		return 0;
	case 'n':
		return xs_set_option(p, XS_OPT_NUMERIC);
	case 'x':
		return xs_set_option(p, XS_OPT_EXPANDED);
	case '0':
		return xs_set_option(p, XS_OPT_LINENUMBERS);
	case 't':
		if (p->ps.invert)
			return xtn_ps_param(&p->ps, "unexpected ! flag before --table");
		if (p->ps.po->restore && p->table_set)
			return xtn_ps_param(&p->ps, "The -t option cannot be used in %s.\n",
				     p->ps.po->prog);
		p->ps.table = arg;
		p->table_set = true;
		return 0;
	case 'M':
		return 0;	/* --modprobe: nf_tables needs no module loader */
	case 'c':
		return parse_counters(p, arg);
	}
	return XS_NOT_MINE;
}

enum loop_result {
	LOOP_DONE,
	LOOP_EXIT,	/* help or version printed */
	LOOP_IGNORE,	/* restore line for the other family */
	LOOP_ERROR,
};

/* "!" as a word of its own: it applies to the next option (the loop
 * keeps it pending). */
static int bang(struct xs *p)
{
	if (p->ps.invert)
		return xtn_ps_param(&p->ps, "multiple consecutive ! not allowed");
	p->ps.invert = true;
	p->ps.invert_at = p->ps.g.optind - 1;
	return 0;
}

static void version(struct xs *p)
{
	if (p->ps.invert)
		xtn_strbuf_printf(p->ps.stdout_text, "Not %s (nf_tables) ;-)\n",
				  XTN_COMPAT_VERSION);
	else
		/* 1.8.9's bytes: scripts parse them (xtnft --version tells
		 * xtnft's) */
		xtn_strbuf_printf(p->ps.stdout_text, "%s v%s (nf_tables)\n",
				  xs_tool_name(p), XTN_COMPAT_VERSION);
}

/* -h, -V, "!" and the words no option claimed. */
static int other_word(struct xs *p, int c)
{
	switch (c) {
	case 'h':
		if (!p->ps.rule->matches.next || xtn_list_empty(&p->ps.rule->matches)) {
			const struct xtn_ext *m = proto_match(p);

			if (m)
				xtn_rule_add_match(p->ps.rule, xtn_inst_new(m, p->ps.fam));
		}
		p->prof->help(p);
		return XS_EXIT;
	case 'V':
		version(p);
		return XS_EXIT;
	case 1:
		if (strcmp(p->ps.g.optarg, "!") == 0)
			return bang(p) < 0 ? -1 : XS_PENDING;
		return xtn_fail_style(&p->ps.ctx->diag, XTN_PARAM,
				      XTN_DS_BARE_TRYHELP, &p->ps.cmd->loc,
				      "Bad argument `%s'\n", p->ps.g.optarg);
	}
	return command_default(p, c);
}

static enum loop_result parse_loop(struct xs *p)
{
	int c, ret;

	while ((c = xtn_getopt_next(&p->ps.g)) != -1) {
		ret = handle_command(p, c);
		if (ret == XS_NOT_MINE)
			ret = p->prof->option(p, c);
		if (ret == XS_NOT_MINE)
			ret = handle_option(p, c);
		if (ret == XS_NOT_MINE)
			ret = other_word(p, c);
		if (ret == XS_PENDING)
			continue;	/* the invert flag survives */
		if (ret == XS_EXIT)
			return LOOP_EXIT;
		if (ret == XS_IGNORE_LINE)
			return LOOP_IGNORE;
		if (ret < 0)
			return LOOP_ERROR;
		p->ps.invert = false;
	}
	return LOOP_DONE;
}

static bool is_rule_cmd(unsigned int cmd)
{
	return cmd == XTN_CMD_APPEND || cmd == XTN_CMD_DELETE ||
	       cmd == XTN_CMD_CHECK || cmd == XTN_CMD_INSERT ||
	       cmd == XTN_CMD_REPLACE;
}

/* Whether option i goes with command j (1.8.9's table, and arptables'
 * fields with the rule commands). */
static bool legal_with(unsigned int i, unsigned int j)
{
	if (i < XS_IPT_OPTS)
		return commands_v_options[j][i] != 'x';
	return is_rule_cmd(1u << j);
}

static int generic_opt_check(struct xs *p)
{
	unsigned int i, j;

	for (i = 0; i < p->prof->n_opts; i++) {
		int legal = 0;

		/* most options are not given: nothing to check */
		if (!(p->options & (1u << i)))
			continue;
		for (j = 0; j < NUMBER_OF_CMD; j++) {
			if (!(p->command & (1u << j)))
				continue;
			if (legal_with(i, j))
				legal = 1;
			else if (legal == 0)
				legal = -1;
		}
		if (legal == -1)
			return xtn_ps_param(&p->ps, "Illegal option `-%c' with this command",
				     p->prof->optflags[i]);
	}
	return 0;
}

/* -o where packets have no output interface yet, -i where they have no
 * input interface any more. */
static int iface_chain_check(struct xs *p)
{
	const char *chain = p->ps.chain;

	if ((!strcmp(chain, "PREROUTING") || !strcmp(chain, "INPUT")) &&
	    (p->options & XS_OPT_VIANAMEOUT))
		return xtn_ps_param(&p->ps, "Can't use -%c with %s\n",
			     opt2char(p, XS_OPT_VIANAMEOUT), chain);
	if ((!strcmp(chain, "POSTROUTING") || !strcmp(chain, "OUTPUT")) &&
	    (p->options & XS_OPT_VIANAMEIN))
		return xtn_ps_param(&p->ps, "Can't use -%c with %s\n",
			     opt2char(p, XS_OPT_VIANAMEIN), chain);
	return 0;
}

static int post_checks(struct xs *p)
{
	if (p->prof->checks && p->prof->checks(p) < 0)
		return -1;
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
	if (is_rule_cmd(p->command))
		return iface_chain_check(p);
	return 0;
}

static void fill_cmd(struct xs *p)
{
	struct xtn_cmd *c = p->ps.cmd;

	c->table = xtn_xstrdup(p->ps.table);
	c->chain = p->ps.chain ? xtn_xstrdup(p->ps.chain) : NULL;
	if (p->options & XS_OPT_NUMERIC)
		c->fmt |= XTN_FMT_NUMERIC;
	if (p->options & XS_OPT_EXPANDED)
		c->fmt |= XTN_FMT_EXACT;
	if (p->options & XS_OPT_LINENUMBERS)
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

enum xtn_parse_result xs_parse(const struct xs_profile *prof,
			       struct xtn_ctx *ctx, int argc, char **argv,
			       const struct xtn_parse_opts *po,
			       struct xtn_cmd **out,
			       struct xtn_strbuf *stdout_text)
{
	enum xtn_parse_result res = XTN_PARSED_ERROR;
	struct xs p;
	enum loop_result lr;

	memset(&p, 0, sizeof(p));
	p.prof = prof;
	xtn_ps_init(&p.ps, ctx, po, argc, argv, prof->longopts, prof->shortopts,
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
