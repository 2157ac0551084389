/*
 * conntrack's entry lines.  The default, extended, xml, id and ktimestamp
 * forms are libnetfilter_conntrack's own nfct_snprintf(), as conntrack-tools
 * prints them; -o save is conntrack-tools' own replayable form.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <xtnft/ct.h>
#include <xtnft/ctrun.h>
#include <xtnft/util.h>

void xtn_ct_print(struct xtn_strbuf *out, const struct xtn_ct_cmd *c,
		  const struct nf_conntrack *ct, unsigned int type)
{
	xtn_ct_print_labels(out, c, ct, type, NULL);
}

void xtn_ct_print_labels(struct xtn_strbuf *out, const struct xtn_ct_cmd *c,
			 const struct nf_conntrack *ct, unsigned int type,
			 struct nfct_labelmap *map)
{
	unsigned int op_type = NFCT_O_DEFAULT, flags = 0;
	char buf[4096];

	if (c->output & XTN_CTOUT_SAVE) {
		xtn_ct_print_save(out, ct, type);
		return;
	}
	if (c->output & XTN_CTOUT_XML)
		op_type = NFCT_O_XML;
	if (c->output & XTN_CTOUT_EXT)
		flags = NFCT_OF_SHOW_LAYER3;
	if ((c->output & XTN_CTOUT_TMS) && (c->output & XTN_CTOUT_XML) &&
	    (c->command & XTN_CT_EVENT))
		flags |= NFCT_OF_TIME;
	if ((c->output & XTN_CTOUT_KTMS) && !(c->command & XTN_CT_DELETE))
		flags |= NFCT_OF_TIMESTAMP;
	if (c->output & XTN_CTOUT_ID)
		flags |= NFCT_OF_ID;
	if (op_type == NFCT_O_DEFAULT && xtn_ct_line(out, ct, type, flags))
		return;
	nfct_snprintf_labels(buf, sizeof(buf), ct, type ? type : NFCT_T_UNKNOWN,
			     op_type, flags, map);
	xtn_strbuf_puts(out, buf);
}

/* "NAME VALUE " for one attribute, if ct has it */
static void save_u32(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		     const char *name, enum nf_conntrack_attr a)
{
	if (nfct_attr_is_set(ct, a) > 0)
		xtn_strbuf_printf(out, "%s %u ", name, nfct_get_attr_u32(ct, a));
}

static void save_u16(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		     const char *name, enum nf_conntrack_attr a, bool be)
{
	uint16_t v;

	if (nfct_attr_is_set(ct, a) <= 0)
		return;
	v = nfct_get_attr_u16(ct, a);
	xtn_strbuf_printf(out, "%s %u ", name, be ? ntohs(v) : v);
}

static void save_u8(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		    const char *name, enum nf_conntrack_attr a)
{
	if (nfct_attr_is_set(ct, a) > 0)
		xtn_strbuf_printf(out, "%s %u ", name, nfct_get_attr_u8(ct, a));
}

static void save_addr(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		      const char *name, enum nf_conntrack_attr a, int af)
{
	char s[INET6_ADDRSTRLEN] = "";

	if (nfct_attr_is_set(ct, a) <= 0)
		return;
	inet_ntop(af, nfct_get_attr(ct, a), s, sizeof(s));
	xtn_strbuf_printf(out, "%s %s ", name, s);
}

/* -u: the status bits conntrack-tools names, in bit order */
static void save_status(struct xtn_strbuf *out, const struct nf_conntrack *ct)
{
	static const char *const names[] = {
		[0] = "EXPECTED", [1] = "SEEN_REPLY", [2] = "ASSURED",
		[10] = "FIXED_TIMEOUT",
	};
	uint32_t st;
	bool any = false;
	unsigned int i;

	if (nfct_attr_is_set(ct, ATTR_STATUS) <= 0)
		return;
	st = nfct_get_attr_u32(ct, ATTR_STATUS);
	xtn_strbuf_puts(out, "-u ");
	for (i = 0; i < XTN_ARRAY_SIZE(names); i++) {
		if (!(st & (1u << i)) || !names[i])
			continue;
		xtn_strbuf_printf(out, "%s%s", any ? "," : "", names[i]);
		any = true;
	}
	xtn_strbuf_puts(out, any ? " " : "UNSET ");
}

static void save_tuples(struct xtn_strbuf *out, const struct nf_conntrack *ct,
			int af)
{
	bool six = af == AF_INET6;

	save_addr(out, ct, "-s", six ? ATTR_ORIG_IPV6_SRC : ATTR_ORIG_IPV4_SRC, af);
	save_addr(out, ct, "-d", six ? ATTR_ORIG_IPV6_DST : ATTR_ORIG_IPV4_DST, af);
	save_addr(out, ct, nfct_getobjopt(ct, NFCT_GOPT_IS_DNAT) ? "-g" : "-r",
		  six ? ATTR_REPL_IPV6_SRC : ATTR_REPL_IPV4_SRC, af);
	save_addr(out, ct, nfct_getobjopt(ct, NFCT_GOPT_IS_SNAT) ? "-n" : "-q",
		  six ? ATTR_REPL_IPV6_DST : ATTR_REPL_IPV4_DST, af);
}

