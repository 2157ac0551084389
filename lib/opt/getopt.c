/*
 * getopt_long, reimplemented with explicit state.  It follows glibc's
 * algorithm for RETURN_IN_ORDER (leading '-') with a ':'-leading option
 * string, because iptables' error messages depend on its exact behaviour:
 * an exact long name wins, otherwise a unique prefix (aliases of one option
 * are not ambiguous), '?' and ':' leave optind just past the bad word.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/opt.h>
#include <xtnft/util.h>

/* A line parses its options against the tool's table as it is: only
 * the options of the extensions it loads are copied (a restore parses
 * 100k lines). */
void xtn_optset_init(struct xtn_optset *s, const struct xtn_longopt *orig)
{
	unsigned int n = 0;

	while (orig[n].name)
		n++;
	memset(s, 0, sizeof(*s));
	s->orig = orig;
	s->n = s->n_orig = n;
}

void xtn_optset_fini(struct xtn_optset *s)
{
	free(s->ext);
	memset(s, 0, sizeof(*s));
}

void xtn_optset_merge(struct xtn_optset *s, const struct xtn_optdef *opts,
		      unsigned int group)
{
	unsigned int n_new = 0, i, n_old = s->n - s->n_orig;

	while (opts && opts[n_new].name)
		n_new++;
	if (n_old + n_new > s->cap_ext) {
		s->cap_ext = 2 * (n_old + n_new);
		s->ext = xtn_xrealloc(s->ext, s->cap_ext * sizeof(*s->ext));
	}
	/* the newest extension's options come first (after the tool's) */
	if (n_old)
		memmove(s->ext + n_new, s->ext, n_old * sizeof(*s->ext));
	for (i = 0; i < n_new; i++) {
		s->ext[i].name = opts[i].name;
		s->ext[i].has_arg = opts[i].has_arg;
		s->ext[i].val = XTN_OPTVAL(group, opts[i].id);
	}
	s->n += n_new;
}

void xtn_getopt_init(struct xtn_getopt *g, int argc, char **argv,
		     const char *shortopts, const struct xtn_optset *set)
{
	memset(g, 0, sizeof(*g));
	g->argc = argc;
	g->argv = argv;
	g->shortopts = shortopts;
	g->set = set;
	g->optind = 1;
	g->longind = -1;
}

