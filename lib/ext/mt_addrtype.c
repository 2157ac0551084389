/*
 * -m addrtype --src-type/--dst-type TYPES [--limit-iface-in|-out]: the
 * xt_addrtype_info_v1 compat blob (rev 1, both families).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/xt_addrtype.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

enum { O_SRC, O_DST, O_IN, O_OUT };

static const struct xtn_optdef addrtype_opts[] = {
	{ .name = "src-type", .id = O_SRC, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ .name = "dst-type", .id = O_DST, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ .name = "limit-iface-in", .id = O_IN, .excl = 1u << O_OUT },
	{ .name = "limit-iface-out", .id = O_OUT, .excl = 1u << O_IN },
	{ 0 },
};

/* Route types by bit (XT_ADDRTYPE_UNSPEC is bit 0). */
static const char *const rtn_names[] = {
	"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST",
	"BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE",
};

/*
 * One type name of len characters, any case; 1.8.9 also takes any prefix
 * and stores the first name it begins ("un" is UNSPEC, "b" BROADCAST),
 * which need not be the one meant: only a prefix of exactly one name is
 * taken here.  -1 if none (or several) fit.
 */
static int type_bit(const char *name, size_t len)
{
	int bit = -1;
	size_t i;

	for (i = 0; len && i < XTN_ARRAY_SIZE(rtn_names); i++) {
		if (strncasecmp(name, rtn_names[i], len) != 0)
			continue;
		if (strlen(rtn_names[i]) == len)
			return (int)i;	/* the whole name */
		if (bit >= 0)
			return -1;	/* ambiguous */
		bit = (int)i;
	}
	return bit;
}

/* A comma list of types, with 1.8.9's two ways of quoting a bad one. */
static int parse_types(struct xtn_parse *p, uint16_t *mask)
{
	const char *arg = p->arg, *comma;
	int bit;

	while ((comma = strchr(arg, ',')) != NULL) {
		bit = type_bit(arg, (size_t)(comma - arg));
		if (bit < 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "addrtype: bad type `%s'", arg);
		*mask |= (uint16_t)(1u << bit);
		arg = comma + 1;
	}
	bit = type_bit(arg, strlen(arg));
	if (bit < 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "addrtype: bad type \"%s\"", arg);
	*mask |= (uint16_t)(1u << bit);
	return 0;
}

static int addrtype_parse(struct xtn_parse *p, void *data)
{
	struct xt_addrtype_info_v1 *m = data;

	switch (p->opt->id) {
	case O_SRC:
		if (parse_types(p, &m->source) < 0)
			return -1;
		if (p->invert)
			m->flags |= XT_ADDRTYPE_INVERT_SOURCE;
		break;
	case O_DST:
		if (parse_types(p, &m->dest) < 0)
			return -1;
		if (p->invert)
			m->flags |= XT_ADDRTYPE_INVERT_DEST;
		break;
	case O_IN:
		m->flags |= XT_ADDRTYPE_LIMIT_IFACE_IN;
		break;
	case O_OUT:
		m->flags |= XT_ADDRTYPE_LIMIT_IFACE_OUT;
		break;
	}
	return 0;
}

static int addrtype_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & (1u << O_SRC | 1u << O_DST)))
		return xtn_parse_fail(p, XTN_PARAM,
				      "addrtype: you must specify --src-type or --dst-type");
	return 0;
}

static void put_types(const struct xtn_out *o, uint16_t mask)
{
	const char *sep = "";
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(rtn_names); i++) {
		if (mask & (1u << i)) {
			xtn_out_printf(o, "%s%s", sep, rtn_names[i]);
			sep = ",";
		}
	}
}

static void put_limits(const struct xtn_out *o, uint32_t flags, bool save)
{
	if (flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
		xtn_out_puts(o, save ? " --limit-iface-in" : " limit-in");
	if (flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
		xtn_out_puts(o, save ? " --limit-iface-out" : " limit-out");
}

static void addrtype_list(const struct xtn_out *o, const void *data)
{
	const struct xt_addrtype_info_v1 *m = data;

	xtn_out_puts(o, " ADDRTYPE match");
	if (m->source) {
		xtn_out_puts(o, " src-type ");
		if (m->flags & XT_ADDRTYPE_INVERT_SOURCE)
			xtn_out_puts(o, "!");
		put_types(o, m->source);
	}
	if (m->dest) {
		xtn_out_puts(o, " dst-type ");
		if (m->flags & XT_ADDRTYPE_INVERT_DEST)
			xtn_out_puts(o, "!");
		put_types(o, m->dest);
	}
	put_limits(o, m->flags, false);
}

static void addrtype_save(const struct xtn_out *o, const void *data)
{
	const struct xt_addrtype_info_v1 *m = data;

	if (m->source) {
		if (m->flags & XT_ADDRTYPE_INVERT_SOURCE)
			xtn_out_puts(o, " !");
		xtn_out_puts(o, " --src-type ");
		put_types(o, m->source);
	}
	if (m->dest) {
		if (m->flags & XT_ADDRTYPE_INVERT_DEST)
			xtn_out_puts(o, " !");
		xtn_out_puts(o, " --dst-type ");
		put_types(o, m->dest);
	}
	put_limits(o, m->flags, true);
}

static void addrtype_help_more(struct xtn_strbuf *out)
{
	size_t i;

	xtn_strbuf_puts(out, "\nValid types:           \n");
	for (i = 0; i < XTN_ARRAY_SIZE(rtn_names); i++)
		xtn_strbuf_printf(out, "                                %s\n",
				  rtn_names[i]);
}

const struct xtn_ext xtn_mt_addrtype = {
	.name = "addrtype",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_addrtype_info_v1),
	.opts = addrtype_opts,
	.help =
"Address type match options:\n"
" [!] --src-type type[,...]      Match source address type\n"
" [!] --dst-type type[,...]      Match destination address type\n"
"     --limit-iface-in           Match only on the packet's incoming device\n"
"     --limit-iface-out          Match only on the packet's outgoing device\n",
	.help_more = addrtype_help_more,
	.parse = addrtype_parse,
	.final = addrtype_final,
	.save = addrtype_save,
	.list = addrtype_list,
	.xt = { .name = "addrtype", .revision = 1,
		.size = sizeof(struct xt_addrtype_info_v1) },
};
