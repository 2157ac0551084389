/*
 * -m tcp: ports, flags, options.  Native expressions when iptables-nft
 * 1.8.9 would write them (ports and flags), else the xt_tcp compat blob.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "tcpudp.h"

enum { O_SPORT, O_DPORT, O_SYN, O_FLAGS, O_OPTION };

extern const struct xtn_ext xtn_mt_tcp;

static const struct xtn_optdef tcp_opts[] = {
	{ .name = "source-port", .id = O_SPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "sport", .id = O_SPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "destination-port", .id = O_DPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "dport", .id = O_DPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "syn", .id = O_SYN, .has_arg = 0, .flags = XTN_OF_INVERT },
	{ .name = "tcp-flags", .id = O_FLAGS, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "tcp-option", .id = O_OPTION, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ 0 },
};

static const struct {
	const char *name;
	uint8_t flag;
} tcp_flag_names[] = {
	{ "FIN", 0x01 }, { "SYN", 0x02 }, { "RST", 0x04 }, { "PSH", 0x08 },
	{ "ACK", 0x10 }, { "URG", 0x20 }, { "ALL", 0x3f }, { "NONE", 0 },
};

/* xtn_dec_claim field bit beside the two ports */
#define TCP_FIELD_FLAGS 4u

static void tcp_init(void *data, const struct xtn_family *fam)
{
	struct xt_tcp *t = data;

	(void)fam;
	t->spts[1] = t->dpts[1] = 0xffff;
}

static int parse_flags(struct xtn_parse *p, const char *s, uint8_t *out)
{
	char *buf = xtn_xstrdup(s), *save = NULL, *tok;
	int ret = 0;

	*out = 0;
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < XTN_ARRAY_SIZE(tcp_flag_names); i++) {
			if (strcasecmp(tcp_flag_names[i].name, tok) == 0) {
				*out |= tcp_flag_names[i].flag;
				break;
			}
		}
		if (i == XTN_ARRAY_SIZE(tcp_flag_names)) {
			ret = xtn_parse_fail(p, XTN_PARAM, "Unknown TCP flag `%s'", tok);
			break;
		}
	}
	free(buf);
	return ret;
}

static int parse_tcp_flags(struct xtn_parse *p, struct xt_tcp *t)
{
	const char *cmp;

	if (p->inst->seen & (1u << O_FLAGS | 1u << O_SYN))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Only one of `--syn' or `--tcp-flags'  allowed");
	if (p->opt->id == O_SYN) {
		t->flg_mask = 0x17;	/* SYN,RST,ACK,FIN */
		t->flg_cmp = 0x02;
	} else {
		cmp = *p->optind < p->argc ? p->argv[*p->optind] : NULL;
		if (!cmp || cmp[0] == '-' || cmp[0] == '!')
			return xtn_parse_fail(p, XTN_PARAM,
					      "--tcp-flags requires two args.");
		if (parse_flags(p, p->arg, &t->flg_mask) < 0 ||
		    parse_flags(p, cmp, &t->flg_cmp) < 0)
			return -1;
		(*p->optind)++;
	}
	if (p->invert)
		t->invflags |= XT_TCP_INV_FLAGS;
	return 0;
}

static int tcp_parse(struct xtn_parse *p, void *data)
{
	struct xt_tcp *t = data;
	uint64_t v;

	switch (p->opt->id) {
	case O_SPORT:
		if (p->inst->seen & (1u << O_SPORT))
			return xtn_parse_fail(p, XTN_PARAM, "Only one `--source-port' allowed");
		if (xtn_tcpudp_parse_ports(p, p->arg, "tcp", t->spts) < 0)
			return -1;
		if (p->invert)
			t->invflags |= XT_TCP_INV_SRCPT;
		return 0;
	case O_DPORT:
		if (p->inst->seen & (1u << O_DPORT))
			return xtn_parse_fail(p, XTN_PARAM, "Only one `--destination-port' allowed");
		if (xtn_tcpudp_parse_ports(p, p->arg, "tcp", t->dpts) < 0)
			return -1;
		if (p->invert)
			t->invflags |= XT_TCP_INV_DSTPT;
		return 0;
	case O_SYN:
	case O_FLAGS:
		return parse_tcp_flags(p, t);
	case O_OPTION:
		if (p->inst->seen & (1u << O_OPTION))
			return xtn_parse_fail(p, XTN_PARAM, "Only one `--tcp-option' allowed");
		if (!xtn_strtoui(p->arg, NULL, &v, 1, UINT8_MAX))
			return xtn_parse_fail(p, XTN_PARAM, "Bad TCP option \"%s\"", p->arg);
		t->option = (uint8_t)v;
		if (p->invert)
			t->invflags |= XT_TCP_INV_OPTION;
		return 0;
	}
	return 0;
}

