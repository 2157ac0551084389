/*
 * The ebtables command line, read the way ebtables-nft 1.8.9's
 * do_commandeb() reads it: its own option table and checks, every bridge
 * extension's options known from the start (an extension joins the rule
 * at its first option), negation before an option or inside it
 * ("-p ! IPv4").  Unlike 1.8.9 nothing runs while the line is read: -N,
 * -X and -E wait until the whole line parsed, so a bad line changes
 * nothing.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter_bridge.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/opt.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include "../ext/base_eb.h"
#include "engine.h"

#define EBT_CHAIN_MAXNAMELEN 256	/* NFT_CHAIN_MAXNAMELEN, as 1.8.9 */
#define EBT_TABLE_MAXNAMELEN 32
#define EBT_TARGET_MAXNAMELEN 29	/* XT_EXTENSION_MAXNAMELEN */

/* 1.8.9's OPT_* bits: an option given twice is refused by these. */
enum {
	OPT_COMMAND = 1 << 0,
	OPT_TABLE = 1 << 1,
	OPT_IN = 1 << 2,
	OPT_OUT = 1 << 3,
	OPT_JUMP = 1 << 4,
	OPT_PROTOCOL = 1 << 5,
	OPT_SOURCE = 1 << 6,
	OPT_DEST = 1 << 7,
	OPT_ZERO = 1 << 8,
	OPT_LOGICALIN = 1 << 9,
	OPT_LOGICALOUT = 1 << 10,
	OPT_COUNT = 1 << 12,
	LIST_N = 1 << 13,
	LIST_C = 1 << 14,
	LIST_X = 1 << 15,
	LIST_MAC2 = 1 << 16,
};

/* getopt values of the long-only options (1.8.9's numbers). */
enum {
	V_LOGICAL_IN = 2,
	V_LOGICAL_OUT = 3,
	V_LC = 4,
	V_LN = 5,
	V_LX = 6,
	V_INIT_TABLE = 11,
	V_LMAC2 = 12,
	V_CONCURRENT = 13,
	V_CHECK = 14,
};

static const struct xtn_longopt ebt_opts[] = {
	{ "append", 1, 'A' }, { "insert", 1, 'I' }, { "delete", 1, 'D' },
	{ "list", 2, 'L' }, { "Lc", 0, V_LC }, { "Ln", 0, V_LN },
	{ "Lx", 0, V_LX }, { "Lmac2", 0, V_LMAC2 }, { "zero", 2, 'Z' },
	{ "flush", 2, 'F' }, { "policy", 1, 'P' }, { "in-interface", 1, 'i' },
	{ "in-if", 1, 'i' }, { "logical-in", 1, V_LOGICAL_IN },
	{ "logical-out", 1, V_LOGICAL_OUT }, { "out-interface", 1, 'o' },
	{ "out-if", 1, 'o' }, { "version", 0, 'V' }, { "verbose", 0, 'v' },
	{ "help", 0, 'h' },
	{ "jump", 1, 'j' }, { "set-counters", 1, 'c' },
	{ "change-counters", 1, 'C' }, { "proto", 1, 'p' },
	{ "protocol", 1, 'p' }, { "db", 1, 'b' }, { "source", 1, 's' },
	{ "src", 1, 's' }, { "destination", 1, 'd' }, { "dst", 1, 'd' },
	{ "table", 1, 't' }, { "modprobe", 1, 'M' }, { "new-chain", 1, 'N' },
	{ "rename-chain", 1, 'E' }, { "delete-chain", 2, 'X' },
	{ "init-table", 0, V_INIT_TABLE }, { "concurrent", 0, V_CONCURRENT },
	{ "check", 1, V_CHECK }, { NULL, 0, 0 },
};

static const char ebt_shortopts[] = "A:D:C:I:N:E:X::L::Z::F::P:Vhi:o:j:c:p:s:d:t:M:v";

struct ebt {
	struct xtn_ps ps;
	char command;		/* 1.8.9's command letter; 'h' until one */
	unsigned int flags;	/* OPT_* and LIST_* */
	int hook;		/* of the chain named, NF_BR_NUMHOOKS: a user chain */
	const char *jumpto;
	const struct xtn_ext *help_target;
	bool new_chain;		/* "-N CHAIN -P POLICY" */
	bool table_set;		/* restore lines come with a -t already */
};

static const char *ebt_progname(const struct xtn_family *fam)
{
	(void)fam;
	return "ebtables";
}

/* Who -V and -h speak for: ebtables-restore names itself. */
static const char *tool_name(const struct ebt *e)
{
	return e->ps.po->restore ? e->ps.po->prog : ebt_progname(e->ps.fam);
}

static bool has_command(const struct ebt *e)
{
	return e->flags & (OPT_COMMAND | OPT_ZERO);
}

