/*
 * -j MARK: the xt_mark_tginfo2 blob (target rev 2), new = (old & ~mask) ^
 * mark.  Every option is one (mark, mask) pair, so the blob alone says
 * what to print; -L names the simplest operation that pair is, save
 * always writes --set-xmark.  nft's own "meta mark set VALUE" (1.8.10
 * reads it as MARK) is read back as --set-xmark VALUE/0xffffffff.
 */
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/xt_mark.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

/* ids in 1.8.9's table order: the exclusion message names the first */
enum { O_XMARK, O_SET, O_AND, O_OR, O_XOR };

#define ALL_OPTS ((1u << O_XMARK) | (1u << O_SET) | (1u << O_AND) | \
		  (1u << O_OR) | (1u << O_XOR))
#define OTHERS(id) (ALL_OPTS & ~(1u << (id)))

extern const struct xtn_ext xtn_tg_MARK;

static const struct xtn_optdef mark_tg_opts[] = {
	{ .name = "set-xmark", .id = O_XMARK, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_MARKMASK32, .excl = OTHERS(O_XMARK) },
	{ .name = "set-mark", .id = O_SET, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_MARKMASK32, .excl = OTHERS(O_SET) },
	{ .name = "and-mark", .id = O_AND, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_UINT32, .excl = OTHERS(O_AND) },
	{ .name = "or-mark", .id = O_OR, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_UINT32, .excl = OTHERS(O_OR) },
	{ .name = "xor-mark", .id = O_XOR, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_UINT32, .excl = OTHERS(O_XOR) },
	{ 0 },
};

/* Each option as the (mark, mask) pair the kernel applies. */
static int mark_tg_parse(struct xtn_parse *p, void *data)
{
	struct xt_mark_tginfo2 *m = data;
	uint32_t v = p->val.u32[0], mask = p->val.u32[1];

	switch (p->opt->id) {
	case O_XMARK:
		m->mark = v;
		m->mask = mask;
		break;
	case O_SET:
		/* clear the mask's bits, then OR: the value's bits too */
		m->mark = v;
		m->mask = mask | v;
		break;
	case O_AND:
		m->mark = 0;
		m->mask = ~(uint32_t)p->val.u64;
		break;
	case O_OR:
		m->mark = m->mask = (uint32_t)p->val.u64;
		break;
	case O_XOR:
		m->mark = (uint32_t)p->val.u64;
		m->mask = 0;
		break;
	}
	return 0;
}

static int mark_tg_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & ALL_OPTS))
		return xtn_parse_fail(p, XTN_PARAM,
				      "MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
	return 0;
}

/* 1.8.9's -L names: the first operation the pair is an instance of. */
static void mark_tg_list(const struct xtn_out *o, const void *data)
{
	const struct xt_mark_tginfo2 *m = data;

	if (m->mark == 0)
		xtn_out_printf(o, " MARK and 0x%x", ~m->mask);
	else if (m->mark == m->mask)
		xtn_out_printf(o, " MARK or 0x%x", m->mark);
	else if (m->mask == 0)
		xtn_out_printf(o, " MARK xor 0x%x", m->mark);
	else if (m->mask == UINT32_MAX)
		xtn_out_printf(o, " MARK set 0x%x", m->mark);
	else
		xtn_out_printf(o, " MARK xset 0x%x/0x%x", m->mark, m->mask);
}

static void mark_tg_save(const struct xtn_out *o, const void *data)
{
	const struct xt_mark_tginfo2 *m = data;

	xtn_out_printf(o, " --set-xmark 0x%x/0x%x", m->mark, m->mask);
}

/* "meta mark set VALUE" from an immediate (nft, read by 1.8.10 as
 * MARK); anything computed from the old mark is not an iptables rule. */
static int mark_tg_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x)
{
	struct xt_mark_tginfo2 *m;

	if (x->kind != XTN_NEXPR_META_SET || x->u.meta_set.key != NFT_META_MARK)
		return 0;
	if (x->u.meta_set.len != sizeof(m->mark))
		return -1;
	m = xtn_dec_target(d, &xtn_tg_MARK);
	if (!m)
		return -1;
	memcpy(&m->mark, x->u.meta_set.data, sizeof(m->mark));
	m->mask = UINT32_MAX;
	return 1;
}

