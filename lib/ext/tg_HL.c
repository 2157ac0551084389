/*
 * -j HL (ip6 only): the ip6t_HL_info blob (target rev 0), a mode and a
 * hop limit.  The kernel takes it in the mangle table only.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netfilter_ipv6/ip6t_HL.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_SET, O_DEC, O_INC };

#define ALL_OPTS ((1u << O_SET) | (1u << O_DEC) | (1u << O_INC))
#define OTHERS(id) (ALL_OPTS & ~(1u << (id)))

static const struct xtn_optdef hl_opts[] = {
	{ .name = "hl-set", .id = O_SET, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT8, .min = 0, .max = 255,
	  .offset = offsetof(struct ip6t_HL_info, hop_limit),
	  .excl = OTHERS(O_SET) },
	{ .name = "hl-dec", .id = O_DEC, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT8, .min = 1, .max = 255,
	  .offset = offsetof(struct ip6t_HL_info, hop_limit),
	  .excl = OTHERS(O_DEC) },
	{ .name = "hl-inc", .id = O_INC, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT8, .min = 1, .max = 255,
	  .offset = offsetof(struct ip6t_HL_info, hop_limit),
	  .excl = OTHERS(O_INC) },
	{ 0 },
};

static int hl_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t mode[] = {
		[O_SET] = IP6T_HL_SET, [O_DEC] = IP6T_HL_DEC,
		[O_INC] = IP6T_HL_INC,
	};
	struct ip6t_HL_info *t = data;

	t->mode = mode[p->opt->id];
	return 0;
}

static int hl_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & ALL_OPTS))
		return xtn_parse_fail(p, XTN_PARAM,
				      "HL: You must specify an action");
	return 0;
}

static void hl_list(const struct xtn_out *o, const void *data)
{
	const struct ip6t_HL_info *t = data;
	static const char *const what[] = {
		[IP6T_HL_SET] = "set to", [IP6T_HL_INC] = "increment by",
		[IP6T_HL_DEC] = "decrement by",
	};

	/* a mode no iptables writes prints as 1.8.9 does: no word */
	xtn_out_printf(o, " HL %s %u", t->mode <= IP6T_HL_DEC ?
		       what[t->mode] : "", t->hop_limit);
}

static void hl_save(const struct xtn_out *o, const void *data)
{
	const struct ip6t_HL_info *t = data;
	static const char *const opt[] = {
		[IP6T_HL_SET] = " --hl-set", [IP6T_HL_INC] = " --hl-inc",
		[IP6T_HL_DEC] = " --hl-dec",
	};

	xtn_out_printf(o, "%s %u", t->mode <= IP6T_HL_DEC ? opt[t->mode] : "",
		       t->hop_limit);
}

const struct xtn_ext xtn_tg_HL = {
	.name = "HL",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_HL_info),
	.opts = hl_opts,
	.help =
"HL target options\n"
"  --hl-set value\t\tSet HL to <value 0-255>\n"
"  --hl-dec value\t\tDecrement HL by <value 1-255>\n"
"  --hl-inc value\t\tIncrement HL by <value 1-255>\n",
	.parse = hl_parse,
	.final = hl_final,
	.save = hl_save,
	.list = hl_list,
	.xt = { .name = "HL", .revision = 0,
		.size = sizeof(struct ip6t_HL_info) },
};
