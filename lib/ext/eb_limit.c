/*
 * ebtables --limit RATE --limit-burst N: written natively as iptables'
 * -m limit is (the nft limit expression, lib/ext/limit.h), with
 * libebt_limit's own words; kept as ebt_limit_info, which an xt blob of
 * older ebtables-nft holds too.  Only avg and burst are ours.
 */
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebt_limit.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "eb_misc.h"
#include "limit.h"

enum { O_LIMIT, O_BURST };

extern const struct xtn_ext xtn_eb_limit;

static const struct xtn_optdef limit_opts[] = {
	{ .name = "limit", .id = O_LIMIT, .has_arg = 1 },
	{ .name = "limit-burst", .id = O_BURST, .has_arg = 1 },
	{ 0 },
};

/*
 * 1.8.9 reads the number with atoi(): a number past 32 bits wraps, so
 * 4294967297/day is 1/day there.  Any such number is faster than 10000/s
 * (the limit of the scale), so it is refused as too fast, except where
 * the wrap gives 0, which 1.8.9 calls a bad rate.
 */
static int parse_rate(struct xtn_parse *p, uint32_t *avg)
{
	int ret;
	uint32_t mult;
	uint64_t n;

	ret = xtn_rate_words(p->arg, &n, &mult);
	if (ret == XTN_RATE_BAD || (ret == 0 && n <= INT64_MAX && (uint32_t)n == 0))
		return xtn_parse_fail(p, XTN_PARAM, "bad rate `%s'", p->arg);
	if (ret == XTN_RATE_FAST || n > UINT32_MAX ||
	    (uint64_t)mult * EBT_LIMIT_SCALE / n == 0)
		return xtn_parse_fail(p, XTN_PARAM, "Rate too fast \"%s\"", p->arg);
	*avg = (uint32_t)((uint64_t)mult * EBT_LIMIT_SCALE / n);
	return 0;
}

/* A burst of 0 (which 1.8.9 takes and the kernel makes 5) is refused. */
static int parse_burst(struct xtn_parse *p, uint32_t *burst)
{
	uint64_t v;

	if (!xtn_strtoui(p->arg, NULL, &v, 1, 10000))
		return xtn_parse_fail(p, XTN_PARAM, "bad --limit-burst `%s'", p->arg);
	*burst = (uint32_t)v;
	return 0;
}

static int limit_parse(struct xtn_parse *p, void *data)
{
	struct ebt_limit_info *r = data;

	if (xtn_eb_once(p) < 0 || xtn_eb_no_invert(p) < 0)
		return -1;
	if (p->opt->id == O_LIMIT)
		return parse_rate(p, &r->avg);
	return parse_burst(p, &r->burst);
}

static int limit_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x)
{
	return xtn_limit_decode_nexpr(d, x, &xtn_eb_limit);
}

static void limit_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_limit_info *r = data;

	xtn_out_puts(o, " --limit");
	xtn_limit_put_rate(o, r->avg);
	xtn_out_printf(o, " --limit-burst %u", r->burst);
}

const struct xtn_ext xtn_eb_limit = {
	.name = "limit",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_limit_info),
	.cmp_size = offsetof(struct ebt_limit_info, prev),
	.opts = limit_opts,
	.legacy = true,
	.help =
"limit options:\n"
"--limit avg                   : max average match rate: default 3/hour\n"
"                                [Packets per second unless followed by \n"
"                                /sec /minute /hour /day postfixes]\n"
"--limit-burst number          : number to match in a burst, -1 < number < 10001,\n"
"                                default 5\n",
	.init = xtn_limit_init,
	.parse = limit_parse,
	.encode = xtn_limit_encode,
	.claims = XTN_CLAIM_LIMIT,
	.decode_nexpr = limit_decode_nexpr,
	.decode_xt = xtn_limit_decode_xt,
	.save = limit_save,
	.list = limit_save,
	.xt = { .name = "limit", .revision = 0,
		.size = sizeof(struct ebt_limit_info) },
};
