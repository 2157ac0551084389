/*
 * -m set --match-set NAME src,dst...: the xt_set_info_match_v4 blob
 * (match rev 4) with the set's kernel index (see ipset_ref.h) and the
 * counter conditions.  Old-style options with 1.8.9's own wording, so
 * the descriptor checks repeats and inversion itself.  Rev 3 (kernels
 * before 4.?, whose counters put op before value) is read too.
 */
#include <stddef.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_set.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "ipset_ref.h"

enum {
	O_MATCH_SET, O_SET, O_RETURN_NOMATCH, O_UPDATE_COUNTERS,
	O_UPDATE_SUBCOUNTERS, O_PACKETS_EQ, O_PACKETS_LT, O_PACKETS_GT,
	O_BYTES_EQ, O_BYTES_LT, O_BYTES_GT,
};

static const struct xtn_optdef set_opts[] = {
	{ .name = "match-set", .id = O_MATCH_SET, .has_arg = XTN_REQ_ARG },
	{ .name = "set", .id = O_SET, .has_arg = XTN_REQ_ARG },
	{ .name = "return-nomatch", .id = O_RETURN_NOMATCH },
	{ .name = "update-counters", .id = O_UPDATE_COUNTERS },
	{ .name = "packets-eq", .id = O_PACKETS_EQ, .has_arg = XTN_REQ_ARG },
	{ .name = "packets-lt", .id = O_PACKETS_LT, .has_arg = XTN_REQ_ARG },
	{ .name = "packets-gt", .id = O_PACKETS_GT, .has_arg = XTN_REQ_ARG },
	{ .name = "bytes-eq", .id = O_BYTES_EQ, .has_arg = XTN_REQ_ARG },
	{ .name = "bytes-lt", .id = O_BYTES_LT, .has_arg = XTN_REQ_ARG },
	{ .name = "bytes-gt", .id = O_BYTES_GT, .has_arg = XTN_REQ_ARG },
	{ .name = "update-subcounters", .id = O_UPDATE_SUBCOUNTERS },
	{ 0 },
};

/* --packets-* / --bytes-*: one condition each; only -eq inverts. */
static int parse_counter(struct xtn_parse *p, struct ip_set_counter_match *c,
			 const char *what, unsigned int id_eq)
{
	static const char *const suffix[] = { "eq", "lt", "gt" };
	unsigned int which = p->opt->id - id_eq;
	uint64_t v;

	if (c->op != IPSET_COUNTER_NONE)
		return xtn_parse_fail(p, XTN_PARAM,
				      "only one of the --%s-[eq|lt|gt] is allowed",
				      what);
	if (p->invert && which != 0)
		return xtn_parse_fail(p, XTN_PARAM,
				      "--%s-%s option cannot be inverted", what,
				      suffix[which]);
	if (!xtn_strtoui(p->arg, NULL, &v, 0, UINT64_MAX))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Cannot parse %s as a counter value",
				      p->arg);
	c->op = which == 1 ? IPSET_COUNTER_LT :
		which == 2 ? IPSET_COUNTER_GT :
		p->invert ? IPSET_COUNTER_NE : IPSET_COUNTER_EQ;
	c->value = v;
	return 0;
}

static int set_parse(struct xtn_parse *p, void *data)
{
	struct xt_set_info_match_v4 *m = data;

	switch (p->opt->id) {
	case O_SET:
		xtn_warn(&p->ctx->diag,
			 "--set option deprecated, please use --match-set");
		/* fall through */
	case O_MATCH_SET:
		if (p->invert && !m->match_set.dim)
			m->match_set.flags |= IPSET_INV_MATCH;
		return xtn_ipset_parse_ref(p, &m->match_set, "match-set");
	case O_RETURN_NOMATCH:
		if (p->invert)
			return xtn_parse_fail(p, XTN_PARAM,
					      "--return-nomatch flag cannot be inverted");
		m->flags |= IPSET_FLAG_RETURN_NOMATCH;
		return 0;
	case O_UPDATE_COUNTERS:
		if (p->invert)
			m->flags |= IPSET_FLAG_SKIP_COUNTER_UPDATE;
		return 0;
	case O_UPDATE_SUBCOUNTERS:
		if (p->invert)
			m->flags |= IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE;
		return 0;
	case O_PACKETS_EQ: case O_PACKETS_LT: case O_PACKETS_GT:
		return parse_counter(p, &m->packets, "packets", O_PACKETS_EQ);
	default:
		return parse_counter(p, &m->bytes, "bytes", O_BYTES_EQ);
	}
}

