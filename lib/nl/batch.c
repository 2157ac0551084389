/*
 * The transaction: BATCH_BEGIN (with the generation id) ... BATCH_END sent
 * in one sendmsg.  The kernel processes it synchronously and answers only
 * failures (no NLM_F_ACK), each tagged with the failing message's sequence
 * number, which maps back to the object and the restore line.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/batch.h>
#include <libnftnl/chain.h>
#include <endian.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <libnftnl/table.h>
#include <xtnft/codec.h>
#include <xtnft/diag.h>
#include <xtnft/hmap.h>
#include <xtnft/nl.h>
#include <xtnft/util.h>

#define BATCH_PAGE_SIZE (2 * 1024 * 1024)
/* Room past the page for the message that crosses its end: libnftnl
 * writes a whole message before it checks, and one message can be as
 * long as its 16-bit attribute lengths allow (iptables-nft's bound too). */
#define BATCH_OVERRUN (UINT16_MAX + 4096)

/*
 * libnftnl pages come from malloc and libmnl 1.0.4 leaves attribute
 * padding as it finds it, so stale heap bytes would reach the kernel (and
 * valgrind).  Zero just ahead of the write position, one message (the
 * overrun size) at most beyond what is used: zeroing a whole 2 MiB page
 * would cost more than an entire -A.
 */
static void zero_ahead(struct xtn_batch *b)
{
	char *cur = nftnl_batch_buffer(b->b);
	int pages = nftnl_batch_iovec_len(b->b);

	/* a new page (wherever malloc put it) starts with the message that
	 * overran the old one: zero from behind that message on */
	if (pages != b->pages || !b->zeroed) {
		b->pages = pages;
		b->zeroed = cur;
	}
	if (b->zeroed < cur + BATCH_OVERRUN) {
		memset(b->zeroed, 0, (size_t)(cur + BATCH_OVERRUN - b->zeroed));
		b->zeroed = cur + BATCH_OVERRUN;
	}
}

static void batch_update(struct xtn_batch *b)
{
	nftnl_batch_update(b->b);
	zero_ahead(b);
}

/* The batch memory appears with the first object: read-only commands never
 * allocate it.  BATCH_BEGIN is written at commit, when it is known whether
 * the batch must carry the generation id; its sequence number is taken
 * now, so the objects are numbered as iptables numbers them. */
static void batch_open(struct xtn_batch *b, struct xtn_nl *nl)
{
	if (b->b)
		return;
	b->b = nftnl_batch_alloc(BATCH_PAGE_SIZE, BATCH_OVERRUN);
	if (!b->b)
		abort();
	zero_ahead(b);
	b->begin_seq = xtn_nl_next_seq(nl);
}

void xtn_batch_init(struct xtn_batch *b, struct xtn_nl *nl, uint32_t genid,
		     struct xtn_diag *d)
{
	memset(b, 0, sizeof(*b));
	b->genid = genid;
	b->diag = d;
	b->next_rule_id = 1;
	b->next_set_id = 1;
	xtn_hmap_init(&b->names);
	nl->seq = 1;
}

void xtn_batch_fini(struct xtn_batch *b)
{
	unsigned int i;

	if (b->b)
		nftnl_batch_free(b->b);
	for (i = 0; i < b->n_objs; i++)
		free(b->objs[i].locs);
	for (i = 0; i < b->n_names; i++)
		free(b->name_list[i]);
	free(b->name_list);
	if (b->names.buckets)
		xtn_hmap_fini(&b->names);
	free(b->objs);
	memset(b, 0, sizeof(*b));
}

bool xtn_batch_empty(const struct xtn_batch *b)
{
	return b->n_msgs == 0;
}

/* 100k rules name a handful of chains: keep one copy of each name. */
static char *intern(struct xtn_batch *b, const char *name)
{
	char *s;

	if (b->last_name && strcmp(b->last_name, name) == 0)
		return b->last_name;
	s = xtn_hmap_get(&b->names, name);
	if (!s) {
		s = xtn_xstrdup(name);
		xtn_hmap_put(&b->names, name, s);
		b->name_list = xtn_xgrow(b->name_list, &b->cap_names,
					 b->n_names + 1, sizeof(char *), 16);
		b->name_list[b->n_names++] = s;
	}
	b->last_name = s;
	return s;
}

_Static_assert(sizeof(struct xtn_batch_obj) <= 32,
	       "a note per message: a restore's batch holds 100k");

