/* Helpers for descriptor parsers: located failures, typed values. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <arpa/inet.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

int xtn_parse_fail(struct xtn_parse *p, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xtn_vfail(&p->ctx->diag, status, &p->loc, fmt, ap);
	va_end(ap);
	return -1;
}

int xtn_parse_check_inverse(struct xtn_parse *p, const char **arg)
{
	if (!*arg || strcmp(*arg, "!") != 0)
		return 0;
	xtn_warn(&p->ctx->diag,
		 "Using intrapositioned negation (`--option ! this`) is deprecated in favor of extrapositioned (`! --option this`).");
	if (p->invert)
		return xtn_parse_fail(p, XTN_PARAM, "Multiple `!' flags not allowed");
	p->invert = true;
	if (*p->optind >= p->argc)
		return xtn_parse_fail(p, XTN_PARAM, "no argument following `!'");
	*arg = p->argv[(*p->optind)++];
	return 0;
}

static int bad_uint(struct xtn_parse *p, uint64_t min, uint64_t max)
{
	return xtn_parse_fail(p, XTN_PARAM,
			      "%s: bad value for option \"--%s\", or out of range (%ju-%ju).\n",
			      p->ext_name, p->opt->name, (uintmax_t)min,
			      (uintmax_t)max);
}

static uint64_t type_max(enum xtn_argtype t)
{
	switch (t) {
	case XTN_AT_UINT8:
		return UINT8_MAX;
	case XTN_AT_UINT16:
	case XTN_AT_UINT16RC:
		return UINT16_MAX;
	case XTN_AT_UINT32:
	case XTN_AT_UINT32RC:
		return UINT32_MAX;
	default:
		return UINT64_MAX;
	}
}

static void bounds(const struct xtn_optdef *o, uint64_t *min, uint64_t *max)
{
	*min = o->min;
	*max = o->max ? o->max : type_max(o->type);
}

static int parse_uint(struct xtn_parse *p)
{
	uint64_t min, max, v;
	char *end;

	bounds(p->opt, &min, &max);
	if (!xtn_strtoui(p->arg, &end, &v, min, max) || *end != '\0')
		return bad_uint(p, min, max);
	p->val.u64 = v;
	return 0;
}

/* "a", "a:b", "a:", ":b" (1.8.9's xtopt_parse_mint): an empty side keeps
 * the default (0, the maximum); "" is the single value 0, as there. */
static int parse_uint_range(struct xtn_parse *p)
{
	const char *s = p->arg;
	uint64_t min, max, v[2];
	unsigned int i;
	char *end;

	bounds(p->opt, &min, &max);
	v[0] = min;
	v[1] = max;
	for (i = 0; i < 2; i++) {
		if (*s == ':' && i == 0) {
			s++;
			continue;
		}
		if (*s == '\0') {
			if (i == 0)
				v[1] = v[0];
			break;
		}
		if (!xtn_strtoui(s, &end, &v[i], min, max) ||
		    (*end != '\0' && (*end != ':' || i == 1)))
			return xtn_parse_fail(p, XTN_PARAM,
					      "%s: bad value for option \"--%s\" near \"%s\", or out of range (%ju-%ju).\n",
					      p->ext_name, p->opt->name, s,
					      (uintmax_t)min, (uintmax_t)max);
		if (i == 0 && *end == '\0')
			v[1] = v[0];	/* a single value */
		s = *end ? end + 1 : end;
	}
	if (p->opt->type == XTN_AT_UINT16RC) {
		p->val.u16[0] = (uint16_t)v[0];
		p->val.u16[1] = (uint16_t)v[1];
	} else {
		p->val.u32[0] = (uint32_t)v[0];
		p->val.u32[1] = (uint32_t)v[1];
	}
	return 0;
}

static int parse_markmask(struct xtn_parse *p)
{
	uint64_t v, m = UINT32_MAX;
	char *end;

	if (!xtn_strtoui(p->arg, &end, &v, 0, UINT32_MAX) ||
	    (*end != '\0' && *end != '/') ||
	    (*end == '/' && (!xtn_strtoui(end + 1, &end, &m, 0, UINT32_MAX) ||
			     *end != '\0')))
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: bad integer value for option \"--%s\", or out of range.\n",
				      p->ext_name, p->opt->name);
	p->val.u32[0] = (uint32_t)v;
	p->val.u32[1] = (uint32_t)m;
	return 0;
}

