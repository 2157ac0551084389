/*
 * -m multiport --sports/--dports/--ports LIST: the xt_multiport_v1 compat
 * blob (rev 1, as 1.8.9 writes it); rev 0 (no ranges, no inversion) is
 * still read.  A range "a:b" takes two slots, the first flagged in pflags.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/xt_multiport.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "tcpudp.h"
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

enum { O_SPORTS, O_DPORTS, O_PORTS };

#define F_SPORTS (1u << O_SPORTS)
#define F_DPORTS (1u << O_DPORTS)
#define F_PORTS (1u << O_PORTS)

/* 1.8.9 names the first spelling of each option in its messages */
static const struct xtn_optdef multiport_opts[] = {
	{ .name = "source-ports", .id = O_SPORTS, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F_DPORTS | F_PORTS },
	{ .name = "sports", .id = O_SPORTS, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F_DPORTS | F_PORTS },
	{ .name = "destination-ports", .id = O_DPORTS, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F_SPORTS | F_PORTS },
	{ .name = "dports", .id = O_DPORTS, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F_SPORTS | F_PORTS },
	{ .name = "ports", .id = O_PORTS, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F_SPORTS | F_DPORTS },
	{ 0 },
};

/* The protocols whose ports xt_multiport reads. */
static const char *proto_name(unsigned int proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_UDPLITE:
		return "udplite";
	case IPPROTO_SCTP:
		return "sctp";
	case IPPROTO_DCCP:
		return "dccp";
	default:
		return NULL;
	}
}

/* 1.8.9 checks the -p given so far, when the option is parsed. */
static const char *check_proto(struct xtn_parse *p)
{
	bool inv;
	unsigned int proto = xtn_rule_l4proto(p->rule, &inv);
	const char *name = proto_name(proto);

	if (!inv && name)
		return name;
	if (!inv && proto == 0)
		xtn_parse_fail(p, XTN_PARAM,
			       "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
	else
		xtn_parse_fail(p, XTN_PARAM,
			       "multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
	return NULL;
}

/* One comma-separated item at slot *i: a port, or a range in two slots. */
static int parse_item(struct xtn_parse *p, struct xt_multiport_v1 *m,
		      char *item, const char *proto, unsigned int *i)
{
	char *hi = strchr(item, ':');

	if (hi) {
		if (*i == XT_MULTI_PORTS - 1)
			return xtn_parse_fail(p, XTN_PARAM,
					      "too many ports specified");
		*hi++ = '\0';
	}
	if (xtn_tcpudp_parse_port(p, item, proto, &m->ports[*i]) < 0)
		return -1;
	if (!hi)
		return 0;
	m->pflags[*i] = 1;
	(*i)++;
	if (xtn_tcpudp_parse_port(p, hi, proto, &m->ports[*i]) < 0)
		return -1;
	if (m->ports[*i - 1] >= m->ports[*i])
		return xtn_parse_fail(p, XTN_PARAM,
				      "invalid portrange specified");
	return 0;
}

static int parse_list(struct xtn_parse *p, struct xt_multiport_v1 *m,
		      const char *proto)
{
	char *buf = xtn_xstrdup(p->arg), *cp = buf, *next;
	unsigned int i;
	int ret = 0;

	memset(m->ports, 0, sizeof(m->ports));
	memset(m->pflags, 0, sizeof(m->pflags));
	for (i = 0; cp && i < XT_MULTI_PORTS; cp = next, i++) {
		next = strchr(cp, ',');
		if (next)
			*next++ = '\0';
		ret = parse_item(p, m, cp, proto, &i);
		if (ret < 0)
			break;
	}
	if (ret == 0 && cp)
		ret = xtn_parse_fail(p, XTN_PARAM, "too many ports specified");
	m->count = (uint8_t)i;
	free(buf);
	return ret;
}

static int multiport_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t flags[] = {
		[O_SPORTS] = XT_MULTIPORT_SOURCE,
		[O_DPORTS] = XT_MULTIPORT_DESTINATION,
		[O_PORTS] = XT_MULTIPORT_EITHER,
	};
	struct xt_multiport_v1 *m = data;
	const char *proto = check_proto(p);

	if (!proto || parse_list(p, m, proto) < 0)
		return -1;
	m->flags = flags[p->opt->id];
	m->invert = p->invert;
	return 0;
}

static int multiport_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM,
				      "multiport expection an option");
	return 0;
}

