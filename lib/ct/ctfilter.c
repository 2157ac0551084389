/*
 * The template a conntrack command builds from its options (what -I sends,
 * what -G asks for, what -L/-D/-E compare entries with) and the userspace
 * filters conntrack-tools applies on top of nfct_cmp(): NAT, mark and
 * address/prefix.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack_tcp.h>
#include <xtnft/ct.h>
#include <xtnft/ctrun.h>
#include <xtnft/util.h>

struct xtn_ct_filter {
	const struct xtn_ct_cmd *c;
	struct nf_conntrack *tmpl;
	/* -s/-d with a prefix: address & mask, compared apart */
	bool net_src, net_dst;
	uint8_t src_net[16], dst_net[16];
};

static void set_addr(struct nf_conntrack *ct, const struct xtn_ct_addr *a,
		     enum nf_conntrack_attr v4, enum nf_conntrack_attr v6,
		     enum nf_conntrack_attr l3)
{
	if (a->family == AF_INET6)
		nfct_set_attr(ct, v6, a->a);
	else
		nfct_set_attr(ct, v4, a->a);
	if (l3 != ATTR_MAX)
		nfct_set_attr_u8(ct, l3, a->family);
}

static void tmpl_addrs(struct xtn_ct_filter *f, struct nf_conntrack *ct)
{
	const struct xtn_ct_cmd *c = f->c;

	if (c->options & XTN_CTO_ORIG_SRC)
		set_addr(ct, &c->orig_src, ATTR_ORIG_IPV4_SRC,
			 ATTR_ORIG_IPV6_SRC, ATTR_ORIG_L3PROTO);
	if (c->options & XTN_CTO_ORIG_DST)
		set_addr(ct, &c->orig_dst, ATTR_ORIG_IPV4_DST,
			 ATTR_ORIG_IPV6_DST, ATTR_ORIG_L3PROTO);
	if (c->options & XTN_CTO_REPL_SRC)
		set_addr(ct, &c->repl_src, ATTR_REPL_IPV4_SRC,
			 ATTR_REPL_IPV6_SRC, ATTR_REPL_L3PROTO);
	if (c->options & XTN_CTO_REPL_DST)
		set_addr(ct, &c->repl_dst, ATTR_REPL_IPV4_DST,
			 ATTR_REPL_IPV6_DST, ATTR_REPL_L3PROTO);
	if (c->snat.family)
		set_addr(ct, &c->snat, ATTR_SNAT_IPV4, ATTR_SNAT_IPV6,
			 ATTR_ORIG_L3PROTO);
	if (c->dnat.family)
		set_addr(ct, &c->dnat, ATTR_DNAT_IPV4, ATTR_DNAT_IPV6,
			 ATTR_ORIG_L3PROTO);
	if (c->has_snat_port)
		nfct_set_attr_u16(ct, ATTR_SNAT_PORT, htons(c->snat_port));
	if (c->has_dnat_port)
		nfct_set_attr_u16(ct, ATTR_DNAT_PORT, htons(c->dnat_port));
}

/* --state sets the protocol's own state attribute */
int xtn_ct_state_attr(int protonum)
{
	switch (protonum) {
	case IPPROTO_SCTP: return ATTR_SCTP_STATE;
	case IPPROTO_DCCP: return ATTR_DCCP_STATE;
	default: return ATTR_TCP_STATE;
	}
}

