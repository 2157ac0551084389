/*
 * -m ah: two kernel structs of one name.  iptables: ipt_ah (--ahspi only;
 * the kernel takes it with -p ah); ip6tables: ip6t_ah (--ahspi, --ahlen,
 * --ahres; it finds the header itself).  Both rev 0.
 */
#include <stddef.h>
#include <stdint.h>
#include <linux/netfilter_ipv4/ipt_ah.h>
#include <linux/netfilter_ipv6/ip6t_ah.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>

enum { O_AHSPI, O_AHLEN, O_AHRES };

/* Both structs start with spis[2]; the SPI code works on that part. */
static bool spis_any(const uint32_t spis[2], bool inv)
{
	return spis[0] == 0 && spis[1] == UINT32_MAX && !inv;
}

static void list_spis(const struct xtn_out *o, const uint32_t spis[2],
		      bool inv)
{
	const char *bang = inv ? "!" : "";

	xtn_out_puts(o, " ah ");
	if (spis_any(spis, inv))
		return;
	if (spis[0] == spis[1])
		xtn_out_printf(o, "spi:%s%u", bang, spis[0]);
	else
		xtn_out_printf(o, "spis:%s%u:%u", bang, spis[0], spis[1]);
}

/* 1.8.9 drops the ! of "! --ahspi 0:4294967295" (a rule that never
 * matches would come back as one that always does): kept here. */
static void save_spis(const struct xtn_out *o, const uint32_t spis[2],
		      bool inv)
{
	if (spis_any(spis, inv))
		return;
	xtn_out_puts(o, inv ? " ! --ahspi " : " --ahspi ");
	if (spis[0] == spis[1])
		xtn_out_printf(o, "%u", spis[0]);
	else
		xtn_out_printf(o, "%u:%u", spis[0], spis[1]);
}

static void ah_init(void *data, const struct xtn_family *fam)
{
	uint32_t *spis = data;	/* spis[] is first in both structs */

	(void)fam;
	spis[1] = UINT32_MAX;	/* no --ahspi: any */
}

/* iptables: ipt_ah */

static const struct xtn_optdef ah_opts[] = {
	{ .name = "ahspi", .id = O_AHSPI, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32RC,
	  .offset = offsetof(struct ipt_ah, spis) },
	{ 0 },
};

static int ah_parse(struct xtn_parse *p, void *data)
{
	struct ipt_ah *a = data;

	if (p->invert)
		a->invflags |= IPT_AH_INV_SPI;
	return 0;
}

static void ah_list(const struct xtn_out *o, const void *data)
{
	const struct ipt_ah *a = data;

	list_spis(o, a->spis, a->invflags & IPT_AH_INV_SPI);
}

static void ah_save(const struct xtn_out *o, const void *data)
{
	const struct ipt_ah *a = data;

	save_spis(o, a->spis, a->invflags & IPT_AH_INV_SPI);
}

const struct xtn_ext xtn_mt_ah = {
	.name = "ah",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV4,
	.data_size = sizeof(struct ipt_ah),
	.opts = ah_opts,
	.help =
"ah match options:\n"
"[!] --ahspi spi[:spi]\n"
"\t\t\t\tmatch spi (range)\n",
	.init = ah_init,
	.parse = ah_parse,
	.save = ah_save,
	.list = ah_list,
	.xt = { .name = "ah", .revision = 0, .size = sizeof(struct ipt_ah) },
};

/* ip6tables: ip6t_ah */

static const struct xtn_optdef ah6_opts[] = {
	{ .name = "ahspi", .id = O_AHSPI, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32RC,
	  .offset = offsetof(struct ip6t_ah, spis) },
	{ .name = "ahlen", .id = O_AHLEN, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct ip6t_ah, hdrlen) },
	{ .name = "ahres", .id = O_AHRES, .type = XTN_AT_NONE },
	{ 0 },
};

static int ah6_parse(struct xtn_parse *p, void *data)
{
	struct ip6t_ah *a = data;

	switch (p->opt->id) {
	case O_AHSPI:
		if (p->invert)
			a->invflags |= IP6T_AH_INV_SPI;
		break;
	case O_AHLEN:
		if (p->invert)
			a->invflags |= IP6T_AH_INV_LEN;
		break;
	default:
		a->hdrres = 1;
		break;
	}
	return 0;
}

/* a length of 0 is no length check in the kernel, shown only inverted */
static bool has_len(const struct ip6t_ah *a)
{
	return a->hdrlen != 0 || (a->invflags & IP6T_AH_INV_LEN);
}

static void ah6_list(const struct xtn_out *o, const void *data)
{
	const struct ip6t_ah *a = data;

	list_spis(o, a->spis, a->invflags & IP6T_AH_INV_SPI);
	if (has_len(a))
		xtn_out_printf(o, "length:%s%u",
			       a->invflags & IP6T_AH_INV_LEN ? "!" : "",
			       a->hdrlen);
	if (a->hdrres)
		xtn_out_puts(o, " reserved");
}

static void ah6_save(const struct xtn_out *o, const void *data)
{
	const struct ip6t_ah *a = data;

	save_spis(o, a->spis, a->invflags & IP6T_AH_INV_SPI);
	if (has_len(a))
		xtn_out_printf(o, "%s --ahlen %u",
			       a->invflags & IP6T_AH_INV_LEN ? " !" : "",
			       a->hdrlen);
	if (a->hdrres)
		xtn_out_puts(o, " --ahres");
}

const struct xtn_ext xtn_mt_ah6 = {
	.name = "ah",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_IPV6,
	.data_size = sizeof(struct ip6t_ah),
	.opts = ah6_opts,
	.help =
"ah match options:\n"
"[!] --ahspi spi[:spi]          match spi (range)\n"
"[!] --ahlen length             total length of this header\n"
" --ahres                       check the reserved field too\n",
	.init = ah_init,
	.parse = ah6_parse,
	.save = ah6_save,
	.list = ah6_list,
	.xt = { .name = "ah", .revision = 0, .size = sizeof(struct ip6t_ah) },
};
