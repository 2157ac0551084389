/* Requests and dumps over the transport, parsed with libmnl/libnftnl. */
#include <netinet/in.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/gen.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <libnftnl/table.h>
#include <xtnft/nl.h>
#include <xtnft/util.h>

#define RBUF_LEN (64 * 1024)
#define REQ_BUF_LEN 8192	/* one request message */

void xtn_nl_hexdump(struct xtn_strbuf *out, const struct nlmsghdr *nlh)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return;
	mnl_nlmsg_fprintf(f, nlh, nlh->nlmsg_len, sizeof(struct nfgenmsg));
	fclose(f);
	xtn_strbuf_put(out, text, len);
	free(text);
}

void xtn_nl_init(struct xtn_nl *nl, struct xtn_transport *t)
{
	nl->t = t;
	nl->seq = 1;
	nl->rbuf_len = RBUF_LEN;
	nl->rbuf = xtn_xmalloc(nl->rbuf_len);
}

void xtn_nl_fini(struct xtn_nl *nl)
{
	free(nl->rbuf);
	nl->rbuf = NULL;
}

uint32_t xtn_nl_next_seq(struct xtn_nl *nl)
{
	return nl->seq++;
}

/* Requests use sequence 0 like iptables; batches number from 1. */
static uint32_t req_seq(struct xtn_nl *nl)
{
	(void)nl;
	return 0;
}

/* Requests are built in a REQ_BUF_LEN stack buffer: only names the kernel
 * could hold (NFT_NAME_MAXLEN) go in, so one always fits. */
static bool names_ok(const char *a, const char *b)
{
	if ((a && strlen(a) >= XTN_NAME_MAXLEN) ||
	    (b && strlen(b) >= XTN_NAME_MAXLEN)) {
		errno = ENAMETOOLONG;
		return false;
	}
	return true;
}

struct talk_ctx {
	xtn_nl_cb cb;
	void *data;
	int cb_err;
};

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct talk_ctx *tc = data;
	int ret;

	if (!tc->cb)
		return MNL_CB_OK;
	ret = tc->cb(nlh, tc->data);
	if (ret < 0) {
		tc->cb_err = errno ? errno : EINVAL;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

int xtn_nl_talk(struct xtn_nl *nl, struct nlmsghdr *req, xtn_nl_cb cb,
		void *data)
{
	struct talk_ctx tc = { .cb = cb, .data = data };
	struct iovec iov = { .iov_base = req, .iov_len = req->nlmsg_len };
	uint32_t seq = req->nlmsg_seq;
	ssize_t n;
	int ret;

	if (nl->t->send(nl->t, &iov, 1) < 0)
		return -1;
	for (;;) {
		n = nl->t->recv(nl->t, nl->rbuf, nl->rbuf_len, -1);
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		ret = mnl_cb_run(nl->rbuf, (size_t)n, seq, 0, data_cb, &tc);
		if (ret == MNL_CB_STOP)
			return 0;
		if (ret < 0) {
			if (tc.cb_err)
				errno = tc.cb_err;
			return -1;
		}
		/* a plain request is answered by one message, then ACK/error */
		if (!(req->nlmsg_flags & NLM_F_DUMP) && !(req->nlmsg_flags & NLM_F_ACK))
			return 0;
	}
}

static int gen_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nftnl_gen *gen = nftnl_gen_alloc();
	int ret = -1;

	if (gen && nftnl_gen_nlmsg_parse(nlh, gen) == 0) {
		*(uint32_t *)data = nftnl_gen_get_u32(gen, NFTNL_GEN_ID);
		ret = 0;
	}
	nftnl_gen_free(gen);
	return ret;
}

int xtn_nl_genid(struct xtn_nl *nl, uint32_t *genid)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct nlmsghdr *nlh;

	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETGEN, AF_UNSPEC, 0,
				    req_seq(nl));
	return xtn_nl_talk(nl, nlh, gen_cb, genid);
}