static int check_option(struct ebt *e, unsigned int bit)
{
	if (e->flags & bit)
		return xtn_ps_param(&e->ps, "Multiple use of same option not allowed");
	e->flags |= bit;
	return 0;
}

/*
 * ebtables' "option ! value": a `!` as the option's argument inverts it,
 * and the next word is the argument.
 */
static int inside_negation(struct ebt *e)
{
	struct xtn_getopt *g = &e->ps.g;

	if (!g->optarg || strcmp(g->optarg, "!") != 0)
		return 0;
	if (e->ps.invert)
		return xtn_ps_param(&e->ps, "Double use of '!' not allowed");
	/* "--opt !" last on the line: 1.8.9 crashes; the option and its
	 * extension never see a missing value */
	if (g->optind >= g->argc)
		return xtn_ps_param(&e->ps, "option \"%s\" requires an argument",
				    g->argv[g->opt_start]);
	g->optarg = g->argv[g->optind];
	g->optind++;
	e->ps.invert = true;
	e->ps.invert_at = g->optind - 2;
	return 0;
}

static int chain_hook(const char *chain)
{
	static const char *const hooks[] = {
		[NF_BR_PRE_ROUTING] = "PREROUTING", [NF_BR_LOCAL_IN] = "INPUT",
		[NF_BR_FORWARD] = "FORWARD", [NF_BR_LOCAL_OUT] = "OUTPUT",
		[NF_BR_POST_ROUTING] = "POSTROUTING",
	};
	int i;

	for (i = 0; chain && i < (int)XTN_ARRAY_SIZE(hooks); i++)
		if (strcmp(chain, hooks[i]) == 0)
			return i;
	return chain ? NF_BR_NUMHOOKS : -1;
}

int xtn_ebt_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			     const char *name, bool declaration)
{
	(void)declaration;
	if (strlen(name) >= EBT_CHAIN_MAXNAMELEN)
		return xtn_fail(d, XTN_PARAM, loc,
				"Chain name length can't exceed %d characters",
				EBT_CHAIN_MAXNAMELEN - 1);
	if (strchr(name, ' '))
		return xtn_fail(d, XTN_PARAM, loc,
				"Use of ' ' not allowed in chain names");
	/* stricter than 1.8.9: names its own restore could not read back */
	if (*name == '\0' || *name == '-' || strpbrk(name, "\t\n\"!"))
		return xtn_fail(d, XTN_PARAM, loc, "Invalid chain name `%s'",
				name);
	return 0;
}

/* "N", "N:", ":M", "N:M" of -D; 1.8.9's words for a bad one. */
static int parse_range(struct ebt *e, const char *s)
{
	const char *colon = strchr(s, ':');
	uint64_t a = 1, b;
	char num[32];

	if (!colon) {
		if (!xtn_strtoui(s, NULL, &a, 1, INT32_MAX))
			goto bad;
		b = a;
	} else {
		if ((size_t)(colon - s) >= sizeof(num))
			goto bad;
		memcpy(num, s, (size_t)(colon - s));
		num[colon - s] = '\0';
		if (colon != s && !xtn_strtoui(num, NULL, &a, 1, INT32_MAX))
			goto bad;
		b = UINT32_MAX;	/* to the last rule */
		if (colon[1] && !xtn_strtoui(colon + 1, NULL, &b, 1, INT32_MAX))
			goto bad;
	}
	e->ps.cmd->rulenum = (unsigned int)a;
	e->ps.cmd->rulenum_end = (unsigned int)b;
	return 0;
bad:
	/* 1.8.9 cut the word at its colon before saying so */
	return xtn_ps_param(&e->ps, "Problem with the specified rule number(s) '%.*s'",
			    (int)(colon ? (size_t)(colon - s) : strlen(s)), s);
}

static bool looks_numeric(const char *w)
{
	return w[0] != '-' || (w[1] >= '0' && w[1] <= '9');
}

/* One -C counter: "N", "+N" or "-N". */
static int counter_word(struct ebt *e, const char *w, uint64_t *v)
{
	const char *end;

	if (w[0] == '+' || w[0] == '-')
		w++;
	if (!xtn_strtou64_dec(w, &end, v) || *end)
		return xtn_ps_param(&e->ps, "Packet counter '%s' invalid", w);
	return 0;
}

/*
 * -C CHAIN [N[:M]] PCNT BCNT (change counters): read as 1.8.9 reads it;
 * 1.8.9 then does nothing and fails, which post_checks repeats.
 */
