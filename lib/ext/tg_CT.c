/*
 * -j CT: xt_ct_target_info_v1 as revision 2 (what 1.8.9 writes; rev 2 is
 * rev 1 plus the NOTRACK alias flag), revisions 0 and 1 read.  -j NOTRACK
 * (tg_NOTRACK.c) is the same blob with XT_CT_NOTRACK_ALIAS; claim_xt
 * keeps the two apart.  Only the raw table takes it.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/xt_CT.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>

enum {
	O_NOTRACK,
	O_HELPER,
	O_TIMEOUT,
	O_CTEVENTS,
	O_EXPEVENTS,
	O_ZONE,
	O_ZONE_ORIG,
	O_ZONE_REPLY,
};

#define CT_STR(n, i, field)						\
	{ .name = n, .id = i, .has_arg = 1, .flags = XTN_OF_PUT,	\
	  .type = XTN_AT_STRING,					\
	  .offset = offsetof(struct xt_ct_target_info_v1, field),	\
	  .size = sizeof(((struct xt_ct_target_info_v1 *)0)->field) }

/* 1.8.9's table order: getopt abbreviations depend on it */
static const struct xtn_optdef ct_opts[] = {
	{ .name = "notrack", .id = O_NOTRACK, .type = XTN_AT_NONE },
	CT_STR("helper", O_HELPER, helper),
	CT_STR("timeout", O_TIMEOUT, timeout),
	{ .name = "ctevents", .id = O_CTEVENTS, .has_arg = 1 },
	{ .name = "expevents", .id = O_EXPEVENTS, .has_arg = 1 },
	{ .name = "zone-orig", .id = O_ZONE_ORIG, .has_arg = 1 },
	{ .name = "zone-reply", .id = O_ZONE_REPLY, .has_arg = 1 },
	{ .name = "zone", .id = O_ZONE, .has_arg = 1 },
	{ 0 },
};

/* Event names: exact and case-sensitive in 1.8.9, unlike ctstate. */
struct ct_event {
	const char *name;
	unsigned int bit;
};

static const struct ct_event ct_events[] = {
	{ "new", IPCT_NEW },		{ "related", IPCT_RELATED },
	{ "destroy", IPCT_DESTROY },	{ "reply", IPCT_REPLY },
	{ "assured", IPCT_ASSURED },	{ "protoinfo", IPCT_PROTOINFO },
	{ "helper", IPCT_HELPER },	{ "mark", IPCT_MARK },
	{ "natseqinfo", IPCT_NATSEQADJ }, { "secmark", IPCT_SECMARK },
	{ NULL, 0 },
};

static const struct ct_event exp_events[] = {
	{ "new", IPEXP_NEW },
	{ NULL, 0 },
};

static int parse_events(struct xtn_parse *p, const struct ct_event *tbl,
			uint32_t *mask)
{
	const char *s = p->arg, *comma;
	const struct ct_event *e;
	size_t len;

	*mask = 0;
	for (;;) {
		comma = strchr(s, ',');
		len = comma ? (size_t)(comma - s) : strlen(s);
		for (e = tbl; e->name; e++)
			if (strlen(e->name) == len && strncmp(e->name, s, len) == 0)
				break;
		if (!e->name)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Unknown event type \"%.*s\"",
					      (int)len, s);
		*mask |= 1u << e->bit;
		if (!comma)
			return 0;
		s = comma + 1;
	}
}

/* A zone number, or "mark" (any case): the zone is the packet mark. */
static int parse_zone(struct xtn_parse *p, struct xt_ct_target_info_v1 *ct)
{
	uint64_t v;
	char *end;

	if (p->opt->id == O_ZONE_ORIG)
		ct->flags |= XT_CT_ZONE_DIR_ORIG;
	if (p->opt->id == O_ZONE_REPLY)
		ct->flags |= XT_CT_ZONE_DIR_REPL;
	ct->zone = 0;
	if (strcasecmp(p->arg, "mark") == 0) {
		ct->flags |= XT_CT_ZONE_MARK;
		return 0;
	}
	if (!xtn_strtoui(p->arg, &end, &v, 0, UINT16_MAX) || *end != '\0')
		return xtn_parse_fail(p, XTN_PARAM,
				      "Cannot parse %s as a zone ID", p->arg);
	ct->zone = (uint16_t)v;
	return 0;
}

static int ct_parse(struct xtn_parse *p, void *data)
{
	struct xt_ct_target_info_v1 *ct = data;

	switch (p->opt->id) {
	case O_NOTRACK:
		ct->flags |= XT_CT_NOTRACK;
		return 0;
	case O_CTEVENTS:
		return parse_events(p, ct_events, &ct->ct_events);
	case O_EXPEVENTS:
		return parse_events(p, exp_events, &ct->exp_events);
	case O_ZONE:
	case O_ZONE_ORIG:
	case O_ZONE_REPLY:
		return parse_zone(p, ct);
	default:
		return 0;
	}
}