static int parse_symbol(struct xtn_parse *p)
{
	const struct xtn_sym *sym;

	for (sym = p->opt->syms; sym && sym->name; sym++) {
		if (strcmp(sym->name, p->arg) == 0) {
			p->val.u32[0] = sym->value;
			return 0;
		}
	}
	if (p->opt->bad_sym)
		return xtn_parse_fail(p, XTN_PARAM, p->opt->bad_sym, p->arg);
	return xtn_parse_fail(p, XTN_PARAM,
			      "%s: bad value for option \"--%s\": \"%s\"\n",
			      p->ext_name, p->opt->name, p->arg);
}

/* One word of a list: the first name of syms it spells (any case), or
 * abbreviates with XTN_OF_ABBREV, as 1.8.9's strncasecmp loops do. */
static const struct xtn_sym *symlist_word(const struct xtn_optdef *o,
					  const char *w, size_t len)
{
	const struct xtn_sym *sym;

	if (len == 0)
		return NULL;
	for (sym = o->syms; sym && sym->name; sym++) {
		if (strncasecmp(sym->name, w, len) != 0)
			continue;
		if (sym->name[len] == '\0' || (o->flags & XTN_OF_ABBREV))
			return sym;
	}
	return NULL;
}

const char *xtn_symlist_scan(const struct xtn_optdef *o, const char *s,
			     uint32_t *mask)
{
	const struct xtn_sym *sym;
	const char *comma;

	*mask = 0;
	for (;;) {
		comma = strchr(s, ',');
		sym = symlist_word(o, s, comma ? (size_t)(comma - s) : strlen(s));
		if (!sym)
			return s;
		*mask |= sym->value;
		if (!comma)
			return NULL;
		s = comma + 1;
	}
}

static int parse_symlist(struct xtn_parse *p)
{
	const char *bad = xtn_symlist_scan(p->opt, p->arg, &p->val.u32[0]);

	if (!bad)
		return 0;
	if (p->opt->bad_sym)
		return xtn_parse_fail(p, XTN_PARAM, p->opt->bad_sym, bad);
	return xtn_parse_fail(p, XTN_PARAM,
			      "%s: bad value for option \"--%s\": \"%s\"\n",
			      p->ext_name, p->opt->name, bad);
}

static size_t fam_alen(const struct xtn_parse *p)
{
	return p->fam && p->fam->af == AF_INET6 ? 16 : 4;
}

static int fam_af(const struct xtn_parse *p)
{
	return p->fam && p->fam->af == AF_INET6 ? AF_INET6 : AF_INET;
}

/* One address: numeric, else the first answer of the resolver. */
static int parse_host_word(struct xtn_parse *p, const char *s,
			   union xtn_inaddr *out)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	union xtn_inaddr *list = NULL;
	unsigned int n = 0;

	memset(out, 0, sizeof(*out));
	/* getaddrinfo's numeric forms: inet_aton's for IPv4 ("10" is
	 * 0.0.0.10, "10.1" 10.0.0.1) */
	if (fam_af(p) == AF_INET ? inet_aton(s, &out->v4) != 0 :
	    inet_pton(AF_INET6, s, out) == 1)
		return 0;
	/* what getaddrinfo says of a numeric address of the other family */
	if (inet_pton(fam_af(p) == AF_INET ? AF_INET6 : AF_INET, s, out) == 1) {
		memset(out, 0, sizeof(*out));
		return xtn_parse_fail(p, XTN_PARAM,
				      "getaddrinfo: Address family for hostname not supported\n");
	}
	if (res && res->host_to_addrs)
		n = res->host_to_addrs(res, s, fam_af(p), &list);
	if (n == 0) {
		free(list);
		return xtn_parse_fail(p, XTN_PARAM,
				      "getaddrinfo: Name or service not known\n");
	}
	*out = list[0];
	free(list);
	return 0;
}

static int bad_mask(struct xtn_parse *p)
{
	return xtn_parse_fail(p, XTN_PARAM,
			      "%s: bad value for option \"--%s\", neither a valid network mask nor valid CIDR (%u-%u).\n",
			      p->ext_name, p->opt->name, 0u,
			      (unsigned int)fam_alen(p) * 8);
}