static int change_counters(struct ebt *e)
{
	struct xtn_getopt *g = &e->ps.g;
	char **v = g->argv;
	uint64_t p, b;

	if (g->optind + 1 >= g->argc || v[g->optind][0] == '-' ||
	    v[g->optind + 1][0] == '-')
		return xtn_ps_param(&e->ps, "The command -C needs at least 2 arguments");
	if (g->optind + 2 < g->argc && looks_numeric(v[g->optind + 2])) {
		if (g->optind + 3 != g->argc)
			return xtn_ps_param(&e->ps, "No extra options allowed with -C start_nr[:end_nr] pcnt bcnt");
		if (parse_range(e, v[g->optind]) < 0) {
			xtn_diag_reset_error(&e->ps.ctx->diag);
			return xtn_ps_param(&e->ps, "Something is wrong with the rule number specification '%s'",
					    v[g->optind]);
		}
		g->optind++;
	}
	if (counter_word(e, v[g->optind], &p) < 0)
		return -1;
	g->optind++;
	if (counter_word(e, v[g->optind], &b) < 0)
		return -1;
	g->optind++;
	return 0;
}

static int command_policy(struct ebt *e)
{
	struct xtn_getopt *g = &e->ps.g;
	const struct xtn_verdict_name *v;
	const char *word;

	if (g->optind >= g->argc)
		return xtn_ps_param(&e->ps, "No policy specified");
	word = g->argv[g->optind++];
	v = xtn_family_verdict(e->ps.fam, word);
	if (!v)
		return xtn_ps_param(&e->ps, "Unknown policy '%s'", word);
	if (!v->policy)
		return xtn_ps_param(&e->ps, "Wrong policy '%s'", word);
	e->ps.cmd->policy = xtn_xstrdup(word);
	return 0;
}

static int command_chain_args(struct ebt *e, int c)
{
	struct xtn_getopt *g = &e->ps.g;
	const char *next = g->optind < g->argc ? g->argv[g->optind] : NULL;

	switch (c) {
	case 'N':
		return xtn_ebt_check_chain_name(&e->ps.ctx->diag, &e->ps.cmd->chain_loc,
						e->ps.chain, false);
	case 'X':
		if (!e->ps.chain && next && next[0] != '-') {
			xtn_ps_set_chain(&e->ps, next);
			g->optind++;
		}
		return 0;
	case 'E':
		if (!next)
			return xtn_ps_param(&e->ps, "No new chain name specified");
		if (g->optind < g->argc - 1)
			return xtn_ps_param(&e->ps, "No extra options allowed with -E");
		g->optind++;
		e->ps.cmd->newname = xtn_xstrdup(next);
		return xtn_ebt_check_chain_name(&e->ps.ctx->diag, &e->ps.cmd->loc,
						next, false);
	case 'D':
		if (!next || !looks_numeric(next))
			return 0;
		if (g->optind != g->argc - 1)
			return xtn_ps_param(&e->ps, "No extra options allowed with -D start_nr[:end_nr]");
		g->optind++;
		e->command = 'd';	/* by number */
		return parse_range(e, next);
	case 'I':
		e->ps.cmd->rulenum = 1;
		if (!next || !looks_numeric(next))
			return 0;
		g->optind++;
		{
			uint64_t n;

			if (!xtn_strtoui(next, NULL, &n, 1, INT32_MAX))
				return xtn_ps_param(&e->ps, "Invalid rule number `%s'", next);
			e->ps.cmd->rulenum = (unsigned int)n;
		}
		return 0;
	case 'C':
		return change_counters(e);
	case 'P':
		return command_policy(e);
	}
	return 0;
}

/* -A -D -C -P -I -N -E -X and --check. */
static int command_chain(struct ebt *e, int c)
{
	const char *arg = e->ps.g.optarg;

	/* "-N chain -P policy" creates it with that policy */
	if (e->command == 'N' && c == 'P') {
		e->command = 'P';
		e->new_chain = true;
		e->ps.g.optind--;
		return command_policy(e);
	}
	if (has_command(e))
		return xtn_ps_param(&e->ps, "Multiple commands are not allowed");
	e->command = (char)c;
	if (arg && (arg[0] == '-' || strcmp(arg, "!") == 0))
		return xtn_ps_param(&e->ps, "No chain name specified");
	if (arg)
		xtn_ps_set_chain(&e->ps, arg);
	e->hook = chain_hook(arg);
	e->flags |= OPT_COMMAND;
	return command_chain_args(e, c);
}

/* -L -F -Z: an optional chain, the next word (an attached one is ignored,
 * as by 1.8.9). */
