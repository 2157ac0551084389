/*
 * A rule in the form NEWRULE carries it.  The encoder writes each
 * expression's netlink attributes here directly, in the order libnftnl
 * builds them (so the batch holds the bytes iptables-nft 1.8.9 sends),
 * and the batch copies them: no libnftnl object per expression on the
 * way from a restore line to the kernel.
 */
#include <endian.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/util.h>
#include "wire.h"

void xtn_wire_init(struct xtn_wire_rule *w)
{
	memset(w, 0, sizeof(*w));
	xtn_strbuf_init(&w->exprs);
}

void xtn_wire_fini(struct xtn_wire_rule *w)
{
	xtn_strbuf_fini(&w->exprs);
	free(w->lookup_at);
	xtn_wire_init(w);
}

/* ---- attributes, as libmnl lays them out (4-byte aligned, zero pad) */

/* An attribute's header and payload, the payload zero-extended to size
 * and padded: one capacity check, no call per piece (a restore writes
 * some 80 attributes a rule). */
size_t xw_put_padded(struct xtn_strbuf *b, uint16_t type, const void *data,
		     size_t len, size_t size)
{
	struct nlattr a = { .nla_len = (uint16_t)(NLA_HDRLEN + size),
			    .nla_type = type };
	size_t total = NLA_HDRLEN + NLA_ALIGN(size);
	char *p;

	if (b->len + total + 1 > b->cap)
		xtn_strbuf_reserve(b, total);
	p = b->buf + b->len;
	memcpy(p, &a, sizeof(a));
	if (len)
		memcpy(p + NLA_HDRLEN, data, len);
	memset(p + NLA_HDRLEN + len, 0, NLA_ALIGN(size) - len);
	b->len += total;
	b->buf[b->len] = '\0';
	return (size_t)(p + NLA_HDRLEN - b->buf);
}

size_t xw_put(struct xtn_strbuf *b, uint16_t type, const void *data,
	      size_t len)
{
	return xw_put_padded(b, type, data, len, len);
}

size_t xw_u32(struct xtn_strbuf *b, uint16_t type, uint32_t host)
{
	uint32_t be = htonl(host);

	return xw_put(b, type, &be, sizeof(be));
}

void xw_u64(struct xtn_strbuf *b, uint16_t type, uint64_t host)
{
	uint64_t be = htobe64(host);

	xw_put(b, type, &be, sizeof(be));
}

void xw_u16(struct xtn_strbuf *b, uint16_t type, uint16_t host)
{
	uint16_t be = htons(host);

	xw_put(b, type, &be, sizeof(be));
}

void xw_str(struct xtn_strbuf *b, uint16_t type, const char *s)
{
	xw_put(b, type, s, strlen(s) + 1);
}

size_t xw_nest_start(struct xtn_strbuf *b, uint16_t type)
{
	size_t at = b->len;

	/* its length is set when it ends */
	xw_put(b, (uint16_t)(NLA_F_NESTED | type), NULL, 0);
	return at;
}

void xw_nest_end(struct xtn_strbuf *b, size_t at)
{
	struct nlattr a;

	memcpy(&a, b->buf + at, sizeof(a));
	a.nla_len = (uint16_t)(b->len - at);
	memcpy(b->buf + at, &a, sizeof(a));
}

/* NFTA_DATA_VALUE inside a nest of its own, as libnftnl puts data */
void xw_value(struct xtn_strbuf *b, uint16_t type, const void *data,
	      size_t len)
{
	size_t nest = xw_nest_start(b, type);

	xw_put(b, NFTA_DATA_VALUE, data, len);
	xw_nest_end(b, nest);
}

/* ---- the message */

static void put_str(struct nlmsghdr *nlh, uint16_t type, const char *s)
{
	if (s)
		mnl_attr_put_strz(nlh, type, s);
}

/* Attributes in libnftnl's order for a rule (nftnl_rule_nlmsg_build_payload),
 * so -vvv dumps stay iptables' bytes. */
