/*
 * The option list of -m hbh and -m dst, as 1.8.9 reads it: up to 16
 * TYPE[:LEN] items kept as TYPE << 8 | LEN, LEN 0xff meaning any length.
 * 1.8.9 keeps only the low 8 bits of each number, and reads LEN 255 (or
 * -1) as "any length": refused here instead of stored as something else.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter_ipv6/ip6t_opts.h>
#include <xtnft/ext.h>
#include <xtnft/util.h>
#include "ip6opts.h"

static int parse_num(struct xtn_parse *p, const char *s, const char *what,
		     const char *ext, unsigned long max, unsigned long *out)
{
	const char *t = s;
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 0);
	if (end == s)
		return xtn_parse_fail(p, XTN_PARAM, "%s: no valid digits in %s `%s'",
				      ext, what, s);
	if (*out == ULONG_MAX && errno == ERANGE)
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s `%s' specified too big: would overflow",
				      what, s);
	if (*end != '\0')
		return xtn_parse_fail(p, XTN_PARAM, "%s: error parsing %s `%s'",
				      ext, what, s);
	while (isspace((unsigned char)*t))
		t++;
	if (*t == '-' || *out > max)
		return xtn_parse_fail(p, XTN_PARAM, "%s: %s `%s' out of range (0-%lu)",
				      ext, what, s, max);
	return 0;
}

static int parse_item(struct xtn_parse *p, char *cp, unsigned int i,
		      uint16_t *opt, const char *ext, const char *pad0)
{
	char *range = strchr(cp, ':');
	unsigned long type, len = 0xff;

	if (range) {
		if (i == IP6T_OPTS_OPTSNR - 1)
			return xtn_parse_fail(p, XTN_PARAM, "too many ports specified");
		*range++ = '\0';
	}
	if (parse_num(p, cp, "opt", ext, 0xff, &type) < 0)
		return -1;
	if (range) {
		if (type == 0)
			return xtn_parse_fail(p, XTN_PARAM, "%s", pad0);
		if (parse_num(p, range, "length", ext, 0xfe, &len) < 0)
			return -1;
	}
	*opt = (uint16_t)(type << 8 | len);
	return 0;
}

int xtn_ip6opts_parse(struct xtn_parse *p, struct ip6t_opts *o,
		      const char *ext, const char *pad0)
{
	char *buf = xtn_xstrdup(p->arg), *cp, *next;
	unsigned int i;
	int ret = 0;

	for (cp = buf, i = 0; cp && i < IP6T_OPTS_OPTSNR; cp = next, i++) {
		next = strchr(cp, ',');
		if (next)
			*next++ = '\0';
		ret = parse_item(p, cp, i, &o->opts[i], ext, pad0);
		if (ret < 0)
			break;
	}
	if (ret == 0 && cp)
		ret = xtn_parse_fail(p, XTN_PARAM, "too many addresses specified");
	o->optsnr = (uint8_t)i;
	o->flags |= IP6T_OPTS_OPTS;
	free(buf);
	return ret;
}

void xtn_ip6opts_put(const struct xtn_out *o, const struct ip6t_opts *opts)
{
	unsigned int i;

	for (i = 0; i < opts->optsnr && i < IP6T_OPTS_OPTSNR; i++) {
		xtn_out_printf(o, "%c%d", i ? ',' : ' ', opts->opts[i] >> 8);
		if ((opts->opts[i] & 0xff) != 0xff)
			xtn_out_printf(o, ":%d", opts->opts[i] & 0xff);
	}
}

void xtn_ip6opts_list(const struct xtn_out *o, const struct ip6t_opts *opts,
		      const char *ext)
{
	xtn_out_printf(o, " %s", ext);
	if (opts->flags & IP6T_OPTS_LEN)
		xtn_out_printf(o, " length:%s%u",
			       opts->invflags & IP6T_OPTS_INV_LEN ? "!" : "",
			       opts->hdrlen);
	if (opts->flags & IP6T_OPTS_OPTS)
		xtn_out_puts(o, " opts");
	xtn_ip6opts_put(o, opts);
}

void xtn_ip6opts_save(const struct xtn_out *o, const struct ip6t_opts *opts,
		      const char *ext)
{
	if (opts->flags & IP6T_OPTS_LEN)
		xtn_out_printf(o, "%s --%s-len %u",
			       opts->invflags & IP6T_OPTS_INV_LEN ? " !" : "",
			       ext, opts->hdrlen);
	if (opts->flags & IP6T_OPTS_OPTS)
		xtn_out_printf(o, " --%s-opts", ext);
	xtn_ip6opts_put(o, opts);
}
