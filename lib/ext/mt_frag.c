/*
 * -m frag (ip6tables): the IPv6 fragment header, the ip6t_frag compat
 * blob (rev 0).  The kernel ignores --fraglen, as 1.8.9's man page says.
 */
#include <stddef.h>
#include <stdint.h>
#include <linux/netfilter_ipv6/ip6t_frag.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>

enum { O_FRAGID, O_FRAGLEN, O_FRAGRES, O_FRAGFIRST, O_FRAGMORE, O_FRAGLAST };

static const struct xtn_optdef frag_opts[] = {
	{ .name = "fragid", .id = O_FRAGID, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32RC,
	  .offset = offsetof(struct ip6t_frag, ids) },
	{ .name = "fraglen", .id = O_FRAGLEN, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct ip6t_frag, hdrlen) },
	{ .name = "fragres", .id = O_FRAGRES, .type = XTN_AT_NONE },
	{ .name = "fragfirst", .id = O_FRAGFIRST, .type = XTN_AT_NONE },
	{ .name = "fragmore", .id = O_FRAGMORE, .type = XTN_AT_NONE,
	  .excl = 1u << O_FRAGLAST },
	{ .name = "fraglast", .id = O_FRAGLAST, .type = XTN_AT_NONE,
	  .excl = 1u << O_FRAGMORE },
	{ 0 },
};

static void frag_init(void *data, const struct xtn_family *fam)
{
	struct ip6t_frag *f = data;

	(void)fam;
	f->ids[1] = UINT32_MAX;	/* no --fragid: any */
}

static int frag_parse(struct xtn_parse *p, void *data)
{
	static const uint8_t flag[] = {
		[O_FRAGID] = IP6T_FRAG_IDS, [O_FRAGLEN] = IP6T_FRAG_LEN,
		[O_FRAGRES] = IP6T_FRAG_RES, [O_FRAGFIRST] = IP6T_FRAG_FST,
		[O_FRAGMORE] = IP6T_FRAG_MF, [O_FRAGLAST] = IP6T_FRAG_NMF,
	};
	struct ip6t_frag *f = data;

	f->flags |= flag[p->opt->id];
	if (p->invert)
		f->invflags |= p->opt->id == O_FRAGID ? IP6T_FRAG_INV_IDS :
							IP6T_FRAG_INV_LEN;
	return 0;
}

static bool ids_any(const struct ip6t_frag *f)
{
	return f->ids[0] == 0 && f->ids[1] == UINT32_MAX &&
	       !(f->invflags & IP6T_FRAG_INV_IDS);
}

static const char *inv(const struct ip6t_frag *f, uint8_t bit, const char *s)
{
	return f->invflags & bit ? s : "";
}

static void frag_list(const struct xtn_out *o, const void *data)
{
	const struct ip6t_frag *f = data;
	const char *i = inv(f, IP6T_FRAG_INV_IDS, "!");

	xtn_out_puts(o, " frag ");
	if (!ids_any(f)) {
		if (f->ids[0] == f->ids[1])
			xtn_out_printf(o, "id:%s%u", i, f->ids[0]);
		else
			xtn_out_printf(o, "ids:%s%u:%u", i, f->ids[0], f->ids[1]);
	}
	if (f->flags & IP6T_FRAG_LEN)
		xtn_out_printf(o, " length:%s%u", inv(f, IP6T_FRAG_INV_LEN, "!"),
			       f->hdrlen);
	if (f->flags & IP6T_FRAG_RES)
		xtn_out_puts(o, " reserved");
	if (f->flags & IP6T_FRAG_FST)
		xtn_out_puts(o, " first");
	if (f->flags & IP6T_FRAG_MF)
		xtn_out_puts(o, " more");
	if (f->flags & IP6T_FRAG_NMF)
		xtn_out_puts(o, " last");
}

/* 1.8.9 drops the ! of "! --fragid 0:4294967295" (a rule that never
 * matches would come back as one that always does): kept here. */
static void frag_save(const struct xtn_out *o, const void *data)
{
	const struct ip6t_frag *f = data;

	if (!ids_any(f)) {
		xtn_out_printf(o, "%s --fragid ", inv(f, IP6T_FRAG_INV_IDS, " !"));
		if (f->ids[0] == f->ids[1])
			xtn_out_printf(o, "%u", f->ids[0]);
		else
			xtn_out_printf(o, "%u:%u", f->ids[0], f->ids[1]);
	}
	if (f->flags & IP6T_FRAG_LEN)
		xtn_out_printf(o, "%s --fraglen %u",
			       inv(f, IP6T_FRAG_INV_LEN, " !"), f->hdrlen);
	if (f->flags & IP6T_FRAG_RES)
		xtn_out_puts(o, " --fragres");
	if (f->flags & IP6T_FRAG_FST)
		xtn_out_puts(o, " --fragfirst");
	if (f->flags & IP6T_FRAG_MF)
		xtn_out_puts(o, " --fragmore");
	if (f->flags & IP6T_FRAG_NMF)
		xtn_out_puts(o, " --fraglast");
}

const struct xtn_ext xtn_mt_frag = {
	.name = "frag",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_frag),
	.opts = frag_opts,
	.help =
"frag match options:\n"
"[!] --fragid id[:id]           match the id (range)\n"
"[!] --fraglen length           total length of this header\n"
" --fragres                     check the reserved field too\n"
" --fragfirst                   matches on the first fragment\n"
" [--fragmore|--fraglast]       there are more fragments or this\n"
"                               is the last one\n",
	.init = frag_init,
	.parse = frag_parse,
	.save = frag_save,
	.list = frag_list,
	.xt = { .name = "frag", .revision = 0,
		.size = sizeof(struct ip6t_frag) },
};
