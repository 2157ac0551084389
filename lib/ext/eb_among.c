/*
 * ebtables' among: --among-src / --among-dst with a list of MAC[=IP]
 * entries, given on the command line or read from a one-line file.  Each
 * list is an anonymous constant set and a lookup, as ebtables-nft 1.8.9
 * writes them (interop.md 3.1): MACs alone, or MAC . IPv4 pairs behind one
 * "meta protocol ip" check, where an entry without an IP takes any.  One
 * instance holds both lists; they print source first, each sorted as the
 * kernel returns it.  The lists can be of any length: the data block only
 * points at them (data_copy / data_free).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_ether.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

enum { O_DST, O_SRC, O_DST_FILE, O_SRC_FILE };
enum { SRC, DST };

/* nft's data types: a concatenation holds each part's type in 6 bits. */
#define TYPE_ETHERADDR 9
#define TYPE_IPADDR 7
#define TYPE_BITS 6
#define TYPE_MAC_IP ((TYPE_ETHERADDR << TYPE_BITS) | TYPE_IPADDR)

/* An entry as the kernel keys MAC . IP: each part on 32-bit registers,
 * so two zero bytes after the MAC; IP 0.0.0.0 is "any".  1.8.9 sorts
 * entries by these bytes, which is how the kernel returns them. */
struct pair {
	uint8_t mac[6];
	uint8_t pad[2];
	uint8_t ip[4];
};

struct list {
	bool inv;
	bool ip;		/* MAC . IP pairs, not MACs alone */
	unsigned int n;
	struct pair v[];
};

struct among {
	struct list *l[2];	/* SRC, DST; NULL when not given */
	/* decoding only, never compared: the "meta protocol ip" check
	 * 1.8.9 puts before pairs was read */
	bool ipv4_check;
};

extern const struct xtn_ext xtn_eb_among;

static const struct xtn_optdef among_opts[] = {
	{ .name = "among-dst", .id = O_DST, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "among-src", .id = O_SRC, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "among-dst-file", .id = O_DST_FILE, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ .name = "among-src-file", .id = O_SRC_FILE, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ 0 },
};

static struct list *list_new(unsigned int n)
{
	struct list *l = xtn_xzalloc(sizeof(*l) + (size_t)n * sizeof(l->v[0]));

	l->n = n;
	return l;
}

static size_t list_size(const struct list *l)
{
	return sizeof(*l) + (size_t)l->n * sizeof(l->v[0]);
}

static int cmp_pair(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct pair));
}

/* Sorted, each entry once: a set holds an element once, and 1.8.9
 * would list a repeated one back as a bogus 0:0:0:0:0:0. */
static void list_sort(struct list *l)
{
	unsigned int i, k = 0;

	qsort(l->v, l->n, sizeof(l->v[0]), cmp_pair);
	for (i = 0; i < l->n; i++)
		if (k == 0 || cmp_pair(&l->v[k - 1], &l->v[i]) != 0)
			l->v[k++] = l->v[i];
	l->n = k;
}

/* ether_aton's form, without the trailing words it ignores: six groups
 * of one or two hex digits. */
static bool parse_mac(const char *s, uint8_t mac[6])
{
	unsigned int i, d;

	for (i = 0; i < 6; i++) {
		if (!isxdigit((unsigned char)*s))
			return false;
		mac[i] = 0;
		for (d = 0; d < 2 && isxdigit((unsigned char)*s); d++, s++)
			mac[i] = (uint8_t)(mac[i] * 16 +
					   (isdigit((unsigned char)*s) ? *s - '0' :
					    tolower((unsigned char)*s) - 'a' + 10));
		if (*s != (i < 5 ? ':' : '\0'))
			return false;
		s++;
	}
	return true;
}

/* One entry, in 1.8.9's order of checks: the IP, then the MAC. */
static int parse_entry(struct xtn_parse *p, char *w, struct pair *e)
{
	char *eq = strchr(w, '=');

	memset(e, 0, sizeof(*e));
	if (eq) {
		*eq = '\0';
		if (inet_pton(AF_INET, eq + 1, e->ip) != 1)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Invalid IP address '%s'", eq + 1);
	}
	if (!parse_mac(w, e->mac))
		return xtn_parse_fail(p, XTN_PARAM, "Invalid MAC address '%s'", w);
	return 0;
}

/* 1.8.9 takes an empty list as an option it does not know, and names
 * the word after it. */
static int empty_list(struct xtn_parse *p)
{
	const char *next = p->optind && *p->optind < p->argc ?
			   p->argv[*p->optind] : "(null)";

	return xtn_parse_fail(p, XTN_PARAM, "Unknown argument: '%s'", next);
}

