/*
 * -m time: date range, time of day, days of the month and of the week,
 * xt_time_info (rev 0, the only one).  Dates and times are kept in UTC
 * as the kernel compares them (it shifts to its own zone itself with
 * --kerneltz), so nothing here reads the process's time zone.
 *
 * 1.8.9 reads each number with strtoul and keeps it in an unsigned int,
 * and normalises what mktime is given: "2024-02-31" became March 2nd,
 * "2024-00" December 2023, a month day "123" day 12, a week day "8"
 * nothing at all.  Those are refused here with the message 1.8.9 gives
 * for that kind of bad value; everything 1.8.9 reads as written is read
 * the same way, with the same messages.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/netfilter/xt_time.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

/* 1.8.9's option ids: they name the options in its conflict messages */
enum {
	O_DATE_START, O_DATE_STOP, O_TIME_START, O_TIME_STOP, O_CONTIGUOUS,
	O_MONTHDAYS, O_WEEKDAYS, O_LOCAL_TZ, O_UTC, O_KERNEL_TZ,
};

#define F(o) (1u << (o))

/* 1.8.9's table order: the final checks report conflicts in it */
static const struct xtn_optdef time_opts[] = {
	{ .name = "datestart", .id = O_DATE_START, .has_arg = 1 },
	{ .name = "datestop", .id = O_DATE_STOP, .has_arg = 1 },
	{ .name = "timestart", .id = O_TIME_START, .has_arg = 1 },
	{ .name = "timestop", .id = O_TIME_STOP, .has_arg = 1 },
	{ .name = "contiguous", .id = O_CONTIGUOUS },
	{ .name = "weekdays", .id = O_WEEKDAYS, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ .name = "monthdays", .id = O_MONTHDAYS, .has_arg = 1,
	  .flags = XTN_OF_INVERT },
	{ .name = "localtz", .id = O_LOCAL_TZ, .excl = F(O_UTC) },
	{ .name = "utc", .id = O_UTC, .excl = F(O_LOCAL_TZ) | F(O_KERNEL_TZ) },
	{ .name = "kerneltz", .id = O_KERNEL_TZ, .excl = F(O_UTC) },
	{ 0 },
};

