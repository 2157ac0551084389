/*
 * -j SET --add-set/--del-set/--map-set NAME src,dst...: the
 * xt_set_info_target_v3 blob (target rev 3), each set by its kernel
 * index (see ipset_ref.h), IPSET_INVALID_ID when unused.  Old-style
 * options with 1.8.9's own wording.
 */
#include <stddef.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_set.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "ipset_ref.h"

enum {
	O_ADD_SET, O_DEL_SET, O_EXIST, O_TIMEOUT, O_MAP_SET, O_MAP_MARK,
	O_MAP_PRIO, O_MAP_QUEUE,
};

#define SEEN(id) (1u << (id))

static const struct xtn_optdef set_tg_opts[] = {
	{ .name = "add-set", .id = O_ADD_SET, .has_arg = XTN_REQ_ARG },
	{ .name = "del-set", .id = O_DEL_SET, .has_arg = XTN_REQ_ARG },
	{ .name = "exist", .id = O_EXIST },
	{ .name = "timeout", .id = O_TIMEOUT, .has_arg = XTN_REQ_ARG },
	{ .name = "map-set", .id = O_MAP_SET, .has_arg = XTN_REQ_ARG },
	{ .name = "map-mark", .id = O_MAP_MARK },
	{ .name = "map-prio", .id = O_MAP_PRIO },
	{ .name = "map-queue", .id = O_MAP_QUEUE },
	{ 0 },
};

static void set_tg_init(void *data, const struct xtn_family *fam)
{
	struct xt_set_info_target_v3 *t = data;

	(void)fam;
	t->add_set.index = t->del_set.index = t->map_set.index =
		IPSET_INVALID_ID;
	t->timeout = UINT32_MAX;
}

static int set_tg_parse(struct xtn_parse *p, void *data)
{
	static const uint32_t map_flag[] = {
		[O_MAP_MARK] = IPSET_FLAG_MAP_SKBMARK,
		[O_MAP_PRIO] = IPSET_FLAG_MAP_SKBPRIO,
		[O_MAP_QUEUE] = IPSET_FLAG_MAP_SKBQUEUE,
	};
	struct xt_set_info_target_v3 *t = data;
	uint64_t v;

	/* 1.8.9 takes "!" here and ignores it */
	if (p->invert)
		return xtn_parse_fail(p, XTN_PARAM,
				      "--%s option cannot be inverted",
				      p->opt->name);
	switch (p->opt->id) {
	case O_ADD_SET:
		return xtn_ipset_parse_ref(p, &t->add_set, "add-set");
	case O_DEL_SET:
		return xtn_ipset_parse_ref(p, &t->del_set, "del-set");
	case O_MAP_SET:
		return xtn_ipset_parse_ref(p, &t->map_set, "map-set");
	case O_EXIST:
		t->flags |= IPSET_FLAG_EXIST;
		return 0;
	case O_TIMEOUT:
		/* UINT32_MAX means "the set's default" */
		if (!xtn_strtoui(p->arg, NULL, &v, 0, UINT32_MAX - 1))
			return xtn_parse_fail(p, XTN_PARAM,
					      "Invalid value for option --timeout or out of range 0-%u",
					      UINT32_MAX - 1);
		t->timeout = (uint32_t)v;
		return 0;
	default:
		t->flags |= map_flag[p->opt->id];
		return 0;
	}
}

/* 1.8.9's final check, in its order. */
static int set_tg_final(struct xtn_parse *p, void *data)
{
	uint32_t seen = p->inst->seen;

	(void)data;
	if (!(seen & (SEEN(O_ADD_SET) | SEEN(O_DEL_SET) | SEEN(O_MAP_SET))))
		return xtn_parse_fail(p, XTN_PARAM,
				      "You must specify either `--add-set' or `--del-set' or `--map-set'");
	if (!(seen & SEEN(O_ADD_SET)) && (seen & SEEN(O_EXIST)))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Flag `--exist' can be used with `--add-set' only");
	if (!(seen & SEEN(O_ADD_SET)) && (seen & SEEN(O_TIMEOUT)))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Option `--timeout' can be used with `--add-set' only");
	if (!(seen & SEEN(O_MAP_SET))) {
		unsigned int id;

		for (id = O_MAP_MARK; id <= O_MAP_QUEUE; id++)
			if (seen & SEEN(id))
				return xtn_parse_fail(p, XTN_PARAM,
						      "Flag `--%s' can be used with `--map-set' only",
						      set_tg_opts[id].name);
	} else if (!(seen & (SEEN(O_MAP_MARK) | SEEN(O_MAP_PRIO) |
			     SEEN(O_MAP_QUEUE)))) {
		return xtn_parse_fail(p, XTN_PARAM,
				      "You must specify flags `--map-mark' or '--map-prio` or `--map-queue'");
	}
	return 0;
}

static void put_ref(const struct xtn_out *o, const char *dashes,
		    const char *what, const struct xt_set_info *info)
{
	if (info->index == IPSET_INVALID_ID)
		return;
	xtn_out_printf(o, " %s%s", dashes, what);
	xtn_ipset_put_ref(o, info, dashes[0] != '\0');
}

/* -L and save differ only in the dashes. */
static void put_set_tg(const struct xtn_out *o,
		       const struct xt_set_info_target_v3 *t,
		       const char *dashes)
{
	put_ref(o, dashes, "add-set", &t->add_set);
	if (t->flags & IPSET_FLAG_EXIST)
		xtn_out_printf(o, " %sexist", dashes);
	if (t->timeout != UINT32_MAX)
		xtn_out_printf(o, " %stimeout %u", dashes, t->timeout);
	put_ref(o, dashes, "del-set", &t->del_set);
	put_ref(o, dashes, "map-set", &t->map_set);
	if (t->flags & IPSET_FLAG_MAP_SKBMARK)
		xtn_out_printf(o, " %smap-mark", dashes);
	if (t->flags & IPSET_FLAG_MAP_SKBPRIO)
		xtn_out_printf(o, " %smap-prio", dashes);
	if (t->flags & IPSET_FLAG_MAP_SKBQUEUE)
		xtn_out_printf(o, " %smap-queue", dashes);
}

static void set_tg_list(const struct xtn_out *o, const void *data)
{
	put_set_tg(o, data, "");
}

static void set_tg_save(const struct xtn_out *o, const void *data)
{
	put_set_tg(o, data, "--");
}

const struct xtn_ext xtn_tg_SET = {
	.name = "SET",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_set_info_target_v3),
	.opts = set_tg_opts,
	.legacy = true,
	.help =
"SET target options:\n"
" --add-set name flags [--exist] [--timeout n]\n"
" --del-set name flags\n"
" --map-set name flags [--map-mark] [--map-prio] [--map-queue]\n"
"\t\tadd/del src/dst IP/port from/to named sets,\n"
"\t\twhere flags are the comma separated list of\n"
"\t\t'src' and 'dst' specifications.\n",
	.init = set_tg_init,
	.parse = set_tg_parse,
	.final = set_tg_final,
	.save = set_tg_save,
	.list = set_tg_list,
	.xt = { .name = "SET", .revision = 3,
		.size = sizeof(struct xt_set_info_target_v3) },
};
