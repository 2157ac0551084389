/*
 * -m state --state LIST: 1.8.9 writes it as the conntrack revision 3 blob
 * with XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS, and lists any
 * conntrack blob carrying the alias flag back as -m state (claim_xt).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/xt_conntrack.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "conntrack.h"

enum { O_STATE };

/* -m state knows no SNAT/DNAT; same order as conntrack's table */
static const struct xtn_sym state_names[] = {
	{ "INVALID", XT_CONNTRACK_STATE_INVALID },
	{ "NEW", XT_CONNTRACK_STATE_BIT(IP_CT_NEW) },
	{ "ESTABLISHED", XT_CONNTRACK_STATE_BIT(IP_CT_ESTABLISHED) },
	{ "RELATED", XT_CONNTRACK_STATE_BIT(IP_CT_RELATED) },
	{ "UNTRACKED", XT_CONNTRACK_STATE_UNTRACKED },
	{ NULL, 0 },
};

static const struct xtn_optdef state_opts[] = {
	{ .name = "state", .id = O_STATE, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT | XTN_OF_ABBREV,
	  .syms = state_names },
	{ 0 },
};

static int state_parse(struct xtn_parse *p, void *data)
{
	struct xt_conntrack_mtinfo3 *ct = data;
	const char *bad;
	uint32_t mask;

	bad = xtn_symlist_scan(p->opt, p->arg, &mask);
	/* 1.8.9 words an empty last state (a trailing comma) this way */
	if (bad && *bad == '\0')
		return xtn_parse_fail(p, XTN_PARAM,
				      "\"--state\" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED");
	if (bad)
		return xtn_parse_fail(p, XTN_PARAM, "Bad state \"%s\"", bad);
	ct->match_flags = XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS;
	ct->state_mask = (uint16_t)mask;
	if (p->invert)
		ct->invert_flags |= XT_CONNTRACK_STATE;
	return 0;
}

static void state_list(const struct xtn_out *o, const void *data)
{
	xtn_conntrack_dump(o, data, "", xtn_out_numeric(o));
}

static void state_save(const struct xtn_out *o, const void *data)
{
	xtn_conntrack_dump(o, data, "--", true);
}

static int state_decode_xt(struct xtn_dec *d, void *data, const void *info,
			   size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, sizeof(struct xt_conntrack_mtinfo3));
	return 0;
}

static bool state_claim_xt(const void *info, size_t len)
{
	return xtn_conntrack_blob_flags(info, len) & XT_CONNTRACK_STATE_ALIAS;
}

static const struct xtn_xt_rev state_xt_read[] = {
	{ 1, sizeof(struct xt_conntrack_mtinfo1), xtn_conntrack_decode_v1 },
	{ 2, sizeof(struct xt_conntrack_mtinfo2), xtn_conntrack_decode_v2 },
	{ 0 },
};

const struct xtn_ext xtn_mt_state = {
	.name = "state",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_conntrack_mtinfo3),
	.opts = state_opts,
	.help =
"state match options:\n"
" [!] --state [INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED][,...]\n"
"\t\t\t\tState(s) to match\n",
	.parse = state_parse,
	.decode_xt = state_decode_xt,
	.save = state_save,
	.list = state_list,
	.xt = { .name = "conntrack", .revision = 3,
		.size = sizeof(struct xt_conntrack_mtinfo3) },
	.xt_read = state_xt_read,
	.claim_xt = state_claim_xt,
};