static int chain_get_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nftnl_chain **out = data;
	struct nftnl_chain *c = nftnl_chain_alloc();

	if (!c || nftnl_chain_nlmsg_parse(nlh, c) < 0) {
		if (c)
			nftnl_chain_free(c);
		return -1;
	}
	if (*out)
		nftnl_chain_free(*out);
	*out = c;
	return 0;
}

int xtn_nl_get_chain(struct xtn_nl *nl, uint8_t family, const char *table,
		     const char *chain, struct nftnl_chain **out)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct nftnl_chain *c;
	struct nlmsghdr *nlh;

	*out = NULL;
	if (!names_ok(table, chain))
		return -1;
	c = nftnl_chain_alloc();
	nftnl_chain_set_str(c, NFTNL_CHAIN_TABLE, table);
	nftnl_chain_set_str(c, NFTNL_CHAIN_NAME, chain);
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETCHAIN, family, NLM_F_ACK,
				    req_seq(nl));
	nftnl_chain_nlmsg_build_payload(nlh, c);
	nftnl_chain_free(c);
	if (xtn_nl_talk(nl, nlh, chain_get_cb, out) < 0) {
		int err = errno;

		if (*out)
			nftnl_chain_free(*out);
		*out = NULL;
		errno = err;
		return -1;
	}
	return 0;
}

struct table_dump {
	int (*cb)(const char *name, void *data);
	void *data;
};

static int table_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct table_dump *td = data;
	struct nftnl_table *t = nftnl_table_alloc();
	int ret = -1;

	if (t && nftnl_table_nlmsg_parse(nlh, t) == 0)
		ret = td->cb(nftnl_table_get_str(t, NFTNL_TABLE_NAME), td->data);
	nftnl_table_free(t);
	return ret;
}

int xtn_nl_dump_tables(struct xtn_nl *nl, uint8_t family,
		       int (*cb)(const char *name, void *data), void *data)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct table_dump td = { cb, data };
	struct nlmsghdr *nlh;

	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETTABLE, family, NLM_F_DUMP,
				    req_seq(nl));
	return xtn_nl_talk(nl, nlh, table_dump_cb, &td);
}

struct chain_dump {
	int (*cb)(struct nftnl_chain *c, void *data);
	void *data;
	const char *table;
};

static int chain_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct chain_dump *cd = data;
	struct nftnl_chain *c = nftnl_chain_alloc();
	int ret = -1;

	if (c && nftnl_chain_nlmsg_parse(nlh, c) == 0) {
		ret = 0;
		/* older kernels ignore the table filter on dumps */
		if (!cd->table ||
		    strcmp(nftnl_chain_get_str(c, NFTNL_CHAIN_TABLE), cd->table) == 0)
			ret = cd->cb(c, cd->data);
	}
	nftnl_chain_free(c);
	return ret;
}

int xtn_nl_dump_chains(struct xtn_nl *nl, uint8_t family, const char *table,
		       int (*cb)(struct nftnl_chain *c, void *data), void *data)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct chain_dump cd = { cb, data, table };
	struct nftnl_chain *c;
	struct nlmsghdr *nlh;

	if (!names_ok(table, NULL))
		return -1;
	c = nftnl_chain_alloc();
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETCHAIN, family, NLM_F_DUMP,
				    req_seq(nl));
	if (table) {
		nftnl_chain_set_str(c, NFTNL_CHAIN_TABLE, table);
		nftnl_chain_nlmsg_build_payload(nlh, c);
	}
	nftnl_chain_free(c);
	return xtn_nl_talk(nl, nlh, chain_dump_cb, &cd);
}

struct rule_dump {
	int (*cb)(const struct nlmsghdr *nlh, void *data);
	void *data;
};

static int rule_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct rule_dump *rd = data;

	/* read in place by whoever needs what: no rule object per message */
	return rd->cb ? rd->cb(nlh, rd->data) : 0;
}

