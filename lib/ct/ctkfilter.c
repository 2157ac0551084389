/*
 * The tuple part of a dump's kernel filter (CTA_FILTER, Linux 5.8 on):
 * exact original and reply addresses, the protocol, its ports and ICMP
 * fields go to the kernel, so that a filtered -L or -D receives only the
 * entries it asked for.  conntrack-tools 1.4.7 receives the whole table
 * and compares in userspace.  The userspace filter still runs on what
 * comes back: this is only a narrowing, and a prefix (-s 10.0.0.0/8), a
 * mask, a state or a NAT filter stays in userspace.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <xtnft/ct.h>
#include "ctkfilter.h"

/* The kernel's CTA_FILTER_ORIG_FLAGS / REPLY_FLAGS bits (not in this
 * system's uapi headers). */
enum {
	F_IP_SRC = 1u << 0,
	F_IP_DST = 1u << 1,
	F_PROTO_NUM = 1u << 3,
	F_SRC_PORT = 1u << 4,
	F_DST_PORT = 1u << 5,
	F_ICMP_TYPE = 1u << 6,
	F_ICMP_CODE = 1u << 7,
	F_ICMP_ID = 1u << 8,
	F_ICMPV6_TYPE = 1u << 9,
	F_ICMPV6_CODE = 1u << 10,
	F_ICMPV6_ID = 1u << 11,
};

static bool has_ports(int protonum)
{
	return protonum == IPPROTO_TCP || protonum == IPPROTO_UDP ||
	       protonum == IPPROTO_UDPLITE || protonum == IPPROTO_SCTP ||
	       protonum == IPPROTO_DCCP;
}

static bool l4_given(const struct xtn_ct_cmd *c, enum xtn_ct_l4 v)
{
	return (c->l4flags & (1u << v)) != 0;
}

/* An exact IPv4 address of the dump's family.  A prefix stays in
 * userspace, and so do IPv6 addresses: Linux 6.18's filter compares them
 * the wrong way round (a dump for -s 2001:db8::a returned the entries
 * from every other address, and none from it), so a kernel-side IPv6
 * filter would lose exactly the entries asked for. */
static bool exact(const struct xtn_ct_addr *a, bool masked, int family)
{
	return !masked && a->family == family && family == AF_INET;
}

static void put_addr(struct nlmsghdr *nlh, uint16_t v4, uint16_t v6,
		     const struct xtn_ct_addr *a)
{
	if (a->family == AF_INET)
		mnl_attr_put(nlh, v4, 4, a->a);
	else
		mnl_attr_put(nlh, v6, 16, a->a);
}

