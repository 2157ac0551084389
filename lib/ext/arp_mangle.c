/*
 * arptables -j mangle: rewrite the ARP sender/target addresses, then
 * ACCEPT, DROP or CONTINUE.  The struct arpt_mangle blob (target rev 0),
 * parsed as 1.8.9's libarpt_mangle: the last of a repeated option wins,
 * an address may be a host name (its first address).  The kernel wants
 * at least one address to rewrite.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter_arp/arpt_mangle.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

enum { O_IPS, O_IPT, O_DEVS, O_DEVT, O_TARGET };

static const struct xtn_optdef mangle_opts[] = {
	{ .name = "mangle-ip-s", .id = O_IPS, .has_arg = 1, .flags = XTN_OF_MULTI },
	{ .name = "mangle-ip-d", .id = O_IPT, .has_arg = 1, .flags = XTN_OF_MULTI },
	{ .name = "mangle-mac-s", .id = O_DEVS, .has_arg = 1, .flags = XTN_OF_MULTI },
	{ .name = "mangle-mac-d", .id = O_DEVT, .has_arg = 1, .flags = XTN_OF_MULTI },
	{ .name = "mangle-target", .id = O_TARGET, .has_arg = 1, .flags = XTN_OF_MULTI },
	{ 0 },
};

static void mangle_init(void *data, const struct xtn_family *fam)
{
	struct arpt_mangle *m = data;

	(void)fam;
	m->target = NF_ACCEPT;
}

/* xtables_ipparse_any: one word, no list; a name's first address.  A
 * mask is refused (1.8.9 keeps the masked address). */
static int parse_ip(struct xtn_parse *p, struct in_addr *out)
{
	struct xtn_addr_list l = { 0 };

	if (strpbrk(p->arg, ",/"))
		return xtn_parse_fail(p, XTN_PARAM, "host/network `%s' not found",
				      p->arg);
	if (xtn_addr_parse_multiple(p->arg, AF_INET, p->ctx->resolver, &l,
				    &p->ctx->diag, &p->loc) < 0)
		return -1;
	*out = l.v[0].addr.v4;
	xtn_addr_list_fini(&l);
	return 0;
}

static int parse_mac(struct xtn_parse *p, char *out, const char *which)
{
	uint8_t mac[6];

	if (!xtn_mac_parse(p->arg, mac))
		return xtn_parse_fail(p, XTN_PARAM, "invalid %s MAC", which);
	memcpy(out, mac, sizeof(mac));
	return 0;
}

static int parse_target(struct xtn_parse *p, struct arpt_mangle *m)
{
	if (!strcmp(p->arg, "DROP"))
		m->target = NF_DROP;
	else if (!strcmp(p->arg, "ACCEPT"))
		m->target = NF_ACCEPT;
	else if (!strcmp(p->arg, "CONTINUE"))
		m->target = XT_CONTINUE;
	else
		return xtn_parse_fail(p, XTN_PARAM,
				      "bad target for --mangle-target");
	return 0;
}

static int mangle_parse(struct xtn_parse *p, void *data)
{
	struct arpt_mangle *m = data;

	switch (p->opt->id) {
	case O_IPS:
		m->flags |= ARPT_MANGLE_SIP;
		return parse_ip(p, &m->u_s.src_ip);
	case O_IPT:
		m->flags |= ARPT_MANGLE_TIP;
		return parse_ip(p, &m->u_t.tgt_ip);
	case O_DEVS:
		m->flags |= ARPT_MANGLE_SDEV;
		return parse_mac(p, m->src_devaddr, "source");
	case O_DEVT:
		m->flags |= ARPT_MANGLE_TDEV;
		return parse_mac(p, m->tgt_devaddr, "target");
	}
	return parse_target(p, m);
}

static void print_ip(const struct xtn_out *o, const char *opt,
		     const struct in_addr *a)
{
	union xtn_inaddr u = { .v4 = *a };
	char buf[1100];

	xtn_out_printf(o, " %s %s", opt, xtn_out_addr4(o, &u, buf, sizeof(buf)));
}

static void print_mac(const struct xtn_out *o, const char *opt,
		      const char *mac)
{
	const uint8_t *b = (const uint8_t *)mac;

	xtn_out_printf(o, " %s %02x:%02x:%02x:%02x:%02x:%02x", opt, b[0],
		       b[1], b[2], b[3], b[4], b[5]);
}

/* 1.8.9's order; its save prints host names too, xtnft's is numeric. */
static void mangle_print(const struct xtn_out *o, const void *data)
{
	const struct arpt_mangle *m = data;

	if (m->flags & ARPT_MANGLE_SIP)
		print_ip(o, "--mangle-ip-s", &m->u_s.src_ip);
	if (m->flags & ARPT_MANGLE_SDEV)
		print_mac(o, "--mangle-mac-s", m->src_devaddr);
	if (m->flags & ARPT_MANGLE_TIP)
		print_ip(o, "--mangle-ip-d", &m->u_t.tgt_ip);
	if (m->flags & ARPT_MANGLE_TDEV)
		print_mac(o, "--mangle-mac-d", m->tgt_devaddr);
	if (m->target != NF_ACCEPT)
		xtn_out_printf(o, " --mangle-target %s",
			       m->target == NF_DROP ? "DROP" : "CONTINUE");
}

const struct xtn_ext xtn_arp_mangle = {
	.name = "mangle",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_ARP,
	.data_size = sizeof(struct arpt_mangle),
	.opts = mangle_opts,
	.help =
"mangle target options:\n"
"--mangle-ip-s IP address\n"
"--mangle-ip-d IP address\n"
"--mangle-mac-s MAC address\n"
"--mangle-mac-d MAC address\n"
"--mangle-target target (DROP, CONTINUE or ACCEPT -- default is ACCEPT)\n",
	.init = mangle_init,
	.parse = mangle_parse,
	.save = mangle_print,
	.list = mangle_print,
	.xt = { .name = "mangle", .revision = 0,
		.size = sizeof(struct arpt_mangle) },
};
