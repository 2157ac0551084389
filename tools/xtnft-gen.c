/*
 * xtnft-gen: print xtnft's option tables for shell completions and docs.
 *
 * The completion scripts are templates whose @NAME@ placeholders are filled
 * here from the library's own tables (the extension registry, the tool
 * table, each dialect's option tables, the family profiles), so
 * completions cannot drift from the parser.  Only const data is read: no
 * kernel, no root, no network.
 *
 *   xtnft-gen bash TEMPLATE   fill a bash template, print it to stdout
 *   xtnft-gen zsh TEMPLATE    fill a zsh template, print it to stdout
 *   xtnft-gen list            one line per extension, tool, table, protocol
 *
 * List placeholders expand to words separated by spaces (the same in both
 * shells); case placeholders expand to "key) REPLY='words' ;;" arms for
 * bash and "key) reply=(words) ;;" arms for zsh.  An unknown placeholder is
 * an error, so a typo in a template fails the build instead of shipping a
 * broken script.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ct.h>
#include <xtnft/dialect.h>
#include <xtnft/diag.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/tools.h>
#include <xtnft/opt.h>

enum mode {
	MODE_BASH,
	MODE_ZSH,
	MODE_LIST,
};

/*
 * Names offered after -p, with the match each one loads implicitly.  These
 * are iptables' xtables_chain_protos (static in lib/util/netaddr.c) and the
 * icmpv6 aliases of match_alias() (static in lib/dialect/iptables.c); a
 * protocol loads its match only if the registry has it for the family.
 */
static const struct proto {
	const char *name;
	unsigned int fams;
	const char *match;
} protos[] = {
	{ "all", XTN_FAM_INET, NULL },
	{ "tcp", XTN_FAM_INET, "tcp" },
	{ "udp", XTN_FAM_INET, "udp" },
	{ "udplite", XTN_FAM_INET, "udplite" },
	{ "sctp", XTN_FAM_INET, "sctp" },
	{ "icmp", XTN_FAM_IPV4, "icmp" },
	{ "icmpv6", XTN_FAM_IPV6, "icmp6" },
	{ "ipv6-icmp", XTN_FAM_IPV6, "icmp6" },
	{ "esp", XTN_FAM_INET, "esp" },
	{ "ah", XTN_FAM_INET, "ah" },
	{ "mh", XTN_FAM_IPV6, "mh" },
	{ "ipv6-mh", XTN_FAM_IPV6, "mh" },
};

/*
 * Values of options whose names a base match keeps in its code rather
 * than in a symbol table (arptables' --opcode names are base_arp's
 * opcodes[], --h-type and --proto-type each take one name besides a
 * number).  An entry is used only where the family's tool has the
 * option; completions/test-completions.sh runs each name through the
 * tool.  Values from a symbol table (struct xtn_optdef.syms) need no
 * entry here.
 */
static const struct optvalues {
	unsigned int fams;
	const char *opt;
	const char *words;
} optvalues[] = {
	{ XTN_FAM_ARP, "opcode", "Request Reply Request_Reverse Reply_Reverse "
	  "DRARP_Request DRARP_Reply DRARP_Error InARP_Request ARP_NAK" },
	{ XTN_FAM_ARP, "h-type", "Ethernet" },
	{ XTN_FAM_ARP, "proto-type", "ipv4" },
};

/*
 * What conntrack's -p offers: first the protocols the parser has a
 * handler for (xtn_ct_proto_find(); their options and --state words come
 * from the handler), then names it resolves from /etc/protocols as a
 * protocol without options.  A name is offered only if one of those two
 * holds; test-completions.sh runs each through the tool.
 */
static const char *const ct_protos[] = {
	"tcp", "udp", "udplite", "icmp", "icmpv6", "sctp", "dccp", "gre",
};

/* The options whose values are fixed words (xtn_ct_value_words()). */
static const char ctvalue_letters[] = "foue";

/*
 * The table word after a command letter (check_type() and cmd_maps[] of
 * conntrack.c): dying and unconfirmed only list, -U and -A have no
 * expectation form.
 */
static const struct cttables {
	const char *letters;
	const char *words;
} cttables[] = {
	{ "L", "conntrack expect dying unconfirmed" },
	{ "IDGEFCS", "conntrack expect" },
	{ "UA", "conntrack" },
};

