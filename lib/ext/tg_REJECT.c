/*
 * -j REJECT [--reject-with TYPE]: the ipt_reject_info (ip) or
 * ip6t_reject_info (ip6) compat blob, rev 0, holding one enum value.  The
 * two families name different ICMP errors, so there are two descriptors
 * sharing this code.  Whether tcp-reset is allowed (only with -p tcp) is
 * the kernel's check, as in 1.8.9 (RULE_APPEND fails with EINVAL).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter_ipv4/ipt_REJECT.h>
#include <linux/netfilter_ipv6/ip6t_REJECT.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

enum { O_REJECT_WITH };

/* One reject type as 1.8.9 names it: canonical name and alias. */
struct reject_type {
	const char *name;
	const char *alias;
	uint32_t with;
};

/* In 1.8.9's order: a prefix picks the first entry it matches. */
static const struct reject_type reject4[] = {
	{ "icmp-net-unreachable", "net-unreach", IPT_ICMP_NET_UNREACHABLE },
	{ "icmp-host-unreachable", "host-unreach", IPT_ICMP_HOST_UNREACHABLE },
	{ "icmp-proto-unreachable", "proto-unreach", IPT_ICMP_PROT_UNREACHABLE },
	{ "icmp-port-unreachable", "port-unreach", IPT_ICMP_PORT_UNREACHABLE },
	{ "icmp-net-prohibited", "net-prohib", IPT_ICMP_NET_PROHIBITED },
	{ "icmp-host-prohibited", "host-prohib", IPT_ICMP_HOST_PROHIBITED },
	{ "tcp-reset", "tcp-rst", IPT_TCP_RESET },
	{ "icmp-admin-prohibited", "admin-prohib", IPT_ICMP_ADMIN_PROHIBITED },
	{ NULL, NULL, 0 },
};

/* 1.8.9's alias of tcp-reset is tcp-reset itself here (sic). */
static const struct reject_type reject6[] = {
	{ "icmp6-no-route", "no-route", IP6T_ICMP6_NO_ROUTE },
	{ "icmp6-adm-prohibited", "adm-prohibited", IP6T_ICMP6_ADM_PROHIBITED },
	{ "icmp6-addr-unreachable", "addr-unreach", IP6T_ICMP6_ADDR_UNREACH },
	{ "icmp6-port-unreachable", "port-unreach", IP6T_ICMP6_PORT_UNREACH },
	{ "tcp-reset", "tcp-reset", IP6T_TCP_RESET },
	{ "icmp6-policy-fail", "policy-fail", IP6T_ICMP6_POLICY_FAIL },
	{ "icmp6-reject-route", "reject-route", IP6T_ICMP6_REJECT_ROUTE },
	{ NULL, NULL, 0 },
};

static const struct reject_type *table_of(const struct xtn_family *fam)
{
	return fam && fam->af == AF_INET6 ? reject6 : reject4;
}

static bool is_prefix(const char *word, const char *name)
{
	return strncasecmp(name, word, strlen(word)) == 0;
}

/*
 * 1.8.9 takes any case-insensitive prefix of a name or alias and the
 * first entry it fits, so "icmp-host" is host-unreachable and "" is the
 * first type.  A prefix that fits types of different values, or none
 * at all, is refused: it was never a choice the user made.
 */
static const struct reject_type *lookup(const struct reject_type *tbl,
					const char *word)
{
	const struct reject_type *t, *found = NULL;

	if (*word == '\0')
		return NULL;
	for (t = tbl; t->name; t++) {
		if (!is_prefix(word, t->name) && !is_prefix(word, t->alias))
			continue;
		if (found && found->with != t->with)
			return NULL;
		if (!found)
			found = t;
	}
	return found;
}

static int reject_parse(struct xtn_parse *p, void *data)
{
	const struct reject_type *t = lookup(table_of(p->fam), p->arg);
	uint32_t *with = data;	/* the only field of both structs */

	if (t) {
		*with = t->with;
		return 0;
	}
	/* 1.8.9 still explains the type it dropped long ago (ip only) */
	if (table_of(p->fam) == reject4 && (is_prefix(p->arg, "echo-reply") ||
					    is_prefix(p->arg, "echoreply")))
		xtn_warn(&p->ctx->diag,
			 "--reject-with echo-reply no longer supported");
	return xtn_parse_fail(p, XTN_PARAM, "unknown reject type \"%s\"",
			      p->arg);
}

static void reject4_init(void *data, const struct xtn_family *fam)
{
	struct ipt_reject_info *r = data;

	(void)fam;
	r->with = IPT_ICMP_PORT_UNREACHABLE;
}

static void reject6_init(void *data, const struct xtn_family *fam)
{
	struct ip6t_reject_info *r = data;

	(void)fam;
	r->with = IP6T_ICMP6_PORT_UNREACH;
}