static int set_final(struct xtn_parse *p, void *data)
{
	const struct xt_set_info_match_v4 *m = data;

	if (!m->match_set.dim)
		return xtn_parse_fail(p, XTN_PARAM,
				      "You must specify `--match-set' with proper arguments");
	return 0;
}

static void put_counter(const struct xtn_out *o,
			const struct ip_set_counter_match *c, const char *name,
			const char *dashes)
{
	static const char *const fmt[] = {
		[IPSET_COUNTER_EQ] = " %s%s-eq %llu",
		[IPSET_COUNTER_NE] = " ! %s%s-eq %llu",
		[IPSET_COUNTER_LT] = " %s%s-lt %llu",
		[IPSET_COUNTER_GT] = " %s%s-gt %llu",
	};

	if (c->op >= IPSET_COUNTER_EQ && c->op <= IPSET_COUNTER_GT)
		xtn_out_printf(o, fmt[c->op], dashes, name,
			       (unsigned long long)c->value);
}

/* -L and save differ only in the dashes. */
static void put_set(const struct xtn_out *o,
		    const struct xt_set_info_match_v4 *m, const char *dashes)
{
	if (m->match_set.flags & IPSET_INV_MATCH)
		xtn_out_puts(o, " !");
	xtn_out_printf(o, " %smatch-set", dashes);
	xtn_ipset_put_ref(o, &m->match_set, dashes[0] != '\0');
	if (m->flags & IPSET_FLAG_RETURN_NOMATCH)
		xtn_out_printf(o, " %sreturn-nomatch", dashes);
	if (m->flags & IPSET_FLAG_SKIP_COUNTER_UPDATE)
		xtn_out_printf(o, " ! %supdate-counters", dashes);
	if (m->flags & IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE)
		xtn_out_printf(o, " ! %supdate-subcounters", dashes);
	put_counter(o, &m->packets, "packets", dashes);
	put_counter(o, &m->bytes, "bytes", dashes);
}

static void set_list(const struct xtn_out *o, const void *data)
{
	put_set(o, data, "");
}

static void set_save(const struct xtn_out *o, const void *data)
{
	put_set(o, data, "--");
}

/* Rev 3: the same fields, but each counter is {u8 op; u64 value}. */
static int set_decode_v3(struct xtn_dec *d, void *data, const void *info,
			 size_t len)
{
	const struct xt_set_info_match_v3 *v3 = info;
	struct xt_set_info_match_v4 *m = data;

	(void)d;
	(void)len;	/* checked against the size below */
	m->match_set = v3->match_set;
	m->packets.op = v3->packets.op;
	m->packets.value = v3->packets.value;
	m->bytes.op = v3->bytes.op;
	m->bytes.value = v3->bytes.value;
	m->flags = v3->flags;
	return 0;
}

static const struct xtn_xt_rev set_revs[] = {
	{ .revision = 3, .size = sizeof(struct xt_set_info_match_v3),
	  .decode = set_decode_v3 },
	{ 0 },
};

const struct xtn_ext xtn_mt_set = {
	.name = "set",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_set_info_match_v4),
	.opts = set_opts,
	.legacy = true,
	.help =
"set match options:\n"
" [!] --match-set name flags [--return-nomatch]\n"
"   [! --update-counters] [! --update-subcounters]\n"
"   [[!] --packets-eq value | --packets-lt value | --packets-gt value\n"
"   [[!] --bytes-eq value | --bytes-lt value | --bytes-gt value\n"
"\t\t 'name' is the set name from to match,\n"
"\t\t 'flags' are the comma separated list of\n"
"\t\t 'src' and 'dst' specifications.\n",
	.parse = set_parse,
	.final = set_final,
	.save = set_save,
	.list = set_list,
	.xt = { .name = "set", .revision = 4,
		.size = sizeof(struct xt_set_info_match_v4) },
	.xt_read = set_revs,
};
