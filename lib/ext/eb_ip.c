/*
 * ebtables' ip match (--ip-src, --ip-dst, --ip-tos, --ip-proto, ports,
 * ICMP and IGMP types): the ebt_ip_info compat blob, as ebtables-nft
 * 1.8.9 writes it.  The kernel takes it only with -p IPv4, ports only
 * with a port protocol, ICMP and IGMP types only with theirs.
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/netfilter_bridge/ebt_ip.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include "ebt_shared.h"
#include "icmp_names.h"
#include "tcpudp.h"

/* option ids: the bit positions of EBT_IP_* */
enum { O_SRC, O_DST, O_TOS, O_PROTO, O_SPORT, O_DPORT, O_ICMP, O_IGMP };

#define OPT(n, i) { .name = n, .id = i, .has_arg = 1, .flags = XTN_OF_INVERT }
static const struct xtn_optdef ip_opts[] = {
	OPT("ip-source", O_SRC),
	OPT("ip-src", O_SRC),
	OPT("ip-destination", O_DST),
	OPT("ip-dst", O_DST),
	OPT("ip-tos", O_TOS),
	OPT("ip-protocol", O_PROTO),
	OPT("ip-proto", O_PROTO),
	OPT("ip-source-port", O_SPORT),
	OPT("ip-sport", O_SPORT),
	OPT("ip-destination-port", O_DPORT),
	OPT("ip-dport", O_DPORT),
	OPT("ip-icmp-type", O_ICMP),
	OPT("ip-igmp-type", O_IGMP),
	{ 0 },
};
#undef OPT

static int parse_value(struct xtn_parse *p, struct ebt_ip_info *info)
{
	uint64_t tos;

	switch (p->opt->id) {
	case O_SRC:
		return xtn_ebt_parse_addr(p, AF_INET, &info->saddr, &info->smsk);
	case O_DST:
		return xtn_ebt_parse_addr(p, AF_INET, &info->daddr, &info->dmsk);
	case O_TOS:
		if (!xtn_strtoui(p->arg, NULL, &tos, 0, UINT8_MAX))
			return xtn_parse_fail(p, XTN_PARAM,
					      "Problem with specified IP tos");
		info->tos = (uint8_t)tos;
		return 0;
	case O_PROTO:
		return xtn_ebt_parse_proto(p, &info->protocol);
	case O_SPORT:
		return xtn_tcpudp_parse_ports(p, p->arg, NULL, info->sport);
	case O_DPORT:
		return xtn_tcpudp_parse_ports(p, p->arg, NULL, info->dport);
	case O_ICMP:
		return xtn_icmp_parse_range(p, &xtn_icmp_names, p->arg,
					    info->icmp_type, info->icmp_code);
	case O_IGMP:
		return xtn_icmp_parse_range(p, &xtn_igmp_names, p->arg,
					    info->igmp_type, NULL);
	}
	return 0;
}

XTN_EBT_FLAGGED_PARSE(ip_parse, struct ebt_ip_info, parse_value)

static bool save_opt(const struct xtn_out *o, const struct ebt_ip_info *info,
		     unsigned int id, const char *name)
{
	return xtn_ebt_save_opt(o, info->bitmask, info->invflags, 1u << id,
				name);
}

static void ip_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_ip_info *info = data;

	if (save_opt(o, info, O_SRC, "ip-src"))
		xtn_ebt_save_addr(o, AF_INET, &info->saddr, &info->smsk);
	if (save_opt(o, info, O_DST, "ip-dst"))
		xtn_ebt_save_addr(o, AF_INET, &info->daddr, &info->dmsk);
	if (save_opt(o, info, O_TOS, "ip-tos"))
		xtn_out_printf(o, " 0x%02X", info->tos);
	if (save_opt(o, info, O_PROTO, "ip-proto"))
		xtn_ebt_save_proto(o, info->protocol);
	if (save_opt(o, info, O_SPORT, "ip-sport"))
		xtn_ebt_save_range(o, info->sport[0], info->sport[1]);
	if (save_opt(o, info, O_DPORT, "ip-dport"))
		xtn_ebt_save_range(o, info->dport[0], info->dport[1]);
	if (save_opt(o, info, O_ICMP, "ip-icmp-type"))
		xtn_icmp_save_range(o, &xtn_icmp_names, info->icmp_type,
				    info->icmp_code);
	/* 1.8.9 prints no blank after an IGMP type ("17:34-j CONTINUE"),
	 * which no parser takes back: this one has it */
	if (save_opt(o, info, O_IGMP, "ip-igmp-type"))
		xtn_icmp_save_range(o, &xtn_igmp_names, info->igmp_type, NULL);
}

const struct xtn_ext xtn_eb_ip = {
	.name = "ip",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_ip_info),
	.opts = ip_opts,
	.legacy = true,
	.help =
"ip options:\n"
"--ip-src    [!] address[/mask]: ip source specification\n"
"--ip-dst    [!] address[/mask]: ip destination specification\n"
"--ip-tos    [!] tos           : ip tos specification\n"
"--ip-proto  [!] protocol      : ip protocol specification\n"
"--ip-sport  [!] port[:port]   : tcp/udp source port or port range\n"
"--ip-dport  [!] port[:port]   : tcp/udp destination port or port range\n"
"--ip-icmp-type [!] type[[:type]/code[:code]] : icmp type/code or type/code range\n"
"--ip-igmp-type [!] type[:type]               : igmp type or type range\n",
	.parse = ip_parse,
	.save = ip_save,
	.list = ip_save,
	.xt = { .name = "ip", .revision = 0,
		.size = sizeof(struct ebt_ip_info) },
};
