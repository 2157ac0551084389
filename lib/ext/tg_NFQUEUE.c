/*
 * -j NFQUEUE: 1.8.9 writes xt_NFQ_info_v3 (rev 3) whatever the options,
 * the highest revision this kernel knows; older iptables wrote rev 0..2,
 * read here into the same v3 shape.  1.8.9 has no --fail-open.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_NFQUEUE.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>

enum { O_NUM, O_BALANCE, O_BYPASS, O_CPU_FANOUT };

static const struct xtn_optdef nfqueue_opts[] = {
	{ .name = "queue-num", .id = O_NUM, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT16,
	  .offset = offsetof(struct xt_NFQ_info_v3, queuenum),
	  .excl = 1u << O_BALANCE },
	{ .name = "queue-balance", .id = O_BALANCE, .has_arg = 1,
	  .excl = 1u << O_NUM },
	{ .name = "queue-bypass", .id = O_BYPASS, .type = XTN_AT_NONE },
	{ .name = "queue-cpu-fanout", .id = O_CPU_FANOUT, .type = XTN_AT_NONE,
	  .also = 1u << O_BALANCE },
	{ 0 },
};

/*
 * "first:last" as 1.8.9's two-value range parser reads it: an empty side
 * is 0 or 65535, one value alone is not a range.
 */
static int parse_range(struct xtn_parse *p, uint16_t r[2])
{
	const char *arg = p->arg;
	unsigned int n = 0;
	char *end;
	uint64_t v;

	for (;;) {
		if (n == 2)
			return xtn_parse_fail(p, XTN_PARAM,
					      "NFQUEUE: Too many components for option \"--queue-balance\" (max: 2)\n");
		if (*arg == '\0' || *arg == ':') {
			end = (char *)arg;
			v = n == 1 ? UINT16_MAX : 0;
		} else if (!xtn_strtoui(arg, &end, &v, 0, UINT16_MAX) ||
			   (*end != '\0' && *end != ':')) {
			return xtn_parse_fail(p, XTN_PARAM,
					      "NFQUEUE: bad value for option \"--queue-balance\" near \"%s\", or out of range (0-65535).\n",
					      arg);
		}
		r[n++] = (uint16_t)v;
		if (*end == '\0')
			break;
		arg = end + 1;
	}
	if (n != 2)
		return xtn_parse_fail(p, XTN_PARAM, "Bad range \"%s\"", p->arg);
	return 0;
}

static int nfqueue_parse(struct xtn_parse *p, void *data)
{
	struct xt_NFQ_info_v3 *q = data;
	uint16_t r[2];

	switch (p->opt->id) {
	case O_BALANCE:
		if (parse_range(p, r) < 0)
			return -1;
		if (r[0] >= r[1])
			return xtn_parse_fail(p, XTN_PARAM,
					      "%u should be less than %u", r[0], r[1]);
		q->queuenum = r[0];
		/* 0:65535 wraps to 0 queues as in 1.8.9: the kernel refuses it */
		q->queues_total = (uint16_t)(r[1] - r[0] + 1);
		return 0;
	case O_BYPASS:
		q->flags |= NFQ_FLAG_BYPASS;
		return 0;
	case O_CPU_FANOUT:
		q->flags |= NFQ_FLAG_CPU_FANOUT;
		return 0;
	}
	return 0;
}

static void nfqueue_init(void *data, const struct xtn_family *fam)
{
	struct xt_NFQ_info_v3 *q = data;

	(void)fam;
	q->queues_total = 1;
}

static int decode_v0(struct xtn_dec *d, void *data, const void *info,
		     size_t len)
{
	const struct xt_NFQ_info *old = info;
	struct xt_NFQ_info_v3 *q = data;

	(void)d;
	(void)len;
	q->queuenum = old->queuenum;
	q->queues_total = 1;
	return 0;
}

static int decode_v1(struct xtn_dec *d, void *data, const void *info,
		     size_t len)
{
	const struct xt_NFQ_info_v1 *old = info;
	struct xt_NFQ_info_v3 *q = data;

	(void)d;
	(void)len;
	q->queuenum = old->queuenum;
	q->queues_total = old->queues_total;
	return 0;
}

/* rev 2 has only the bypass bit, and 1.8.9 shows nothing else of it */
static int decode_v2(struct xtn_dec *d, void *data, const void *info,
		     size_t len)
{
	const struct xt_NFQ_info_v2 *old = info;
	struct xt_NFQ_info_v3 *q = data;

	(void)d;
	(void)len;
	q->queuenum = old->queuenum;
	q->queues_total = old->queues_total;
	q->flags = old->bypass & NFQ_FLAG_BYPASS;
	return 0;
}

static const struct xtn_xt_rev nfqueue_old_revs[] = {
	{ 0, sizeof(struct xt_NFQ_info), decode_v0 },
	{ 1, sizeof(struct xt_NFQ_info_v1), decode_v1 },
	{ 2, sizeof(struct xt_NFQ_info_v2), decode_v2 },
	{ 0, 0, NULL },
};

static void put_nfqueue(const struct xtn_out *o,
			const struct xt_NFQ_info_v3 *q, bool save)
{
	unsigned int last = q->queues_total;

	if (last > 1) {
		last += q->queuenum - 1u;
		xtn_out_printf(o, save ? " --queue-balance %u:%u" :
				 " NFQUEUE balance %u:%u", q->queuenum, last);
	} else {
		xtn_out_printf(o, save ? " --queue-num %u" : " NFQUEUE num %u",
			       q->queuenum);
	}
	if (q->flags & NFQ_FLAG_BYPASS)
		xtn_out_puts(o, save ? " --queue-bypass" : " bypass");
	if (q->flags & NFQ_FLAG_CPU_FANOUT)
		xtn_out_puts(o, save ? " --queue-cpu-fanout" : " cpu-fanout");
}

static void nfqueue_list(const struct xtn_out *o, const void *data)
{
	put_nfqueue(o, data, false);
}

static void nfqueue_save(const struct xtn_out *o, const void *data)
{
	put_nfqueue(o, data, true);
}

const struct xtn_ext xtn_tg_NFQUEUE = {
	.name = "NFQUEUE",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_NFQ_info_v3),
	.opts = nfqueue_opts,
	.help =
"NFQUEUE target options\n"
"  --queue-num value            Send packet to QUEUE number <value>.\n"
"                               Valid queue numbers are 0-65535\n"
"  --queue-balance first:last   Balance flows between queues <value> to <value>.\n"
"  --queue-bypass               Bypass Queueing if no queue instance exists.\n"
"  --queue-cpu-fanout\tUse current CPU (no hashing)\n",
	.init = nfqueue_init,
	.parse = nfqueue_parse,
	.save = nfqueue_save,
	.list = nfqueue_list,
	.xt = { .name = "NFQUEUE", .revision = 3,
		.size = sizeof(struct xt_NFQ_info_v3) },
	.xt_read = nfqueue_old_revs,
};
