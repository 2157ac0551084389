/*
 * conntrack's command line, as conntrack-tools 1.4.7 reads it: getopt_long
 * over its option table (protocol options merged after -p), then the
 * command x option legality table, then the protocol's own table.  The
 * messages are its messages; the first problem stops the parse, as its
 * exit_error() does.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <xtnft/ct.h>
#include <xtnft/ctx.h>
#include <xtnft/diag.h>
#include <xtnft/ext.h>
#include <xtnft/netaddr.h>
#include <xtnft/opt.h>
#include <xtnft/util.h>

#define SHORTOPTS XTN_CT_SHORTOPTS
#define PROTO_GROUP 1

static const struct xtn_longopt ct_opts[] = {
	{ "dump", 2, 'L' }, { "create", 2, 'I' }, { "add", 2, 'A' },
	{ "delete", 2, 'D' }, { "update", 2, 'U' }, { "get", 2, 'G' },
	{ "flush", 2, 'F' }, { "event", 2, 'E' }, { "counter", 2, 'C' },
	{ "stats", 0, 'S' }, { "version", 0, 'V' }, { "help", 0, 'h' },
	{ "orig-src", 1, 's' }, { "src", 1, 's' }, { "orig-dst", 1, 'd' },
	{ "dst", 1, 'd' }, { "reply-src", 1, 'r' }, { "reply-dst", 1, 'q' },
	{ "protonum", 1, 'p' }, { "timeout", 1, 't' }, { "status", 1, 'u' },
	{ "zero", 0, 'z' }, { "event-mask", 1, 'e' }, { "tuple-src", 1, '[' },
	{ "tuple-dst", 1, ']' }, { "mask-src", 1, '{' }, { "mask-dst", 1, '}' },
	{ "nat-range", 1, 'a' }, { "mark", 1, 'm' }, { "secmark", 1, 'c' },
	{ "id", 2, 'i' }, { "family", 1, 'f' }, { "src-nat", 2, 'n' },
	{ "dst-nat", 2, 'g' }, { "output", 1, 'o' }, { "buffer-size", 1, 'b' },
	{ "any-nat", 2, 'j' }, { "zone", 1, 'w' }, { "label", 1, 'l' },
	{ "label-add", 1, '<' }, { "label-del", 2, '>' },
	{ "orig-zone", 1, '(' }, { "reply-zone", 1, ')' },
	{ NULL, 0, 0 },
};

const struct xtn_longopt *xtn_ct_options(void)
{
	return ct_opts;
}

/* names of the option bits, for the legality messages */
static const char *const optflags[XTN_CT_NOPTS] = {
	"src", "dst", "reply-src", "reply-dst", "protonum", "timeout",
	"status", "zero", "event-mask", "tuple-src", "tuple-dst", "mask-src",
	"mask-dst", "nat-range", "mark", "id", "family", "src-nat", "dst-nat",
	"output", "secmark", "buffer-size", "any-nat", "zone", "label",
	"label-add", "label-del", "orig-zone", "reply-zone",
};

/* 0 illegal, 1 compulsory, 2 optional, 3 one of the address pairs */
static const char legal[XTN_CT_NCMDS][XTN_CT_NOPTS] = {
	/* s d r q p t u z e [ ] { } a m i f n g o c b j w l < > ( ) */
	[0]  = {2,2,2,2,2,0,2,2,0,0,0,2,2,0,2,0,2,2,2,2,2,0,2,2,2,0,0,2,2},
	[1]  = {3,3,3,3,1,1,2,0,0,0,0,0,0,2,2,0,0,2,2,0,0,0,0,2,0,2,0,2,2},
	[2]  = {2,2,2,2,2,2,2,0,0,0,0,2,2,0,2,2,2,2,2,2,0,0,0,0,2,2,2,0,0},
	[3]  = {2,2,2,2,2,2,2,0,0,0,0,2,2,0,2,2,2,2,2,2,0,0,0,2,2,0,0,2,2},
	[4]  = {3,3,3,3,1,0,0,0,0,0,0,0,0,0,0,2,0,0,0,2,0,0,0,0,2,0,0,0,0},
	[5]  = {0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,0,0,0,0,0,0,0,0,0},
	[6]  = {2,2,2,2,2,0,0,0,2,0,0,2,2,0,2,0,2,2,2,2,2,2,2,2,2,0,0,2,2},
	[8]  = {0,0,0,0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0},
	[9]  = {0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,0,0,2,0,0,0,0,0,0,0,0,0},
	[10] = {1,1,2,2,1,1,2,0,0,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0},
	[11] = {1,1,2,2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0},
	[12] = {1,1,2,2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0},
	[14] = {0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,0,0,0,0,0,0},
	[19] = {3,3,3,3,1,1,2,0,0,0,0,0,0,2,2,0,0,2,2,0,0,0,0,2,0,2,0,2,2},
};