static int command_table(struct ebt *e, int c)
{
	struct xtn_getopt *g = &e->ps.g;

	if (c == 'Z') {
		if ((e->flags & OPT_ZERO) ||
		    ((e->flags & OPT_COMMAND) && e->command != 'L'))
			return xtn_ps_param(&e->ps, "Command -Z only allowed together with command -L");
		e->flags |= OPT_ZERO;
	} else {
		if (e->flags & OPT_COMMAND)
			return xtn_ps_param(&e->ps, "Multiple commands are not allowed");
		e->command = (char)c;
		e->flags |= OPT_COMMAND;
		if ((e->flags & OPT_ZERO) && c != 'L')
			return xtn_ps_param(&e->ps, "Command -Z only allowed together with command -L");
	}
	if (g->optind < g->argc && g->argv[g->optind][0] != '-') {
		xtn_ps_set_chain(&e->ps, g->argv[g->optind]);
		g->optind++;
	}
	return 0;
}

static int rule_option_allowed(struct ebt *e)
{
	if (!has_command(e))
		return xtn_ps_param(&e->ps, "No command specified");
	if (!strchr("ADICcd", e->command))
		return xtn_ps_param(&e->ps, "Command and option do not match");
	return 0;
}

/* Which hooks -i/-o and the logical ones belong to (1.8.9's test). */
static int iface_chain_check(struct ebt *e, bool in, const char *opt)
{
	int h = e->hook;

	if (in && h > NF_BR_FORWARD && h < NF_BR_BROUTING)
		return xtn_ps_param(&e->ps, "Use %s only in INPUT, FORWARD, PREROUTING and BROUTING chains", opt);
	if (!in && (h < NF_BR_FORWARD || h == NF_BR_BROUTING))
		return xtn_ps_param(&e->ps, "Use %s only in OUTPUT, FORWARD and POSTROUTING chains", opt);
	return 0;
}

static int base_option(struct ebt *e, unsigned int bit, char letter,
		       const char *name)
{
	if (check_option(e, bit) < 0 || inside_negation(e) < 0)
		return -1;
	if (!e->ps.g.optarg)
		return xtn_ps_param(&e->ps, "option \"%s\" requires an argument",
				    e->ps.g.argv[e->ps.g.optind - 1]);
	return xtn_ps_base_option(&e->ps, letter, name, e->ps.g.optarg);
}

static int command_jump(struct ebt *e, const char *name)
{
	const struct xtn_verdict_name *v;
	const struct xtn_ext *ext;
	struct xtn_ext_inst *inst;
	unsigned int g;

	if (check_option(e, OPT_JUMP) < 0)
		return -1;
	e->jumpto = name;
	e->ps.cmd->jump_loc = xtn_ps_loc(&e->ps);
	v = xtn_family_verdict(e->ps.fam, name);
	if (v) {
		xtn_rule_set_jump(e->ps.rule, v->verdict, NULL);
		return 0;
	}
	ext = xtn_ext_find(name, XTN_EXT_TARGET, e->ps.fam);
	if (!ext) {
		/* an extension's name length bounds a jump's, as in 1.8.9 */
		if (strlen(name) >= EBT_TARGET_MAXNAMELEN)
			return xtn_ps_param(&e->ps, "Invalid target name `%s' (%u chars max)",
					    name, EBT_TARGET_MAXNAMELEN - 1);
		/* a chain no -N makes, whose rule save could not read back:
		 * 1.8.9's words (it looks the chain up while parsing) */
		if (strpbrk(name, " \t\n\v\f\r"))
			return xtn_ps_param(&e->ps, "Invalid target name `%s'",
					    name);
		/* a lone "!" is the inside negation: the word after it
		 * is refused next, as in 1.8.9 */
		if (strcmp(name, "!") != 0 &&
		    xtn_ebt_check_chain_name(&e->ps.ctx->diag, NULL, name,
					     false) < 0) {
			xtn_diag_clear(&e->ps.ctx->diag);
			return xtn_ps_param(&e->ps, "Chain '%s' does not exist",
					    name);
		}
		xtn_rule_set_jump(e->ps.rule, XTN_V_JUMP, name);
		return 0;
	}
	/* its options are known already: the instance takes that group */
	for (g = 0; g < e->ps.n_groups && e->ps.group_ext[g] != ext; g++)
		;
	inst = xtn_inst_new(ext, e->ps.fam);
	inst->has_loc = true;
	inst->loc = xtn_ps_loc(&e->ps);
	if (g < e->ps.n_groups)
		e->ps.groups[g] = inst;
	e->ps.rule->target = inst;
	xtn_rule_set_jump(e->ps.rule, XTN_V_TARGET, NULL);
	return 0;
}

/*
 * 1.8.9 merges a target's options once more at its -j, so each of them is
 * then in getopt's table twice under different values: an abbreviation of
 * one is ambiguous, and 1.8.9 names the word after it as unknown.
 */
static bool abbreviated_target_option(const struct ebt *e,
				      const struct xtn_ext *ext)
{
	const struct xtn_getopt *g = &e->ps.g;
	const char *typed = g->argv[g->opt_start] + 2;
	size_t len = strcspn(typed, "=");

	if (!ext || !e->ps.rule->target || e->ps.rule->target->ext != ext ||
	    g->longind < 0)
		return false;
	return strlen(xtn_optset_at(g->set, (unsigned int)g->longind)->name) !=
	       len;
}

