/*
 * -m hashlimit: per-flow rate limits, the xt_hashlimit_mtinfo3 compat blob
 * (rev 3, as 1.8.9 writes it for both families); revisions 1 and 2 are
 * still read.  Rates are packets per time (avg in 1/1000000 s) or, written
 * "Nb/s" with k/m prefixes, bytes per second (avg then is a cost).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <math.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_hashlimit.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

enum {
	O_UPTO, O_ABOVE, O_MODE, O_SRCMASK, O_DSTMASK, O_NAME, O_BURST,
	O_SIZE, O_MAX, O_GCINT, O_EXPIRE, O_RATEMATCH, O_INTERVAL,
};

#define F(o) (1u << (o))

#define BURST_DEFAULT 5
#define BURST_MAX 1000000
#define GCINTERVAL_DEFAULT 1000		/* ms */
#define BYTE_EXPIRE 15			/* s */
#define BYTE_EXPIRE_BURST 60		/* s */

/* The blob, and what 1.8.9 keeps beside it while parsing (its udata):
 * the seconds of the rate's unit, for the defaults set at the end. */
struct hashlimit_data {
	struct xt_hashlimit_mtinfo3 info;
	uint32_t mult;
};

#define CFG(field) offsetof(struct hashlimit_data, info.cfg.field)
/* 1.8.9's order: it decides which name its messages give first */
static const struct xtn_optdef hashlimit_opts[] = {
	{ .name = "hashlimit-upto", .id = O_UPTO, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F(O_ABOVE) },
	{ .name = "hashlimit-above", .id = O_ABOVE, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F(O_UPTO) },
	{ .name = "hashlimit", .id = O_UPTO, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = F(O_ABOVE) },	/* old name */
	{ .name = "hashlimit-srcmask", .id = O_SRCMASK, .has_arg = 1,
	  .type = XTN_AT_PLEN },
	{ .name = "hashlimit-dstmask", .id = O_DSTMASK, .has_arg = 1,
	  .type = XTN_AT_PLEN },
	{ .name = "hashlimit-burst", .id = O_BURST, .has_arg = 1 },
	{ .name = "hashlimit-htable-size", .id = O_SIZE, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32, .offset = CFG(size) },
	{ .name = "hashlimit-htable-max", .id = O_MAX, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32, .offset = CFG(max) },
	{ .name = "hashlimit-htable-gcinterval", .id = O_GCINT, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = CFG(gc_interval) },
	{ .name = "hashlimit-htable-expire", .id = O_EXPIRE, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32, .offset = CFG(expire) },
	{ .name = "hashlimit-mode", .id = O_MODE, .has_arg = 1 },
	{ .name = "hashlimit-name", .id = O_NAME, .has_arg = 1,
	  .flags = XTN_OF_MAND, .type = XTN_AT_STRING,
	  .offset = offsetof(struct hashlimit_data, info.name),
	  .size = sizeof(((struct xt_hashlimit_mtinfo3 *)0)->name) },
	{ .name = "hashlimit-rate-match", .id = O_RATEMATCH,
	  .type = XTN_AT_NONE },
	/* without --hashlimit-rate-match 1.8.9 stores it, lists a rate
	 * scaled by it and saves neither: required here */
	{ .name = "hashlimit-rate-interval", .id = O_INTERVAL, .has_arg = 1,
	  .also = F(O_RATEMATCH) },
	{ 0 },
};
#undef CFG

static unsigned int full_mask(const struct xtn_family *fam)
{
	return fam && fam->af == AF_INET6 ? 128 : 32;
}

static void hashlimit_init(void *data, const struct xtn_family *fam)
{
	struct hashlimit_cfg3 *cfg = &((struct hashlimit_data *)data)->info.cfg;

	cfg->burst = BURST_DEFAULT;
	cfg->gc_interval = GCINTERVAL_DEFAULT;
	cfg->srcmask = cfg->dstmask = (uint8_t)full_mask(fam);
}

static int bad_value(struct xtn_parse *p)
{
	return xtn_parse_fail(p, XTN_PARAM,
			      "hashlimit: Bad value for \"--%s\" option: \"%s\"",
			      p->opt->name, p->arg);
}

/* The kernel's cost of one byte per second at this rate (1.8.9's
 * bytes_to_cost) and back. */