/* Every family a tool of the tool table uses, in the order listed. */
static const struct xtn_family *const families[] = {
	&xtn_family_ipv4,
	&xtn_family_ipv6,
	&xtn_family_bridge,
	&xtn_family_arp,
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct gen {
	enum mode mode;
	FILE *out;
	const char *tmpl_name;
};

/* A build tool: any failure must stop the build, and there is no state to
 * clean up, so report and exit. */
static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	fputs("xtnft-gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* ---- word lists ------------------------------------------------------ */

#define WL_MAX 512
#define WL_LEN 64

/* Words in first-seen order without duplicates (iptables lists --source
 * both as its own option and as the base match's). */
struct wl {
	size_t n;
	char w[WL_MAX][WL_LEN];
};

/* Words go into shell code unquoted (zsh arrays, case patterns), so only
 * characters with no meaning to either shell are accepted. */
static bool is_shell_safe(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_.:+-", *s))
			return false;
	return true;
}

static void wl_add(struct wl *l, const char *prefix, const char *name)
{
	char buf[WL_LEN];
	size_t i;

	if ((size_t)snprintf(buf, sizeof(buf), "%s%s", prefix, name) >=
	    sizeof(buf))
		die("name too long: %s", name);
	if (!is_shell_safe(buf))
		die("name not safe in shell code: '%s'", buf);
	for (i = 0; i < l->n; i++)
		if (strcmp(l->w[i], buf) == 0)
			return;
	if (l->n == WL_MAX)
		die("too many words");
	strcpy(l->w[l->n++], buf);
}

/* Space-separated: a bash string or the inside of a zsh array. */
static void wl_print(FILE *out, const struct wl *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		fprintf(out, "%s%s", i ? " " : "", l->w[i]);
}

/* ---- options of a tool, merged with the base match -------------------- */

/* One option as completions see it, whatever table it came from. */
struct gopt {
	const char *name;	/* long name without dashes */
	char letter;		/* short option, 0 if none */
	uint8_t has_arg;
	bool invert;
};

struct gopts {
	size_t n;
	struct gopt v[128];
};

/* The long options a tool of this kind and dialect reads (NULL: none). */
static const struct xtn_longopt *tool_longopts(enum xtn_tool_kind kind,
					       const struct xtn_dialect *dl)
{
	switch (kind) {
	case XTN_TOOL_RUN:
		return dl->opts;
	case XTN_TOOL_SAVE:
		return xtn_save_options();
	case XTN_TOOL_RESTORE:
		return dl->restore_opts ? dl->restore_opts :
		       xtn_restore_options();
	case XTN_TOOL_CONNTRACK:
		return xtn_ct_options();
	default:
		return xtn_xml_options();
	}
}

/* Its getopt short option string (NULL: not known, see short_letter). */
static const char *tool_shortopts(enum xtn_tool_kind kind,
				  const struct xtn_dialect *dl)
{
	switch (kind) {
	case XTN_TOOL_RUN:
		return dl->shortopts;
	case XTN_TOOL_SAVE:
		return XTN_SAVE_SHORTOPTS;
	case XTN_TOOL_RESTORE:
		return dl->restore_shortopts ? dl->restore_shortopts :
		       XTN_RESTORE_SHORTOPTS;
	case XTN_TOOL_CONNTRACK:
		return XTN_CT_SHORTOPTS;
	default:
		return XTN_XML_SHORTOPTS;
	}
}

/*
 * The short option an option's value stands for, if the tool's short
 * string has it: ebtables' --db is 'b', which its string lacks, and
 * iptables-restore's --ipv4 is '4'.  Without a string, every letter or
 * digit but '0' is one (iptables gives --line-numbers the internal '0').
 */
static char short_letter(int val, const char *shortopts)
{
	if (!isalnum(val))
		return 0;
	if (shortopts)
		return strchr(shortopts, val) ? (char)val : 0;
	return val != '0' ? (char)val : 0;
}

/*
 * ebtables has no -m: its dialect knows every bridge match's and
 * watcher's options from the start (preload() in lib/dialect/ebtables.c),
 * so the completions offer them from the start too.
 */
static bool preloads_exts(const struct xtn_family *fam)
{
	return fam->dialect == &xtn_dialect_ebtables;
}

/* The families whose tools share fam's dialect (iptables: ipv4, ipv6). */
static unsigned int dialect_fams(const struct xtn_family *fam)
{
	unsigned int bits = 0;
	size_t f;

	for (f = 0; f < ARRAY_SIZE(families); f++)
		if (families[f]->dialect == fam->dialect)
			bits |= families[f]->bit;
	return bits;
}

/* Is -letter a base match option that may be preceded by "!"? */
static bool base_invertible(const struct xtn_family *fam, char letter)
{
	const struct xtn_optdef *o;

	for (o = fam->base->opts; letter && o && o->name; o++)
		if (o->short_name == letter)
			return o->flags & XTN_OF_INVERT;
	return false;
}

/* A name seen again (a dialect option that its base match also lists,
 * such as ebtables' --logical-in) adds what the new sighting knows. */
static void gopts_push(struct gopts *g, const char *name, char letter,
		       uint8_t has_arg, bool invert)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		if (strcmp(g->v[i].name, name) == 0) {
			g->v[i].invert |= invert;
			if (!g->v[i].letter)
				g->v[i].letter = letter;
			return;
		}
	}
	if (g->n == ARRAY_SIZE(g->v))
		die("too many options");
	g->v[g->n++] = (struct gopt){ name, letter, has_arg, invert };
}

static void gopts_push_ext(struct gopts *g, const struct xtn_ext *e,
			   const char *shortopts)
{
	const struct xtn_optdef *o;

	for (o = e->opts; o && o->name; o++)
		gopts_push(g, o->name, short_letter(o->short_name, shortopts),
			   o->has_arg, o->flags & XTN_OF_INVERT);
}

