/*
 * An established IPv4 TCP flow as the conntrack unit tests build it
 * (test-conntrack, test-ctline): the reply tuple is the original one
 * turned round, status ASSURED plus what the caller adds.
 */
#ifndef XTNFT_TESTS_CT_FLOW_H
#define XTNFT_TESTS_CT_FLOW_H

#include <stdint.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack_tcp.h>

struct ct_flow {
	const char *src, *dst;
	uint16_t sport, dport;
	uint32_t timeout, status, mark;
};

static inline struct nf_conntrack *ct_flow_new(const struct ct_flow *f)
{
	struct nf_conntrack *ct = nfct_new();
	uint32_t s = inet_addr(f->src), d = inet_addr(f->dst);

	if (!ct)
		return NULL;
	nfct_set_attr_u8(ct, ATTR_ORIG_L3PROTO, AF_INET);
	nfct_set_attr_u8(ct, ATTR_REPL_L3PROTO, AF_INET);
	nfct_set_attr_u32(ct, ATTR_ORIG_IPV4_SRC, s);
	nfct_set_attr_u32(ct, ATTR_ORIG_IPV4_DST, d);
	nfct_set_attr_u32(ct, ATTR_REPL_IPV4_SRC, d);
	nfct_set_attr_u32(ct, ATTR_REPL_IPV4_DST, s);
	nfct_set_attr_u8(ct, ATTR_ORIG_L4PROTO, IPPROTO_TCP);
	nfct_set_attr_u8(ct, ATTR_REPL_L4PROTO, IPPROTO_TCP);
	nfct_set_attr_u16(ct, ATTR_ORIG_PORT_SRC, htons(f->sport));
	nfct_set_attr_u16(ct, ATTR_ORIG_PORT_DST, htons(f->dport));
	nfct_set_attr_u16(ct, ATTR_REPL_PORT_SRC, htons(f->dport));
	nfct_set_attr_u16(ct, ATTR_REPL_PORT_DST, htons(f->sport));
	nfct_set_attr_u8(ct, ATTR_TCP_STATE, TCP_CONNTRACK_ESTABLISHED);
	nfct_set_attr_u32(ct, ATTR_TIMEOUT, f->timeout);
	nfct_set_attr_u32(ct, ATTR_STATUS, IPS_ASSURED | f->status);
	nfct_set_attr_u32(ct, ATTR_MARK, f->mark);
	return ct;
}

#endif
