/*
 * The fake kernel: it answers GETGEN, GETTABLE, GETCHAIN and GETRULE from a
 * small script, records every message, and replies to batches with the
 * scripted failures (ERESTART for a generation clash, or an errno for one
 * message type), the way nfnetlink does: only failures are answered.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <libnftnl/table.h>
#include <xtnft/codec.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include "fake-kernel.h"

static void *put(struct fake_kernel *fk, size_t len)
{
	void *p = fk->reply + fk->reply_len;

	fk->reply_len += MNL_ALIGN(len);
	return p;
}

static void reply_error(struct fake_kernel *fk, const struct nlmsghdr *req,
			int err)
{
	struct nlmsghdr *nlh = put(fk, NLMSG_HDRLEN + sizeof(struct nlmsgerr));
	struct nlmsgerr *e = (struct nlmsgerr *)NLMSG_DATA(nlh);

	nlh->nlmsg_len = NLMSG_HDRLEN + sizeof(*e);
	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = 0;
	nlh->nlmsg_seq = req->nlmsg_seq;
	nlh->nlmsg_pid = 0;
	e->error = -err;
	e->msg = *req;
}

/* Byte offset of a NEWRULE's expression `idx`, as ext-ack reports it. */
static int64_t expr_offset(const struct nlmsghdr *req, int idx)
{
	const struct nlattr *a, *e;

	mnl_attr_for_each(a, req, sizeof(struct nfgenmsg)) {
		if (mnl_attr_get_type(a) != NFTA_RULE_EXPRESSIONS)
			continue;
		mnl_attr_for_each_nested(e, a)
			if (idx-- == 0)
				return (const char *)e - (const char *)req;
	}
	return -1;
}

/* An error with extended-ack TLVs, the way a kernel with ext-ack does it. */
static void reply_error_ack(struct fake_kernel *fk, const struct nlmsghdr *req,
			    int err)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)(fk->reply + fk->reply_len);
	int64_t off = fk->fail_expr >= 0 ? expr_offset(req, fk->fail_expr) : -1;

	reply_error(fk, req, err);
	nlh->nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
	fk->reply_len -= MNL_ALIGN(nlh->nlmsg_len);
	if (fk->fail_msg)
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, fk->fail_msg);
	if (off >= 0)
		mnl_attr_put_u32(nlh, NLMSGERR_ATTR_OFFS, (uint32_t)off);
	fk->reply_len += MNL_ALIGN(nlh->nlmsg_len);
}

static void reply_done(struct fake_kernel *fk, const struct nlmsghdr *req)
{
	struct nlmsghdr *nlh = put(fk, NLMSG_HDRLEN + 4);

	nlh->nlmsg_len = NLMSG_HDRLEN + 4;
	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_MULTI;
	nlh->nlmsg_seq = req->nlmsg_seq;
	nlh->nlmsg_pid = 0;
	memset(NLMSG_DATA(nlh), 0, 4);
}

static void reply_gen(struct fake_kernel *fk, const struct nlmsghdr *req)
{
	char *buf = fk->reply + fk->reply_len;
	struct nlmsghdr *nlh;

	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWGEN, AF_UNSPEC, 0,
				    req->nlmsg_seq);
	mnl_attr_put_u32(nlh, NFTA_GEN_ID, htonl(fk->genid));
	fk->reply_len += MNL_ALIGN(nlh->nlmsg_len);
}

static const char *attr_str(const struct nlmsghdr *nlh, uint16_t type)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (mnl_attr_get_type(a) == type)
			return mnl_attr_get_str(a);
	return NULL;
}

static bool has_chain(const struct fake_kernel *fk, const char *name)
{
	unsigned int i;

	for (i = 0; i < FK_MAX_CHAINS && fk->chains[i]; i++)
		if (name && strcmp(fk->chains[i], name) == 0)
			return true;
	return false;
}

