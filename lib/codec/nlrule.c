/* Rule messages read in place (nlrule.h). */
#include <endian.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/rule.h>
#include <xtnft/util.h>
#include "nlrule.h"

/* The largest rule message a rule object can make: the kernel allows 128
 * expressions, and iptables' largest (u32, string) stay far below this. */
#define RULE_MSG_MAX (64 * 1024)

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
	mnl_attr_for_each_nested(a, elem) {
		if (mnl_attr_get_type(a) == NFTA_EXPR_NAME)
			x->name = mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0 ?
				  mnl_attr_get_str(a) : NULL;
		else if (mnl_attr_get_type(a) == NFTA_EXPR_DATA)
			data = a;
	}
	if (!x->name)
		return -1;
	if (data)
		mnl_attr_for_each_nested(a, data)
			if (mnl_attr_get_type(a) < NX_ATTR_MAX)
				x->a[mnl_attr_get_type(a)] = a;
	return 0;
}

int nrule_exprs(const struct nrule *r,
		bool (*fn)(const struct nx *x, void *data), void *data)
{
	const struct nlattr *elem;
	struct nx x;

	if (!r->exprs)
		return 0;
	mnl_attr_for_each_nested(elem, r->exprs) {
		if (mnl_attr_get_type(elem) != NFTA_LIST_ELEM ||
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

static const struct nlattr *sized(const struct nx *x, unsigned int type,
				  size_t len)
{
	const struct nlattr *a = nx_has(x, type) ? x->a[type] : NULL;

	return a && mnl_attr_get_payload_len(a) >= len ? a : NULL;
}

uint16_t nx_u16(const struct nx *x, unsigned int type)
{
	const struct nlattr *a = sized(x, type, sizeof(uint16_t));

	return a ? ntohs(mnl_attr_get_u16(a)) : 0;
}

uint32_t nx_u32(const struct nx *x, unsigned int type)
{
	const struct nlattr *a = sized(x, type, sizeof(uint32_t));

	return a ? ntohl(mnl_attr_get_u32(a)) : 0;
}

uint64_t nx_u64(const struct nx *x, unsigned int type)
{
	const struct nlattr *a = sized(x, type, sizeof(uint64_t));

	return a ? be64toh(mnl_attr_get_u64(a)) : 0;
}

const char *nx_str(const struct nx *x, unsigned int type)
{
	const struct nlattr *a = sized(x, type, 1);

	return a && mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0 ?
	       mnl_attr_get_str(a) : NULL;
}

const void *nx_bin(const struct nx *x, unsigned int type, uint32_t *len)
{
	const struct nlattr *a = nx_has(x, type) ? x->a[type] : NULL;

	*len = a ? mnl_attr_get_payload_len(a) : 0;
	return a ? mnl_attr_get_payload(a) : NULL;
}

static const struct nlattr *nested(const struct nlattr *outer,
				   unsigned int type)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, outer)
		if (mnl_attr_get_type(a) == type)
			return a;
	return NULL;
}

const void *nx_data(const struct nx *x, unsigned int type, uint32_t *len)
{
	const struct nlattr *v = nx_has(x, type) ?
				 nested(x->a[type], NFTA_DATA_VALUE) : NULL;

	*len = v ? mnl_attr_get_payload_len(v) : 0;
	return v ? mnl_attr_get_payload(v) : NULL;
}

int nx_verdict(const struct nx *x, int *code, const char **chain)
{
	const struct nlattr *v = nx_has(x, NFTA_IMMEDIATE_DATA) ?
				 nested(x->a[NFTA_IMMEDIATE_DATA],
					NFTA_DATA_VERDICT) : NULL;
	const struct nlattr *c = v ? nested(v, NFTA_VERDICT_CODE) : NULL;
	const struct nlattr *n = v ? nested(v, NFTA_VERDICT_CHAIN) : NULL;

	if (!c || mnl_attr_get_payload_len(c) < sizeof(uint32_t))
		return -1;
	*code = (int)ntohl(mnl_attr_get_u32(c));
	*chain = n && mnl_attr_validate(n, MNL_TYPE_NUL_STRING) == 0 ?
		 mnl_attr_get_str(n) : NULL;
	return 0;
}

struct nlmsghdr *msg_of(const struct nftnl_rule *nr)
{
	char *buf = xtn_xzalloc(RULE_MSG_MAX);
	struct nlmsghdr *nlh;

	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE, 0, 0, 0);
	nftnl_rule_nlmsg_build_payload(nlh, (struct nftnl_rule *)nr);
	return nlh;
}
