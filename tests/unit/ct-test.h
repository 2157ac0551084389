/*
 * What the conntrack unit tests share (test-conntrack, test-ctline,
 * test-ctkfilter): a command line parsed, and an established IPv4 TCP
 * flow built.
 */
#ifndef XTNFT_TESTS_CT_TEST_H
#define XTNFT_TESTS_CT_TEST_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <xtnft/ct.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack_tcp.h>

/* "conntrack LINE" split at blanks and parsed into c (IPv4 context):
 * 0, or the failure's status with its message in msg. */
static inline int ct_parse_line(const char *line, struct xtn_ct_cmd *c,
				char *msg, size_t len)
{
	char buf[512], *argv[32], *tok, *save = NULL;
	struct xtn_ctx ctx;
	int argc = 0, ret;

	snprintf(buf, sizeof(buf), "conntrack %s", line);
	for (tok = strtok_r(buf, " ", &save); tok && argc < 31;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	xtn_ctx_init(&ctx, &xtn_family_ipv4);
	ret = xtn_ct_parse(&ctx, argc, argv, c);
	snprintf(msg, len, "%s", ret < 0 ? ctx.diag.msg : "");
	ret = ret < 0 ? ctx.diag.status : 0;
	xtn_ctx_fini(&ctx);
	return ret;
}

/* An established IPv4 TCP flow: the reply tuple is the original one
 * turned round, status ASSURED plus what the caller adds. */
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
