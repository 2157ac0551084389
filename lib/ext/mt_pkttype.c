/*
 * -m pkttype --pkt-type TYPE: the xt_pkttype_info compat blob (rev 0), as
 * 1.8.9 writes it.  nft's own "meta pkttype" compare reads back as this
 * match too, as 1.8.9 lists it.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <linux/if_packet.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/xt_pkttype.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

enum { O_PKTTYPE };

extern const struct xtn_ext xtn_mt_pkttype;

static const struct xtn_optdef pkttype_opts[] = {
	{ .name = "pkt-type", .id = O_PKTTYPE, .has_arg = 1,
	  .flags = XTN_OF_MAND | XTN_OF_INVERT },
	{ 0 },
};

/* The names 1.8.9 reads; the first of each value is the one it prints,
 * and only those have a line in the help. */
static const struct {
	const char *name;
	int type;
	const char *help;
} types[] = {
	{ "unicast", PACKET_HOST, "to us" },
	{ "broadcast", PACKET_BROADCAST, "to all" },
	{ "multicast", PACKET_MULTICAST, "to group" },
	{ "otherhost", PACKET_OTHERHOST, "to someone else" },
	{ "bcast", PACKET_BROADCAST, NULL },
	{ "mcast", PACKET_MULTICAST, NULL },
	{ "host", PACKET_HOST, NULL },
};

static int pkttype_parse(struct xtn_parse *p, void *data)
{
	struct xt_pkttype_info *m = data;
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(types); i++) {
		if (strcasecmp(types[i].name, p->arg) == 0) {
			m->pkttype = types[i].type;
			m->invert = p->invert;
			return 0;
		}
	}
	return xtn_parse_fail(p, XTN_PARAM, "Bad packet type '%s'", p->arg);
}

/* nft's "meta pkttype [!=] V": a one-byte compare. */
static int pkttype_decode_rel(struct xtn_dec *d, const struct xtn_rel *rel)
{
	struct xt_pkttype_info *m;

	if (rel->f.kind != XTN_FIELD_META || rel->f.key != NFT_META_PKTTYPE)
		return 0;
	if (rel->f.masked || rel->len != 1 ||
	    (rel->op != XTN_OP_EQ && rel->op != XTN_OP_NEQ))
		return -1;
	m = xtn_dec_claim(d, &xtn_mt_pkttype, 1);
	if (!m)
		return -1;
	m->pkttype = rel->data[0];
	m->invert = rel->op == XTN_OP_NEQ;
	return 1;
}

static void put_type(const struct xtn_out *o, int type)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(types); i++) {
		if (types[i].type == type) {
			xtn_out_puts(o, types[i].name);
			return;
		}
	}
	xtn_out_printf(o, "%d", type);
}

static void pkttype_list(const struct xtn_out *o, const void *data)
{
	const struct xt_pkttype_info *m = data;

	xtn_out_puts(o, m->invert ? " PKTTYPE != " : " PKTTYPE = ");
	put_type(o, m->pkttype);
}

static void pkttype_save(const struct xtn_out *o, const void *data)
{
	const struct xt_pkttype_info *m = data;

	xtn_out_puts(o, m->invert ? " ! --pkt-type " : " --pkt-type ");
	put_type(o, m->pkttype);
}

/* Any non-zero invert is an inversion to the kernel. */
static bool pkttype_equal(const void *a, const void *b)
{
	const struct xt_pkttype_info *x = a, *y = b;

	return x->pkttype == y->pkttype && !x->invert == !y->invert;
}

static void pkttype_help_more(struct xtn_strbuf *out)
{
	size_t i;

	xtn_strbuf_puts(out, "Valid packet types:\n");
	for (i = 0; i < XTN_ARRAY_SIZE(types); i++)
		if (types[i].help)
			xtn_strbuf_printf(out, "\t%-14s\t\t%s\n",
					  types[i].name, types[i].help);
	xtn_strbuf_puts(out, "\n");
}

const struct xtn_ext xtn_mt_pkttype = {
	.name = "pkttype",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_pkttype_info),
	.opts = pkttype_opts,
	.help =
"pkttype match options:\n"
"[!] --pkt-type packettype    match packet type\n",
	.help_more = pkttype_help_more,
	.parse = pkttype_parse,
	.claims = XTN_CLAIM_META,
	.claim_meta = UINT64_C(1) << NFT_META_PKTTYPE,
	.decode_rel = pkttype_decode_rel,
	.save = pkttype_save,
	.list = pkttype_list,
	.equal = pkttype_equal,
	.xt = { .name = "pkttype", .revision = 0,
		.size = sizeof(struct xt_pkttype_info) },
};
