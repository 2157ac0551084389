/*
 * -j LOG: the xt_log_info compat blob, rev 0, for both families (1.8.9
 * never writes LOG natively): a syslog level, flag bits and a prefix of
 * at most 29 characters.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_LOG.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>
#include "log_levels.h"

/* Flag options have the id of their XT_LOG_* bit, as in 1.8.9. */
enum {
	O_TCPSEQ = 0,
	O_TCPOPTS = 1,
	O_IPOPTS = 2,
	O_UID = 3,
	O_MAC = 5,
	O_LEVEL,
	O_PREFIX,
};

#define LOG_DEFAULT_LEVEL 4	/* warning */

static const struct xtn_optdef log_opts[] = {
	{ .name = "log-level", .id = O_LEVEL, .has_arg = 1 },
	{ .name = "log-prefix", .id = O_PREFIX, .has_arg = 1 },
	{ .name = "log-tcp-sequence", .id = O_TCPSEQ, .type = XTN_AT_NONE },
	{ .name = "log-tcp-options", .id = O_TCPOPTS, .type = XTN_AT_NONE },
	{ .name = "log-ip-options", .id = O_IPOPTS, .type = XTN_AT_NONE },
	{ .name = "log-uid", .id = O_UID, .type = XTN_AT_NONE },
	{ .name = "log-macdecode", .id = O_MAC, .type = XTN_AT_NONE },
	{ 0 },
};

/* The names 1.8.9 parses (its own table: no "err", "warn" or "none"). */
const struct xtn_sym xtn_log_level_names[] = {
	{ "alert", 1 }, { "crit", 2 }, { "debug", 7 }, { "emerg", 0 },
	{ "error", 3 }, { "info", 6 }, { "notice", 5 }, { "panic", 0 },
	{ "warning", 4 }, { NULL, 0 },
};

static int parse_level(struct xtn_parse *p, struct xt_log_info *l)
{
	const struct xtn_sym *s;
	uint64_t v;

	if (xtn_strtoui(p->arg, NULL, &v, 0, 7)) {
		l->level = (unsigned char)v;
		return 0;
	}
	for (s = xtn_log_level_names; s->name; s++) {
		if (strcmp(s->name, p->arg) == 0) {
			l->level = (unsigned char)s->value;
			return 0;
		}
	}
	return xtn_parse_fail(p, XTN_PARAM, "log level \"%s\" unknown\n", p->arg);
}

/* 1.8.9 cuts a longer prefix to 29 characters silently: refused, in its
 * words for a string option with a maximum. */
static int parse_prefix(struct xtn_parse *p, struct xt_log_info *l)
{
	size_t len = strlen(p->arg);

	if (len < 1)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Argument must have a minimum length of 1 characters\n");
	if (len >= sizeof(l->prefix))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Argument must have a maximum length of %zu characters\n",
				      sizeof(l->prefix) - 1);
	if (strchr(p->arg, '\n'))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Newlines not allowed in --log-prefix");
	memcpy(l->prefix, p->arg, len + 1);
	return 0;
}

static int log_parse(struct xtn_parse *p, void *data)
{
	struct xt_log_info *l = data;

	switch (p->opt->id) {
	case O_LEVEL:
		return parse_level(p, l);
	case O_PREFIX:
		return parse_prefix(p, l);
	default:
		l->logflags |= (unsigned char)(1u << p->opt->id);
		return 0;
	}
}

static void log_init(void *data, const struct xtn_family *fam)
{
	struct xt_log_info *l = data;

	(void)fam;
	l->level = LOG_DEFAULT_LEVEL;
}

static int log_decode_xt(struct xtn_dec *d, void *data, const void *info,
			 size_t len)
{
	struct xt_log_info *l = data;

	(void)d;
	(void)len;
	memcpy(l, info, sizeof(*l));
	l->prefix[sizeof(l->prefix) - 1] = '\0';
	return 0;
}

/* The first name glibc's prioritynames gives a level, as 1.8.9 lists it. */
static const char *level_name(unsigned int level)
{
	static const char *const names[] = {
		"emerg", "alert", "crit", "err", "warn", "notice", "info",
		"debug",
	};

	if (level < XTN_ARRAY_SIZE(names))
		return names[level];
	return level == 0x10 ? "none" : NULL;
}

static const struct {
	unsigned char flag;
	const char *word;
} log_flags[] = {
	{ XT_LOG_TCPSEQ, "tcp-sequence" },
	{ XT_LOG_TCPOPT, "tcp-options" },
	{ XT_LOG_IPOPT, "ip-options" },
	{ XT_LOG_UID, "uid" },
	{ XT_LOG_MACDECODE, "macdecode" },
};

static void log_list(const struct xtn_out *o, const void *data)
{
	const struct xt_log_info *l = data;
	const char *name = level_name(l->level);
	size_t i;

	xtn_out_puts(o, " LOG");
	if (xtn_out_numeric(o)) {
		xtn_out_printf(o, " flags %u level %u", l->logflags, l->level);
	} else {
		if (name)
			xtn_out_printf(o, " level %s", name);
		else
			xtn_out_printf(o, " UNKNOWN level %u", l->level);
		for (i = 0; i < XTN_ARRAY_SIZE(log_flags); i++)
			if (l->logflags & log_flags[i].flag)
				xtn_out_printf(o, " %s", log_flags[i].word);
		if (l->logflags & ~XT_LOG_MASK)
			xtn_out_puts(o, " unknown-flags");
	}
	if (l->prefix[0])
		xtn_out_printf(o, " prefix \"%s\"", l->prefix);
}

static void log_save(const struct xtn_out *o, const void *data)
{
	const struct xt_log_info *l = data;
	size_t i;

	if (l->prefix[0]) {
		xtn_out_puts(o, " --log-prefix");
		xtn_out_quoted(o, l->prefix);
	}
	if (l->level != LOG_DEFAULT_LEVEL)
		xtn_out_printf(o, " --log-level %u", l->level);
	for (i = 0; i < XTN_ARRAY_SIZE(log_flags); i++)
		if (l->logflags & log_flags[i].flag)
			xtn_out_printf(o, " --log-%s", log_flags[i].word);
}

const struct xtn_ext xtn_tg_LOG = {
	.name = "LOG",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_log_info),
	.opts = log_opts,
	.help =
"LOG target options:\n"
" --log-level level\t\tLevel of logging (numeric or see syslog.conf)\n"
" --log-prefix prefix\t\tPrefix log messages with this prefix.\n"
" --log-tcp-sequence\t\tLog TCP sequence numbers.\n"
" --log-tcp-options\t\tLog TCP options.\n"
" --log-ip-options\t\tLog IP options.\n"
" --log-uid\t\t\tLog UID owning the local socket.\n"
" --log-macdecode\t\tDecode MAC addresses and protocol.\n",
	.init = log_init,
	.parse = log_parse,
	.decode_xt = log_decode_xt,
	.save = log_save,
	.list = log_list,
	.xt = { .name = "LOG", .revision = 0,
		.size = sizeof(struct xt_log_info) },
};
