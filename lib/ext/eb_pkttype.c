/*
 * ebtables --pkttype-type [!] TYPE: the pkttype compat match (rev 0,
 * ebt_pkttype_info).  TYPE is a class name (any case) or a number that
 * 1.8.9 reads as hex; it lists classes 0-6 by name, others in decimal.
 */
#include <netinet/in.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter_bridge/ebt_pkttype.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "eb_misc.h"

enum { O_TYPE };

/* PACKET_HOST ... PACKET_FASTROUTE, by value */
static const char *const classes[] = {
	"host", "broadcast", "multicast", "otherhost", "outgoing",
	"loopback", "fastroute",
};

/* the largest number that reads the same in hex (parse) and decimal (save) */
#define PKTTYPE_MAX 9

static const struct xtn_optdef pkttype_opts[] = {
	{ .name = "pkttype-type", .id = O_TYPE, .has_arg = 1 },
	{ 0 },
};

/*
 * 1.8.9 takes any hex byte, but lists it in decimal: "10" is stored as
 * 16 and its save form then restores as 22 (or fails for 0x100 on).
 * Numbers up to 9, where both read alike, are taken as 1.8.9 takes them
 * (8 and 9 never match: skb->pkt_type has 3 bits); larger ones, and an
 * empty word (1.8.9: "host"), are refused.
 */
static int pkttype_parse(struct xtn_parse *p, void *data)
{
	struct ebt_pkttype_info *pt = data;
	char *end;
	size_t i;
	long v;

	if (xtn_eb_once(p) < 0)
		return -1;
	pt->invert = p->invert;
	errno = 0;
	v = strtol(p->arg, &end, 16);
	if (*end != '\0' || end == p->arg) {
		for (i = 0; i < XTN_ARRAY_SIZE(classes); i++)
			if (strcasecmp(p->arg, classes[i]) == 0)
				break;
		if (i == XTN_ARRAY_SIZE(classes))
			return xtn_parse_fail(p, XTN_PARAM,
					      "Could not parse class '%s'", p->arg);
		v = (long)i;
	}
	if (v < 0 || v > PKTTYPE_MAX || errno == ERANGE)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Problem with specified pkttype class");
	pt->pkt_type = (uint8_t)v;
	return 0;
}

static void pkttype_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_pkttype_info *pt = data;

	xtn_out_puts(o, pt->invert ? " --pkttype-type !" : " --pkttype-type");
	if (pt->pkt_type < XTN_ARRAY_SIZE(classes))
		xtn_out_printf(o, " %s", classes[pt->pkt_type]);
	else
		xtn_out_printf(o, " %d", pt->pkt_type);
}

const struct xtn_ext xtn_eb_pkttype = {
	.name = "pkttype",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_pkttype_info),
	.opts = pkttype_opts,
	.legacy = true,
	.help =
"pkttype options:\n"
"--pkttype-type    [!] type: class the packet belongs to\n"
"Possible values: broadcast, multicast, host, otherhost, or any other byte value (which would be pretty useless).\n",
	.parse = pkttype_parse,
	.save = pkttype_save,
	.list = pkttype_save,
	.xt = { .name = "pkttype", .revision = 0,
		.size = sizeof(struct ebt_pkttype_info) },
};
