/*
 * -j NFLOG: 1.8.9 writes the native nft log expression (group always,
 * prefix when given, snaplen only with --nflog-size, qthreshold when not
 * 0) and reads it back into an xt_nflog_info shape whose prefix holds the
 * 127 characters nft allows.  An xt_nflog_info blob (rev 0) is read too.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_log.h>
#include <linux/netfilter/xt_NFLOG.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_GROUP, O_PREFIX, O_RANGE, O_SIZE, O_THRESHOLD };

/* xt_nflog_info's layout with nft's longer prefix. */
struct nflog_data {
	uint32_t len;
	uint16_t group;
	uint16_t threshold;
	uint16_t flags;
	uint16_t pad;
	char prefix[NF_LOG_PREFIXLEN];
};

extern const struct xtn_ext xtn_tg_NFLOG;

static const struct xtn_optdef nflog_opts[] = {
	{ .name = "nflog-group", .id = O_GROUP, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT16,
	  .offset = offsetof(struct nflog_data, group) },
	{ .name = "nflog-prefix", .id = O_PREFIX, .has_arg = 1 },
	/* kept in len like 1.8.9 does, but never sent to the kernel */
	{ .name = "nflog-range", .id = O_RANGE, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct nflog_data, len), .excl = 1u << O_SIZE },
	{ .name = "nflog-size", .id = O_SIZE, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT32,
	  .offset = offsetof(struct nflog_data, len), .excl = 1u << O_RANGE },
	{ .name = "nflog-threshold", .id = O_THRESHOLD, .has_arg = 1,
	  .flags = XTN_OF_PUT, .type = XTN_AT_UINT16,
	  .offset = offsetof(struct nflog_data, threshold) },
	{ 0 },
};

/* 1.8.9 cuts a prefix to 127 characters silently: refused, in its words
 * for a string option with a maximum. */
static int nflog_parse(struct xtn_parse *p, void *data)
{
	struct nflog_data *n = data;
	size_t len;

	if (p->opt->id != O_PREFIX)
		return 0;
	len = strlen(p->arg);
	if (len < 1)
		return xtn_parse_fail(p, XTN_PARAM,
				      "Argument must have a minimum length of 1 characters\n");
	if (len >= sizeof(n->prefix))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Argument must have a maximum length of %zu characters\n",
				      sizeof(n->prefix) - 1);
	if (strchr(p->arg, '\n'))
		return xtn_parse_fail(p, XTN_PARAM,
				      "Newlines not allowed in --log-prefix");
	memcpy(n->prefix, p->arg, len + 1);
	return 0;
}

static int nflog_final(struct xtn_parse *p, void *data)
{
	struct nflog_data *n = data;

	if (p->inst->seen & (1u << O_RANGE))
		xtn_warn(&p->ctx->diag,
			 "warn: --nflog-range has never worked and is no longer supported, please use --nflog-size instead");
	if (p->inst->seen & (1u << O_SIZE))
		n->flags |= XT_NFLOG_F_COPY_LEN;
	return 0;
}

static int nflog_encode(struct xtn_enc *e, const void *data)
{
	const struct nflog_data *n = data;
	struct xtn_nexpr x;

	memset(&x, 0, sizeof(x));
	x.kind = XTN_NEXPR_LOG;
	x.u.log.present = XTN_LOG_HAS_GROUP;
	x.u.log.group = n->group;
	if (n->prefix[0]) {
		x.u.log.present |= XTN_LOG_HAS_PREFIX;
		x.u.log.prefix = n->prefix;
	}
	if (n->flags & XT_NFLOG_F_COPY_LEN) {
		x.u.log.present |= XTN_LOG_HAS_SNAPLEN;
		x.u.log.snaplen = n->len;
	}
	if (n->threshold) {
		x.u.log.present |= XTN_LOG_HAS_QTHRESHOLD;
		x.u.log.qthreshold = n->threshold;
	}
	xtn_enc_log(e, &x);
	return 0;
}

/*
 * A log expression without a group (nft's syslog "log") or with a level
 * or flags is not NFLOG: 1.8.9 would show it as one and lose them, we
 * leave the rule undecoded instead.
 */
static int nflog_decode_nexpr(struct xtn_dec *d, const struct xtn_nexpr *x)
{
	const char *prefix = x->u.log.prefix;
	struct nflog_data *n;

	if (x->kind != XTN_NEXPR_LOG)
		return 0;
	if (!(x->u.log.present & XTN_LOG_HAS_GROUP) ||
	    (x->u.log.present & (XTN_LOG_HAS_LEVEL | XTN_LOG_HAS_FLAGS)) ||
	    (prefix && strlen(prefix) >= sizeof(n->prefix)))
		return -1;
	n = xtn_dec_target(d, &xtn_tg_NFLOG);
	if (!n)
		return -1;
	n->group = x->u.log.group;
	n->threshold = x->u.log.qthreshold;
	if (x->u.log.present & XTN_LOG_HAS_SNAPLEN) {
		n->len = x->u.log.snaplen;
		n->flags = XT_NFLOG_F_COPY_LEN;
	}
	if (prefix)
		strcpy(n->prefix, prefix);
	return 1;
}

static int nflog_decode_xt(struct xtn_dec *d, void *data, const void *info,
			   size_t len)
{
	const struct xt_nflog_info *xi = info;
	struct nflog_data *n = data;

	(void)d;
	(void)len;
	n->len = xi->len;
	n->group = xi->group;
	n->threshold = xi->threshold;
	n->flags = xi->flags;
	memcpy(n->prefix, xi->prefix, sizeof(xi->prefix));
	n->prefix[sizeof(xi->prefix) - 1] = '\0';
	return 0;
}

static void put_nflog(const struct xtn_out *o, const struct nflog_data *n,
		      const char *dashes)
{
	if (n->prefix[0]) {
		xtn_out_printf(o, " %snflog-prefix", dashes);
		xtn_out_quoted(o, n->prefix);
	}
	if (n->group)
		xtn_out_printf(o, " %snflog-group %u", dashes, n->group);
	if (n->flags & XT_NFLOG_F_COPY_LEN)
		xtn_out_printf(o, " %snflog-size %u", dashes, n->len);
	else if (n->len)
		xtn_out_printf(o, " %snflog-range %u", dashes, n->len);
	if (n->threshold != XT_NFLOG_DEFAULT_THRESHOLD)
		xtn_out_printf(o, " %snflog-threshold %u", dashes, n->threshold);
}

static void nflog_list(const struct xtn_out *o, const void *data)
{
	put_nflog(o, data, "");
}

static void nflog_save(const struct xtn_out *o, const void *data)
{
	put_nflog(o, data, "--");
}

const struct xtn_ext xtn_tg_NFLOG = {
	.name = "NFLOG",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct nflog_data),
	.opts = nflog_opts,
	.help =
"NFLOG target options:\n"
" --nflog-group NUM\t\tNETLINK group used for logging\n"
" --nflog-range NUM\t\tThis option has no effect, use --nflog-size\n"
" --nflog-size NUM\t\tNumber of bytes to copy\n"
" --nflog-threshold NUM\t\tMessage threshold of in-kernel queue\n"
" --nflog-prefix STRING\t\tPrefix string for log messages\n",
	.parse = nflog_parse,
	.final = nflog_final,
	.encode = nflog_encode,
	.claims = XTN_CLAIM_LOG,
	.decode_nexpr = nflog_decode_nexpr,
	.decode_xt = nflog_decode_xt,
	.save = nflog_save,
	.list = nflog_list,
	.xt = { .name = "NFLOG", .revision = 0,
		.size = sizeof(struct xt_nflog_info) },
};
