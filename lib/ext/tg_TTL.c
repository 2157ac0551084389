/*
 * -j TTL (ip only): the ipt_TTL_info blob (target rev 0), a mode and a
 * value.  The kernel takes it in the mangle table only.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netfilter_ipv4/ipt_TTL.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_SET, O_DEC, O_INC };

#define ALL_OPTS ((1u << O_SET) | (1u << O_DEC) | (1u << O_INC))
#define OTHERS(id) (ALL_OPTS & ~(1u << (id)))

static const struct xtn_optdef ttl_opts[] = {
	{ .name = "ttl-set", .id = O_SET, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT8, .min = 0, .max = 255,
	  .offset = offsetof(struct ipt_TTL_info, ttl), .excl = OTHERS(O_SET) },
	{ .name = "ttl-dec", .id = O_DEC, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT8, .min = 1, .max = 255,
	  .offset = offsetof(struct ipt_TTL_info, ttl), .excl = OTHERS(O_DEC) },
	{ .name = "ttl-inc", .id = O_INC, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT8, .min = 1, .max = 255,
	  .offset = offsetof(struct ipt_TTL_info, ttl), .excl = OTHERS(O_INC) },
	{ 0 },
};

static int ttl_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t mode[] = {
		[O_SET] = IPT_TTL_SET, [O_DEC] = IPT_TTL_DEC,
		[O_INC] = IPT_TTL_INC,
	};
	struct ipt_TTL_info *t = data;

	t->mode = mode[p->opt->id];
	return 0;
}

static int ttl_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & ALL_OPTS))
		return xtn_parse_fail(p, XTN_PARAM,
				      "TTL: You must specify an action");
	return 0;
}

static void ttl_list(const struct xtn_out *o, const void *data)
{
	const struct ipt_TTL_info *t = data;
	static const char *const what[] = {
		[IPT_TTL_SET] = "set to", [IPT_TTL_INC] = "increment by",
		[IPT_TTL_DEC] = "decrement by",
	};

	/* a mode no iptables writes prints as 1.8.9 does: no word */
	xtn_out_printf(o, " TTL %s %u", t->mode <= IPT_TTL_DEC ?
		       what[t->mode] : "", t->ttl);
}

static void ttl_save(const struct xtn_out *o, const void *data)
{
	const struct ipt_TTL_info *t = data;
	static const char *const opt[] = {
		[IPT_TTL_SET] = " --ttl-set", [IPT_TTL_INC] = " --ttl-inc",
		[IPT_TTL_DEC] = " --ttl-dec",
	};

	xtn_out_printf(o, "%s %u", t->mode <= IPT_TTL_DEC ? opt[t->mode] : "",
		       t->ttl);
}

const struct xtn_ext xtn_tg_TTL = {
	.name = "TTL",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct ipt_TTL_info),
	.opts = ttl_opts,
	.help =
"TTL target options\n"
"  --ttl-set value\t\tSet TTL to <value 0-255>\n"
"  --ttl-dec value\t\tDecrement TTL by <value 1-255>\n"
"  --ttl-inc value\t\tIncrement TTL by <value 1-255>\n",
	.parse = ttl_parse,
	.final = ttl_final,
	.save = ttl_save,
	.list = ttl_list,
	.xt = { .name = "TTL", .revision = 0,
		.size = sizeof(struct ipt_TTL_info) },
};
