/*
 * -m owner: the local socket's owner, xt_owner_match_info (rev 1).  Names
 * of users and groups go through the ctx's resolver, both ways.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_owner.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>

enum { O_UID, O_GID, O_SOCKET, O_SUPPL };

static const struct xtn_optdef owner_opts[] = {
	{ .name = "uid-owner", .id = O_UID, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "gid-owner", .id = O_GID, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "socket-exists", .id = O_SOCKET, .flags = XTN_OF_INVERT },
	{ .name = "suppl-groups", .id = O_SUPPL },
	{ 0 },
};

static int bad_value(struct xtn_parse *p, const char *what)
{
	return xtn_parse_fail(p, XTN_PARAM,
			      "owner: Bad value for \"--%s\" option: \"%s\"",
			      p->opt->name, what);
}

/* "N", "N-M" or a name; 1.8.9 keeps UINT32_MAX (-1) out. */
static int parse_ids(struct xtn_parse *p, uint32_t *lo, uint32_t *hi)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	uint64_t a, b;
	char *end;
	bool found = false;

	if (xtn_strtoui(p->arg, &end, &a, 0, UINT32_MAX - 1) &&
	    (*end == '\0' || (*end == '-' &&
			      xtn_strtoui(end + 1, &end, &b, 0, UINT32_MAX - 1) &&
			      *end == '\0'))) {
		*lo = (uint32_t)a;
		*hi = strchr(p->arg, '-') ? (uint32_t)b : (uint32_t)a;
		return 0;
	}
	if (p->opt->id == O_UID && res && res->user_to_uid)
		found = res->user_to_uid(res, p->arg, lo);
	else if (p->opt->id == O_GID && res && res->group_to_gid)
		found = res->group_to_gid(res, p->arg, lo);
	if (!found)
		return bad_value(p, p->arg);
	*hi = *lo;
	return 0;
}

static int owner_parse(struct xtn_parse *p, void *data)
{
	struct xt_owner_match_info *o = data;
	uint8_t flag;

	switch (p->opt->id) {
	case O_UID:
		if (parse_ids(p, &o->uid_min, &o->uid_max) < 0)
			return -1;
		flag = XT_OWNER_UID;
		break;
	case O_GID:
		if (parse_ids(p, &o->gid_min, &o->gid_max) < 0)
			return -1;
		flag = XT_OWNER_GID;
		break;
	case O_SOCKET:
		flag = XT_OWNER_SOCKET;
		break;
	default:
		/* 1.8.9 checks the order the options came in */
		if (!(o->match & XT_OWNER_GID))
			return bad_value(p, "you need to use --gid-owner first");
		flag = XT_OWNER_SUPPL_GROUPS;
		break;
	}
	o->match |= flag;
	if (p->invert)
		o->invert |= flag;
	return 0;
}

static int owner_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!p->inst->seen)
		return xtn_parse_fail(p, XTN_PARAM,
				      "owner: At least one of --uid-owner, --gid-owner or --socket-exists is required");
	return 0;
}

static void put_ids(const struct xtn_out *o, uint32_t lo, uint32_t hi,
		    bool group)
{
	const struct xtn_resolver *res = o->res;
	char name[256];
	bool named = false;

	if (lo != hi) {
		xtn_out_printf(o, " %u-%u", lo, hi);
		return;
	}
	if (!xtn_out_numeric(o) && res) {
		if (group && res->gid_to_group)
			named = res->gid_to_group(res, lo, name, sizeof(name));
		else if (!group && res->uid_to_user)
			named = res->uid_to_user(res, lo, name, sizeof(name));
	}
	if (named)
		xtn_out_printf(o, " %s", name);
	else
		xtn_out_printf(o, " %u", lo);
}

/* 1.8.9's order: socket, uid, gid, supplementary groups */
static void owner_print(const struct xtn_out *o, const void *data,
			const char *const labels[4])
{
	const struct xt_owner_match_info *m = data;
	static const uint8_t flags[4] = {
		XT_OWNER_SOCKET, XT_OWNER_UID, XT_OWNER_GID, XT_OWNER_SUPPL_GROUPS,
	};
	size_t i;

	for (i = 0; i < 4; i++) {
		if (!(m->match & flags[i]))
			continue;
		xtn_out_printf(o, "%s %s", m->invert & flags[i] ? " !" : "",
			       labels[i]);
		if (flags[i] == XT_OWNER_UID)
			put_ids(o, m->uid_min, m->uid_max, false);
		else if (flags[i] == XT_OWNER_GID)
			put_ids(o, m->gid_min, m->gid_max, true);
	}
}

static void owner_list(const struct xtn_out *o, const void *data)
{
	static const char *const labels[4] = {
		"owner socket exists", "owner UID match", "owner GID match",
		"incl. suppl. groups",
	};

	owner_print(o, data, labels);
}

static void owner_save(const struct xtn_out *o, const void *data)
{
	static const char *const labels[4] = {
		"--socket-exists", "--uid-owner", "--gid-owner", "--suppl-groups",
	};
	struct xtn_out numeric = *o;

	numeric.fmt |= XTN_FMT_NUMERIC;
	owner_print(&numeric, data, labels);
}

const struct xtn_ext xtn_mt_owner = {
	.name = "owner",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_owner_match_info),
	.opts = owner_opts,
	.help =
"owner match options:\n"
"[!] --uid-owner userid[-userid]      Match local UID\n"
"[!] --gid-owner groupid[-groupid]    Match local GID\n"
"[!] --socket-exists                  Match if socket exists\n"
"    --suppl-groups                   Also match supplementary groups set with --gid-owner\n",
	.parse = owner_parse,
	.final = owner_final,
	.save = owner_save,
	.list = owner_list,
	.xt = { .name = "owner", .revision = 1,
		.size = sizeof(struct xt_owner_match_info) },
};