static void note(struct xtn_batch *b, uint32_t seq, enum xtn_obj_op op,
		 const char *name, uint32_t line)
{
	struct xtn_batch_obj *o;

	b->objs = xtn_xgrow(b->objs, &b->cap, b->n_objs + 1, sizeof(*b->objs), 16);
	o = &b->objs[b->n_objs++];
	o->seq = seq;
	o->op = (uint8_t)op;
	o->line = line;
	o->name = intern(b, name ? name : "");
	o->locs = NULL;
	o->n_locs = 0;
	b->n_msgs++;
}

static void debug_msg(struct xtn_batch *b, const char *text,
		      const struct nlmsghdr *nlh)
{
	if (b->verbose < 2 || !b->debug)
		return;
	xtn_strbuf_puts(b->debug, text);
	xtn_strbuf_putc(b->debug, '\n');
	if (b->verbose > 2)
		xtn_nl_hexdump(b->debug, nlh);
}

static const char *op_name(enum xtn_obj_op op);
static const char *obj_kind(enum xtn_obj_op op);

/* A name the kernel would refuse (and that could outgrow the page's
 * overrun): refused before anything is built. */
static int refuse_name(struct xtn_batch *b, enum xtn_obj_op op,
		       const char *name, uint32_t line)
{
	if (strlen(name) < XTN_NAME_MAXLEN)
		return 0;
	if (b->diag)
		xtn_diag_add_kerr(b->diag, line, "%s failed (%s): %s %.32s...",
				  op_name(op), strerror(ENAMETOOLONG),
				  obj_kind(op), name);
	return -1;
}

int xtn_batch_table(struct xtn_batch *b, struct xtn_nl *nl, uint16_t msg,
		    uint8_t family, const char *table, uint16_t flags,
		    enum xtn_obj_op op, uint32_t line)
{
	struct nftnl_table *t;
	uint32_t seq;
	struct nlmsghdr *nlh;

	if (refuse_name(b, op, table, line) < 0)
		return -1;
	t = nftnl_table_alloc();
	batch_open(b, nl);
	seq = xtn_nl_next_seq(nl);
	nftnl_table_set_str(t, NFTNL_TABLE_NAME, table);
	nftnl_table_set_u32(t, NFTNL_TABLE_FAMILY, family);
	nlh = nftnl_nlmsg_build_hdr(nftnl_batch_buffer(b->b), msg, family,
				    flags, seq);
	nftnl_table_nlmsg_build_payload(nlh, t);
	if (b->verbose > 1) {
		char buf[512];

		nftnl_table_snprintf(buf, sizeof(buf), t, NFTNL_OUTPUT_DEFAULT, 0);
		debug_msg(b, buf, nlh);
	}
	nftnl_table_free(t);
	batch_update(b);
	note(b, seq, op, table, line);
	return 0;
}

int xtn_batch_chain(struct xtn_batch *b, struct xtn_nl *nl, uint16_t msg,
		    struct nftnl_chain *c, uint16_t flags, enum xtn_obj_op op,
		    uint32_t line)
{
	uint32_t seq;
	uint8_t family = (uint8_t)nftnl_chain_get_u32(c, NFTNL_CHAIN_FAMILY);
	const char *name = nftnl_chain_get_str(c, NFTNL_CHAIN_NAME);
	struct nlmsghdr *nlh;

	if (refuse_name(b, op, name, line) < 0 ||
	    refuse_name(b, op, nftnl_chain_get_str(c, NFTNL_CHAIN_TABLE), line) < 0)
		return -1;
	batch_open(b, nl);
	seq = xtn_nl_next_seq(nl);
	nlh = nftnl_nlmsg_build_hdr(nftnl_batch_buffer(b->b), msg, family,
				    flags, seq);
	nftnl_chain_nlmsg_build_payload(nlh, c);
	if (b->verbose > 1) {
		char buf[1024];

		nftnl_chain_snprintf(buf, sizeof(buf), c, NFTNL_OUTPUT_DEFAULT, 0);
		debug_msg(b, buf, nlh);
	}
	batch_update(b);
	note(b, seq, op, name, line);
	return 0;
}

/* Names, and user data copied from a kernel rule, fit in a page's overrun
 * next to the 64 KiB of expressions. */
static bool bounded(const struct xtn_wire_rule *w)
{
	return (!w->table || strlen(w->table) < XTN_NAME_MAXLEN) &&
	       (!w->chain || strlen(w->chain) < XTN_NAME_MAXLEN) &&
	       w->udata_len <= XTN_EXPR_MAX_LEN;
}

