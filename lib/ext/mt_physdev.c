/* -m physdev: bridge ports of a bridged packet, xt_physdev_info (rev 0). */
#include <stddef.h>
#include <stdio.h>
#include <linux/netfilter/xt_physdev.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_IN, O_OUT, O_IS_IN, O_IS_OUT, O_BRIDGED };

static const struct xtn_optdef physdev_opts[] = {
	{ .name = "physdev-in", .id = O_IN, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_IFACE,
	  .offset = offsetof(struct xt_physdev_info, physindev) },
	{ .name = "physdev-out", .id = O_OUT, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_IFACE,
	  .offset = offsetof(struct xt_physdev_info, physoutdev) },
	{ .name = "physdev-is-in", .id = O_IS_IN, .flags = XTN_OF_INVERT },
	{ .name = "physdev-is-out", .id = O_IS_OUT, .flags = XTN_OF_INVERT },
	{ .name = "physdev-is-bridged", .id = O_BRIDGED, .flags = XTN_OF_INVERT },
	{ 0 },
};

/* XT_PHYSDEV_OP_* of each option id */
static const uint8_t ops[] = {
	[O_IN] = XT_PHYSDEV_OP_IN, [O_OUT] = XT_PHYSDEV_OP_OUT,
	[O_IS_IN] = XT_PHYSDEV_OP_ISIN, [O_IS_OUT] = XT_PHYSDEV_OP_ISOUT,
	[O_BRIDGED] = XT_PHYSDEV_OP_BRIDGED,
};

static int physdev_parse(struct xtn_parse *p, void *data)
{
	struct xt_physdev_info *info = data;

	info->bitmask |= ops[p->opt->id];
	if (p->invert)
		info->invert |= ops[p->opt->id];
	return 0;
}

static int physdev_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM, "PHYSDEV: no physdev option specified");
	return 0;
}

/* 1.8.9's order: is-in, in, is-out, out, is-bridged; names with a blank
 * quoted in save form only */
static void physdev_print(const struct xtn_out *o, const void *data, bool save)
{
	const struct xt_physdev_info *info = data;
	static const struct {
		uint8_t op;
		const char *name;
		int dev;	/* offset of the name, -1 for a flag */
	} order[] = {
		{ XT_PHYSDEV_OP_ISIN, "physdev-is-in", -1 },
		{ XT_PHYSDEV_OP_IN, "physdev-in",
		  offsetof(struct xt_physdev_info, physindev) },
		{ XT_PHYSDEV_OP_ISOUT, "physdev-is-out", -1 },
		{ XT_PHYSDEV_OP_OUT, "physdev-out",
		  offsetof(struct xt_physdev_info, physoutdev) },
		{ XT_PHYSDEV_OP_BRIDGED, "physdev-is-bridged", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (!(info->bitmask & order[i].op))
			continue;
		xtn_out_printf(o, "%s --%s", info->invert & order[i].op ? " !" : "",
			       order[i].name);
		if (order[i].dev >= 0) {
			char name[IFNAMSIZ + 1];

			snprintf(name, sizeof(name), "%.*s", IFNAMSIZ,
				 (const char *)data + order[i].dev);
			if (save)
				xtn_out_name(o, name);
			else
				xtn_out_printf(o, " %s", name);
		}
	}
}

static void physdev_save(const struct xtn_out *o, const void *data)
{
	physdev_print(o, data, true);
}

static void physdev_list(const struct xtn_out *o, const void *data)
{
	xtn_out_puts(o, " PHYSDEV match");
	physdev_print(o, data, false);
}

const struct xtn_ext xtn_mt_physdev = {
	.name = "physdev",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_physdev_info),
	.opts = physdev_opts,
	.help =
"physdev match options:\n"
" [!] --physdev-in inputname[+]\t\tbridge port name ([+] for wildcard)\n"
" [!] --physdev-out outputname[+]\tbridge port name ([+] for wildcard)\n"
" [!] --physdev-is-in\t\t\tarrived on a bridge device\n"
" [!] --physdev-is-out\t\t\twill leave on a bridge device\n"
" [!] --physdev-is-bridged\t\tit's a bridged packet\n",
	.parse = physdev_parse,
	.final = physdev_final,
	.save = physdev_save,
	.list = physdev_list,
	.xt = { .name = "physdev", .revision = 0,
		.size = sizeof(struct xt_physdev_info) },
};