/* "/N" or a dotted mask; 1.8.9 takes a mask that is no prefix silently
 * as a host mask: refused, in 1.8.9's words for a bad mask. */
static int parse_mask_word(struct xtn_parse *p, const char *s,
			   union xtn_inaddr *mask)
{
	uint64_t bits;
	char *end;

	memset(mask, 0, sizeof(*mask));
	if (xtn_strtoui(s, &end, &bits, 0, fam_alen(p) * 8) && *end == '\0') {
		xtn_mask_from_cidr(mask, (unsigned int)bits, fam_alen(p));
		return 0;
	}
	if (inet_pton(fam_af(p), s, mask) == 1 &&
	    xtn_mask_to_cidr(mask, fam_alen(p)) >= 0)
		return 0;
	return bad_mask(p);
}

static int parse_hostmask(struct xtn_parse *p)
{
	union xtn_inaddr *addr = (union xtn_inaddr *)p->val.inet[0].b;
	union xtn_inaddr *mask = (union xtn_inaddr *)p->val.inet[1].b;
	const char *slash = strchr(p->arg, '/');
	char *host;
	int ret;

	/* a plain host with a slash is a name no one can resolve, whatever
	 * precedes it (1.8.9 asks getaddrinfo for the whole word) */
	if (p->opt->type == XTN_AT_HOST && slash)
		return xtn_parse_fail(p, XTN_PARAM,
				      "getaddrinfo: Name or service not known\n");
	host = xtn_xstrndup(p->arg, slash ? (size_t)(slash - p->arg) : strlen(p->arg));
	ret = parse_host_word(p, host, addr);
	free(host);
	if (ret < 0 || p->opt->type == XTN_AT_HOST)
		return ret;
	/* as 1.8.9's XTTYPE_HOSTMASK: the address unmasked, and a bare
	 * host all 128 mask bits set whatever the family */
	if (slash)
		return parse_mask_word(p, slash + 1, mask);
	memset(mask->b, 0xff, sizeof(mask->b));
	return 0;
}

/* 1.8.9's XTTYPE_PLENMASK: "N" or a dotted mask that is a prefix. */
static int parse_plenmask(struct xtn_parse *p)
{
	union xtn_inaddr *mask = (union xtn_inaddr *)p->val.inet[1].b;

	if (parse_mask_word(p, p->arg, mask) < 0)
		return -1;
	p->val.u8 = (uint8_t)xtn_mask_to_cidr(mask, fam_alen(p));
	return 0;
}

/* A prefix length, or a contiguous mask of the family's address form
 * (1.8.9's xtopt_parse_plen).  On IPv4 1.8.9 takes up to 128 and leaves
 * the kernel to refuse it (or not): refused here, in its words. */
static int parse_plen(struct xtn_parse *p)
{
	union xtn_inaddr mask;
	uint64_t bits;
	int cidr = -1;

	memset(&mask, 0, sizeof(mask));
	if (xtn_strtoui(p->arg, NULL, &bits, 0, fam_alen(p) * 8))
		cidr = (int)bits;
	else if (fam_af(p) == AF_INET6 ?
		 inet_pton(AF_INET6, p->arg, &mask) == 1 :
		 xtn_ipv4_parse_numeric(p->arg, true, &mask.v4))
		cidr = xtn_mask_to_cidr(&mask, fam_alen(p));
	if (cidr < 0)
		return bad_mask(p);
	p->val.u8 = (uint8_t)cidr;
	xtn_mask_from_cidr((union xtn_inaddr *)p->val.inet[1].b,
			   (unsigned int)cidr, fam_alen(p));
	return 0;
}

/* A port number or a service name (of any protocol, as 1.8.9's
 * xtables_getportbyname asks getaddrinfo); 1.8.9 wraps numbers above 65535 into a
 * 16-bit port silently: refused, in its words for a bad port. */