/* Too long for one dump message.  With its names at their longest (they
 * are bounded by now) and 8 bytes an expression for a bitwise's operation,
 * a rule far below the limit needs neither strlen nor a walk over its
 * expressions: most rules. */
static bool unlistable(const struct xtn_wire_rule *w)
{
	size_t most = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct nfgenmsg)) +
		      2 * MNL_ALIGN(NLA_HDRLEN + XTN_NAME_MAXLEN) +
		      2 * MNL_ALIGN(NLA_HDRLEN + sizeof(uint64_t)) +
		      MNL_ALIGN(NLA_HDRLEN + w->udata_len) +
		      NLA_HDRLEN + w->exprs.len + 8 * (size_t)w->n_exprs;

	return most > XTN_DUMP_MSG_MAX &&
	       xtn_wire_listed_size(w) > XTN_DUMP_MSG_MAX;
}

/* A rule refused before it is sent, worded like the kernel's refusals;
 * `at` is the expression to blame (out of range: none). */
static int refuse_rule(struct xtn_batch *b, const struct xtn_wire_rule *w,
		       const struct xtn_batch_rule_opts *o, int err,
		       const char *why, unsigned int at)
{
	if (b->diag) {
		xtn_diag_add_kerr(b->diag, o->line, "%s failed (%s): %s %s%s",
				  op_name(o->op), strerror(err), obj_kind(o->op),
				  w->chain ? w->chain : "", why);
		xtn_diag_kerr_locate(b->diag, at < o->n_locs ? &o->locs[at] : NULL,
				     NULL);
	}
	free(o->locs);
	return -1;
}

int xtn_batch_wire(struct xtn_batch *b, struct xtn_nl *nl,
		   struct xtn_wire_rule *w, const struct xtn_batch_rule_opts *o,
		   uint32_t *id_out)
{
	struct nlmsghdr *nlh;
	char why[160];

	if (w->n_exprs > XTN_RULE_MAXEXPRS) {
		snprintf(why, sizeof(why),
			 ": %u expressions, the kernel takes at most %u",
			 w->n_exprs, XTN_RULE_MAXEXPRS);
		return refuse_rule(b, w, o, EINVAL, why, XTN_RULE_MAXEXPRS);
	}
	if (!bounded(w))
		return refuse_rule(b, w, o, ENAMETOOLONG, "", UINT32_MAX);
	/* the nest's length is 16 bits: the kernel would read less */
	if (NLA_HDRLEN + w->exprs.len > UINT16_MAX) {
		snprintf(why, sizeof(why),
			 ": its expressions pass %u bytes, the most netlink carries",
			 UINT16_MAX);
		return refuse_rule(b, w, o, EMSGSIZE, why, UINT32_MAX);
	}
	if (!o->listed && o->msg == NFT_MSG_NEWRULE && unlistable(w)) {
		snprintf(why, sizeof(why),
			 ": it would be listed in %zu bytes, and a kernel dump message holds %u: it and the rules after it would be missing from every listing",
			 xtn_wire_listed_size(w), XTN_DUMP_MSG_MAX);
		return refuse_rule(b, w, o, EMSGSIZE, why, UINT32_MAX);
	}
	batch_open(b, nl);
	if (o->msg == NFT_MSG_NEWRULE && o->with_id)
		w->id = b->next_rule_id++;
	nlh = nftnl_nlmsg_build_hdr(nftnl_batch_buffer(b->b), o->msg, w->family,
				    o->flags, nl->seq);
	xtn_wire_put(nlh, w);
	xtn_nl_next_seq(nl);
	if (b->verbose > 1) {
		struct nftnl_rule *nr = xtn_wire_to_nftnl_printable(w);
		char buf[8192] = "";

		if (nr) {
			nftnl_rule_snprintf(buf, sizeof(buf), nr,
					    NFTNL_OUTPUT_DEFAULT, 0);
			nftnl_rule_free(nr);
		}
		debug_msg(b, buf, nlh);
	}
	batch_update(b);
	note(b, nlh->nlmsg_seq, o->op, w->chain ? w->chain : "", o->line);
	b->objs[b->n_objs - 1].locs = o->locs;
	b->objs[b->n_objs - 1].n_locs = o->n_locs;
	if (id_out)
		*id_out = w->id;
	return 0;
}

int xtn_batch_rule(struct xtn_batch *b, struct xtn_nl *nl, struct nftnl_rule *r,
		   const struct xtn_batch_rule_opts *o, uint32_t *id_out)
{
	struct xtn_wire_rule w;
	int ret;

	xtn_wire_from_nftnl(r, &w, true);
	ret = xtn_batch_wire(b, nl, &w, o, id_out);
	xtn_wire_fini(&w);
	return ret;
}