static uint64_t bytes_to_cost(uint64_t bytes)
{
	uint32_t r = (uint32_t)(bytes >> XT_HASHLIMIT_BYTE_SHIFT);

	return UINT32_MAX / (r + 1);
}

static uint64_t cost_to_bytes(uint64_t cost)
{
	uint64_t r = cost ? UINT32_MAX / cost : UINT32_MAX;

	return (r - 1) << XT_HASHLIMIT_BYTE_SHIFT;
}

/* "N[k|m]b/s"; 0 if the word is no byte rate.  1.8.9 takes any text
 * around a "b/s" ("1xb/s" is 1b/s) and wraps rates past 64 GiB/s into
 * slow ones: refused. */
static int parse_bytes(struct xtn_parse *p, struct hashlimit_data *d)
{
	const char *bs = strstr(p->arg, "b/s"), *end;
	uint64_t n, factor = 1;

	if (!bs || bs == p->arg)
		return 0;
	if (!xtn_strtou64_dec(p->arg, &end, &n) || n == 0)
		return bad_value(p);
	if (*end == 'k' || *end == 'm')
		factor = *end++ == 'k' ? 1024 : 1024 * 1024;
	if (end != bs || bs[3] != '\0')
		return bad_value(p);
	if (n > UINT64_MAX / factor ||
	    (n * factor) >> XT_HASHLIMIT_BYTE_SHIFT >= UINT32_MAX)
		return xtn_parse_fail(p, XTN_PARAM, "Rate too high \"%s\"",
				      p->arg);
	/* the kernel counts in 16-byte steps: 1.8.9 stores a slower rate as
	 * one it prints "0b/s", which it then refuses to restore */
	if ((n * factor) >> XT_HASHLIMIT_BYTE_SHIFT == 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Rate too low \"%s\" (at least %ub/s)",
				      p->arg, 1u << XT_HASHLIMIT_BYTE_SHIFT);
	d->info.cfg.avg = bytes_to_cost(n * factor);
	d->info.cfg.mode |= XT_HASHLIMIT_BYTES;
	d->mult = BYTE_EXPIRE;
	return 1;
}

static int parse_avg(struct xtn_parse *p, struct hashlimit_data *d)
{
	uint64_t n, avg = 0;
	uint32_t mult;
	int ret;

	/* --hashlimit-above is the inverse of --hashlimit-upto */
	if (p->invert != (p->opt->id == O_ABOVE))
		d->info.cfg.mode |= XT_HASHLIMIT_INVERT;
	ret = parse_bytes(p, d);
	if (ret != 0)
		return ret < 0 ? -1 : 0;
	ret = xtn_rate_words(p->arg, &n, &mult);
	if (ret == XTN_RATE_BAD)
		return bad_value(p);
	if (ret == 0)
		avg = (uint64_t)XT_HASHLIMIT_SCALE_v2 * mult / n;
	if (avg == 0)
		return xtn_parse_fail(p, XTN_PARAM, "Rate too fast \"%s\"",
				      p->arg);
	d->info.cfg.avg = avg;
	d->mult = mult;
	return 0;
}

static int burst_error(struct xtn_parse *p)
{
	return xtn_parse_fail(p, XTN_PARAM,
			      "bad value for option \"--hashlimit-burst\", or out of range (1-%u).",
			      BURST_MAX);
}

/* A count, or bytes with a k or m factor (and an optional "b"); 1.8.9
 * ignores any other text after the number: refused. */
static int parse_burst(struct xtn_parse *p, struct hashlimit_data *d)
{
	uint64_t v, factor = 1;
	char *end;

	if (!xtn_strtoui(p->arg, &end, &v, 1, UINT64_MAX) ||
	    (*end == '\0' && v > BURST_MAX))
		return burst_error(p);
	if (*end == 'k' || *end == 'm')
		factor = *end++ == 'k' ? 1024 : 1024 * 1024;
	if (*end == 'b')
		end++;
	if (*end != '\0')
		return burst_error(p);
	if (v > UINT64_MAX / factor)
		return xtn_parse_fail(p, XTN_PARAM,
				      "bad value for option \"--hashlimit-burst\", value \"%s\" too large (max %" PRIu64 "mb).",
				      p->arg, UINT64_MAX / 1024 / 1024);
	d->info.cfg.burst = v * factor;
	return 0;
}

/* A list of srcip, srcport, dstip, dstport split by "," or "|"; empty
 * items are skipped, as by 1.8.9's strtok. */