static void tmpl_l4(const struct xtn_ct_cmd *c, struct nf_conntrack *ct)
{
	static const enum nf_conntrack_attr port_attr[] = {
		ATTR_ORIG_PORT_SRC, ATTR_ORIG_PORT_DST,
		ATTR_REPL_PORT_SRC, ATTR_REPL_PORT_DST,
	};
	uint8_t pn = (uint8_t)c->protonum;
	unsigned int i;

	if (c->options & XTN_CTO_PROTO)
		nfct_set_attr_u8(ct, ATTR_L4PROTO, pn);
	for (i = 0; i < 4; i++) {
		if (!(c->l4flags & (1u << i)))
			continue;
		nfct_set_attr_u16(ct, port_attr[i], htons((uint16_t)c->l4[i]));
		nfct_set_attr_u8(ct, i < 2 ? ATTR_ORIG_L4PROTO : ATTR_REPL_L4PROTO,
				 pn);
	}
	if (c->l4flags & (1u << XTN_CTL4_STATE))
		nfct_set_attr_u8(ct, (enum nf_conntrack_attr)xtn_ct_state_attr(pn), (uint8_t)c->l4[XTN_CTL4_STATE]);
	if (c->l4flags & (1u << XTN_CTL4_ORIG_VTAG))
		nfct_set_attr_u32(ct, ATTR_SCTP_VTAG_ORIG, htonl(c->l4[XTN_CTL4_ORIG_VTAG]));
	if (c->l4flags & (1u << XTN_CTL4_REPL_VTAG))
		nfct_set_attr_u32(ct, ATTR_SCTP_VTAG_REPL, htonl(c->l4[XTN_CTL4_REPL_VTAG]));
	if (c->l4flags & (1u << XTN_CTL4_ROLE))
		nfct_set_attr_u8(ct, ATTR_DCCP_ROLE, (uint8_t)c->l4[XTN_CTL4_ROLE]);
	if (c->l4flags & (1u << XTN_CTL4_ICMP_TYPE))
		nfct_set_attr_u8(ct, ATTR_ICMP_TYPE, (uint8_t)c->l4[XTN_CTL4_ICMP_TYPE]);
	if (c->l4flags & (1u << XTN_CTL4_ICMP_CODE))
		nfct_set_attr_u8(ct, ATTR_ICMP_CODE, (uint8_t)c->l4[XTN_CTL4_ICMP_CODE]);
	if (c->l4flags & (1u << XTN_CTL4_ICMP_ID))
		nfct_set_attr_u16(ct, ATTR_ICMP_ID, htons((uint16_t)c->l4[XTN_CTL4_ICMP_ID]));
	/* a reply tuple given (-r/-q) carries the protocol too, ports or
	 * not (the kernel refuses a reply tuple of protocol 0) */
	if ((c->options & XTN_CTO_PROTO) &&
	    nfct_attr_is_set(ct, ATTR_REPL_L3PROTO))
		nfct_set_attr_u8(ct, ATTR_REPL_L4PROTO, pn);
}

/* tcp's final_check: entries made by hand skip window tracking, and one
 * in TIME_WAIT or later may be reopened (RFC 1122) */
static void tmpl_tcp_flags(const struct xtn_ct_cmd *c, struct nf_conntrack *ct)
{
	uint8_t fl = IP_CT_TCP_FLAG_BE_LIBERAL | IP_CT_TCP_FLAG_SACK_PERM;

	if (!c->proto || c->proto->protonum != IPPROTO_TCP ||
	    (c->command & XTN_CT_HELP))
		return;
	if (nfct_get_attr_u8(ct, ATTR_TCP_STATE) >= TCP_CONNTRACK_TIME_WAIT)
		fl |= IP_CT_TCP_FLAG_CLOSE_INIT;
	nfct_set_attr_u8(ct, ATTR_TCP_FLAGS_ORIG, fl);
	nfct_set_attr_u8(ct, ATTR_TCP_MASK_ORIG, fl);
	nfct_set_attr_u8(ct, ATTR_TCP_FLAGS_REPL, fl);
	nfct_set_attr_u8(ct, ATTR_TCP_MASK_REPL, fl);
}

struct nfct_bitmask *xtn_ct_label_mask(const uint32_t bits[4])
{
	struct nfct_bitmask *b = nfct_bitmask_new(127);
	unsigned int i;

	for (i = 0; b && i < 128; i++)
		if (bits[i / 32] & (1u << (i % 32)))
			nfct_bitmask_set_bit(b, i);
	return b;
}

/* conntrack-tools' copy_label(): add the bits to ct's, or take them
 * (all of them without names) away; an entry without labels gets the
 * added ones */
void xtn_ct_label_modify(const struct xtn_ct_cmd *c, struct nf_conntrack *tmp,
			 const struct nf_conntrack *ct)
{
	const struct nfct_bitmask *old = nfct_get_attr(ct, ATTR_CONNLABELS);
	struct nfct_bitmask *b;
	unsigned int i, max;

	if (!(c->options & (XTN_CTO_ADD_LABEL | XTN_CTO_DEL_LABEL)))
		return;
	if (!old) {
		if ((c->options & XTN_CTO_ADD_LABEL) &&
		    (b = xtn_ct_label_mask(c->label_mod)) != NULL)
			nfct_set_attr(tmp, ATTR_CONNLABELS, b);
		return;
	}
	b = nfct_bitmask_clone(old);
	if (!b)
		return;
	max = nfct_bitmask_maxbit(b);
	for (i = 0; i <= max && i < 128; i++) {
		bool named = c->label_mod[i / 32] & (1u << (i % 32));

		if ((c->options & XTN_CTO_ADD_LABEL) && named)
			nfct_bitmask_set_bit(b, i);
		else if ((c->options & XTN_CTO_DEL_LABEL) &&
			 (named || c->label_mod_all))
			nfct_bitmask_unset_bit(b, i);
	}
	nfct_set_attr(tmp, ATTR_CONNLABELS, b);
}