static void reply_chain(struct fake_kernel *fk, const struct nlmsghdr *req,
			const char *name)
{
	struct nftnl_chain *c = nftnl_chain_alloc();
	struct nlmsghdr *nlh;

	const struct xtn_chain_def *bi =
		xtn_table_builtin(xtn_family_table(fk->fam, "filter"), name);

	nftnl_chain_set_str(c, NFTNL_CHAIN_TABLE, "filter");
	nftnl_chain_set_str(c, NFTNL_CHAIN_NAME, name);
	nftnl_chain_set_u64(c, NFTNL_CHAIN_HANDLE, 1);
	nftnl_chain_set_u32(c, NFTNL_CHAIN_USE, fk->n_rules);
	if (bi) {
		nftnl_chain_set_u32(c, NFTNL_CHAIN_HOOKNUM, bi->hooknum);
		nftnl_chain_set_u32(c, NFTNL_CHAIN_PRIO, (uint32_t)bi->prio);
		nftnl_chain_set_str(c, NFTNL_CHAIN_TYPE, bi->type);
		nftnl_chain_set_u32(c, NFTNL_CHAIN_POLICY, 1);
	}
	nlh = nftnl_nlmsg_build_hdr(fk->reply + fk->reply_len, NFT_MSG_NEWCHAIN,
				    fk->fam->nfproto, 0, req->nlmsg_seq);
	nftnl_chain_nlmsg_build_payload(nlh, c);
	fk->reply_len += MNL_ALIGN(nlh->nlmsg_len);
	nftnl_chain_free(c);
	reply_error(fk, req, 0);	/* the ACK */
}

static void reply_table(struct fake_kernel *fk, const struct nlmsghdr *req)
{
	struct nftnl_table *t = nftnl_table_alloc();
	struct nlmsghdr *nlh;

	nftnl_table_set_str(t, NFTNL_TABLE_NAME, "filter");
	nlh = nftnl_nlmsg_build_hdr(fk->reply + fk->reply_len, NFT_MSG_NEWTABLE,
				    fk->fam->nfproto, 0, req->nlmsg_seq);
	nftnl_table_nlmsg_build_payload(nlh, t);
	fk->reply_len += MNL_ALIGN(nlh->nlmsg_len);
	nftnl_table_free(t);
	reply_error(fk, req, 0);	/* the ACK */
}

static void reply_rules(struct fake_kernel *fk, const struct nlmsghdr *req)
{
	unsigned int i;

	for (i = 0; i < fk->n_rules; i++) {
		const struct nlmsghdr *r = (const void *)fk->rule_msgs[i];
		struct nlmsghdr *nlh = put(fk, r->nlmsg_len);

		memcpy(nlh, r, r->nlmsg_len);
		nlh->nlmsg_seq = req->nlmsg_seq;
		nlh->nlmsg_flags = NLM_F_MULTI;
	}
	reply_done(fk, req);
}

/* The kernel's sets of "filter": one NEWSET per set (dump), or one
 * set's elements (GETSETELEM names it). */
static void reply_sets(struct fake_kernel *fk, const struct nlmsghdr *req)
{
	unsigned int i;

	for (i = 0; i < fk->n_sets; i++) {
		struct nlmsghdr *nlh = nftnl_nlmsg_build_hdr(fk->reply + fk->reply_len,
							     NFT_MSG_NEWSET,
							     fk->fam->nfproto,
							     NLM_F_MULTI,
							     req->nlmsg_seq);

		nftnl_set_nlmsg_build_payload(nlh, fk->sets[i]);
		fk->reply_len += MNL_ALIGN(nlh->nlmsg_len);
	}
	reply_done(fk, req);
}

/* As the kernel dumps them: each element an NFTA_LIST_ELEM (libnftnl's
 * builder numbers them instead, which its parser refuses). */
static void put_elems(struct nlmsghdr *nlh, struct nftnl_set *s)
{
	struct nftnl_set_elems_iter *it = nftnl_set_elems_iter_create(s);
	struct nftnl_set_elem *el;
	struct nlattr *list, *one;

	mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_TABLE,
			  nftnl_set_get_str(s, NFTNL_SET_TABLE));
	mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_SET,
			  nftnl_set_get_str(s, NFTNL_SET_NAME));
	list = mnl_attr_nest_start(nlh, NFTA_SET_ELEM_LIST_ELEMENTS);
	while ((el = nftnl_set_elems_iter_next(it))) {
		one = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
		nftnl_set_elem_nlmsg_build_payload(nlh, el);
		mnl_attr_nest_end(nlh, one);
	}
	mnl_attr_nest_end(nlh, list);
	nftnl_set_elems_iter_destroy(it);
}

