/*
 * -m mac --mac-source ADDR: the xt_mac_info compat blob (rev 0).  The
 * kernel takes it only where a source MAC is known (PREROUTING, INPUT,
 * FORWARD) and refuses the rule elsewhere, as it does for 1.8.9.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_mac.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_MAC };

static const struct xtn_optdef mac_opts[] = {
	{ .name = "mac-source", .id = O_MAC, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT | XTN_OF_PUT,
	  .type = XTN_AT_ETHERMAC,
	  .offset = offsetof(struct xt_mac_info, srcaddr) },
	{ 0 },
};

static int mac_parse(struct xtn_parse *p, void *data)
{
	struct xt_mac_info *m = data;

	m->invert = p->invert;
	return 0;
}

static void put_addr(const struct xtn_out *o, const uint8_t mac[6])
{
	unsigned int i;

	for (i = 0; i < 6; i++)
		xtn_out_printf(o, "%c%02x", i ? ':' : ' ', mac[i]);
}

static void mac_list(const struct xtn_out *o, const void *data)
{
	const struct xt_mac_info *m = data;

	xtn_out_puts(o, m->invert ? " MAC !" : " MAC");
	put_addr(o, m->srcaddr);
}

static void mac_save(const struct xtn_out *o, const void *data)
{
	const struct xt_mac_info *m = data;

	xtn_out_puts(o, m->invert ? " ! --mac-source" : " --mac-source");
	put_addr(o, m->srcaddr);
}

/* Any non-zero invert is an inversion to the kernel. */
static bool mac_equal(const void *a, const void *b)
{
	const struct xt_mac_info *x = a, *y = b;

	return memcmp(x->srcaddr, y->srcaddr, sizeof(x->srcaddr)) == 0 &&
	       !x->invert == !y->invert;
}

const struct xtn_ext xtn_mt_mac = {
	.name = "mac",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_mac_info),
	.opts = mac_opts,
	.help =
"mac match options:\n"
"[!] --mac-source XX:XX:XX:XX:XX:XX\n"
"\t\t\t\tMatch source MAC address\n",
	.parse = mac_parse,
	.save = mac_save,
	.list = mac_list,
	.equal = mac_equal,
	.xt = { .name = "mac", .revision = 0,
		.size = sizeof(struct xt_mac_info) },
};