static const struct reject_type *by_value(const struct reject_type *tbl,
					  uint32_t with)
{
	for (; tbl->name; tbl++)
		if (tbl->with == with)
			return tbl;
	return NULL;
}

/* A value 1.8.9 has no name for (it would print past its table) makes
 * the rule one we do not show rather than one we misread. */
static int decode_with(const struct reject_type *tbl, void *data,
		       const void *info)
{
	uint32_t with;

	memcpy(&with, info, sizeof(with));
	if (!by_value(tbl, with))
		return -1;
	memcpy(data, &with, sizeof(with));
	return 0;
}

static int reject4_decode_xt(struct xtn_dec *d, void *data, const void *info,
			     size_t len)
{
	(void)d;
	(void)len;
	return decode_with(reject4, data, info);
}

static int reject6_decode_xt(struct xtn_dec *d, void *data, const void *info,
			     size_t len)
{
	(void)d;
	(void)len;
	return decode_with(reject6, data, info);
}

static void put_type(const struct xtn_out *o, const char *word,
		     const void *data)
{
	const struct reject_type *t;
	uint32_t with;

	memcpy(&with, data, sizeof(with));
	t = by_value(table_of(o->fam), with);
	xtn_out_printf(o, "%s%s", word, t ? t->name : "?");
}

static void reject_list(const struct xtn_out *o, const void *data)
{
	put_type(o, " reject-with ", data);
}

static void reject_save(const struct xtn_out *o, const void *data)
{
	put_type(o, " --reject-with ", data);
}

static const struct xtn_optdef reject_opts[] = {
	{ .name = "reject-with", .id = O_REJECT_WITH, .has_arg = 1 },
	{ 0 },
};

#define REJECT_HELP_HEAD \
"REJECT target options:\n" \
"--reject-with type              drop input packet and send back\n" \
"                                a reply packet according to type:\n" \
"Valid reject types:\n"

/* The type list, as 1.8.9 prints it: "%-25s\t" name, then alias. */
const struct xtn_ext xtn_tg_REJECT = {
	.name = "REJECT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct ipt_reject_info),
	.opts = reject_opts,
	.help = REJECT_HELP_HEAD
"    icmp-net-unreachable     \tICMP network unreachable\n"
"    net-unreach              \talias\n"
"    icmp-host-unreachable    \tICMP host unreachable\n"
"    host-unreach             \talias\n"
"    icmp-proto-unreachable   \tICMP protocol unreachable\n"
"    proto-unreach            \talias\n"
"    icmp-port-unreachable    \tICMP port unreachable (default)\n"
"    port-unreach             \talias\n"
"    icmp-net-prohibited      \tICMP network prohibited\n"
"    net-prohib               \talias\n"
"    icmp-host-prohibited     \tICMP host prohibited\n"
"    host-prohib              \talias\n"
"    tcp-reset                \tTCP RST packet\n"
"    tcp-rst                  \talias\n"
"    icmp-admin-prohibited    \tICMP administratively prohibited (*)\n"
"    admin-prohib             \talias\n"
"\n"
"(*) See man page or read the INCOMPATIBILITES file for compatibility issues.\n",
	.init = reject4_init,
	.parse = reject_parse,
	.decode_xt = reject4_decode_xt,
	.save = reject_save,
	.list = reject_list,
	.xt = { .name = "REJECT", .revision = 0,
		.size = sizeof(struct ipt_reject_info) },
};

const struct xtn_ext xtn_tg_REJECT6 = {
	.name = "REJECT",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_reject_info),
	.opts = reject_opts,
	.help = REJECT_HELP_HEAD
"    icmp6-no-route           \tICMPv6 no route\n"
"    no-route                 \talias\n"
"    icmp6-adm-prohibited     \tICMPv6 administratively prohibited\n"
"    adm-prohibited           \talias\n"
"    icmp6-addr-unreachable   \tICMPv6 address unreachable\n"
"    addr-unreach             \talias\n"
"    icmp6-port-unreachable   \tICMPv6 port unreachable\n"
"    port-unreach             \talias\n"
"    tcp-reset                \tTCP RST packet\n"
"    tcp-reset                \talias\n"
"    icmp6-policy-fail        \tICMPv6 policy fail\n"
"    policy-fail              \talias\n"
"    icmp6-reject-route       \tICMPv6 reject route\n"
"    reject-route             \talias\n"
"\n",
	.init = reject6_init,
	.parse = reject_parse,
	.decode_xt = reject6_decode_xt,
	.save = reject_save,
	.list = reject_list,
	.xt = { .name = "REJECT", .revision = 0,
		.size = sizeof(struct ip6t_reject_info) },
};
