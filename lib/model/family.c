/*
 * Family profiles as const data: the tables and built-in chains exactly as
 * iptables-nft 1.8.9 creates them (interop.md section 1.1).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netfilter.h>
#include <linux/netfilter_arp.h>
#include <linux/netfilter_bridge.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

extern const struct xtn_ext xtn_base_ip;
extern const struct xtn_ext xtn_base_eb;
extern const struct xtn_ext xtn_base_arp;

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

/* -j NAME and policies; iptables' QUEUE is a target of its own there. */
static const struct xtn_verdict_name inet_verdicts[] = {
	{ "ACCEPT", XTN_V_ACCEPT, XTN_POLICY_BUILTIN, NF_ACCEPT },
	{ "DROP", XTN_V_DROP, XTN_POLICY_BUILTIN, NF_DROP },
	{ "RETURN", XTN_V_RETURN, 0, NFT_RETURN },
	{ NULL, 0, 0, 0 },
};

/* ebtables: CONTINUE is "no verdict"; a user chain's policy may be any
 * of ACCEPT, DROP, RETURN (its default). */
static const struct xtn_verdict_name bridge_verdicts[] = {
	{ "ACCEPT", XTN_V_ACCEPT, XTN_POLICY_BUILTIN | XTN_POLICY_USER, NF_ACCEPT },
	{ "DROP", XTN_V_DROP, XTN_POLICY_BUILTIN | XTN_POLICY_USER, NF_DROP },
	{ "CONTINUE", XTN_V_NONE, 0, NFT_CONTINUE },
	{ "RETURN", XTN_V_RETURN, XTN_POLICY_USER, NFT_RETURN },
	{ NULL, 0, 0, 0 },
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
	.dialect = &xtn_dialect_iptables,
	.verdicts = inet_verdicts,
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
	.dialect = &xtn_dialect_iptables,
	.verdicts = inet_verdicts,
	.legacy_names = "/proc/net/ip6_tables_names",
	.legacy_tool = "ip6tables-legacy",
};

/* ebtables-nft's layout (NF_BR_PRI_*); broute as upstream lays it out
 * after 1.8.9, which has no broute table at all. */
static const struct xtn_chain_def br_filter_chains[] = {
	CH("INPUT", NF_BR_LOCAL_IN, -200, "filter"),
	CH("FORWARD", NF_BR_FORWARD, -200, "filter"),
	CH("OUTPUT", NF_BR_LOCAL_OUT, -200, "filter"),
};

static const struct xtn_chain_def br_nat_chains[] = {
	CH("PREROUTING", NF_BR_PRE_ROUTING, -300, "filter"),
	CH("OUTPUT", NF_BR_LOCAL_OUT, 100, "filter"),
	CH("POSTROUTING", NF_BR_POST_ROUTING, 300, "filter"),
};

static const struct xtn_chain_def br_broute_chains[] = {
	CH("BROUTING", NF_BR_PRE_ROUTING, INT32_MIN, "filter"),
};

static const struct xtn_table_def bridge_tables[] = {
	TABLE("filter", br_filter_chains),
	TABLE("nat", br_nat_chains),
	TABLE("broute", br_broute_chains),
};

const struct xtn_family xtn_family_bridge = {
	.name = "bridge",
	.bit = XTN_FAM_BRIDGE,
	.nfproto = NFPROTO_BRIDGE,
	.tables = bridge_tables,
	.n_tables = XTN_ARRAY_SIZE(bridge_tables),
	.base = &xtn_base_eb,
	.dialect = &xtn_dialect_ebtables,
	.verdicts = bridge_verdicts,
	.eopnotsupp_hint = "ebtables: this kernel lacks bridge meta support "
			   "(CONFIG_NFT_BRIDGE_META), which --logical-in, "
			   "--logical-out and DROP in the broute table need",
	/* ebtables-nft 1.8.9 looks for no legacy tables */
};

/* arptables-nft has no FORWARD chain (interop.md 1.1). */
static const struct xtn_chain_def arp_filter_chains[] = {
	CH("INPUT", NF_ARP_IN, 0, "filter"),
	CH("OUTPUT", NF_ARP_OUT, 0, "filter"),
};

static const struct xtn_table_def arp_tables[] = {
	TABLE("filter", arp_filter_chains),
};

const struct xtn_family xtn_family_arp = {
	.name = "arp",
	.bit = XTN_FAM_ARP,
	.nfproto = NFPROTO_ARP,
	.addr_len = 4,
	.tables = arp_tables,
	.n_tables = XTN_ARRAY_SIZE(arp_tables),
	.base = &xtn_base_arp,
	.dialect = &xtn_dialect_arptables,
	.verdicts = inet_verdicts,
	.legacy_names = "/proc/net/arp_tables_names",
	.legacy_tool = "arptables-legacy",
};

const struct xtn_verdict_name *xtn_family_verdict(const struct xtn_family *fam,
						  const char *name)
{
	const struct xtn_verdict_name *v;

	for (v = fam->verdicts; v && v->name; v++)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

const char *xtn_family_verdict_name(const struct xtn_family *fam,
				    unsigned int verdict)
{
	const struct xtn_verdict_name *v;

	for (v = fam->verdicts; v && v->name; v++)
		if (v->verdict == verdict)
			return v->name;
	return NULL;
}

const struct xtn_table_def *xtn_family_table(const struct xtn_family *fam,
					     const char *name)
{
	unsigned int i;

	/* asked twice for every restored rule: the first letter tells
	 * the tables apart before strcmp */
	for (i = 0; i < fam->n_tables; i++)
		if (fam->tables[i].name[0] == name[0] &&
		    strcmp(fam->tables[i].name, name) == 0)
			return &fam->tables[i];
	return NULL;
}

const struct xtn_chain_def *xtn_table_builtin(const struct xtn_table_def *t,
					      const char *chain)
{
	unsigned int i;

	for (i = 0; t && i < t->n_chains; i++)
		if (t->chains[i].name[0] == chain[0] &&
		    strcmp(t->chains[i].name, chain) == 0)
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