static int parse_port_word(struct xtn_parse *p, const char *s, uint16_t *out)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	uint64_t v;
	char *end;
	int port = -1;

	if (xtn_strtoui(s, &end, &v, 0, UINT16_MAX) && *end == '\0') {
		*out = (uint16_t)v;
		return 0;
	}
	/* a number is never a service name (getaddrinfo would take
	 * "70000" as the port 4464) */
	if (*s && strspn(s, "0123456789") != strlen(s) && res &&
	    res->service_to_port)
		port = res->service_to_port(res, s, NULL);
	if (port < 0 || port > UINT16_MAX)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Port \"%s\" does not resolve to anything.\n", s);
	*out = (uint16_t)port;
	return 0;
}

/* 1.8.9's XTTYPE_PORTRC: up to two ':'-separated words, an empty one
 * keeping its default (0, 65535); a single word is both ends. */
static int parse_portrc(struct xtn_parse *p)
{
	const char *s = p->arg, *colon;
	unsigned int n = 0;
	char *word;
	int ret;

	if (p->opt->type == XTN_AT_PORT) {
		if (parse_port_word(p, p->arg, &p->val.u16[0]) < 0)
			return -1;
		p->val.u16[1] = p->val.u16[0];
		return 0;
	}
	p->val.u16[0] = 0;
	p->val.u16[1] = UINT16_MAX;
	for (;;) {
		if (n == 2)
			return xtn_parse_fail(p, XTN_PARAM,
					      "%s: Too many components for option \"--%s\" (max: 2)\n",
					      p->ext_name, p->opt->name);
		colon = strchr(s, ':');
		word = xtn_xstrndup(s, colon ? (size_t)(colon - s) : strlen(s));
		ret = *word ? parse_port_word(p, word, &p->val.u16[n]) : 0;
		free(word);
		if (ret < 0)
			return -1;
		n++;
		if (!colon)
			break;
		s = colon + 1;
	}
	if (n == 1)
		p->val.u16[1] = p->val.u16[0];
	return 0;
}

/* 1.8.9's xtopt_parse_ethermac: six groups of one or two hex digits.  It
 * reads each with strtoul, so an empty group is 00 and "-1" is ff: those
 * are refused (a digit must be there, and nothing else). */
static int parse_mac(struct xtn_parse *p)
{
	const char *s = p->arg;
	size_t i, n;

	for (i = 0; i < 6; i++) {
		for (n = 0; n < 2 && isxdigit((unsigned char)s[n]); n++)
			;
		if (n == 0 || s[n] != (i < 5 ? ':' : '\0'))
			return xtn_parse_fail(p, XTN_PARAM,
					      "Invalid MAC address specified.");
		p->val.mac[i] = (uint8_t)strtoul(s, NULL, 16);
		s += n + 1;
	}
	return 0;
}

/* An interface name as xtables_parse_interface reads it: "+" at the end
 * compares only the prefix, otherwise the name and its NUL.  1.8.9 takes
 * an empty name (matching any) and saves it as a line restore cannot read:
 * refused with its words for an empty -i. */
int xtn_parse_iface(struct xtn_parse *p)
{
	size_t len = strlen(p->arg), i;

	memset(p->val.iface, 0, sizeof(p->val.iface));
	memset(p->val.iface_mask, 0, sizeof(p->val.iface_mask));
	if (len == 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Empty interface is likely to be undesired");
	if (len + 1 > sizeof(p->val.iface))
		return xtn_parse_fail(p, XTN_PARAM,
				      "interface name `%s' must be shorter than IFNAMSIZ (%i)",
				      p->arg, (int)sizeof(p->val.iface) - 1);
	memcpy(p->val.iface, p->arg, len);
	if (p->arg[len - 1] == '+') {
		memset(p->val.iface_mask, 0xff, len - 1);
		return 0;
	}
	memset(p->val.iface_mask, 0xff, len + 1);
	for (i = 0; i < len; i++) {
		if (p->arg[i] == '/' || p->arg[i] == ' ') {
			xtn_warn(&p->ctx->diag,
				 "Warning: weird character in interface `%s' ('/' and ' ' are not allowed by the kernel).",
				 p->arg);
			break;
		}
	}
	return 0;
}

static int parse_string(struct xtn_parse *p, void *data)
{
	const struct xtn_optdef *o = p->opt;
	char *dst = (char *)data + o->offset;
	size_t len = strlen(p->arg);

	/* 1.8.9 cuts the string to the field silently (a comment of 300
	 * characters is stored as its first 255): refused, in 1.8.9's words
	 * for a string option with a maximum */
	if (len >= o->size)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Argument must have a maximum length of %u characters\n",
				      o->size - 1u);
	/* a save could not be restored: its lines would break */
	if (strchr(p->arg, '\n'))
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: option \"--%s\" cannot hold a newline\n",
				      p->ext_name, o->name);
	memcpy(dst, p->arg, len);
	dst[len] = '\0';
	return 0;
}