static void tmpl_meta(const struct xtn_ct_cmd *c, struct nf_conntrack *ct)
{
	struct nfct_bitmask *b;

	/* what -I gives a new entry */
	if ((c->options & XTN_CTO_ADD_LABEL) &&
	    (b = xtn_ct_label_mask(c->label_mod)) != NULL)
		nfct_set_attr(ct, ATTR_CONNLABELS, b);
	if (c->options & XTN_CTO_TIMEOUT)
		nfct_set_attr_u32(ct, ATTR_TIMEOUT, c->timeout);
	if (c->options & XTN_CTO_STATUS)
		nfct_set_attr_u32(ct, ATTR_STATUS, c->status);
	if (c->options & XTN_CTO_SECMARK)
		nfct_set_attr_u32(ct, ATTR_SECMARK, c->secmark);
	if (c->options & XTN_CTO_ID)
		nfct_set_attr_u32(ct, ATTR_ID, c->id);
	if (c->options & XTN_CTO_ZONE)
		nfct_set_attr_u16(ct, ATTR_ZONE, c->zone);
	if (c->options & XTN_CTO_ORIG_ZONE)
		nfct_set_attr_u16(ct, ATTR_ORIG_ZONE, c->orig_zone);
	if (c->options & XTN_CTO_REPL_ZONE)
		nfct_set_attr_u16(ct, ATTR_REPL_ZONE, c->repl_zone);
}

/* nfct_filter_init(): a prefix is compared as a network, so the exact
 * address leaves the template */
static void prefix_filters(struct xtn_ct_filter *f)
{
	const struct xtn_ct_cmd *c = f->c;
	bool six = c->family == AF_INET6;
	unsigned int i;

	if (!(c->command & (XTN_CT_LIST | XTN_CT_DELETE | XTN_CT_UPDATE |
			    XTN_CT_EVENT)))
		return;
	if ((c->options & XTN_CTO_MASK_SRC) && c->has_mask_src) {
		f->net_src = true;
		for (i = 0; i < 16; i++)
			f->src_net[i] = c->orig_src.a[i] & c->mask_src.a[i];
		nfct_attr_unset(f->tmpl, six ? ATTR_ORIG_IPV6_SRC : ATTR_ORIG_IPV4_SRC);
	}
	if ((c->options & XTN_CTO_MASK_DST) && c->has_mask_dst) {
		f->net_dst = true;
		for (i = 0; i < 16; i++)
			f->dst_net[i] = c->orig_dst.a[i] & c->mask_dst.a[i];
		nfct_attr_unset(f->tmpl, six ? ATTR_ORIG_IPV6_DST : ATTR_ORIG_IPV4_DST);
	}
}

struct xtn_ct_filter *xtn_ct_filter_new(const struct xtn_ct_cmd *c)
{
	struct xtn_ct_filter *f = xtn_xzalloc(sizeof(*f));

	f->c = c;
	f->tmpl = nfct_new();
	if (!f->tmpl) {
		free(f);
		return NULL;
	}
	tmpl_addrs(f, f->tmpl);
	tmpl_l4(c, f->tmpl);
	tmpl_meta(c, f->tmpl);
	tmpl_tcp_flags(c, f->tmpl);
	prefix_filters(f);
	return f;
}

void xtn_ct_filter_free(struct xtn_ct_filter *f)
{
	if (!f)
		return;
	nfct_destroy(f->tmpl);
	free(f);
}

struct nf_conntrack *xtn_ct_filter_tmpl(const struct xtn_ct_filter *f)
{
	return f->tmpl;
}

/* one direction of --src-nat/--dst-nat: 1 when ct is NATed that way (and
 * to the address/port given, if any) */
