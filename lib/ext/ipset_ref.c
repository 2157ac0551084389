/* The ipset reference shared by -m set and -j SET (see ipset_ref.h). */
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/xt_set.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include "ipset_ref.h"

/* The set by name, with 1.8.9's messages and exit statuses. */
static int lookup(struct xtn_parse *p, struct xt_set_info *info)
{
	const struct xtn_resolver *res = p->ctx->resolver;
	uint16_t index = IPSET_INVALID_ID;
	uint8_t family = NFPROTO_UNSPEC;
	int err = 0, st = XTN_IPSET_MISSING;

	if (res && res->set_by_name)
		st = res->set_by_name(res, p->arg, &index, &family, &err);
	switch (st) {
	case XTN_IPSET_OK:
		break;
	case XTN_IPSET_NO_SOCKET:
		return xtn_parse_fail(p, XTN_OTHER,
				      "Can't open socket to ipset.\n");
	case XTN_IPSET_NO_MODULE:
		return xtn_parse_fail(p, XTN_OTHER,
				      "Kernel module xt_set is not loaded in.\n");
	case XTN_IPSET_FAILED:
		return xtn_parse_fail(p, XTN_OTHER,
				      "Problem when communicating with ipset, errno=%d.\n",
				      err);
	default:
		return xtn_parse_fail(p, XTN_PARAM, "Set %s doesn't exist.\n",
				      p->arg);
	}
	if (family != p->fam->nfproto && family != NFPROTO_UNSPEC)
		return xtn_parse_fail(p, XTN_PARAM,
				      "The protocol family of set %s is %s, which is not applicable.\n",
				      p->arg,
				      family == NFPROTO_IPV4 ? "IPv4" : "IPv6");
	info->index = index;
	return 0;
}

/* "src,dst,...": dimension n (from 1) is bit n, set for src.  1.8.9
 * compares only the first three letters ("srcfoo" is src): refused,
 * in its words for a bad direction. */
static int parse_dirs(struct xtn_parse *p, struct xt_set_info *info,
		      const char *s)
{
	const char *end;
	size_t len;

	for (;;) {
		if (info->dim == IPSET_DIM_MAX)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Can't be more src/dst options than %d.",
					      IPSET_DIM_MAX);
		end = strchr(s, ',');
		len = end ? (size_t)(end - s) : strlen(s);
		info->dim++;
		if (len == 3 && strncmp(s, "src", 3) == 0)
			info->flags |= (uint8_t)(1u << info->dim);
		else if (len != 3 || strncmp(s, "dst", 3) != 0)
			return xtn_parse_fail(p, XTN_PARAM,
					      "You must spefify (the comma separated list of) 'src' or 'dst'.");
		if (!end)
			return 0;
		s = end + 1;
	}
}

int xtn_ipset_parse_ref(struct xtn_parse *p, struct xt_set_info *info,
			const char *what)
{
	const char *dirs = *p->optind < p->argc ? p->argv[*p->optind] : NULL;

	if (info->dim)
		return xtn_parse_fail(p, XTN_PARAM,
				      "--%s can be specified only once", what);
	if (!dirs || dirs[0] == '-' || dirs[0] == '!')
		return xtn_parse_fail(p, XTN_PARAM, "--%s requires two args.",
				      what);
	if (strlen(p->arg) > IPSET_MAXNAMELEN - 1)
		return xtn_parse_fail(p, XTN_PARAM,
				      "setname `%s' too long, max %d characters.",
				      p->arg, IPSET_MAXNAMELEN - 1);
	if (lookup(p, info) < 0 || parse_dirs(p, info, dirs) < 0)
		return -1;
	(*p->optind)++;
	return 0;
}

void xtn_ipset_put_ref(const struct xtn_out *o, const struct xt_set_info *info,
		       bool save)
{
	char name[IPSET_MAXNAMELEN];
	unsigned int i;

	/* a rule holds its set, so the kernel always knows the name; the
	 * index stands in should it ever not */
	if (!o->res || !o->res->set_by_index ||
	    !o->res->set_by_index(o->res, info->index, name, sizeof(name)))
		snprintf(name, sizeof(name), "#%u", info->index);
	if (save)
		xtn_out_name(o, name);
	else
		xtn_out_printf(o, " %s", name);
	for (i = 1; i <= info->dim && i <= IPSET_DIM_MAX; i++)
		xtn_out_printf(o, "%s%s", i == 1 ? " " : ",",
			       info->flags & (1u << i) ? "src" : "dst");
}
