/*
 * -m policy: the IPsec policy a packet was (or will be) handled by, the
 * xt_policy_info compat blob (rev 0), one struct for both families.
 * --dir, --pol and --strict describe the match; --reqid, --spi, --proto,
 * --mode and --tunnel-src/-dst describe one policy element, --next starts
 * the next one.  Tunnel addresses are kept unmasked, as 1.8.9 keeps them.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <linux/netfilter/xt_policy.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

enum {
	O_DIR, O_POL, O_STRICT, O_REQID, O_SPI, O_PROTO, O_MODE,
	O_TUNNELSRC, O_TUNNELDST, O_NEXT,
};

#define ELEM_FLAGS (XTN_OF_MULTI | XTN_OF_INVERT)

static const struct xtn_optdef policy_opts[] = {
	{ .name = "dir", .id = O_DIR, .has_arg = 1 },
	{ .name = "pol", .id = O_POL, .has_arg = 1 },
	{ .name = "strict", .id = O_STRICT, .type = XTN_AT_NONE },
	{ .name = "reqid", .id = O_REQID, .has_arg = 1, .flags = ELEM_FLAGS,
	  .type = XTN_AT_UINT32 },
	{ .name = "spi", .id = O_SPI, .has_arg = 1, .flags = ELEM_FLAGS,
	  .type = XTN_AT_UINT32 },
	{ .name = "tunnel-src", .id = O_TUNNELSRC, .has_arg = 1,
	  .flags = ELEM_FLAGS, .type = XTN_AT_HOSTMASK },
	{ .name = "tunnel-dst", .id = O_TUNNELDST, .has_arg = 1,
	  .flags = ELEM_FLAGS, .type = XTN_AT_HOSTMASK },
	{ .name = "proto", .id = O_PROTO, .has_arg = 1, .flags = ELEM_FLAGS },
	{ .name = "mode", .id = O_MODE, .has_arg = 1, .flags = ELEM_FLAGS },
	{ .name = "next", .id = O_NEXT, .type = XTN_AT_NONE,
	  .flags = XTN_OF_MULTI, .also = 1u << O_STRICT },
	{ 0 },
};

static int parse_dir(struct xtn_parse *p, struct xt_policy_info *info)
{
	if (strcmp(p->arg, "in") == 0)
		info->flags |= XT_POLICY_MATCH_IN;
	else if (strcmp(p->arg, "out") == 0)
		info->flags |= XT_POLICY_MATCH_OUT;
	else
		return xtn_parse_fail(p, XTN_PARAM,
				      "policy_match: invalid dir \"%s\"", p->arg);
	return 0;
}

static int parse_pol(struct xtn_parse *p, struct xt_policy_info *info)
{
	if (strcmp(p->arg, "none") == 0)
		info->flags |= XT_POLICY_MATCH_NONE;
	else if (strcmp(p->arg, "ipsec") != 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "policy match: invalid policy \"%s\"", p->arg);
	return 0;
}

static int parse_mode(struct xtn_parse *p, struct xt_policy_elem *e)
{
	if (strcmp(p->arg, "transport") == 0)
		e->mode = XT_POLICY_MODE_TRANSPORT;
	else if (strcmp(p->arg, "tunnel") == 0)
		e->mode = XT_POLICY_MODE_TUNNEL;
	else
		return xtn_parse_fail(p, XTN_PARAM,
				      "policy match: invalid mode \"%s\"", p->arg);
	return 0;
}

static int parse_proto(struct xtn_parse *p, struct xt_policy_elem *e)
{
	uint16_t proto;

	if (xtn_proto_parse(p->arg, p->ctx->resolver, &proto) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "unknown protocol \"%s\" specified", p->arg);
	if (proto != IPPROTO_AH && proto != IPPROTO_ESP &&
	    proto != IPPROTO_COMP)
		return xtn_parse_fail(p, XTN_PARAM,
				      "policy match: protocol must be ah/esp/ipcomp");
	e->proto = (uint8_t)proto;
	return 0;
}

/*
 * The address as given (lib/opt masked it) and the mask.  1.8.9 turns a
 * dotted mask that is not a prefix into a host mask: refused, in its
 * words for a bad mask.
 */
