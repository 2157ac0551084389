/*
 * -m recent: the xt_recent_mtinfo_v1 compat blob (rev 1, with --mask), as
 * 1.8.9 writes it for both families; rev 0 (no mask: the whole address) is
 * still read.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_recent.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum {
	O_SET, O_RCHECK, O_UPDATE, O_REMOVE, O_SECONDS, O_REAP, O_HITCOUNT,
	O_RTTL, O_NAME, O_RSOURCE, O_RDEST, O_MASK,
};

#define F(o) (1u << (o))
#define F_ANY_OP (F(O_SET) | F(O_RCHECK) | F(O_UPDATE) | F(O_REMOVE))

#define V1 struct xt_recent_mtinfo_v1
static const struct xtn_optdef recent_opts[] = {
	{ .name = "set", .id = O_SET, .type = XTN_AT_NONE,
	  .flags = XTN_OF_INVERT, .excl = F_ANY_OP & ~F(O_SET) },
	{ .name = "rcheck", .id = O_RCHECK, .type = XTN_AT_NONE,
	  .flags = XTN_OF_INVERT, .excl = F_ANY_OP & ~F(O_RCHECK) },
	{ .name = "update", .id = O_UPDATE, .type = XTN_AT_NONE,
	  .flags = XTN_OF_INVERT, .excl = F_ANY_OP & ~F(O_UPDATE) },
	{ .name = "remove", .id = O_REMOVE, .type = XTN_AT_NONE,
	  .flags = XTN_OF_INVERT, .excl = F_ANY_OP & ~F(O_REMOVE) },
	{ .name = "seconds", .id = O_SECONDS, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32, .min = 1,
	  .max = UINT32_MAX, .offset = offsetof(V1, seconds) },
	{ .name = "reap", .id = O_REAP, .type = XTN_AT_NONE,
	  .also = F(O_SECONDS) },
	{ .name = "hitcount", .id = O_HITCOUNT, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(V1, hit_count) },
	{ .name = "rttl", .id = O_RTTL, .type = XTN_AT_NONE,
	  .excl = F(O_SET) | F(O_REMOVE) },
	{ .name = "name", .id = O_NAME, .has_arg = 1, .type = XTN_AT_STRING,
	  .offset = offsetof(V1, name), .size = XT_RECENT_NAME_LEN },
	{ .name = "rsource", .id = O_RSOURCE, .type = XTN_AT_NONE },
	{ .name = "rdest", .id = O_RDEST, .type = XTN_AT_NONE },
	{ .name = "mask", .id = O_MASK, .has_arg = 1, .flags = XTN_OF_PUT,
	  .type = XTN_AT_HOST, .offset = offsetof(V1, mask),
	  .size = sizeof(union nf_inet_addr) },
	{ 0 },
};
#undef V1

static void recent_init(void *data, const struct xtn_family *fam)
{
	struct xt_recent_mtinfo_v1 *m = data;

	(void)fam;
	strcpy(m->name, "DEFAULT");
	m->side = XT_RECENT_SOURCE;
	memset(&m->mask, 0xff, sizeof(m->mask));
}

static int recent_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t ops[] = {
		[O_SET] = XT_RECENT_SET, [O_RCHECK] = XT_RECENT_CHECK,
		[O_UPDATE] = XT_RECENT_UPDATE, [O_REMOVE] = XT_RECENT_REMOVE,
	};
	struct xt_recent_mtinfo_v1 *m = data;

	switch (p->opt->id) {
	case O_SET:
	case O_RCHECK:
	case O_UPDATE:
	case O_REMOVE:
		m->check_set |= ops[p->opt->id];
		if (p->invert)
			m->invert = 1;
		break;
	case O_NAME:
		/* 1.8.9 saves the name unquoted: one with a blank or a
		 * quote could not be restored */
		if (strpbrk(m->name, " \t\"'"))
			return xtn_parse_fail(p, XTN_PARAM,
					      "recent: option \"--name\" cannot hold blanks or quotes");
		break;
	case O_RTTL:
		m->check_set |= XT_RECENT_TTL;
		break;
	case O_REAP:
		m->check_set |= XT_RECENT_REAP;
		break;
	case O_RSOURCE:
		m->side = XT_RECENT_SOURCE;
		break;
	case O_RDEST:
		m->side = XT_RECENT_DEST;
		break;
	}
	return 0;
}