static void reply_elems(struct fake_kernel *fk, const struct nlmsghdr *req)
{
	const char *name = attr_str(req, NFTA_SET_ELEM_LIST_SET);
	unsigned int i;

	for (i = 0; i < fk->n_sets; i++) {
		struct nlmsghdr *nlh;

		if (!name || strcmp(name, nftnl_set_get_str(fk->sets[i],
							    NFTNL_SET_NAME)))
			continue;
		nlh = nftnl_nlmsg_build_hdr(fk->reply + fk->reply_len,
					    NFT_MSG_NEWSETELEM, fk->fam->nfproto,
					    NLM_F_MULTI, req->nlmsg_seq);
		put_elems(nlh, fk->sets[i]);
		fk->reply_len += MNL_ALIGN(nlh->nlmsg_len);
		reply_done(fk, req);
		return;
	}
	reply_error(fk, req, ENOENT);
}

static int note_lookup(struct nftnl_expr *x, void *data)
{
	struct fk_msg *m = data;

	if (strcmp(nftnl_expr_get_str(x, NFTNL_EXPR_NAME), "lookup") == 0 &&
	    m->n_lookups < 4)
		m->lookup_ids[m->n_lookups++] =
			nftnl_expr_get_u32(x, NFTNL_EXPR_LOOKUP_SET_ID);
	return 0;
}

/* NEWSETELEM by hand: libnftnl numbers the elements' attributes 1, 2,
 * ... (the kernel does not look) and its own parser takes only 1. */
static void record_elems(struct fk_msg *m, const struct nlmsghdr *nlh)
{
	const struct nlattr *a, *el;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg)) {
		switch (mnl_attr_get_type(a)) {
		case NFTA_SET_ELEM_LIST_SET:
			snprintf(m->set, sizeof(m->set), "%s", mnl_attr_get_str(a));
			break;
		case NFTA_SET_ELEM_LIST_SET_ID:
			m->set_id = ntohl(mnl_attr_get_u32(a));
			break;
		case NFTA_SET_ELEM_LIST_ELEMENTS:
			mnl_attr_for_each_nested(el, a)
				m->n_elems++;
			break;
		}
	}
}

/* What a set or rule message says about sets. */
static void record_sets(struct fk_msg *m, const struct nlmsghdr *nlh)
{
	struct nftnl_set *s;
	struct nftnl_rule *r;

	switch (m->type) {
	case NFT_MSG_NEWSET:
		s = nftnl_set_alloc();
		if (nftnl_set_nlmsg_parse(nlh, s) < 0)
			abort();
		snprintf(m->set, sizeof(m->set), "%s",
			 nftnl_set_get_str(s, NFTNL_SET_NAME));
		m->set_id = nftnl_set_get_u32(s, NFTNL_SET_ID);
		m->set_flags = nftnl_set_get_u32(s, NFTNL_SET_FLAGS);
		m->key_type = nftnl_set_get_u32(s, NFTNL_SET_KEY_TYPE);
		m->key_len = nftnl_set_get_u32(s, NFTNL_SET_KEY_LEN);
		m->n_elems = nftnl_set_get_u32(s, NFTNL_SET_DESC_SIZE);
		nftnl_set_free(s);
		break;
	case NFT_MSG_NEWSETELEM:
		record_elems(m, nlh);
		break;
	case NFT_MSG_NEWRULE:
		r = nftnl_rule_alloc();
		if (nftnl_rule_nlmsg_parse(nlh, r) < 0)
			abort();
		nftnl_expr_foreach(r, note_lookup, m);
		nftnl_rule_free(r);
		break;
	}
}

static void record(struct fake_kernel *fk, const struct nlmsghdr *nlh,
		   bool batch)
{
	struct fk_msg *m;
	const char *name;

	if (fk->n_msgs == FK_MAX_MSGS)
		return;
	m = &fk->msgs[fk->n_msgs++];
	memset(m, 0, sizeof(*m));
	m->type = NFNL_MSG_TYPE(nlh->nlmsg_type);
	m->flags = nlh->nlmsg_flags;
	m->seq = nlh->nlmsg_seq;
	m->batch = batch;
	name = attr_str(nlh, m->type == NFT_MSG_NEWRULE || m->type == NFT_MSG_DELRULE ||
			     m->type == NFT_MSG_GETRULE ?
			     NFTA_RULE_CHAIN : NFTA_CHAIN_NAME);
	if (name)
		snprintf(m->chain, sizeof(m->chain), "%s", name);
	if (batch)
		record_sets(m, nlh);
}

