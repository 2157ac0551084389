/*
 * ebtables -j mark --mark-set|--mark-or|--mark-and|--mark-xor VALUE
 * [--mark-target VERDICT]: the "mark" compat target (rev 0,
 * ebt_mark_t_info).  The struct's `target` int holds both: the verdict
 * in its low four bits, the action (MARK_SET_VALUE ...) above them.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebtables.h>
#include <linux/netfilter_bridge/ebt_mark_t.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "eb_misc.h"

/* --set-mark is 1.8.9's other name of --mark-set (the same option) */
enum { O_TARGET, O_SET, O_OR, O_AND, O_XOR };

static const struct xtn_optdef mark_opts[] = {
	{ .name = "mark-target", .id = O_TARGET, .has_arg = 1 },
	{ .name = "mark-set", .id = O_SET, .has_arg = 1 },
	{ .name = "set-mark", .id = O_SET, .has_arg = 1 },
	{ .name = "mark-or", .id = O_OR, .has_arg = 1 },
	{ .name = "mark-and", .id = O_AND, .has_arg = 1 },
	{ .name = "mark-xor", .id = O_XOR, .has_arg = 1 },
	{ 0 },
};

static const struct {
	const char *name;
	int action;
} actions[] = {
	[O_SET] = { "mark-set", (int)MARK_SET_VALUE },
	[O_OR] = { "mark-or", (int)MARK_OR_VALUE },
	[O_AND] = { "mark-and", (int)MARK_AND_VALUE },
	[O_XOR] = { "mark-xor", (int)MARK_XOR_VALUE },
};

#define ACTIONS ((1u << O_SET) | (1u << O_OR) | (1u << O_AND) | (1u << O_XOR))

static void mark_init(void *data, const struct xtn_family *fam)
{
	struct ebt_mark_t_info *m = data;

	(void)fam;
	m->target = EBT_ACCEPT;	/* its high bits: MARK_SET_VALUE */
}

/*
 * The value as strtoul(…, 0) reads it, at most 32 bits: the kernel sets
 * the 32-bit skb mark from it, so 1.8.9's wider values (and "-1") would
 * be cut.  A `!` (1.8.9 drops it) is refused.
 */
static int parse_action(struct xtn_parse *p, struct ebt_mark_t_info *m)
{
	unsigned int id = p->opt->id;
	uint64_t v;

	if (xtn_eb_once(p) < 0 || xtn_eb_no_invert(p) < 0)
		return -1;
	if (p->inst->seen & ACTIONS & ~(1u << id))
		return xtn_parse_fail(p, XTN_PARAM,
				      "--%s cannot be used together with specific --mark option",
				      actions[id].name);
	m->target = (m->target & EBT_VERDICT_BITS) | actions[id].action;
	if (!xtn_strtoui(p->arg, NULL, &v, 0, UINT32_MAX))
		return xtn_parse_fail(p, XTN_PARAM, "Bad MARK value '%s'", p->arg);
	m->mark = (unsigned long)v;
	return 0;
}

static int mark_parse(struct xtn_parse *p, void *data)
{
	struct ebt_mark_t_info *m = data;

	if (p->opt->id == O_TARGET)
		return xtn_eb_parse_target(p, &m->target, 1);
	return parse_action(p, m);
}

/* Only a verdict (1.8.9 then sets the mark to 0) is refused. */
static int mark_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM, "You must specify some option");
	if (!(p->inst->seen & ACTIONS))
		return xtn_parse_fail(p, XTN_PARAM, "No mark value supplied");
	return 0;
}

static int mark_action(const struct ebt_mark_t_info *m)
{
	int a = m->target & ~EBT_VERDICT_BITS;
	size_t i;

	for (i = O_SET; i < XTN_ARRAY_SIZE(actions); i++)
		if (actions[i].action == a)
			return (int)i;
	return -1;
}

/* A blob with an action ebtables does not know is left undecoded. */
static int mark_decode_xt(struct xtn_dec *d, void *data, const void *info,
			  size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, sizeof(struct ebt_mark_t_info));
	return mark_action(data) < 0 ? -1 : 0;
}

static void mark_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_mark_t_info *m = data;
	int a = mark_action(m);

	xtn_out_printf(o, " --%s 0x%lx --mark-target %s",
		       a < 0 ? "mark-?" : actions[a].name, m->mark,
		       xtn_eb_target_name(m->target | ~EBT_VERDICT_BITS));
}

const struct xtn_ext xtn_eb_mark = {
	.name = "mark",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_mark_t_info),
	.opts = mark_opts,
	.legacy = true,
	.help =
"mark target options:\n"
" --mark-set value     : Set nfmark value\n"
" --mark-or  value     : Or nfmark with value (nfmark |= value)\n"
" --mark-and value     : And nfmark with value (nfmark &= value)\n"
" --mark-xor value     : Xor nfmark with value (nfmark ^= value)\n"
" --mark-target target : ACCEPT, DROP, RETURN or CONTINUE\n",
	.init = mark_init,
	.parse = mark_parse,
	.final = mark_final,
	.decode_xt = mark_decode_xt,
	.save = mark_save,
	.list = mark_save,
	.xt = { .name = "mark", .revision = 0,
		.size = sizeof(struct ebt_mark_t_info) },
};
