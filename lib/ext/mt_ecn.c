/* -m ecn: TCP CWR/ECE bits and the IP ECN codepoint, xt_ecn_info (rev 0). */
#include <stddef.h>
#include <stdio.h>
#include <linux/netfilter/xt_ecn.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_CWR, O_ECE, O_ECT };

static const struct xtn_optdef ecn_opts[] = {
	{ .name = "ecn-tcp-cwr", .id = O_CWR, .flags = XTN_OF_INVERT },
	{ .name = "ecn-tcp-ece", .id = O_ECE, .flags = XTN_OF_INVERT },
	{ .name = "ecn-ip-ect", .id = O_ECT, .has_arg = 1, .flags = XTN_OF_INVERT,
	  .type = XTN_AT_UINT8, .max = 3 },
	{ 0 },
};

static int ecn_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t ops[] = {
		[O_CWR] = XT_ECN_OP_MATCH_CWR, [O_ECE] = XT_ECN_OP_MATCH_ECE,
		[O_ECT] = XT_ECN_OP_MATCH_IP,
	};
	struct xt_ecn_info *e = data;
	uint8_t op = ops[p->opt->id];

	e->operation |= op;
	if (p->invert)
		e->invert |= op;
	if (p->opt->id == O_ECT)
		e->ip_ect = (uint8_t)p->val.u64;
	return 0;
}

static int ecn_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM, "ECN match: some option required");
	return 0;
}

static const char *inv(const struct xt_ecn_info *e, uint8_t op)
{
	return e->invert & op ? "!" : "";
}

static void ecn_list(const struct xtn_out *o, const void *data)
{
	const struct xt_ecn_info *e = data;

	xtn_out_puts(o, " ECN match");
	if (e->operation & XT_ECN_OP_MATCH_ECE)
		xtn_out_printf(o, " %sECE", inv(e, XT_ECN_OP_MATCH_ECE));
	if (e->operation & XT_ECN_OP_MATCH_CWR)
		xtn_out_printf(o, " %sCWR", inv(e, XT_ECN_OP_MATCH_CWR));
	if (e->operation & XT_ECN_OP_MATCH_IP)
		xtn_out_printf(o, " %sECT=%u", inv(e, XT_ECN_OP_MATCH_IP),
			       e->ip_ect);
}

static void ecn_save(const struct xtn_out *o, const void *data)
{
	const struct xt_ecn_info *e = data;

	if (e->operation & XT_ECN_OP_MATCH_ECE)
		xtn_out_printf(o, "%s --ecn-tcp-ece",
			       e->invert & XT_ECN_OP_MATCH_ECE ? " !" : "");
	if (e->operation & XT_ECN_OP_MATCH_CWR)
		xtn_out_printf(o, "%s --ecn-tcp-cwr",
			       e->invert & XT_ECN_OP_MATCH_CWR ? " !" : "");
	if (e->operation & XT_ECN_OP_MATCH_IP)
		xtn_out_printf(o, "%s --ecn-ip-ect %u",
			       e->invert & XT_ECN_OP_MATCH_IP ? " !" : "",
			       e->ip_ect);
}

const struct xtn_ext xtn_mt_ecn = {
	.name = "ecn",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_ecn_info),
	.opts = ecn_opts,
	.help =
"ECN match options\n"
"[!] --ecn-tcp-cwr \t\tMatch CWR bit of TCP header\n"
"[!] --ecn-tcp-ece\t\tMatch ECE bit of TCP header\n"
"[!] --ecn-ip-ect [0..3]\tMatch ECN codepoint in IPv4/IPv6 header\n",
	.parse = ecn_parse,
	.final = ecn_final,
	.save = ecn_save,
	.list = ecn_list,
	.xt = { .name = "ecn", .revision = 0, .size = sizeof(struct xt_ecn_info) },
};