/* The first option of a preloaded extension puts it in the rule. */
static int ext_option(struct ebt *e, int c)
{
	unsigned int g = XTN_OPTVAL_GROUP(c);
	const struct xtn_ext *ext = g < e->ps.n_groups ? e->ps.group_ext[g] : NULL;
	struct xtn_ext_inst *inst;

	if (abbreviated_target_option(e, ext))
		return xtn_ps_param(&e->ps, "Unknown argument: '%s'",
				    e->ps.g.opt_start + 1 < e->ps.g.argc ?
				    e->ps.g.argv[e->ps.g.opt_start + 1] : "(null)");
	if (inside_negation(e) < 0)
		return -1;
	if (ext && !e->ps.groups[g]) {
		if (ext->kind == XTN_EXT_TARGET)
			/* 1.8.9 stores it as an unasked-for watcher target
			 * that accepts the frame */
			return xtn_ps_param(&e->ps, "option \"%s\" needs -j %s before it",
					    e->ps.g.argv[e->ps.g.opt_start], ext->name);
		inst = xtn_inst_new(ext, e->ps.fam);
		inst->has_loc = true;
		inst->loc = xtn_ps_loc(&e->ps);
		e->ps.groups[g] = inst;
		xtn_rule_add_match(e->ps.rule, inst);
	}
	if (xtn_ps_ext_option(&e->ps, c) < 0)
		return -1;
	if (!strchr("AIDCcd", e->command))
		return xtn_ps_param(&e->ps, "Extensions only for -A, -I, -D and -C");
	return 0;
}

static int parse_counters(struct ebt *e)
{
	struct xtn_getopt *g = &e->ps.g;
	const char *p = g->optarg, *b;
	const char *end;

	if (check_option(e, OPT_COUNT) < 0)
		return -1;
	if (e->ps.invert || (p && strcmp(p, "!") == 0))
		return xtn_ps_param(&e->ps, "Unexpected '!' after -c");
	if (g->optind >= g->argc || !p || p[0] == '-' || g->argv[g->optind][0] == '-')
		return xtn_ps_param(&e->ps, "Option -c needs 2 arguments");
	b = g->argv[g->optind++];
	/* 1.8.9's strtoull skips blanks and a '+' */
	if (!xtn_strtou64_dec(xtn_skip_number_lead(p), &end, &e->ps.cmd->pkts) || *end)
		return xtn_ps_param(&e->ps, "Packet counter '%s' invalid", p);
	if (!xtn_strtou64_dec(xtn_skip_number_lead(b), &end, &e->ps.cmd->bytes) || *end)
		return xtn_ps_param(&e->ps, "Packet counter '%s' invalid", b);
	e->ps.cmd->counters_set = true;
	return 0;
}

static int list_flag(struct ebt *e, unsigned int bit, const char *opt)
{
	if (check_option(e, bit) < 0)
		return -1;
	if (e->command != 'L')
		return xtn_ps_param(&e->ps, "Use %s with -L", opt);
	if ((bit == LIST_N && (e->flags & LIST_X)) ||
	    (bit == LIST_X && (e->flags & LIST_N)))
		return xtn_ps_param(&e->ps, "--Lx is not compatible with --Ln");
	return 0;
}

static int parse_table(struct ebt *e)
{
	const char *t = e->ps.g.optarg;

	/* a restore line comes with its table's -t already */
	if (e->ps.po->restore && e->table_set)
		return xtn_ps_param(&e->ps, "The -t option cannot be used in %s.",
				    e->ps.po->prog);
	if (check_option(e, OPT_TABLE) < 0)
		return -1;
	e->table_set = true;
	if (strlen(t) > EBT_TABLE_MAXNAMELEN - 1)
		return xtn_ps_param(&e->ps, "Table name length cannot exceed %d characters",
				    EBT_TABLE_MAXNAMELEN - 1);
	e->ps.table = t;
	return 0;
}

static int rule_option(struct ebt *e, int c)
{
	const char *arg = e->ps.g.optarg;

	if (rule_option_allowed(e) < 0)
		return -1;
	switch (c) {
	case 'i':
		if (iface_chain_check(e, true, "-i") < 0)
			return -1;
		return base_option(e, OPT_IN, 'i', NULL);
	case V_LOGICAL_IN:
		if (iface_chain_check(e, true, "--logical-in") < 0)
			return -1;
		return base_option(e, OPT_LOGICALIN, 0, "logical-in");
	case 'o':
		if (iface_chain_check(e, false, "-o") < 0)
			return -1;
		return base_option(e, OPT_OUT, 'o', NULL);
	case V_LOGICAL_OUT:
		if (iface_chain_check(e, false, "--logical-out") < 0)
			return -1;
		return base_option(e, OPT_LOGICALOUT, 0, "logical-out");
	case 'j':
		return command_jump(e, arg);
	case 's':
		return base_option(e, OPT_SOURCE, 's', NULL);
	case 'd':
		return base_option(e, OPT_DEST, 'd', NULL);
	case 'c':
		return parse_counters(e);
	default:	/* 'p' */
		return base_option(e, OPT_PROTOCOL, 'p', NULL);
	}
}