static int nat_dir(const struct nf_conntrack *t, const struct nf_conntrack *ct,
		   bool src)
{
	enum nf_conntrack_attr aattr = src ? ATTR_SNAT_IPV4 : ATTR_DNAT_IPV4;
	enum nf_conntrack_attr pattr = src ? ATTR_SNAT_PORT : ATTR_DNAT_PORT;
	int is_nat = nfct_getobjopt(ct, src ? NFCT_GOPT_IS_SNAT : NFCT_GOPT_IS_DNAT);
	int is_pat = nfct_getobjopt(ct, src ? NFCT_GOPT_IS_SPAT : NFCT_GOPT_IS_DPAT);
	bool check_addr = false, check_port = false;
	int has = 0;

	if (nfct_attr_is_set(t, aattr)) {
		check_addr = true;
		if (is_nat && nfct_get_attr_u32(t, aattr) ==
		    nfct_get_attr_u32(ct, src ? ATTR_REPL_IPV4_DST : ATTR_REPL_IPV4_SRC))
			has = 1;
	}
	if (nfct_attr_is_set(t, pattr)) {
		int ok = is_pat && nfct_get_attr_u16(t, pattr) ==
			 nfct_get_attr_u16(ct, src ? ATTR_REPL_PORT_DST : ATTR_REPL_PORT_SRC);

		check_port = true;
		if (check_addr && has && !ok)
			has = 0;
		if (!check_addr && ok)
			has = 1;
	}
	if (!check_addr && !check_port && (is_nat || is_pat))
		has = 1;
	return has;
}

/* 1 when ct is filtered out (conntrack-tools' filter_nat()) */
static int filter_nat(const struct xtn_ct_filter *f, const struct nf_conntrack *ct)
{
	uint32_t o = f->c->options;
	bool any = o & XTN_CTO_ANY_NAT;
	int s = 0, d = 0;

	if (any || (o & XTN_CTO_SRC_NAT))
		s = nat_dir(f->tmpl, ct, true);
	if (any || (o & XTN_CTO_DST_NAT))
		d = nat_dir(f->tmpl, ct, false);
	if (any)
		return !(s || d);
	if ((o & XTN_CTO_SRC_NAT) && (o & XTN_CTO_DST_NAT))
		return !(s && d);
	if (o & XTN_CTO_SRC_NAT)
		return !s;
	if (o & XTN_CTO_DST_NAT)
		return !d;
	return 0;
}

static int filter_net(const struct xtn_ct_filter *f, const struct nf_conntrack *ct,
		      bool src)
{
	const struct xtn_ct_cmd *c = f->c;
	const struct xtn_ct_addr *m = src ? &c->mask_src : &c->mask_dst;
	const uint8_t *net = src ? f->src_net : f->dst_net;
	const uint8_t *a;
	bool six = c->family == AF_INET6;
	unsigned int i, n = six ? 16 : 4;

	if (nfct_get_attr_u8(ct, ATTR_ORIG_L3PROTO) != c->family)
		return 1;
	a = nfct_get_attr(ct, six ? (src ? ATTR_ORIG_IPV6_SRC : ATTR_ORIG_IPV6_DST)
				  : (src ? ATTR_ORIG_IPV4_SRC : ATTR_ORIG_IPV4_DST));
	if (!a)
		return 1;
	for (i = 0; i < n; i++)
		if ((a[i] & m->a[i]) != net[i])
			return 1;
	return 0;
}

/* -l: ct has every bit named */
static bool filter_label(const struct xtn_ct_cmd *c, const struct nf_conntrack *ct)
{
	const struct nfct_bitmask *b;
	unsigned int i;

	if (!(c->options & XTN_CTO_LABEL))
		return true;
	b = nfct_get_attr(ct, ATTR_CONNLABELS);
	for (i = 0; i < 128; i++) {
		if (!(c->label[i / 32] & (1u << (i % 32))))
			continue;
		if (!b || i > nfct_bitmask_maxbit(b) || !nfct_bitmask_test_bit(b, i))
			return false;
	}
	return true;
}

int xtn_ct_filter_match(const struct xtn_ct_filter *f,
			const struct nf_conntrack *ct)
{
	const struct xtn_ct_cmd *c = f->c;

	if (filter_nat(f, ct) || !filter_label(c, ct))
		return 0;
	if ((c->options & XTN_CTO_MARK) &&
	    !(nfct_attr_is_set(ct, ATTR_MARK) &&
	      (nfct_get_attr_u32(ct, ATTR_MARK) & c->mark_mask) == c->mark))
		return 0;
	if (f->net_src && filter_net(f, ct, true))
		return 0;
	if (f->net_dst && filter_net(f, ct, false))
		return 0;
	if ((c->options & XTN_CTO_COMPARISON) &&
	    !nfct_cmp(f->tmpl, ct, NFCT_CMP_ALL | NFCT_CMP_MASK))
		return 0;
	return 1;
}
