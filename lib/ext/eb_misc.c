/* Option checks, verdicts and MAC addresses of ebtables' extensions. */
#include <netinet/in.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter_bridge/ebtables.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "eb_misc.h"

int xtn_eb_once(struct xtn_parse *p)
{
	if (p->inst->seen & (1u << p->opt->id))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Multiple use of same option not allowed");
	return 0;
}

int xtn_eb_no_invert(struct xtn_parse *p)
{
	if (p->invert)
		return xtn_parse_fail(p, XTN_PARAM, "Unexpected `!' after --%s",
				      p->opt->name);
	return 0;
}

static const struct {
	const char *name;
	int verdict;
} verdicts[] = {
	{ "ACCEPT", EBT_ACCEPT }, { "DROP", EBT_DROP },
	{ "CONTINUE", EBT_CONTINUE }, { "RETURN", EBT_RETURN },
};

int xtn_eb_parse_target(struct xtn_parse *p, int *target, int keep_high)
{
	size_t i;

	if (xtn_eb_once(p) < 0 || xtn_eb_no_invert(p) < 0)
		return -1;
	for (i = 0; i < XTN_ARRAY_SIZE(verdicts); i++) {
		if (strcmp(p->arg, verdicts[i].name) != 0)
			continue;
		if (keep_high)
			*target = (*target & ~EBT_VERDICT_BITS) |
				  (verdicts[i].verdict & EBT_VERDICT_BITS);
		else
			*target = verdicts[i].verdict;
		return 0;
	}
	return xtn_parse_fail(p, XTN_PARAM, "Illegal --%s target", p->opt->name);
}

const char *xtn_eb_target_name(int verdict)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(verdicts); i++)
		if (verdicts[i].verdict == verdict)
			return verdicts[i].name;
	return "UNKNOWN";
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* glibc's ether_aton grammar: six bytes of one or two hex digits joined
 * by ':'; the end is checked here, not by it. */
int xtn_eb_parse_ether(const char *s, uint8_t mac[6])
{
	int i, hi, lo;

	for (i = 0; i < 6; i++) {
		hi = hexval(*s++);
		if (hi < 0)
			return -1;
		if (*s && *s != ':') {
			lo = hexval(*s++);
			if (lo < 0)
				return -1;
			hi = hi << 4 | lo;
		}
		if (*s != (i < 5 ? ':' : '\0'))
			return -1;
		mac[i] = (uint8_t)hi;
		s++;
	}
	return 0;
}

void xtn_eb_put_ether(const struct xtn_out *o, const uint8_t mac[6])
{
	xtn_out_printf(o, " %02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		       mac[2], mac[3], mac[4], mac[5]);
}

void xtn_eb_put_prefix(const struct xtn_out *o, const char *opt,
		       const char *prefix, size_t len)
{
	size_t i;

	xtn_out_printf(o, " --%s \"", opt);
	for (i = 0; i < len && prefix[i]; i++)
		xtn_out_printf(o, "%s%c",
			       prefix[i] == '"' || prefix[i] == '\\' ? "\\" : "",
			       prefix[i]);
	xtn_out_puts(o, "\"");
}
