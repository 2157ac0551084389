/*
 * A reference to an ipset in xt_set blobs (-m set, -j SET): the set's
 * kernel index, its dimensions and their src/dst bits.  Parsing asks the
 * ctx's resolver for the index (the parser does no I/O of its own);
 * printing asks it for the name back.
 */
#ifndef XTNFT_EXT_IPSET_REF_H
#define XTNFT_EXT_IPSET_REF_H

#include <stdbool.h>

struct xtn_parse;
struct xtn_out;
struct xt_set_info;

/* "--WHAT NAME DIRS" (p->arg is NAME; DIRS is the next word, taken):
 * 1.8.9's checks and messages, in its order. */
int xtn_ipset_parse_ref(struct xtn_parse *p, struct xt_set_info *info,
			const char *what);
/* " NAME src,dst"; in save form a NAME restore would split is quoted. */
void xtn_ipset_put_ref(const struct xtn_out *o, const struct xt_set_info *info,
		       bool save);

#endif