void xtn_wire_put(struct nlmsghdr *nlh, const struct xtn_wire_rule *w)
{
	struct nlattr *nest;

	put_str(nlh, NFTA_RULE_TABLE, w->table);
	put_str(nlh, NFTA_RULE_CHAIN, w->chain);
	if (w->handle)
		mnl_attr_put_u64(nlh, NFTA_RULE_HANDLE, htobe64(w->handle));
	if (w->position)
		mnl_attr_put_u64(nlh, NFTA_RULE_POSITION, htobe64(w->position));
	if (w->udata)
		mnl_attr_put(nlh, NFTA_RULE_USERDATA, w->udata_len, w->udata);
	if (w->n_exprs) {
		nest = mnl_attr_nest_start(nlh, NFTA_RULE_EXPRESSIONS);
		memcpy(mnl_nlmsg_get_payload_tail(nlh), w->exprs.buf,
		       w->exprs.len);
		nlh->nlmsg_len += (uint32_t)w->exprs.len;
		mnl_attr_nest_end(nlh, nest);
	}
	if (w->has_compat) {
		nest = mnl_attr_nest_start(nlh, NFTA_RULE_COMPAT);
		mnl_attr_put_u32(nlh, NFTA_RULE_COMPAT_PROTO,
				 htonl(w->compat_proto));
		mnl_attr_put_u32(nlh, NFTA_RULE_COMPAT_FLAGS,
				 htonl(w->compat_flags));
		mnl_attr_nest_end(nlh, nest);
	}
	if (w->id)
		mnl_attr_put_u32(nlh, NFTA_RULE_ID, htonl(w->id));
	if (w->position_id)
		mnl_attr_put_u32(nlh, NFTA_RULE_POSITION_ID, htonl(w->position_id));
}

static size_t str_size(const char *s)
{
	return s ? MNL_ALIGN(NLA_HDRLEN + strlen(s) + 1) : 0;
}

size_t xtn_wire_msg_size(const struct xtn_wire_rule *w)
{
	return MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct nfgenmsg)) +
	       str_size(w->table) + str_size(w->chain) +
	       2 * MNL_ALIGN(NLA_HDRLEN + sizeof(uint64_t)) +
	       MNL_ALIGN(NLA_HDRLEN + w->udata_len) +
	       NLA_HDRLEN + w->exprs.len +
	       NLA_HDRLEN + 2 * MNL_ALIGN(NLA_HDRLEN + sizeof(uint32_t)) +
	       2 * MNL_ALIGN(NLA_HDRLEN + sizeof(uint32_t));
}

/* The kernel dumps a bitwise's operation, which 1.8.9 leaves out (the
 * kernel takes the default); no other expression we write is dumped
 * longer than it was sent (a lookup is shorter: no set id). */
static size_t dump_growth(const struct nlattr *elem)
{
	const struct nlattr *a, *d;
	bool bitwise = false;

	mnl_attr_for_each_nested(a, elem) {
		if (mnl_attr_get_type(a) == NFTA_EXPR_NAME)
			bitwise = strcmp(mnl_attr_get_str(a), "bitwise") == 0;
		else if (bitwise && mnl_attr_get_type(a) == NFTA_EXPR_DATA) {
			mnl_attr_for_each_nested(d, a)
				if (mnl_attr_get_type(d) == NFTA_BITWISE_OP)
					return 0;
			return MNL_ALIGN(NLA_HDRLEN + sizeof(uint32_t));
		}
	}
	return 0;
}

size_t xtn_wire_listed_size(const struct xtn_wire_rule *w)
{
	size_t size = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct nfgenmsg)) +
		      str_size(w->table) + str_size(w->chain) +
		      2 * MNL_ALIGN(NLA_HDRLEN + sizeof(uint64_t)) +
		      NLA_HDRLEN + w->exprs.len;
	struct nlattr *attr;	/* the elements (libmnl's iterator) */

	if (w->udata_len)
		size += MNL_ALIGN(NLA_HDRLEN + w->udata_len);
	mnl_attr_for_each_payload((struct nlattr *)w->exprs.buf, w->exprs.len)
		size += dump_growth(attr);
	return size;
}