/* a command letter -> { conntrack table, expect table } */
struct cmd_map {
	char letter;
	uint32_t ct, exp;
};

static const struct cmd_map cmd_maps[] = {
	{ 'L', XTN_CT_LIST, XTN_EXP_LIST },
	{ 'I', XTN_CT_CREATE, XTN_EXP_CREATE },
	{ 'D', XTN_CT_DELETE, XTN_EXP_DELETE },
	{ 'G', XTN_CT_GET, XTN_EXP_GET },
	{ 'F', XTN_CT_FLUSH, XTN_EXP_FLUSH },
	{ 'E', XTN_CT_EVENT, XTN_EXP_EVENT },
	{ 'V', XTN_CT_VERSION, XTN_CT_VERSION },
	{ 'h', XTN_CT_HELP, XTN_CT_HELP },
	{ 'C', XTN_CT_COUNT, XTN_EXP_COUNT },
	{ 'S', XTN_CT_STATS, XTN_EXP_STATS },
	{ 'U', XTN_CT_UPDATE, 0 },
	{ 'A', XTN_CT_ADD, 0 },
};

struct word_list {
	const char *const *words;
	const uint32_t *values;
	size_t n;
};

/* The word lists end in NULL for xtn_ct_value_words(); status_words'
 * UNREPLIED is parse_status()'s own case, past the table's 7 values. */
static const char *const status_words[] = {
	"ASSURED", "SEEN_REPLY", "UNSET", "FIXED_TIMEOUT", "EXPECTED",
	"OFFLOAD", "HW_OFFLOAD", "UNREPLIED", NULL,
};
/* IPS_* bits */
static const uint32_t status_values[] = { 4, 2, 0, 1024, 1, 1 << 14, 1 << 15 };
static const char *const event_words[] = {
	"ALL", "NEW", "UPDATES", "DESTROY", NULL,
};
static const uint32_t event_values[] = {
	XTN_CTEV_ALL, XTN_CTEV_NEW, XTN_CTEV_UPDATE, XTN_CTEV_DESTROY,
};
static const char *const output_words[] = {
	"xml", "extended", "timestamp", "id", "ktimestamp", "labels",
	"userspace", "save", NULL,
};
static const char *const family_words[] = { "ipv4", "ipv6", NULL };
static const uint32_t output_values[] = {
	XTN_CTOUT_XML, XTN_CTOUT_EXT, XTN_CTOUT_TMS, XTN_CTOUT_ID,
	XTN_CTOUT_KTMS, XTN_CTOUT_LABELS, 0, XTN_CTOUT_SAVE,
};

static const struct word_list status_list = { status_words, status_values, 7 };
static const struct word_list event_list = { event_words, event_values, 4 };
static const struct word_list output_list = { output_words, output_values, 8 };

#define IPS_SEEN_REPLY_BIT 2u

struct ctp {
	struct xtn_ctx *ctx;
	struct xtn_getopt g;
	struct xtn_optset set;
	struct xtn_ct_cmd *c;
	bool labelmap_tried;	/* 1.4.7 loads the map once, at first use */
};

void xtn_ct_cmd_init(struct xtn_ct_cmd *c)
{
	memset(c, 0, sizeof(*c));
	c->family = AF_UNSPEC;
}

static int vfail_at(struct ctp *p, int status, const char *fmt, va_list ap)
{
	struct xtn_loc loc = {
		.arg_first = (uint16_t)p->g.opt_start,
		.arg_last = (uint16_t)(p->g.optind > 0 ? p->g.optind - 1 : 0),
	};

	return xtn_vfail(&p->ctx->diag, status, &loc, fmt, ap);
}

static int __attribute__((format(printf, 2, 3)))
perr(struct ctp *p, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfail_at(p, XTN_PARAM, fmt, ap);
	va_end(ap);
	return ret;
}

static int __attribute__((format(printf, 2, 3)))
oerr(struct ctp *p, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfail_at(p, XTN_OTHER, fmt, ap);
	va_end(ap);
	return ret;
}

static const char *long_name(int val)
{
	const struct xtn_longopt *o;

	for (o = ct_opts; o->name; o++)
		if (o->val == val)
			return o->name;
	return "unknown";
}

/* One word of a comma list; conntrack-tools matches a prefix, any case,
 * and lets SRC_NAT/DST_NAT through with a warning. */