/* Revision 0: a plain list, never inverted. */
static int multiport_decode_v0(struct xtn_dec *d, void *data,
			       const void *info, size_t len)
{
	const struct xt_multiport *old = info;
	struct xt_multiport_v1 *m = data;

	(void)d;
	(void)len;
	if (old->count > XT_MULTI_PORTS)
		return -1;
	m->flags = old->flags;
	m->count = old->count;
	memcpy(m->ports, old->ports, sizeof(m->ports));
	return 0;
}

static int multiport_decode_xt(struct xtn_dec *d, void *data,
			       const void *info, size_t len)
{
	const struct xt_multiport_v1 *m = info;

	(void)d;
	(void)len;
	if (m->count > XT_MULTI_PORTS)
		return -1;
	memcpy(data, info, sizeof(*m));
	return 0;
}

static void put_port(const struct xtn_out *o, uint16_t port, const char *proto)
{
	char buf[64];

	if (!xtn_out_numeric(o) && proto &&
	    xtn_res_port_to_service(o->res, port, proto, buf, sizeof(buf)))
		xtn_out_puts(o, buf);
	else
		xtn_out_printf(o, "%u", port);
}

static void put_ports(const struct xtn_out *o, const struct xt_multiport_v1 *m,
		      const char *proto)
{
	unsigned int i;

	for (i = 0; i < m->count && i < XT_MULTI_PORTS; i++) {
		if (i)
			xtn_out_puts(o, ",");
		put_port(o, m->ports[i], proto);
		if (m->pflags[i] && i + 1 < XT_MULTI_PORTS) {
			xtn_out_puts(o, ":");
			put_port(o, m->ports[++i], proto);
		}
	}
}

static void multiport_list(const struct xtn_out *o, const void *data)
{
	const struct xt_multiport_v1 *m = data;

	xtn_out_puts(o, " multiport ");
	switch (m->flags) {
	case XT_MULTIPORT_SOURCE:
		xtn_out_puts(o, "sports ");
		break;
	case XT_MULTIPORT_DESTINATION:
		xtn_out_puts(o, "dports ");
		break;
	case XT_MULTIPORT_EITHER:
		xtn_out_puts(o, "ports ");
		break;
	default:
		xtn_out_puts(o, "ERROR ");
		break;
	}
	if (m->invert)
		xtn_out_puts(o, " !");
	put_ports(o, m, proto_name(xtn_rule_l4proto(o->rule, NULL)));
}

static void multiport_save(const struct xtn_out *o, const void *data)
{
	const struct xt_multiport_v1 *m = data;

	if (m->invert)
		xtn_out_puts(o, " !");
	switch (m->flags) {
	case XT_MULTIPORT_SOURCE:
		xtn_out_puts(o, " --sports ");
		break;
	case XT_MULTIPORT_DESTINATION:
		xtn_out_puts(o, " --dports ");
		break;
	case XT_MULTIPORT_EITHER:
		xtn_out_puts(o, " --ports ");
		break;
	}
	put_ports(o, m, NULL);
}

static const struct xtn_xt_rev multiport_revs[] = {
	{ .revision = 0, .size = sizeof(struct xt_multiport),
	  .decode = multiport_decode_v0 },
	{ 0 },
};

const struct xtn_ext xtn_mt_multiport = {
	.name = "multiport",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_multiport_v1),
	.opts = multiport_opts,
	.help =
"multiport match options:\n"
"[!] --source-ports port[,port:port,port...]\n"
" --sports ...\n"
"\t\t\t\tmatch source port(s)\n"
"[!] --destination-ports port[,port:port,port...]\n"
" --dports ...\n"
"\t\t\t\tmatch destination port(s)\n"
"[!] --ports port[,port:port,port]\n"
"\t\t\t\tmatch both source and destination port(s)\n",
	.parse = multiport_parse,
	.final = multiport_final,
	.decode_xt = multiport_decode_xt,
	.save = multiport_save,
	.list = multiport_list,
	.xt = { .name = "multiport", .revision = 1,
		.size = sizeof(struct xt_multiport_v1) },
	.xt_read = multiport_revs,
};