/* One direction's tuple; its flag bits, 0 when there is nothing to say. */
static uint32_t put_tuple(struct nlmsghdr *nlh, uint16_t type,
			  const struct xtn_ct_cmd *c, int family, bool orig)
{
	const struct xtn_ct_addr *src = orig ? &c->orig_src : &c->repl_src;
	const struct xtn_ct_addr *dst = orig ? &c->orig_dst : &c->repl_dst;
	bool s = c->options & (orig ? XTN_CTO_ORIG_SRC : XTN_CTO_REPL_SRC);
	bool d = c->options & (orig ? XTN_CTO_ORIG_DST : XTN_CTO_REPL_DST);
	enum xtn_ct_l4 sp = orig ? XTN_CTL4_ORIG_SPORT : XTN_CTL4_REPL_SPORT;
	enum xtn_ct_l4 dp = orig ? XTN_CTL4_ORIG_DPORT : XTN_CTL4_REPL_DPORT;
	struct nlattr *tuple, *nest;
	uint32_t flags = 0;

	s = s && exact(src, orig && c->has_mask_src, family);
	d = d && exact(dst, orig && c->has_mask_dst, family);
	tuple = mnl_attr_nest_start(nlh, type);
	if (s || d) {
		nest = mnl_attr_nest_start(nlh, CTA_TUPLE_IP);
		if (s) {
			put_addr(nlh, CTA_IP_V4_SRC, CTA_IP_V6_SRC, src);
			flags |= F_IP_SRC;
		}
		if (d) {
			put_addr(nlh, CTA_IP_V4_DST, CTA_IP_V6_DST, dst);
			flags |= F_IP_DST;
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->options & XTN_CTO_PROTO) {
		nest = mnl_attr_nest_start(nlh, CTA_TUPLE_PROTO);
		mnl_attr_put_u8(nlh, CTA_PROTO_NUM, (uint8_t)c->protonum);
		flags |= F_PROTO_NUM;
		if (has_ports(c->protonum) && l4_given(c, sp)) {
			mnl_attr_put_u16(nlh, CTA_PROTO_SRC_PORT, htons(c->l4[sp]));
			flags |= F_SRC_PORT;
		}
		if (has_ports(c->protonum) && l4_given(c, dp)) {
			mnl_attr_put_u16(nlh, CTA_PROTO_DST_PORT, htons(c->l4[dp]));
			flags |= F_DST_PORT;
		}
		/* ICMP fields describe the original direction */
		if (orig && (c->protonum == IPPROTO_ICMP ||
			     c->protonum == IPPROTO_ICMPV6)) {
			bool i6 = c->protonum == IPPROTO_ICMPV6;

			if (l4_given(c, XTN_CTL4_ICMP_TYPE)) {
				mnl_attr_put_u8(nlh, i6 ? CTA_PROTO_ICMPV6_TYPE :
						CTA_PROTO_ICMP_TYPE,
						(uint8_t)c->l4[XTN_CTL4_ICMP_TYPE]);
				flags |= i6 ? F_ICMPV6_TYPE : F_ICMP_TYPE;
			}
			if (l4_given(c, XTN_CTL4_ICMP_CODE)) {
				mnl_attr_put_u8(nlh, i6 ? CTA_PROTO_ICMPV6_CODE :
						CTA_PROTO_ICMP_CODE,
						(uint8_t)c->l4[XTN_CTL4_ICMP_CODE]);
				flags |= i6 ? F_ICMPV6_CODE : F_ICMP_CODE;
			}
			if (l4_given(c, XTN_CTL4_ICMP_ID)) {
				mnl_attr_put_u16(nlh, i6 ? CTA_PROTO_ICMPV6_ID :
						 CTA_PROTO_ICMP_ID,
						 htons(c->l4[XTN_CTL4_ICMP_ID]));
				flags |= i6 ? F_ICMPV6_ID : F_ICMP_ID;
			}
		}
		mnl_attr_nest_end(nlh, nest);
	}
	mnl_attr_nest_end(nlh, tuple);
	/* a protocol alone says nothing the reply tuple must repeat */
	if (!orig && !(flags & ~F_PROTO_NUM))
		flags = 0;
	if (!flags)
		mnl_attr_nest_cancel(nlh, tuple);
	return flags;
}

bool xtn_ct_put_tuple_filter(struct nlmsghdr *nlh, const struct xtn_ct_cmd *c,
			     int family)
{
	uint32_t oflags, rflags;
	struct nlattr *f;

	if (family != AF_INET && family != AF_INET6)
		return false;	/* the kernel compares within one family */
	oflags = put_tuple(nlh, CTA_TUPLE_ORIG, c, family, true);
	rflags = put_tuple(nlh, CTA_TUPLE_REPLY, c, family, false);
	if (!oflags && !rflags)
		return false;
	f = mnl_attr_nest_start(nlh, CTA_FILTER);
	mnl_attr_put_u32(nlh, CTA_FILTER_ORIG_FLAGS, oflags);
	mnl_attr_put_u32(nlh, CTA_FILTER_REPLY_FLAGS, rflags);
	mnl_attr_nest_end(nlh, f);
	return true;
}