/*
 * The options a tool reads before any -m or -j: its own, and for the
 * command tools the family's base match (-s -d ...), whose "!" flags also
 * mark aliases such as --src, and (ebtables) every match and watcher.
 */
static void gopts_gather(struct gopts *g, enum xtn_tool_kind kind,
			 const struct xtn_family *fam)
{
	const struct xtn_dialect *dl = fam->dialect;
	const char *so = tool_shortopts(kind, dl);
	const struct xtn_longopt *lo = tool_longopts(kind, dl);
	const struct xtn_ext *const *reg;
	bool run = kind == XTN_TOOL_RUN;
	size_t i, n;
	char c;

	g->n = 0;
	for (; lo && lo->name; lo++) {
		c = short_letter(lo->val, so);
		gopts_push(g, lo->name, c, lo->has_arg,
			   run && base_invertible(fam, c));
	}
	if (!run)
		return;
	gopts_push_ext(g, fam->base, so);
	if (!preloads_exts(fam))
		return;
	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++)
		if ((reg[i]->kind == XTN_EXT_MATCH ||
		     reg[i]->kind == XTN_EXT_WATCHER) &&
		    (reg[i]->families & fam->bit))
			gopts_push_ext(g, reg[i], so);
}

/* ---- placeholder emitters --------------------------------------------- */

enum optattr {
	OA_LONG,	/* --append ... */
	OA_SHORT,	/* -A ... */
	OA_ARG,		/* options whose argument is the next word */
	OA_INV,		/* options that may follow "!" */
	OA_MAP,		/* append:A ...: long name to short letter */
};

struct optarg {
	enum xtn_tool_kind kind;
	const struct xtn_family *fam;	/* the dialect's first family */
	enum optattr attr;
};

static void add_gopt(struct wl *l, const struct gopt *o, enum optattr attr)
{
	char sh[3] = { '-', o->letter, 0 };
	char map[WL_LEN];

	switch (attr) {
	case OA_LONG:
		wl_add(l, "--", o->name);
		break;
	case OA_SHORT:
		if (o->letter)
			wl_add(l, "", sh);
		break;
	case OA_ARG:
	case OA_INV:
		if (attr == OA_ARG ? o->has_arg != XTN_REQ_ARG : !o->invert)
			break;
		wl_add(l, "--", o->name);
		if (o->letter)
			wl_add(l, "", sh);
		break;
	case OA_MAP:
		if (!o->letter)
			break;
		snprintf(map, sizeof(map), "%s:%c", o->name, o->letter);
		wl_add(l, "", map);
		break;
	}
}

/* Extension options with a required argument, of every family of the
 * dialect: after one of them the next word is a value, never an option
 * to complete. */
static void add_ext_argopts(struct wl *l, const struct xtn_family *fam)
{
	const struct xtn_ext *const *reg;
	const struct xtn_optdef *o;
	unsigned int fams = dialect_fams(fam);
	size_t i, n;

	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++) {
		if (reg[i]->kind == XTN_EXT_BASE || !(reg[i]->families & fams))
			continue;
		for (o = reg[i]->opts; o && o->name; o++)
			if (o->has_arg == XTN_REQ_ARG)
				wl_add(l, "--", o->name);
	}
}

static void emit_toolopts(const struct gen *g, const void *arg)
{
	const struct optarg *a = arg;
	struct gopts go;
	struct wl l;
	size_t i;

	l.n = 0;
	gopts_gather(&go, a->kind, a->fam);
	for (i = 0; i < go.n; i++)
		add_gopt(&l, &go.v[i], a->attr);
	if (a->kind == XTN_TOOL_RUN && a->attr == OA_ARG)
		add_ext_argopts(&l, a->fam);
	wl_print(g->out, &l);
}

static void emit_tools(const struct gen *g, const void *arg)
{
	struct wl l;
	size_t i, n;

	const struct xtn_tool *tools = xtn_tools(&n);

	(void)arg;
	l.n = 0;
	for (i = 0; i < n; i++)
		if (!tools[i].alias)
			wl_add(&l, "", tools[i].name);
	wl_print(g->out, &l);
}


/* Which family an emitter lists. */
struct famarg {
	const struct xtn_family *fam;
};

static bool ext_fits(const struct xtn_ext *e, enum xtn_ext_kind kind,
		     const struct xtn_family *fam)
{
	return e->kind == kind && (e->families & fam->bit);
}

/* Matches (-m) of a family. */
static void emit_matches(const struct gen *g, const void *arg)
{
	const struct famarg *a = arg;
	const struct xtn_ext *const *reg;
	struct wl l;
	size_t i, n;

	l.n = 0;
	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++)
		if (ext_fits(reg[i], XTN_EXT_MATCH, a->fam))
			wl_add(&l, "", reg[i]->name);
	wl_print(g->out, &l);
}

/* What -j takes besides a user chain: the family's verdicts (ebtables'
 * CONTINUE too), then its targets ("standard" is the verdicts). */
