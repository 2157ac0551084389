/*
 * -m conntrack: the xt_conntrack_mtinfo3 compat blob (revision 3, 168
 * bytes), as 1.8.9 writes it on any kernel since 2.6.38.  Revisions 1 and
 * 2 (single ports in network byte order) are read too.  -m state writes
 * the same blob with XT_CONNTRACK_STATE_ALIAS (mt_state.c); claim_xt keeps
 * the two apart on decode.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/xt_conntrack.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "conntrack.h"

/* 1.8.9's option order: getopt's abbreviations depend on it */
enum {
	O_CTSTATE,
	O_CTPROTO,
	O_CTORIGSRC,
	O_CTORIGDST,
	O_CTREPLSRC,
	O_CTREPLDST,
	O_CTORIGSRCPORT,
	O_CTORIGDSTPORT,
	O_CTREPLSRCPORT,
	O_CTREPLDSTPORT,
	O_CTSTATUS,
	O_CTEXPIRE,
	O_CTDIR,
};

/* The match_flags bit each option sets. */
static const uint16_t flag_of[] = {
	[O_CTSTATE] = XT_CONNTRACK_STATE,
	[O_CTPROTO] = XT_CONNTRACK_PROTO,
	[O_CTORIGSRC] = XT_CONNTRACK_ORIGSRC,
	[O_CTORIGDST] = XT_CONNTRACK_ORIGDST,
	[O_CTREPLSRC] = XT_CONNTRACK_REPLSRC,
	[O_CTREPLDST] = XT_CONNTRACK_REPLDST,
	[O_CTORIGSRCPORT] = XT_CONNTRACK_ORIGSRC_PORT,
	[O_CTORIGDSTPORT] = XT_CONNTRACK_ORIGDST_PORT,
	[O_CTREPLSRCPORT] = XT_CONNTRACK_REPLSRC_PORT,
	[O_CTREPLDSTPORT] = XT_CONNTRACK_REPLDST_PORT,
	[O_CTSTATUS] = XT_CONNTRACK_STATUS,
	[O_CTEXPIRE] = XT_CONNTRACK_EXPIRES,
	[O_CTDIR] = XT_CONNTRACK_DIRECTION,
};

const struct xtn_sym xtn_conntrack_states[] = {
	{ "INVALID", XT_CONNTRACK_STATE_INVALID },
	{ "NEW", XT_CONNTRACK_STATE_BIT(IP_CT_NEW) },
	{ "ESTABLISHED", XT_CONNTRACK_STATE_BIT(IP_CT_ESTABLISHED) },
	{ "RELATED", XT_CONNTRACK_STATE_BIT(IP_CT_RELATED) },
	{ "UNTRACKED", XT_CONNTRACK_STATE_UNTRACKED },
	{ "SNAT", XT_CONNTRACK_STATE_SNAT },
	{ "DNAT", XT_CONNTRACK_STATE_DNAT },
	{ NULL, 0 },
};

const struct xtn_sym xtn_conntrack_statuses[] = {
	{ "NONE", 0 },
	{ "EXPECTED", IPS_EXPECTED },
	{ "SEEN_REPLY", IPS_SEEN_REPLY },
	{ "ASSURED", IPS_ASSURED },
	{ "CONFIRMED", IPS_CONFIRMED },
	{ NULL, 0 },
};

#define CT_OFF(field) offsetof(struct xt_conntrack_mtinfo3, field)
#define CT_ADDR(n, i, field)						\
	{ .name = n, .id = i, .has_arg = 1,				\
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_HOSTMASK,	\
	  .offset = CT_OFF(field), .size = 16 }
#define CT_PORT(n, i)							\
	{ .name = n, .id = i, .has_arg = 1, .flags = XTN_OF_INVERT,	\
	  .type = XTN_AT_PORTRC }

