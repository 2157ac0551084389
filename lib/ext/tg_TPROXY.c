/*
 * -j TPROXY --on-port port [--on-ip addr] [--tproxy-mark value[/mask]]:
 * hands a packet to a local socket without changing it (mangle
 * PREROUTING only, the kernel checks that and -p tcp/udp).  1.8.9
 * writes revision 1 (xt_tproxy_target_info_v1) in both families;
 * revision 0 (ip only) is read too.
 */
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_TPROXY.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_PORT, O_ADDR, O_MARK };

static const struct xtn_optdef tproxy_opts[] = {
	{ .name = "on-port", .id = O_PORT, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_MAND | XTN_OF_PUT | XTN_OF_NBO, .type = XTN_AT_PORT,
	  .offset = offsetof(struct xt_tproxy_target_info_v1, lport) },
	{ .name = "on-ip", .id = O_ADDR, .has_arg = XTN_REQ_ARG,
	  .flags = XTN_OF_PUT, .type = XTN_AT_HOST,
	  .offset = offsetof(struct xt_tproxy_target_info_v1, laddr),
	  .size = sizeof(union nf_inet_addr) },
	{ .name = "tproxy-mark", .id = O_MARK, .has_arg = XTN_REQ_ARG,
	  .type = XTN_AT_MARKMASK32 },
	{ 0 },
};

/* The struct keeps the mask before the value. */
static int tproxy_parse(struct xtn_parse *p, void *data)
{
	struct xt_tproxy_target_info_v1 *t = data;

	if (p->opt->id == O_MARK) {
		t->mark_value = p->val.u32[0];
		t->mark_mask = p->val.u32[1];
	}
	return 0;
}

/* Revision 0: an IPv4 address only. */
static int tproxy_decode_rev0(struct xtn_dec *d, void *data, const void *info,
			      size_t len)
{
	const struct xt_tproxy_target_info *t0 = info;
	struct xt_tproxy_target_info_v1 *t = data;

	(void)len;	/* checked against the revision's size */
	if (xtn_dec_rule(d)->fam->af != AF_INET)
		return -1;
	t->mark_mask = t0->mark_mask;
	t->mark_value = t0->mark_value;
	t->laddr.ip = t0->laddr;
	t->lport = t0->lport;
	return 0;
}

static const struct xtn_xt_rev tproxy_revs[] = {
	{ .revision = 0, .size = sizeof(struct xt_tproxy_target_info),
	  .decode = tproxy_decode_rev0 },
	{ 0 },
};

static const char *tproxy_addr(const struct xtn_out *o,
			       const struct xt_tproxy_target_info_v1 *t,
			       char *buf, size_t len)
{
	return inet_ntop(o->fam->af, &t->laddr, buf, (socklen_t)len);
}

static void tproxy_list(const struct xtn_out *o, const void *data)
{
	const struct xt_tproxy_target_info_v1 *t = data;
	char a[INET6_ADDRSTRLEN];

	xtn_out_printf(o, " TPROXY redirect %s:%u mark 0x%x/0x%x",
		       tproxy_addr(o, t, a, sizeof(a)), ntohs(t->lport),
		       t->mark_value, t->mark_mask);
}

static void tproxy_save(const struct xtn_out *o, const void *data)
{
	const struct xt_tproxy_target_info_v1 *t = data;
	char a[INET6_ADDRSTRLEN];

	xtn_out_printf(o, " --on-port %u --on-ip %s --tproxy-mark 0x%x/0x%x",
		       ntohs(t->lport), tproxy_addr(o, t, a, sizeof(a)),
		       t->mark_value, t->mark_mask);
}

const struct xtn_ext xtn_tg_TPROXY = {
	.name = "TPROXY",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_tproxy_target_info_v1),
	.opts = tproxy_opts,
	.help =
"TPROXY target options:\n"
"  --on-port port\t\t    Redirect connection to port, or the original port if 0\n"
"  --on-ip ip\t\t\t    Optionally redirect to the given IP\n"
"  --tproxy-mark value[/mask]\t    Mark packets with the given value/mask\n"
"\n",
	.parse = tproxy_parse,
	.save = tproxy_save,
	.list = tproxy_list,
	.xt = { .name = "TPROXY", .revision = 1,
		.size = sizeof(struct xt_tproxy_target_info_v1) },
	.xt_read = tproxy_revs,
};