/*
 * "E1,E2,...": every entry MAC or MAC=IP, one "=" anywhere making all of
 * them pairs.  The one trailing comma the syntax allows ends the list
 * (1.8.9 stores stray bytes for it); an empty entry elsewhere is refused.
 */
static int parse_list(struct xtn_parse *p, const char *s, struct list **out)
{
	char *buf, *w, *next;
	size_t len = strlen(s);
	unsigned int n = 1, i = 0;
	struct list *l;

	if (len == 0)
		return empty_list(p);
	buf = xtn_xstrdup(s);
	if (len > 1 && buf[len - 1] == ',' && buf[len - 2] != ',')
		buf[--len] = '\0';
	for (w = buf; *w; w++)
		n += *w == ',';
	l = list_new(n);
	l->ip = strchr(buf, '=') != NULL;
	for (w = buf; w; w = next, i++) {
		next = strchr(w, ',');
		if (next)
			*next++ = '\0';
		if (parse_entry(p, w, &l->v[i]) < 0) {
			free(buf);
			free(l);
			return -1;
		}
	}
	free(buf);
	list_sort(l);
	*out = l;
	return 0;
}

/* --among-*-file: one line, newline-terminated, read through the
 * resolver (tests give their own files). */
static int read_list_file(struct xtn_parse *p, char **text)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	size_t len = 0;
	int st;

	*text = NULL;
	st = res && res->read_file ? res->read_file(res, p->arg, text, &len) :
				     XTN_FILE_NO_OPEN;
	if (st == XTN_FILE_NO_OPEN)
		return xtn_parse_fail(p, XTN_PARAM, "Couldn't open file '%s'",
				      p->arg);
	/* 1.8.9 maps the file: an empty one or a directory cannot be */
	if (st != XTN_FILE_OK || len == 0) {
		free(*text);
		return xtn_parse_fail(p, XTN_PARAM, "Couldn't map file to memory");
	}
	if ((*text)[len - 1] != '\n') {
		free(*text);
		return xtn_parse_fail(p, XTN_PARAM, "File should end with a newline");
	}
	/* a NUL ends the line for 1.8.9 too */
	if (strcspn(*text, "\n") != len - 1) {
		free(*text);
		return xtn_parse_fail(p, XTN_PARAM, "File should only contain one line");
	}
	(*text)[len - 1] = '\0';
	return 0;
}

static int among_parse(struct xtn_parse *p, void *data)
{
	unsigned int id = p->opt->id;
	int which = id == O_SRC || id == O_SRC_FILE ? SRC : DST;
	struct among *a = data;
	char *text = NULL;
	int ret;

	/* 1.8.9 keeps the last of two lists for the same side */
	if (a->l[which])
		return xtn_parse_fail(p, XTN_PARAM,
				      "Multiple use of same option not allowed");
	if ((id == O_DST_FILE || id == O_SRC_FILE) &&
	    read_list_file(p, &text) < 0)
		return -1;
	ret = parse_list(p, text ? text : p->arg, &a->l[which]);
	free(text);
	if (ret == 0)
		a->l[which]->inv = p->invert;
	return ret;
}

static bool ip_any(const struct pair *e)
{
	static const uint8_t any[4];

	return memcmp(e->ip, any, 4) == 0;
}

static bool has_pairs(const struct among *a)
{
	return (a->l[SRC] && a->l[SRC]->ip) || (a->l[DST] && a->l[DST]->ip);
}

/* The set of one list: MAC pairs end where they start, or cover every
 * IP when the entry has none. */
static void enc_list(struct xtn_enc *e, const struct list *l, bool dst)
{
	struct xtn_set_def def = { .n_elems = l->n };
	uint8_t *keys, *ends = NULL;
	unsigned int i;

	def.key_len = l->ip ? sizeof(struct pair) : 6;
	keys = xtn_xmalloc((size_t)l->n * def.key_len + 1);
	if (l->ip) {
		def.key_type = TYPE_MAC_IP;
		def.flags = NFT_SET_INTERVAL | NFT_SET_CONCAT;
		def.field_len[0] = 6;
		def.field_len[1] = 4;
		def.n_fields = 2;
		ends = xtn_xmalloc((size_t)l->n * def.key_len + 1);
	} else {
		def.key_type = TYPE_ETHERADDR;
	}
	for (i = 0; i < l->n; i++) {
		memcpy(keys + (size_t)i * def.key_len, &l->v[i], def.key_len);
		if (!ends)
			continue;
		memcpy(ends + (size_t)i * def.key_len, &l->v[i], def.key_len);
		if (ip_any(&l->v[i]))
			memset(ends + (size_t)i * def.key_len + 8, 0xff, 4);
	}
	def.keys = keys;
	def.key_ends = ends;
	xtn_enc_payload_load(e, XTN_PL_LL, dst ? 0 : 6, 6);
	if (l->ip)
		xtn_enc_payload_load_reg(e, XTN_PL_NH, dst ? 16 : 12, 4,
					 NFT_REG32_02);
	xtn_enc_lookup(e, &def, l->inv);
	free(keys);
	free(ends);
}

