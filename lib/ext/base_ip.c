/*
 * The ip/ip6 base match: -s -d -i -o -p -f.  One descriptor serves both
 * families; the address length and header offsets come from the family.
 * Encoded natively in iptables-nft 1.8.9's order: -i, -o, -p, -s, -d, -f.
 */
#include <ctype.h>
#include <stdlib.h>
#include <netinet/in.h>
#include <stdio.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "base_ip.h"
#include "srcdst.h"

/* `! -i +` cannot be expressed as a prefix; iptables compares an impossible name. */

static const struct xtn_optdef ipbase_opts[] = {
	{ .name = "source", .short_name = 's', .id = XTN_IPB_O_SRC, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "destination", .short_name = 'd', .id = XTN_IPB_O_DST, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "in-interface", .short_name = 'i', .id = XTN_IPB_O_IN, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "out-interface", .short_name = 'o', .id = XTN_IPB_O_OUT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "protocol", .short_name = 'p', .id = XTN_IPB_O_PROTO, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "fragments", .short_name = 'f', .id = XTN_IPB_O_FRAG, .has_arg = 0, .flags = XTN_OF_INVERT },
	{ 0 },
};

static size_t src_offset(const struct xtn_family *fam)
{
	return fam->af == AF_INET ? 12 : 8;
}

static size_t dst_offset(const struct xtn_family *fam)
{
	return fam->af == AF_INET ? 16 : 24;
}

/* -i/-o: the name as every interface option reads it (lib/opt). */
static int parse_iface(struct xtn_parse *p, char *name)
{
	if (xtn_parse_iface(p) < 0)
		return -1;
	memcpy(name, p->val.iface, IFNAMSIZ);
	return 0;
}

/* Extension-header "protocols" never match: the kernel skips them. */
static bool is_exthdr(uint16_t proto)
{
	return proto == 43 || proto == 44 || proto == 51 || proto == 60;
}

static int parse_proto(struct xtn_parse *p, struct xtn_ipbase *b)
{
	uint16_t proto;

	if (xtn_proto_parse(p->arg, p->ctx->resolver, &proto) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "unknown protocol \"%s\" specified", p->arg);
	if (proto == 0 && p->invert)
		return xtn_parse_fail(p, XTN_PARAM,
				      "rule would never match protocol");
	b->proto = proto;
	if (p->fam->af == AF_INET6 && is_exthdr(proto) && !p->invert)
		xtn_warn(&p->ctx->diag,
			 "Warning: never matched protocol: %s. use extension match instead.",
			 p->arg);
	return 0;
}

static int ipbase_parse(struct xtn_parse *p, void *data)
{
	struct xtn_ipbase *b = data;
	uint8_t inv = 0;
	int ret = 0;

	switch (p->opt->id) {
	case XTN_IPB_O_SRC:
		xtn_srcdst_of(p)->src_spec = p->arg;
		inv = XTN_IPB_INV_SRC;
		break;
	case XTN_IPB_O_DST:
		xtn_srcdst_of(p)->dst_spec = p->arg;
		inv = XTN_IPB_INV_DST;
		break;
	case XTN_IPB_O_IN:
		ret = parse_iface(p, b->iniface);
		inv = XTN_IPB_INV_IN;
		break;
	case XTN_IPB_O_OUT:
		ret = parse_iface(p, b->outiface);
		inv = XTN_IPB_INV_OUT;
		break;
	case XTN_IPB_O_PROTO:
		ret = parse_proto(p, b);
		inv = XTN_IPB_INV_PROTO;
		break;
	case XTN_IPB_O_FRAG:
		b->flags |= XTN_IPB_F_FRAG;
		inv = XTN_IPB_INV_FRAG;
		break;
	}
	if (p->invert)
		b->invflags |= inv;
	return ret;
}

static void ipbase_expand_at(const void *expand, void *data, unsigned int i)
{
	const struct xtn_addrmask *s, *d;
	struct xtn_ipbase *b = data;

	xtn_srcdst_at(expand, i, &s, &d);
	if (s) {
		b->src = s->addr;
		b->smsk = s->mask;
	}
	if (d) {
		b->dst = d->addr;
		b->dmsk = d->mask;
	}
}

/* iptables parses addresses after all options (its post_parse step). */
static int ipbase_final(struct xtn_parse *p, void *data)
{
	struct xtn_ipbase *b = data;

	if (xtn_srcdst_final(p, xtn_srcdst_of(p), p->fam->af,
			     b->invflags & (XTN_IPB_INV_SRC | XTN_IPB_INV_DST)) < 0)
		return -1;
	ipbase_expand_at(p->inst->expand, data, 0);
	return 0;
}