/* An integer of `size` bytes, in host or network byte order. */
static void put_int(void *dst, uint64_t v, size_t size, bool nbo)
{
	uint8_t *b = dst;
	uint16_t v16 = (uint16_t)v;
	uint32_t v32 = (uint32_t)v;
	size_t i;

	if (nbo) {
		for (i = 0; i < size; i++)
			b[i] = (uint8_t)(v >> ((size - 1 - i) * 8));
		return;
	}
	switch (size) {
	case 1:
		b[0] = (uint8_t)v;
		break;
	case 2:
		memcpy(dst, &v16, 2);
		break;
	case 4:
		memcpy(dst, &v32, 4);
		break;
	default:
		memcpy(dst, &v, 8);
		break;
	}
}

static size_t int_size(enum xtn_argtype t)
{
	switch (t) {
	case XTN_AT_UINT8:
		return 1;
	case XTN_AT_UINT16:
	case XTN_AT_UINT16RC:
	case XTN_AT_PORT:
	case XTN_AT_PORTRC:
		return 2;
	case XTN_AT_UINT32:
	case XTN_AT_UINT32RC:
	case XTN_AT_MARKMASK32:
		return 4;
	default:
		return 8;
	}
}

/* XTN_OF_PUT: the value at offset (two values for ranges and masks). */
static void store(const struct xtn_parse *p, void *data)
{
	const struct xtn_optdef *o = p->opt;
	bool nbo = o->flags & XTN_OF_NBO;
	uint8_t *dst = (uint8_t *)data + o->offset;
	size_t sz = int_size(o->type);

	switch (o->type) {
	case XTN_AT_UINT8:
	case XTN_AT_UINT16:
	case XTN_AT_UINT32:
	case XTN_AT_UINT64:
		put_int(dst, p->val.u64, sz, nbo);
		break;
	case XTN_AT_UINT16RC:
	case XTN_AT_PORT:
	case XTN_AT_PORTRC:
		put_int(dst, p->val.u16[0], sz, nbo);
		if (o->type != XTN_AT_PORT)
			put_int(dst + sz, p->val.u16[1], sz, nbo);
		break;
	case XTN_AT_UINT32RC:
	case XTN_AT_MARKMASK32:
		put_int(dst, p->val.u32[0], sz, nbo);
		put_int(dst + sz, p->val.u32[1], sz, nbo);
		break;
	case XTN_AT_SYMBOL:
	case XTN_AT_SYMLIST:
		put_int(dst, p->val.u32[0], o->size ? o->size : 1, nbo);
		break;
	case XTN_AT_HOST:
		memcpy(dst, p->val.inet[0].b, o->size ? o->size : 16);
		break;
	case XTN_AT_HOSTMASK:
		/* addr then mask, each `size` bytes (16 for nf_inet_addr) */
		memcpy(dst, p->val.inet[0].b, o->size ? o->size : 16);
		memcpy(dst + (o->size ? o->size : 16), p->val.inet[1].b,
		       o->size ? o->size : 16);
		break;
	case XTN_AT_PLEN:
	case XTN_AT_PLENMASK:
		*dst = p->val.u8;
		break;
	case XTN_AT_ETHERMAC:
		memcpy(dst, p->val.mac, 6);
		break;
	case XTN_AT_IFACE:
		memcpy(dst, p->val.iface, sizeof(p->val.iface));
		memcpy(dst + sizeof(p->val.iface), p->val.iface_mask,
		       sizeof(p->val.iface_mask));
		break;
	default:
		break;
	}
}