static int parse_mode(struct xtn_parse *p, uint32_t *mode)
{
	static const struct {
		const char *name;
		uint32_t bit;
	} modes[] = {
		{ "dstip", XT_HASHLIMIT_HASH_DIP },
		{ "srcip", XT_HASHLIMIT_HASH_SIP },
		{ "srcport", XT_HASHLIMIT_HASH_SPT },
		{ "dstport", XT_HASHLIMIT_HASH_DPT },
	};
	const char *s = p->arg;
	size_t len, i;

	for (; *s; s += len) {
		len = strcspn(s, ",|");
		if (len == 0) {
			len = 1;
			continue;
		}
		for (i = 0; i < XTN_ARRAY_SIZE(modes); i++)
			if (strlen(modes[i].name) == len &&
			    strncmp(modes[i].name, s, len) == 0)
				break;
		if (i == XTN_ARRAY_SIZE(modes))
			return bad_value(p);
		*mode |= modes[i].bit;
	}
	return 0;
}

/* 1.8.9 reads it with atoi(), taking "5x" as 5: only digits here. */
static int parse_interval(struct xtn_parse *p, uint32_t *interval)
{
	uint64_t v;
	const char *end;

	if (!xtn_strtou64_dec(p->arg, &end, &v) || *end || v == 0 ||
	    v > INT32_MAX)
		return bad_value(p);
	*interval = (uint32_t)v;
	return 0;
}

static int parse_name(struct xtn_parse *p, const char *name)
{
	if (name[0] == '\0')
		return xtn_parse_fail(p, XTN_PARAM,
				      "Argument must have a minimum length of 1 characters\n");
	/* saved unquoted by 1.8.9: it could not be restored */
	if (strpbrk(name, " \t\"'"))
		return xtn_parse_fail(p, XTN_PARAM,
				      "hashlimit: option \"--hashlimit-name\" cannot hold blanks or quotes");
	return 0;
}

static int hashlimit_parse(struct xtn_parse *p, void *data)
{
	struct hashlimit_data *d = data;
	struct hashlimit_cfg3 *cfg = &d->info.cfg;

	switch (p->opt->id) {
	case O_UPTO:
	case O_ABOVE:
		return parse_avg(p, d);
	case O_BURST:
		return parse_burst(p, d);
	case O_MODE:
		return parse_mode(p, &cfg->mode);
	case O_SRCMASK:
		cfg->srcmask = p->val.u8;
		return 0;
	case O_DSTMASK:
		cfg->dstmask = p->val.u8;
		return 0;
	case O_NAME:
		return parse_name(p, d->info.name);
	case O_RATEMATCH:
		cfg->mode |= XT_HASHLIMIT_RATE_MATCH;
		return 0;
	case O_INTERVAL:
		return parse_interval(p, &cfg->interval);
	}
	return 0;
}

/* A burst of bytes becomes a count of packets of the rate's size. */
static int final_bytes_burst(struct xtn_parse *p, struct hashlimit_cfg3 *cfg)
{
	uint64_t unit = cost_to_bytes(cfg->avg);
	uint64_t burst = 0;

	if (p->inst->seen & F(O_BURST)) {
		if (cfg->burst < unit)
			return xtn_parse_fail(p, XTN_PARAM,
					      "burst cannot be smaller than %" PRIu64 "b",
					      unit);
		/* 1.8.9 cuts the byte count to 32 bits first */
		if (cfg->burst > UINT32_MAX)
			return xtn_parse_fail(p, XTN_PARAM,
					      "bad value for option \"--hashlimit-burst\", value \"%" PRIu64 "b\" too large (max 4095mb).",
					      (uint64_t)cfg->burst);
		burst = cfg->burst / unit + (cfg->burst % unit ? 1 : 0);
		if (!(p->inst->seen & F(O_EXPIRE)))
			cfg->expire = BYTE_EXPIRE_BURST * 1000;
	}
	cfg->burst = burst;
	return 0;
}