static void on_request(struct fake_kernel *fk, const struct nlmsghdr *nlh)
{
	record(fk, nlh, false);
	switch (NFNL_MSG_TYPE(nlh->nlmsg_type)) {
	case NFT_MSG_GETGEN:
		reply_gen(fk, nlh);
		break;
	case NFT_MSG_GETTABLE:
		if (fk->table_exists)
			reply_table(fk, nlh);
		else
			reply_error(fk, nlh, ENOENT);
		break;
	case NFT_MSG_GETCHAIN:
		if (has_chain(fk, attr_str(nlh, NFTA_CHAIN_NAME)))
			reply_chain(fk, nlh, attr_str(nlh, NFTA_CHAIN_NAME));
		else
			reply_error(fk, nlh, ENOENT);
		break;
	case NFT_MSG_GETRULE:
		reply_rules(fk, nlh);
		break;
	case NFT_MSG_GETSET:
		reply_sets(fk, nlh);
		break;
	case NFT_MSG_GETSETELEM:
		reply_elems(fk, nlh);
		break;
	default:
		reply_error(fk, nlh, EOPNOTSUPP);
	}
}

static void on_batch(struct fake_kernel *fk, const char *buf, size_t len)
{
	const struct nlmsghdr *nlh = (const void *)buf;
	int rest = (int)len;

	fk->n_batches++;
	for (; mnl_nlmsg_ok(nlh, rest); nlh = mnl_nlmsg_next(nlh, &rest)) {
		record(fk, nlh, true);
		if (nlh->nlmsg_type == NFNL_MSG_BATCH_BEGIN) {
			const struct nlattr *a = (const void *)((const char *)NLMSG_DATA(nlh) +
						 sizeof(struct nfgenmsg));
			struct fk_msg *m = &fk->msgs[fk->n_msgs - 1];

			/* like nfnetlink: only a batch that carries the
			 * generation id can meet a clash */
			m->has_genid = nlh->nlmsg_len > NLMSG_HDRLEN +
						       sizeof(struct nfgenmsg);
			m->genid = m->has_genid ? ntohl(mnl_attr_get_u32(a)) : 0;
			if (m->has_genid && fk->restart_batches > 0) {
				fk->restart_batches--;
				reply_error(fk, nlh, ERESTART);
				fk->genid++;
				return;
			}
			continue;
		}
		if (fk->fail_type && NFNL_MSG_TYPE(nlh->nlmsg_type) == fk->fail_type)
			reply_error_ack(fk, nlh, fk->fail_errno);
	}
}

static int fk_send(struct xtn_transport *t, const struct iovec *iov,
		   size_t n_iov)
{
	struct fake_kernel *fk = t->priv;
	char *buf;
	size_t len = 0, i;

	for (i = 0; i < n_iov; i++)
		len += iov[i].iov_len;
	buf = xtn_xmalloc(len);
	len = 0;
	for (i = 0; i < n_iov; i++) {
		memcpy(buf + len, iov[i].iov_base, iov[i].iov_len);
		len += iov[i].iov_len;
	}
	if (((struct nlmsghdr *)buf)->nlmsg_type == NFNL_MSG_BATCH_BEGIN)
		on_batch(fk, buf, len);
	else
		on_request(fk, (struct nlmsghdr *)buf);
	free(buf);
	return 0;
}

static ssize_t fk_recv(struct xtn_transport *t, void *buf, size_t len,
		       int timeout_ms)
{
	struct fake_kernel *fk = t->priv;
	size_t n = fk->reply_len < len ? fk->reply_len : len;

	(void)timeout_ms;
	if (!n)
		return 0;
	memcpy(buf, fk->reply, n);
	memmove(fk->reply, fk->reply + n, fk->reply_len - n);
	fk->reply_len -= n;
	return (ssize_t)n;
}

static void fk_close(struct xtn_transport *t)
{
	(void)t;
}

void fk_init(struct fake_kernel *fk)
{
	memset(fk, 0, sizeof(*fk));
	fk->fam = &xtn_family_ipv4;
	fk->genid = 7;
	fk->fail_expr = -1;
	fk->t.send = fk_send;
	fk->t.recv = fk_recv;
	fk->t.close = fk_close;
	fk->t.priv = fk;
}

