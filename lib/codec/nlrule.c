/* Rule messages read in place (nlrule.h). */
#include <endian.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/util.h>
#include "nlrule.h"

/*
 * Attribute walking written out here rather than through libmnl's
 * out-of-line helpers (mnl_attr_ok, mnl_attr_next, mnl_attr_get_type...,
 * a call each): a save walks every attribute of every expression of
 * every rule.  The checks are libmnl's: an attribute must fit both its
 * own header and what is left of its parent.
 */
static bool fits(const struct nlattr *a, const char *end)
{
	return end - (const char *)a >= (long)sizeof(*a) &&
	       a->nla_len >= sizeof(*a) && a->nla_len <= end - (const char *)a;
}

static const struct nlattr *next(const struct nlattr *a)
{
	return (const struct nlattr *)((const char *)a + NLA_ALIGN(a->nla_len));
}

static const char *end_of(const struct nlattr *a)
{
	return (const char *)a + a->nla_len;
}

static const struct nlattr *first(const struct nlattr *a)
{
	return (const struct nlattr *)((const char *)a + NLA_HDRLEN);
}

static unsigned int type_of(const struct nlattr *a)
{
	return a->nla_type & NLA_TYPE_MASK;
}

static uint16_t payload_len(const struct nlattr *a)
{
	return (uint16_t)(a->nla_len - NLA_HDRLEN);
}

static const char *payload(const struct nlattr *a)
{
	return (const char *)a + NLA_HDRLEN;
}

/* NUL-terminated within the attribute (MNL_TYPE_NUL_STRING) */
static const char *str_of(const struct nlattr *a)
{
	uint16_t len = payload_len(a);

	return len > 0 && payload(a)[len - 1] == '\0' ? payload(a) : NULL;
}

#define for_each_nested(a, parent) \
	for ((a) = first(parent); fits((a), end_of(parent)); (a) = next(a))


int nrule_parse(const struct nlmsghdr *nlh, struct nrule *r)
{
	const struct nlattr *a;

	memset(r, 0, sizeof(*r));
	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(struct nfgenmsg)))
		return -1;
	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg)) {
		switch (mnl_attr_get_type(a)) {
		case NFTA_RULE_HANDLE:
			if (mnl_attr_get_payload_len(a) < sizeof(uint64_t))
				return -1;
			r->handle = a;
			break;
		case NFTA_RULE_USERDATA:
			r->udata = a;
			break;
		case NFTA_RULE_EXPRESSIONS:
			r->exprs = a;
			break;
		}
	}
	return 0;
}

static int read_expr(const struct nlattr *elem, struct nx *x)
{
	const struct nlattr *a, *data = NULL;

	memset(x, 0, sizeof(*x));
	for_each_nested(a, elem) {
		if (type_of(a) == NFTA_EXPR_NAME)
			x->name = str_of(a);
		else if (type_of(a) == NFTA_EXPR_DATA)
			data = a;
	}
	if (!x->name)
		return -1;
	if (data)
		for_each_nested(a, data)
			if (type_of(a) < NX_ATTR_MAX)
				x->a[type_of(a)] = a;
	return 0;
}

int nrule_exprs(const struct nrule *r,
		bool (*fn)(const struct nx *x, void *data), void *data)
{
	const struct nlattr *elem;
	struct nx x;

	if (!r->exprs)
		return 0;
	for_each_nested(elem, r->exprs) {
		if (type_of(elem) != NFTA_LIST_ELEM ||
		    read_expr(elem, &x) < 0)
			return -1;
		if (fn(&x, data))
			return 1;
	}
	return 0;
}

bool nx_has(const struct nx *x, unsigned int type)
{
	return type < NX_ATTR_MAX && x->a[type];
}

static const char *sized(const struct nx *x, unsigned int type, size_t len)
{
	const struct nlattr *a = nx_has(x, type) ? x->a[type] : NULL;

	return a && payload_len(a) >= len ? payload(a) : NULL;
}

/* The scalar's bytes as sent (big-endian); zero when absent or short. */
static void read_scalar(const struct nx *x, unsigned int type, void *v,
			size_t len)
{
	const char *p = sized(x, type, len);

	memset(v, 0, len);
	if (p)
		memcpy(v, p, len);
}

uint16_t nx_u16(const struct nx *x, unsigned int type)
{
	uint16_t v;

	read_scalar(x, type, &v, sizeof(v));
	return ntohs(v);
}

uint32_t nx_u32(const struct nx *x, unsigned int type)
{
	uint32_t v;

	read_scalar(x, type, &v, sizeof(v));
	return ntohl(v);
}

uint64_t nx_u64(const struct nx *x, unsigned int type)
{
	uint64_t v;

	read_scalar(x, type, &v, sizeof(v));
	return be64toh(v);
}

const char *nx_str(const struct nx *x, unsigned int type)
{
	return nx_has(x, type) ? str_of(x->a[type]) : NULL;
}

const void *nx_bin(const struct nx *x, unsigned int type, uint32_t *len)
{
	const struct nlattr *a = nx_has(x, type) ? x->a[type] : NULL;

	*len = a ? payload_len(a) : 0;
	return a ? payload(a) : NULL;
}

static const struct nlattr *nested(const struct nlattr *outer,
				   unsigned int type)
{
	const struct nlattr *a;

	for_each_nested(a, outer)
		if (type_of(a) == type)
			return a;
	return NULL;
}

const void *nx_data(const struct nx *x, unsigned int type, uint32_t *len)
{
	const struct nlattr *v = nx_has(x, type) ?
				 nested(x->a[type], NFTA_DATA_VALUE) : NULL;

	*len = v ? payload_len(v) : 0;
	return v ? payload(v) : NULL;
}

int nx_verdict(const struct nx *x, int *code, const char **chain)
{
	const struct nlattr *v = nx_has(x, NFTA_IMMEDIATE_DATA) ?
				 nested(x->a[NFTA_IMMEDIATE_DATA],
					NFTA_DATA_VERDICT) : NULL;
	const struct nlattr *c = v ? nested(v, NFTA_VERDICT_CODE) : NULL;
	const struct nlattr *n = v ? nested(v, NFTA_VERDICT_CHAIN) : NULL;
	uint32_t raw;

	if (!c || payload_len(c) < sizeof(uint32_t))
		return -1;
	memcpy(&raw, payload(c), sizeof(raw));
	*code = (int)ntohl(raw);
	*chain = n ? str_of(n) : NULL;
	return 0;
}

struct nlmsghdr *msg_of(const struct nftnl_rule *nr)
{
	struct xtn_wire_rule w;
	struct nlmsghdr *nlh;

	/* as large as the rule needs: one past 64 KiB of expressions is
	 * refused when sent, but may still be printed or compared */
	xtn_wire_from_nftnl(nr, &w, false);
	nlh = xtn_wire_msg(&w, NFT_MSG_NEWRULE, 0);
	xtn_wire_fini(&w);
	return nlh;
}
