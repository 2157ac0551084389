/*
 * ebtables' stp match (--stp-type, --stp-flags and the fields of a
 * configuration BPDU: priorities, addresses, cost, port and timers): the
 * ebt_stp_info compat blob, as ebtables-nft 1.8.9 writes it.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter_bridge/ebt_stp.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/util.h>
#include "ebt_shared.h"

/* option ids: the bit positions of EBT_STP_* */
enum { O_TYPE, O_FLAGS, O_RPRIO, O_RADDR, O_RCOST, O_SPRIO, O_SADDR, O_PORT,
       O_MSGAGE, O_MAXAGE, O_HTIME, O_FWDD, O_NUM };

#define OPT(n, i) { .name = n, .id = i, .has_arg = 1, .flags = XTN_OF_INVERT }
static const struct xtn_optdef stp_opts[] = {
	OPT("stp-type", O_TYPE),
	OPT("stp-flags", O_FLAGS),
	OPT("stp-root-prio", O_RPRIO),
	OPT("stp-root-addr", O_RADDR),
	OPT("stp-root-cost", O_RCOST),
	OPT("stp-sender-prio", O_SPRIO),
	OPT("stp-sender-addr", O_SADDR),
	OPT("stp-port", O_PORT),
	OPT("stp-msg-age", O_MSGAGE),
	OPT("stp-max-age", O_MAXAGE),
	OPT("stp-hello-time", O_HTIME),
	OPT("stp-forward-delay", O_FWDD),
	{ 0 },
};
#undef OPT

/* A byte with two names: the BPDU type and the flags. */
struct named_byte {
	const char *names[2];
	uint8_t values[2];
	const char *bad;
};

static const struct named_byte bpdu_type = {
	{ "config", "tcn" }, { 0x00, 0x80 }, "Bad --stp-type argument",
};
static const struct named_byte bpdu_flags = {
	{ "topology-change", "topology-change-ack" }, { 0x01, 0x80 },
	"Bad --stp-flags argument",
};

/* A range field of the configuration BPDU, by option id. */
struct range_field {
	uint16_t lo, hi;	/* offsets in struct ebt_stp_info */
	uint8_t bytes;		/* 2 or 4 */
	const char *bad;	/* 1.8.9's message, its "port-range" too */
};