static const struct xtn_optdef conntrack_opts[] = {
	{ .name = "ctstate", .id = O_CTSTATE, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT | XTN_OF_ABBREV,
	  .type = XTN_AT_SYMLIST, .syms = xtn_conntrack_states,
	  .offset = CT_OFF(state_mask), .size = 2,
	  .bad_sym = "Bad ctstate \"%s\"" },
	{ .name = "ctproto", .id = O_CTPROTO, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	CT_ADDR("ctorigsrc", O_CTORIGSRC, origsrc_addr),
	CT_ADDR("ctorigdst", O_CTORIGDST, origdst_addr),
	CT_ADDR("ctreplsrc", O_CTREPLSRC, replsrc_addr),
	CT_ADDR("ctrepldst", O_CTREPLDST, repldst_addr),
	{ .name = "ctstatus", .id = O_CTSTATUS, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT | XTN_OF_ABBREV,
	  .type = XTN_AT_SYMLIST, .syms = xtn_conntrack_statuses,
	  .offset = CT_OFF(status_mask), .size = 2,
	  .bad_sym = "Bad ctstatus \"%s\"" },
	{ .name = "ctexpire", .id = O_CTEXPIRE, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32RC,
	  .offset = CT_OFF(expires_min) },
	CT_PORT("ctorigsrcport", O_CTORIGSRCPORT),
	CT_PORT("ctorigdstport", O_CTORIGDSTPORT),
	CT_PORT("ctreplsrcport", O_CTREPLSRCPORT),
	CT_PORT("ctrepldstport", O_CTREPLDSTPORT),
	{ .name = "ctdir", .id = O_CTDIR, .has_arg = 1 },
	{ 0 },
};

/* Where the low and high port of each port option live (rev 3 keeps
 * the high ends apart from the low ones). */
static void port_slots(struct xt_conntrack_mtinfo3 *ct, unsigned int id,
		       uint16_t **lo, uint16_t **hi)
{
	switch (id) {
	case O_CTORIGSRCPORT:
		*lo = &ct->origsrc_port;
		*hi = &ct->origsrc_port_high;
		break;
	case O_CTORIGDSTPORT:
		*lo = &ct->origdst_port;
		*hi = &ct->origdst_port_high;
		break;
	case O_CTREPLSRCPORT:
		*lo = &ct->replsrc_port;
		*hi = &ct->replsrc_port_high;
		break;
	default:
		*lo = &ct->repldst_port;
		*hi = &ct->repldst_port_high;
		break;
	}
}

static int parse_dir(struct xtn_parse *p, struct xt_conntrack_mtinfo3 *ct)
{
	/* REPLY is the direction flag inverted: --ctdir takes no "!" */
	if (strcasecmp(p->arg, "ORIGINAL") == 0)
		ct->invert_flags &= (uint16_t)~XT_CONNTRACK_DIRECTION;
	else if (strcasecmp(p->arg, "REPLY") == 0)
		ct->invert_flags |= XT_CONNTRACK_DIRECTION;
	else
		return xtn_parse_fail(p, XTN_PARAM,
				      "%s: Bad value for \"--%s\" option: \"%s\"",
				      p->ext_name, p->opt->name, p->arg);
	return 0;
}

static int conntrack_parse(struct xtn_parse *p, void *data)
{
	struct xt_conntrack_mtinfo3 *ct = data;
	unsigned int id = p->opt->id;
	uint16_t *lo, *hi, proto;

	switch (id) {
	case O_CTPROTO:
		/* 1.8.9 takes "all" (0) here too, inverted or not */
		if (xtn_proto_parse(p->arg, p->ctx->resolver, &proto) < 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "unknown protocol \"%s\" specified",
					      p->arg);
		ct->l4proto = proto;
		break;
	case O_CTORIGSRCPORT:
	case O_CTORIGDSTPORT:
	case O_CTREPLSRCPORT:
	case O_CTREPLDSTPORT:
		port_slots(ct, id, &lo, &hi);
		*lo = p->val.u16[0];
		*hi = p->val.u16[1];
		break;
	case O_CTDIR:
		if (parse_dir(p, ct) < 0)
			return -1;
		break;
	default:
		break;
	}
	ct->match_flags |= flag_of[id];
	if (p->invert)
		ct->invert_flags |= flag_of[id];
	return 0;
}

static int conntrack_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (p->inst->seen == 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "conntrack: At least one option is required");
	return 0;
}