static int among_encode(struct xtn_enc *e, const void *data)
{
	const struct among *a = data;
	uint16_t ipv4 = htons(ETH_P_IP);

	if (has_pairs(a)) {
		xtn_enc_meta_load(e, NFT_META_PROTOCOL);
		xtn_enc_cmp(e, XTN_OP_EQ, &ipv4, sizeof(ipv4));
	}
	if (a->l[SRC])
		enc_list(e, a->l[SRC], false);
	if (a->l[DST])
		enc_list(e, a->l[DST], true);
	return 0;
}

/* The one check 1.8.9 puts before MAC . IP lookups. */
static int among_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	uint16_t ipv4 = htons(ETH_P_IP);
	struct among *a;

	if (rel->f.kind != XTN_FIELD_META || rel->f.key != NFT_META_PROTOCOL ||
	    rel->f.masked || rel->op != XTN_OP_EQ || rel->len != 2 ||
	    memcmp(rel->data, &ipv4, 2) != 0)
		return 0;
	a = xtn_dec_claim(d, &xtn_eb_among, 0);
	if (!a || a->ipv4_check)
		return -1;
	a->ipv4_check = true;
	return 1;
}

/* Which list a lookup's key loads make (-1: not among's), and whether
 * it is of pairs. */
static int lookup_side(const struct xtn_nexpr *x, bool *ip)
{
	const struct xtn_field *f = x->u.lookup.fields;
	unsigned int n = x->u.lookup.n_fields;
	bool dst;

	if (n < 1 || n > 2 || f[0].kind != XTN_FIELD_PAYLOAD ||
	    f[0].base != XTN_PL_LL || f[0].len != 6 || f[0].masked ||
	    (f[0].offset != 0 && f[0].offset != 6))
		return -1;
	dst = f[0].offset == 0;
	*ip = n == 2;
	if (*ip && (f[1].kind != XTN_FIELD_PAYLOAD || f[1].base != XTN_PL_NH ||
		    f[1].len != 4 || f[1].masked ||
		    f[1].offset != (dst ? 16u : 12u)))
		return -1;
	return dst ? DST : SRC;
}

/* The set must be one 1.8.9 writes for such a list. */
static bool set_fits(const struct xtn_set_def *s, bool ip)
{
	uint32_t must = NFT_SET_ANONYMOUS | NFT_SET_CONSTANT;

	if ((s->flags & must) != must || s->n_elems == 0)
		return false;
	if (!ip)
		return s->key_type == TYPE_ETHERADDR && s->key_len == 6 &&
		       !(s->flags & (NFT_SET_INTERVAL | NFT_SET_CONCAT));
	return s->key_type == TYPE_MAC_IP && s->key_len == sizeof(struct pair) &&
	       (s->flags & NFT_SET_INTERVAL) && s->n_fields == 2 &&
	       s->field_len[0] == 6 && s->field_len[1] == 4;
}

/* An element's end must be its key, or (a pair without IP) the key
 * with IP 255.255.255.255: a range would read back as its start. */
static bool elem_fits(const struct xtn_set_def *s, unsigned int i,
		      struct pair *e)
{
	const uint8_t *k = s->keys + (size_t)i * s->key_len;
	const uint8_t *end = s->key_ends + (size_t)i * s->key_len;
	static const uint8_t all[4] = { 255, 255, 255, 255 };

	memset(e, 0, sizeof(*e));
	memcpy(e, k, s->key_len);
	if (e->pad[0] || e->pad[1])
		return false;
	if (memcmp(end, k, s->key_len) == 0)
		return true;
	return s->key_len == sizeof(*e) && ip_any(e) &&
	       memcmp(end, k, 8) == 0 && memcmp(end + 8, all, 4) == 0;
}