static bool addr_is_set(const union xtn_inaddr *a, const union xtn_inaddr *m,
			size_t alen, bool inv)
{
	static const union xtn_inaddr zero;

	return inv || memcmp(a, &zero, alen) || memcmp(m, &zero, alen);
}

static int ipbase_encode(struct xtn_enc *e, const void *data)
{
	const struct xtn_ext_inst *inst = xtn_enc_rule(e)->base;
	const struct xtn_ipbase *b = data;
	const struct xtn_family *fam = xtn_enc_rule(e)->fam;
	size_t alen = fam->addr_len;

	xtn_enc_set_opt(e, inst, XTN_IPB_O_IN);
	xtn_enc_iface(e, NFT_META_IIFNAME, b->iniface, b->invflags & XTN_IPB_INV_IN);
	xtn_enc_set_opt(e, inst, XTN_IPB_O_OUT);
	xtn_enc_iface(e, NFT_META_OIFNAME, b->outiface, b->invflags & XTN_IPB_INV_OUT);
	xtn_enc_set_opt(e, inst, XTN_IPB_O_PROTO);
	if (b->proto) {
		uint8_t proto = (uint8_t)b->proto;

		xtn_enc_meta_load(e, NFT_META_L4PROTO);
		xtn_enc_cmp(e, b->invflags & XTN_IPB_INV_PROTO ? XTN_OP_NEQ : XTN_OP_EQ,
			    &proto, 1);
	}
	xtn_enc_set_opt(e, inst, XTN_IPB_O_SRC);
	if (addr_is_set(&b->src, &b->smsk, alen, b->invflags & XTN_IPB_INV_SRC))
		xtn_enc_addr(e, XTN_PL_NH, (uint32_t)src_offset(fam), &b->src,
			     &b->smsk, (uint32_t)alen, b->invflags & XTN_IPB_INV_SRC);
	xtn_enc_set_opt(e, inst, XTN_IPB_O_DST);
	if (addr_is_set(&b->dst, &b->dmsk, alen, b->invflags & XTN_IPB_INV_DST))
		xtn_enc_addr(e, XTN_PL_NH, (uint32_t)dst_offset(fam), &b->dst,
			     &b->dmsk, (uint32_t)alen, b->invflags & XTN_IPB_INV_DST);
	xtn_enc_set_opt(e, inst, XTN_IPB_O_FRAG);
	if (b->flags & XTN_IPB_F_FRAG) {
		static const uint8_t fragmask[2] = { 0x1f, 0xff };
		static const uint8_t zero[2];

		xtn_enc_payload_load(e, XTN_PL_NH, 6, 2);
		xtn_enc_bitwise(e, fragmask, 2);
		xtn_enc_cmp(e, b->invflags & XTN_IPB_INV_FRAG ? XTN_OP_EQ : XTN_OP_NEQ,
			    zero, 2);
	}
	return 0;
}

static int decode_iface(struct xtn_ipbase *b, const struct xtn_rel *rel,
			char *name, uint8_t invbit)
{
	bool inv;

	if (xtn_dec_iface(rel, name, &inv) < 0)
		return -1;
	if (inv)
		b->invflags |= invbit;
	return 1;
}

static int decode_addr(const struct xtn_rel *rel, size_t alen,
		       union xtn_inaddr *addr, union xtn_inaddr *mask,
		       struct xtn_ipbase *b, uint8_t invbit)
{
	if (rel->len > alen || (rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ))
		return -1;
	memset(addr, 0, sizeof(*addr));
	memset(mask, 0, sizeof(*mask));
	memcpy(addr, rel->data, rel->len);
	if (rel->f.masked)
		memcpy(mask, rel->f.mask, rel->len);
	else
		memset(mask, 0xff, rel->len);
	if (rel->op == XTN_OP_NEQ)
		b->invflags |= invbit;
	return 1;
}

static int decode_proto(struct xtn_ipbase *b, const struct xtn_rel *rel)
{
	if (rel->len != 1 || rel->f.masked ||
	    (rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ))
		return -1;
	b->proto = rel->data[0];
	if (rel->op == XTN_OP_NEQ)
		b->invflags |= XTN_IPB_INV_PROTO;
	return 1;
}

static int decode_frag(struct xtn_ipbase *b, const struct xtn_rel *rel)
{
	if (rel->len != 2 || !rel->f.masked || rel->f.mask[0] != 0x1f ||
	    rel->f.mask[1] != 0xff || rel->data[0] || rel->data[1])
		return -1;
	b->flags |= XTN_IPB_F_FRAG;
	if (rel->op == XTN_OP_EQ)
		b->invflags |= XTN_IPB_INV_FRAG;
	else if (rel->op != XTN_OP_NEQ)
		return -1;
	return 1;
}