static const char ebt_usage[] =
"Usage:\n"
"ebtables -[ADI] chain rule-specification [options]\n"
"ebtables -P chain target\n"
"ebtables -[LFZ] [chain]\n"
"ebtables -[NX] [chain]\n"
"ebtables -E old-chain-name new-chain-name\n\n"
"Commands:\n"
"--append -A chain             : append to chain\n"
"--delete -D chain             : delete matching rule from chain\n"
"--delete -D chain rulenum     : delete rule at position rulenum from chain\n"
"--change-counters -C chain\n"
"          [rulenum] pcnt bcnt : change counters of existing rule\n"
"--insert -I chain rulenum     : insert rule at position rulenum in chain\n"
"--list   -L [chain]           : list the rules in a chain or in all chains\n"
"--flush  -F [chain]           : delete all rules in chain or in all chains\n"
"--init-table                  : replace the kernel table with the initial table\n"
"--zero   -Z [chain]           : put counters on zero in chain or in all chains\n"
"--policy -P chain target      : change policy on chain to target\n"
"--new-chain -N chain          : create a user defined chain\n"
"--rename-chain -E old new     : rename a chain\n"
"--delete-chain -X [chain]     : delete a user defined chain\n"
"Options:\n"
"--proto  -p [!] proto         : protocol hexadecimal, by name or LENGTH\n"
"--src    -s [!] address[/mask]: source mac address\n"
"--dst    -d [!] address[/mask]: destination mac address\n"
"--in-if  -i [!] name[+]       : network input interface name\n"
"--out-if -o [!] name[+]       : network output interface name\n"
"--logical-in  [!] name[+]     : logical bridge input interface name\n"
"--logical-out [!] name[+]     : logical bridge output interface name\n"
"--set-counters -c chain\n"
"          pcnt bcnt           : set the counters of the to be added rule\n"
"--modprobe -M program         : try to insert modules using this program\n"
"--concurrent                  : use a file lock to support concurrent scripts\n"
"--verbose -v                  : verbose mode\n"
"--version -V                  : print package version\n\n"
"Environment variable:\n"
"\n\n";

static void print_usage(struct ebt *e)
{
	struct xtn_strbuf *sb = e->ps.stdout_text;

	xtn_strbuf_printf(sb, "%s %s (nf_tables)\n", ebt_progname(e->ps.fam),
			  XTN_COMPAT_VERSION);
	xtn_strbuf_puts(sb, ebt_usage);
	if (e->help_target && e->help_target->help) {
		xtn_strbuf_putc(sb, '\n');
		xtn_strbuf_puts(sb, e->help_target->help);
	}
}

/* -h [EXTENSION...]: only target names are looked up, as in 1.8.9. */
static int command_help(struct ebt *e)
{
	struct xtn_getopt *g = &e->ps.g;
	const struct xtn_ext *t;
	const char *w;

	if (has_command(e))
		return xtn_ps_param(&e->ps, "Multiple commands are not allowed");
	e->command = 'h';
	while (g->optind < g->argc) {
		w = g->argv[g->optind];
		if (strcasecmp(w, "list_extensions") == 0)
			return 1;
		t = xtn_ext_find(w, XTN_EXT_TARGET, e->ps.fam);
		if (!t)
			t = xtn_ext_find(w, XTN_EXT_WATCHER, e->ps.fam);
		if (!t)
			return xtn_ps_param(&e->ps, "Extension '%s' not found", w);
		if (e->flags & OPT_JUMP)
			return xtn_ps_param(&e->ps, "Sorry, you can only see help for one target extension at a time");
		e->flags |= OPT_JUMP;
		e->help_target = t;
		g->optind++;
	}
	return 0;
}

/* -h list_extensions: the targets and watchers in the reverse of the
 * order 1.8.9 loads them, "standard" last loaded. */
static void list_extensions(struct ebt *e)
{
	static const char *const loaded[] = {
		"standard", "redirect", "arpreply", "snat", "dnat", "mark",
		"nflog", "log",
	};
	struct xtn_strbuf *sb = e->ps.stdout_text;
	size_t i;

	xtn_strbuf_printf(sb, "%s v%s (nf_tables)\nLoaded userspace extensions:\n\nLoaded targets:\n",
			  tool_name(e), XTN_COMPAT_VERSION);
	for (i = 0; i < XTN_ARRAY_SIZE(loaded); i++)
		xtn_strbuf_printf(sb, "%s\n", loaded[i]);
	xtn_strbuf_puts(sb, "\nLoaded matches:\n");
}