static bool parse_word(struct ctp *p, const char *s, size_t len,
		       uint32_t *value, const struct word_list *wl)
{
	size_t i;

	if (strncasecmp(s, "SRC_NAT", len) == 0) {
		xtn_warn(&p->ctx->diag, "WARNING: ignoring SRC_NAT, use --src-nat instead");
		return true;
	}
	if (strncasecmp(s, "DST_NAT", len) == 0) {
		xtn_warn(&p->ctx->diag, "WARNING: ignoring DST_NAT, use --dst-nat instead");
		return true;
	}
	for (i = 0; i < wl->n; i++)
		if (strncasecmp(s, wl->words[i], len) == 0) {
			*value |= wl->values[i];
			return true;
		}
	return false;
}

static int parse_list(struct ctp *p, const char *arg, uint32_t *value,
		      const struct word_list *wl)
{
	const char *comma;

	while ((comma = strchr(arg, ',')) != NULL) {
		if (comma == arg ||
		    !parse_word(p, arg, (size_t)(comma - arg), value, wl))
			return perr(p, "Bad parameter `%s'", arg);
		arg = comma + 1;
	}
	if (!*arg || !parse_word(p, arg, strlen(arg), value, wl))
		return perr(p, "Bad parameter `%s'", arg);
	return 0;
}

/* -u: "!X" clears X in the filter's mask, UNREPLIED asks for no reply */
static int parse_status_word(struct ctp *p, const char *arg, size_t len,
			     bool last)
{
	struct xtn_ct_cmd *c = p->c;
	bool neg = *arg == '!';

	if (neg) {
		arg++;
		len--;
		if (!last && len == 0)
			return perr(p, "Bad parameter `%s'", arg);
	}
	if (!neg && strncmp(arg, "UNREPLIED", 9) == 0) {
		c->status_mask |= IPS_SEEN_REPLY_BIT;
		return 0;
	}
	if (len == 0 || !parse_word(p, arg, len,
				    neg ? &c->status_mask : &c->status,
				    &status_list))
		return perr(p, "Bad parameter `%s'", arg);
	return 0;
}

static int parse_status(struct ctp *p, const char *arg)
{
	const char *comma;

	while ((comma = strchr(arg, ',')) != NULL) {
		if (comma == arg ||
		    parse_status_word(p, arg, (size_t)(comma - arg), false) < 0)
			return comma == arg ? perr(p, "Bad parameter `%s'", arg)
					    : -1;
		arg = comma + 1;
	}
	return parse_status_word(p, arg, strlen(arg), true);
}

static int set_family(struct ctp *p, int fam)
{
	if (p->c->family == AF_UNSPEC)
		p->c->family = fam;
	else if (p->c->family != fam)
		return perr(p, "mismatched address family");
	return 0;
}

/* conntrack-tools' parse_addr(): "a.b.c.d" (inet_aton) or IPv6, each with
 * an optional /len; *mask -1 without one, -2 when it is bad. */