static int parse_tunnel(struct xtn_parse *p, union xt_policy_addr *addr,
			union xt_policy_addr *mask)
{
	static const struct xtn_optdef host = { .type = XTN_AT_HOST };
	size_t alen = p->fam && p->fam->af == AF_INET6 ? 16 : 4;
	const char *slash = strchr(p->arg, '/');
	struct xtn_parse hp = *p;
	char *word;
	int ret;

	if (xtn_mask_to_cidr((const union xtn_inaddr *)p->val.inet[1].b,
			     alen) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: bad value for option \"--%s\", neither a valid network mask nor valid CIDR (0-%zu).\n",
				      p->ext_name, p->opt->name, alen * 8);
	/* without a mask 1.8.9 sets all 16 bytes of it, even for IPv4 */
	if (slash)
		memcpy(mask, p->val.inet[1].b, sizeof(*mask));
	else
		memset(mask, 0xff, sizeof(*mask));
	word = xtn_xstrndup(p->arg, slash ? (size_t)(slash - p->arg) : strlen(p->arg));
	hp.arg = word;
	hp.opt = &host;
	ret = xtn_parse_typed(&hp, NULL);
	free(word);
	if (ret < 0)
		return -1;
	memcpy(addr, hp.val.inet[0].b, sizeof(*addr));
	return 0;
}

static int double_opt(struct xtn_parse *p)
{
	return xtn_parse_fail(p, XTN_PARAM, "policy match: double --%s option",
			      p->opt->name);
}

static int parse_elem(struct xtn_parse *p, struct xt_policy_elem *e)
{
	switch (p->opt->id) {
	case O_REQID:
		if (e->match.reqid)
			return double_opt(p);
		e->match.reqid = 1;
		e->invert.reqid = p->invert;
		e->reqid = (uint32_t)p->val.u64;
		return 0;
	case O_SPI:
		if (e->match.spi)
			return double_opt(p);
		e->match.spi = 1;
		e->invert.spi = p->invert;
		e->spi = (uint32_t)p->val.u64;	/* 1.8.9 keeps host order */
		return 0;
	case O_TUNNELSRC:
		if (e->match.saddr)
			return double_opt(p);
		e->match.saddr = 1;
		e->invert.saddr = p->invert;
		return parse_tunnel(p, &e->saddr, &e->smask);
	case O_TUNNELDST:
		if (e->match.daddr)
			return double_opt(p);
		e->match.daddr = 1;
		e->invert.daddr = p->invert;
		return parse_tunnel(p, &e->daddr, &e->dmask);
	case O_PROTO:
		if (e->match.proto)
			return double_opt(p);
		if (parse_proto(p, e) < 0)
			return -1;
		e->match.proto = 1;
		e->invert.proto = p->invert;
		return 0;
	default:
		if (e->match.mode)
			return double_opt(p);
		e->match.mode = 1;
		e->invert.mode = p->invert;
		return parse_mode(p, e);
	}
}

static int policy_parse(struct xtn_parse *p, void *data)
{
	struct xt_policy_info *info = data;

	switch (p->opt->id) {
	case O_DIR:
		return parse_dir(p, info);
	case O_POL:
		return parse_pol(p, info);
	case O_STRICT:
		info->flags |= XT_POLICY_MATCH_STRICT;
		return 0;
	case O_NEXT:
		if (++info->len == XT_POLICY_MAX_ELEM)
			return xtn_parse_fail(p, XTN_PARAM,
					      "policy match: maximum policy depth reached");
		return 0;
	default:
		return parse_elem(p, &info->pol[info->len]);
	}
}

