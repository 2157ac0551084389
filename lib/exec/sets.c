/*
 * The sets of a table as this transaction reads them, for decoding the
 * lookups of its rules (ebtables' among).  Nothing is asked before a
 * rule with a lookup is decoded: then one GETSET dump of the table, and
 * the elements of each anonymous set when a lookup first names it.
 * Decoding may ask the kernel, so it must not run inside another dump.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/set.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/util.h>
#include "exec_int.h"

struct xt_tsets {
	struct xtn_set_source src;
	struct xtn_exec *ex;
	struct xtable *t;
	bool listed;		/* the GETSET dump was read */
	struct xtn_sets sets;
	bool *elems;		/* sets.v[i]'s elements were read */
	int err;		/* the first failed request (errno) */
};

static int take_set(struct nftnl_set *s, void *data)
{
	struct xt_tsets *ts = data;

	xtn_sets_add(&ts->sets, s);
	return 0;
}

/* One dump per transaction, even a failed one (the command fails with
 * what xt_table_sets_check reports). */
static int list_sets(struct xt_tsets *ts)
{
	struct xtn_exec *ex = ts->ex;

	if (ts->listed)
		return ts->err ? -1 : 0;
	ts->listed = true;
	if (!ts->t->flushed && ts->t->exists != 0 &&
	    xtn_nl_dump_sets(&ex->nl, ex->ctx->fam->nfproto, ts->t->name,
			     take_set, ts) < 0 && errno != ENOENT)
		ts->err = errno;
	ts->elems = xtn_xzalloc((ts->sets.n + 1) * sizeof(*ts->elems));
	return ts->err ? -1 : 0;
}

/* Only an anonymous set can be a rule's own list: a named one may
 * change under it, and may be large; its elements are not read. */
static int read_elems(struct xt_tsets *ts, unsigned int i)
{
	struct nftnl_set *s = ts->sets.v[i];

	if (ts->elems[i])
		return 0;
	ts->elems[i] = true;
	if (!(nftnl_set_get_u32(s, NFTNL_SET_FLAGS) & NFT_SET_ANONYMOUS))
		return 0;
	if (xtn_nl_get_set_elems(&ts->ex->nl, ts->ex->ctx->fam->nfproto, s) < 0) {
		ts->err = errno;
		return -1;
	}
	return 0;
}

static const struct nftnl_set *tsets_find(const struct xtn_set_source *src,
					  const char *name, uint32_t id)
{
	struct xt_tsets *ts = (struct xt_tsets *)src;
	unsigned int i;

	(void)id;	/* kernel rules name their sets */
	if (list_sets(ts) < 0)
		return NULL;
	for (i = 0; i < ts->sets.n; i++)
		if (strcmp(nftnl_set_get_str(ts->sets.v[i], NFTNL_SET_NAME),
			   name) == 0)
			return read_elems(ts, i) < 0 ? NULL : ts->sets.v[i];
	return NULL;
}

const struct xtn_set_source *xt_table_sets(struct xtn_exec *ex,
					   struct xtable *t)
{
	if (!t->sets) {
		t->sets = xtn_xzalloc(sizeof(*t->sets));
		t->sets->src.find = tsets_find;
		t->sets->ex = ex;
		t->sets->t = t;
		xtn_sets_init(&t->sets->sets);
	}
	return &t->sets->src;
}

int xt_table_sets_check(struct xtn_exec *ex, struct xtable *t)
{
	int err = t->sets ? t->sets->err : 0;

	if (!err)
		return 0;
	t->sets->err = 0;
	return xt_errno(ex, XTN_EOP_ANY, err);
}

void xt_table_sets_free(struct xtable *t)
{
	if (!t->sets)
		return;
	xtn_sets_fini(&t->sets->sets);
	free(t->sets->elems);
	free(t->sets);
	t->sets = NULL;
}

struct xtn_rule *xt_decode(struct xtn_exec *ex, struct xtable *t,
			   const struct nlmsghdr *nlh,
			   enum xtn_dec_status *status)
{
	const struct xtn_set_source *src = NULL;

	if (xt_reads_sets(ex) && xtn_codec_msg_has_lookup(nlh))
		src = xt_table_sets(ex, t);
	return xtn_codec_decode_msg(nlh, ex->ctx->fam, src, &ex->xt_memo,
				    status);
}

struct xtn_rule *xt_decode_obj(struct xtn_exec *ex, struct xtable *t,
			       const struct nftnl_rule *nr)
{
	const struct xtn_set_source *src = NULL;

	if (xt_reads_sets(ex) && xtn_codec_rule_has_lookup(nr))
		src = xt_table_sets(ex, t);
	return xtn_codec_decode_sets(nr, ex->ctx->fam, src, NULL);
}

bool xt_reads_sets(struct xtn_exec *ex)
{
	if (ex->reads_sets < 0)
		ex->reads_sets = xtn_codec_family_reads_sets(ex->ctx->fam);
	return ex->reads_sets;
}

int xt_batch_rule_sets(struct xtn_exec *ex, struct xtn_sets *sets,
		       struct xtn_wire_rule *w,
		       const struct xtn_batch_rule_opts *o, uint32_t *id)
{
	if (sets->n && xtn_batch_anon_sets(&ex->batch, &ex->nl, sets->v,
					   sets->n, w, o->line) < 0) {
		free(o->locs);	/* the batch takes them only with the rule */
		return -1;
	}
	return xtn_batch_wire(&ex->batch, &ex->nl, w, o, id);
}
