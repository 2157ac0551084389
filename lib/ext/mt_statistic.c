/*
 * -m statistic --mode random --probability P | --mode nth --every N
 * [--packet P]: xt_statistic_info (rev 0).  Rules compare equal on the
 * part before the unused count (as 1.8.9's -C/-D); the kernel's `master`
 * pointer is never kept.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/xt_statistic.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_MODE, O_PROBABILITY, O_EVERY, O_PACKET };

#define F_NTH (1u << O_EVERY | 1u << O_PACKET)

static const struct xtn_optdef statistic_opts[] = {
	{ .name = "mode", .id = O_MODE, .has_arg = 1 },
	{ .name = "probability", .id = O_PROBABILITY, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F_NTH },
	{ .name = "every", .id = O_EVERY, .has_arg = 1, .flags = XTN_OF_INVERT,
	  .type = XTN_AT_UINT32, .min = 1, .also = 1u << O_PACKET },
	{ .name = "packet", .id = O_PACKET, .has_arg = 1, .type = XTN_AT_UINT32,
	  .also = 1u << O_EVERY },
	{ 0 },
};

/* 2^31 is probability 1 in the kernel's comparison with a random u32 */
#define SCALE 2147483648.0

static int parse_probability(struct xtn_parse *p, struct xt_statistic_info *s)
{
	char *end;
	double d = strtod(p->arg, &end);

	if (end == p->arg || *end != '\0' || !(d >= 0.0 && d <= 1.0))
		return xtn_parse_fail(p, XTN_PARAM,
				      "statistic: bad value for option \"--probability\", or out of range (0-1).\n");
	s->u.random.probability = (uint32_t)(SCALE * d + 0.5);	/* lround */
	return 0;
}

static int statistic_parse(struct xtn_parse *p, void *data)
{
	struct xt_statistic_info *s = data;

	if (p->invert)
		s->flags |= XT_STATISTIC_INVERT;
	switch (p->opt->id) {
	case O_MODE:
		if (strcmp(p->arg, "random") == 0)
			s->mode = XT_STATISTIC_MODE_RANDOM;
		else if (strcmp(p->arg, "nth") == 0)
			s->mode = XT_STATISTIC_MODE_NTH;
		else
			return xtn_parse_fail(p, XTN_PARAM, "Bad mode \"%s\"", p->arg);
		return 0;
	case O_PROBABILITY:
		return parse_probability(p, s);
	case O_EVERY:
		s->u.nth.every = (uint32_t)p->val.u64 - 1;
		return 0;
	default:
		s->u.nth.packet = (uint32_t)p->val.u64;
		return 0;
	}
}

static int statistic_final(struct xtn_parse *p, void *data)
{
	struct xt_statistic_info *s = data;
	uint32_t seen = p->inst->seen;

	/* 1.8.9 sets the unused count in both modes, from the union (in
	 * random mode: the probability): same bytes in the kernel */
	s->u.nth.count = s->u.nth.every - s->u.nth.packet;
	if (s->mode == XT_STATISTIC_MODE_RANDOM) {
		if (!(seen & 1u << O_PROBABILITY))
			return xtn_parse_fail(p, XTN_PARAM,
					      "--probability must be specified when using random mode");
		return 0;
	}
	if (!(seen & F_NTH))
		return xtn_parse_fail(p, XTN_PARAM,
				      "--every and --packet must be specified when using nth mode");
	/* "every" is kept as n - 1 (0 - 1 when only --packet was given) */
	if (s->u.nth.packet > s->u.nth.every)
		return xtn_parse_fail(p, XTN_PARAM,
				      "the --packet p must be 0 <= p <= n-1");
	return 0;
}

/* The kernel's master pointer is not ours to keep or send back. */
static int statistic_decode_xt(struct xtn_dec *d, void *data, const void *info,
			       size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, offsetof(struct xt_statistic_info, master));
	return 0;
}

static void statistic_print(const struct xtn_out *o, const void *data,
			    bool save)
{
	const struct xt_statistic_info *s = data;
	const char *inv = s->flags & XT_STATISTIC_INVERT ? " !" : "";
	const char *dash = save ? "--" : "";

	if (s->mode == XT_STATISTIC_MODE_RANDOM) {
		xtn_out_printf(o, " %smode random%s %sprobability %.11f", dash,
			       inv, dash, s->u.random.probability / SCALE);
		return;
	}
	xtn_out_printf(o, " %smode nth%s %severy %u", dash, inv, dash,
		       s->u.nth.every + 1);
	if (save || s->u.nth.packet)
		xtn_out_printf(o, " %spacket %u", dash, s->u.nth.packet);
}

static void statistic_list(const struct xtn_out *o, const void *data)
{
	xtn_out_puts(o, " statistic");
	statistic_print(o, data, false);
}

static void statistic_save(const struct xtn_out *o, const void *data)
{
	statistic_print(o, data, true);
}

const struct xtn_ext xtn_mt_statistic = {
	.name = "statistic",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_statistic_info),
	/* count is unused: 1.8.9 compares up to it */
	.cmp_size = offsetof(struct xt_statistic_info, u.nth.count),
	.opts = statistic_opts,
	.help =
"statistic match options:\n"
" --mode mode                    Match mode (random, nth)\n"
" random mode:\n"
"[!] --probability p\t\t Probability\n"
" nth mode:\n"
"[!] --every n\t\t\t Match every nth packet\n"
" --packet p\t\t\t Initial counter value (0 <= p <= n-1, default 0)\n",
	.parse = statistic_parse,
	.final = statistic_final,
	.decode_xt = statistic_decode_xt,
	.save = statistic_save,
	.list = statistic_list,
	.xt = { .name = "statistic", .revision = 0,
		.size = sizeof(struct xt_statistic_info) },
};
