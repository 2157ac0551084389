/* -m udp: ports, native when given, else the xt_udp compat blob. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "tcpudp.h"

enum { O_SPORT, O_DPORT };

extern const struct xtn_ext xtn_mt_udp;

static const struct xtn_optdef udp_opts[] = {
	{ .name = "source-port", .id = O_SPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "sport", .id = O_SPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "destination-port", .id = O_DPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "dport", .id = O_DPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ 0 },
};

static void udp_init(void *data, const struct xtn_family *fam)
{
	struct xt_udp *u = data;

	(void)fam;
	u->spts[1] = u->dpts[1] = 0xffff;
}

static int udp_parse(struct xtn_parse *p, void *data)
{
	struct xt_udp *u = data;
	bool src = p->opt->id == O_SPORT;

	if (p->inst->seen & (1u << p->opt->id))
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: option \"--%s\" can only be used once.\n",
				      p->ext_name, src ? "source-port" :
				      "destination-port");
	if (xtn_udp_parse_ports(p, p->arg,
				src ? "source-port" : "destination-port",
				src ? u->spts : u->dpts) < 0)
		return -1;
	if (p->invert)
		u->invflags |= src ? XT_UDP_INV_SRCPT : XT_UDP_INV_DSTPT;
	return 0;
}

static int udp_encode(struct xtn_enc *e, const void *data)
{
	const struct xt_udp *u = data;

	if (u->invflags > XT_UDP_INV_MASK ||
	    (xtn_tcpudp_all_ports(u->spts) && xtn_tcpudp_all_ports(u->dpts) &&
	     !u->invflags))
		return xtn_enc_xt(e, &xtn_mt_udp, data);
	if (xtn_enc_l4proto(e) != 17)
		return xtn_enc_fail_param(e, "UDP match requires '-p udp'");
	xtn_tcpudp_encode(e, u->spts, u->invflags & XT_UDP_INV_SRCPT, u->dpts,
			  u->invflags & XT_UDP_INV_DSTPT);
	return 0;
}

static int udp_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	uint32_t fields = xtn_tcpudp_fields(rel);
	struct xt_udp *u;

	if (!fields || xtn_dec_l4proto(d, NULL) != 17)
		return 0;
	u = xtn_dec_claim(d, &xtn_mt_udp, fields);
	if (!u)
		return -1;
	return xtn_tcpudp_decode(rel, u->spts, u->dpts, &u->invflags,
				 XT_UDP_INV_SRCPT, XT_UDP_INV_DSTPT);
}

static void udp_list(const struct xtn_out *o, const void *data)
{
	const struct xt_udp *u = data;

	xtn_out_puts(o, " udp");
	xtn_tcpudp_list_ports(o, "spt", u->spts, u->invflags & XT_UDP_INV_SRCPT, "udp");
	xtn_tcpudp_list_ports(o, "dpt", u->dpts, u->invflags & XT_UDP_INV_DSTPT, "udp");
	if (u->invflags & ~XT_UDP_INV_MASK)
		xtn_out_printf(o, " Unknown invflags: 0x%X",
			       u->invflags & ~XT_UDP_INV_MASK);
}

static void udp_save(const struct xtn_out *o, const void *data)
{
	const struct xt_udp *u = data;

	xtn_tcpudp_save_ports(o, "sport", u->spts, u->invflags & XT_UDP_INV_SRCPT);
	xtn_tcpudp_save_ports(o, "dport", u->dpts, u->invflags & XT_UDP_INV_DSTPT);
}

const struct xtn_ext xtn_mt_udp = {
	.name = "udp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_udp),
	.opts = udp_opts,
	.legacy = true,
	.help =
"udp match options:\n"
"[!] --source-port port[:port]\n"
" --sport ...\n"
"				match source port(s)\n"
"[!] --destination-port port[:port]\n"
" --dport ...\n"
"				match destination port(s)\n",
	.init = udp_init,
	.parse = udp_parse,
	.encode = udp_encode,
	.claims = XTN_CLAIM_PL_TH,
	.decode_rel = udp_decode_rel,
	.save = udp_save,
	.list = udp_list,
	.xt = { .name = "udp", .revision = 0, .size = sizeof(struct xt_udp) },
};