int xtn_nl_dump_rules(struct xtn_nl *nl, uint8_t family, const char *table,
		      const char *chain,
		      int (*cb)(const struct nlmsghdr *nlh, void *data),
		      void *data)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct rule_dump rd = { cb, data };
	struct nftnl_rule *r;
	struct nlmsghdr *nlh;

	if (!names_ok(table, chain))
		return -1;
	r = nftnl_rule_alloc();
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETRULE, family, NLM_F_DUMP,
				    req_seq(nl));
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, table);
	if (chain)
		nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chain);
	nftnl_rule_nlmsg_build_payload(nlh, r);
	nftnl_rule_free(r);
	return xtn_nl_talk(nl, nlh, rule_dump_cb, &rd);
}

static int table_get_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	*(bool *)data = true;
	return 0;
}

int xtn_nl_table_exists(struct xtn_nl *nl, uint8_t family, const char *table,
			bool *exists)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct nftnl_table *t;
	struct nlmsghdr *nlh;

	*exists = false;
	if (!names_ok(table, NULL))
		return -1;
	t = nftnl_table_alloc();
	nftnl_table_set_str(t, NFTNL_TABLE_NAME, table);
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETTABLE, family, NLM_F_ACK,
				    req_seq(nl));
	nftnl_table_nlmsg_build_payload(nlh, t);
	nftnl_table_free(t);
	if (xtn_nl_talk(nl, nlh, table_get_cb, exists) < 0) {
		if (errno == ENOENT)
			return 0;
		return -1;
	}
	return 0;
}

struct set_dump {
	int (*cb)(struct nftnl_set *s, void *data);
	void *data;
	const char *table;
};

static int set_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct set_dump *sd = data;
	struct nftnl_set *s = nftnl_set_alloc();
	int ret = -1;

	if (s && nftnl_set_nlmsg_parse(nlh, s) == 0) {
		/* the callback takes the set */
		if (strcmp(nftnl_set_get_str(s, NFTNL_SET_TABLE), sd->table) != 0)
			ret = 0;
		else if ((ret = sd->cb(s, sd->data)) == 0)
			return 0;
	}
	nftnl_set_free(s);
	return ret;
}

int xtn_nl_dump_sets(struct xtn_nl *nl, uint8_t family, const char *table,
		     int (*cb)(struct nftnl_set *s, void *data), void *data)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct set_dump sd = { cb, data, table };
	struct nftnl_set *s;
	struct nlmsghdr *nlh;

	if (!names_ok(table, NULL))
		return -1;
	s = nftnl_set_alloc();
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETSET, family, NLM_F_DUMP,
				    req_seq(nl));
	nftnl_set_set_str(s, NFTNL_SET_TABLE, table);
	nftnl_set_nlmsg_build_payload(nlh, s);
	nftnl_set_free(s);
	return xtn_nl_talk(nl, nlh, set_dump_cb, &sd);
}

static int elems_cb(const struct nlmsghdr *nlh, void *data)
{
	return nftnl_set_elems_nlmsg_parse(nlh, data) < 0 ? -1 : 0;
}

int xtn_nl_get_set_elems(struct xtn_nl *nl, uint8_t family,
			 struct nftnl_set *s)
{
	char buf[REQ_BUF_LEN] = { 0 };	/* no stale padding to the kernel */
	struct nftnl_set *req;
	struct nlmsghdr *nlh;

	if (!names_ok(nftnl_set_get_str(s, NFTNL_SET_TABLE),
		      nftnl_set_get_str(s, NFTNL_SET_NAME)))
		return -1;
	req = nftnl_set_alloc();
	nftnl_set_set_str(req, NFTNL_SET_TABLE,
			  nftnl_set_get_str(s, NFTNL_SET_TABLE));
	nftnl_set_set_str(req, NFTNL_SET_NAME,
			  nftnl_set_get_str(s, NFTNL_SET_NAME));
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETSETELEM, family,
				    NLM_F_DUMP, req_seq(nl));
	nftnl_set_elems_nlmsg_build_payload(nlh, req);
	nftnl_set_free(req);
	return xtn_nl_talk(nl, nlh, elems_cb, s);
}