#define RANGE(f, n, msg) { offsetof(struct ebt_stp_info, config.f##l), \
			   offsetof(struct ebt_stp_info, config.f##u), n, msg }
static const struct range_field ranges[O_NUM] = {
	[O_RPRIO] = RANGE(root_prio, 2, "Bad --stp-root-prio range"),
	[O_RCOST] = RANGE(root_cost, 4, "Bad --stp-root-cost range"),
	[O_SPRIO] = RANGE(sender_prio, 2, "Bad --stp-sender-prio range"),
	[O_PORT] = RANGE(port, 2, "Bad --stp-port-range"),
	[O_MSGAGE] = RANGE(msg_age, 2, "Bad --stp-msg-age range"),
	[O_MAXAGE] = RANGE(max_age, 2, "Bad --stp-max-age range"),
	[O_HTIME] = RANGE(hello_time, 2, "Bad --stp-hello-time range"),
	[O_FWDD] = RANGE(forward_delay, 2, "Bad --stp-forward-delay range"),
};
#undef RANGE

static int parse_named(struct xtn_parse *p, const struct named_byte *nb,
		       uint8_t *out)
{
	uint64_t v;
	int i;

	/* strtol's base 0: 0x80 and 0200 are 128 too */
	if (xtn_ebt_number(p->arg, 0, UINT8_MAX, &v)) {
		*out = (uint8_t)v;
		return 0;
	}
	for (i = 0; i < 2; i++) {
		if (strcasecmp(p->arg, nb->names[i]) == 0) {
			*out = nb->values[i];
			return 0;
		}
	}
	return xtn_parse_fail(p, XTN_PARAM, "%s", nb->bad);
}

/* "n", "lo:hi", ":hi" (from 0) or "lo:" (to the field's maximum). */
static bool read_range(const char *arg, uint64_t max, uint64_t v[2])
{
	char *lo = xtn_xstrdup(arg), *hi = strchr(lo, ':');
	bool ok;

	if (!hi) {
		ok = xtn_ebt_number(lo, 10, max, &v[0]);
		v[1] = v[0];
	} else {
		*hi++ = '\0';
		v[0] = 0;
		v[1] = max;
		ok = (!*lo || xtn_ebt_number(lo, 10, max, &v[0])) &&
		     (!*hi || xtn_ebt_number(hi, 10, max, &v[1])) &&
		     v[0] <= v[1];
	}
	free(lo);
	return ok;
}

static void put_field(void *data, uint16_t offset, uint8_t bytes, uint64_t v)
{
	uint16_t v16 = (uint16_t)v;
	uint32_t v32 = (uint32_t)v;

	memcpy((uint8_t *)data + offset, bytes == 2 ? (void *)&v16 : (void *)&v32,
	       bytes);
}

/* 1.8.9 reads each bound with strtoul into 32 bits before it checks it,
 * so "4294967296" is 0 and "" is 0 to it: refused here, same message. */
static int parse_range(struct xtn_parse *p, void *data)
{
	const struct range_field *r = &ranges[p->opt->id];
	uint64_t v[2];

	if (!read_range(p->arg, r->bytes == 2 ? UINT16_MAX : UINT32_MAX, v))
		return xtn_parse_fail(p, XTN_PARAM, "%s", r->bad);
	put_field(data, r->lo, r->bytes, v[0]);
	put_field(data, r->hi, r->bytes, v[1]);
	return 0;
}

static int parse_addr(struct xtn_parse *p, char *mac, char *msk)
{
	if (xtn_ebt_parse_mac(p->arg, (uint8_t *)mac, (uint8_t *)msk) < 0)
		return xtn_parse_fail(p, XTN_PARAM, "Bad --%s address",
				      p->opt->name);
	return 0;
}

static int parse_value(struct xtn_parse *p, struct ebt_stp_info *info)
{
	struct ebt_stp_config_info *c = &info->config;

	switch (p->opt->id) {
	case O_TYPE:
		return parse_named(p, &bpdu_type, &info->type);
	case O_FLAGS:
		return parse_named(p, &bpdu_flags, &c->flags);
	case O_RADDR:
		return parse_addr(p, c->root_addr, c->root_addrmsk);
	case O_SADDR:
		return parse_addr(p, c->sender_addr, c->sender_addrmsk);
	}
	return parse_range(p, info);
}

XTN_EBT_FLAGGED_PARSE(stp_parse, struct ebt_stp_info, parse_value)

static void save_named(const struct xtn_out *o, const struct named_byte *nb,
		       uint8_t v)
{
	if (v == nb->values[0] || v == nb->values[1])
		xtn_out_printf(o, " %s", nb->names[v == nb->values[0] ? 0 : 1]);
	else
		xtn_out_printf(o, " %u", v);
}

static uint32_t get_field(const void *data, uint16_t offset, uint8_t bytes)
{
	uint16_t v16;
	uint32_t v32;

	if (bytes == 2) {
		memcpy(&v16, (const uint8_t *)data + offset, 2);
		return v16;
	}
	memcpy(&v32, (const uint8_t *)data + offset, 4);
	return v32;
}

static void save_value(const struct xtn_out *o, const struct ebt_stp_info *info,
		       unsigned int id)
{
	const struct ebt_stp_config_info *c = &info->config;
	const struct range_field *r = &ranges[id];

	switch (id) {
	case O_TYPE:
		save_named(o, &bpdu_type, info->type);
		return;
	case O_FLAGS:
		save_named(o, &bpdu_flags, c->flags);
		return;
	case O_RADDR:
		xtn_ebt_save_mac(o, (const uint8_t *)c->root_addr,
				 (const uint8_t *)c->root_addrmsk);
		return;
	case O_SADDR:
		xtn_ebt_save_mac(o, (const uint8_t *)c->sender_addr,
				 (const uint8_t *)c->sender_addrmsk);
		return;
	}
	xtn_ebt_save_range(o, get_field(info, r->lo, r->bytes),
			   get_field(info, r->hi, r->bytes));
}

/* In bit order, each with its negation inside ("--stp-type ! tcn"). */
static void stp_save(const struct xtn_out *o, const void *data)
{
	const struct ebt_stp_info *info = data;
	unsigned int id;

	for (id = 0; id < O_NUM; id++)
		if (xtn_ebt_save_opt(o, info->bitmask, info->invflags, 1u << id,
				     stp_opts[id].name))
			save_value(o, info, id);
}

const struct xtn_ext xtn_eb_stp = {
	.name = "stp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_BRIDGE,
	.data_size = sizeof(struct ebt_stp_info),
	.opts = stp_opts,
	.legacy = true,
	.help =
"stp options:\n"
"--stp-type type                  : BPDU type\n"
"--stp-flags flag                 : control flag\n"
"--stp-root-prio prio[:prio]      : root priority (16-bit) range\n"
"--stp-root-addr address[/mask]   : MAC address of root\n"
"--stp-root-cost cost[:cost]      : root cost (32-bit) range\n"
"--stp-sender-prio prio[:prio]    : sender priority (16-bit) range\n"
"--stp-sender-addr address[/mask] : MAC address of sender\n"
"--stp-port port[:port]           : port id (16-bit) range\n"
"--stp-msg-age age[:age]          : message age timer (16-bit) range\n"
"--stp-max-age age[:age]          : maximum age timer (16-bit) range\n"
"--stp-hello-time time[:time]     : hello time timer (16-bit) range\n"
"--stp-forward-delay delay[:delay]: forward delay timer (16-bit) range\n"
" Recognized BPDU type strings:\n"
"   \"config\": configuration BPDU (=0)\n"
"   \"tcn\"   : topology change notification BPDU (=0x80)\n"
" Recognized control flag strings:\n"
"   \"topology-change\"    : topology change flag (0x01)\n"
"   \"topology-change-ack\": topology change acknowledgement flag (0x80)\n",
	.parse = stp_parse,
	.save = stp_save,
	.list = stp_save,
	.xt = { .name = "stp", .revision = 0,
		.size = sizeof(struct ebt_stp_info) },
};
