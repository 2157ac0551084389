/*
 * A rule message read in place: its attributes and, one at a time, its
 * expressions, as pointers into the message.  The decoder reads the
 * kernel's dump this way instead of building libnftnl objects for each
 * rule and expression only to read them once and free them.
 */
#ifndef XTNFT_CODEC_NLRULE_H
#define XTNFT_CODEC_NLRULE_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

struct nftnl_rule;

/* NFTA_<expr>_* types above this are not read (none of iptables' are) */
#define NX_ATTR_MAX 16

/* One expression: its name and its NFTA_EXPR_DATA attributes by type. */
struct nx {
	const char *name;
	const struct nlattr *a[NX_ATTR_MAX];
};

struct nrule {
	const struct nlattr *handle, *udata, *exprs;
};

/* 0, or -1 if the message is not a well-formed rule. */
int nrule_parse(const struct nlmsghdr *nlh, struct nrule *r);
/* Call fn for each expression in order until it returns true: 1 then,
 * 0 at the end, -1 at a malformed expression. */
int nrule_exprs(const struct nrule *r,
		bool (*fn)(const struct nx *x, void *data), void *data);

bool nx_has(const struct nx *x, unsigned int type);
/* Scalars in host order; 0 when absent or too short, as libnftnl's
 * getters give for an unset attribute. */
uint16_t nx_u16(const struct nx *x, unsigned int type);
uint32_t nx_u32(const struct nx *x, unsigned int type);
uint64_t nx_u64(const struct nx *x, unsigned int type);
/* NUL-terminated within the attribute, or NULL. */
const char *nx_str(const struct nx *x, unsigned int type);
/* The attribute's payload as it is. */
const void *nx_bin(const struct nx *x, unsigned int type, uint32_t *len);
/* The NFTA_DATA_VALUE nested in the attribute (cmp data, masks). */
const void *nx_data(const struct nx *x, unsigned int type, uint32_t *len);
/* An immediate's NFTA_DATA_VERDICT: its code and jump target (NULL if
 * none); -1 if it holds no verdict. */
int nx_verdict(const struct nx *x, int *code, const char **chain);

/* A rule object as the message it makes (malloc'd). */
struct nlmsghdr *msg_of(const struct nftnl_rule *nr);

#endif
