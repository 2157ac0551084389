/*
 * ebtables' ip6 match (--ip6-src, --ip6-dst, --ip6-tclass, --ip6-proto,
 * ports and ICMPv6 types): the ebt_ip6_info compat blob, as ebtables-nft
 * 1.8.9 writes it.  The kernel takes it only with -p IPv6, ports only
 * with a port protocol, ICMPv6 types only with ipv6-icmp.
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/netfilter_bridge/ebt_ip6.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include "ebt_shared.h"
#include "icmp_names.h"
#include "tcpudp.h"

/* option ids: the bit positions of EBT_IP6_* */
enum { O_SRC, O_DST, O_TCLASS, O_PROTO, O_SPORT, O_DPORT, O_ICMP6 };

#define OPT(n, i) { .name = n, .id = i, .has_arg = 1, .flags = XTN_OF_INVERT }
static const struct xtn_optdef ip6_opts[] = {
	OPT("ip6-source", O_SRC),
	OPT("ip6-src", O_SRC),
	OPT("ip6-destination", O_DST),
	OPT("ip6-dst", O_DST),
	OPT("ip6-tclass", O_TCLASS),
	OPT("ip6-protocol", O_PROTO),
	OPT("ip6-proto", O_PROTO),
	OPT("ip6-source-port", O_SPORT),
	OPT("ip6-sport", O_SPORT),
	OPT("ip6-destination-port", O_DPORT),
	OPT("ip6-dport", O_DPORT),
	OPT("ip6-icmp-type", O_ICMP6),
	{ 0 },
};
#undef OPT

static int parse_value(struct xtn_parse *p, struct ebt_ip6_info *info)
{
	uint64_t tclass;

	switch (p->opt->id) {
	case O_SRC:
		return xtn_ebt_parse_addr(p, AF_INET6, &info->saddr, &info->smsk);
	case O_DST:
		return xtn_ebt_parse_addr(p, AF_INET6, &info->daddr, &info->dmsk);
	case O_TCLASS:
		/* 1.8.9 stops at the first character that is no digit
		 * ("5x" is 5): refused here */
		if (!xtn_strtoui(p->arg, NULL, &tclass, 0, UINT8_MAX))
			return xtn_parse_fail(p, XTN_PARAM,
					      "Problem with specified IPv6 traffic class '%s'",
					      p->arg);
		info->tclass = (uint8_t)tclass;
		return 0;
	case O_PROTO:
		return xtn_ebt_parse_proto(p, &info->protocol);
	case O_SPORT:
		return xtn_tcpudp_parse_ports(p, p->arg, NULL, info->sport);
	case O_DPORT:
		return xtn_tcpudp_parse_ports(p, p->arg, NULL, info->dport);
	case O_ICMP6:
		return xtn_icmp_parse_range(p, &xtn_icmpv6_names, p->arg,
					    info->icmpv6_type, info->icmpv6_code);
	}
	return 0;
}

XTN_EBT_FLAGGED_PARSE(ip6_parse, struct ebt_ip6_info, parse_value)

static bool save_opt(const struct xtn_out *o, const struct ebt_ip6_info *info,
		     unsigned int id, const char *name)
{
	return xtn_ebt_save_opt(o, info->bitmask, info->invflags, 1u << id,
				name);
}

static void ip6_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_ip6_info *info = data;

	if (save_opt(o, info, O_SRC, "ip6-src"))
		xtn_ebt_save_addr(o, AF_INET6, &info->saddr, &info->smsk);
	if (save_opt(o, info, O_DST, "ip6-dst"))
		xtn_ebt_save_addr(o, AF_INET6, &info->daddr, &info->dmsk);
	if (save_opt(o, info, O_TCLASS, "ip6-tclass"))
		xtn_out_printf(o, " 0x%02X", info->tclass);
	if (save_opt(o, info, O_PROTO, "ip6-proto"))
		xtn_ebt_save_proto(o, info->protocol);
	if (save_opt(o, info, O_SPORT, "ip6-sport"))
		xtn_ebt_save_range(o, info->sport[0], info->sport[1]);
	if (save_opt(o, info, O_DPORT, "ip6-dport"))
		xtn_ebt_save_range(o, info->dport[0], info->dport[1]);
	if (save_opt(o, info, O_ICMP6, "ip6-icmp-type"))
		xtn_icmp_save_range(o, &xtn_icmpv6_names, info->icmpv6_type,
				    info->icmpv6_code);
}

const struct xtn_ext xtn_eb_ip6 = {
	.name = "ip6",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_ip6_info),
	.opts = ip6_opts,
	.legacy = true,
	.help =
"ip6 options:\n"
"--ip6-src    [!] address[/mask]: ipv6 source specification\n"
"--ip6-dst    [!] address[/mask]: ipv6 destination specification\n"
"--ip6-tclass [!] tclass        : ipv6 traffic class specification\n"
"--ip6-proto  [!] protocol      : ipv6 protocol specification\n"
"--ip6-sport  [!] port[:port]   : tcp/udp source port or port range\n"
"--ip6-dport  [!] port[:port]   : tcp/udp destination port or port range\n"
"--ip6-icmp-type [!] type[[:type]/code[:code]] : ipv6-icmp type/code or type/code range\n",
	.parse = ip6_parse,
	.save = ip6_save,
	.list = ip6_save,
	.xt = { .name = "ip6", .revision = 0,
		.size = sizeof(struct ebt_ip6_info) },
};
