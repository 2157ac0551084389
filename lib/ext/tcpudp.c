/* Port parsing, encoding, decoding and printing for tcp and udp. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include <xtnft/model.h>
#include "tcpudp.h"

int xtn_tcpudp_parse_port(struct xtn_parse *p, const char *s, const char *proto,
			  uint16_t *out)
{
	int port = xtn_port_parse(s, proto, p->ctx->resolver);

	if (port < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "invalid port/service `%s' specified", s);
	*out = (uint16_t)port;
	return 0;
}

int xtn_tcpudp_parse_ports(struct xtn_parse *p, const char *arg,
			   const char *proto, uint16_t ports[2])
{
	char *buf = xtn_xstrdup(arg), *cp = strchr(buf, ':');
	int ret = 0;

	if (!cp) {
		ret = xtn_tcpudp_parse_port(p, buf, proto, &ports[0]);
		ports[1] = ports[0];
	} else {
		*cp++ = '\0';
		ports[0] = 0;
		ports[1] = 0xffff;
		if (buf[0])
			ret = xtn_tcpudp_parse_port(p, buf, proto, &ports[0]);
		if (!ret && cp[0])
			ret = xtn_tcpudp_parse_port(p, cp, proto, &ports[1]);
		if (!ret && ports[0] > ports[1])
			ret = xtn_parse_fail(p, XTN_PARAM,
					     "invalid portrange (min > max)");
	}
	free(buf);
	return ret;
}

int xtn_udp_parse_ports(struct xtn_parse *p, const char *arg,
			const char *optname, uint16_t ports[2])
{
	char *buf = xtn_xstrdup(arg), *rest = buf, *part;
	unsigned int n = 0;
	int port, ret = 0;

	while (rest && n < 2) {
		part = strsep(&rest, ":");
		if (part[0] == '\0') {
			port = n == 0 ? 0 : 0xffff;
		} else if ((port = xtn_port_parse_any(part,
						      p->ctx->resolver)) < 0) {
			ret = xtn_parse_fail(p, XTN_PARAM,
					     "Port \"%s\" does not resolve to anything.\n",
					     part);
			break;
		}
		ports[n++] = (uint16_t)port;
	}
	if (!ret && rest)
		ret = xtn_parse_fail(p, XTN_PARAM,
				     "%s: Too many components for option \"--%s\" (max: 2)\n",
				     p->ext_name, optname);
	if (!ret && n == 1)
		ports[1] = ports[0];
	free(buf);
	return ret;
}

bool xtn_tcpudp_all_ports(const uint16_t ports[2])
{
	return ports[0] == 0 && ports[1] == 0xffff;
}

static void encode_range(struct xtn_enc *e, uint32_t offset,
			 const uint16_t ports[2], bool inv)
{
	uint16_t lo = htons(ports[0]), hi = htons(ports[1]);

	xtn_enc_payload_load(e, XTN_PL_TH, offset, 2);
	if (ports[0] == ports[1])
		xtn_enc_cmp(e, inv ? XTN_OP_NEQ : XTN_OP_EQ, &lo, 2);
	else if (ports[0] == 0 && ports[1] < 0xffff)
		xtn_enc_cmp(e, inv ? XTN_OP_GT : XTN_OP_LTE, &hi, 2);
	else
		xtn_enc_range(e, inv ? XTN_OP_RANGE_NEQ : XTN_OP_RANGE_EQ, &lo,
			      &hi, 2);
}

void xtn_tcpudp_encode(struct xtn_enc *e, const uint16_t spts[2], bool inv_s,
		       const uint16_t dpts[2], bool inv_d)
{
	if (spts[0] && spts[0] == spts[1] && dpts[0] && dpts[0] == dpts[1] &&
	    !inv_s && !inv_d) {
		uint32_t both = htonl((uint32_t)spts[0] << 16 | dpts[0]);

		xtn_enc_payload_load(e, XTN_PL_TH, 0, 4);
		xtn_enc_cmp(e, XTN_OP_EQ, &both, 4);
		return;
	}
	/* an inverted full range never matches: keep it (1.8.9 dropped it) */
	if (!xtn_tcpudp_all_ports(spts) || inv_s)
		encode_range(e, 0, spts, inv_s);
	if (!xtn_tcpudp_all_ports(dpts) || inv_d)
		encode_range(e, 2, dpts, inv_d);
}