static void emit_targets(const struct gen *g, const void *arg)
{
	const struct famarg *a = arg;
	const struct xtn_verdict_name *v;
	const struct xtn_ext *const *reg;
	struct wl l;
	size_t i, n;

	l.n = 0;
	for (v = a->fam->verdicts; v && v->name; v++)
		wl_add(&l, "", v->name);
	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++)
		if (ext_fits(reg[i], XTN_EXT_TARGET, a->fam) &&
		    strcmp(reg[i]->name, "standard") != 0)
			wl_add(&l, "", reg[i]->name);
	wl_print(g->out, &l);
}

/* What -P takes: the verdicts that may be a policy (of a built-in chain,
 * or with ebtables of a user chain: RETURN). */
static void emit_policies(const struct gen *g, const void *arg)
{
	const struct famarg *a = arg;
	const struct xtn_verdict_name *v;
	struct wl l;

	l.n = 0;
	for (v = a->fam->verdicts; v && v->name; v++)
		if (v->policy)
			wl_add(&l, "", v->name);
	wl_print(g->out, &l);
}

static void emit_protos(const struct gen *g, const void *arg)
{
	const struct famarg *a = arg;
	struct wl l;
	size_t i;

	l.n = 0;
	for (i = 0; i < ARRAY_SIZE(protos); i++)
		if (protos[i].fams & a->fam->bit)
			wl_add(&l, "", protos[i].name);
	wl_print(g->out, &l);
}

static void emit_tables(const struct gen *g, const void *arg)
{
	const struct famarg *a = arg;
	struct wl l;
	unsigned int i;

	l.n = 0;
	for (i = 0; i < a->fam->n_tables; i++)
		wl_add(&l, "", a->fam->tables[i].name);
	wl_print(g->out, &l);
}

/*
 * One arm of a generated case statement, keyed "family:name" so that a
 * name may mean different things per family.  Arms are separated by
 * newlines; the template's own line end follows the last one.
 */
static void emit_arm_key(const struct gen *g, bool *first, const char *key,
			 const struct wl *l)
{
	struct wl k;

	k.n = 0;
	wl_add(&k, "", key);	/* only to check that the key is safe */
	fprintf(g->out, "%s\t%s) %s", *first ? "" : "\n", key,
		g->mode == MODE_BASH ? "REPLY='" : "reply=(");
	wl_print(g->out, l);
	fputs(g->mode == MODE_BASH ? "' ;;" : ") ;;", g->out);
	*first = false;
}

static void emit_arm(const struct gen *g, bool *first,
		     const struct xtn_family *fam, const char *key,
		     const struct wl *l)
{
	char k[WL_LEN];

	if ((size_t)snprintf(k, sizeof(k), "%s:%s", fam->name, key) >=
	    sizeof(k))
		die("key too long: %s", key);
	emit_arm_key(g, first, k, l);
}

struct casearg {
	enum xtn_ext_kind kind;
	bool inv_only;		/* only the options that may follow "!" */
};

/* The options each match (or target) adds once -m/-p (or -j) loads it;
 * ebtables' matches need no loading (see preloads_exts). */
static void emit_extopts_case(const struct gen *g, const void *arg)
{
	const struct casearg *a = arg;
	const struct xtn_ext *const *reg;
	const struct xtn_optdef *o;
	bool first = true;
	size_t f, i, n;
	struct wl l;

	reg = xtn_ext_registry(&n);
	for (f = 0; f < ARRAY_SIZE(families); f++) {
		if (a->kind == XTN_EXT_MATCH && preloads_exts(families[f]))
			continue;
		for (i = 0; i < n; i++) {
			if (!ext_fits(reg[i], a->kind, families[f]))
				continue;
			l.n = 0;
			for (o = reg[i]->opts; o && o->name; o++)
				if (!a->inv_only || (o->flags & XTN_OF_INVERT))
					wl_add(&l, "--", o->name);
			emit_arm(g, &first, families[f], reg[i]->name, &l);
		}
	}
}

/* Built-in chains per table: the fallback when the kernel can't be asked. */
static void emit_chains_case(const struct gen *g, const void *arg)
{
	const struct xtn_table_def *t;
	bool first = true;
	unsigned int i, j;
	struct wl l;
	size_t f;

	(void)arg;
	for (f = 0; f < ARRAY_SIZE(families); f++) {
		for (i = 0; i < families[f]->n_tables; i++) {
			t = &families[f]->tables[i];
			l.n = 0;
			for (j = 0; j < t->n_chains; j++)
				wl_add(&l, "", xtn_table_builtin_listed(t, j)->name);
			emit_arm(g, &first, families[f], t->name, &l);
		}
	}
}

/* The match that -p PROTO loads implicitly, where the registry has one. */
static void emit_proto_match_case(const struct gen *g, const void *arg)
{
	const struct proto *p;
	bool first = true;
	struct wl l;
	size_t f, i;

	(void)arg;
	for (f = 0; f < ARRAY_SIZE(families); f++) {
		for (i = 0; i < ARRAY_SIZE(protos); i++) {
			p = &protos[i];
			if (!(p->fams & families[f]->bit) || !p->match ||
			    !xtn_ext_find(p->match, XTN_EXT_MATCH, families[f]))
				continue;
			l.n = 0;
			wl_add(&l, "", p->match);
			emit_arm(g, &first, families[f], p->name, &l);
		}
	}
}

