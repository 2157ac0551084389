/* Helpers for descriptor parsers: located failures, typed values. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/util.h>

int xtn_parse_fail(struct xtn_parse *p, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xtn_vfail(&p->ctx->diag, status, &p->loc, fmt, ap);
	va_end(ap);
	return -1;
}

int xtn_parse_check_inverse(struct xtn_parse *p, const char **arg)
{
	if (!*arg || strcmp(*arg, "!") != 0)
		return 0;
	xtn_warn(&p->ctx->diag,
		 "Using intrapositioned negation (`--option ! this`) is deprecated in favor of extrapositioned (`! --option this`).");
	if (p->invert)
		return xtn_parse_fail(p, XTN_PARAM, "Multiple `!' flags not allowed");
	p->invert = true;
	if (*p->optind >= p->argc)
		return xtn_parse_fail(p, XTN_PARAM, "no argument following `!'");
	*arg = p->argv[(*p->optind)++];
	return 0;
}

/* Generic storage for typed options (no extension code needed). */
int xtn_parse_typed(struct xtn_parse *p, void *data)
{
	const struct xtn_optdef *o = p->opt;
	char *dst;
	size_t len;

	switch (o->type) {
	case XTN_AT_STRING:
		dst = (char *)data + o->offset;
		len = strlen(p->arg);
		/* 1.8.9 cuts the string to the field silently (a comment of
		 * 300 characters is stored as its first 255): refused, in
		 * 1.8.9's words for a string option with a maximum */
		if (len >= o->size)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Argument must have a maximum length of %u characters\n",
					      o->size - 1u);
		/* a save could not be restored: its lines would break */
		if (strchr(p->arg, '\n'))
			return xtn_parse_fail(p, XTN_PARAM,
					      "%s: option \"--%s\" cannot hold a newline\n",
					      p->ext_name, o->name);
		memcpy(dst, p->arg, len);
		dst[len] = '\0';
		return 0;
	default:
		return 0;
	}
}
