/*
 * The arptables dialect: arptables-nft 1.8.9 parses with iptables'
 * do_parse() (xshared.c); this is its profile.  Its own options are the
 * ARP header fields of the base match (lib/ext/base_arp.c), each may be
 * written "--option ! value"; there is no -m, -g or -f, and -p is read
 * and then ignored.
 */
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/diag.h>
#include <xtnft/dialect.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/print.h>
#include <xtnft/util.h>
#include "../ext/arp_opcodes.h"
#include "xshared.h"

/* 1.8.9's getopt values for arptables' long-only options (also the
 * letters its messages print for them). */
enum { C_SMAC = 2, C_TMAC = 3, C_OPCODE = 4, C_HTYPE = 5, C_PTYPE = 6,
       C_PLENGTH = 8 };

static const char optflags[] = "nsdpjvxio0cf\2\3l\4\5\6";

/*
 * 1.8.9's table without --match: it loads the match and then drops it
 * from the rule (arptables has none), so the rule would match more than
 * it says; "unknown option" as for -m.
 */
static const struct xtn_longopt arp_opts[] = {
	XS_COMMAND_LONGOPTS,
	{ "source-ip", 1, 's' }, { "destination-ip", 1, 'd' },
	{ "src-ip", 1, 's' }, { "dst-ip", 1, 'd' },
	{ "source-mac", 1, C_SMAC }, { "destination-mac", 1, C_TMAC },
	{ "src-mac", 1, C_SMAC }, { "dst-mac", 1, C_TMAC },
	{ "h-length", 1, 'l' }, { "p-length", 1, C_PLENGTH },
	{ "opcode", 1, C_OPCODE }, { "h-type", 1, C_HTYPE },
	{ "proto-type", 1, C_PTYPE }, { "in-interface", 1, 'i' },
	{ "jump", 1, 'j' }, { "table", 1, 't' }, { "numeric", 0, 'n' },
	{ "out-interface", 1, 'o' }, { "verbose", 0, 'v' }, { "exact", 0, 'x' },
	{ "version", 0, 'V' }, { "help", 2, 'h' }, { "line-numbers", 0, '0' },
	{ "modprobe", 1, 'M' }, { "set-counters", 1, 'c' }, { NULL, 0, 0 },
};

static const char *arp_progname(const struct xtn_family *fam)
{
	(void)fam;
	return "arptables";
}

/* The targets 1.8.9 arptables can load: its own and every
 * family-independent one (libxt_*), most of which no kernel runs for ARP. */
static const char *const loadable[] = {
	"AUDIT", "CHECKSUM", "CLASSIFY", "CONNMARK", "CONNSECMARK", "CT",
	"IDLETIMER", "LED", "LOG", "MARK", "NFLOG", "NFQUEUE", "NOTRACK",
	"RATEEST", "SECMARK", "SET", "SYNPROXY", "TCPOPTSTRIP", "TOS", "TRACE",
	"mangle", "standard",
};

static bool is_loadable(const char *name)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(loadable); i++)
		if (strcmp(name, loadable[i]) == 0)
			return true;
	return false;
}

static bool arp_clashes(const char *name)
{
	return xs_is_standard_target(name) || is_loadable(name);
}

/* 1.8.9 loads these, xtnft has no ARP version of them. */
static bool arp_unsupported_target(const char *name)
{
	return is_loadable(name) &&
	       !xtn_ext_find(name, XTN_EXT_TARGET, &xtn_family_arp);
}

static int arp_check_chain_name(struct xtn_diag *d, const struct xtn_loc *loc,
				const char *name, bool declaration)
{
	return xs_check_chain_name(d, loc, name, declaration, arp_clashes);
}

static void usage(struct xtn_strbuf *sb, const char *name)
{
	xs_usage_commands(sb, name);
	xtn_strbuf_puts(sb,
"[!] --source-ip	-s address[/mask]\n"
"				source specification\n"
"[!] --destination-ip -d address[/mask]\n"
"				destination specification\n"
"[!] --source-mac address[/mask]\n"
"[!] --destination-mac address[/mask]\n"
"    --h-length   -l   length[/mask] hardware length (nr of bytes)\n"
"    --opcode code[/mask] operation code (2 bytes)\n"
"    --h-type   type[/mask]  hardware type (2 bytes, hexadecimal)\n"
"    --proto-type   type[/mask]  protocol type (2 bytes)\n");
	xs_usage_iface_jump(sb);
	xs_usage_options(sb);
	xs_usage_tail(sb);
	xtn_strbuf_puts(sb, XTN_ARP_OPCODES_HELP
" hardware type string: 1 = Ethernet\n"
" protocol type string: 0x800 = IPv4\n");
}

static const struct xtn_ext *arp_target(const char *name)
{
	return xtn_ext_find(name, XTN_EXT_TARGET, strcmp(name, "standard") ?
			    &xtn_family_arp : NULL);
}

/*
 * 1.8.9 prints the help of every target it has loaded, the last loaded
 * first: its help loads standard, mangle, CLASSIFY and MARK, after the
 * one -j loaded (a chain or verdict loads standard).
 */