/* The words of a space-separated list. */
static void wl_add_words(struct wl *l, const char *words)
{
	char w[WL_LEN];
	size_t len;

	while (*words) {
		len = strcspn(words, " ");
		if (len >= sizeof(w))
			die("word too long in '%s'", words);
		memcpy(w, words, len);
		w[len] = '\0';
		if (len)
			wl_add(l, "", w);
		words += len + (words[len] == ' ');
	}
}

/* Is --name one of the options fam's command tool reads before -j? */
static bool tool_has_opt(const struct xtn_family *fam, const char *name)
{
	struct gopts go;
	size_t i;

	gopts_gather(&go, XTN_TOOL_RUN, fam);
	for (i = 0; i < go.n; i++)
		if (strcmp(go.v[i].name, name) == 0)
			return true;
	return false;
}

/* The names an option of a family takes, from its symbol table. */
static void values_of_syms(const struct gen *g, bool *first,
			   const struct xtn_family *fam,
			   const struct xtn_optdef *o)
{
	const struct xtn_sym *s;
	char key[WL_LEN];
	struct wl l;

	if (!o->syms || o->has_arg == XTN_NO_ARG)
		return;
	l.n = 0;
	for (s = o->syms; s->name; s++)
		wl_add(&l, "", s->name);
	snprintf(key, sizeof(key), "--%s", o->name);
	emit_arm(g, first, fam, key, &l);
}

/* Values of extension and base match options: "family:--name" arms. */
static void emit_values_case(const struct gen *g, const void *arg)
{
	const struct xtn_ext *const *reg;
	const struct xtn_optdef *o;
	const struct xtn_family *fam;
	bool first = true;
	char key[WL_LEN];
	size_t f, i, n;
	struct wl l;

	(void)arg;
	reg = xtn_ext_registry(&n);
	for (f = 0; f < ARRAY_SIZE(families); f++) {
		fam = families[f];
		for (i = 0; i < n; i++)
			if ((reg[i]->families & fam->bit) &&
			    (reg[i]->kind != XTN_EXT_BASE || reg[i] == fam->base))
				for (o = reg[i]->opts; o && o->name; o++)
					values_of_syms(g, &first, fam, o);
		for (i = 0; i < ARRAY_SIZE(optvalues); i++) {
			if (!(optvalues[i].fams & fam->bit) ||
			    !tool_has_opt(fam, optvalues[i].opt))
				continue;
			l.n = 0;
			wl_add_words(&l, optvalues[i].words);
			snprintf(key, sizeof(key), "--%s", optvalues[i].opt);
			emit_arm(g, &first, fam, key, &l);
		}
	}
}

/* The family of each tool: "NAME) REPLY=FAMILY" arms, a scalar in both
 * shells (the *-nft names are the shells' to strip). */
static void emit_tool_family_case(const struct gen *g, const void *arg)
{
	const struct xtn_tool *tools;
	bool first = true;
	size_t i, n;
	struct wl l;

	(void)arg;
	tools = xtn_tools(&n);
	for (i = 0; i < n; i++) {
		if (tools[i].alias)
			continue;
		l.n = 0;
		wl_add(&l, "", tools[i].name);	/* only to check it is safe */
		fprintf(g->out, "%s\t%s) REPLY=%s ;;", first ? "" : "\n",
			tools[i].name, tools[i].fam->name);
		first = false;
	}
}

/* ---- conntrack ------------------------------------------------------- */

/* A name of ct_protos[] the parser takes: a handler, or a protocol
 * without options that /etc/protocols should know (see ct_protos). */
static void emit_ct_protos(const struct gen *g, const void *arg)
{
	struct wl l;
	size_t i;

	(void)arg;
	l.n = 0;
	for (i = 0; i < ARRAY_SIZE(ct_protos); i++)
		wl_add(&l, "", ct_protos[i]);
	wl_print(g->out, &l);
}

struct ctprotoarg {
	bool states;		/* --state words, else the options */
	bool arg_only;		/* only options whose value is the next word */
};

/* Per protocol handler: the options -p PROTO adds, or its --state
 * words.  Protocols without a handler add nothing. */
static void emit_ct_proto_case(const struct gen *g, const void *arg)
{
	const struct ctprotoarg *a = arg;
	const struct xtn_ct_proto *p;
	const struct xtn_optdef *o;
	bool first = true;
	unsigned int j;
	struct wl l;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ct_protos); i++) {
		p = xtn_ct_proto_find(ct_protos[i]);
		if (!p)
			continue;
		l.n = 0;
		if (a->states) {
			for (j = 0; p->states && j < p->nstates; j++)
				wl_add(&l, "", p->states[j]);
		} else {
			for (o = p->opts; o && o->name; o++)
				if (!a->arg_only || o->has_arg == XTN_REQ_ARG)
					wl_add(&l, "--", o->name);
		}
		if (l.n)
			emit_arm_key(g, &first, ct_protos[i], &l);
	}
}