static uint16_t be16_at(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static int decode_one(const struct xtn_rel *rel, uint16_t ports[2],
		      bool *inv)
{
	uint16_t v = be16_at(rel->data);

	*inv = false;
	switch (rel->op) {
	case XTN_OP_EQ:
	case XTN_OP_NEQ:
		ports[0] = ports[1] = v;
		*inv = rel->op == XTN_OP_NEQ;
		return 1;
	case XTN_OP_LT:
		if (v == 0)
			return -1;
		ports[0] = 0;
		ports[1] = v - 1;
		return 1;
	case XTN_OP_LTE:
		ports[0] = 0;
		ports[1] = v;
		return 1;
	case XTN_OP_GT:
		if (v == 0xffff)
			return -1;
		ports[0] = v + 1;
		ports[1] = 0xffff;
		return 1;
	case XTN_OP_GTE:
		ports[0] = v;
		ports[1] = 0xffff;
		return 1;
	case XTN_OP_RANGE_EQ:
	case XTN_OP_RANGE_NEQ:
		ports[0] = v;
		ports[1] = be16_at(rel->hi);
		*inv = rel->op == XTN_OP_RANGE_NEQ;
		return 1;
	}
	return -1;
}

uint32_t xtn_tcpudp_fields(const struct xtn_rel *rel)
{
	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_TH ||
	    rel->f.masked)
		return 0;
	if (rel->f.offset == 0 && rel->len == 4)
		return XTN_TCPUDP_SPORT | XTN_TCPUDP_DPORT;
	if (rel->len != 2)
		return 0;
	return rel->f.offset == 0 ? XTN_TCPUDP_SPORT :
	       rel->f.offset == 2 ? XTN_TCPUDP_DPORT : 0;
}

int xtn_tcpudp_decode(const struct xtn_rel *rel, uint16_t spts[2],
		      uint16_t dpts[2], uint8_t *invflags, uint8_t inv_s,
		      uint8_t inv_d)
{
	bool inv;
	int ret;

	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_TH ||
	    rel->f.masked)
		return 0;
	if (rel->f.offset == 0 && rel->len == 4) {
		if (rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ)
			return -1;
		spts[0] = spts[1] = be16_at(rel->data);
		dpts[0] = dpts[1] = be16_at(rel->data + 2);
		if (rel->op == XTN_OP_NEQ)
			*invflags |= inv_s | inv_d;
		return 1;
	}
	if (rel->len != 2 || (rel->f.offset != 0 && rel->f.offset != 2))
		return 0;
	ret = decode_one(rel, rel->f.offset == 0 ? spts : dpts, &inv);
	if (ret > 0 && inv)
		*invflags |= rel->f.offset == 0 ? inv_s : inv_d;
	return ret;
}

static void list_port(const struct xtn_out *o, uint16_t port,
		      const char *proto)
{
	char buf[64];

	if (!(o->fmt & XTN_FMT_NUMERIC) &&
	    xtn_res_port_to_service(o->res, port, proto, buf, sizeof(buf)))
		xtn_out_puts(o, buf);
	else
		xtn_out_printf(o, "%u", port);
}

void xtn_tcpudp_list_ports(const struct xtn_out *o, const char *name,
			   const uint16_t ports[2], bool inv,
			   const char *proto)
{
	const char *i = inv ? "!" : "";

	if (xtn_tcpudp_all_ports(ports) && !inv)
		return;
	xtn_out_printf(o, " %s", name);
	if (ports[0] == ports[1]) {
		xtn_out_printf(o, ":%s", i);
		list_port(o, ports[0], proto);
	} else {
		xtn_out_printf(o, "s:%s", i);
		list_port(o, ports[0], proto);
		xtn_out_puts(o, ":");
		list_port(o, ports[1], proto);
	}
}

void xtn_tcpudp_save_ports(const struct xtn_out *o, const char *opt,
			   const uint16_t ports[2], bool inv)
{
	if (xtn_tcpudp_all_ports(ports) && !inv)
		return;
	if (inv)
		xtn_out_puts(o, " !");
	if (ports[0] != ports[1])
		xtn_out_printf(o, " --%s %u:%u", opt, ports[0], ports[1]);
	else
		xtn_out_printf(o, " --%s %u", opt, ports[0]);
}