/* The names of the bits set in mask, in 1.8.9's print order. */
static void put_names(const struct xtn_out *o, const struct xtn_sym *syms,
		      const unsigned int *order, size_t n, unsigned int mask)
{
	const char *sep = " ";
	size_t i;

	for (i = 0; i < n; i++) {
		if (!(mask & syms[order[i]].value))
			continue;
		xtn_out_printf(o, "%s%s", sep, syms[order[i]].name);
		sep = ",";
	}
	if (syms == xtn_conntrack_statuses && mask == 0)
		xtn_out_puts(o, " NONE");
}

static void put_states(const struct xtn_out *o, unsigned int mask)
{
	/* RELATED before ESTABLISHED, unlike the parse table */
	static const unsigned int order[] = { 0, 1, 3, 2, 4, 5, 6 };

	put_names(o, xtn_conntrack_states, order, 7, mask);
}

static void put_statuses(const struct xtn_out *o, unsigned int mask)
{
	static const unsigned int order[] = { 1, 2, 3, 4 };

	put_names(o, xtn_conntrack_statuses, order, 4, mask);
}

/* 1.8.9's conntrack_dump_addr: "anywhere" for a zero address in -L,
 * else the address (a name in -L without -n) and its mask. */
static void put_addr(const struct xtn_out *o, const union nf_inet_addr *a,
		     const union nf_inet_addr *m, bool numeric)
{
	static const union xtn_inaddr zero;
	const union xtn_inaddr *addr = (const void *)a;
	const union xtn_inaddr *mask = (const void *)m;
	int af = o->fam->af;
	char buf[1100], mbuf[INET6_ADDRSTRLEN + 2];

	if (!numeric && memcmp(addr, &zero, o->fam->addr_len) == 0) {
		xtn_out_puts(o, " anywhere");
		return;
	}
	if (numeric ||
	    (!xtn_res_addr_to_host(o->res, addr, af, buf, sizeof(buf)) &&
	     (af != AF_INET ||
	      !xtn_res_addr_to_net(o->res, &addr->v4, buf, sizeof(buf)))))
		xtn_addr_ntop(addr, af, buf, sizeof(buf));
	xtn_mask_suffix(mask, af, true, mbuf, sizeof(mbuf));
	xtn_out_printf(o, " %s%s", buf, mbuf);
}

/* One port when the range is one; 1.8.9 also prints a reversed range
 * "N:0" as "N", which reads back as N:N (N:0 matches nothing): it is
 * printed as it is. */
static void put_ports(const struct xtn_out *o, const char *prefix,
		      const char *name, uint16_t lo, uint16_t hi)
{
	if (lo == hi)
		xtn_out_printf(o, " %s%s %u", prefix, name, lo);
	else
		xtn_out_printf(o, " %s%s %u:%u", prefix, name, lo, hi);
}

/* "!" before a field that is inverted. */
static bool put_inv(const struct xtn_out *o,
		    const struct xt_conntrack_mtinfo3 *ct, uint16_t flag)
{
	if (!(ct->match_flags & flag))
		return false;
	if (ct->invert_flags & flag)
		xtn_out_puts(o, " !");
	return true;
}