/* Fixed words of an option's value, keyed by its letter. */
static void emit_ct_values_case(const struct gen *g, const void *arg)
{
	const char *const *w;
	bool first = true, comma;
	char key[2] = { 0 };
	struct wl l;
	size_t i;

	(void)arg;
	for (i = 0; ctvalue_letters[i]; i++) {
		l.n = 0;
		for (w = xtn_ct_value_words(ctvalue_letters[i], &comma); *w; w++)
			wl_add(&l, "", *w);
		key[0] = ctvalue_letters[i];
		emit_arm_key(g, &first, key, &l);
	}
}

/* The letters whose value is a comma-separated list. */
static void emit_ct_commaopts(const struct gen *g, const void *arg)
{
	char w[2] = { 0 };
	bool comma;
	struct wl l;
	size_t i;

	(void)arg;
	l.n = 0;
	for (i = 0; ctvalue_letters[i]; i++) {
		xtn_ct_value_words(ctvalue_letters[i], &comma);
		w[0] = ctvalue_letters[i];
		if (comma)
			wl_add(&l, "", w);
	}
	wl_print(g->out, &l);
}

/* The table words after each command letter. */
static void emit_ct_tables_case(const struct gen *g, const void *arg)
{
	bool first = true;
	char key[2] = { 0 };
	const char *c;
	struct wl l;
	size_t i;

	(void)arg;
	for (i = 0; i < ARRAY_SIZE(cttables); i++) {
		l.n = 0;
		wl_add_words(&l, cttables[i].words);
		for (c = cttables[i].letters; *c; c++) {
			key[0] = *c;
			emit_arm_key(g, &first, key, &l);
		}
	}
}

static void emit_generated(const struct gen *g, const void *arg)
{
	const char *base = strrchr(g->tmpl_name, '/');

	(void)arg;
	fprintf(g->out, "Generated by tools/xtnft-gen from %s; do not edit.",
		base ? base + 1 : g->tmpl_name);
}

/* ---- templates ------------------------------------------------------- */

struct placeholder {
	const char *name;
	void (*emit)(const struct gen *g, const void *arg);
	const void *arg;
};

#define OPTROW(tag, attrname, kind, fam, attr) \
	{ tag "_" attrname, emit_toolopts, \
	  &(const struct optarg){ kind, &fam, attr } }
/* A dialect's tool of one kind, named by the dialect's first family:
 * ip6tables' options are iptables' (check_families() makes sure). */
#define TOOLROWS(tag, kind, fam) \
	OPTROW(tag, "LONGOPTS", kind, fam, OA_LONG), \
	OPTROW(tag, "SHORTOPTS", kind, fam, OA_SHORT), \
	OPTROW(tag, "ARGOPTS", kind, fam, OA_ARG), \
	OPTROW(tag, "INVOPTS", kind, fam, OA_INV), \
	OPTROW(tag, "OPTMAP", kind, fam, OA_MAP)
#define FAMROW(name, emit, fam) \
	{ name, emit, &(const struct famarg){ &fam } }
#define FAMROWS(tag, fam) \
	FAMROW("TARGETS_" tag, emit_targets, fam), \
	FAMROW("POLICIES_" tag, emit_policies, fam), \
	FAMROW("TABLES_" tag, emit_tables, fam)