/* glibc's diagnostics, worded as glibc 2.36 prints them. */
static void gerr(struct xtn_getopt *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void gerr(struct xtn_getopt *g, const char *fmt, ...)
{
	size_t len = strlen(g->err);
	va_list ap;

	if (!g->opterr || len >= sizeof(g->err) - 1)
		return;
	va_start(ap, fmt);
	vsnprintf(g->err + len, sizeof(g->err) - len, fmt, ap);
	va_end(ap);
}

static void report_ambiguous(struct xtn_getopt *g, const char *name,
			     size_t namelen)
{
	const struct xtn_longopt *first = NULL;
	unsigned int i;

	gerr(g, "%s: option '--%s' is ambiguous; possibilities:", g->argv[0],
	     name);
	for (i = 0; i < g->set->n; i++) {
		const struct xtn_longopt *p = xtn_optset_at(g->set, i);

		if (strncmp(p->name, name, namelen) != 0)
			continue;
		/* glibc lists the first match and every one that differs */
		if (!first)
			first = p;
		else if (first->has_arg == p->has_arg && first->val == p->val)
			continue;
		gerr(g, " '--%s'", p->name);
	}
	gerr(g, "\n");
}

static const struct xtn_longopt *find_long(struct xtn_getopt *g,
					   const char *name, size_t namelen,
					   bool *ambiguous)
{
	const struct xtn_longopt *found = NULL;
	unsigned int i;

	*ambiguous = false;
	for (i = 0; i < g->set->n; i++) {
		const struct xtn_longopt *p = xtn_optset_at(g->set, i);

		/* the first letter rules out most: this runs for every long
		 * option of every restore line */
		if ((!namelen || p->name[0] == name[0]) &&
		    strncmp(p->name, name, namelen) == 0 &&
		    p->name[namelen] == '\0') {
			g->longind = (int)i;
			return p;
		}
	}
	for (i = 0; i < g->set->n; i++) {
		const struct xtn_longopt *p = xtn_optset_at(g->set, i);

		if ((namelen && p->name[0] != name[0]) ||
		    strncmp(p->name, name, namelen) != 0)
			continue;
		if (!found) {
			found = p;
			g->longind = (int)i;
		} else if (found->has_arg != p->has_arg || found->val != p->val) {
			*ambiguous = true;
		}
	}
	return *ambiguous ? NULL : found;
}

static int process_long(struct xtn_getopt *g)
{
	const char *name = g->argv[g->optind] + 2;
	const char *nameend = strchr(name, '=');
	size_t namelen = nameend ? (size_t)(nameend - name) : strlen(name);
	const struct xtn_longopt *p;
	bool ambiguous;

	p = find_long(g, name, namelen, &ambiguous);
	g->optind++;
	g->nextchar = NULL;
	if (!p) {
		if (ambiguous)
			report_ambiguous(g, name, namelen);
		else
			gerr(g, "%s: unrecognized option '--%s'\n", g->argv[0], name);
		g->optopt = 0;
		return '?';
	}
	if (nameend) {
		if (!p->has_arg) {
			gerr(g, "%s: option '--%s' doesn't allow an argument\n",
			     g->argv[0], p->name);
			g->optopt = p->val;
			return '?';
		}
		g->optarg = nameend + 1;
	} else if (p->has_arg == 1) {
		if (g->optind < g->argc) {
			g->optarg = g->argv[g->optind++];
		} else {
			gerr(g, "%s: option '--%s' requires an argument\n",
			     g->argv[0], p->name);
			g->optopt = p->val;
			return ':';
		}
	}
	return p->val;
}

static int process_short(struct xtn_getopt *g)
{
	char c = *g->nextchar++;
	const char *temp = strchr(g->shortopts, c);

	if (*g->nextchar == '\0')
		g->optind++;
	if (!temp || c == ':' || c == ';') {
		gerr(g, "%s: invalid option -- '%c'\n", g->argv[0], c);
		g->optopt = (unsigned char)c;
		if (*g->nextchar == '\0')
			g->nextchar = NULL;
		return '?';
	}
	if (temp[1] != ':') {
		if (*g->nextchar == '\0')
			g->nextchar = NULL;
		return (unsigned char)c;
	}
	if (temp[2] == ':') {
		/* optional argument: only when attached */
		if (*g->nextchar != '\0') {
			g->optarg = g->nextchar;
			g->optind++;
		}
	} else if (*g->nextchar != '\0') {
		g->optarg = g->nextchar;
		g->optind++;
	} else if (g->optind == g->argc) {
		gerr(g, "%s: option requires an argument -- '%c'\n", g->argv[0], c);
		g->optopt = (unsigned char)c;
		g->nextchar = NULL;
		return ':';
	} else {
		g->optarg = g->argv[g->optind++];
	}
	g->nextchar = NULL;
	return (unsigned char)c;
}

int xtn_getopt_next(struct xtn_getopt *g)
{
	const char *arg;

	g->optarg = NULL;
	if (g->done)
		return -1;
	if (g->nextchar && *g->nextchar)
		return process_short(g);
	g->nextchar = NULL;
	if (g->optind >= g->argc)
		return -1;
	arg = g->argv[g->optind];
	g->opt_start = g->optind;
	if (strcmp(arg, "--") == 0) {
		/* glibc stops here and leaves optind just past "--" */
		g->optind = g->opt_start + 1;
		g->done = true;
		return -1;
	}
	if (arg[0] != '-' || arg[1] == '\0') {
		/* RETURN_IN_ORDER: a non-option is returned as option 1 */
		g->optarg = arg;
		g->optind++;
		return 1;
	}
	if (arg[1] == '-')
		return process_long(g);
	g->nextchar = arg + 1;
	return process_short(g);
}

bool xtn_getopt_has_arg(const struct xtn_getopt *g)
{
	return g->optind < g->argc && g->argv[g->optind][0] != '-' &&
	       g->argv[g->optind][0] != '!';
}
