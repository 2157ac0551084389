/*
 * The extension registry: a const array, libnftnl expr_ops style.  Order
 * matters only for decoding, where native relations are offered to the
 * descriptors in this order after the family's base match.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/util.h>

extern const struct xtn_ext xtn_base_ip;
extern const struct xtn_ext xtn_mt_tcp;
extern const struct xtn_ext xtn_mt_udp;
extern const struct xtn_ext xtn_mt_icmp;
extern const struct xtn_ext xtn_mt_icmp6;
extern const struct xtn_ext xtn_mt_comment;
extern const struct xtn_ext xtn_tg_standard;

static const struct xtn_ext *const registry[] = {
	&xtn_base_ip,
	&xtn_mt_tcp,
	&xtn_mt_udp,
	&xtn_mt_icmp,
	&xtn_mt_icmp6,
	&xtn_mt_comment,
	&xtn_tg_standard,
};

/*
 * iptables extensions that later roadmap steps add.  Naming one gives a
 * clear "not supported yet" instead of a confusing chain-jump error.
 */
static const char *const unsupported[] = {
	"addrtype", "ah", "bpf", "cgroup", "cluster", "connbytes", "connlabel",
	"connlimit", "connmark", "conntrack", "cpu", "dccp", "devgroup", "dscp",
	"dst", "ecn", "esp", "eui64", "frag", "hashlimit", "hbh", "helper",
	"hl", "ipcomp", "iprange", "ipv6header", "ipvs", "length", "limit",
	"mac", "mark", "mh", "multiport", "nfacct", "osf", "owner", "physdev",
	"pkttype", "policy", "quota", "rateest", "realm", "recent", "rpfilter",
	"rt", "sctp", "set", "socket", "state", "statistic", "string",
	"tcpmss", "time", "tos", "ttl", "u32", "udplite",
	"AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK",
	"CT", "DNAT", "DNPT", "DSCP", "ECN", "HL", "HMARK", "IDLETIMER", "LED",
	"LOG", "MARK", "MASQUERADE", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK",
	"RATEEST", "REDIRECT", "REJECT", "SECMARK", "SET", "SNAT", "SNPT",
	"SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE",
	"TTL", "ULOG", "QUEUE",
};

const struct xtn_ext *const *xtn_ext_registry(size_t *n)
{
	*n = XTN_ARRAY_SIZE(registry);
	return registry;
}

static bool fits(const struct xtn_ext *e, enum xtn_ext_kind kind,
		 const struct xtn_family *fam)
{
	return e->kind == kind && (!fam || (e->families & fam->bit));
}

const struct xtn_ext *xtn_ext_find(const char *name, enum xtn_ext_kind kind,
				   const struct xtn_family *fam)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(registry); i++)
		if (fits(registry[i], kind, fam) &&
		    strcmp(registry[i]->name, name) == 0)
			return registry[i];
	return NULL;
}

const struct xtn_ext *xtn_ext_find_xt(const char *xtname, unsigned int rev,
				      enum xtn_ext_kind kind,
				      const struct xtn_family *fam)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(registry); i++) {
		const struct xtn_ext *e = registry[i];

		if (fits(e, kind, fam) && e->xt.name &&
		    strcmp(e->xt.name, xtname) == 0 && e->xt.revision == rev)
			return e;
	}
	return NULL;
}

bool xtn_ext_is_known_unsupported(const char *name)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(unsupported); i++)
		if (strcmp(unsupported[i], name) == 0)
			return true;
	return false;
}

const struct xtn_optdef *xtn_ext_opt_by_id(const struct xtn_ext *ext,
					   unsigned int id)
{
	const struct xtn_optdef *o;

	for (o = ext->opts; o && o->name; o++)
		if (o->id == id)
			return o;
	return NULL;
}