static int recent_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & F_ANY_OP))
		return xtn_parse_fail(p, XTN_PARAM,
				      "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
	return 0;
}

/* Revision 0 has no mask: it keeps the whole address, as 1.8.9's
 * default mask does. */
static int recent_decode_v0(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	const struct xt_recent_mtinfo *old = info;
	struct xt_recent_mtinfo_v1 *m = data;

	(void)d;
	(void)len;
	memset(m, 0, sizeof(*m));
	m->seconds = old->seconds;
	m->hit_count = old->hit_count;
	m->check_set = old->check_set;
	m->invert = old->invert;
	memcpy(m->name, old->name, sizeof(m->name));
	m->name[sizeof(m->name) - 1] = '\0';
	m->side = old->side;
	memset(&m->mask, 0xff, sizeof(m->mask));
	return 0;
}

static int recent_decode_xt(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	struct xt_recent_mtinfo_v1 *m = data;

	(void)d;
	(void)len;
	memcpy(m, info, sizeof(*m));
	m->name[sizeof(m->name) - 1] = '\0';
	return 0;
}

static const char *mask_str(const struct xtn_out *o,
			    const struct xt_recent_mtinfo_v1 *m, char *buf,
			    size_t len)
{
	if (o->fam && o->fam->af == AF_INET6)
		return inet_ntop(AF_INET6, &m->mask.in6, buf, (socklen_t)len);
	return inet_ntop(AF_INET, &m->mask.in, buf, (socklen_t)len);
}

static void recent_list(const struct xtn_out *o, const void *data)
{
	const struct xt_recent_mtinfo_v1 *m = data;
	char buf[INET6_ADDRSTRLEN];

	xtn_out_puts(o, m->invert ? " ! recent:" : " recent:");
	if (m->check_set & XT_RECENT_SET)
		xtn_out_puts(o, " SET");
	if (m->check_set & XT_RECENT_CHECK)
		xtn_out_puts(o, " CHECK");
	if (m->check_set & XT_RECENT_UPDATE)
		xtn_out_puts(o, " UPDATE");
	if (m->check_set & XT_RECENT_REMOVE)
		xtn_out_puts(o, " REMOVE");
	if (m->seconds)
		xtn_out_printf(o, " seconds: %u", m->seconds);
	if (m->check_set & XT_RECENT_REAP)
		xtn_out_puts(o, " reap");
	if (m->hit_count)
		xtn_out_printf(o, " hit_count: %u", m->hit_count);
	if (m->check_set & XT_RECENT_TTL)
		xtn_out_puts(o, " TTL-Match");
	xtn_out_printf(o, " name: %s", m->name);
	if (m->side == XT_RECENT_SOURCE)
		xtn_out_puts(o, " side: source");
	if (m->side == XT_RECENT_DEST)
		xtn_out_puts(o, " side: dest");
	xtn_out_printf(o, " mask: %s", mask_str(o, m, buf, sizeof(buf)));
}