static void save_be32(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		      const char *name, enum nf_conntrack_attr a)
{
	if (nfct_attr_is_set(ct, a) > 0)
		xtn_strbuf_printf(out, "%s %u ", name,
				  ntohl(nfct_get_attr_u32(ct, a)));
}

static void save_ports(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		       bool keys)
{
	save_u16(out, ct, keys ? "--srckey" : "--sport", ATTR_ORIG_PORT_SRC, true);
	save_u16(out, ct, keys ? "--dstkey" : "--dport", ATTR_ORIG_PORT_DST, true);
	save_u16(out, ct, keys ? "--reply-key-src" : "--reply-port-src",
		 ATTR_REPL_PORT_SRC, true);
	save_u16(out, ct, keys ? "--reply-key-dst" : "--reply-port-dst",
		 ATTR_REPL_PORT_DST, true);
}

/* a word of a table for a u8 attribute; conntrack-tools prints what its
 * table has, NULL past it */
static void save_word(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		      const char *name, enum nf_conntrack_attr a,
		      const char *const *words, unsigned int n)
{
	uint8_t s;

	if (nfct_attr_is_set(ct, a) <= 0)
		return;
	s = nfct_get_attr_u8(ct, a);
	xtn_strbuf_printf(out, "%s %s ", name, s < n ? words[s] : "(null)");
}

static void save_l4(struct xtn_strbuf *out, const struct nf_conntrack *ct)
{
	static const char *const roles[] = { "client", "server" };
	uint8_t pn = nfct_get_attr_u8(ct, ATTR_L4PROTO);
	const struct xtn_ct_proto *h = xtn_ct_proto_by_num(pn);
	const char *six = pn == IPPROTO_ICMPV6 ? "v6" : "";
	char name[32];

	if (!h) {
		xtn_strbuf_printf(out, "-p %u ", pn);
		return;
	}
	xtn_strbuf_printf(out, "-p %s ", h->name);
	if (h->states || h->keys || h->protonum == IPPROTO_UDP ||
	    h->protonum == IPPROTO_UDPLITE)
		save_ports(out, ct, h->keys);
	if (h->states)
		save_word(out, ct, "--state",
			  (enum nf_conntrack_attr)xtn_ct_state_attr(pn),
			  h->states, h->nstates);
	if (pn == IPPROTO_SCTP) {
		save_be32(out, ct, "--orig-vtag", ATTR_SCTP_VTAG_ORIG);
		save_be32(out, ct, "--reply-vtag", ATTR_SCTP_VTAG_REPL);
	}
	if (pn == IPPROTO_DCCP)
		save_word(out, ct, "--role", ATTR_DCCP_ROLE, roles, 2);
	if (pn != IPPROTO_ICMP && pn != IPPROTO_ICMPV6)
		return;
	snprintf(name, sizeof(name), "--icmp%s-type", six);
	save_u8(out, ct, name, ATTR_ICMP_TYPE);
	snprintf(name, sizeof(name), "--icmp%s-code", six);
	save_u8(out, ct, name, ATTR_ICMP_CODE);
	snprintf(name, sizeof(name), "--icmp%s-id", six);
	save_u16(out, ct, name, ATTR_ICMP_ID, true);
}

void xtn_ct_print_save(struct xtn_strbuf *out, const struct nf_conntrack *ct,
		       unsigned int type)
{
	size_t start = out->len;
	uint8_t l3;

	if (type == NFCT_T_NEW)
		xtn_strbuf_puts(out, "-A ");
	else if (type == NFCT_T_UPDATE)
		xtn_strbuf_puts(out, "-U ");
	else if (type == NFCT_T_DESTROY)
		xtn_strbuf_puts(out, "-D ");
	save_u32(out, ct, "-t", ATTR_TIMEOUT);
	save_status(out, ct);
	save_u32(out, ct, "-c", ATTR_SECMARK);
	save_u16(out, ct, "-w", ATTR_ZONE, false);
	save_u16(out, ct, "--orig-zone", ATTR_ORIG_ZONE, false);
	save_u16(out, ct, "--reply-zone", ATTR_REPL_ZONE, false);
	l3 = nfct_get_attr_u8(ct, ATTR_ORIG_L3PROTO);
	if (!l3)
		l3 = nfct_get_attr_u8(ct, ATTR_REPL_L3PROTO);
	if (l3 != AF_INET && l3 != AF_INET6) {
		/* conntrack-tools warns on stderr and prints an empty line */
		xtn_strbuf_truncate(out, start);
		return;
	}
	save_tuples(out, ct, l3);
	save_l4(out, ct);
	while (out->len > start && out->buf[out->len - 1] == ' ')
		xtn_strbuf_truncate(out, out->len - 1);
}