/* 1.8.9's hashlimit_mt_check: the defaults that depend on the rate. */
static int hashlimit_final(struct xtn_parse *p, void *data)
{
	struct hashlimit_data *d = data;
	struct hashlimit_cfg3 *cfg = &d->info.cfg;
	uint32_t seen = p->inst->seen;

	if (!(seen & (F(O_UPTO) | F(O_ABOVE))))
		return xtn_parse_fail(p, XTN_PARAM,
				      "You have to specify --hashlimit");
	if (!(seen & F(O_EXPIRE)))
		cfg->expire = d->mult * 1000;
	if (cfg->mode & XT_HASHLIMIT_BYTES) {
		if (final_bytes_burst(p, cfg) < 0)
			return -1;
	} else if (cfg->burst > BURST_MAX) {
		return burst_error(p);
	}
	if (seen & F(O_RATEMATCH)) {
		if (!(cfg->mode & XT_HASHLIMIT_BYTES))
			cfg->avg /= d->mult;
		if (cfg->interval == 0)
			cfg->interval = cfg->mode & XT_HASHLIMIT_BYTES ?
					1 : d->mult;
	}
	return 0;
}

static int hashlimit_decode_xt(struct xtn_dec *d, void *data,
			       const void *info, size_t len)
{
	(void)d;
	(void)len;
	/* hinfo on is the kernel's */
	memcpy(data, info, offsetof(struct xt_hashlimit_mtinfo3, hinfo));
	((struct hashlimit_data *)data)->info.name[NAME_MAX - 1] = '\0';
	return 0;
}

/* Revision 2: the same fields, no rate interval. */
static int hashlimit_decode_v2(struct xtn_dec *d, void *data,
			       const void *info, size_t len)
{
	const struct xt_hashlimit_mtinfo2 *old = info;
	struct xt_hashlimit_mtinfo3 *m = data;

	(void)d;
	(void)len;
	memcpy(m->name, old->name, sizeof(m->name));
	m->name[sizeof(m->name) - 1] = '\0';
	m->cfg.avg = old->cfg.avg;
	m->cfg.burst = old->cfg.burst;
	m->cfg.mode = old->cfg.mode;
	m->cfg.size = old->cfg.size;
	m->cfg.max = old->cfg.max;
	m->cfg.gc_interval = old->cfg.gc_interval;
	m->cfg.expire = old->cfg.expire;
	m->cfg.srcmask = old->cfg.srcmask;
	m->cfg.dstmask = old->cfg.dstmask;
	return 0;
}

/* Revision 1: 32-bit fields, packet rates on a 100 times coarser scale;
 * listed in rev 3's units, which can pick another time unit for odd
 * rates than 1.8.9 shows for such a rule. */
static int hashlimit_decode_v1(struct xtn_dec *d, void *data,
			       const void *info, size_t len)
{
	const struct xt_hashlimit_mtinfo1 *old = info;
	struct xt_hashlimit_mtinfo3 *m = data;

	(void)d;
	(void)len;
	memcpy(m->name, old->name, sizeof(old->name));
	m->name[sizeof(old->name) - 1] = '\0';
	m->cfg.mode = old->cfg.mode;
	m->cfg.avg = old->cfg.avg;
	if (!(old->cfg.mode & XT_HASHLIMIT_BYTES))
		m->cfg.avg *= XT_HASHLIMIT_SCALE_v2 / XT_HASHLIMIT_SCALE;
	m->cfg.burst = old->cfg.burst;
	m->cfg.size = old->cfg.size;
	m->cfg.max = old->cfg.max;
	m->cfg.gc_interval = old->cfg.gc_interval;
	m->cfg.expire = old->cfg.expire;
	m->cfg.srcmask = old->cfg.srcmask;
	m->cfg.dstmask = old->cfg.dstmask;
	return 0;
}

/* " 5/sec" as 1.8.9's print_rate; returns the unit in ms (the default
 * expire, left out of the output). */
static uint64_t put_rate(const struct xtn_out *o, uint64_t period)
{
	static const struct {
		const char *name;
		uint64_t mult;
	} rates[] = {
		{ "day", XT_HASHLIMIT_SCALE_v2 * 24ull * 60 * 60 },
		{ "hour", XT_HASHLIMIT_SCALE_v2 * 60ull * 60 },
		{ "min", XT_HASHLIMIT_SCALE_v2 * 60ull },
		{ "sec", XT_HASHLIMIT_SCALE_v2 },
	};
	size_t i;

	if (period == 0) {
		xtn_out_printf(o, " %f", (double)INFINITY);
		return 0;
	}
	for (i = 1; i < XTN_ARRAY_SIZE(rates); i++)
		if (period > rates[i].mult ||
		    rates[i].mult / period < rates[i].mult % period)
			break;
	xtn_out_printf(o, " %" PRIu64 "/%s", rates[i - 1].mult / period,
		       rates[i - 1].name);
	return rates[i - 1].mult / XT_HASHLIMIT_SCALE_v2 * 1000;
}