static void recent_save(const struct xtn_out *o, const void *data)
{
	const struct xt_recent_mtinfo_v1 *m = data;
	char buf[INET6_ADDRSTRLEN];

	if (m->invert)
		xtn_out_puts(o, " !");
	if (m->check_set & XT_RECENT_SET)
		xtn_out_puts(o, " --set");
	if (m->check_set & XT_RECENT_CHECK)
		xtn_out_puts(o, " --rcheck");
	if (m->check_set & XT_RECENT_UPDATE)
		xtn_out_puts(o, " --update");
	if (m->check_set & XT_RECENT_REMOVE)
		xtn_out_puts(o, " --remove");
	if (m->seconds)
		xtn_out_printf(o, " --seconds %u", m->seconds);
	if (m->check_set & XT_RECENT_REAP)
		xtn_out_puts(o, " --reap");
	if (m->hit_count)
		xtn_out_printf(o, " --hitcount %u", m->hit_count);
	if (m->check_set & XT_RECENT_TTL)
		xtn_out_puts(o, " --rttl");
	/* an empty name (the kernel refuses it: only a rule parsed and not
	 * sent has one) as "", so that its save form parses back */
	if (m->name[0])
		xtn_out_printf(o, " --name %s", m->name);
	else
		xtn_out_puts(o, " --name \"\"");
	xtn_out_printf(o, " --mask %s", mask_str(o, m, buf, sizeof(buf)));
	if (m->side == XT_RECENT_SOURCE)
		xtn_out_puts(o, " --rsource");
	if (m->side == XT_RECENT_DEST)
		xtn_out_puts(o, " --rdest");
}

/* The name by its text: what follows its NUL is whatever the parser left
 * there (1.8.9 writes it over "DEFAULT"). */
static bool recent_equal(const void *a, const void *b)
{
	const struct xt_recent_mtinfo_v1 *x = a, *y = b;

	return x->seconds == y->seconds && x->hit_count == y->hit_count &&
	       x->check_set == y->check_set && x->invert == y->invert &&
	       strcmp(x->name, y->name) == 0 && x->side == y->side &&
	       memcmp(&x->mask, &y->mask, sizeof(x->mask)) == 0;
}

static const struct xtn_xt_rev recent_revs[] = {
	{ .revision = 0, .size = sizeof(struct xt_recent_mtinfo),
	  .decode = recent_decode_v0 },
	{ 0 },
};

const struct xtn_ext xtn_mt_recent = {
	.name = "recent",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_recent_mtinfo_v1),
	.opts = recent_opts,
	.help =
"recent match options:\n"
"[!] --set                       Add source address to list, always matches.\n"
"[!] --rcheck                    Match if source address in list.\n"
"[!] --update                    Match if source address in list, also update last-seen time.\n"
"[!] --remove                    Match if source address in list, also removes that address from list.\n"
"    --seconds seconds           For check and update commands above.\n"
"                                Specifies that the match will only occur if source address last seen within\n"
"                                the last 'seconds' seconds.\n"
"    --reap                      Purge entries older then 'seconds'.\n"
"                                Can only be used in conjunction with the seconds option.\n"
"    --hitcount hits             For check and update commands above.\n"
"                                Specifies that the match will only occur if source address seen hits times.\n"
"                                May be used in conjunction with the seconds option.\n"
"    --rttl                      For check and update commands above.\n"
"                                Specifies that the match will only occur if the source address and the TTL\n"
"                                match between this packet and the one which was set.\n"
"                                Useful if you have problems with people spoofing their source address in order\n"
"                                to DoS you via this module.\n"
"    --name name                 Name of the recent list to be used.  DEFAULT used if none given.\n"
"    --rsource                   Match/Save the source address of each packet in the recent list table (default).\n"
"    --rdest                     Match/Save the destination address of each packet in the recent list table.\n"
"    --mask netmask              Netmask that will be applied to this recent list.\n"
"xt_recent by: Stephen Frost <sfrost@snowman.net>.\n",
	.init = recent_init,
	.parse = recent_parse,
	.final = recent_final,
	.decode_xt = recent_decode_xt,
	.save = recent_save,
	.list = recent_list,
	.equal = recent_equal,
	.xt = { .name = "recent", .revision = 1,
		.size = sizeof(struct xt_recent_mtinfo_v1) },
	.xt_read = recent_revs,
};
