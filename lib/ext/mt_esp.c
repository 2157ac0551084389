/*
 * -m esp [!] --espspi SPI[:SPI]: the xt_esp compat blob (rev 0), both
 * families.  The kernel only takes it with -p esp.
 */
#include <stddef.h>
#include <stdint.h>
#include <linux/netfilter/xt_esp.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>

enum { O_ESPSPI };

static const struct xtn_optdef esp_opts[] = {
	{ .name = "espspi", .id = O_ESPSPI, .has_arg = 1,
	  .flags = XTN_OF_INVERT | XTN_OF_PUT, .type = XTN_AT_UINT32RC,
	  .offset = offsetof(struct xt_esp, spis) },
	{ 0 },
};

static void esp_init(void *data, const struct xtn_family *fam)
{
	struct xt_esp *e = data;

	(void)fam;
	e->spis[1] = UINT32_MAX;	/* no --espspi: any */
}

static int esp_parse(struct xtn_parse *p, void *data)
{
	struct xt_esp *e = data;

	if (p->invert)
		e->invflags |= XT_ESP_INV_SPI;
	return 0;
}

static bool is_any(const struct xt_esp *e)
{
	return e->spis[0] == 0 && e->spis[1] == UINT32_MAX &&
	       !(e->invflags & XT_ESP_INV_SPI);
}

static void esp_list(const struct xtn_out *o, const void *data)
{
	const struct xt_esp *e = data;
	const char *inv = e->invflags & XT_ESP_INV_SPI ? "!" : "";

	xtn_out_puts(o, " esp");
	if (is_any(e))
		return;
	if (e->spis[0] == e->spis[1])
		xtn_out_printf(o, " spi:%s%u", inv, e->spis[0]);
	else
		xtn_out_printf(o, " spis:%s%u:%u", inv, e->spis[0], e->spis[1]);
}

/* 1.8.9 drops the ! of "! --espspi 0:4294967295" (a rule that never
 * matches would come back as one that always does): kept here. */
static void esp_save(const struct xtn_out *o, const void *data)
{
	const struct xt_esp *e = data;

	if (is_any(e))
		return;
	xtn_out_puts(o, e->invflags & XT_ESP_INV_SPI ? " ! --espspi " :
						       " --espspi ");
	if (e->spis[0] == e->spis[1])
		xtn_out_printf(o, "%u", e->spis[0]);
	else
		xtn_out_printf(o, "%u:%u", e->spis[0], e->spis[1]);
}

const struct xtn_ext xtn_mt_esp = {
	.name = "esp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_esp),
	.opts = esp_opts,
	.help =
"esp match options:\n"
"[!] --espspi spi[:spi]\n"
"\t\t\t\tmatch spi (range)\n",
	.init = esp_init,
	.parse = esp_parse,
	.save = esp_save,
	.list = esp_list,
	.xt = { .name = "esp", .revision = 0, .size = sizeof(struct xt_esp) },
};