static bool tcp_all_zero(const struct xt_tcp *t)
{
	struct xt_tcp zero;

	memset(&zero, 0, sizeof(zero));
	zero.spts[1] = zero.dpts[1] = 0xffff;
	return memcmp(t, &zero, sizeof(zero)) == 0;
}

static int tcp_encode(struct xtn_enc *e, const void *data)
{
	const uint8_t native_inv = XT_TCP_INV_SRCPT | XT_TCP_INV_DSTPT |
				   XT_TCP_INV_FLAGS;
	const struct xt_tcp *t = data;

	if ((t->invflags & ~native_inv) || t->option || tcp_all_zero(t))
		return xtn_enc_xt(e, &xtn_mt_tcp, data);
	if (xtn_enc_l4proto(e) != 6)
		return xtn_enc_fail_param(e, "TCP match requires '-p tcp'");
	if (t->flg_mask) {
		xtn_enc_payload_load(e, XTN_PL_TH, 13, 1);
		xtn_enc_bitwise(e, &t->flg_mask, 1);
		xtn_enc_cmp(e, t->invflags & XT_TCP_INV_FLAGS ? XTN_OP_NEQ : XTN_OP_EQ,
			    &t->flg_cmp, 1);
	}
	xtn_tcpudp_encode(e, t->spts, t->invflags & XT_TCP_INV_SRCPT, t->dpts,
			  t->invflags & XT_TCP_INV_DSTPT);
	return 0;
}

static int tcp_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	bool flags = rel->f.kind == XTN_FIELD_PAYLOAD &&
		     rel->f.base == XTN_PL_TH && rel->f.offset == 13 &&
		     rel->len == 1 && rel->f.masked;
	uint32_t fields = flags ? TCP_FIELD_FLAGS : xtn_tcpudp_fields(rel);
	struct xt_tcp *t;

	if (!fields || xtn_dec_l4proto(d, NULL) != 6)
		return 0;
	t = xtn_dec_claim(d, &xtn_mt_tcp, fields);
	if (!t)
		return -1;
	if (flags) {
		/* ECE and CWR have no name in iptables' --tcp-flags */
		if ((rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ) ||
		    ((rel->f.mask[0] | rel->data[0]) & ~0x3f))
			return -1;
		t->flg_mask = rel->f.mask[0];
		t->flg_cmp = rel->data[0];
		if (rel->op == XTN_OP_NEQ)
			t->invflags |= XT_TCP_INV_FLAGS;
		return 1;
	}
	return xtn_tcpudp_decode(rel, t->spts, t->dpts, &t->invflags,
				 XT_TCP_INV_SRCPT, XT_TCP_INV_DSTPT);
}

/* An xt blob (written for --tcp-option): ECE or CWR cannot be shown. */
static int tcp_decode_xt(struct xtn_dec *d, void *data, const void *info,
			 size_t len)
{
	const struct xt_tcp *t = info;

	(void)d;
	if (len < sizeof(*t) || ((t->flg_mask | t->flg_cmp) & ~0x3f))
		return -1;
	memcpy(data, t, sizeof(*t));
	return 0;
}

/* iptables' print_tcpf(): names, lowest bit first (decoding admits only
 * the six named bits). */
