/*
 * The iptables/ip6tables dialect: 1.8.9's option tables and the options
 * only iptables has (-p -f -g -m -w -W -4 -6), on the shared do_parse()
 * of xshared.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include "iptables_int.h"
#include "xshared.h"

#define CHAIN_MAXNAMELEN 29	/* XT_EXTENSION_MAXNAMELEN */

static const char optflags[] = "nsdpjvxio0cf";

static const struct xtn_longopt original_opts[] = {
	XS_COMMAND_LONGOPTS,
	{ "source", 1, 's' },
	{ "destination", 1, 'd' }, { "src", 1, 's' }, { "dst", 1, 'd' },
	{ "protocol", 1, 'p' }, { "in-interface", 1, 'i' }, { "jump", 1, 'j' },
	{ "table", 1, 't' }, { "match", 1, 'm' }, { "numeric", 0, 'n' },
	{ "out-interface", 1, 'o' }, { "verbose", 0, 'v' }, { "wait", 2, 'w' },
	{ "wait-interval", 2, 'W' }, { "exact", 0, 'x' }, { "fragments", 0, 'f' },
	{ "version", 0, 'V' }, { "help", 2, 'h' }, { "line-numbers", 0, '0' },
	{ "modprobe", 1, 'M' }, { "set-counters", 1, 'c' }, { "goto", 1, 'g' },
	{ "ipv4", 0, '4' }, { "ipv6", 0, '6' }, { NULL, 0, 0 },
};

static const char *ipt_progname(const struct xtn_family *fam)
{
	return fam->af == AF_INET6 ? "ip6tables" : "iptables";
}

static bool clashes_with_target(const char *name)
{
	return xs_is_standard_target(name) ||
	       xtn_ext_find(name, XTN_EXT_TARGET, NULL) ||
	       (xtn_ext_is_known_unsupported(name) && isupper((unsigned char)name[0]));
}

int xtn_ipt_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
			     const char *name, bool declaration)
{
	return xs_check_chain_name(d, loc, name, declaration,
				   clashes_with_target);
}

/* iptables maps these names to the icmp6 match. */
static const char *match_alias(const char *name)
{
	if (!strcmp(name, "icmpv6") || !strcmp(name, "ipv6-icmp") ||
	    !strcmp(name, "icmp6"))
		return "icmp6";
	return name;
}

static int command_match(struct xs *p, const char *name)
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

static void ipt_help(struct xs *p)
{
	struct xtn_ext_inst *m;

	xtn_ipt_usage(p->ps.stdout_text, xs_tool_name(p), p->ps.fam->af == AF_INET6);
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

static int parse_wait(struct xs *p, bool interval)
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

/* -4/-6: the other family's line is an error, or skipped by restore. */
static int family_switch(struct xs *p, int c)
{
	bool mine = (c == '4') == (p->ps.fam->af == AF_INET);

	if (mine)
		return 0;
	if (p->ps.po->restore)
		return XS_IGNORE_LINE;
	return xtn_fail_style(&p->ps.ctx->diag, XTN_PARAM, XTN_DS_BARE_TRYHELP,
			      &p->ps.cmd->loc, "%s", "");
}

static int ipt_option(struct xs *p, int c)
{
	const char *arg = p->ps.g.optarg;

	switch (c) {
	case 'p':
		return xs_base_option(p, XS_OPT_PROTOCOL, 'p', NULL,
				      xs_protocol(p, xs_last_word(p)));
	case 'f':
		if (p->ps.fam->af == AF_INET6)
			return xtn_ps_param(&p->ps, "`-f' is not supported in IPv6, use -m frag instead");
		return xs_base_option(p, XS_OPT_FRAGMENT, 'f', NULL, arg);
	case 'g':
		if (xs_set_option(p, XS_OPT_JUMP) < 0 ||
		    xs_parse_target_name(p, arg) < 0)
			return -1;
		p->jumpto = arg;
		p->ps.cmd->jump_loc = xtn_ps_loc(&p->ps);
		xtn_rule_set_jump(p->ps.rule, XTN_V_GOTO, arg);
		return 0;
	case 'm':
		return command_match(p, arg);
	case 'w':
		return parse_wait(p, false);
	case 'W':
		return parse_wait(p, true);
	case '4':
	case '6':
		return family_switch(p, c);
	}
	return XS_NOT_MINE;
}

static int ipt_checks(struct xs *p)
{
	if (p->wait_interval && !p->wait)
		return xtn_ps_param(&p->ps, "--wait-interval only makes sense with --wait\n");
	if (strcmp(p->ps.table, "nat") == 0 &&
	    ((p->ps.cmd->policy && strcmp(p->ps.cmd->policy, "DROP") == 0) ||
	     (p->jumpto && strcmp(p->jumpto, "DROP") == 0)))
		return xtn_ps_param(&p->ps, "\nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n");
	return 0;
}

static const struct xs_profile ipt_profile = {
	.optflags = optflags,
	.n_opts = XS_IPT_OPTS,
	.invertible = XS_OPT_SOURCE | XS_OPT_DESTINATION | XS_OPT_PROTOCOL |
		      XS_OPT_VIANAMEIN | XS_OPT_VIANAMEOUT | XS_OPT_FRAGMENT,
	.longopts = original_opts,
	.shortopts = "A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fbvw::W::nt:m:xc:g:46",
	.progname = ipt_progname,
	.unsupported_target = xtn_ext_is_known_unsupported,
	.help = ipt_help,
	.option = ipt_option,
	.checks = ipt_checks,
};

enum xtn_parse_result xtn_ipt_parse(struct xtn_ctx *ctx, int argc, char **argv,
				    const struct xtn_parse_opts *po,
				    struct xtn_cmd **out,
				    struct xtn_strbuf *stdout_text)
{
	return xs_parse(&ipt_profile, ctx, argc, argv, po, out, stdout_text);
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
