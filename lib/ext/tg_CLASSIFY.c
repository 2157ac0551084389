/*
 * -j CLASSIFY --set-class MAJOR:MINOR: the xt_classify_target_info blob,
 * rev 0, holding skb->priority as a tc handle (major << 16 | minor).
 * arptables (family ARP) takes the same option and prints it its way.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/xt_CLASSIFY.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_SET_CLASS };

static const struct xtn_optdef classify_opts[] = {
	{ .name = "set-class", .id = O_SET_CLASS, .has_arg = 1,
	  .flags = XTN_OF_MAND },
	{ 0 },
};

/* One hexadecimal half of a handle, as sscanf("%x") reads it. */
static bool hex16(const char *s, char stop, const char **next, uint32_t *out)
{
	unsigned long v;
	char *end;

	if (strchr(s, '-'))
		return false;
	v = strtoul(s, &end, 16);
	if (end == s || *end != stop || v > 0xffff)
		return false;
	*out = (uint32_t)v;
	*next = end + 1;
	return true;
}

/*
 * 1.8.9 reads "%x:%x" and masks: "10000:1" becomes 0000:0001, "1:2:3"
 * is 1:2 and "-1:0" is ffff:0000.  What it would store as something else
 * is refused, in its words for a bad class.
 */
static int classify_parse(struct xtn_parse *p, void *data)
{
	struct xt_classify_target_info *c = data;
	uint32_t major, minor;
	const char *s;

	if (!hex16(p->arg, ':', &s, &major) || !hex16(s, '\0', &s, &minor))
		return xtn_parse_fail(p, XTN_PARAM, "Bad class value \"%s\"",
				      p->arg);
	c->priority = major << 16 | minor;
	return 0;
}

static void classify_list(const struct xtn_out *o, const void *data)
{
	const struct xt_classify_target_info *c = data;

	xtn_out_printf(o, " CLASSIFY set %x:%x", c->priority >> 16,
		       c->priority & 0xffff);
}

static void classify_save(const struct xtn_out *o, const void *data)
{
	const struct xt_classify_target_info *c = data;

	xtn_out_printf(o, " --set-class %04x:%04x", c->priority >> 16,
		       c->priority & 0xffff);
}

static const char classify_help[] =
"CLASSIFY target options:\n"
"--set-class MAJOR:MINOR    Set skb->priority value (always hexadecimal!)\n";

const struct xtn_ext xtn_tg_CLASSIFY = {
	.name = "CLASSIFY",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_classify_target_info),
	.opts = classify_opts,
	.help = classify_help,
	.parse = classify_parse,
	.save = classify_save,
	.list = classify_list,
	.xt = { .name = "CLASSIFY", .revision = 0,
		.size = sizeof(struct xt_classify_target_info) },
};

/* arptables prints the halves without leading zeros, in -L as in save. */
static void classify_arp_print(const struct xtn_out *o, const void *data)
{
	const struct xt_classify_target_info *c = data;

	xtn_out_printf(o, " --set-class %x:%x", c->priority >> 16,
		       c->priority & 0xffff);
}

const struct xtn_ext xtn_tg_CLASSIFY_arp = {
	.name = "CLASSIFY",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_ARP,
	.data_size = sizeof(struct xt_classify_target_info),
	.opts = classify_opts,
	.help = classify_help,
	.parse = classify_parse,
	.save = classify_arp_print,
	.list = classify_arp_print,
	.xt = { .name = "CLASSIFY", .revision = 0,
		.size = sizeof(struct xt_classify_target_info) },
};