static const char mark_tg_help[] =
"MARK target options:\n"
"  --set-xmark value[/mask]  Clear bits in mask and XOR value into nfmark\n"
"  --set-mark value[/mask]   Clear bits in mask and OR value into nfmark\n"
"  --and-mark bits           Binary AND the nfmark with bits\n"
"  --or-mark bits            Binary OR the nfmark with bits\n"
"  --xor-mark bits           Binary XOR the nfmark with bits\n";

const struct xtn_ext xtn_tg_MARK = {
	.name = "MARK",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_mark_tginfo2),
	.opts = mark_tg_opts,
	.help = mark_tg_help,
	.parse = mark_tg_parse,
	.final = mark_tg_final,
	.claims = XTN_CLAIM_META_SET,
	.decode_nexpr = mark_tg_decode_nexpr,
	.save = mark_tg_save,
	.list = mark_tg_list,
	.xt = { .name = "MARK", .revision = 2,
		.size = sizeof(struct xt_mark_tginfo2) },
};

/*
 * arptables' MARK (1.8.9's NFPROTO_ARP registration of the same blob):
 * three getopt-era options taking hexadecimal with or without 0x, one of
 * them at most.  Its --set-mark leaves the mask 0 (the kernel XORs the
 * value in; arptables 1.8.10 sets all of it): written as 1.8.9 writes it,
 * so that either tool finds the other's rule.
 */
enum { O_ARP_SET, O_ARP_AND, O_ARP_OR };

static const struct xtn_optdef mark_arp_opts[] = {
	{ .name = "set-mark", .id = O_ARP_SET, .has_arg = XTN_REQ_ARG },
	{ .name = "and-mark", .id = O_ARP_AND, .has_arg = XTN_REQ_ARG },
	{ .name = "or-mark", .id = O_ARP_OR, .has_arg = XTN_REQ_ARG },
	{ 0 },
};

/* sscanf("%x") of the option's last word, without what it would take
 * and store as something else: a sign, trailing text, more than 32 bits. */
static int mark_arp_value(struct xtn_parse *p, uint32_t *out)
{
	const char *s = p->argv[*p->optind - 1];
	unsigned long long v = 0;
	const char *c = s;

	if (c[0] == '0' && (c[1] == 'x' || c[1] == 'X'))
		c += 2;
	if (!*c)
		goto bad;
	for (; *c; c++) {
		if (!isxdigit((unsigned char)*c))
			goto bad;
		v = v * 16 + (unsigned long long)(isdigit((unsigned char)*c) ?
			*c - '0' : tolower((unsigned char)*c) - 'a' + 10);
		if (v > UINT32_MAX)
			goto bad;
	}
	*out = (uint32_t)v;
	return 0;
bad:
	return xtn_parse_fail(p, XTN_PARAM, "Bad mark value `%s'", p->arg);
}

static int mark_arp_parse(struct xtn_parse *p, void *data)
{
	struct xt_mark_tginfo2 *m = data;
	uint32_t v = 0;	/* gcc -O2 cannot see every failure return -1 */

	if (mark_arp_value(p, &v) < 0)
		return -1;
	/* 1.8.9 ignores the ! */
	if (p->invert)
		return xtn_parse_fail(p, XTN_PARAM,
				      "MARK: option \"--%s\" cannot be inverted.\n",
				      p->opt->name);
	switch (p->opt->id) {
	case O_ARP_SET:
		m->mark = v;
		break;
	case O_ARP_AND:
		m->mark = 0;
		m->mask = ~v;
		break;
	default:
		m->mark = m->mask = v;
	}
	if (p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM,
				      "MARK: Can't specify --%s twice",
				      p->opt->name);
	return 0;
}

/* The operation the pair is, as 1.8.9's arptables names it. */
static void mark_arp_print(const struct xtn_out *o, const void *data)
{
	const struct xt_mark_tginfo2 *m = data;

	if (m->mark == 0)
		xtn_out_printf(o, " --and-mark %x", ~m->mask);
	else if (m->mark == m->mask)
		xtn_out_printf(o, " --or-mark %x", m->mark);
	else
		xtn_out_printf(o, " --set-mark %x", m->mark);
}

const struct xtn_ext xtn_tg_MARK_arp = {
	.name = "MARK",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_ARP,
	.data_size = sizeof(struct xt_mark_tginfo2),
	.opts = mark_arp_opts,
	.help = mark_tg_help,
	.legacy = true,
	.parse = mark_arp_parse,
	.save = mark_arp_print,
	.list = mark_arp_print,
	.xt = { .name = "MARK", .revision = 2,
		.size = sizeof(struct xt_mark_tginfo2) },
};