static const struct placeholder placeholders[] = {
	{ "GENERATED", emit_generated, NULL },
	{ "TOOLS", emit_tools, NULL },
	TOOLROWS("IPT", XTN_TOOL_RUN, xtn_family_ipv4),
	TOOLROWS("EBT", XTN_TOOL_RUN, xtn_family_bridge),
	TOOLROWS("ARPT", XTN_TOOL_RUN, xtn_family_arp),
	TOOLROWS("IPT_SAVE", XTN_TOOL_SAVE, xtn_family_ipv4),
	TOOLROWS("EBT_SAVE", XTN_TOOL_SAVE, xtn_family_bridge),
	TOOLROWS("ARPT_SAVE", XTN_TOOL_SAVE, xtn_family_arp),
	TOOLROWS("IPT_RESTORE", XTN_TOOL_RESTORE, xtn_family_ipv4),
	TOOLROWS("EBT_RESTORE", XTN_TOOL_RESTORE, xtn_family_bridge),
	TOOLROWS("ARPT_RESTORE", XTN_TOOL_RESTORE, xtn_family_arp),
	TOOLROWS("XML", XTN_TOOL_XML, xtn_family_ipv4),
	TOOLROWS("CT", XTN_TOOL_CONNTRACK, xtn_family_ipv4),
	{ "CT_PROTOS", emit_ct_protos, NULL },
	{ "CT_PROTO_OPTS_CASE", emit_ct_proto_case,
	  &(const struct ctprotoarg){ false, false } },
	{ "CT_PROTO_ARGOPTS_CASE", emit_ct_proto_case,
	  &(const struct ctprotoarg){ false, true } },
	{ "CT_STATES_CASE", emit_ct_proto_case,
	  &(const struct ctprotoarg){ true, false } },
	{ "CT_VALUES_CASE", emit_ct_values_case, NULL },
	{ "CT_COMMAOPTS", emit_ct_commaopts, NULL },
	{ "CT_TABLES_CASE", emit_ct_tables_case, NULL },
	FAMROW("MATCHES_IPV4", emit_matches, xtn_family_ipv4),
	FAMROW("MATCHES_IPV6", emit_matches, xtn_family_ipv6),
	FAMROW("PROTOS_IPV4", emit_protos, xtn_family_ipv4),
	FAMROW("PROTOS_IPV6", emit_protos, xtn_family_ipv6),
	FAMROWS("IPV4", xtn_family_ipv4),
	FAMROWS("IPV6", xtn_family_ipv6),
	FAMROWS("BRIDGE", xtn_family_bridge),
	FAMROWS("ARP", xtn_family_arp),
	{ "MATCH_OPTS_CASE", emit_extopts_case,
	  &(const struct casearg){ XTN_EXT_MATCH, false } },
	{ "MATCH_INVOPTS_CASE", emit_extopts_case,
	  &(const struct casearg){ XTN_EXT_MATCH, true } },
	{ "TARGET_OPTS_CASE", emit_extopts_case,
	  &(const struct casearg){ XTN_EXT_TARGET, false } },
	{ "CHAINS_CASE", emit_chains_case, NULL },
	{ "PROTO_MATCH_CASE", emit_proto_match_case, NULL },
	{ "VALUES_CASE", emit_values_case, NULL },
	{ "TOOL_FAMILY_CASE", emit_tool_family_case, NULL },
};

/* If at points to "@NAME@" (NAME = [A-Z][A-Z0-9_]*), the closing '@'. */
static const char *placeholder_end(const char *at)
{
	const char *p = at + 1;

	if (!isupper((unsigned char)*p))
		return NULL;
	while (isupper((unsigned char)*p) || isdigit((unsigned char)*p) ||
	       *p == '_')
		p++;
	return *p == '@' ? p : NULL;
}

static unsigned int line_of(const char *text, const char *pos)
{
	unsigned int line = 1;

	for (; text < pos; text++)
		line += *text == '\n';
	return line;
}

static void expand(const struct gen *g, const char *text, const char *at,
		   const char *end)
{
	size_t len = (size_t)(end - at - 1), i;

	for (i = 0; i < ARRAY_SIZE(placeholders); i++) {
		if (strlen(placeholders[i].name) == len &&
		    memcmp(placeholders[i].name, at + 1, len) == 0) {
			placeholders[i].emit(g, placeholders[i].arg);
			return;
		}
	}
	die("%s:%u: unknown placeholder @%.*s@", g->tmpl_name,
	    line_of(text, at), (int)len, at + 1);
}

/* Copy text, replacing placeholders; other '@'s (bash's "$@") pass. */
static void fill(const struct gen *g, const char *text)
{
	const char *p = text, *at, *end;

	while ((at = strchr(p, '@'))) {
		end = placeholder_end(at);
		fwrite(p, 1, (size_t)(at - p) + !end, g->out);
		if (end)
			expand(g, text, at, end);
		p = end ? end + 1 : at + 1;
	}
	fputs(p, g->out);
}

