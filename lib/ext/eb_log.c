/*
 * The ebtables log watcher (--log, --log-level, --log-prefix, --log-ip,
 * --log-arp, --log-ip6): the "log" compat target (rev 0, ebt_log_info)
 * placed before the rule's counter, so the rule's own target still
 * applies.  1.8.9 always lists the level ("--log-level notice").
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter_bridge/ebt_log.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/util.h>
#include "eb_misc.h"
#include "log_levels.h"

enum { O_LOG, O_LEVEL, O_PREFIX, O_IP, O_ARP, O_IP6 };

#define LOG_DEFAULT_LEVEL 5	/* notice */

static const struct xtn_optdef log_opts[] = {
	{ .name = "log", .id = O_LOG },
	{ .name = "log-level", .id = O_LEVEL, .has_arg = 1 },
	{ .name = "log-prefix", .id = O_PREFIX, .has_arg = 1 },
	{ .name = "log-ip", .id = O_IP },
	{ .name = "log-arp", .id = O_ARP },
	{ .name = "log-ip6", .id = O_IP6 },
	{ 0 },
};

static void log_init(void *data, const struct xtn_family *fam)
{
	struct ebt_log_info *l = data;

	(void)fam;
	l->loglevel = LOG_DEFAULT_LEVEL;
}

/* 0-7 read as hex (one digit: as decimal), or a name of the LOG
 * target's table but "panic", which libebt_log's own table lacks. */
static int parse_level(struct xtn_parse *p, struct ebt_log_info *l)
{
	const struct xtn_sym *s;
	char *end;
	long v = strtol(p->arg, &end, 16);

	if (*end == '\0' && end != p->arg && v >= 0 && v <= 7) {
		l->loglevel = (uint8_t)v;
		return 0;
	}
	for (s = xtn_log_level_names; s->name; s++) {
		if (strcmp(s->name, p->arg) == 0 && strcmp(s->name, "panic") != 0) {
			l->loglevel = (uint8_t)s->value;
			return 0;
		}
	}
	return xtn_parse_fail(p, XTN_PARAM, "Problem with the log-level");
}

/* The prefix is listed between double quotes, so it may hold none. */
static int parse_prefix(struct xtn_parse *p, struct ebt_log_info *l)
{
	size_t len = strlen(p->arg);

	if (len > sizeof(l->prefix) - 1)
		return xtn_parse_fail(p, XTN_PARAM, "Prefix too long");
	if (strchr(p->arg, '"'))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Use of \\\" is not allowed in the prefix");
	memset(l->prefix, 0, sizeof(l->prefix));
	memcpy(l->prefix, p->arg, len);
	return 0;
}

/*
 * A `!` on any log option gets 1.8.9's words for it, which name the
 * nflog watcher: 1.8.9 offers every watcher option to nflog first.  Flag
 * options may repeat, as in 1.8.9; a second level or prefix (where the
 * last one wins in 1.8.9) is refused.
 */
static int log_parse(struct xtn_parse *p, void *data)
{
	static const uint32_t bits[] = {
		[O_IP] = EBT_LOG_IP, [O_ARP] = EBT_LOG_ARP, [O_IP6] = EBT_LOG_IP6,
	};
	struct ebt_log_info *l = data;

	if (p->invert)
		return xtn_parse_fail(p, XTN_PARAM,
				      "The use of '!' makes no sense for the nflog watcher");
	switch (p->opt->id) {
	case O_LEVEL:
		return xtn_eb_once(p) < 0 ? -1 : parse_level(p, l);
	case O_PREFIX:
		return xtn_eb_once(p) < 0 ? -1 : parse_prefix(p, l);
	case O_LOG:
		return 0;
	default:
		l->bitmask |= bits[p->opt->id];
		return 0;
	}
}

static void log_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_log_info *l = data;
	const struct xtn_sym *s;

	for (s = xtn_log_level_names; s->name; s++)
		if (s->value == l->loglevel)
			break;
	if (s->name)
		xtn_out_printf(o, " --log-level %s", s->name);
	else
		xtn_out_printf(o, " --log-level %u", l->loglevel);
	if (l->prefix[0])
		xtn_eb_put_prefix(o, "log-prefix", (const char *)l->prefix,
				  sizeof(l->prefix));
	if (l->bitmask & EBT_LOG_IP)
		xtn_out_puts(o, " --log-ip");
	if (l->bitmask & EBT_LOG_ARP)
		xtn_out_puts(o, " --log-arp");
	if (l->bitmask & EBT_LOG_IP6)
		xtn_out_puts(o, " --log-ip6");
}

const struct xtn_ext xtn_eb_log = {
	.name = "log",
	.kind = XTN_EXT_WATCHER,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_log_info),
	.opts = log_opts,
	.legacy = true,
	.help =
"log options:\n"
"--log               : use this if you're not specifying anything\n"
"--log-level level   : level = [1-8] or a string\n"
"--log-prefix prefix : max. 29 chars.\n"
"--log-ip            : put ip info. in the log for ip packets\n"
"--log-arp           : put (r)arp info. in the log for (r)arp packets\n"
"--log-ip6           : put ip6 info. in the log for ip6 packets\n"
"0 = emerg\n"
"1 = alert\n"
"2 = crit\n"
"3 = error\n"
"4 = warning\n"
"5 = notice\n"
"6 = info\n"
"7 = debug\n",
	.init = log_init,
	.parse = log_parse,
	.save = log_save,
	.list = log_save,
	.xt = { .name = "log", .revision = 0,
		.size = sizeof(struct ebt_log_info) },
};