/* " 1kb/s" and the burst in bytes, as 1.8.9's print_bytes. */
static uint64_t put_bytes(const struct xtn_out *o, uint64_t avg,
			  uint64_t burst, const char *prefix)
{
	static const struct {
		const char *name;
		uint64_t thresh;
	} units[] = { { "m", 1024 * 1024 }, { "k", 1024 }, { "", 1 } };
	uint64_t r = cost_to_bytes(avg);
	size_t i;

	/* 1.8.9 compares through a 32-bit bytes_to_cost: from 4 GiB/s up the
	 * rate is listed in bytes ("4581298432b/s", not "4369mb/s") */
	for (i = 0; i < XTN_ARRAY_SIZE(units) - 1; i++)
		if (r >= units[i].thresh &&
		    bytes_to_cost((uint32_t)(r & ~(units[i].thresh - 1))) == avg)
			break;
	xtn_out_printf(o, " %" PRIu64 "%sb/s", r / units[i].thresh,
		       units[i].name);
	if (burst == 0)
		return BYTE_EXPIRE * 1000;
	/* 1.8.9 takes the largest unit below the burst and drops the rest,
	 * so 1240kb at 512b/s is saved as 1mb, which reads back as another
	 * burst: that unit only where it reads back as this burst (parsing
	 * rounds bytes up to whole packets of r), else a smaller one */
	for (i = 0; i < XTN_ARRAY_SIZE(units) - 1; i++) {
		uint64_t total = r * burst, shown;

		if (total < units[i].thresh)
			continue;
		shown = total / units[i].thresh * units[i].thresh;
		if (shown / r + (shown % r ? 1 : 0) == burst)
			break;
	}
	r *= burst;
	xtn_out_printf(o, " %sburst %" PRIu64 "%sb", prefix,
		       r / units[i].thresh, units[i].name);
	return BYTE_EXPIRE_BURST * 1000;
}

static void put_mode(const struct xtn_out *o, uint32_t mode, char sep)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} order[] = {
		{ XT_HASHLIMIT_HASH_SIP, "srcip" },
		{ XT_HASHLIMIT_HASH_SPT, "srcport" },
		{ XT_HASHLIMIT_HASH_DIP, "dstip" },
		{ XT_HASHLIMIT_HASH_DPT, "dstport" },
	};
	bool first = true;
	size_t i;

	xtn_out_puts(o, " ");
	for (i = 0; i < XTN_ARRAY_SIZE(order); i++) {
		if (!(mode & order[i].bit))
			continue;
		if (!first)
			xtn_out_printf(o, "%c", sep);
		xtn_out_puts(o, order[i].name);
		first = false;
	}
}

#define HASH_BITS (XT_HASHLIMIT_HASH_DIP | XT_HASHLIMIT_HASH_DPT | \
		   XT_HASHLIMIT_HASH_SIP | XT_HASHLIMIT_HASH_SPT)

/* What -L and -S share after the rate: the table and mask settings. */
static void put_rest(const struct xtn_out *o, const struct hashlimit_cfg3 *cfg,
		     uint64_t quantum, const char *pfx)
{
	unsigned int dmask = full_mask(o->fam);

	if (cfg->size)
		xtn_out_printf(o, " %shtable-size %u", pfx, cfg->size);
	if (cfg->max)
		xtn_out_printf(o, " %shtable-max %u", pfx, cfg->max);
	if (cfg->gc_interval != GCINTERVAL_DEFAULT)
		xtn_out_printf(o, " %shtable-gcinterval %u", pfx,
			       cfg->gc_interval);
	if (cfg->expire != quantum)
		xtn_out_printf(o, " %shtable-expire %u", pfx, cfg->expire);
	if (cfg->srcmask != dmask)
		xtn_out_printf(o, " %ssrcmask %u", pfx, cfg->srcmask);
	if (cfg->dstmask != dmask)
		xtn_out_printf(o, " %sdstmask %u", pfx, cfg->dstmask);
	if (cfg->mode & XT_HASHLIMIT_RATE_MATCH) {
		xtn_out_printf(o, " %srate-match", pfx);
		if (cfg->interval != 1)
			xtn_out_printf(o, " %srate-interval %u", pfx,
				       cfg->interval);
	}
}

