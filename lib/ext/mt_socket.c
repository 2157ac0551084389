/*
 * -m socket [--transparent] [--nowildcard] [--restore-skmark]: matches
 * packets that belong to a local socket.  1.8.9 writes revision 3
 * (xt_socket_mtinfo3, one flags byte) in both families, even without
 * options; revisions 1 and 2 (the same byte, fewer flags) are read too.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_socket.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_TRANSPARENT, O_NOWILDCARD, O_RESTORESKMARK };

static const struct xtn_optdef socket_opts[] = {
	{ .name = "transparent", .id = O_TRANSPARENT, .type = XTN_AT_NONE },
	{ .name = "nowildcard", .id = O_NOWILDCARD, .type = XTN_AT_NONE },
	{ .name = "restore-skmark", .id = O_RESTORESKMARK, .type = XTN_AT_NONE },
	{ 0 },
};

static int socket_parse(struct xtn_parse *p, void *data)
{
	struct xt_socket_mtinfo3 *s = data;

	switch (p->opt->id) {
	case O_TRANSPARENT:
		s->flags |= XT_SOCKET_TRANSPARENT;
		break;
	case O_NOWILDCARD:
		s->flags |= XT_SOCKET_NOWILDCARD;
		break;
	case O_RESTORESKMARK:
		s->flags |= XT_SOCKET_RESTORESKMARK;
		break;
	}
	return 0;
}

/* A flag the revision does not have is not one the kernel applies. */
static int socket_decode_old(struct xtn_dec *d, void *data, const void *info,
			     uint8_t known)
{
	const struct xt_socket_mtinfo1 *old = info;
	struct xt_socket_mtinfo3 *s = data;

	(void)d;
	if (old->flags & ~known)
		return -1;
	s->flags = old->flags;
	return 0;
}

static int socket_decode_rev1(struct xtn_dec *d, void *data, const void *info,
			      size_t len)
{
	(void)len;	/* checked against the revision's size */
	return socket_decode_old(d, data, info, XT_SOCKET_TRANSPARENT);
}

static int socket_decode_rev2(struct xtn_dec *d, void *data, const void *info,
			      size_t len)
{
	(void)len;
	return socket_decode_old(d, data, info,
				 XT_SOCKET_TRANSPARENT | XT_SOCKET_NOWILDCARD);
}

static const struct xtn_xt_rev socket_revs[] = {
	{ .revision = 1, .size = sizeof(struct xt_socket_mtinfo1),
	  .decode = socket_decode_rev1 },
	{ .revision = 2, .size = sizeof(struct xt_socket_mtinfo2),
	  .decode = socket_decode_rev2 },
	{ 0 },
};

static void socket_save(const struct xtn_out *o, const void *data)
{
	const struct xt_socket_mtinfo3 *s = data;

	if (s->flags & XT_SOCKET_TRANSPARENT)
		xtn_out_puts(o, " --transparent");
	if (s->flags & XT_SOCKET_NOWILDCARD)
		xtn_out_puts(o, " --nowildcard");
	if (s->flags & XT_SOCKET_RESTORESKMARK)
		xtn_out_puts(o, " --restore-skmark");
}

static void socket_list(const struct xtn_out *o, const void *data)
{
	xtn_out_puts(o, " socket");
	socket_save(o, data);
}

const struct xtn_ext xtn_mt_socket = {
	.name = "socket",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_socket_mtinfo3),
	.opts = socket_opts,
	.help =
"socket match options:\n"
"  --nowildcard     Do not ignore LISTEN sockets bound on INADDR_ANY\n"
"  --transparent    Ignore non-transparent sockets\n"
"  --restore-skmark Set the packet mark to the socket mark if\n"
"                   the socket matches and transparent / \n"
"                   nowildcard conditions are satisfied\n"
"\n",
	.parse = socket_parse,
	.save = socket_save,
	.list = socket_list,
	.xt = { .name = "socket", .revision = 3,
		.size = sizeof(struct xt_socket_mtinfo3) },
	.xt_read = socket_revs,
};