static void put_flags(const struct xtn_out *o, uint8_t flags)
{
	bool have = false;
	size_t i;

	for (i = 0; i < 6; i++) {
		if (!(flags & tcp_flag_names[i].flag))
			continue;
		if (have)
			xtn_out_puts(o, ",");
		xtn_out_puts(o, tcp_flag_names[i].name);
		have = true;
	}
	if (!have)
		xtn_out_puts(o, "NONE");
}

static void tcp_list(const struct xtn_out *o, const void *data)
{
	const struct xt_tcp *t = data;

	xtn_out_puts(o, " tcp");
	xtn_tcpudp_list_ports(o, "spt", t->spts, t->invflags & XT_TCP_INV_SRCPT, "tcp");
	xtn_tcpudp_list_ports(o, "dpt", t->dpts, t->invflags & XT_TCP_INV_DSTPT, "tcp");
	if (t->option || (t->invflags & XT_TCP_INV_OPTION))
		xtn_out_printf(o, " option=%s%u",
			       t->invflags & XT_TCP_INV_OPTION ? "!" : "", t->option);
	if (t->flg_mask || (t->invflags & XT_TCP_INV_FLAGS)) {
		xtn_out_printf(o, " flags:%s", t->invflags & XT_TCP_INV_FLAGS ? "!" : "");
		if (xtn_out_numeric(o)) {
			xtn_out_printf(o, "0x%02X/0x%02X", t->flg_mask, t->flg_cmp);
		} else {
			put_flags(o, t->flg_mask);
			xtn_out_puts(o, "/");
			put_flags(o, t->flg_cmp);
		}
	}
	if (t->invflags & ~XT_TCP_INV_MASK)
		xtn_out_printf(o, " Unknown invflags: 0x%X",
			       t->invflags & ~XT_TCP_INV_MASK);
}

static void tcp_save(const struct xtn_out *o, const void *data)
{
	const struct xt_tcp *t = data;

	xtn_tcpudp_save_ports(o, "sport", t->spts, t->invflags & XT_TCP_INV_SRCPT);
	xtn_tcpudp_save_ports(o, "dport", t->dpts, t->invflags & XT_TCP_INV_DSTPT);
	if (t->option || (t->invflags & XT_TCP_INV_OPTION)) {
		if (t->invflags & XT_TCP_INV_OPTION)
			xtn_out_puts(o, " !");
		xtn_out_printf(o, " --tcp-option %u", t->option);
	}
	if (t->flg_mask || (t->invflags & XT_TCP_INV_FLAGS)) {
		if (t->invflags & XT_TCP_INV_FLAGS)
			xtn_out_puts(o, " !");
		xtn_out_puts(o, " --tcp-flags ");
		put_flags(o, t->flg_mask);
		xtn_out_puts(o, " ");
		put_flags(o, t->flg_cmp);
	}
}

const struct xtn_ext xtn_mt_tcp = {
	.name = "tcp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_tcp),
	.opts = tcp_opts,
	.legacy = true,
	.help =
"tcp match options:\n"
"[!] --tcp-flags mask comp	match when TCP flags & mask == comp\n"
"				(Flags: SYN ACK FIN RST URG PSH ALL NONE)\n"
"[!] --syn			match when only SYN flag set\n"
"				(equivalent to --tcp-flags SYN,RST,ACK,FIN SYN)\n"
"[!] --source-port port[:port]\n"
" --sport ...\n"
"				match source port(s)\n"
"[!] --destination-port port[:port]\n"
" --dport ...\n"
"				match destination port(s)\n"
"[!] --tcp-option number        match if TCP option set\n",
	.init = tcp_init,
	.parse = tcp_parse,
	.encode = tcp_encode,
	.claims = XTN_CLAIM_PL_TH,
	.decode_rel = tcp_decode_rel,
	.decode_xt = tcp_decode_xt,
	.save = tcp_save,
	.list = tcp_list,
	.xt = { .name = "tcp", .revision = 0, .size = sizeof(struct xt_tcp) },
};
