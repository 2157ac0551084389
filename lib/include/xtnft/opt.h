/*
 * A getopt_long work-alike with all state in a struct.  It reproduces glibc's
 * behaviour in RETURN_IN_ORDER mode with a ':'-leading option string, which is
 * what iptables, ebtables and arptables rely on: unique-prefix abbreviations
 * over an option set that grows as extensions load, '?' for unknown or
 * ambiguous options, ':' for a missing argument.
 */
#ifndef XTNFT_OPT_H
#define XTNFT_OPT_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_optdef;

/* Values returned for extension options: XTN_OPTVAL(group, id). */
#define XTN_OPTVAL_BASE 0x1000
#define XTN_OPTVAL(group, id) (XTN_OPTVAL_BASE + ((group) << 8) + (id))
#define XTN_OPTVAL_GROUP(v) (((v) - XTN_OPTVAL_BASE) >> 8)
#define XTN_OPTVAL_ID(v) (((v) - XTN_OPTVAL_BASE) & 0xff)

struct xtn_longopt {
	const char *name;
	uint8_t has_arg;	/* 0 none, 1 required, 2 optional */
	int val;
};

/* The active option set: the tool's own options first, then extensions,
 * the most recently loaded first (iptables' merge order). */
struct xtn_optset {
	const struct xtn_longopt *orig;	/* the tool's, not copied */
	struct xtn_longopt *ext;	/* the extensions', newest first */
	unsigned int n;			/* both together */
	unsigned int n_orig;
	unsigned int cap_ext;
};

void xtn_optset_init(struct xtn_optset *s, const struct xtn_longopt *orig);
/* Entry i of the set, 0 <= i < n. */
static inline const struct xtn_longopt *
xtn_optset_at(const struct xtn_optset *s, unsigned int i)
{
	return i < s->n_orig ? &s->orig[i] : &s->ext[i - s->n_orig];
}
void xtn_optset_fini(struct xtn_optset *s);
/* Merge an extension's options in front of the previously merged ones. */
void xtn_optset_merge(struct xtn_optset *s, const struct xtn_optdef *opts,
		      unsigned int group);

struct xtn_getopt {
	int argc;
	char **argv;
	const char *shortopts;	/* e.g. "A:C:D:L::..." without the "-:" */
	const struct xtn_optset *set;
	int optind;		/* next argv element */
	const char *optarg;
	int optopt;
	int longind;		/* xtn_optset_at(set, longind): the last long option */
	const char *nextchar;	/* inside a cluster of short options */
	int opt_start;		/* argv index where the last option began */
	bool done;		/* "--" seen */
	/* With opterr, glibc's own message for a bad option lands in err
	 * (iptables turns it off; iptables-save/-restore leave it on). */
	bool opterr;
	char err[512];
};

void xtn_getopt_init(struct xtn_getopt *g, int argc, char **argv,
		     const char *shortopts, const struct xtn_optset *set);
/* Returns the option value, 1 for a non-option word (in optarg), '?' for an
 * unknown or ambiguous option, ':' for a missing argument, -1 at the end. */
int xtn_getopt_next(struct xtn_getopt *g);
/* iptables' xs_has_arg(): is the next word an optional argument? */
bool xtn_getopt_has_arg(const struct xtn_getopt *g);

#endif