static void dump_addrs(const struct xtn_out *o,
		       const struct xt_conntrack_mtinfo3 *ct,
		       const char *prefix, bool numeric)
{
	static const struct {
		uint16_t flag;
		const char *name;
		size_t addr, mask;
	} addrs[] = {
		{ XT_CONNTRACK_ORIGSRC, "ctorigsrc", CT_OFF(origsrc_addr),
		  CT_OFF(origsrc_mask) },
		{ XT_CONNTRACK_ORIGDST, "ctorigdst", CT_OFF(origdst_addr),
		  CT_OFF(origdst_mask) },
		{ XT_CONNTRACK_REPLSRC, "ctreplsrc", CT_OFF(replsrc_addr),
		  CT_OFF(replsrc_mask) },
		{ XT_CONNTRACK_REPLDST, "ctrepldst", CT_OFF(repldst_addr),
		  CT_OFF(repldst_mask) },
	};
	const char *base = (const char *)ct;
	size_t i;

	for (i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		if (!put_inv(o, ct, addrs[i].flag))
			continue;
		xtn_out_printf(o, " %s%s", prefix, addrs[i].name);
		put_addr(o, (const void *)(base + addrs[i].addr),
			 (const void *)(base + addrs[i].mask), numeric);
	}
}

static void dump_ports(const struct xtn_out *o,
		       const struct xt_conntrack_mtinfo3 *ct,
		       const char *prefix)
{
	static const char *const names[] = {
		"ctorigsrcport", "ctorigdstport", "ctreplsrcport",
		"ctrepldstport",
	};
	struct xt_conntrack_mtinfo3 tmp = *ct;
	uint16_t *lo, *hi;
	unsigned int i;

	for (i = 0; i < 4; i++) {
		if (!put_inv(o, ct, flag_of[O_CTORIGSRCPORT + i]))
			continue;
		port_slots(&tmp, O_CTORIGSRCPORT + i, &lo, &hi);
		put_ports(o, prefix, names[i], *lo, *hi);
	}
}

void xtn_conntrack_dump(const struct xtn_out *o,
			const struct xt_conntrack_mtinfo3 *ct,
			const char *prefix, bool numeric)
{
	if (put_inv(o, ct, XT_CONNTRACK_STATE)) {
		xtn_out_printf(o, " %s%s", prefix,
			       ct->match_flags & XT_CONNTRACK_STATE_ALIAS ?
			       "state" : "ctstate");
		put_states(o, ct->state_mask);
	}
	if (put_inv(o, ct, XT_CONNTRACK_PROTO))
		xtn_out_printf(o, " %sctproto %u", prefix, ct->l4proto);
	dump_addrs(o, ct, prefix, numeric);
	dump_ports(o, ct, prefix);
	if (put_inv(o, ct, XT_CONNTRACK_STATUS)) {
		xtn_out_printf(o, " %sctstatus", prefix);
		put_statuses(o, ct->status_mask);
	}
	if (put_inv(o, ct, XT_CONNTRACK_EXPIRES)) {
		xtn_out_printf(o, " %sctexpire ", prefix);
		if (ct->expires_max == ct->expires_min)
			xtn_out_printf(o, "%u", ct->expires_min);
		else
			xtn_out_printf(o, "%u:%u", ct->expires_min,
				       ct->expires_max);
	}
	if (ct->match_flags & XT_CONNTRACK_DIRECTION)
		xtn_out_printf(o, " %sctdir %s", prefix,
			       ct->invert_flags & XT_CONNTRACK_DIRECTION ?
			       "REPLY" : "ORIGINAL");
}

static void conntrack_list(const struct xtn_out *o, const void *data)
{
	xtn_conntrack_dump(o, data, "", xtn_out_numeric(o));
}

static void conntrack_save(const struct xtn_out *o, const void *data)
{
	xtn_conntrack_dump(o, data, "--", true);
}

static int conntrack_decode_xt(struct xtn_dec *d, void *data,
			       const void *info, size_t len)
{
	(void)d;
	(void)len;	/* the decoder checked it against xt.size */
	memcpy(data, info, sizeof(struct xt_conntrack_mtinfo3));
	return 0;
}

/* Revisions 1 and 2 share rev 3's first 146 bytes; their single ports are
 * in network byte order, which 1.8.9 lists as one port each. */
