/*
 * The ebtables nflog watcher (--nflog, --nflog-group, --nflog-prefix,
 * --nflog-range, --nflog-threshold): the "nflog" compat target (rev 0,
 * ebt_nflog_info) before the rule's counter.  Unlike iptables' NFLOG,
 * 1.8.9 never writes it as the native log expression.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebt_nflog.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "eb_misc.h"

enum { O_GROUP, O_PREFIX, O_RANGE, O_THRESHOLD, O_NFLOG };

static const struct xtn_optdef nflog_opts[] = {
	{ .name = "nflog-group", .id = O_GROUP, .has_arg = 1 },
	{ .name = "nflog-prefix", .id = O_PREFIX, .has_arg = 1 },
	{ .name = "nflog-range", .id = O_RANGE, .has_arg = 1 },
	{ .name = "nflog-threshold", .id = O_THRESHOLD, .has_arg = 1 },
	{ .name = "nflog", .id = O_NFLOG },
	{ 0 },
};

/*
 * 1.8.9's "given already" bit of each option.  --nflog's (0x16) shares
 * bits with --nflog-prefix and --nflog-range, so 1.8.9 refuses those
 * two beside it as a repeat; so does xtnft, in its words.
 */
static const unsigned int seen_bits[] = {
	[O_GROUP] = 0x1, [O_PREFIX] = 0x2, [O_RANGE] = 0x4,
	[O_THRESHOLD] = 0x8, [O_NFLOG] = 0x16,
};

static void nflog_init(void *data, const struct xtn_family *fam)
{
	struct ebt_nflog_info *n = data;

	(void)fam;
	n->group = EBT_NFLOG_DEFAULT_GROUP;
	n->threshold = EBT_NFLOG_DEFAULT_THRESHOLD;
}

static bool seen_before(const struct xtn_parse *p)
{
	unsigned int id, bits = 0;

	for (id = 0; id < XTN_ARRAY_SIZE(seen_bits); id++)
		if (p->inst->seen & (1u << id))
			bits |= seen_bits[id];
	return bits & seen_bits[p->opt->id];
}

/* group and threshold are 16-bit fields 1.8.9 fills from a 32-bit
 * number, wrapping 65536 to 0: refused in its words for a bad number. */
static int parse_number(struct xtn_parse *p, uint64_t max, uint64_t *v)
{
	if (!xtn_strtoui(p->arg, NULL, v, 1, max))
		return xtn_parse_fail(p, XTN_PARAM, "--%s must be a number!",
				      p->opt->name);
	return 0;
}

static int nflog_parse(struct xtn_parse *p, void *data)
{
	struct ebt_nflog_info *n = data;
	uint64_t v;

	if (p->invert)
		return xtn_parse_fail(p, XTN_PARAM,
				      "The use of '!' makes no sense for the nflog watcher");
	if (seen_before(p))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Multiple use of same option not allowed");
	switch (p->opt->id) {
	case O_PREFIX:
		v = strlen(p->arg);
		if (v > sizeof(n->prefix) - 1)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Prefix too long for nflog-prefix");
		memcpy(n->prefix, p->arg, v + 1);
		return 0;
	case O_GROUP:
		if (parse_number(p, UINT16_MAX, &v) < 0)
			return -1;
		n->group = (uint16_t)v;
		return 0;
	case O_RANGE:
		if (parse_number(p, UINT32_MAX, &v) < 0)
			return -1;
		n->len = (uint32_t)v;
		return 0;
	case O_THRESHOLD:
		if (parse_number(p, UINT16_MAX, &v) < 0)
			return -1;
		n->threshold = (uint16_t)v;
		return 0;
	}
	return 0;
}

/* 1.8.9 prints the range with %d (4294967295 as -1, which no one reads
 * back): printed unsigned. */
static void nflog_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_nflog_info *n = data;

	if (n->prefix[0])
		xtn_eb_put_prefix(o, "nflog-prefix", n->prefix,
				  sizeof(n->prefix));
	if (n->group)
		xtn_out_printf(o, " --nflog-group %u", n->group);
	if (n->len)
		xtn_out_printf(o, " --nflog-range %u", n->len);
	if (n->threshold != EBT_NFLOG_DEFAULT_THRESHOLD)
		xtn_out_printf(o, " --nflog-threshold %u", n->threshold);
}

const struct xtn_ext xtn_eb_nflog = {
	.name = "nflog",
	.kind = XTN_EXT_WATCHER,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_nflog_info),
	.opts = nflog_opts,
	.legacy = true,
	.help =
"nflog options:\n"
"--nflog               : use the default nflog parameters\n"
"--nflog-prefix prefix : Prefix string for log message\n"
"--nflog-group group   : NETLINK group used for logging\n"
"--nflog-range range   : Number of byte to copy\n"
"--nflog-threshold     : Message threshold ofin-kernel queue\n",
	.init = nflog_init,
	.parse = nflog_parse,
	.save = nflog_save,
	.list = nflog_save,
	.xt = { .name = "nflog", .revision = 0,
		.size = sizeof(struct ebt_nflog_info) },
};
