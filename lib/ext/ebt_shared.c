/* Parsing and printing shared by the ebtables protocol matches. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "base_eb.h"
#include "ebt_shared.h"

int xtn_ebt_once(struct xtn_parse *p)
{
	if (p->inst->seen & (1u << p->opt->id))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Multiple use of same option not allowed");
	return 0;
}

bool xtn_ebt_number(const char *s, int base, uint64_t max, uint64_t *v)
{
	const char *p;
	char *end;

	for (p = s; isspace((unsigned char)*p); p++)
		;
	if (*p == '-' || *p == '\0')
		return false;
	errno = 0;
	*v = strtoumax(s, &end, base);
	return end != s && *end == '\0' && errno != ERANGE && *v <= max;
}

int xtn_ebt_parse_addr(struct xtn_parse *p, int af, void *addr, void *mask)
{
	size_t alen = af == AF_INET ? 4 : 16;
	struct xtn_addr_list l;
	unsigned int i;

	if (xtn_addr_parse_any(p->arg, af, p->ctx->resolver, &l, &p->ctx->diag,
			       &p->loc) < 0)
		return -1;
	/* the same address twice (after the mask) is one, as for 1.8.9 */
	for (i = 1; i < l.n; i++) {
		if (memcmp(&l.v[i].addr, &l.v[0].addr, alen) != 0) {
			xtn_addr_list_fini(&l);
			return xtn_parse_fail(p, XTN_PARAM,
					      "host/network `%s' resolves to more than one address",
					      p->arg);
		}
	}
	memcpy(addr, &l.v[0].addr, alen);
	memcpy(mask, &l.v[0].mask, alen);
	xtn_addr_list_fini(&l);
	return 0;
}

void xtn_ebt_save_addr(const struct xtn_out *o, int af, const void *addr,
		       const void *mask)
{
	union xtn_inaddr a, m;
	char buf[INET6_ADDRSTRLEN], suffix[INET6_ADDRSTRLEN + 2];
	size_t alen = af == AF_INET ? 4 : 16;

	memset(&a, 0, sizeof(a));
	memset(&m, 0, sizeof(m));
	memcpy(&a, addr, alen);
	memcpy(&m, mask, alen);
	xtn_mask_suffix(&m, af, true, suffix, sizeof(suffix));
	xtn_out_printf(o, " %s%s", xtn_addr_ntop(&a, af, buf, sizeof(buf)),
		       suffix);
}

int xtn_ebt_parse_proto(struct xtn_parse *p, uint8_t *proto)
{
	uint16_t v;

	if (xtn_proto_parse(p->arg, p->ctx->resolver, &v) < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "unknown protocol \"%s\" specified", p->arg);
	*proto = (uint8_t)v;
	return 0;
}

void xtn_ebt_save_proto(const struct xtn_out *o, uint8_t proto)
{
	char name[64];

	/* getprotobynumber's name, not iptables' own table (0 is "ip") */
	if (o->res && o->res->proto_by_number &&
	    o->res->proto_by_number(o->res, proto, name, sizeof(name)))
		xtn_out_printf(o, " %s", name);
	else
		xtn_out_printf(o, " %u", proto);
}

bool xtn_ebt_save_opt(const struct xtn_out *o, uint32_t bitmask,
		      uint32_t invflags, uint32_t bit, const char *name)
{
	if (!(bitmask & bit))
		return false;
	xtn_out_printf(o, " --%s%s", name, invflags & bit ? " !" : "");
	return true;
}

void xtn_ebt_save_range(const struct xtn_out *o, uint32_t lo, uint32_t hi)
{
	if (lo == hi)
		xtn_out_printf(o, " %u", lo);
	else
		xtn_out_printf(o, " %u:%u", lo, hi);
}

/* Six groups of one or two hex digits joined by ':', and nothing else. */
static bool mac_text_ok(const char *s, size_t len)
{
	size_t i = 0, group, digits;

	for (group = 0; group < 6; group++) {
		if (group && (i >= len || s[i++] != ':'))
			return false;
		for (digits = 0; i < len && isxdigit((unsigned char)s[i]);
		     i++)
			digits++;
		if (digits < 1 || digits > 2)
			return false;
	}
	return i == len;
}

int xtn_ebt_parse_mac(const char *arg, uint8_t mac[6], uint8_t msk[6])
{
	const char *slash = strrchr(arg, '/');
	size_t len = slash ? (size_t)(slash - arg) : strlen(arg);

	if (xtn_eb_parse_mac(arg, mac, msk) < 0)
		return -1;
	/* a class name (Unicast, BGA...) has no ':' */
	if (!strchr(arg, ':'))
		return 0;
	if (!mac_text_ok(arg, len) ||
	    (slash && !mac_text_ok(slash + 1, strlen(slash + 1))))
		return -1;
	return 0;
}

void xtn_ebt_save_mac(const struct xtn_out *o, const uint8_t mac[6],
		      const uint8_t msk[6])
{
	static const uint8_t ones[6] = { 255, 255, 255, 255, 255, 255 };

	xtn_out_printf(o, " %02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		       mac[2], mac[3], mac[4], mac[5]);
	if (memcmp(msk, ones, 6) != 0)
		xtn_out_printf(o, "/%02x:%02x:%02x:%02x:%02x:%02x", msk[0],
			       msk[1], msk[2], msk[3], msk[4], msk[5]);
}