struct nlmsghdr *xtn_wire_msg(const struct xtn_wire_rule *w, uint16_t msg,
			      uint16_t flags)
{
	struct nlmsghdr *nlh = xtn_xzalloc(xtn_wire_msg_size(w));

	nftnl_nlmsg_build_hdr((char *)nlh, msg, w->family, flags, 0);
	xtn_wire_put(nlh, w);
	return nlh;
}

struct nftnl_rule *xtn_wire_to_nftnl(const struct xtn_wire_rule *w)
{
	struct nlmsghdr *nlh = xtn_wire_msg(w, NFT_MSG_NEWRULE, 0);
	struct nftnl_rule *nr = nftnl_rule_alloc();

	if (!nr)
		abort();
	/* libnftnl writes an empty comparison value (1.8.9's ! -d ::/0,
	 * which the kernel refuses) but does not read one back */
	if (nftnl_rule_nlmsg_parse(nlh, nr) < 0) {
		nftnl_rule_free(nr);
		nr = NULL;
	}
	free(nlh);
	return nr;
}

/* A cmp's data nest holding only an empty value: 1.8.9's ! -d ::/0. */
static bool empty_cmp_data(const struct nlattr *data)
{
	const struct nlattr *v = mnl_attr_get_payload(data);

	return mnl_attr_get_payload_len(data) == NLA_HDRLEN &&
	       mnl_attr_get_type(v) == NFTA_DATA_VALUE &&
	       mnl_attr_get_payload_len(v) == 0;
}

/* An expression's attributes, a cmp's empty data left out. */
static void put_expr_data(struct xtn_strbuf *b, const struct nlattr *data,
			  bool cmp)
{
	size_t nest = xw_nest_start(b, NFTA_EXPR_DATA);
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, data) {
		if (cmp && mnl_attr_get_type(a) == NFTA_CMP_DATA &&
		    empty_cmp_data(a))
			continue;
		xw_put(b, a->nla_type, mnl_attr_get_payload(a),
		       mnl_attr_get_payload_len(a));
	}
	xw_nest_end(b, nest);
}

/* The expressions without an empty comparison value, which libnftnl
 * writes but will not read. */
static void without_empty_cmp_data(const struct xtn_strbuf *exprs,
				   struct xtn_strbuf *b)
{
	const struct nlattr *a;
	struct nlattr *attr;	/* the elements (libmnl's iterator) */

	mnl_attr_for_each_payload((struct nlattr *)exprs->buf, exprs->len) {
		size_t nest = xw_nest_start(b, NFTA_LIST_ELEM);
		const char *name = NULL;

		mnl_attr_for_each_nested(a, attr) {
			if (mnl_attr_get_type(a) == NFTA_EXPR_NAME)
				name = mnl_attr_get_str(a);
			if (mnl_attr_get_type(a) == NFTA_EXPR_DATA)
				put_expr_data(b, a, name && strcmp(name, "cmp") == 0);
			else
				xw_put(b, a->nla_type, mnl_attr_get_payload(a),
				       mnl_attr_get_payload_len(a));
		}
		xw_nest_end(b, nest);
	}
}

struct nftnl_rule *xtn_wire_to_nftnl_printable(const struct xtn_wire_rule *w)
{
	struct nftnl_rule *nr = xtn_wire_to_nftnl(w);
	struct xtn_wire_rule copy;

	if (nr)
		return nr;
	/* 1.8.9 prints such a cmp with no value ("[ cmp neq reg 1 ]"),
	 * as libnftnl prints one without */
	copy = *w;
	xtn_strbuf_init(&copy.exprs);
	without_empty_cmp_data(&w->exprs, &copy.exprs);
	copy.lookup_at = NULL;
	copy.n_lookups = copy.cap_lookups = 0;
	nr = xtn_wire_to_nftnl(&copy);
	xtn_strbuf_fini(&copy.exprs);
	return nr;
}

static const char *str_of(const struct nftnl_rule *nr, uint16_t attr)
{
	return nftnl_rule_is_set(nr, attr) ? nftnl_rule_get_str(nr, attr) : NULL;
}

