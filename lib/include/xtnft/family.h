/*
 * Family profiles: constant data describing what iptables-nft lays out for
 * each nf_tables family (tables, built-in chains with hooks and priorities,
 * address length, base-match descriptor).
 */
#ifndef XTNFT_FAMILY_H
#define XTNFT_FAMILY_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_ext;
struct xtn_dialect;

enum xtn_fam_bit {
	XTN_FAM_IPV4 = 1 << 0,
	XTN_FAM_IPV6 = 1 << 1,
	XTN_FAM_ARP = 1 << 2,
	XTN_FAM_BRIDGE = 1 << 3,
	XTN_FAM_INET = XTN_FAM_IPV4 | XTN_FAM_IPV6,
};

struct xtn_chain_def {
	const char *name;
	uint8_t hooknum;
	int32_t prio;
	const char *type;	/* "filter", "nat", "route" */
};

struct xtn_table_def {
	const char *name;
	/* in the order iptables-nft declares (and creates) them; listings
	 * go by hook: xtn_table_builtin_listed() */
	const struct xtn_chain_def *chains;
	unsigned int n_chains;
};

/* Where a verdict name may stand as a chain policy. */
enum xtn_policy_use {
	XTN_POLICY_BUILTIN = 1 << 0,
	XTN_POLICY_USER = 1 << 1,	/* ebtables: a trailing policy rule */
};

/* A verdict as a family's tools name it: one table per family profile. */
struct xtn_verdict_name {
	const char *name;
	uint8_t verdict;	/* enum xtn_verdict (model.h) */
	uint8_t policy;		/* enum xtn_policy_use */
	int32_t nf;		/* NF_ACCEPT, NF_DROP, NFT_RETURN, NFT_CONTINUE */
};

struct xtn_family {
	const char *name;
	enum xtn_fam_bit bit;
	uint8_t nfproto;	/* NFPROTO_* = nf_tables family */
	uint8_t af;		/* AF_INET, AF_INET6, 0 */
	uint8_t addr_len;
	const struct xtn_table_def *tables;	/* in save order */
	unsigned int n_tables;
	const struct xtn_ext *base;	/* the -s/-d/-i/-o/-p descriptor */
	const struct xtn_dialect *dialect;	/* how its tools read and print */
	const struct xtn_verdict_name *verdicts;	/* NULL-name terminated */
	/* what the kernel lacks when it refuses one of the family's rules
	 * as unsupported (EOPNOTSUPP), said beside the error */
	const char *eopnotsupp_hint;
	/* the legacy (x_tables) back end: where its tables show, and the
	 * tool that lists them, for "iptables-legacy tables present" */
	const char *legacy_names;
	const char *legacy_tool;
};

extern const struct xtn_family xtn_family_ipv4;
extern const struct xtn_family xtn_family_ipv6;
extern const struct xtn_family xtn_family_bridge;
extern const struct xtn_family xtn_family_arp;

/* The family's verdict called name (case as typed), or NULL. */
const struct xtn_verdict_name *xtn_family_verdict(const struct xtn_family *fam,
						  const char *name);
/* The name of verdict v (enum xtn_verdict) in fam, or NULL. */
const char *xtn_family_verdict_name(const struct xtn_family *fam,
				    unsigned int v);

const struct xtn_table_def *xtn_family_table(const struct xtn_family *fam,
					     const char *name);
const struct xtn_chain_def *xtn_table_builtin(const struct xtn_table_def *t,
					      const char *chain);
const struct xtn_chain_def *xtn_table_builtin_by_hook(const struct xtn_table_def *t,
						      unsigned int hooknum);
const struct xtn_chain_def *xtn_table_builtin_listed(const struct xtn_table_def *t,
						     unsigned int i);

#endif
