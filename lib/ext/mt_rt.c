/*
 * -m rt (ip6tables): the IPv6 routing header, the ip6t_rt compat blob
 * (rev 0).  The type 0 options need "--rt-type 0" before them, as 1.8.9
 * checks while parsing.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter_ipv6/ip6t_rt.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/util.h>

enum { O_RT_TYPE, O_RT_SEGSLEFT, O_RT_LEN, O_RT0RES, O_RT0ADDRS, O_RT0NSTRICT };

static const struct xtn_optdef rt_opts[] = {
	{ .name = "rt-type", .id = O_RT_TYPE, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct ip6t_rt, rt_type) },
	{ .name = "rt-segsleft", .id = O_RT_SEGSLEFT, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32RC,
	  .offset = offsetof(struct ip6t_rt, segsleft) },
	{ .name = "rt-len", .id = O_RT_LEN, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct ip6t_rt, hdrlen) },
	{ .name = "rt-0-res", .id = O_RT0RES, .type = XTN_AT_NONE },
	{ .name = "rt-0-addrs", .id = O_RT0ADDRS, .has_arg = 1 },
	{ .name = "rt-0-not-strict", .id = O_RT0NSTRICT, .type = XTN_AT_NONE },
	{ 0 },
};

static void rt_init(void *data, const struct xtn_family *fam)
{
	struct ip6t_rt *r = data;

	(void)fam;
	r->segsleft[1] = UINT32_MAX;	/* no --rt-segsleft: any */
}

static int parse_addrs(struct xtn_parse *p, struct ip6t_rt *r)
{
	char *buf = xtn_xstrdup(p->arg), *cp, *next;
	unsigned int i;
	int ret = 0;

	for (cp = buf, i = 0; cp && i < IP6T_RT_HOPS; cp = next, i++) {
		next = strchr(cp, ',');
		if (next)
			*next++ = '\0';
		if (inet_pton(AF_INET6, cp, &r->addrs[i]) != 1) {
			ret = xtn_parse_fail(p, XTN_PARAM, "bad address: %s", cp);
			break;
		}
	}
	if (ret == 0 && cp)
		ret = xtn_parse_fail(p, XTN_PARAM, "too many addresses specified");
	r->addrnr = (uint8_t)i;
	free(buf);
	return ret;
}

static bool is_type0(const struct ip6t_rt *r)
{
	return (r->flags & IP6T_RT_TYP) && r->rt_type == 0 &&
	       !(r->invflags & IP6T_RT_INV_TYP);
}

static int rt_parse(struct xtn_parse *p, void *data)
{
	struct ip6t_rt *r = data;

	switch (p->opt->id) {
	case O_RT_TYPE:
		r->flags |= IP6T_RT_TYP;
		r->invflags |= p->invert ? IP6T_RT_INV_TYP : 0;
		return 0;
	case O_RT_SEGSLEFT:
		r->flags |= IP6T_RT_SGS;
		r->invflags |= p->invert ? IP6T_RT_INV_SGS : 0;
		return 0;
	case O_RT_LEN:
		r->flags |= IP6T_RT_LEN;
		r->invflags |= p->invert ? IP6T_RT_INV_LEN : 0;
		return 0;
	case O_RT0RES:
		if (!is_type0(r))
			return xtn_parse_fail(p, XTN_PARAM,
					      "`--rt-type 0' required before `--rt-0-res'");
		r->flags |= IP6T_RT_RES;
		return 0;
	case O_RT0ADDRS:
		if (!is_type0(r))
			return xtn_parse_fail(p, XTN_PARAM,
					      "`--rt-type 0' required before `--rt-0-addrs'");
		r->flags |= IP6T_RT_FST;
		return parse_addrs(p, r);
	default:
		if (!(r->flags & IP6T_RT_FST))
			return xtn_parse_fail(p, XTN_PARAM,
					      "`--rt-0-addr ...' required before `--rt-0-not-strict'");
		r->flags |= IP6T_RT_FST_NSTRICT;
		return 0;
	}
}

static bool segs_any(const struct ip6t_rt *r)
{
	return r->segsleft[0] == 0 && r->segsleft[1] == UINT32_MAX &&
	       !(r->invflags & IP6T_RT_INV_SGS);
}