static int among_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x)
{
	const struct xtn_set_def *s = x->u.lookup.set;
	struct among *a;
	struct list *l;
	unsigned int i;
	int which;
	bool ip;

	if (x->kind != XTN_NEXPR_LOOKUP ||
	    (which = lookup_side(x, &ip)) < 0)
		return 0;
	if (!set_fits(s, ip))
		return -1;
	a = xtn_dec_claim(d, &xtn_eb_among, 0);
	if (!a || a->l[which])
		return -1;
	l = list_new(s->n_elems);
	l->inv = x->u.lookup.invert;
	l->ip = ip;
	for (i = 0; i < s->n_elems; i++) {
		if (!elem_fits(s, i, &l->v[i])) {
			free(l);
			return -1;
		}
	}
	list_sort(l);
	a->l[which] = l;
	return 1;
}

/* A "meta protocol ip" check alone is not among's. */
static int among_decode_done(struct xtn_dec *d, void *data)
{
	const struct among *a = data;

	(void)d;
	if (!a->l[SRC] && !a->l[DST])
		return -1;
	return a->ipv4_check && !has_pairs(a) ? -1 : 0;
}

/* ether_ntoa's form (no leading zeros), "=IP" where there is one.  A
 * list of pairs none of which has an IP keeps "=0.0.0.0" on each (1.8.9
 * drops it, and its output then reads back as MACs alone). */
static void save_list(const struct xtn_out *o, const char *opt,
		      const struct list *l)
{
	bool any_ip = false;
	unsigned int i;

	for (i = 0; l->ip && i < l->n; i++)
		any_ip |= !ip_any(&l->v[i]);
	xtn_out_printf(o, " --%s %s", opt, l->inv ? "! " : "");
	for (i = 0; i < l->n; i++) {
		const struct pair *e = &l->v[i];

		xtn_out_printf(o, "%s%x:%x:%x:%x:%x:%x", i ? "," : "",
			       e->mac[0], e->mac[1], e->mac[2], e->mac[3],
			       e->mac[4], e->mac[5]);
		if (l->ip && (!ip_any(e) || !any_ip))
			xtn_out_printf(o, "=%u.%u.%u.%u", e->ip[0], e->ip[1],
				       e->ip[2], e->ip[3]);
	}
}

static void among_save(const struct xtn_out *o, const void *data)
{
	const struct among *a = data;

	if (a->l[SRC])
		save_list(o, "among-src", a->l[SRC]);
	if (a->l[DST])
		save_list(o, "among-dst", a->l[DST]);
}

static bool list_equal(const struct list *a, const struct list *b)
{
	if (!a || !b)
		return a == b;
	return a->inv == b->inv && a->ip == b->ip && a->n == b->n &&
	       memcmp(a->v, b->v, (size_t)a->n * sizeof(a->v[0])) == 0;
}

/* Whole lists: 1.8.9 compares only the counts and flags (and cannot
 * delete among rules at all, see the man page). */
static bool among_equal(const void *a, const void *b)
{
	const struct among *x = a, *y = b;

	return list_equal(x->l[SRC], y->l[SRC]) &&
	       list_equal(x->l[DST], y->l[DST]);
}

static void among_data_copy(void *dst, const void *src)
{
	const struct among *from = src;
	struct among *to = dst;
	int i;

	for (i = SRC; i <= DST; i++) {
		if (!from->l[i])
			continue;
		to->l[i] = xtn_xmalloc(list_size(from->l[i]));
		memcpy(to->l[i], from->l[i], list_size(from->l[i]));
	}
}

static void among_data_free(void *data)
{
	struct among *a = data;

	free(a->l[SRC]);
	free(a->l[DST]);
	a->l[SRC] = a->l[DST] = NULL;
}

const struct xtn_ext xtn_eb_among = {
	.name = "among",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct among),
	.opts = among_opts,
	.legacy = true,
	.help =
"among options:\n"
"--among-dst      [!] list      : the destination MAC (and IP) is in list\n"
"--among-src      [!] list      : the source MAC (and IP) is in list\n"
"--among-dst-file [!] file      : the destination list, read from file\n"
"--among-src-file [!] file      : the source list, read from file\n"
"A list is MAC[=IP],MAC[=IP],... (a file holds it on one line); an entry\n"
"without an IP in a list with IPs takes any IPv4 address.\n",
	.parse = among_parse,
	.encode = among_encode,
	.claims = XTN_CLAIM_META | XTN_CLAIM_LOOKUP,
	.claim_meta = 1ull << NFT_META_PROTOCOL,
	.decode_rel = among_decode_rel,
	.decode_nexpr = among_decode_nexpr,
	.decode_done = among_decode_done,
	.save = among_save,
	.list = among_save,
	.equal = among_equal,
	.data_copy = among_data_copy,
	.data_free = among_data_free,
};