static uint64_t u64_of(const struct nftnl_rule *nr, uint16_t attr)
{
	return nftnl_rule_is_set(nr, attr) ? nftnl_rule_get_u64(nr, attr) : 0;
}

static uint32_t u32_of(const struct nftnl_rule *nr, uint16_t attr)
{
	return nftnl_rule_is_set(nr, attr) ? nftnl_rule_get_u32(nr, attr) : 0;
}

/* An expression as libnftnl writes it, built in a scratch message that
 * holds any one expression (its lengths are 16-bit). */
struct copy {
	struct xtn_wire_rule *w;
	char *scratch;
	bool clean;	/* padding zeroed (to send), not just to read */
};

#define SCRATCH_SIZE (MNL_NLMSG_HDRLEN + NLA_HDRLEN + UINT16_MAX + 1)

static int copy_expr(struct nftnl_expr *x, void *data)
{
	struct copy *c = data;
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(c->scratch);
	struct nlattr *elem = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);

	size_t len;

	nftnl_expr_build_payload(nlh, x);
	mnl_attr_nest_end(nlh, elem);
	len = (size_t)((char *)mnl_nlmsg_get_payload_tail(nlh) - (char *)elem);
	xtn_strbuf_put(&c->w->exprs, elem, len);
	c->w->n_exprs++;
	/* libmnl 1.0.4 leaves padding as it finds it: zero for the next */
	if (c->clean)
		memset(elem, 0, len);
	return 0;
}

void xtn_wire_from_nftnl(const struct nftnl_rule *nr, struct xtn_wire_rule *w,
			 bool to_send)
{
	struct copy c = { w, NULL, to_send };

	xtn_wire_init(w);
	w->family = (uint8_t)u32_of(nr, NFTNL_RULE_FAMILY);
	w->table = str_of(nr, NFTNL_RULE_TABLE);
	w->chain = str_of(nr, NFTNL_RULE_CHAIN);
	w->handle = u64_of(nr, NFTNL_RULE_HANDLE);
	w->position = u64_of(nr, NFTNL_RULE_POSITION);
	w->id = u32_of(nr, NFTNL_RULE_ID);
	w->position_id = u32_of(nr, NFTNL_RULE_POSITION_ID);
	if (nftnl_rule_is_set(nr, NFTNL_RULE_USERDATA))
		w->udata = nftnl_rule_get_data(nr, NFTNL_RULE_USERDATA,
					       &w->udata_len);
	w->has_compat = nftnl_rule_is_set(nr, NFTNL_RULE_COMPAT_PROTO) &&
			nftnl_rule_is_set(nr, NFTNL_RULE_COMPAT_FLAGS);
	w->compat_proto = u32_of(nr, NFTNL_RULE_COMPAT_PROTO);
	w->compat_flags = u32_of(nr, NFTNL_RULE_COMPAT_FLAGS);
	/* a 64 KiB memset per rule would show in -L -Z of 100k rules:
	 * only what is sent needs clean padding */
	c.scratch = to_send ? xtn_xzalloc(SCRATCH_SIZE) :
			      xtn_xmalloc(SCRATCH_SIZE);
	nftnl_expr_foreach((struct nftnl_rule *)nr, copy_expr, &c);
	free(c.scratch);
}

void xtn_wire_map_lookup_ids(struct xtn_wire_rule *w,
			     uint32_t (*map)(uint32_t id, const void *data),
			     const void *data)
{
	unsigned int i;

	for (i = 0; i < w->n_lookups; i++) {
		uint32_t be;

		memcpy(&be, w->exprs.buf + w->lookup_at[i], sizeof(be));
		be = htonl(map(ntohl(be), data));
		memcpy(w->exprs.buf + w->lookup_at[i], &be, sizeof(be));
	}
}

struct xtn_rule *xtn_codec_decode_wire(const struct xtn_wire_rule *w,
				       const struct xtn_family *fam,
				       const struct xtn_set_source *sets)
{
	struct nlmsghdr *nlh = xtn_wire_msg(w, NFT_MSG_NEWRULE, 0);
	struct xtn_rule *r = xtn_codec_decode_msg(nlh, fam, sets, NULL, NULL);

	free(nlh);
	return r;
}