/* The rule's lookups name its sets by the encoder's ids: each becomes
 * the id its set gets in this batch (all at once, the new ids may be
 * old ones of another set). */
struct set_renumber {
	struct nftnl_set *const *v;
	unsigned int n;
	uint32_t first;		/* the batch id of v[0] */
};

static uint32_t renumbered(uint32_t id, const void *data)
{
	const struct set_renumber *rn = data;
	unsigned int i;

	for (i = 0; i < rn->n; i++)
		if (nftnl_set_get_u32(rn->v[i], NFTNL_SET_ID) == id)
			return rn->first + i;
	return id;
}

/* NEWSETELEM messages, each as full as libnftnl's iterator makes it
 * (just under netlink's 64 KiB attribute), as iptables-nft sends them. */
static void put_elems(struct xtn_batch *b, struct xtn_nl *nl,
		      struct nftnl_set *s, uint8_t family, const char *name,
		      uint32_t line)
{
	struct nftnl_set_elems_iter *it;
	struct nlmsghdr *nlh;
	int more = 1;

	it = nftnl_set_elems_iter_create(s);
	if (!it)
		abort();
	while (more > 0 && nftnl_set_elems_iter_cur(it)) {
		uint32_t seq = xtn_nl_next_seq(nl);

		nlh = nftnl_nlmsg_build_hdr(nftnl_batch_buffer(b->b),
					    NFT_MSG_NEWSETELEM, family,
					    NLM_F_CREATE, seq);
		more = nftnl_set_elems_nlmsg_build_payload_iter(nlh, it);
		batch_update(b);
		note(b, seq, XTN_OBJ_SET_ADD, name, line);
	}
	nftnl_set_elems_iter_destroy(it);
}

static void put_set(struct xtn_batch *b, struct xtn_nl *nl,
		    struct nftnl_set *s, uint32_t line)
{
	uint8_t family = (uint8_t)nftnl_set_get_u32(s, NFTNL_SET_FAMILY);
	const char *name = nftnl_set_get_str(s, NFTNL_SET_NAME);
	uint32_t seq = xtn_nl_next_seq(nl);
	struct nlmsghdr *nlh;

	nlh = nftnl_nlmsg_build_hdr(nftnl_batch_buffer(b->b), NFT_MSG_NEWSET,
				    family, NLM_F_CREATE, seq);
	nftnl_set_nlmsg_build_payload(nlh, s);
	if (b->verbose > 1) {
		char buf[512];

		nftnl_set_snprintf(buf, sizeof(buf), s, NFTNL_OUTPUT_DEFAULT, 0);
		debug_msg(b, buf, nlh);
	}
	batch_update(b);
	note(b, seq, XTN_OBJ_SET_ADD, name, line);
	put_elems(b, nl, s, family, name, line);
}

int xtn_batch_anon_sets(struct xtn_batch *b, struct xtn_nl *nl,
			struct nftnl_set *const *sets, unsigned int n,
			struct xtn_wire_rule *r, uint32_t line)
{
	struct set_renumber rn = { sets, n, b->next_set_id };
	unsigned int i;

	for (i = 0; i < n; i++)
		if (refuse_name(b, XTN_OBJ_SET_ADD,
				nftnl_set_get_str(sets[i], NFTNL_SET_TABLE),
				line) < 0)
			return -1;
	if (n == 0)
		return 0;
	batch_open(b, nl);
	xtn_wire_map_lookup_ids(r, renumbered, &rn);
	for (i = 0; i < n; i++) {
		nftnl_set_set_u32(sets[i], NFTNL_SET_ID, b->next_set_id++);
		put_set(b, nl, sets[i], line);
	}
	return 0;
}