enum loop_result { LOOP_DONE, LOOP_EXIT, LOOP_ERROR };

static int one_option(struct ebt *e, int c)
{
	switch (c) {
	case 'A': case 'D': case 'C': case 'P': case 'I': case 'N':
	case 'E': case 'X':
		return command_chain(e, c);
	case V_CHECK:
		return command_chain(e, 'c');
	case 'L': case 'F': case 'Z':
		return command_table(e, c);
	case 't':
		return parse_table(e);
	case 'i': case V_LOGICAL_IN: case 'o': case V_LOGICAL_OUT: case 'j':
	case 'p': case 's': case 'd': case 'c':
		return rule_option(e, c);
	case V_LC:
		return list_flag(e, LIST_C, "--Lc");
	case V_LN:
		return list_flag(e, LIST_N, "--Ln");
	case V_LX:
		return list_flag(e, LIST_X, "--Lx");
	case V_LMAC2:
		return list_flag(e, LIST_MAC2, "--Lmac2");
	case V_INIT_TABLE:
		if (e->ps.po->restore)
			return xtn_ps_param(&e->ps, "--init-table is not supported in daemon mode");
		/* 1.8.9 flushes the table right here and reads no further */
		e->command = 'i';
		e->flags = OPT_COMMAND;
		return 1;
	case 'v':
		e->ps.cmd->verbose++;
		return 0;
	case V_CONCURRENT:
		return 0;
	}
	/* -M and --db are in 1.8.9's option table but not in its switch */
	if (c >= XTN_OPTVAL_BASE)
		return ext_option(e, c);
	/* 1.8.9 names the word after the one it could not place (a missing
	 * argument too: "(null)") */
	return xtn_ps_param(&e->ps, "Unknown argument: '%s'",
			    e->ps.g.optind < e->ps.g.argc ?
			    e->ps.g.argv[e->ps.g.optind] : "(null)");
}

static enum loop_result parse_loop(struct ebt *e)
{
	struct xtn_getopt *g = &e->ps.g;
	int c, ret;

	while ((c = xtn_getopt_next(g)) != -1) {
		if (c == 'V') {
			if (has_command(e)) {
				xtn_ps_param(&e->ps, "Multiple commands are not allowed");
				return LOOP_ERROR;
			}
			xtn_strbuf_printf(e->ps.stdout_text, "%s %s (nf_tables)\n",
					  tool_name(e), XTN_COMPAT_VERSION);
			return LOOP_EXIT;
		}
		if (c == 'h') {
			ret = command_help(e);
			if (ret == 1) {
				list_extensions(e);
				return LOOP_EXIT;
			}
			if (ret < 0)
				return LOOP_ERROR;
			continue;
		}
		if (c == 1) {
			if (strcmp(g->optarg, "!") != 0) {
				xtn_ps_param(&e->ps, "Bad argument : '%s'", g->optarg);
				return LOOP_ERROR;
			}
			if (e->ps.invert) {
				xtn_ps_param(&e->ps, "Double use of '!' not allowed");
				return LOOP_ERROR;
			}
			e->ps.invert = true;
			e->ps.invert_at = g->optind - 1;
			continue;
		}
		ret = one_option(e, c);
		if (ret < 0)
			return LOOP_ERROR;
		if (ret > 0)
			break;
		e->ps.invert = false;
	}
	return LOOP_DONE;
}

/* The command letter as the model's operation. */
static unsigned int command_op(const struct ebt *e)
{
	unsigned int zero = (e->flags & OPT_ZERO) ? XTN_CMD_ZERO : 0;

	switch (e->command) {
	case 'A': return XTN_CMD_APPEND;
	case 'I': return XTN_CMD_INSERT;
	case 'D': return XTN_CMD_DELETE;
	case 'd': return XTN_CMD_DELETE_NUM;
	case 'c': return XTN_CMD_CHECK;
	case 'P': return XTN_CMD_SET_POLICY | (e->new_chain ? XTN_CMD_NEW_CHAIN : 0);
	case 'N': return XTN_CMD_NEW_CHAIN;
	case 'E': return XTN_CMD_RENAME_CHAIN;
	case 'X': return XTN_CMD_DELETE_CHAIN;
	case 'L': return XTN_CMD_LIST | zero;
	case 'F': return XTN_CMD_FLUSH;
	case 'i': return XTN_CMD_TABLE_FLUSH;
	}
	return zero;	/* -Z alone */
}

/* 1.8.9 reads -C but has no code to run it: it commits nothing and
 * reports what errno last held. */