static int ipbase_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	struct xtn_rule *r = xtn_dec_rule(d);
	struct xtn_ipbase *b = r->base->data;
	const struct xtn_family *fam = r->fam;
	size_t alen = fam->addr_len;

	if (rel->f.kind == XTN_FIELD_META) {
		if (rel->f.masked)
			return 0;
		switch (rel->f.key) {
		case NFT_META_IIFNAME:
			return decode_iface(b, rel, b->iniface, XTN_IPB_INV_IN);
		case NFT_META_OIFNAME:
			return decode_iface(b, rel, b->outiface, XTN_IPB_INV_OUT);
		case NFT_META_L4PROTO:
			return decode_proto(b, rel);
		}
		return 0;
	}
	if (rel->f.kind != XTN_FIELD_PAYLOAD || rel->f.base != XTN_PL_NH)
		return 0;
	if (rel->f.offset == src_offset(fam))
		return decode_addr(rel, alen, &b->src, &b->smsk, b, XTN_IPB_INV_SRC);
	if (rel->f.offset == dst_offset(fam))
		return decode_addr(rel, alen, &b->dst, &b->dmsk, b, XTN_IPB_INV_DST);
	/* ip protocol (iptables >= 1.8.10) / ip6 nexthdr (nft) */
	if ((fam->af == AF_INET && rel->f.offset == 9 && rel->f.len == 1) ||
	    (fam->af == AF_INET6 && rel->f.offset == 6 && rel->f.len == 1))
		return decode_proto(b, rel);
	if (fam->af == AF_INET && rel->f.offset == 6 && rel->f.len == 2)
		return decode_frag(b, rel);
	return 0;
}

static void save_addr(const struct xtn_out *o, char letter,
		      const union xtn_inaddr *a, const union xtn_inaddr *m,
		      bool inv)
{
	int af = o->fam->af;
	char abuf[INET6_ADDRSTRLEN], mbuf[INET6_ADDRSTRLEN + 2];

	if (!addr_is_set(a, m, o->fam->addr_len, inv))
		return;
	xtn_addr_ntop(a, af, abuf, sizeof(abuf));
	xtn_mask_suffix(m, af, false, mbuf, sizeof(mbuf));
	xtn_out_puts(o, inv ? " ! -" : " -");
	xtn_strbuf_putc(o->sb, letter);
	xtn_strbuf_putc(o->sb, ' ');
	xtn_out_puts(o, abuf);
	xtn_out_puts(o, mbuf);
}

/* A name restore would split or unquote (1.8.9 prints it bare, and then
 * cannot restore its own save). */
static void save_iface(const struct xtn_out *o, char letter, const char *name,
		       bool inv)
{
	if (!name[0] || (strcmp(name, "+") == 0 && !inv))
		return;
	xtn_out_printf(o, "%s -%c", inv ? " !" : "", letter);
	xtn_out_name(o, name);
}

static void ipbase_save(const struct xtn_out *o, const void *data)
{
	const struct xtn_ipbase *b = data;

	save_addr(o, 's', &b->src, &b->smsk, b->invflags & XTN_IPB_INV_SRC);
	save_addr(o, 'd', &b->dst, &b->dmsk, b->invflags & XTN_IPB_INV_DST);
	save_iface(o, 'i', b->iniface, b->invflags & XTN_IPB_INV_IN);
	save_iface(o, 'o', b->outiface, b->invflags & XTN_IPB_INV_OUT);
	if (b->proto) {
		char buf[64];
		const char *name = xtn_proto_name(b->proto, false, o->res, buf,
						  sizeof(buf));

		if (b->invflags & XTN_IPB_INV_PROTO)
			xtn_out_puts(o, " !");
		if (name)
			xtn_out_printf(o, " -p %s", name);
		else
			xtn_out_printf(o, " -p %u", b->proto);
	}
	if (b->flags & XTN_IPB_F_FRAG) {
		if (b->invflags & XTN_IPB_INV_FRAG)
			xtn_out_puts(o, " !");
		xtn_out_puts(o, " -f");
	}
}

#define FMT(tab, notab) ((o->fmt & XTN_FMT_NOTABLE) ? (notab) : (tab))

static void list_iface(const struct xtn_out *o, const char *name, bool inv,
		       const char *tab, const char *notab)
{
	char buf[IFNAMSIZ + 2];

	snprintf(buf, sizeof(buf), "%s%s", inv ? "!" : "",
		 name[0] ? name : (o->fmt & XTN_FMT_NUMERIC) ? "*" : "any");
	xtn_out_printf(o, FMT(tab, notab), buf);
}