static const char *const week_days[8] = {
	NULL, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

/* The default date_stop: 1.8.9's INT_MAX, 2038-01-19T03:14:07 */
#define DATE_STOP_NONE ((uint32_t)INT_MAX)

static void time_init(void *data, const struct xtn_family *fam)
{
	struct xt_time_info *t = data;

	(void)fam;
	t->monthdays_match = XT_TIME_ALL_MONTHDAYS;
	t->weekdays_match = XT_TIME_ALL_WEEKDAYS;
	t->daytime_start = XT_TIME_MIN_DAYTIME;
	t->daytime_stop = XT_TIME_MAX_DAYTIME;
	t->date_start = 0;
	t->date_stop = DATE_STOP_NONE;
}

/*
 * strtoul as 1.8.9 calls it, cut to unsigned int; *exact is false where
 * that is not the number written (a minus sign, more than 32 bits).
 */
static unsigned int read_ul(const char *s, int base, char **end, bool *exact)
{
	const char *p = s;
	unsigned long v;

	while (isspace((unsigned char)*p))
		p++;
	errno = 0;
	v = strtoul(s, end, base);
	*exact = errno != ERANGE && v <= UINT_MAX && (*p != '-' || v == 0);
	return (unsigned int)v;
}

/*
 * "hh:mm[:ss]" into seconds since midnight.  1.8.9 quotes the text from
 * the part it stumbled on ("10:60" names "60"); an empty minute or second
 * after a colon is 0 there too.
 */
static int parse_daytime(struct xtn_parse *p, uint32_t *out)
{
	const char *s = p->arg;
	unsigned int h, m, sec = 0;
	bool exact;
	char *e;

	h = read_ul(s, 10, &e, &exact);
	if (*e != ':' || h > 23 || !exact)
		goto bad;
	s = e + 1;
	m = read_ul(s, 10, &e, &exact);
	if ((*e != ':' && *e != '\0') || m > 59 || !exact)
		goto bad;
	if (*e == ':') {
		s = e + 1;
		sec = read_ul(s, 10, &e, &exact);
		if (*e != '\0' || sec > 59 || !exact)
			goto bad;
	}
	*out = h * 3600 + m * 60 + sec;
	return 0;
bad:
	return xtn_parse_fail(p, XTN_PARAM,
			      "invalid time \"%s\" specified, should be hh:mm[:ss] format and within the boundaries",
			      s);
}

static bool is_leap(unsigned int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned int month_len(unsigned int y, unsigned int m)
{
	static const unsigned char len[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	return len[m - 1] + (m == 2 && is_leap(y));
}

/* Days from 1970-01-01 to y-m-d (y >= 1970, a real date). */
static uint32_t epoch_days(unsigned int y, unsigned int m, unsigned int d)
{
	uint32_t days = 0;
	unsigned int i;

	for (i = 1970; i < y; i++)
		days += is_leap(i) ? 366 : 365;
	for (i = 1; i < m; i++)
		days += month_len(y, i);
	return days + d - 1;
}

/*
 * One number of a date: strtoul, then 1.8.9's check of what follows and
 * of the upper bound.  Returns 1 at the end of the text, 0 when `sep`
 * follows (*s moves past it), -1 when bad.
 */
static int date_part(const char **s, char sep, unsigned int max,
		     unsigned int *v)
{
	bool exact;
	char *e;

	*v = read_ul(*s, 10, &e, &exact);
	if ((*e != sep && *e != '\0') || *v > max || !exact)
		return -1;
	if (*e == '\0')
		return 1;
	*s = e + 1;
	return 0;
}

/* ISO 8601 "YYYY[-MM[-DD[Thh[:mm[:ss]]]]]", 1970 to 2038, in UTC. */
static int parse_date(struct xtn_parse *p, uint32_t *out)
{
	static const char seps[6] = { '-', '-', 'T', ':', ':', '\0' };
	static const unsigned int max[6] = { 2038, 12, 31, 23, 59, 59 };
	unsigned int v[6] = { 0, 1, 1, 0, 0, 0 };
	const char *s = p->arg;
	size_t i;
	int r = 0;

	for (i = 0; i < 6 && r == 0; i++) {
		r = date_part(&s, seps[i], max[i], &v[i]);
		if (r < 0)
			break;
	}
	/* 1.8.9 lets mktime move month 0, day 0 or Feb 31 elsewhere */
	if (r < 0 || v[0] < 1970 || v[1] == 0 || v[2] == 0 ||
	    v[2] > month_len(v[0], v[1]))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Invalid date \"%s\" specified. Should be YYYY[-MM[-DD[Thh[:mm[:ss]]]]]",
				      p->arg);
	*out = epoch_days(v[0], v[1], v[2]) * 86400u + v[3] * 3600u +
	       v[4] * 60u + v[5];
	return 0;
}

/*
 * The comma list of --monthdays: 1.8.9 reads only the first two
 * characters of each word (base 0, so "07" is octal) and takes an empty
 * word or "0" as day 0, which no day is.
 */
static int parse_monthdays(struct xtn_parse *p, uint32_t *mask)
{
	const char *s = p->arg;
	char seen[3];
	unsigned int d;
	bool exact;
	size_t n;
	char *e;

	*mask = 0;
	while (*s != '\0') {
		n = strcspn(s, ",");
		snprintf(seen, sizeof(seen), "%.*s", (int)n, s);
		d = read_ul(seen, 0, &e, &exact);
		if (*e != '\0' || d > 31)
			return xtn_parse_fail(p, XTN_PARAM,
					      "%s is not a valid day for --monthdays",
					      seen);
		if (n == 0 || n >= sizeof(seen) || d == 0 || !exact)
			return xtn_parse_fail(p, XTN_PARAM,
					      "%s%.*s%s is not a valid day for --monthdays",
					      n ? "" : "\"", (int)n, s,
					      n ? "" : "\"");
		*mask |= 1u << d;
		s += n;
		if (*s == ',')
			s++;
	}
	if (*mask == 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "\"\" is not a valid day for --monthdays");
	return 0;
}

/* A week day name: 1.8.9 compares the first two letters (case matters). */
static unsigned int weekday_by_name(const char *word)
{
	unsigned int i;

	for (i = 1; i < 8; i++)
		if (strncmp(word, week_days[i], 2) == 0)
			return i;
	return 0;
}

/*
 * The comma list of --weekdays: names or 1..7.  1.8.9 reads the first
 * three characters of each word and shifts any number into the mask, so
 * "8" or "100x" would quietly be another day or none.
 */
static int parse_weekdays(struct xtn_parse *p, uint32_t *mask)
{
	const char *s = p->arg;
	unsigned int d;
	char seen[4];
	bool exact;
	size_t n;
	char *e;

	*mask = 0;
	while (*s != '\0') {
		n = strcspn(s, ",");
		snprintf(seen, sizeof(seen), "%.*s", (int)n, s);
		d = read_ul(seen, 0, &e, &exact);
		if (*e == '\0' && d == 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "No, the week does NOT begin with Sunday.");
		if (*e == '\0' &&
		    (d > 7 || n >= sizeof(seen) || !exact))
			return xtn_parse_fail(p, XTN_PARAM,
					      "%.*s is not a valid day specifier",
					      (int)n, s);
		if (*e != '\0') {
			d = weekday_by_name(seen);
			if (d == 0)
				return xtn_parse_fail(p, XTN_PARAM,
						      "%s is not a valid day specifier",
						      seen);
		}
		*mask |= 1u << d;
		s += n;
		if (*s == ',')
			s++;
	}
	if (*mask == 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "\"\" is not a valid day specifier");
	return 0;
}

static int time_parse(struct xtn_parse *p, void *data)
{
	struct xt_time_info *t = data;
	uint32_t mask;

	switch (p->opt->id) {
	case O_DATE_START:
		return parse_date(p, &t->date_start);
	case O_DATE_STOP:
		return parse_date(p, &t->date_stop);
	case O_TIME_START:
		return parse_daytime(p, &t->daytime_start);
	case O_TIME_STOP:
		return parse_daytime(p, &t->daytime_stop);
	case O_CONTIGUOUS:
		t->flags |= XT_TIME_CONTIGUOUS;
		return 0;
	case O_MONTHDAYS:
		if (parse_monthdays(p, &mask) < 0)
			return -1;
		t->monthdays_match = p->invert ? mask ^ XT_TIME_ALL_MONTHDAYS
					       : mask;
		return 0;
	case O_WEEKDAYS:
		if (parse_weekdays(p, &mask) < 0)
			return -1;
		t->weekdays_match = (uint8_t)(p->invert ?
					      mask ^ XT_TIME_ALL_WEEKDAYS : mask);
		return 0;
	case O_LOCAL_TZ:
		xtn_warn(&p->ctx->diag,
			 "WARNING: --localtz is being replaced by --kerneltz, since \"local\" is ambiguous. Note the kernel timezone has caveats - see manpage for details.");
		t->flags |= XT_TIME_LOCAL_TZ;
		return 0;
	case O_KERNEL_TZ:
		t->flags |= XT_TIME_LOCAL_TZ;
		return 0;
	default:	/* --utc: the default */
		return 0;
	}
}

static int time_final(struct xtn_parse *p, void *data)
{
	const struct xt_time_info *t = data;

	if ((p->inst->seen & F(O_CONTIGUOUS)) &&
	    t->daytime_start < t->daytime_stop)
		return xtn_parse_fail(p, XTN_PARAM,
				      "time: --contiguous only makes sense when stoptime is smaller than starttime");
	return 0;
}

static void put_daytime(const struct xtn_out *o, const char *label,
			uint32_t secs)
{
	xtn_out_printf(o, " %s%02u:%02u:%02u", label, secs / 3600,
		       secs / 60 % 60, secs % 60);
}

/* 1.8.9 prints no date 0 (and would skip LONG_MAX, which no u32 is). */
static void put_date(const struct xtn_out *o, const char *label, uint32_t date,
		     char sep)
{
	time_t tt = (time_t)date;
	struct tm tm;

	if (date == 0 || !gmtime_r(&tt, &tm))
		return;
	xtn_out_printf(o, " %s%04d-%02d-%02d%c%02d:%02d:%02d", label,
		       tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, sep,
		       tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void put_weekdays(const struct xtn_out *o, uint8_t mask)
{
	const char *sep = " ";
	unsigned int i;

	for (i = 1; i < 8; i++) {
		if (!(mask & 1u << i))
			continue;
		xtn_out_printf(o, "%s%s", sep, week_days[i]);
		sep = ",";
	}
	if (*sep == ' ')
		xtn_out_puts(o, " ");
}

/* 1.8.9's suffixes go by the last digit only: "11st", "12nd", "13rd" */
static void put_monthdays(const struct xtn_out *o, uint32_t mask, bool human)
{
	static const char *const sfx[10] = {
		"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th",
	};
	const char *sep = " ";
	unsigned int i;

	for (i = 1; i <= 31; i++) {
		if (!(mask & 1u << i))
			continue;
		xtn_out_printf(o, "%s%u%s", sep, i, human ? sfx[i % 10] : "");
		sep = ",";
	}
	if (*sep == ' ')
		xtn_out_puts(o, " ");
}

static bool daytime_set(const struct xt_time_info *t)
{
	return t->daytime_start != XT_TIME_MIN_DAYTIME ||
	       t->daytime_stop != XT_TIME_MAX_DAYTIME;
}

static void time_list(const struct xtn_out *o, const void *data)
{
	const struct xt_time_info *t = data;

	xtn_out_puts(o, " TIME");
	if (daytime_set(t)) {
		put_daytime(o, "from ", t->daytime_start);
		put_daytime(o, "to ", t->daytime_stop);
	}
	if (t->weekdays_match != XT_TIME_ALL_WEEKDAYS) {
		xtn_out_puts(o, " on");
		put_weekdays(o, t->weekdays_match);
	}
	if (t->monthdays_match != XT_TIME_ALL_MONTHDAYS) {
		xtn_out_puts(o, " on");
		put_monthdays(o, t->monthdays_match, true);
	}
	if (t->date_start != 0) {
		xtn_out_puts(o, " starting from");
		put_date(o, "", t->date_start, ' ');
	}
	/* a stop date of 0 prints the words alone, as in 1.8.9 */
	if (t->date_stop != DATE_STOP_NONE) {
		xtn_out_puts(o, " until date");
		put_date(o, "", t->date_stop, ' ');
	}
	if (!(t->flags & XT_TIME_LOCAL_TZ))
		xtn_out_puts(o, " UTC");
	if (t->flags & XT_TIME_CONTIGUOUS)
		xtn_out_puts(o, " contiguous");
}

/* 1.8.9 always writes the stop date (its "none" test never holds). */
static void time_save(const struct xtn_out *o, const void *data)
{
	const struct xt_time_info *t = data;

	if (daytime_set(t)) {
		put_daytime(o, "--timestart ", t->daytime_start);
		put_daytime(o, "--timestop ", t->daytime_stop);
	}
	/* no day at all (every day inverted): 1.8.9 writes an empty list,
	 * which no parser reads back; "! every day" is the same rule */
	if (!(t->monthdays_match & XT_TIME_ALL_MONTHDAYS)) {
		xtn_out_puts(o, " ! --monthdays");
		put_monthdays(o, XT_TIME_ALL_MONTHDAYS, false);
	} else if (t->monthdays_match != XT_TIME_ALL_MONTHDAYS) {
		xtn_out_puts(o, " --monthdays");
		put_monthdays(o, t->monthdays_match, false);
	}
	if (!(t->weekdays_match & XT_TIME_ALL_WEEKDAYS)) {
		xtn_out_puts(o, " ! --weekdays");
		put_weekdays(o, XT_TIME_ALL_WEEKDAYS);
	} else if (t->weekdays_match != XT_TIME_ALL_WEEKDAYS) {
		xtn_out_puts(o, " --weekdays");
		put_weekdays(o, t->weekdays_match);
	}
	put_date(o, "--datestart ", t->date_start, 'T');
	put_date(o, "--datestop ", t->date_stop, 'T');
	if (t->flags & XT_TIME_LOCAL_TZ)
		xtn_out_puts(o, " --kerneltz");
	if (t->flags & XT_TIME_CONTIGUOUS)
		xtn_out_puts(o, " --contiguous");
}

const struct xtn_ext xtn_mt_time = {
	.name = "time",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_time_info),
	.opts = time_opts,
	.help =
"time match options:\n"
"    --datestart time     Start and stop time, to be given in ISO 8601\n"
"    --datestop time      (YYYY[-MM[-DD[Thh[:mm[:ss]]]]])\n"
"    --timestart time     Start and stop daytime (hh:mm[:ss])\n"
"    --timestop time      (between 00:00:00 and 23:59:59)\n"
"[!] --monthdays value    List of days on which to match, separated by comma\n"
"                         (Possible days: 1 to 31; defaults to all)\n"
"[!] --weekdays value     List of weekdays on which to match, sep. by comma\n"
"                         (Possible days: Mon,Tue,Wed,Thu,Fri,Sat,Sun or 1 to 7\n"
"                         Defaults to all weekdays.)\n"
"    --kerneltz           Work with the kernel timezone instead of UTC\n",
	.init = time_init,
	.parse = time_parse,
	.final = time_final,
	.save = time_save,
	.list = time_list,
	.xt = { .name = "time", .revision = 0,
		.size = sizeof(struct xt_time_info) },
};
