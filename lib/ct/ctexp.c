/*
 * The expectation table: -L, -C, -S, -F, -I, -D and -G expect, and the
 * lines of -E expect.  libnetfilter_conntrack prints the expectations
 * (nfexp_snprintf), as it does for conntrack-tools.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <xtnft/ct.h>
#include <xtnft/ctrun.h>
#include <xtnft/util.h>
#include "ctrun_int.h"

static int exp_dump(struct ct_run *r, uint16_t type, mnl_cb_t cb)
{
	char buf[CT_BUFSZ];
	struct nlmsghdr *nlh;

	nlh = ct_msg_put(buf, NFNL_SUBSYS_CTNETLINK_EXP, type, NLM_F_DUMP,
		      (uint8_t)r->c->family);
	return ct_talk(&r->sock, nlh, cb, r, true);
}

static int exp_request(struct ct_run *r, uint16_t type, uint16_t flags,
		       const struct nf_expect *exp, mnl_cb_t cb)
{
	char buf[CT_BUFSZ];
	struct nlmsghdr *nlh;

	nlh = ct_msg_put(buf, NFNL_SUBSYS_CTNETLINK_EXP, type, flags,
		      (uint8_t)r->c->family);
	if (exp && nfexp_nlmsg_build(nlh, exp) < 0)
		return -1;
	return ct_talk(&r->sock, nlh, cb, r, false);
}

/* One expectation's line, as 1.4.7 prints it for a listing (type
 * NFCT_T_UNKNOWN; xml_root: the xml document's root to open first) or an
 * event (type NFCT_T_*, xml_root NULL: events have no document). */
static int exp_line(struct ct_run *r, const struct nlmsghdr *nlh,
		    unsigned int type, const char *xml_root)
{
	const struct xtn_ct_cmd *c = r->c;
	struct nf_expect *exp = nfexp_new();
	unsigned int op_type = NFCT_O_DEFAULT, flags = 0;
	char buf[4096];

	if (!exp)
		return MNL_CB_OK;
	nfexp_nlmsg_parse(nlh, exp);
	if (c->output & XTN_CTOUT_XML) {
		op_type = NFCT_O_XML;
		if (xml_root && !r->xml_open) {
			xtn_strbuf_printf(r->io->out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<%s>\n",
					  xml_root);
			r->xml_open = true;
		}
	}
	/* 1.4.7 puts -o timestamp's time before a plain line itself;
	 * nfexp_snprintf only knows it in xml */
	if ((c->output & XTN_CTOUT_TMS) && !(c->output & XTN_CTOUT_XML))
		ct_event_time(r);
	else if (c->output & XTN_CTOUT_TMS)
		flags |= NFCT_OF_TIME;
	nfexp_snprintf(buf, sizeof(buf), exp, type, op_type, flags);
	xtn_strbuf_puts(r->io->out, buf);
	ct_emit(r);
	r->counter++;
	nfexp_destroy(exp);
	return MNL_CB_OK;
}

static int exp_print_cb(const struct nlmsghdr *nlh, void *data)
{
	return exp_line(data, nlh, NFCT_T_UNKNOWN, "expect");
}

static int exp_count_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	((struct ct_run *)data)->counter++;
	return MNL_CB_OK;
}