static void arp_help(struct xs *p)
{
	static const char *const order[] = { "standard", "mangle", "CLASSIFY",
					     "MARK" };
	const struct xtn_ext *loaded[XTN_ARRAY_SIZE(order) + 1];
	size_t n = 0, i, k;

	loaded[n++] = p->target_ext ? p->target_ext : arp_target("standard");
	for (i = 0; i < XTN_ARRAY_SIZE(order); i++) {
		const struct xtn_ext *e = arp_target(order[i]);

		for (k = 0; k < n && loaded[k] != e; k++)
			;
		if (e && k == n)
			loaded[n++] = e;
	}
	usage(p->ps.stdout_text, xs_tool_name(p));
	while (n--) {
		xtn_strbuf_putc(p->ps.stdout_text, '\n');
		xtn_strbuf_puts(p->ps.stdout_text, loaded[n]->help ?
				loaded[n]->help : "");
	}
}

/* A field of the base match, given by its long name: its argument is the
 * last word (see xs_last_word), or for -l the option's own. */
static int field_option(struct xs *p, unsigned int option, const char *name,
			bool optarg)
{
	if (xs_check_inverse(p) < 0)
		return -1;
	return xs_base_option(p, option, 0, name,
			      optarg ? p->ps.g.optarg : xs_last_word(p));
}

/* -p: 1.8.9 reads a protocol as iptables does, and then ignores it (its
 * ! would turn into "! --proto-type 0", which is refused). */
static int protocol_option(struct xs *p)
{
	uint16_t proto;
	const char *arg;

	if (xs_check_inverse(p) < 0 || xs_set_option(p, XS_OPT_PROTOCOL) < 0)
		return -1;
	arg = xs_protocol(p, xs_last_word(p));
	if (xtn_proto_parse(arg, p->ps.ctx->resolver, &proto) < 0)
		return xtn_ps_param(&p->ps, "unknown protocol \"%s\" specified",
				    arg);
	return 0;
}

static int arp_option(struct xs *p, int c)
{
	switch (c) {
	case 'p':
		return protocol_option(p);
	case C_SMAC:
		return field_option(p, XS_OPT_S_MAC, "source-mac", false);
	case C_TMAC:
		return field_option(p, XS_OPT_D_MAC, "destination-mac", false);
	case 'l':
		/* 1.8.9 reads "-l7" as the word "-l7", which it cannot
		 * parse, and keeps 6: xtnft reads 7 (and refuses it) */
		return field_option(p, XS_OPT_H_LENGTH, "h-length", true);
	case C_OPCODE:
		return field_option(p, XS_OPT_OPCODE, "opcode", false);
	case C_HTYPE:
		return field_option(p, XS_OPT_H_TYPE, "h-type", false);
	case C_PTYPE:
		return field_option(p, XS_OPT_P_TYPE, "proto-type", false);
	case C_PLENGTH:
		/* never supported, not even by arptables-legacy */
		return xtn_ps_param(&p->ps, "not supported");
	}
	return XS_NOT_MINE;
}

static const struct xs_profile arp_profile = {
	.optflags = optflags,
	.n_opts = XS_MAX_OPTS,
	.invertible = XS_OPT_SOURCE | XS_OPT_DESTINATION | XS_OPT_VIANAMEIN |
		      XS_OPT_VIANAMEOUT | XS_OPT_FRAGMENT | XS_OPT_S_MAC |
		      XS_OPT_D_MAC | XS_OPT_H_LENGTH | XS_OPT_OPCODE |
		      XS_OPT_H_TYPE | XS_OPT_P_TYPE,
	.longopts = arp_opts,
	.shortopts = "A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:l:vnt:c:x",
	.bang_after = true,
	.empty_iface_warns = true,
	.progname = arp_progname,
	.unsupported_target = arp_unsupported_target,
	.help = arp_help,
	.option = arp_option,
};

static enum xtn_parse_result arp_parse(struct xtn_ctx *ctx, int argc,
				       char **argv,
				       const struct xtn_parse_opts *po,
				       struct xtn_cmd **out,
				       struct xtn_strbuf *stdout_text)
{
	return xs_parse(&arp_profile, ctx, argc, argv, po, out, stdout_text);
}

static const struct xtn_longopt save_opts[] = {
	{ "counters", 0, 'c' }, { "version", 0, 'V' }, { "modprobe", 1, 'M' },
	{ NULL, 0, 0 },
};

/* arptables-restore 1.8.9 reads no options and needs no COMMIT (a table
 * ends where the next starts, or at the end); its chain counters are
 * never restored. */
const struct xtn_dialect xtn_dialect_arptables = {
	.name = "arptables",
	.parse = arp_parse,
	.check_chain_name = arp_check_chain_name,
	.opts = arp_opts,
	.progname = arp_progname,
	.printer = &xtn_printer_arptables,
	.restore_ignores_args = true,
	.restore_prog = "arptables-restore",
	.errno_period = true,
	.save_opts = save_opts,
	.save_shortopts = "cM:V",
};
