/*
 * -m ipv6header (ip6tables) [!] --header NAMES [--soft]: which extension
 * headers a packet has, the ip6t_ipv6header_info compat blob (rev 0).
 * Names are looked up in the protocol database first, then in 1.8.9's
 * own table; both ways, as 1.8.9 does.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter_ipv6/ip6t_ipv6header.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

enum { O_HEADER, O_SOFT };

static const struct xtn_optdef ipv6header_opts[] = {
	{ .name = "header", .id = O_HEADER, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT },
	{ .name = "soft", .id = O_SOFT, .type = XTN_AT_NONE },
	{ 0 },
};

/* 1.8.9's names, in its order: the first one of a number is its name
 * when the protocol database has none. */
static const struct xtn_sym header_names[] = {
	{ "hop-by-hop", 0 }, { "protocol", 255 }, { "hop", 0 }, { "dst", 60 },
	{ "route", 43 }, { "frag", 44 }, { "auth", 51 }, { "esp", 50 },
	{ "none", 59 }, { "prot", 255 }, { "0", 0 }, { "60", 60 },
	{ "43", 43 }, { "44", 44 }, { "51", 51 }, { "50", 50 }, { "59", 59 },
	{ "255", 255 }, { NULL, 0 },
};

/* The header bits, in the order they are printed. */
static const struct { uint8_t proto, mask; } header_bits[] = {
	{ 0, MASK_HOPOPTS }, { 60, MASK_DSTOPTS }, { 43, MASK_ROUTING },
	{ 44, MASK_FRAGMENT }, { 51, MASK_AH }, { 50, MASK_ESP },
	{ 59, MASK_NONE }, { 255, MASK_PROTO },
};

static int header_mask(struct xtn_parse *p, const char *name, uint8_t *mask)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	const struct xtn_sym *s;
	int proto = res && res->proto_by_name ? res->proto_by_name(res, name) : -1;
	size_t i;

	for (s = header_names; proto < 0 && s->name; s++)
		if (strcmp(s->name, name) == 0)
			proto = (int)s->value;
	if (proto < 0)
		return xtn_parse_fail(p, XTN_PARAM, "unknown header `%s' specified",
				      name);
	for (i = 0; i < XTN_ARRAY_SIZE(header_bits); i++) {
		if (header_bits[i].proto == proto) {
			*mask |= header_bits[i].mask;
			return 0;
		}
	}
	return xtn_parse_fail(p, XTN_PARAM, "unknown header `%d' specified",
			      proto);
}

static int parse_headers(struct xtn_parse *p, struct ip6t_ipv6header_info *h)
{
	char *buf = xtn_xstrdup(p->arg), *tok, *save = NULL;
	int ret = 0;

	for (tok = strtok_r(buf, ",", &save); tok && ret == 0;
	     tok = strtok_r(NULL, ",", &save))
		ret = header_mask(p, tok, &h->matchflags);
	free(buf);
	if (ret == 0 && h->matchflags == 0)
		ret = xtn_parse_fail(p, XTN_PARAM,
				     "ip6t_ipv6header: cannot parse header names");
	return ret;
}

static int ipv6header_parse(struct xtn_parse *p, void *data)
{
	struct ip6t_ipv6header_info *h = data;

	if (p->opt->id == O_SOFT) {
		h->modeflag = 0xff;
		return 0;
	}
	if (p->invert)
		h->invflags = 0xff;
	return parse_headers(p, h);
}

static const char *header_name(const struct xtn_out *o, uint8_t proto,
			       char *buf, size_t len)
{
	const struct xtn_sym *s;

	if (proto && o->res && o->res->proto_by_number &&
	    o->res->proto_by_number(o->res, proto, buf, len))
		return buf;
	for (s = header_names; s->name; s++)
		if (s->value == proto)
			return s->name;
	return "";
}

static void put_headers(const struct xtn_out *o, uint8_t flags)
{
	char buf[64];
	const char *sep = "";
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(header_bits); i++) {
		if (!(flags & header_bits[i].mask))
			continue;
		xtn_out_printf(o, "%s%s", sep,
			       header_name(o, header_bits[i].proto, buf, sizeof(buf)));
		sep = ",";
	}
	if (!*sep)
		xtn_out_puts(o, "NONE");
}

static void ipv6header_list(const struct xtn_out *o, const void *data)
{
	const struct ip6t_ipv6header_info *h = data;

	xtn_out_puts(o, " ipv6header");
	if (h->matchflags || h->invflags) {
		xtn_out_printf(o, " flags:%s", h->invflags ? "!" : "");
		if (xtn_out_numeric(o))
			xtn_out_printf(o, "0x%02X", h->matchflags);
		else
			put_headers(o, h->matchflags);
	}
	if (h->modeflag)
		xtn_out_puts(o, " soft");
}

static void ipv6header_save(const struct xtn_out *o, const void *data)
{
	const struct ip6t_ipv6header_info *h = data;

	xtn_out_puts(o, h->invflags ? " ! --header " : " --header ");
	put_headers(o, h->matchflags);
	if (h->modeflag)
		xtn_out_puts(o, " --soft");
}

const struct xtn_ext xtn_mt_ipv6header = {
	.name = "ipv6header",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_ipv6header_info),
	.opts = ipv6header_opts,
	.help =
"ipv6header match options:\n"
"[!] --header headers     Type of header to match, by name\n"
"                         names: hop,dst,route,frag,auth,esp,none,prot\n"
"                    long names: hop-by-hop,ipv6-opts,ipv6-route,\n"
"                                ipv6-frag,ah,esp,ipv6-nonxt,protocol\n"
"                       numbers: 0,60,43,44,51,50,59\n"
"--soft                    The header CONTAINS the specified extensions\n",
	.parse = ipv6header_parse,
	.save = ipv6header_save,
	.list = ipv6header_list,
	.xt = { .name = "ipv6header", .revision = 0,
		.size = sizeof(struct ip6t_ipv6header_info) },
};
