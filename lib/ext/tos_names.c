/* RFC 1349 TOS symbols (tos_names.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "tos_names.h"

static const struct {
	const char *name;
	uint8_t value;
} names[] = {
	{ "Minimize-Delay", 0x10 }, { "Maximize-Throughput", 0x08 },
	{ "Maximize-Reliability", 0x04 }, { "Minimize-Cost", 0x02 },
	{ "Normal-Service", 0x00 },
};

bool xtn_tos_parse(const char *s, uint8_t def_mask, uint8_t *value,
		   uint8_t *mask)
{
	uint64_t v, m = def_mask;
	char *end;
	size_t i;

	if (xtn_strtoui(s, &end, &v, 0, UINT8_MAX) &&
	    (*end == '\0' || (*end == '/' &&
			      xtn_strtoui(end + 1, &end, &m, 0, UINT8_MAX) &&
			      *end == '\0'))) {
		*value = (uint8_t)v;
		*mask = (uint8_t)m;
		return true;
	}
	for (i = 0; i < XTN_ARRAY_SIZE(names); i++) {
		if (strcasecmp(names[i].name, s) == 0) {
			*value = names[i].value;
			*mask = 0x3f;
			return true;
		}
	}
	return false;
}

const char *xtn_tos_name(uint8_t value, uint8_t mask)
{
	size_t i;

	if (mask != 0x3f)
		return NULL;
	for (i = 0; i < XTN_ARRAY_SIZE(names); i++)
		if (names[i].value == value)
			return names[i].name;
	return NULL;
}

void xtn_tos_help(struct xtn_strbuf *out)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(names); i++)
		xtn_strbuf_printf(out, "                          (0x%02x) %2u %s\n",
				  names[i].value, names[i].value, names[i].name);
}