static void decode_v12(struct xt_conntrack_mtinfo3 *ct, const void *info)
{
	const struct xt_conntrack_mtinfo2 *v2 = info;

	memcpy(ct, info, offsetof(struct xt_conntrack_mtinfo2, state_mask));
	ct->origsrc_port = ct->origsrc_port_high = ntohs(v2->origsrc_port);
	ct->origdst_port = ct->origdst_port_high = ntohs(v2->origdst_port);
	ct->replsrc_port = ct->replsrc_port_high = ntohs(v2->replsrc_port);
	ct->repldst_port = ct->repldst_port_high = ntohs(v2->repldst_port);
}

int xtn_conntrack_decode_v1(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	const struct xt_conntrack_mtinfo1 *v1 = info;
	struct xt_conntrack_mtinfo3 *ct = data;

	(void)d;
	(void)len;
	decode_v12(ct, info);
	ct->state_mask = v1->state_mask;
	ct->status_mask = v1->status_mask;
	return 0;
}

int xtn_conntrack_decode_v2(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	const struct xt_conntrack_mtinfo2 *v2 = info;
	struct xt_conntrack_mtinfo3 *ct = data;

	(void)d;
	(void)len;
	decode_v12(ct, info);
	ct->state_mask = v2->state_mask;
	ct->status_mask = v2->status_mask;
	return 0;
}

uint16_t xtn_conntrack_blob_flags(const void *info, size_t len)
{
	uint16_t flags;

	if (len < offsetof(struct xt_conntrack_mtinfo1, invert_flags))
		return 0;
	memcpy(&flags,
	       (const char *)info + offsetof(struct xt_conntrack_mtinfo1,
					      match_flags), sizeof(flags));
	return flags;
}

static bool conntrack_claim_xt(const void *info, size_t len)
{
	return !(xtn_conntrack_blob_flags(info, len) & XT_CONNTRACK_STATE_ALIAS);
}

static const struct xtn_xt_rev conntrack_xt_read[] = {
	{ 1, sizeof(struct xt_conntrack_mtinfo1), xtn_conntrack_decode_v1 },
	{ 2, sizeof(struct xt_conntrack_mtinfo2), xtn_conntrack_decode_v2 },
	{ 0 },
};

const struct xtn_ext xtn_mt_conntrack = {
	.name = "conntrack",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_conntrack_mtinfo3),
	.opts = conntrack_opts,
	.help =
"conntrack match options:\n"
"[!] --ctstate {INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED|SNAT|DNAT}[,...]\n"
"                               State(s) to match\n"
"[!] --ctproto proto            Protocol to match; by number or name, e.g. \"tcp\"\n"
"[!] --ctorigsrc address[/mask]\n"
"[!] --ctorigdst address[/mask]\n"
"[!] --ctreplsrc address[/mask]\n"
"[!] --ctrepldst address[/mask]\n"
"                               Original/Reply source/destination address\n"
"[!] --ctorigsrcport port\n"
"[!] --ctorigdstport port\n"
"[!] --ctreplsrcport port\n"
"[!] --ctrepldstport port\n"
"                               TCP/UDP/SCTP orig./reply source/destination port\n"
"[!] --ctstatus {NONE|EXPECTED|SEEN_REPLY|ASSURED|CONFIRMED}[,...]\n"
"                               Status(es) to match\n"
"[!] --ctexpire time[:time]     Match remaining lifetime in seconds against\n"
"                               value or range of values (inclusive)\n"
"    --ctdir {ORIGINAL|REPLY}   Flow direction of packet\n",
	.parse = conntrack_parse,
	.final = conntrack_final,
	.decode_xt = conntrack_decode_xt,
	.save = conntrack_save,
	.list = conntrack_list,
	.xt = { .name = "conntrack", .revision = 3,
		.size = sizeof(struct xt_conntrack_mtinfo3) },
	.xt_read = conntrack_xt_read,
	.claim_xt = conntrack_claim_xt,
};