static void put_events(const struct xtn_out *o, const char *pfx,
		       const struct ct_event *tbl, uint32_t mask)
{
	const char *sep = "";

	xtn_out_printf(o, " %s ", pfx);
	for (; tbl->name; tbl++) {
		if (!(mask & (1u << tbl->bit)))
			continue;
		xtn_out_printf(o, "%s%s", sep, tbl->name);
		sep = ",";
	}
}

static void put_zone(const struct xtn_out *o, const char *pfx,
		     const struct xt_ct_target_info_v1 *ct)
{
	uint16_t dir = ct->flags & (XT_CT_ZONE_DIR_ORIG | XT_CT_ZONE_DIR_REPL);

	xtn_out_printf(o, " %s%s", pfx,
		       dir == XT_CT_ZONE_DIR_ORIG ? "-orig" :
		       dir == XT_CT_ZONE_DIR_REPL ? "-reply" : "");
	if (ct->flags & XT_CT_ZONE_MARK)
		xtn_out_puts(o, " mark");
	else
		xtn_out_printf(o, " %u", ct->zone);
}

/* A helper or timeout name (its field need not end in a NUL): in save
 * form quoted when a blank or a quote would split it (1.8.9 prints it
 * bare, and cannot restore that). */
static void put_name(const struct xtn_out *o, const char *dash,
		     const char *word, const char *field, size_t size)
{
	char name[sizeof(((struct xt_ct_target_info_v1 *)0)->timeout) + 1];

	snprintf(name, sizeof(name), "%.*s", (int)size, field);
	xtn_out_printf(o, " %s%s", dash, word);
	if (*dash)
		xtn_out_name(o, name);
	else
		xtn_out_printf(o, " %s", name);
}

/* The fields set, each with its word: "" for -L, "--" for save. */
static void put_fields(const struct xtn_out *o, const char *dash,
		       const struct xt_ct_target_info_v1 *ct)
{
	char pfx[16];

	if (ct->flags & XT_CT_NOTRACK)
		xtn_out_printf(o, " %snotrack", dash);
	if (ct->helper[0])
		put_name(o, dash, "helper", ct->helper, sizeof(ct->helper));
	if (ct->timeout[0])
		put_name(o, dash, "timeout", ct->timeout, sizeof(ct->timeout));
	if (ct->ct_events) {
		snprintf(pfx, sizeof(pfx), "%sctevents", dash);
		put_events(o, pfx, ct_events, ct->ct_events);
	}
	if (ct->exp_events) {
		snprintf(pfx, sizeof(pfx), "%sexpevents", dash);
		put_events(o, pfx, exp_events, ct->exp_events);
	}
	if ((ct->flags & XT_CT_ZONE_MARK) || ct->zone) {
		snprintf(pfx, sizeof(pfx), "%szone", dash);
		put_zone(o, pfx, ct);
	}
}

static void ct_list(const struct xtn_out *o, const void *data)
{
	xtn_out_puts(o, " CT");
	put_fields(o, "", data);
}

static void ct_save(const struct xtn_out *o, const void *data)
{
	put_fields(o, "--", data);
}

static int ct_decode_xt(struct xtn_dec *d, void *data, const void *info,
			size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, offsetof(struct xt_ct_target_info_v1, ct));
	return 0;
}

/* Rev 0: no timeout. */
static int ct_decode_v0(struct xtn_dec *d, void *data, const void *info,
			size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, offsetof(struct xt_ct_target_info, ct));
	return 0;
}

static bool ct_claim_xt(const void *info, size_t len)
{
	uint16_t flags = 0;

	if (len >= sizeof(flags))
		memcpy(&flags, info, sizeof(flags));
	return !(flags & XT_CT_NOTRACK_ALIAS);
}

static const struct xtn_xt_rev ct_xt_read[] = {
	{ 0, sizeof(struct xt_ct_target_info), ct_decode_v0 },
	{ 1, sizeof(struct xt_ct_target_info_v1), ct_decode_xt },
	{ 0 },
};

const struct xtn_ext xtn_tg_CT = {
	.name = "CT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_ct_target_info_v1),
	.cmp_size = offsetof(struct xt_ct_target_info_v1, ct),
	.opts = ct_opts,
	.help =
"CT target options:\n"
" --notrack\t\t\tDon't track connection\n"
" --helper name\t\t\tUse conntrack helper 'name' for connection\n"
" --timeout name \t\tUse timeout policy 'name' for connection\n"
" --ctevents event[,event...]\tGenerate specified conntrack events for connection\n"
" --expevents event[,event...]\tGenerate specified expectation events for connection\n"
" --zone {ID|mark}\t\tAssign/Lookup connection in zone ID/packet nfmark\n"
" --zone-orig {ID|mark}\t\tSame as 'zone' option, but only applies to ORIGINAL direction\n"
" --zone-reply {ID|mark} \tSame as 'zone' option, but only applies to REPLY direction\n",
	.parse = ct_parse,
	.decode_xt = ct_decode_xt,
	.save = ct_save,
	.list = ct_list,
	.xt = { .name = "CT", .revision = 2,
		.size = sizeof(struct xt_ct_target_info_v1) },
	.xt_read = ct_xt_read,
	.claim_xt = ct_claim_xt,
};
