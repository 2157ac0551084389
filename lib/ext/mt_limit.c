/*
 * -m limit --limit RATE --limit-burst N: native in 1.8.9 (the nft limit
 * expression, packets, rate per unit chosen from xt_rateinfo's avg as
 * add_nft_limit() does); kept as xt_rateinfo, which an xt blob of rev 0
 * also holds.  Only avg and burst are ours: the rest is kernel-private.
 */
#include <math.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/xt_limit.h>
#include <linux/netfilter_bridge/ebt_limit.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "limit.h"

enum { O_LIMIT, O_BURST };

#define LIMIT_BURST_DEFAULT 5

extern const struct xtn_ext xtn_mt_limit;

static const struct xtn_optdef limit_opts[] = {
	{ .name = "limit", .id = O_LIMIT, .has_arg = 1 },
	{ .name = "limit-burst", .id = O_BURST, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32, .max = 10000,
	  .offset = offsetof(struct xt_rateinfo, burst) },
	{ 0 },
};

/* The units 1.8.9 prints and encodes, in avg per unit (10000/s scale). */
static const struct {
	const char *name;
	uint32_t mult;
} rates[] = {
	{ "day", XT_LIMIT_SCALE * 24 * 60 * 60 },
	{ "hour", XT_LIMIT_SCALE * 60 * 60 },
	{ "min", XT_LIMIT_SCALE * 60 },
	{ "sec", XT_LIMIT_SCALE },
};

/* The largest unit whose rate 1.8.9 deems exact enough (avg > 0). */
static size_t rate_unit(uint32_t avg)
{
	size_t i;

	for (i = 1; i < XTN_ARRAY_SIZE(rates); i++)
		if (avg > rates[i].mult ||
		    rates[i].mult / avg < rates[i].mult % avg)
			break;
	return i - 1;
}

void xtn_limit_init(void *data, const struct xtn_family *fam)
{
	struct xtn_limit_head *r = data;

	(void)fam;
	r->avg = XT_LIMIT_SCALE * 60 * 60 / 3;	/* 3/hour */
	r->burst = LIMIT_BURST_DEFAULT;
}

static int limit_parse(struct xtn_parse *p, void *data)
{
	struct xt_rateinfo *r = data;

	if (p->opt->id == O_LIMIT)
		return xtn_parse_rate(p, p->arg, &r->avg);
	/* nft's limit takes a burst of 0 as 5 (xt_limit refused it), so
	 * -C and -D would never find the rule: refused */
	if (r->burst == 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "limit: bad value for option \"--limit-burst\", or out of range (1-10000).\n");
	return 0;
}

/* The two structs the shared functions read and fill */
_Static_assert(offsetof(struct xt_rateinfo, avg) == 0 &&
	       offsetof(struct xt_rateinfo, burst) ==
	       offsetof(struct xtn_limit_head, burst),
	       "xt_rateinfo begins with avg and burst");
_Static_assert(offsetof(struct ebt_limit_info, avg) == 0 &&
	       offsetof(struct ebt_limit_info, burst) ==
	       offsetof(struct xtn_limit_head, burst),
	       "ebt_limit_info begins with avg and burst");

int xtn_limit_encode(struct xtn_enc *e, const void *data)
{
	const struct xtn_limit_head *r = data;
	size_t u = rate_unit(r->avg);

	xtn_enc_limit(e, rates[u].mult / r->avg,
		      rates[u].mult / XT_LIMIT_SCALE, r->burst,
		      NFT_LIMIT_PKTS, 0);
	return 0;
}

int xtn_limit_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x,
			   const struct xtn_ext *ext)
{
	struct xtn_limit_head *r;
	uint64_t avg;

	if (x->kind != XTN_NEXPR_LIMIT)
		return 0;
	/* bytes, or nft's "limit rate over": no -m limit says that */
	if (x->u.limit.type != NFT_LIMIT_PKTS || x->u.limit.flags ||
	    x->u.limit.rate == 0 || x->u.limit.unit > UINT32_MAX)
		return -1;
	avg = XT_LIMIT_SCALE * x->u.limit.unit / x->u.limit.rate;
	if (avg > UINT32_MAX)
		return -1;
	r = xtn_dec_claim(d, ext, 1);
	if (!r)
		return -1;
	r->avg = (uint32_t)avg;
	r->burst = x->u.limit.burst;
	return 1;
}

int xtn_limit_decode_xt(struct xtn_dec *d, void *data, const void *info,
			size_t len)
{
	const struct xtn_limit_head *in = info;
	struct xtn_limit_head *r = data;

	(void)d;
	(void)len;
	r->avg = in->avg;
	r->burst = in->burst;
	return 0;
}

static int limit_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x)
{
	return xtn_limit_decode_nexpr(d, x, &xtn_mt_limit);
}

void xtn_limit_put_rate(const struct xtn_out *o, uint32_t avg)
{
	size_t u;

	/* only an nft rule faster than 10000/s reads back as 0 */
	if (avg == 0) {
		xtn_out_printf(o, " %f", (double)INFINITY);
		return;
	}
	u = rate_unit(avg);
	xtn_out_printf(o, " %u/%s", rates[u].mult / avg, rates[u].name);
}

static void limit_list(const struct xtn_out *o, const void *data)
{
	const struct xt_rateinfo *r = data;

	xtn_out_puts(o, " limit: avg");
	xtn_limit_put_rate(o, r->avg);
	xtn_out_printf(o, " burst %u", r->burst);
}

static void limit_save(const struct xtn_out *o, const void *data)
{
	const struct xt_rateinfo *r = data;

	xtn_out_puts(o, " --limit");
	xtn_limit_put_rate(o, r->avg);
	if (r->burst != LIMIT_BURST_DEFAULT)
		xtn_out_printf(o, " --limit-burst %u", r->burst);
}

const struct xtn_ext xtn_mt_limit = {
	.name = "limit",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_rateinfo),
	.cmp_size = offsetof(struct xt_rateinfo, prev),
	.opts = limit_opts,
	.help =
"limit match options:\n"
"--limit avg\t\t\tmax average match rate: default 3/hour\n"
"                                [Packets per second unless followed by \n"
"                                /sec /minute /hour /day postfixes]\n"
"--limit-burst number\t\tnumber to match in a burst, default 5\n",
	.init = xtn_limit_init,
	.parse = limit_parse,
	.encode = xtn_limit_encode,
	.claims = XTN_CLAIM_LIMIT,
	.decode_nexpr = limit_decode_nexpr,
	.decode_xt = xtn_limit_decode_xt,
	.save = limit_save,
	.list = limit_list,
	.xt = { .name = "limit", .revision = 0,
		.size = sizeof(struct xt_rateinfo) },
};