/* Parse a typed option into p->val; store it where the descriptor asks. */
int xtn_parse_typed(struct xtn_parse *p, void *data)
{
	int ret = 0;

	memset(&p->val, 0, sizeof(p->val));
	switch (p->opt->type) {
	case XTN_AT_STRING:
		return parse_string(p, data);
	case XTN_AT_UINT8:
	case XTN_AT_UINT16:
	case XTN_AT_UINT32:
	case XTN_AT_UINT64:
		ret = parse_uint(p);
		break;
	case XTN_AT_UINT16RC:
	case XTN_AT_UINT32RC:
		ret = parse_uint_range(p);
		break;
	case XTN_AT_MARKMASK32:
		ret = parse_markmask(p);
		break;
	case XTN_AT_SYMBOL:
		ret = parse_symbol(p);
		break;
	case XTN_AT_SYMLIST:
		ret = parse_symlist(p);
		break;
	case XTN_AT_HOST:
	case XTN_AT_HOSTMASK:
		ret = parse_hostmask(p);
		break;
	case XTN_AT_PLEN:
		ret = parse_plen(p);
		break;
	case XTN_AT_PLENMASK:
		ret = parse_plenmask(p);
		break;
	case XTN_AT_PORT:
	case XTN_AT_PORTRC:
		ret = parse_portrc(p);
		break;
	case XTN_AT_ETHERMAC:
		ret = parse_mac(p);
		break;
	case XTN_AT_IFACE:
		ret = xtn_parse_iface(p);
		break;
	default:
		return 0;
	}
	if (ret == 0 && (p->opt->flags & XTN_OF_PUT))
		store(p, data);
	return ret;
}

/* The unit of a rate ("/s", "/Min", "/hour"...): any prefix of the
 * word, in any case, as 1.8.9's limit does; 0 if none fits. */
static uint32_t rate_unit(const char *u)
{
	static const struct {
		const char *name;
		uint32_t mult;
	} units[] = {
		{ "second", 1 }, { "minute", 60 },
		{ "hour", 60 * 60 }, { "day", 24 * 60 * 60 },
	};
	size_t i, len = strlen(u);

	for (i = 0; len && i < XTN_ARRAY_SIZE(units); i++)
		if (strncasecmp(units[i].name, u, len) == 0)
			return units[i].mult;
	return 0;
}

/*
 * The words of a rate as 1.8.9's limit and hashlimit read them: a number,
 * then an optional unit (per second by default).  1.8.9 reads the number
 * with atoi()/atoll(), which give it a sign and ignore what follows the
 * digits ("5abc/s" is 5/s): such trailing text is refused here (as not a
 * rate), and a negative number is XTN_RATE_FAST, as its wrapped value is
 * in 1.8.9.
 */
int xtn_rate_words(const char *s, uint64_t *n, uint32_t *unit_secs)
{
	const char *slash = strchr(s, '/'), *c = s, *end;
	uint32_t mult = 1;
	bool neg = false;

	if (slash && (mult = rate_unit(slash + 1)) == 0)
		return XTN_RATE_BAD;
	while (isspace((unsigned char)*c))
		c++;
	if (*c == '+' || *c == '-')
		neg = *c++ == '-';
	if (*c < '0' || *c > '9')
		return XTN_RATE_BAD;
	if (!xtn_strtou64_dec(c, &end, n))
		return XTN_RATE_FAST;	/* more digits than 64 bits hold */
	if ((*end != '\0' && end != slash) || *n == 0)
		return XTN_RATE_BAD;
	*unit_secs = mult;
	return neg ? XTN_RATE_FAST : 0;
}

/* 1.8.9's -m limit rate, in its words; a number past 32 bits (which
 * atoi() would wrap) is too fast. */
int xtn_parse_rate(struct xtn_parse *p, const char *s, uint32_t *avg)
{
	uint32_t mult;
	uint64_t r;
	int ret = xtn_rate_words(s, &r, &mult);

	if (ret == XTN_RATE_BAD)
		return xtn_parse_fail(p, XTN_PARAM, "bad rate \"%s\"'", s);
	/* xt_limit's scale: 10000 per second */
	if (ret == XTN_RATE_FAST || r > UINT32_MAX ||
	    (uint64_t)mult * 10000u / r == 0)
		return xtn_parse_fail(p, XTN_PARAM, "Rate too fast \"%s\"", s);
	*avg = (uint32_t)((uint64_t)mult * 10000u / r);
	return 0;
}