static bool elem_is_empty(const struct xt_policy_elem *e)
{
	return !(e->match.reqid || e->match.spi || e->match.saddr ||
		 e->match.daddr || e->match.proto || e->match.mode);
}

static int check_elem(struct xtn_parse *p, const struct xt_policy_info *info,
		      unsigned int i)
{
	const struct xt_policy_elem *e = &info->pol[i];

	if ((info->flags & XT_POLICY_MATCH_STRICT) && elem_is_empty(e))
		return xtn_parse_fail(p, XTN_PARAM,
				      "policy match: empty policy element %u. --strict is in effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode is required.",
				      i);
	if ((e->match.saddr || e->match.daddr) &&
	    ((e->mode == XT_POLICY_MODE_TUNNEL && e->invert.mode) ||
	     (e->mode == XT_POLICY_MODE_TRANSPORT && !e->invert.mode)))
		return xtn_parse_fail(p, XTN_PARAM,
				      "policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode");
	return 0;
}

/*
 * 1.8.9's checks, in its order.  With --pol none it drops an element
 * given without --next (the kernel never sees it): refused with its
 * words for an element given under --pol none.
 */
static int policy_final(struct xtn_parse *p, void *data)
{
	struct xt_policy_info *info = data;
	unsigned int i;

	if (!(info->flags & (XT_POLICY_MATCH_IN | XT_POLICY_MATCH_OUT)))
		return xtn_parse_fail(p, XTN_PARAM,
				      "policy match: neither --dir in nor --dir out specified");
	if (info->flags & XT_POLICY_MATCH_NONE) {
		if (info->flags & XT_POLICY_MATCH_STRICT)
			return xtn_parse_fail(p, XTN_PARAM,
					      "policy match: policy none but --strict given");
		if (info->len != 0 || !elem_is_empty(&info->pol[0]))
			return xtn_parse_fail(p, XTN_PARAM,
					      "policy match: policy none but policy given");
		return 0;
	}
	info->len++;	/* the last element has no --next */
	for (i = 0; i < info->len; i++)
		if (check_elem(p, info, i) < 0)
			return -1;
	return 0;
}

static void put_addr(const struct xtn_out *o, const char *prefix,
		     const char *name, const union xt_policy_addr *addr,
		     const union xt_policy_addr *mask)
{
	int af = o->fam && o->fam->af == AF_INET6 ? AF_INET6 : AF_INET;
	union xtn_inaddr a, m;
	char abuf[INET6_ADDRSTRLEN], mbuf[INET6_ADDRSTRLEN + 2];

	memset(&a, 0, sizeof(a));
	memset(&m, 0, sizeof(m));
	memcpy(&a, addr, sizeof(*addr));
	memcpy(&m, mask, sizeof(*mask));
	xtn_mask_suffix(&m, af, true, mbuf, sizeof(mbuf));
	/* an IPv4 address without a mask has all 16 mask bytes set, one
	 * given as /32 only 4: 1.8.9 prints both bare, which reads back as
	 * the first; the second keeps its /32 here */
	if (af == AF_INET && !mbuf[0] && m.b[4] != 0xff)
		snprintf(mbuf, sizeof(mbuf), "/32");
	xtn_out_printf(o, " %s%s %s%s", prefix, name,
		       xtn_addr_ntop(&a, af, abuf, sizeof(abuf)), mbuf);
}

static void put_proto(const struct xtn_out *o, const char *prefix,
		      uint8_t proto, bool numeric)
{
	char buf[64];

	xtn_out_printf(o, " %sproto ", prefix);
	if (!numeric && o->res && o->res->proto_by_number &&
	    o->res->proto_by_number(o->res, proto, buf, sizeof(buf)))
		xtn_out_puts(o, buf);
	else
		xtn_out_printf(o, "%u", proto);
}

