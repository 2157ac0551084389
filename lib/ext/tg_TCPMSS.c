/*
 * -j TCPMSS: the xt_tcpmss_info blob (target rev 0), the MSS in host
 * order or XT_TCPMSS_CLAMP_PMTU.  The largest MSS leaves room for the
 * family's IP header, so ip and ip6 have a descriptor each.  The kernel's
 * compat layer checks that the rule is -p tcp.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <linux/netfilter/xt_TCPMSS.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_SET_MSS, O_CLAMP };

/* 1.8.9 stores the later of the two when both are given, although its
 * help calls them mutually exclusive: refused instead. */
#define TCPMSS_OPTS(iphdr_len) {					\
	{ .name = "set-mss", .id = O_SET_MSS, .has_arg = XTN_REQ_ARG,	\
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT16, .min = 0,	\
	  .max = UINT16_MAX - (iphdr_len),				\
	  .offset = offsetof(struct xt_tcpmss_info, mss),		\
	  .size = sizeof(uint16_t), .excl = 1u << O_CLAMP },		\
	{ .name = "clamp-mss-to-pmtu", .id = O_CLAMP,			\
	  .has_arg = XTN_NO_ARG, .type = XTN_AT_NONE,			\
	  .excl = 1u << O_SET_MSS },					\
	{ 0 },								\
}

static const struct xtn_optdef tcpmss4_opts[] = TCPMSS_OPTS(20);
static const struct xtn_optdef tcpmss6_opts[] = TCPMSS_OPTS(40);

static int tcpmss_parse(struct xtn_parse *p, void *data)
{
	struct xt_tcpmss_info *t = data;

	if (p->opt->id == O_CLAMP)
		t->mss = XT_TCPMSS_CLAMP_PMTU;
	return 0;
}

static int tcpmss_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & ((1u << O_SET_MSS) | (1u << O_CLAMP))))
		return xtn_parse_fail(p, XTN_PARAM,
				      "TCPMSS target: At least one parameter is required");
	return 0;
}

static void tcpmss_list(const struct xtn_out *o, const void *data)
{
	const struct xt_tcpmss_info *t = data;

	if (t->mss == XT_TCPMSS_CLAMP_PMTU)
		xtn_out_puts(o, " TCPMSS clamp to PMTU");
	else
		xtn_out_printf(o, " TCPMSS set %u", t->mss);
}

static void tcpmss_save(const struct xtn_out *o, const void *data)
{
	const struct xt_tcpmss_info *t = data;

	if (t->mss == XT_TCPMSS_CLAMP_PMTU)
		xtn_out_puts(o, " --clamp-mss-to-pmtu");
	else
		xtn_out_printf(o, " --set-mss %u", t->mss);
}

#define TCPMSS_HELP(iphdr_len)						\
"TCPMSS target mutually-exclusive options:\n"				\
"  --set-mss value               explicitly set MSS option to specified value\n" \
"  --clamp-mss-to-pmtu           automatically clamp MSS value to (path_MTU - " \
	#iphdr_len ")\n"

const struct xtn_ext xtn_tg_TCPMSS = {
	.name = "TCPMSS",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct xt_tcpmss_info),
	.opts = tcpmss4_opts,
	.help = TCPMSS_HELP(20),
	.parse = tcpmss_parse,
	.final = tcpmss_final,
	.save = tcpmss_save,
	.list = tcpmss_list,
	.xt = { .name = "TCPMSS", .revision = 0,
		.size = sizeof(struct xt_tcpmss_info) },
};

const struct xtn_ext xtn_tg_TCPMSS6 = {
	.name = "TCPMSS",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct xt_tcpmss_info),
	.opts = tcpmss6_opts,
	.help = TCPMSS_HELP(40),
	.parse = tcpmss_parse,
	.final = tcpmss_final,
	.save = tcpmss_save,
	.list = tcpmss_list,
	.xt = { .name = "TCPMSS", .revision = 0,
		.size = sizeof(struct xt_tcpmss_info) },
};