static void hashlimit_list(const struct xtn_out *o, const void *data)
{
	const struct hashlimit_cfg3 *cfg =
		&((const struct hashlimit_data *)data)->info.cfg;
	uint64_t quantum;

	xtn_out_puts(o, cfg->mode & XT_HASHLIMIT_INVERT ? " limit: above" :
			" limit: up to");
	if (cfg->mode & XT_HASHLIMIT_BYTES) {
		quantum = put_bytes(o, cfg->avg, cfg->burst, "");
	} else {
		quantum = put_rate(o, cfg->interval ?
				   cfg->avg * cfg->interval : cfg->avg);
		xtn_out_printf(o, " burst %" PRIu64, (uint64_t)cfg->burst);
	}
	if (cfg->mode & HASH_BITS) {
		xtn_out_puts(o, " mode");
		put_mode(o, cfg->mode, '-');
	}
	put_rest(o, cfg, quantum, "");
}

static void hashlimit_save(const struct xtn_out *o, const void *data)
{
	const struct xt_hashlimit_mtinfo3 *m =
		&((const struct hashlimit_data *)data)->info;
	const struct hashlimit_cfg3 *cfg = &m->cfg;
	uint64_t quantum;

	xtn_out_puts(o, cfg->mode & XT_HASHLIMIT_INVERT ?
			" --hashlimit-above" : " --hashlimit-upto");
	if (cfg->mode & XT_HASHLIMIT_BYTES) {
		quantum = put_bytes(o, cfg->avg, cfg->burst, "--hashlimit-");
	} else {
		quantum = put_rate(o, cfg->avg);
		xtn_out_printf(o, " --hashlimit-burst %" PRIu64,
			       (uint64_t)cfg->burst);
	}
	if (cfg->mode & HASH_BITS) {
		xtn_out_puts(o, " --hashlimit-mode");
		put_mode(o, cfg->mode, ',');
	}
	xtn_out_printf(o, " --hashlimit-name %s", m->name);
	put_rest(o, cfg, quantum, "--hashlimit-");
}

static const struct xtn_xt_rev hashlimit_revs[] = {
	{ .revision = 1, .size = sizeof(struct xt_hashlimit_mtinfo1),
	  .decode = hashlimit_decode_v1 },
	{ .revision = 2, .size = sizeof(struct xt_hashlimit_mtinfo2),
	  .decode = hashlimit_decode_v2 },
	{ 0 },
};

const struct xtn_ext xtn_mt_hashlimit = {
	.name = "hashlimit",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct hashlimit_data),
	/* up to the kernel's pointer; mult is parse state */
	.cmp_size = offsetof(struct hashlimit_data, info.hinfo),
	.opts = hashlimit_opts,
	.help =
"hashlimit match options:\n"
"  --hashlimit-upto <avg>           max average match rate\n"
"                                   [Packets per second unless followed by \n"
"                                   /sec /minute /hour /day postfixes]\n"
"  --hashlimit-above <avg>          min average match rate\n"
"  --hashlimit-mode <mode>          mode is a comma-separated list of\n"
"                                   dstip,srcip,dstport,srcport (or none)\n"
"  --hashlimit-srcmask <length>     source address grouping prefix length\n"
"  --hashlimit-dstmask <length>     destination address grouping prefix length\n"
"  --hashlimit-name <name>          name for /proc/net/ipt_hashlimit\n"
"  --hashlimit-burst <num>\t    number to match in a burst, default 5\n"
"  --hashlimit-htable-size <num>    number of hashtable buckets\n"
"  --hashlimit-htable-max <num>     number of hashtable entries\n"
"  --hashlimit-htable-gcinterval    interval between garbage collection runs\n"
"  --hashlimit-htable-expire        after which time are idle entries expired?\n"
"  --hashlimit-rate-match           rate match the flow without rate-limiting it\n"
"  --hashlimit-rate-interval        interval in seconds for hashlimit-rate-match\n"
"\n",
	.init = hashlimit_init,
	.parse = hashlimit_parse,
	.final = hashlimit_final,
	.decode_xt = hashlimit_decode_xt,
	.save = hashlimit_save,
	.list = hashlimit_list,
	.xt = { .name = "hashlimit", .revision = 3,
		.size = sizeof(struct xt_hashlimit_mtinfo3) },
	.xt_read = hashlimit_revs,
};