static const char *inv(const struct ip6t_rt *r, uint8_t bit, const char *s)
{
	return r->invflags & bit ? s : "";
}

static void put_addrs(const struct xtn_out *o, const struct ip6t_rt *r)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	for (i = 0; i < r->addrnr && i < IP6T_RT_HOPS; i++)
		xtn_out_printf(o, "%c%s", i ? ',' : ' ',
			       inet_ntop(AF_INET6, &r->addrs[i], buf, sizeof(buf)));
}

static void rt_list(const struct xtn_out *o, const void *data)
{
	const struct ip6t_rt *r = data;
	const char *i = inv(r, IP6T_RT_INV_SGS, "!");

	xtn_out_puts(o, " rt");
	if (r->flags & IP6T_RT_TYP)
		xtn_out_printf(o, " type:%s%d", inv(r, IP6T_RT_INV_TYP, "!"),
			       (int)r->rt_type);
	if (!segs_any(r)) {
		if (r->segsleft[0] == r->segsleft[1])
			xtn_out_printf(o, " segsleft:%s%u", i, r->segsleft[0]);
		else
			xtn_out_printf(o, " segslefts:%s%u:%u", i,
				       r->segsleft[0], r->segsleft[1]);
	}
	if (r->flags & IP6T_RT_LEN)
		xtn_out_printf(o, " length:%s%u", inv(r, IP6T_RT_INV_LEN, "!"),
			       r->hdrlen);
	if (r->flags & IP6T_RT_RES)
		xtn_out_puts(o, " reserved");
	if (r->flags & IP6T_RT_FST)
		xtn_out_puts(o, " 0-addrs");
	put_addrs(o, r);
	if (r->flags & IP6T_RT_FST_NSTRICT)
		xtn_out_puts(o, " 0-not-strict");
}

/* 1.8.9 drops the ! of "! --rt-segsleft 0:4294967295" (a rule that never
 * matches would come back as one that always does): kept here.  So is
 * "--rt-segsleft 0:4294967295" itself: the blob then carries
 * IP6T_RT_SGS, which a rule without the option does not (1.8.9 saves it
 * without, and its save is another rule for -C and -D). */
static void rt_save(const struct xtn_out *o, const void *data)
{
	const struct ip6t_rt *r = data;

	if (r->flags & IP6T_RT_TYP)
		xtn_out_printf(o, "%s --rt-type %u", inv(r, IP6T_RT_INV_TYP, " !"),
			       r->rt_type);
	if (!segs_any(r) || (r->flags & IP6T_RT_SGS)) {
		xtn_out_printf(o, "%s --rt-segsleft ", inv(r, IP6T_RT_INV_SGS, " !"));
		if (r->segsleft[0] == r->segsleft[1])
			xtn_out_printf(o, "%u", r->segsleft[0]);
		else
			xtn_out_printf(o, "%u:%u", r->segsleft[0], r->segsleft[1]);
	}
	if (r->flags & IP6T_RT_LEN)
		xtn_out_printf(o, "%s --rt-len %u", inv(r, IP6T_RT_INV_LEN, " !"),
			       r->hdrlen);
	if (r->flags & IP6T_RT_RES)
		xtn_out_puts(o, " --rt-0-res");
	if (r->flags & IP6T_RT_FST)
		xtn_out_puts(o, " --rt-0-addrs");
	put_addrs(o, r);
	if (r->flags & IP6T_RT_FST_NSTRICT)
		xtn_out_puts(o, " --rt-0-not-strict");
}

const struct xtn_ext xtn_mt_rt = {
	.name = "rt",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_rt),
	.opts = rt_opts,
	.help =
"rt match options:\n"
"[!] --rt-type type             match the type\n"
"[!] --rt-segsleft num[:num]    match the Segments Left field (range)\n"
"[!] --rt-len length            total length of this header\n"
" --rt-0-res                    check the reserved field too (type 0)\n"
" --rt-0-addrs ADDR[,ADDR...]   Type=0 addresses (list, max: 16)\n"
" --rt-0-not-strict             List of Type=0 addresses not a strict list\n",
	.init = rt_init,
	.parse = rt_parse,
	.save = rt_save,
	.list = rt_list,
	.xt = { .name = "rt", .revision = 0, .size = sizeof(struct ip6t_rt) },
};