static void put_elem(const struct xtn_out *o, const char *prefix,
		     const struct xt_policy_elem *e, bool numeric)
{
	if (e->match.reqid)
		xtn_out_printf(o, "%s %sreqid %u", e->invert.reqid ? " !" : "",
			       prefix, e->reqid);
	if (e->match.spi)
		xtn_out_printf(o, "%s %sspi 0x%x", e->invert.spi ? " !" : "",
			       prefix, e->spi);
	if (e->match.proto) {
		xtn_out_puts(o, e->invert.proto ? " !" : "");
		put_proto(o, prefix, e->proto, numeric);
	}
	if (e->match.mode)
		xtn_out_printf(o, "%s %smode %s", e->invert.mode ? " !" : "",
			       prefix,
			       e->mode == XT_POLICY_MODE_TRANSPORT ? "transport" :
			       e->mode == XT_POLICY_MODE_TUNNEL ? "tunnel" : "???");
	if (e->match.daddr) {
		xtn_out_puts(o, e->invert.daddr ? " !" : "");
		put_addr(o, prefix, "tunnel-dst", &e->daddr, &e->dmask);
	}
	if (e->match.saddr) {
		xtn_out_puts(o, e->invert.saddr ? " !" : "");
		put_addr(o, prefix, "tunnel-src", &e->saddr, &e->smask);
	}
}

static void put_flags(const struct xtn_out *o, const char *prefix,
		      const struct xt_policy_info *info)
{
	xtn_out_printf(o, " %sdir %s", prefix,
		       info->flags & XT_POLICY_MATCH_IN ? "in" : "out");
	xtn_out_printf(o, " %spol %s", prefix,
		       info->flags & XT_POLICY_MATCH_NONE ? "none" : "ipsec");
	if (info->flags & XT_POLICY_MATCH_STRICT)
		xtn_out_printf(o, " %sstrict", prefix);
}

static void policy_list(const struct xtn_out *o, const void *data)
{
	const struct xt_policy_info *info = data;
	unsigned int i;

	xtn_out_puts(o, " policy match");
	put_flags(o, "", info);
	for (i = 0; i < info->len && i < XT_POLICY_MAX_ELEM; i++) {
		if (info->len > 1)
			xtn_out_printf(o, " [%u]", i);
		put_elem(o, "", &info->pol[i], xtn_out_numeric(o));
	}
}

static void policy_save(const struct xtn_out *o, const void *data)
{
	const struct xt_policy_info *info = data;
	unsigned int i;

	put_flags(o, "--", info);
	for (i = 0; i < info->len && i < XT_POLICY_MAX_ELEM; i++) {
		put_elem(o, "--", &info->pol[i], false);
		if (i + 1 < info->len)
			xtn_out_puts(o, " --next");
	}
}

const struct xtn_ext xtn_mt_policy = {
	.name = "policy",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_policy_info),
	.opts = policy_opts,
	.help =
"policy match options:\n"
"  --dir in|out\t\t\tmatch policy applied during decapsulation/\n"
"\t\t\t\tpolicy to be applied during encapsulation\n"
"  --pol none|ipsec\t\tmatch policy\n"
"  --strict \t\t\tmatch entire policy instead of single element\n"
"\t\t\t\tat any position\n"
"These options may be used repeatedly, to describe policy elements:\n"
"[!] --reqid reqid\t\tmatch reqid\n"
"[!] --spi spi\t\t\tmatch SPI\n"
"[!] --proto proto\t\tmatch protocol (ah/esp/ipcomp)\n"
"[!] --mode mode \t\tmatch mode (transport/tunnel)\n"
"[!] --tunnel-src addr/mask\tmatch tunnel source\n"
"[!] --tunnel-dst addr/mask\tmatch tunnel destination\n"
"  --next \t\t\tbegin next element in policy\n",
	.parse = policy_parse,
	.final = policy_final,
	.save = policy_save,
	.list = policy_list,
	.xt = { .name = "policy", .revision = 0,
		.size = sizeof(struct xt_policy_info) },
};
