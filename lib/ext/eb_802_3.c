/*
 * ebtables' 802_3 match (--802_3-sap, --802_3-type): the ebt_802_3_info
 * compat blob, as ebtables-nft 1.8.9 writes it; the rule must say
 * -p Length (1.8.9 checks that itself, the kernel does not).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <linux/netfilter_bridge/ebt_802_3.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include "base_eb.h"
#include "ebt_shared.h"

/* option ids: the bit positions of EBT_802_3_* */
enum { O_SAP, O_TYPE };

#define OPT(n, i) { .name = n, .id = i, .has_arg = 1, .flags = XTN_OF_INVERT }
static const struct xtn_optdef e8023_opts[] = {
	OPT("802_3-sap", O_SAP),
	OPT("802_3-type", O_TYPE),
	{ 0 },
};
#undef OPT

/*
 * A hexadecimal number up to max.  1.8.9 reads it with strtoul into an
 * unsigned int and names that value, in hex, when it is too big or text
 * follows it; a value it would wrap into range ("100000000" is 0) or
 * nothing at all ("" is 0) is refused here, named the same way.
 */
static int parse_hex(struct xtn_parse *p, uint64_t max, const char *what,
		     uint64_t *v)
{
	unsigned long shown;
	char *end;

	if (xtn_ebt_number(p->arg, 16, max, v))
		return 0;
	errno = 0;
	shown = strtoul(p->arg, &end, 16);
	if (shown > UINT32_MAX && errno != ERANGE && *end == '\0' &&
	    p->arg[0] != '-')
		return xtn_parse_fail(p, XTN_PARAM, "%s, %lx", what, shown);
	return xtn_parse_fail(p, XTN_PARAM, "%s, %x", what,
			      (unsigned int)shown);
}

static int e8023_parse(struct xtn_parse *p, void *data)
{
	struct ebt_802_3_info *info = data;
	uint8_t bit = (uint8_t)(1u << p->opt->id);
	uint64_t v;

	if (xtn_ebt_once(p) < 0)
		return -1;
	if (p->opt->id == O_SAP) {
		if (parse_hex(p, UINT8_MAX,
			      "Problem with specified sap hex value", &v) < 0)
			return -1;
		info->sap = (uint8_t)v;
	} else {
		if (parse_hex(p, UINT16_MAX,
			      "Problem with the specified type hex value", &v) < 0)
			return -1;
		info->type = htons((uint16_t)v);
	}
	info->bitmask |= bit;
	if (p->invert)
		info->invflags |= bit;
	return 0;
}

static int e8023_final(struct xtn_parse *p, void *data)
{
	const struct xtn_ebbase *b = p->rule->base->data;

	(void)data;
	/* the -p Length test 1.8.9 makes (inverted or not) */
	if (!(b->bitmask & XTN_EBB_F_802_3))
		return xtn_parse_fail(p, XTN_PARAM,
				      "For 802.3 DSAP/SSAP filtering the protocol must be LENGTH");
	return 0;
}

static void e8023_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_802_3_info *info = data;

	if (xtn_ebt_save_opt(o, info->bitmask, info->invflags, EBT_802_3_SAP,
			     "802_3-sap"))
		xtn_out_printf(o, " 0x%.2x", info->sap);
	if (xtn_ebt_save_opt(o, info->bitmask, info->invflags, EBT_802_3_TYPE,
			     "802_3-type"))
		xtn_out_printf(o, " 0x%.4x", ntohs(info->type));
}

const struct xtn_ext xtn_eb_802_3 = {
	.name = "802_3",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_802_3_info),
	.opts = e8023_opts,
	.legacy = true,
	.help =
"802_3 options:\n"
"--802_3-sap [!] protocol       : 802.3 DSAP/SSAP- 1 byte value (hex)\n"
"  DSAP and SSAP are always the same.  One SAP applies to both fields\n"
"--802_3-type [!] protocol      : 802.3 SNAP Type- 2 byte value (hex)\n"
"  Type implies SAP value 0xaa\n",
	.parse = e8023_parse,
	.final = e8023_final,
	.save = e8023_save,
	.list = e8023_save,
	.xt = { .name = "802_3", .revision = 0,
		.size = sizeof(struct ebt_802_3_info) },
};