static int parse_addr(const char *arg, struct xtn_ct_addr *a, int *mask)
{
	char buf[INET6_ADDRSTRLEN], *slash, *end;
	struct in_addr v4;

	strncpy(buf, arg, sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	*mask = -1;
	slash = strchr(buf, '/');
	if (slash) {
		*mask = (int)strtol(slash + 1, &end, 10);
		if (*mask < 0 || end != slash + strlen(slash))
			*mask = -2;
		*slash = '\0';
	}
	memset(a, 0, sizeof(*a));
	if (inet_aton(buf, &v4)) {
		a->family = AF_INET;
		memcpy(a->a, &v4, 4);
		if (*mask > 32)
			*mask = -2;
	} else if (inet_pton(AF_INET6, buf, a->a) > 0) {
		a->family = AF_INET6;
		if (*mask > 128)
			*mask = -2;
	} else {
		return -1;
	}
	return 0;
}

static void prefix_mask(struct xtn_ct_addr *m, int family, int len)
{
	int i;

	memset(m, 0, sizeof(*m));
	m->family = (uint8_t)family;
	for (i = 0; i < 16 && len > 0; i++, len -= 8)
		m->a[i] = len >= 8 ? 0xff : (uint8_t)(0xff << (8 - len));
}

static struct xtn_ct_addr *addr_slot(struct xtn_ct_cmd *c, int opt,
				     uint32_t *bit)
{
	switch (opt) {
	case 's': *bit = XTN_CTO_ORIG_SRC; return &c->orig_src;
	case 'd': *bit = XTN_CTO_ORIG_DST; return &c->orig_dst;
	case 'r': *bit = XTN_CTO_REPL_SRC; return &c->repl_src;
	case 'q': *bit = XTN_CTO_REPL_DST; return &c->repl_dst;
	case '[': *bit = XTN_CTO_EXP_SRC; return &c->exp_src;
	case ']': *bit = XTN_CTO_EXP_DST; return &c->exp_dst;
	case '{': *bit = XTN_CTO_MASK_SRC; return &c->mask_src;
	case '}': *bit = XTN_CTO_MASK_DST; return &c->mask_dst;
	case 'n': *bit = XTN_CTO_SRC_NAT; return &c->snat;
	case 'g': *bit = XTN_CTO_DST_NAT; return &c->dnat;
	default: *bit = XTN_CTO_ANY_NAT; return &c->snat;
	}
}

/* -s/-d/[/] take a /len that becomes a mask (--mask-src/--mask-dst) */
static int parse_addr_opt(struct ctp *p, int opt, const char *arg)
{
	struct xtn_ct_cmd *c = p->c;
	struct xtn_ct_addr a, *slot;
	bool src = opt == 's' || opt == '[';
	bool maskable = src || opt == 'd' || opt == ']';
	uint32_t bit;
	int mask;

	if (parse_addr(arg, &a, &mask) < 0)
		return perr(p, "Invalid IP address `%s'", arg);
	if (set_family(p, a.family) < 0)
		return -1;
	if (mask != -1 && !maskable)
		return perr(p, "CIDR notation unavailable for `--%s'",
			    long_name(opt));
	if (mask == -2)
		return perr(p, "Invalid netmask");
	slot = addr_slot(c, opt, &bit);
	*slot = a;
	c->options |= bit;
	if (opt == 'j')
		c->dnat = a;
	if (opt == '{' || opt == '}')	/* a netmask for -s / -d */
		*(opt == '{' ? &c->has_mask_src : &c->has_mask_dst) = true;
	if (mask == -1 || !maskable ||
	    mask == (a.family == AF_INET ? 32 : 128))
		return 0;
	prefix_mask(src ? &c->mask_src : &c->mask_dst, a.family, mask);
	*(src ? &c->has_mask_src : &c->has_mask_dst) = true;
	c->options |= src ? XTN_CTO_MASK_SRC : XTN_CTO_MASK_DST;
	return 0;
}

/* conntrack-tools' get_optional_arg(): the next word, unless it looks
 * like an option or the option had an attached value. */
static const char *optional_arg(struct ctp *p)
{
	if (p->g.optarg)
		return NULL;
	if (p->g.optind < p->g.argc && p->g.argv[p->g.optind][0] != '-' &&
	    p->g.argv[p->g.optind][0] != '!')
		return p->g.argv[p->g.optind++];
	return NULL;
}

static bool valid_port(const char *s)
{
	const char *q;

	if (!*s)
		return false;
	for (q = s; *q; q++)
		if (*q < '0' || *q > '9')
			return false;
	return strlen(s) <= 5 && strtol(s, NULL, 10) <= 65535;
}

/* -n/-g/-j [addr[:port]] with [v6]:port */
static int parse_nat(struct ctp *p, int opt)
{
	const char *arg = optional_arg(p), *cur, *port = NULL;
	char *addr = NULL;
	int ret;

	p->c->options |= opt == 'n' ? XTN_CTO_SRC_NAT :
			 opt == 'g' ? XTN_CTO_DST_NAT : XTN_CTO_ANY_NAT;
	if (!arg)
		return 0;
	cur = strchr(arg, '[');
	if (cur) {
		const char *start = cur + 1;

		cur = strchr(start, ']');
		if (cur == start)
			return perr(p, "No IPv6 address specified");
		if (!cur)
			return perr(p, "No closing ']' around IPv6 address");
		addr = xtn_xstrndup(start, (size_t)(cur - start));
		cur = strchr(cur, ':');
	} else {
		cur = strchr(arg, ':');
		if (cur && !strchr(cur + 1, ':'))
			addr = xtn_xstrndup(arg, (size_t)(cur - arg));
		else
			cur = NULL;
	}
	if (cur) {
		port = cur + 1;
		if (!*port) {
			free(addr);
			return perr(p, "No port specified after `:'");
		}
		if (!valid_port(port)) {
			free(addr);
			return perr(p, "Invalid port `%s'", port);
		}
	} else {
		free(addr);
		addr = xtn_xstrdup(arg);
	}
	ret = parse_addr_opt(p, opt, addr);
	free(addr);
	if (ret < 0 || !port)
		return ret;
	if (opt != 'g') {
		p->c->has_snat_port = true;
		p->c->snat_port = (uint16_t)atoi(port);
	}
	if (opt != 'n') {
		p->c->has_dnat_port = true;
		p->c->dnat_port = (uint16_t)atoi(port);
	}
	return 0;
}

static unsigned int check_type(struct ctp *p, int *ok)
{
	const char *t = optional_arg(p);
	size_t n;

	*ok = 0;
	if (!t)
		return XTN_CT_TABLE_CONNTRACK;
	n = strlen(t);
	if (strncmp("expect", t, n) == 0)
		return XTN_CT_TABLE_EXPECT;
	if (strncmp("conntrack", t, n) == 0)
		return XTN_CT_TABLE_CONNTRACK;
	if (strncmp("dying", t, n) == 0)
		return XTN_CT_TABLE_DYING;
	if (strncmp("unconfirmed", t, n) == 0)
		return XTN_CT_TABLE_UNCONFIRMED;
	*ok = perr(p, "unknown type `%s'", t);
	return 0;
}

static int add_command(struct ctp *p, uint32_t cmd)
{
	if (p->c->command)
		return perr(p, "Invalid commands combination");
	p->c->command = cmd;
	return 0;
}

static int parse_command(struct ctp *p, int letter)
{
	const struct cmd_map *m = NULL;
	unsigned int type;
	uint32_t cmd;
	size_t i;
	int ok;

	for (i = 0; i < XTN_ARRAY_SIZE(cmd_maps); i++)
		if (cmd_maps[i].letter == letter)
			m = &cmd_maps[i];
	type = check_type(p, &ok);
	if (ok < 0)
		return -1;
	p->c->table = type;
	if (type == XTN_CT_TABLE_DYING || type == XTN_CT_TABLE_UNCONFIRMED) {
		if (letter == 'L')
			return add_command(p, XTN_CT_LIST);
		return perr(p, "Can't do that command with tables `dying' and `unconfirmed'");
	}
	cmd = type == XTN_CT_TABLE_EXPECT ? m->exp : m->ct;
	if (!cmd)
		return perr(p, "Can't do --%s on %s", long_name(letter),
			    type == XTN_CT_TABLE_CONNTRACK ? "conntrack" : "expectations");
	return add_command(p, cmd);
}

static int parse_proto(struct ctp *p, const char *arg)
{
	const struct xtn_ct_proto *h = xtn_ct_proto_find(arg);
	const struct xtn_resolver *r = p->ctx->resolver;
	int num = -1;

	p->c->options |= XTN_CTO_PROTO;
	if (h) {
		num = h->protonum;
	} else if (r && (num = r->proto_by_name(r, arg)) >= 0) {
		h = &xtn_ct_proto_unknown;
	} else {
		char *end;
		unsigned long v = strtoul(arg, &end, 0);

		if (end == arg || *end || v > 255)
			return perr(p, "`%s' unsupported protocol", arg);
		num = (int)v;
		h = xtn_ct_proto_by_num(num);
		if (!h)
			h = &xtn_ct_proto_unknown;
	}
	p->c->proto = h;
	p->c->protonum = num;
	if (h->opts)
		xtn_optset_merge(&p->set, h->opts, PROTO_GROUP);
	return 0;
}

/* A number that is all digits (0x.. too where base is 0) and at most
 * max: 1.4.7 reads what it can and goes on (-m foo is mark 0); we refuse
 * it, so a filter never matches more than what was written. */
static bool parse_uint(const char *arg, int base, unsigned long long max,
		       unsigned long long *v)
{
	char *end;

	if (*arg < '0' || *arg > '9')
		return false;
	errno = 0;
	*v = strtoull(arg, &end, base);
	return errno == 0 && *end == '\0' && *v <= max;
}

static const char *l4_what(const struct xtn_ct_proto *h, enum xtn_ct_l4 v)
{
	if (h->keys)
		return "key";
	switch (v) {
	case XTN_CTL4_ORIG_VTAG: case XTN_CTL4_REPL_VTAG: return "verification tag";
	case XTN_CTL4_ICMP_TYPE: return "ICMP type";
	case XTN_CTL4_ICMP_CODE: return "ICMP code";
	case XTN_CTL4_ICMP_ID: return "ICMP id";
	default: return "port";
	}
}

static int parse_state(struct ctp *p, const struct xtn_ct_proto *h,
		       const char *arg)
{
	unsigned int i;

	for (i = 0; i < h->nstates; i++)
		if (strcmp(arg, h->states[i]) == 0)
			break;
	if (h->protonum == IPPROTO_TCP && strcmp(arg, "LISTEN") == 0)
		i = 9;	/* TCP_CONNTRACK_LISTEN, the kernel's SYN_SENT2 */
	else if (i == h->nstates)
		return perr(p, "%s `%s'", h->state_msg, arg);
	p->c->l4[XTN_CTL4_STATE] = i;
	return 0;
}

/* dccp --role: a prefix of client or server, any case */
static int parse_role(struct ctp *p, const char *arg)
{
	size_t n = strlen(arg);

	if (strncasecmp(arg, "client", n) == 0)
		p->c->l4[XTN_CTL4_ROLE] = 0;
	else if (strncasecmp(arg, "server", n) == 0)
		p->c->l4[XTN_CTL4_ROLE] = 1;
	else
		return perr(p, "Unknown DCCP role `%s'", arg);
	return 0;
}

static int parse_l4(struct ctp *p, unsigned int id, const char *arg)
{
	struct xtn_ct_cmd *c = p->c;
	const struct xtn_ct_proto *h = c->proto;
	enum xtn_ct_l4 v = h->optval[id];
	unsigned long long n, max = 65535;

	c->l4cols |= 1u << id;
	c->l4flags |= 1u << v;
	if (v == XTN_CTL4_STATE)
		return parse_state(p, h, arg);
	if (v == XTN_CTL4_ROLE)
		return parse_role(p, arg);
	if (v == XTN_CTL4_ICMP_TYPE || v == XTN_CTL4_ICMP_CODE)
		max = 255;
	else if (v == XTN_CTL4_ORIG_VTAG || v == XTN_CTL4_REPL_VTAG)
		max = UINT32_MAX;
	if (!parse_uint(arg, h->keys ? 0 : 10, max, &n))
		return perr(p, "invalid %s `%s'", l4_what(h, v), arg);
	c->l4[v] = (uint32_t)n;
	return 0;
}

/* -m V[/M]: both parts numbers of 32 bits */
static int parse_mark(struct ctp *p, const char *arg)
{
	struct xtn_ct_cmd *c = p->c;
	const char *slash = strchr(arg, '/');
	unsigned long long v, m = UINT32_MAX;
	char *val = xtn_xstrndup(arg, slash ? (size_t)(slash - arg) : strlen(arg));
	bool ok = parse_uint(val, 0, UINT32_MAX, &v) &&
		  (!slash || parse_uint(slash + 1, 0, UINT32_MAX, &m));

	free(val);
	if (!ok)
		return perr(p, "invalid mark `%s'", arg);
	c->options |= XTN_CTO_MARK;
	c->mark = (uint32_t)v;
	c->mark_kernel = (uint32_t)v;
	c->mark_mask = (uint32_t)m;
	return 0;
}

static int parse_zone(struct ctp *p, int opt, const char *arg)
{
	struct xtn_ct_cmd *c = p->c;
	unsigned long long v;

	if (!parse_uint(arg, 0, UINT16_MAX, &v))
		return perr(p, "invalid zone `%s'", arg);
	switch (opt) {
	case 'w': c->options |= XTN_CTO_ZONE; c->zone = (uint16_t)v; break;
	case '(': c->options |= XTN_CTO_ORIG_ZONE; c->orig_zone = (uint16_t)v; break;
	default: c->options |= XTN_CTO_REPL_ZONE; c->repl_zone = (uint16_t)v; break;
	}
	return 0;
}

static int parse_number_opt(struct ctp *p, int opt, const char *arg)
{
	struct xtn_ct_cmd *c = p->c;
	unsigned long v = strtoul(arg, NULL, 0);

	switch (opt) {
	case 'w': case '(': case ')': return parse_zone(p, opt, arg);
	case 'i': c->options |= XTN_CTO_ID; c->id = (uint32_t)v; break;
	case 'c': c->options |= XTN_CTO_SECMARK; c->secmark = (uint32_t)v; break;
	case 't': c->options |= XTN_CTO_TIMEOUT; c->timeout = (uint32_t)atol(arg); break;
	case 'b': c->options |= XTN_CTO_BUFFERSIZE; c->bufsize = (size_t)atol(arg); break;
	case 'm': return parse_mark(p, arg);
	default: return -1;
	}
	return 0;
}

/* 1.4.7 loads the label map for -o labels and the label options and
 * says so when it cannot (then no name is known) */
static void labelmap_init(struct ctp *p)
{
	FILE *f;

	if (p->labelmap_tried)
		return;
	p->labelmap_tried = true;
	f = fopen(XTN_CT_LABELMAP, "r");
	if (!f) {
		xtn_warn(&p->ctx->diag, "nfct_labelmap_new: %s", strerror(errno));
		return;
	}
	fclose(f);
}

static int parse_output(struct ctp *p, const char *arg)
{
	struct xtn_ct_cmd *c = p->c;

	c->options |= XTN_CTO_OUTPUT;
	if (parse_list(p, arg, &c->output, &output_list) < 0)
		return -1;
	if ((c->output & XTN_CTOUT_SAVE) && (c->output & ~XTN_CTOUT_SAVE))
		return oerr(p, "cannot combine save output with any other output type, use -o save only");
	if (c->output & XTN_CTOUT_LABELS)
		labelmap_init(p);
	return 0;
}

static int parse_family(struct ctp *p, const char *arg)
{
	p->c->options |= XTN_CTO_FAMILY;
	/* 1.4.7 compares the first four characters only */
	if (strncmp(arg, family_words[0], 4) == 0)
		return set_family(p, AF_INET);
	if (strncmp(arg, family_words[1], 4) == 0)
		return set_family(p, AF_INET6);
	return perr(p, "`%s' unsupported protocol", arg);
}

/* The bit of a label name: lines "BIT NAME" in the map, # comments */
static int label_bit(const char *name, size_t len)
{
	char line[256], *end, *n;
	unsigned long bit;
	int ret = -1;
	FILE *f = fopen(XTN_CT_LABELMAP, "r");

	if (!f)
		return -1;
	while (ret < 0 && fgets(line, sizeof(line), f)) {
		n = line + strspn(line, " \t");
		if (*n < '0' || *n > '9')
			continue;
		bit = strtoul(n, &end, 10);
		n = end + strspn(end, " \t");
		end = n + strcspn(n, " \t\r\n");
		if (bit < 128 && (size_t)(end - n) == len &&
		    strncmp(n, name, len) == 0)
			ret = (int)bit;
	}
	fclose(f);
	return ret;
}

static int parse_label_list(struct ctp *p, const char *arg, uint32_t *bits)
{
	while (*arg) {
		size_t len = strcspn(arg, ",");
		int bit = label_bit(arg, len);

		if (bit < 0)
			return perr(p, "unknown label '%.*s'", (int)len, arg);
		bits[bit / 32] |= 1u << (bit % 32);
		arg += len;
		if (*arg == ',')
			arg++;
	}
	return 0;
}

static int parse_label(struct ctp *p, int opt, const char *arg)
{
	struct xtn_ct_cmd *c = p->c;

	c->options |= opt == 'l' ? XTN_CTO_LABEL :
		      opt == '<' ? XTN_CTO_ADD_LABEL : XTN_CTO_DEL_LABEL;
	labelmap_init(p);
	if ((c->options & (XTN_CTO_ADD_LABEL | XTN_CTO_DEL_LABEL)) ==
	    (XTN_CTO_ADD_LABEL | XTN_CTO_DEL_LABEL))
		return oerr(p, "cannot use --label-add and --label-del at the same time");
	if (opt == '>') {
		arg = optional_arg(p);
		if (!arg) {
			c->label_mod_all = true;
			return 0;
		}
	}
	return parse_label_list(p, arg, opt == 'l' ? c->label : c->label_mod);
}

static int parse_option(struct ctp *p, int c, const char *arg)
{
	switch (c) {
	case 'L': case 'I': case 'D': case 'G': case 'F': case 'E':
	case 'V': case 'h': case 'C': case 'S': case 'U': case 'A':
		return parse_command(p, c);
	case 's': case 'd': case 'r': case 'q':
	case '[': case ']': case '{': case '}':
		return parse_addr_opt(p, c, arg);
	case 'p':
		return parse_proto(p, arg);
	case 'u':
		p->c->options |= XTN_CTO_STATUS;
		if (parse_status(p, arg) < 0)
			return -1;
		/* 1.4.7 keeps -u's bits in the mark's value too: a -u after
		 * -m makes -I/-U set that mark and -L/-D compare with it (the
		 * kernel's mark filter keeps -m's value) */
		p->c->mark = p->c->status;
		return 0;
	case 'e':
		p->c->options |= XTN_CTO_EVENT_MASK;
		return parse_list(p, arg, &p->c->event_mask, &event_list);
	case 'o':
		return parse_output(p, arg);
	case 'z':
		p->c->options |= XTN_CTO_ZERO;
		return 0;
	case 'n': case 'g': case 'j':
		return parse_nat(p, c);
	case 'l': case '<': case '>':
		return parse_label(p, c, arg);
	case 'a':
		xtn_warn(&p->ctx->diag, "WARNING: ignoring -a, deprecated option.");
		return 0;
	case 'f':
		return parse_family(p, arg);
	case ':':
		return perr(p, "option `%s' requires an argument",
			    p->g.argv[p->g.optind - 1]);
	case '?':
		return perr(p, "unknown option `%s'", p->g.argv[p->g.optind - 1]);
	case 1:		/* a stray word: getopt_long moves it to the end */
		return 0;
	default:
		if (c >= XTN_OPTVAL_BASE && p->c->proto)
			return parse_l4(p, (unsigned int)XTN_OPTVAL_ID(c), arg);
		return parse_number_opt(p, c, arg);
	}
}

/* generic_opt_check(): the first missing compulsory or illegal option by
 * column; 3 columns need one complete pair out of `pairs'. */
static int opt_check(struct ctp *p, uint32_t given, unsigned int n,
		     const char *row, const char *const *names,
		     const uint32_t *pairs, const char *const *pair_msg)
{
	bool special = false;
	int partial = -1;
	unsigned int i;

	for (i = 0; i < n; i++) {
		bool has = given & (1u << i);

		if (!has && row[i] == 1)
			return perr(p, "You need to supply the `--%s' option for this command",
				    names[i]);
		if (has && row[i] == 0)
			return perr(p, "Illegal option `--%s' with this command",
				    names[i]);
		if (row[i] == 3)
			special = true;
	}
	if (!special || !pairs)
		return 0;
	for (i = 0; i < 2; i++) {
		if ((given & pairs[i]) == pairs[i])
			return 0;
		if ((given & pairs[i]) && partial < 0)
			partial = (int)i;
	}
	return perr(p, "%s", pair_msg[partial == 1 ? 1 : 0]);
}

static const uint32_t addr_pairs[2] = { XTN_CTO_ORIG, XTN_CTO_REPL };
static const char *const addr_pair_msg[2] = {
	"you have to specify `--src' and `--dst'",
	"you have to specify `--reply-src' and `--reply-dst'",
};
static const uint32_t port_pairs[2] = { 3, 12 };

static unsigned int bit2cmd(uint32_t command)
{
	unsigned int i;

	for (i = 0; i < XTN_CT_NCMDS; i++)
		if (command & (1u << i))
			break;
	return i;
}

/* what do_command_ct() checks before it talks to the kernel */
static int command_checks(struct ctp *p)
{
	struct xtn_ct_cmd *c = p->c;
	bool list = c->command == XTN_CT_LIST &&
		    c->table == XTN_CT_TABLE_CONNTRACK;

	if (list && (c->options & XTN_CTO_COMPARISON) &&
	    (c->options & XTN_CTO_ZERO))
		return perr(p, "Can't use -z with filtering parameters");
	if (!list && !(c->command & (XTN_CT_UPDATE | XTN_CT_DELETE |
				     XTN_CT_EVENT)))
		return 0;
	if ((c->options & XTN_CTO_MASK_SRC) && !(c->options & XTN_CTO_ORIG_SRC))
		return perr(p, "Can't use --mask-src without --src");
	if ((c->options & XTN_CTO_MASK_DST) && !(c->options & XTN_CTO_ORIG_DST))
		return perr(p, "Can't use --mask-dst without --dst");
	return 0;
}

static int final_checks(struct ctp *p)
{
	struct xtn_ct_cmd *c = p->c;
	const struct xtn_ct_proto *h = c->proto;

	if ((c->options & XTN_CTO_ANY_NAT) &&
	    (c->options & (XTN_CTO_SRC_NAT | XTN_CTO_DST_NAT)))
		return perr(p, "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'");
	c->cmd = bit2cmd(c->command);
	if (opt_check(p, c->options, XTN_CT_NOPTS,
		      c->cmd < XTN_CT_NCMDS ? legal[c->cmd] : legal[XTN_CT_NCMDS - 2],
		      optflags, addr_pairs, addr_pair_msg) < 0)
		return -1;
	if (!(c->command & XTN_CT_HELP) && h && h->nopts &&
	    opt_check(p, c->l4cols, h->nopts,
		      c->cmd < XTN_CT_NCMDS ? h->legal[c->cmd] : h->legal[5],
		      h->optflags, h->pair_msg[0] ? port_pairs : NULL,
		      h->pair_msg) < 0)
		return -1;
	return command_checks(p);
}

int xtn_ct_parse(struct xtn_ctx *ctx, int argc, char **argv,
		 struct xtn_ct_cmd *c)
{
	struct ctp p = { .ctx = ctx, .c = c };
	int opt, ret = 0;

	xtn_ct_cmd_init(c);
	xtn_optset_init(&p.set, ct_opts);
	xtn_getopt_init(&p.g, argc, argv, SHORTOPTS, &p.set);
	while (ret == 0 && (opt = xtn_getopt_next(&p.g)) != -1)
		ret = parse_option(&p, opt, p.g.optarg);
	if (ret == 0) {
		/* with no -f, a command that makes something is IPv4 */
		if (c->family == AF_UNSPEC &&
		    !(c->command & (XTN_CT_LIST | XTN_CT_UPDATE | XTN_CT_DELETE |
				    XTN_CT_GET | XTN_CT_FLUSH | XTN_CT_EVENT)))
			c->family = AF_INET;
		ret = final_checks(&p);
	}
	xtn_optset_fini(&p.set);
	return ret;
}

const char *const *xtn_ct_value_words(char letter, bool *comma)
{
	*comma = letter != 'f';
	switch (letter) {
	case 'f': return family_words;
	case 'o': return output_words;
	case 'u': return status_words;
	case 'e': return event_words;
	default: return NULL;
	}
}
