/*
 * -m iprange --src-range A[-B] --dst-range A[-B]: the xt_iprange_mtinfo
 * compat blob (rev 1, both families); IPv4's rev 0 (ipt_iprange_info,
 * four-byte addresses) is still read.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/xt_iprange.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

enum { O_SRC, O_DST };

/* Revision 0, IPv4 only (no UAPI header has it any more). */
struct iprange_v0 {
	struct {
		uint32_t min_ip, max_ip;	/* network order */
	} src, dst;
	uint8_t flags;
};

static const struct xtn_optdef iprange_opts[] = {
	{ .name = "src-range", .id = O_SRC, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ .name = "dst-range", .id = O_DST, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ 0 },
};

static bool is_ipv6(const struct xtn_family *fam)
{
	return fam && fam->af == AF_INET6;
}

/* A numeric address of the family, as xtables_numeric_to_ip*addr reads it. */
static int parse_addr(struct xtn_parse *p, const char *s,
		      union nf_inet_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (is_ipv6(p->fam) ? inet_pton(AF_INET6, s, &a->in6) == 1 :
	    /* 1.8.9 cuts at 19 characters: refused instead */
	    strlen(s) < 20 && xtn_ipv4_parse_numeric(s, false, &a->in))
		return 0;
	return xtn_parse_fail(p, XTN_PARAM,
			      "iprange: Bad value for \"--%s\" option: \"%s\"",
			      p->opt->name, s);
}

static int parse_range(struct xtn_parse *p, union nf_inet_addr *lo,
		       union nf_inet_addr *hi_addr)
{
	char *buf = xtn_xstrdup(p->arg), *dash = strchr(buf, '-');
	const char *hi = buf;
	int ret;

	if (dash) {
		*dash = '\0';
		hi = dash + 1;
	}
	ret = parse_addr(p, buf, lo);
	if (ret == 0)
		ret = parse_addr(p, hi, hi_addr);
	if (ret == 0 && dash && memcmp(lo, hi_addr, sizeof(*lo)) > 0)
		xtn_warn(&p->ctx->diag,
			 "xt_iprange: range %s-%s is reversed and will never match",
			 buf, hi);
	free(buf);
	return ret;
}

static int iprange_parse(struct xtn_parse *p, void *data)
{
	struct xt_iprange_mtinfo *m = data;

	if (p->opt->id == O_SRC) {
		if (parse_range(p, &m->src_min, &m->src_max) < 0)
			return -1;
		m->flags |= IPRANGE_SRC | (p->invert ? IPRANGE_SRC_INV : 0);
	} else {
		if (parse_range(p, &m->dst_min, &m->dst_max) < 0)
			return -1;
		m->flags |= IPRANGE_DST | (p->invert ? IPRANGE_DST_INV : 0);
	}
	return 0;
}

static int iprange_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM,
				      "iprange match: You must specify `--src-range' or `--dst-range'");
	return 0;
}

static int iprange_decode_v0(struct xtn_dec *d, void *data, const void *info,
			     size_t len)
{
	const struct iprange_v0 *old = info;
	struct xt_iprange_mtinfo *m = data;

	(void)d;
	(void)len;
	memset(m, 0, sizeof(*m));
	m->src_min.ip = old->src.min_ip;
	m->src_max.ip = old->src.max_ip;
	m->dst_min.ip = old->dst.min_ip;
	m->dst_max.ip = old->dst.max_ip;
	m->flags = old->flags;
	return 0;
}

static void put_range(const struct xtn_out *o, const union nf_inet_addr *lo,
		      const union nf_inet_addr *hi)
{
	int af = is_ipv6(o->fam) ? AF_INET6 : AF_INET;
	char buf[INET6_ADDRSTRLEN];

	xtn_out_printf(o, " %s", inet_ntop(af, lo, buf, sizeof(buf)));
	xtn_out_printf(o, "-%s", inet_ntop(af, hi, buf, sizeof(buf)));
}

static void iprange_list(const struct xtn_out *o, const void *data)
{
	const struct xt_iprange_mtinfo *m = data;

	if (m->flags & IPRANGE_SRC) {
		xtn_out_puts(o, " source IP range");
		if (m->flags & IPRANGE_SRC_INV)
			xtn_out_puts(o, " !");
		put_range(o, &m->src_min, &m->src_max);
	}
	if (m->flags & IPRANGE_DST) {
		xtn_out_puts(o, " destination IP range");
		if (m->flags & IPRANGE_DST_INV)
			xtn_out_puts(o, " !");
		put_range(o, &m->dst_min, &m->dst_max);
	}
}

static void iprange_save(const struct xtn_out *o, const void *data)
{
	const struct xt_iprange_mtinfo *m = data;

	if (m->flags & IPRANGE_SRC) {
		if (m->flags & IPRANGE_SRC_INV)
			xtn_out_puts(o, " !");
		xtn_out_puts(o, " --src-range");
		put_range(o, &m->src_min, &m->src_max);
	}
	if (m->flags & IPRANGE_DST) {
		if (m->flags & IPRANGE_DST_INV)
			xtn_out_puts(o, " !");
		xtn_out_puts(o, " --dst-range");
		put_range(o, &m->dst_min, &m->dst_max);
	}
}

static const struct xtn_xt_rev iprange_revs[] = {
	{ .revision = 0, .size = sizeof(struct iprange_v0),
	  .decode = iprange_decode_v0 },
	{ 0 },
};

const struct xtn_ext xtn_mt_iprange = {
	.name = "iprange",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_iprange_mtinfo),
	.opts = iprange_opts,
	.help =
"iprange match options:\n"
"[!] --src-range ip[-ip]    Match source IP in the specified range\n"
"[!] --dst-range ip[-ip]    Match destination IP in the specified range\n",
	.parse = iprange_parse,
	.final = iprange_final,
	.save = iprange_save,
	.list = iprange_list,
	.xt = { .name = "iprange", .revision = 1,
		.size = sizeof(struct xt_iprange_mtinfo) },
	.xt_read = iprange_revs,
};