static char *read_file(const char *path)
{
	size_t len = 0, cap = 4096, got;
	char *buf = malloc(cap);
	FILE *f = fopen(path, "r");

	if (!f)
		die("%s: cannot open: %m", path);
	while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (len + 1 == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (!buf)
		die("out of memory");
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	buf[len] = '\0';
	if (strlen(buf) != len)
		die("%s: contains a NUL byte", path);
	return buf;
}

/* ---- list ------------------------------------------------------------ */

static bool in_families(unsigned int fams)
{
	size_t f;

	for (f = 0; f < ARRAY_SIZE(families); f++)
		if (fams & families[f]->bit)
			return true;
	return false;
}

static void print_fams(FILE *out, unsigned int fams)
{
	const char *sep = " ";
	size_t f;

	for (f = 0; f < ARRAY_SIZE(families); f++) {
		if (fams & families[f]->bit) {
			fprintf(out, "%s%s", sep, families[f]->name);
			sep = ",";
		}
	}
}

/* " ![-s,]--source=": "!" may precede it, "=" it takes a value, "[=]" an
 * optional one. */
static void print_opt(FILE *out, const char *name, char letter,
		      uint8_t has_arg, bool invert)
{
	fprintf(out, " %s", invert ? "!" : "");
	if (letter)
		fprintf(out, "-%c,", letter);
	fprintf(out, "--%s%s", name, has_arg == XTN_REQ_ARG ? "=" :
		has_arg == XTN_OPT_ARG ? "[=]" : "");
}

static void list_exts(FILE *out)
{
	static const char *const kinds[] = {
		[XTN_EXT_BASE] = "base",
		[XTN_EXT_MATCH] = "match",
		[XTN_EXT_TARGET] = "target",
		[XTN_EXT_WATCHER] = "watcher",
	};
	const struct xtn_ext *const *reg;
	const struct xtn_optdef *o;
	size_t i, n;

	reg = xtn_ext_registry(&n);
	for (i = 0; i < n; i++) {
		/* no family of the completions (bridge, arp extensions):
		 * a line without families would read as one with options */
		if (reg[i]->kind != XTN_EXT_BASE && !in_families(reg[i]->families))
			continue;
		fprintf(out, "%s %s", kinds[reg[i]->kind], reg[i]->name);
		print_fams(out, reg[i]->families);
		for (o = reg[i]->opts; o && o->name; o++)
			print_opt(out, o->name, o->short_name, o->has_arg,
				  o->flags & XTN_OF_INVERT);
		fputs(reg[i]->opts && reg[i]->opts->name ? "\n" : " -\n", out);
	}
}

static void list_tools(FILE *out)
{
	const struct xtn_tool *tools;
	struct gopts go;
	size_t i, j, n;

	tools = xtn_tools(&n);
	for (i = 0; i < n; i++) {
		if (tools[i].alias)
			continue;
		fprintf(out, "tool %s", tools[i].name);
		print_fams(out, tools[i].fam->bit);
		gopts_gather(&go, tools[i].kind, tools[i].fam);
		for (j = 0; j < go.n; j++)
			print_opt(out, go.v[j].name, go.v[j].letter,
				  go.v[j].has_arg, go.v[j].invert);
		fputc('\n', out);
	}
}

static void list_tables(FILE *out)
{
	const struct xtn_table_def *t;
	unsigned int i, j;
	size_t f;

	for (f = 0; f < ARRAY_SIZE(families); f++) {
		for (i = 0; i < families[f]->n_tables; i++) {
			t = &families[f]->tables[i];
			fprintf(out, "table %s %s", t->name, families[f]->name);
			for (j = 0; j < t->n_chains; j++)
				fprintf(out, "%c%s", j ? ',' : ' ',
					xtn_table_builtin_listed(t, j)->name);
			fputc('\n', out);
		}
	}
}

/* "proto NAME FAMILIES MATCH": the match -p loads, "-" if none yet. */
static void list_protos(FILE *out)
{
	const struct proto *p;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(protos); i++) {
		p = &protos[i];
		fprintf(out, "proto %s", p->name);
		print_fams(out, p->fams);
		fprintf(out, " %s\n", p->match &&
			xtn_ext_find(p->match, XTN_EXT_MATCH, NULL) ?
			p->match : "-");
	}
}

/* ---- main ------------------------------------------------------------ */

/*
 * What the templates take for granted: every tool's family is one of
 * families[], and families that share a dialect (ipv4, ipv6) share one
 * set of option placeholders, so they must share the base match too.
 */
static void check_families(void)
{
	const struct xtn_tool *tools;
	size_t f, i, n;

	tools = xtn_tools(&n);
	for (i = 0; i < n; i++) {
		for (f = 0; f < ARRAY_SIZE(families); f++)
			if (tools[i].fam == families[f])
				break;
		if (f == ARRAY_SIZE(families))
			die("%s: family %s is not in families[]",
			    tools[i].name, tools[i].fam->name);
	}
	for (f = 0; f < ARRAY_SIZE(families); f++)
		for (i = 0; i < f; i++)
			if (families[i]->dialect == families[f]->dialect &&
			    families[i]->base != families[f]->base)
				die("families %s and %s share a dialect but not "
				    "a base match", families[i]->name,
				    families[f]->name);
}

static int usage(void)
{
	fputs("Usage: xtnft-gen bash TEMPLATE | zsh TEMPLATE | list | quirks\n",
	      stderr);
	return 2;
}

/* The quirks table as a tests/diff corpus. */
static void list_quirks(FILE *out)
{
	const struct xtn_quirk *q;
	size_t i, n;

	q = xtn_quirks(&n);
	for (i = 0; i < n; i++)
		fprintf(out, "# %s: %s\n%s\n", q[i].id, q[i].why, q[i].example);
}

int main(int argc, char **argv)
{
	struct gen g = { .out = stdout };
	char *text;

	check_families();
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		list_exts(stdout);
		list_tools(stdout);
		list_tables(stdout);
		list_protos(stdout);
	} else if (argc == 2 && strcmp(argv[1], "quirks") == 0) {
		list_quirks(stdout);
	} else if (argc == 3 && (strcmp(argv[1], "bash") == 0 ||
				 strcmp(argv[1], "zsh") == 0)) {
		g.mode = argv[1][0] == 'b' ? MODE_BASH : MODE_ZSH;
		g.tmpl_name = argv[2];
		text = read_file(argv[2]);
		fill(&g, text);
		free(text);
	} else {
		return usage();
	}
	/* a short write (full disk) must fail the make rule */
	if (fflush(stdout) || ferror(stdout))
		die("write error: %m");
	return 0;
}