static int change_counters_fail(struct ebt *e)
{
	if (xtn_ps_final_exts(&e->ps) < 0)
		return -1;
	return xtn_fail_style(&e->ps.ctx->diag, XTN_OTHER, XTN_DS_PROG,
			      &e->ps.cmd->loc, "No chain/target/match by that name");
}

static int post_checks(struct ebt *e)
{
	struct xtn_cmd *cmd = e->ps.cmd;


	if (e->ps.invert && e->command != 'i')
		return xtn_ps_param(&e->ps, "nothing appropriate following !");
	if (e->command == 'C')
		return change_counters_fail(e);
	if (e->command == 'P' && e->hook >= 0 && e->hook < NF_BR_NUMHOOKS &&
	    strcmp(cmd->policy, "RETURN") == 0)
		return xtn_ps_param(&e->ps, "Policy RETURN only allowed for user defined chains");
	if (strchr("AIDdc", e->command) && xtn_ps_final_exts(&e->ps) < 0)
		return -1;
	if (xtn_ps_final_base(&e->ps) < 0)
		return -1;
	if (e->ps.chain && strlen(e->ps.chain) >= EBT_CHAIN_MAXNAMELEN)
		return xtn_ps_param(&e->ps, "Chain name length can't exceed %d characters",
				    EBT_CHAIN_MAXNAMELEN - 1);
	return 0;
}

static void fill_cmd(struct ebt *e)
{
	struct xtn_cmd *c = e->ps.cmd;
	struct xtn_rule *r = e->ps.rule;

	c->op = command_op(e);
	c->table = xtn_xstrdup(e->ps.table);
	c->chain = e->ps.chain ? xtn_xstrdup(e->ps.chain) : NULL;
	if (e->flags & LIST_N)
		c->fmt |= XTN_FMT_LINENUMBERS;
	if (e->flags & LIST_C)
		c->fmt |= XTN_FMT_COUNTERS;
	if (e->flags & LIST_X)
		c->fmt |= XTN_FMT_EXACT;
	if (c->counters_set) {
		r->pkts = c->pkts;
		r->bytes = c->bytes;
		r->has_counters = true;
	}
	r->loc = c->loc;
	if (strchr("AIDc", e->command)) {
		c->rule = r;
		e->ps.rule = NULL;
	}
}

static void preload(struct ebt *e)
{
	const struct xtn_ext *const *reg;
	size_t i, n;

	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++)
		if ((reg[i]->families & XTN_FAM_BRIDGE) &&
		    reg[i]->kind != XTN_EXT_BASE && reg[i]->opts)
			xtn_ps_preload(&e->ps, reg[i]);
}

static enum xtn_parse_result ebt_parse(struct xtn_ctx *ctx, int argc,
				       char **argv,
				       const struct xtn_parse_opts *po,
				       struct xtn_cmd **out,
				       struct xtn_strbuf *stdout_text)
{
	enum xtn_parse_result res = XTN_PARSED_ERROR;
	enum loop_result lr;
	struct ebt e;

	memset(&e, 0, sizeof(e));
	e.command = 'h';
	e.hook = -1;
	xtn_ps_init(&e.ps, ctx, po, argc, argv, ebt_opts, ebt_shortopts,
		    stdout_text);
	preload(&e);
	*out = NULL;
	lr = parse_loop(&e);
	if (lr == LOOP_EXIT) {
		res = XTN_PARSED_EXIT;
	} else if (lr == LOOP_DONE && e.command == 'h' && !(e.flags & OPT_ZERO)) {
		print_usage(&e);
		res = XTN_PARSED_EXIT;
	} else if (lr == LOOP_DONE && post_checks(&e) == 0) {
		fill_cmd(&e);
		*out = e.ps.cmd;
		e.ps.cmd = NULL;
		res = XTN_PARSED_CMD;
	}
	xtn_ps_fini(&e.ps);
	return res;
}

static const struct xtn_longopt ebt_restore_opts[] = {
	{ "verbose", 0, 'v' }, { "noflush", 0, 'n' }, { NULL, 0, 0 },
};

const struct xtn_dialect xtn_dialect_ebtables = {
	.name = "ebtables",
	.parse = ebt_parse,
	.check_chain_name = xtn_ebt_check_chain_name,
	.opts = ebt_opts,
	.shortopts = ebt_shortopts,
	.progname = ebt_progname,
	.printer = &xtn_printer_ebtables,
	.restore_chain_counters = false,
	.restore_needs_commit = false,
	.restore_opts = ebt_restore_opts,
	.restore_shortopts = "vn",
	.restore_bad_option = "Usage: ebtables-restore [ --verbose ] [ --noflush ]\n",
	.restore_commit_failed = true,
	.restore_no_table = ": No chain/target/match by that name.",
};
