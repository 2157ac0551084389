/*
 * Family profiles as const data: the tables and built-in chains exactly as
 * iptables-nft 1.8.9 creates them (interop.md section 1.1).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netfilter.h>
#include <xtnft/family.h>
#include <xtnft/util.h>

extern const struct xtn_ext xtn_base_ip;

#define CH(n, hook, prio, type) { n, hook, prio, type }

static const struct xtn_chain_def raw_chains[] = {
	CH("PREROUTING", NF_INET_PRE_ROUTING, -300, "filter"),
	CH("OUTPUT", NF_INET_LOCAL_OUT, -300, "filter"),
};

static const struct xtn_chain_def mangle_chains[] = {
	CH("PREROUTING", NF_INET_PRE_ROUTING, -150, "filter"),
	CH("INPUT", NF_INET_LOCAL_IN, -150, "filter"),
	CH("FORWARD", NF_INET_FORWARD, -150, "filter"),
	CH("OUTPUT", NF_INET_LOCAL_OUT, -150, "route"),
	CH("POSTROUTING", NF_INET_POST_ROUTING, -150, "filter"),
};

static const struct xtn_chain_def filter_chains[] = {
	CH("INPUT", NF_INET_LOCAL_IN, 0, "filter"),
	CH("FORWARD", NF_INET_FORWARD, 0, "filter"),
	CH("OUTPUT", NF_INET_LOCAL_OUT, 0, "filter"),
};

/* iptables-nft uses 150 here, not the legacy NF_IP_PRI_SECURITY (50). */
static const struct xtn_chain_def security_chains[] = {
	CH("INPUT", NF_INET_LOCAL_IN, 150, "filter"),
	CH("FORWARD", NF_INET_FORWARD, 150, "filter"),
	CH("OUTPUT", NF_INET_LOCAL_OUT, 150, "filter"),
};

/* POSTROUTING before OUTPUT: the order `iptables -t nat -F -v` creates
 * them in, which `nft list` shows; listings still go by hook. */
static const struct xtn_chain_def nat_chains[] = {
	CH("PREROUTING", NF_INET_PRE_ROUTING, -100, "nat"),
	CH("INPUT", NF_INET_LOCAL_IN, 100, "nat"),
	CH("POSTROUTING", NF_INET_POST_ROUTING, 100, "nat"),
	CH("OUTPUT", NF_INET_LOCAL_OUT, -100, "nat"),
};

#define TABLE(n, c) { n, c, XTN_ARRAY_SIZE(c) }

/* In iptables-save order. */
static const struct xtn_table_def inet_tables[] = {
	TABLE("mangle", mangle_chains),
	TABLE("security", security_chains),
	TABLE("raw", raw_chains),
	TABLE("filter", filter_chains),
	TABLE("nat", nat_chains),
};

const struct xtn_family xtn_family_ipv4 = {
	.name = "ipv4",
	.bit = XTN_FAM_IPV4,
	.nfproto = NFPROTO_IPV4,
	.af = AF_INET,
	.addr_len = 4,
	.tables = inet_tables,
	.n_tables = XTN_ARRAY_SIZE(inet_tables),
	.base = &xtn_base_ip,
	.legacy_names = "/proc/net/ip_tables_names",
	.legacy_tool = "iptables-legacy",
};

const struct xtn_family xtn_family_ipv6 = {
	.name = "ipv6",
	.bit = XTN_FAM_IPV6,
	.nfproto = NFPROTO_IPV6,
	.af = AF_INET6,
	.addr_len = 16,
	.tables = inet_tables,
	.n_tables = XTN_ARRAY_SIZE(inet_tables),
	.base = &xtn_base_ip,
	.legacy_names = "/proc/net/ip6_tables_names",
	.legacy_tool = "ip6tables-legacy",
};

const struct xtn_table_def *xtn_family_table(const struct xtn_family *fam,
					     const char *name)
{
	unsigned int i;

	for (i = 0; i < fam->n_tables; i++)
		if (strcmp(fam->tables[i].name, name) == 0)
			return &fam->tables[i];
	return NULL;
}

const struct xtn_chain_def *xtn_table_builtin(const struct xtn_table_def *t,
					      const char *chain)
{
	unsigned int i;

	for (i = 0; t && i < t->n_chains; i++)
		if (strcmp(t->chains[i].name, chain) == 0)
			return &t->chains[i];
	return NULL;
}

const struct xtn_chain_def *xtn_table_builtin_by_hook(const struct xtn_table_def *t,
						      unsigned int hooknum)
{
	unsigned int i;

	for (i = 0; t && i < t->n_chains; i++)
		if (t->chains[i].hooknum == hooknum)
			return &t->chains[i];
	return NULL;
}

/* Hooks of every family fit below this (bridge uses 0 to 5). */
#define HOOKS_MAX 8

/* The i-th built-in chain of t in the order listings and saves show them:
 * by hook, whatever order they are declared (and created) in. */
const struct xtn_chain_def *xtn_table_builtin_listed(const struct xtn_table_def *t,
						     unsigned int i)
{
	const struct xtn_chain_def *d;
	unsigned int hook, k = 0;

	for (hook = 0; t && hook < HOOKS_MAX; hook++) {
		d = xtn_table_builtin_by_hook(t, hook);
		if (d && k++ == i)
			return d;
	}
	return NULL;
}