static const char *const op_names[XTN_OBJ_SET_ADD + 1] = {
	[XTN_OBJ_TABLE_ADD] = "TABLE_ADD",
	[XTN_OBJ_TABLE_FLUSH] = "TABLE_FLUSH",
	[XTN_OBJ_CHAIN_ADD] = "CHAIN_ADD",
	[XTN_OBJ_CHAIN_USER_ADD] = "CHAIN_USER_ADD",
	[XTN_OBJ_CHAIN_DEL] = "CHAIN_DEL",
	[XTN_OBJ_CHAIN_USER_FLUSH] = "CHAIN_USER_FLUSH",
	[XTN_OBJ_CHAIN_UPDATE] = "CHAIN_UPDATE",
	[XTN_OBJ_CHAIN_RENAME] = "CHAIN_RENAME",
	[XTN_OBJ_CHAIN_ZERO] = "CHAIN_ZERO",
	[XTN_OBJ_RULE_APPEND] = "RULE_APPEND",
	[XTN_OBJ_RULE_INSERT] = "RULE_INSERT",
	[XTN_OBJ_RULE_REPLACE] = "RULE_REPLACE",
	[XTN_OBJ_RULE_DELETE] = "RULE_DELETE",
	[XTN_OBJ_RULE_FLUSH] = "RULE_FLUSH",
	[XTN_OBJ_SET_ADD] = "SET_ADD",
};

static const char *op_name(enum xtn_obj_op op)
{
	return op_names[op];
}

static const char *obj_kind(enum xtn_obj_op op)
{
	switch (op) {
	case XTN_OBJ_TABLE_ADD:
	case XTN_OBJ_TABLE_FLUSH:
		return "table";
	case XTN_OBJ_RULE_APPEND:
	case XTN_OBJ_RULE_INSERT:
	case XTN_OBJ_RULE_REPLACE:
	case XTN_OBJ_RULE_DELETE:
		return "rule in chain";
	case XTN_OBJ_SET_ADD:
		return "set";
	default:
		return "chain";
	}
}

static int cmp_seq(const void *key, const void *obj)
{
	uint32_t a = *(const uint32_t *)key;
	uint32_t b = ((const struct xtn_batch_obj *)obj)->seq;

	return a < b ? -1 : a > b;
}

/* Sequence numbers grow with the batch. */
static const struct xtn_batch_obj *find_obj(const struct xtn_batch *b,
					    uint32_t seq)
{
	return bsearch(&seq, b->objs, b->n_objs, sizeof(*b->objs), cmp_seq);
}

struct commit_ctx {
	const struct xtn_batch *b;
	struct xtn_diag *d;
	const struct iovec *iov;	/* the batch as sent */
	int n_iov;
	/* where the last sent_msg() search stopped: errors come in order */
	int cur_iov;
	const struct nlmsghdr *cur;
	int cur_len;
	bool restart;
	bool failed;
};

/* The sent message with this sequence number.  The kernel reports in
 * batch order, so the search resumes where the last one stopped: mapping
 * 100k errors stays linear. */
static const struct nlmsghdr *sent_msg(struct commit_ctx *cc, uint32_t seq)
{
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (; cc->cur_iov < cc->n_iov; cc->cur_iov++, cc->cur = NULL) {
			if (!cc->cur) {
				cc->cur = cc->iov[cc->cur_iov].iov_base;
				cc->cur_len = (int)cc->iov[cc->cur_iov].iov_len;
			}
			for (; mnl_nlmsg_ok(cc->cur, cc->cur_len);
			     cc->cur = mnl_nlmsg_next(cc->cur, &cc->cur_len))
				if (cc->cur->nlmsg_seq == seq)
					return cc->cur;
		}
		cc->cur_iov = 0;	/* out of order after all: once more */
		cc->cur = NULL;
	}
	return NULL;
}

/* Which expression of a NEWRULE holds byte `off` of the message (-1:
 * none). */
static int expr_at(const struct nlmsghdr *msg, int64_t off)
{
	const struct nlattr *a, *e;
	int i = 0;

	if (NFNL_MSG_TYPE(msg->nlmsg_type) != NFT_MSG_NEWRULE)
		return -1;
	mnl_attr_for_each(a, msg, sizeof(struct nfgenmsg)) {
		if (mnl_attr_get_type(a) != NFTA_RULE_EXPRESSIONS)
			continue;
		mnl_attr_for_each_nested(e, a) {
			int64_t start = (const char *)e - (const char *)msg;

			if (off >= start && off < start + e->nla_len)
				return i;
			i++;
		}
	}
	return -1;
}

/* NLMSGERR_ATTR_OFFS / _MSG: where in the request and why the kernel
 * refused, when it says (*off stays -1, *kmsg NULL otherwise). */
static void ext_ack(const struct nlmsghdr *nlh, int64_t *off, const char **kmsg)
{
	const struct nlattr *a;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	mnl_attr_for_each(a, nlh, sizeof(struct nlmsgerr)) {
		if (mnl_attr_get_type(a) == NLMSGERR_ATTR_OFFS)
			*off = mnl_attr_get_u32(a);
		else if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
			*kmsg = mnl_attr_get_str(a);
	}
}

