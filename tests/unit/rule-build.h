/*
 * Building rules by hand, as another writer (nft, an older iptables)
 * would have, for the decoder tests.
 */
#ifndef XTNFT_TESTS_RULE_BUILD_H
#define XTNFT_TESTS_RULE_BUILD_H

#include <stdint.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>

/* payload load of LEN bytes at OFF of header BASE into reg 1, masked
 * when MASK is given, then cmp OP against DATA (DLEN bytes) */
static inline void rb_payload_cmp(struct nftnl_rule *r, uint32_t base,
				  uint32_t off, uint32_t len, const void *mask,
				  uint32_t op, const void *data, uint32_t dlen)
{
	struct nftnl_expr *e = nftnl_expr_alloc("payload");
	static const uint8_t zero[16];

	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_BASE, base);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET, off);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_LEN, len);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
	nftnl_rule_add_expr(r, e);
	if (mask) {
		e = nftnl_expr_alloc("bitwise");
		nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_SREG, NFT_REG_1);
		nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_DREG, NFT_REG_1);
		nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_LEN, len);
		nftnl_expr_set(e, NFTNL_EXPR_BITWISE_MASK, mask, len);
		nftnl_expr_set(e, NFTNL_EXPR_BITWISE_XOR, zero, len);
		nftnl_rule_add_expr(r, e);
	}
	e = nftnl_expr_alloc("cmp");
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, op);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, data, dlen);
	nftnl_rule_add_expr(r, e);
}

#endif
