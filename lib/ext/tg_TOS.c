/*
 * -j TOS: the xt_tos_target_info blob (target rev 1), new = (old & ~mask)
 * ^ value on the TOS byte (the IPv6 traffic class).  --set-tos takes a
 * value[/mask] or one of the RFC 1349 names, which keep the precedence
 * bits (mask 0x3f); -L names such a pair back unless -n.  The kernel
 * takes it in the mangle table only.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/xt_DSCP.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>

enum { O_SET, O_AND, O_OR, O_XOR };

#define ALL_OPTS ((1u << O_SET) | (1u << O_AND) | (1u << O_OR) | \
		  (1u << O_XOR))
#define OTHERS(id) (ALL_OPTS & ~(1u << (id)))
/* what a symbolic name sets: all but the precedence bits */
#define TOS_SYM_MASK 0x3f

static const struct xtn_sym tos_names[] = {
	{ "Minimize-Delay", 0x10 },
	{ "Maximize-Throughput", 0x08 },
	{ "Maximize-Reliability", 0x04 },
	{ "Minimize-Cost", 0x02 },
	{ "Normal-Service", 0x00 },
	{ NULL, 0 },
};

static const struct xtn_optdef tos_opts[] = {
	{ .name = "set-tos", .id = O_SET, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_CUSTOM, .excl = OTHERS(O_SET) },
	{ .name = "and-tos", .id = O_AND, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_UINT8, .excl = OTHERS(O_AND) },
	{ .name = "or-tos", .id = O_OR, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_UINT8, .excl = OTHERS(O_OR) },
	{ .name = "xor-tos", .id = O_XOR, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_UINT8, .excl = OTHERS(O_XOR) },
	{ 0 },
};

/* 1.8.9's tosmask: anything starting with a number in range is
 * value[/mask] (the rest must fit), else a name, case-insensitive. */
static int parse_tosmask(struct xtn_parse *p, struct xt_tos_target_info *t)
{
	const struct xtn_sym *s;
	uint64_t v, m = UINT8_MAX;
	char *end;

	if (xtn_strtoui(p->arg, &end, &v, 0, UINT8_MAX)) {
		if (*end == '/' &&
		    !xtn_strtoui(end + 1, &end, &m, 0, UINT8_MAX))
			end = (char *)"?";
		if (*end != '\0')
			return xtn_parse_fail(p, XTN_PARAM,
					      "Illegal value: \"%s\"", p->arg);
		t->tos_value = (uint8_t)v;
		t->tos_mask = (uint8_t)m;
		return 0;
	}
	for (s = tos_names; s->name; s++) {
		if (strcasecmp(s->name, p->arg) == 0) {
			t->tos_value = (uint8_t)s->value;
			t->tos_mask = TOS_SYM_MASK;
			return 0;
		}
	}
	return xtn_parse_fail(p, XTN_PARAM, "Symbolic name \"%s\" is unknown",
			      p->arg);
}

static int tos_parse(struct xtn_parse *p, void *data)
{
	struct xt_tos_target_info *t = data;
	uint8_t bits = (uint8_t)p->val.u64;

	switch (p->opt->id) {
	case O_SET:
		return parse_tosmask(p, t);
	case O_AND:
		t->tos_value = 0;
		t->tos_mask = (uint8_t)~bits;
		break;
	case O_OR:
		t->tos_value = t->tos_mask = bits;
		break;
	case O_XOR:
		t->tos_value = bits;
		t->tos_mask = 0;
		break;
	}
	return 0;
}

static int tos_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & ALL_OPTS))
		return xtn_parse_fail(p, XTN_PARAM,
				      "TOS: An action is required");
	return 0;
}

static const char *tos_name(const struct xt_tos_target_info *t)
{
	const struct xtn_sym *s;

	if (t->tos_mask != TOS_SYM_MASK)
		return NULL;
	for (s = tos_names; s->name; s++)
		if (s->value == t->tos_value)
			return s->name;
	return NULL;
}

/* 1.8.9's -L: a name, else the first operation the pair is; -n: numbers. */
static void tos_list(const struct xtn_out *o, const void *data)
{
	const struct xt_tos_target_info *t = data;
	const char *name = tos_name(t);

	if (!xtn_out_numeric(o) && name)
		/* 1.8.9 prints it so: two blanks, none before the name */
		xtn_out_printf(o, "  TOS set%s", name);
	else if (!xtn_out_numeric(o) && t->tos_value == 0)
		xtn_out_printf(o, " TOS and 0x%02x", (uint8_t)~t->tos_mask);
	else if (!xtn_out_numeric(o) && t->tos_value == t->tos_mask)
		xtn_out_printf(o, " TOS or 0x%02x", t->tos_value);
	else if (!xtn_out_numeric(o) && t->tos_mask == 0)
		xtn_out_printf(o, " TOS xor 0x%02x", t->tos_value);
	else
		xtn_out_printf(o, " TOS set 0x%02x/0x%02x", t->tos_value,
			       t->tos_mask);
}

static void tos_save(const struct xtn_out *o, const void *data)
{
	const struct xt_tos_target_info *t = data;

	xtn_out_printf(o, " --set-tos 0x%02x/0x%02x", t->tos_value,
		       t->tos_mask);
}

const struct xtn_ext xtn_tg_TOS = {
	.name = "TOS",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_tos_target_info),
	.opts = tos_opts,
	.help =
"TOS target vlibxtables.so.12 options:\n"
"  --set-tos value[/mask]  Set Type of Service/Priority field to value\n"
"                          (Zero out bits in mask and XOR value into TOS)\n"
"  --set-tos symbol        Set TOS field (IPv4 only) by symbol\n"
"                          (this zeroes the 4-bit Precedence part!)\n"
"                          Accepted symbolic names for value are:\n"
"                            (0x10) 16 Minimize-Delay\n"
"                            (0x08)  8 Maximize-Throughput\n"
"                            (0x04)  4 Maximize-Reliability\n"
"                            (0x02)  2 Minimize-Cost\n"
"                            (0x00)  0 Normal-Service\n"
"\n"
"  --and-tos bits          Binary AND the TOS value with bits\n"
"  --or-tos  bits          Binary OR the TOS value with bits\n"
"  --xor-tos bits          Binary XOR the TOS value with bits\n",
	.parse = tos_parse,
	.final = tos_final,
	.save = tos_save,
	.list = tos_list,
	.xt = { .name = "TOS", .revision = 1,
		.size = sizeof(struct xt_tos_target_info) },
};