void fk_fini(struct fake_kernel *fk)
{
	unsigned int i;

	for (i = 0; i < fk->n_rules; i++)
		free(fk->rule_msgs[i]);
	for (i = 0; i < fk->n_sets; i++)
		nftnl_set_free(fk->sets[i]);
}

/* "TOOL -A INPUT <args>" with the family's tool, encoded; its sets
 * (if any) go to sets. */
static struct nftnl_rule *encode_rule(const struct xtn_family *fam,
				      const char *args, struct xtn_sets *sets)
{
	struct xtn_parse_opts po = { .prog = fam->dialect->name };
	struct xtn_words w = { 0 };
	struct xtn_strbuf out;
	struct xtn_cmd *cmd = NULL;
	struct nftnl_rule *nr;
	struct xtn_rule *r;
	struct xtn_ctx ctx;

	xtn_ctx_init(&ctx, fam);
	ctx.resolver = &xtn_resolver_none;
	xtn_strbuf_init(&out);
	xtn_words_add(&w, fam->dialect->name);
	xtn_words_add(&w, "-A");
	xtn_words_add(&w, "INPUT");
	xtn_restore_split(args, &w, &ctx.diag, 0);
	if (fam->dialect->parse(&ctx, w.n, w.v, &po, &cmd, &out) != XTN_PARSED_CMD)
		abort();
	r = xtn_cmd_rule_at(cmd, 0);
	nr = xtn_codec_encode_sets(r, "filter", "INPUT", &ctx.diag, sets,
				   NULL, NULL);
	if (!nr)
		abort();
	xtn_rule_free(r);
	xtn_cmd_free(cmd);
	xtn_words_fini(&w);
	xtn_strbuf_fini(&out);
	xtn_ctx_fini(&ctx);
	return nr;
}

struct nftnl_rule *fk_encode_rule(const char *args)
{
	return encode_rule(&xtn_family_ipv4, args, NULL);
}

/* The kernel names each "__set%d" __set0, __set1...: in the rule's
 * message each lookup's name (made in the order of its sets) becomes its
 * set's, in place (libnftnl would leak the name it replaces). */
static void name_lookups(char *msg, size_t len, struct xtn_sets *sets)
{
	static const char tmpl[] = "__set%d";
	unsigned int k = 0;
	char *p = msg;

	while ((p = memmem(p, len - (size_t)(p - msg), tmpl, sizeof(tmpl))) &&
	       k < sets->n) {
		const char *name = nftnl_set_get_str(sets->v[k++], NFTNL_SET_NAME);

		memset(p, 0, sizeof(tmpl));
		memcpy(p, name, strlen(name));
		p += sizeof(tmpl);
	}
}

void fk_add_rule(struct fake_kernel *fk, const char *args, uint64_t handle)
{
	struct xtn_sets sets;
	struct nftnl_rule *nr;
	struct nlmsghdr *nlh;
	unsigned int i;
	char *buf, name[32];

	xtn_sets_init(&sets);
	nr = encode_rule(fk->fam, args, &sets);
	for (i = 0; i < sets.n; i++) {
		snprintf(name, sizeof(name), "__set%u", fk->set_seq++);
		nftnl_set_set_str(sets.v[i], NFTNL_SET_NAME, name);
	}
	nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, handle);
	buf = xtn_xzalloc(8192);
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE, fk->fam->nfproto, 0, 0);
	nftnl_rule_nlmsg_build_payload(nlh, nr);
	name_lookups(buf, nlh->nlmsg_len, &sets);
	fk->rule_msgs[fk->n_rules++] = buf;
	nftnl_rule_free(nr);
	for (i = 0; i < sets.n; i++) {
		if (fk->n_sets == FK_MAX_SETS)
			abort();
		fk->sets[fk->n_sets++] = sets.v[i];
	}
	sets.n = 0;	/* the kernel has them now */
	xtn_sets_fini(&sets);
}

unsigned int fk_count(const struct fake_kernel *fk, uint16_t type, bool batch)
{
	unsigned int i, n = 0;

	for (i = 0; i < fk->n_msgs; i++)
		if (fk->msgs[i].type == type && fk->msgs[i].batch == batch)
			n++;
	return n;
}