static void list_addr(const struct xtn_out *o, const union xtn_inaddr *a,
		      const union xtn_inaddr *m, bool inv, const char *notab)
{
	static const union xtn_inaddr zero;
	int af = o->fam->af;
	size_t alen = o->fam->addr_len;
	char buf[NI_MAXHOST_LEN], mbuf[INET6_ADDRSTRLEN + 2];

	xtn_out_puts(o, inv ? "!" : " ");
	/* 1.8.9 tests the mask for IPv4 but the address for IPv6: "-s ::"
	 * and "-s ::/1" are "anywhere" too */
	if (!(o->fmt & XTN_FMT_NUMERIC) &&
	    !memcmp(af == AF_INET ? m : a, &zero, alen)) {
		xtn_out_printf(o, FMT("%-19s ", notab), "anywhere");
		return;
	}
	/* iptables' xtables_ipaddr_to_anyname: host name, network name,
	 * numeric (IPv6 has no network names) */
	if ((o->fmt & XTN_FMT_NUMERIC) ||
	    (!xtn_res_addr_to_host(o->res, a, af, buf, sizeof(buf)) &&
	     (af != AF_INET ||
	      !xtn_res_addr_to_net(o->res, &a->v4, buf, sizeof(buf)))))
		xtn_addr_ntop(a, af, buf, sizeof(buf));
	xtn_mask_suffix(m, af, true, mbuf, sizeof(mbuf));
	strncat(buf, mbuf, sizeof(buf) - strlen(buf) - 1);
	xtn_out_printf(o, FMT("%-19s ", notab), buf);
}

/* The -L columns after "target": prot, opt, [in out], source, destination. */
static void ipbase_list(const struct xtn_out *o, const void *data)
{
	const struct xtn_ipbase *b = data;
	char buf[64];
	const char *pname = NULL;

	xtn_out_puts(o, b->invflags & XTN_IPB_INV_PROTO ? "!" : " ");
	pname = xtn_proto_name(b->proto, o->fmt & XTN_FMT_NUMERIC, o->res, buf,
			       sizeof(buf));
	/* 1.8.9 prints protocol numbers with -n, except in the -v echo */
	if ((o->fmt & (XTN_FMT_NUMERIC | XTN_FMT_NOTABLE)) == XTN_FMT_NUMERIC)
		pname = NULL;
	if (pname)
		xtn_out_printf(o, FMT("%-4s ", "%s "), pname);
	else
		xtn_out_printf(o, FMT("%-4hu ", "%hu "), b->proto);
	if (o->fmt & XTN_FMT_OPTIONS) {
		if (o->fmt & XTN_FMT_NOTABLE)
			xtn_out_puts(o, "opt ");
		xtn_out_puts(o, b->invflags & XTN_IPB_INV_FRAG ? "!" : "-");
		xtn_out_puts(o, b->flags & XTN_IPB_F_FRAG ? "f" : "-");
		xtn_out_puts(o, " ");
	}
	if (o->fmt & XTN_FMT_VIA) {
		list_iface(o, b->iniface, b->invflags & XTN_IPB_INV_IN,
			   " %-6s ", "in %s ");
		list_iface(o, b->outiface, b->invflags & XTN_IPB_INV_OUT,
			   "%-6s ", "out %s ");
	}
	list_addr(o, &b->src, &b->smsk, b->invflags & XTN_IPB_INV_SRC, "%s ");
	list_addr(o, &b->dst, &b->dmsk, b->invflags & XTN_IPB_INV_DST, "-> %s");
	if (o->fmt & XTN_FMT_NOTABLE)
		xtn_out_puts(o, "  ");
}

static void ipbase_compat_proto(const void *data, uint32_t *proto, bool *inv)
{
	const struct xtn_ipbase *b = data;

	*proto = b->proto;
	*inv = b->invflags & XTN_IPB_INV_PROTO;
}

const struct xtn_ext xtn_base_ip = {
	.name = "ip",
	.kind = XTN_EXT_BASE,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xtn_ipbase),
	.opts = ipbase_opts,
	.parse = ipbase_parse,
	.final = ipbase_final,
	.encode = ipbase_encode,
	.decode_rel = ipbase_decode_rel,
	.save = ipbase_save,
	.list = ipbase_list,
	.expand_count = xtn_srcdst_count,
	.expand_at = ipbase_expand_at,
	.expand_free = xtn_srcdst_free,
	.compat_proto = ipbase_compat_proto,
};