static int exp_stats_cb(const struct nlmsghdr *nlh, void *data)
{
	static const char *const names[] = {
		[CTA_STATS_EXP_NEW] = "expect_new",
		[CTA_STATS_EXP_CREATE] = "expect_create",
		[CTA_STATS_EXP_DELETE] = "expect_delete",
	};
	const struct nfgenmsg *nfg = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[XTN_ARRAY_SIZE(names)] = { NULL };
	struct ct_run *r = data;
	struct nlattr *a;
	size_t i;

	mnl_attr_for_each(a, nlh, sizeof(*nfg)) {
		uint16_t t = mnl_attr_get_type(a);

		if (t < XTN_ARRAY_SIZE(names) &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
			tb[t] = a;
	}
	xtn_strbuf_printf(r->io->out, "cpu=%-4u\t", ntohs(nfg->res_id));
	for (i = 0; i < XTN_ARRAY_SIZE(tb); i++)
		if (tb[i] && names[i])
			xtn_strbuf_printf(r->io->out, "%s=%u ", names[i],
					  ntohl(mnl_attr_get_u32(tb[i])));
	ct_emit(r);
	return MNL_CB_OK;
}

static void set_addr(struct nf_conntrack *ct, const struct xtn_ct_addr *a,
		     bool src)
{
	if (a->family == AF_INET6)
		nfct_set_attr(ct, src ? ATTR_ORIG_IPV6_SRC : ATTR_ORIG_IPV6_DST,
			      a->a);
	else
		nfct_set_attr(ct, src ? ATTR_ORIG_IPV4_SRC : ATTR_ORIG_IPV4_DST,
			      a->a);
}

/* the expected tuple (--tuple-*) or its mask (--mask-*) of -I expect */
static struct nf_conntrack *exp_tuple(const struct xtn_ct_cmd *c, bool mask)
{
	struct nf_conntrack *t = nfct_new();

	if (!t)
		return NULL;
	nfct_set_attr_u8(t, ATTR_ORIG_L3PROTO, (uint8_t)c->family);
	nfct_set_attr_u8(t, ATTR_ORIG_L4PROTO, (uint8_t)c->protonum);
	set_addr(t, mask ? &c->mask_src : &c->exp_src, true);
	set_addr(t, mask ? &c->mask_dst : &c->exp_dst, false);
	if (c->l4flags & (1u << (mask ? XTN_CTL4_MASK_SPORT : XTN_CTL4_EXP_SPORT)))
		nfct_set_attr_u16(t, ATTR_ORIG_PORT_SRC,
				  htons(c->l4[mask ? XTN_CTL4_MASK_SPORT : XTN_CTL4_EXP_SPORT]));
	if (c->l4flags & (1u << (mask ? XTN_CTL4_MASK_DPORT : XTN_CTL4_EXP_DPORT)))
		nfct_set_attr_u16(t, ATTR_ORIG_PORT_DST,
				  htons(c->l4[mask ? XTN_CTL4_MASK_DPORT : XTN_CTL4_EXP_DPORT]));
	return t;
}

static int exp_modify(struct ct_run *r)
{
	const struct xtn_ct_cmd *c = r->c;
	struct nf_conntrack *master = xtn_ct_filter_tmpl(r->filter);
	struct nf_conntrack *tuple = NULL, *mask = NULL;
	struct nf_expect *exp = nfexp_new();
	int ret = -1;

	if (!exp)
		return -1;
	if (c->command == XTN_EXP_CREATE) {
		tuple = exp_tuple(c, false);
		mask = exp_tuple(c, true);
		if (!tuple || !mask)
			goto out;
		nfexp_set_attr(exp, ATTR_EXP_MASTER, master);
		nfexp_set_attr(exp, ATTR_EXP_EXPECTED, tuple);
		nfexp_set_attr(exp, ATTR_EXP_MASK, mask);
		if (c->options & XTN_CTO_TIMEOUT)
			nfexp_set_attr_u32(exp, ATTR_EXP_TIMEOUT, c->timeout);
		ret = exp_request(r, IPCTNL_MSG_EXP_NEW,
				  NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK, exp, NULL);
	} else if (c->command == XTN_EXP_DELETE) {
		nfexp_set_attr(exp, ATTR_EXP_EXPECTED, master);
		ret = exp_request(r, IPCTNL_MSG_EXP_DELETE, NLM_F_ACK, exp, NULL);
	} else {
		nfexp_set_attr(exp, ATTR_EXP_MASTER, master);
		ret = exp_request(r, IPCTNL_MSG_EXP_GET, NLM_F_ACK, exp,
				  exp_print_cb);
	}
out:
	if (tuple)
		nfct_destroy(tuple);
	if (mask)
		nfct_destroy(mask);
	nfexp_destroy(exp);
	return ret;
}

int ct_run_exp(struct ct_run *r)
{
	int ret;

	switch (r->c->command) {
	case XTN_EXP_LIST:
		ret = exp_dump(r, IPCTNL_MSG_EXP_GET, exp_print_cb);
		if (r->xml_open) {
			xtn_strbuf_puts(r->io->out, "</expect>\n");
			r->io->flush(r->io->data, r->io->out);
		}
		return ret;
	case XTN_EXP_COUNT:
		ret = exp_dump(r, IPCTNL_MSG_EXP_GET, exp_count_cb);
		xtn_strbuf_printf(r->io->out, "%u", r->counter);
		ct_emit(r);
		return ret;
	case XTN_EXP_STATS:
		return exp_dump(r, IPCTNL_MSG_EXP_GET_STATS_CPU, exp_stats_cb);
	case XTN_EXP_FLUSH:
		return exp_request(r, IPCTNL_MSG_EXP_DELETE, NLM_F_ACK, NULL, NULL);
	default:
		return exp_modify(r);
	}
}

/* an expectation event: the line only, as 1.4.7 prints it */
int ct_exp_event(struct ct_run *r, const struct nlmsghdr *nlh,
		 unsigned int type)
{
	return exp_line(r, nlh, type, NULL);
}