static void on_error(struct commit_ctx *cc, const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	const struct xtn_batch_obj *o;
	const struct nlmsghdr *msg;
	const char *kmsg = NULL;
	int e = -err->error, at = -1;
	int64_t off = -1;

	if (err->error == 0)
		return;
	if (e == ERESTART) {
		cc->restart = true;
		return;
	}
	cc->failed = true;
	o = find_obj(cc->b, nlh->nlmsg_seq);
	if (!o) {
		xtn_diag_add_kerr(cc->d, 0, "BATCH failed (%s)", strerror(e));
		return;
	}
	ext_ack(nlh, &off, &kmsg);
	msg = sent_msg(cc, nlh->nlmsg_seq);
	at = msg ? expr_at(msg, off) : -1;
	if (e == EOPNOTSUPP && cc->b->eopnotsupp_hint &&
	    strcmp(obj_kind(o->op), "rule in chain") == 0)
		xtn_warn(cc->d, "%s", cc->b->eopnotsupp_hint);
	xtn_diag_add_kerr(cc->d, o->line, "%s failed (%s): %s %s",
			  op_name(o->op), strerror(e), obj_kind(o->op), o->name);
	xtn_diag_kerr_locate(cc->d, at >= 0 && (unsigned int)at < o->n_locs ?
				    &o->locs[at] : NULL, kmsg);
}

static void drain(struct xtn_nl *nl, struct commit_ctx *cc)
{
	for (;;) {
		ssize_t n = nl->t->recv(nl->t, nl->rbuf, nl->rbuf_len, 0);
		const struct nlmsghdr *nlh;
		int len;

		if (n < 0 && errno != EAGAIN) {
			/* the socket overflowed with error reports (ENOBUFS):
			 * some message failed, so the batch did not apply */
			cc->failed = true;
			xtn_diag_add_kerr(cc->d, 0, "BATCH failed (%s): the kernel's error reports were lost",
					  strerror(errno));
			return;
		}
		if (n <= 0)
			return;
		len = (int)n;
		for (nlh = (const struct nlmsghdr *)nl->rbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len))
			if (nlh->nlmsg_type == NLMSG_ERROR)
				on_error(cc, nlh);
	}
}

/* BATCH_BEGIN, with the generation id when the batch was built from what
 * was read (the kernel then refuses it with ERESTART if anything changed). */
static void put_begin(const struct xtn_batch *b, char *buf, bool check_genid)
{
	struct nlmsghdr *nlh = nftnl_batch_begin(buf, b->begin_seq);

	if (check_genid)
		mnl_attr_put_u32(nlh, NFNL_BATCH_GENID, htonl(b->genid));
}

enum xtn_commit_result xtn_batch_commit(struct xtn_batch *b, struct xtn_nl *nl,
					struct xtn_diag *d, bool check_genid)
{
	struct commit_ctx cc = { .b = b, .d = d };
	char begin[MNL_NLMSG_HDRLEN + 64] = { 0 };
	struct iovec *iov;
	int n_iov;

	put_begin(b, begin, check_genid);
	nftnl_batch_end(nftnl_batch_buffer(b->b), xtn_nl_next_seq(nl));
	batch_update(b);
	n_iov = nftnl_batch_iovec_len(b->b) + 1;
	iov = xtn_xmalloc((size_t)n_iov * sizeof(*iov));
	iov[0].iov_base = begin;
	iov[0].iov_len = ((struct nlmsghdr *)begin)->nlmsg_len;
	nftnl_batch_iovec(b->b, iov + 1, (uint32_t)n_iov - 1);
	if (nl->t->reserve)
		nl->t->reserve(nl->t, (size_t)n_iov * BATCH_PAGE_SIZE,
			       (size_t)getpagesize() * (b->n_msgs + 2));
	if (nl->t->send(nl->t, iov, (size_t)n_iov) < 0) {
		int err = errno;

		free(iov);
		xtn_fail(d, XTN_RESOURCE, NULL, "Could not send the batch: %s",
			 strerror(err));
		return XTN_COMMIT_FAILED;
	}
	/* the kernel answered while processing sendmsg: collect failures */
	cc.iov = iov;
	cc.n_iov = n_iov;
	drain(nl, &cc);
	free(iov);
	if (cc.restart && !cc.failed)
		return XTN_COMMIT_RESTART;
	if (cc.failed || cc.restart)
		return XTN_COMMIT_FAILED;
	return XTN_COMMIT_OK;
}
