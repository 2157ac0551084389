/*
 * -m connlimit: xt_connlimit_info (rev 1, which 1.8.9 writes; rev 0 has
 * no --connlimit-daddr and the same struct).  The kernel's pointer at the
 * end is sent as zeros and never compared.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_connlimit.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_UPTO, O_ABOVE, O_MASK, O_SADDR, O_DADDR };

static const struct xtn_optdef connlimit_opts[] = {
	{ .name = "connlimit-upto", .id = O_UPTO, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct xt_connlimit_info, limit),
	  .excl = 1u << O_ABOVE },
	{ .name = "connlimit-above", .id = O_ABOVE, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct xt_connlimit_info, limit),
	  .excl = 1u << O_UPTO },
	{ .name = "connlimit-mask", .id = O_MASK, .has_arg = 1,
	  .type = XTN_AT_PLENMASK },
	{ .name = "connlimit-saddr", .id = O_SADDR, .type = XTN_AT_NONE,
	  .excl = 1u << O_DADDR },
	{ .name = "connlimit-daddr", .id = O_DADDR, .type = XTN_AT_NONE,
	  .excl = 1u << O_SADDR },
	{ 0 },
};

static void connlimit_init(void *data, const struct xtn_family *fam)
{
	struct xt_connlimit_info *c = data;

	(void)fam;
	/* a host mask in either family until --connlimit-mask */
	memset(&c->mask, 0xff, sizeof(c->mask));
}

static int connlimit_parse(struct xtn_parse *p, void *data)
{
	struct xt_connlimit_info *c = data;

	switch (p->opt->id) {
	case O_UPTO:
		/* "up to n" is the kernel's inverted "above n" */
		if (!p->invert)
			c->flags |= XT_CONNLIMIT_INVERT;
		break;
	case O_ABOVE:
		if (p->invert)
			c->flags |= XT_CONNLIMIT_INVERT;
		break;
	case O_MASK:
		memcpy(&c->mask, p->val.inet[1].b, sizeof(c->mask));
		break;
	case O_SADDR:
		c->flags &= ~(uint32_t)XT_CONNLIMIT_DADDR;
		break;
	case O_DADDR:
		c->flags |= XT_CONNLIMIT_DADDR;
		break;
	}
	return 0;
}

static int connlimit_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & ((1u << O_UPTO) | (1u << O_ABOVE))))
		return xtn_parse_fail(p, XTN_PARAM,
				      "You must specify \"--connlimit-above\" or \"--connlimit-upto\".");
	return 0;
}

static int connlimit_decode_xt(struct xtn_dec *d, void *data,
			       const void *info, size_t len)
{
	struct xt_connlimit_info *c = data;

	(void)d;
	(void)len;
	memcpy(c, info, offsetof(struct xt_connlimit_info, data));
	return 0;
}

/* 1.8.9's count_bits: 32 (128) less the bits up to the highest one set
 * in the inverted mask, word by word. */
static unsigned int mask_bits(const struct xt_connlimit_info *c, size_t words)
{
	unsigned int bits = 0;
	uint32_t w;
	size_t i;

	for (i = 0; i < words; i++)
		for (w = ~ntohl(c->v6_mask[i]); w != 0; w >>= 1)
			bits++;
	return (unsigned int)(words * 32) - bits;
}

static unsigned int plen(const struct xtn_out *o,
			 const struct xt_connlimit_info *c)
{
	return mask_bits(c, o->fam->af == AF_INET6 ? 4 : 1);
}

static void connlimit_list(const struct xtn_out *o, const void *data)
{
	const struct xt_connlimit_info *c = data;

	xtn_out_printf(o, " #conn %s/%u %s %u",
		       c->flags & XT_CONNLIMIT_DADDR ? "dst" : "src",
		       plen(o, c), c->flags & XT_CONNLIMIT_INVERT ? "<=" : ">",
		       c->limit);
}

static void connlimit_save(const struct xtn_out *o, const void *data)
{
	const struct xt_connlimit_info *c = data;

	xtn_out_printf(o, " --connlimit-%s %u --connlimit-mask %u --connlimit-%s",
		       c->flags & XT_CONNLIMIT_INVERT ? "upto" : "above",
		       c->limit, plen(o, c),
		       c->flags & XT_CONNLIMIT_DADDR ? "daddr" : "saddr");
}

const struct xtn_ext xtn_mt_connlimit = {
	.name = "connlimit",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_connlimit_info),
	.cmp_size = offsetof(struct xt_connlimit_info, data),
	.opts = connlimit_opts,
	.help =
"connlimit match options:\n"
"  --connlimit-upto n     match if the number of existing connections is 0..n\n"
"  --connlimit-above n    match if the number of existing connections is >n\n"
"  --connlimit-mask n     group hosts using prefix length (default: max len)\n"
"  --connlimit-saddr      select source address for grouping\n"
"  --connlimit-daddr      select destination addresses for grouping\n",
	.init = connlimit_init,
	.parse = connlimit_parse,
	.final = connlimit_final,
	.decode_xt = connlimit_decode_xt,
	.save = connlimit_save,
	.list = connlimit_list,
	.xt = { .name = "connlimit", .revision = 1,
		.size = sizeof(struct xt_connlimit_info) },
};
