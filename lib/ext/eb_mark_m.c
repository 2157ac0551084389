/*
 * ebtables --mark [!] [VALUE][/MASK]: the mark_m compat match (rev 0,
 * ebt_mark_m_info), not native as iptables' -m mark is.  "/MASK" alone
 * matches a mark with any of those bits (EBT_MARK_OR), otherwise the
 * masked mark must equal the value (EBT_MARK_AND).
 */
#include <netinet/in.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebt_mark_m.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "eb_misc.h"

enum { O_MARK };

static const struct xtn_optdef mark_m_opts[] = {
	{ .name = "mark", .id = O_MARK, .has_arg = 1 },
	{ 0 },
};

/* A number as strtoul(…, 0) reads it, at most 32 bits: the kernel
 * compares it with the 32-bit skb mark, so 1.8.9's wider values (and
 * the wrapped "-1") never match. */
static bool mark_number(const char *s, char **end, unsigned long *v)
{
	uint64_t n;

	if (!xtn_strtoui(s, end, &n, 0, UINT32_MAX))
		return false;
	*v = (unsigned long)n;
	return true;
}

/* "V", "V/M" or "/M"; an empty mask ("5/", which 1.8.9 takes as 0 and
 * so never matches) is refused. */
static int mark_m_parse(struct xtn_parse *p, void *data)
{
	struct ebt_mark_m_info *m = data;
	const char *s = p->arg;
	char *end = (char *)s;

	if (xtn_eb_once(p) < 0)
		return -1;
	m->invert = p->invert;
	m->bitmask = EBT_MARK_AND;
	m->mark = 0;
	m->mask = 0xffffffff;
	if (*s == '/')
		m->bitmask = EBT_MARK_OR;
	else if (!mark_number(s, &end, &m->mark))
		goto bad;
	if (*end == '/' && !mark_number(end + 1, &end, &m->mask))
		goto bad;
	if (*end == '\0')
		return 0;
bad:
	return xtn_parse_fail(p, XTN_PARAM, "Bad mark value '%s'", p->arg);
}

static void mark_m_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_mark_m_info *m = data;

	xtn_out_puts(o, m->invert ? " --mark !" : " --mark");
	if (m->bitmask == EBT_MARK_OR)
		xtn_out_printf(o, " /0x%lx", m->mask);
	else if (m->mask != 0xffffffff)
		xtn_out_printf(o, " 0x%lx/0x%lx", m->mark, m->mask);
	else
		xtn_out_printf(o, " 0x%lx", m->mark);
}

const struct xtn_ext xtn_eb_mark_m = {
	.name = "mark_m",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_mark_m_info),
	.opts = mark_m_opts,
	.legacy = true,
	.help =
"mark option:\n"
"--mark    [!] [value][/mask]: Match nfmask value (see man page)\n",
	.parse = mark_m_parse,
	.save = mark_m_save,
	.list = mark_m_save,
	.xt = { .name = "mark_m", .revision = 0,
		.size = sizeof(struct ebt_mark_m_info) },
};
