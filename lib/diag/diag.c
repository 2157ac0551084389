/* Recording diagnostics: the first error wins, warnings accumulate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/diag.h>
#include <xtnft/util.h>

void xtn_diag_init(struct xtn_diag *d)
{
	memset(d, 0, sizeof(*d));
}

void xtn_diag_reset_error(struct xtn_diag *d)
{
	unsigned int i;

	free(d->msg);
	d->msg = NULL;
	for (i = 0; i < d->n_kerrs; i++) {
		free(d->kerrs[i].text);
		free(d->kerrs[i].kmsg);
	}
	free(d->kerrs);
	d->kerrs = NULL;
	d->n_kerrs = 0;
	d->status = 0;
	d->dmesg_hint = false;
	memset(&d->loc, 0, sizeof(d->loc));
}

void xtn_diag_rewind(struct xtn_diag *d, unsigned int n_warnings)
{
	xtn_diag_reset_error(d);
	while (d->n_warnings > n_warnings)
		free(d->warnings[--d->n_warnings]);
}

void xtn_diag_clear(struct xtn_diag *d)
{
	unsigned int i;

	xtn_diag_reset_error(d);
	for (i = 0; i < d->n_warnings; i++)
		free(d->warnings[i]);
	free(d->warnings);
	xtn_diag_init(d);
}

void xtn_diag_fini(struct xtn_diag *d)
{
	xtn_diag_clear(d);
}

bool xtn_diag_failed(const struct xtn_diag *d)
{
	return d->status != 0;
}

static int record(struct xtn_diag *d, int status, enum xtn_diag_style style,
		  const struct xtn_loc *loc, const char *fmt, va_list ap)
{
	struct xtn_strbuf sb;

	if (d->status)
		return -1;	/* keep the first error */
	xtn_strbuf_init(&sb);
	xtn_strbuf_vprintf(&sb, fmt, ap);
	d->status = status;
	d->style = style;
	if (loc)
		d->loc = *loc;
	d->msg = xtn_strbuf_steal(&sb);
	return -1;
}

int xtn_fail(struct xtn_diag *d, int status, const struct xtn_loc *loc,
	     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(d, status, XTN_DS_XTABLES, loc, fmt, ap);
	va_end(ap);
	return -1;
}

int xtn_vfail(struct xtn_diag *d, int status, const struct xtn_loc *loc,
	      const char *fmt, va_list ap)
{
	return record(d, status, XTN_DS_XTABLES, loc, fmt, ap);
}

int xtn_fail_style(struct xtn_diag *d, int status, enum xtn_diag_style style,
		   const struct xtn_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(d, status, style, loc, fmt, ap);
	va_end(ap);
	return -1;
}

int xtn_fail_errno(struct xtn_diag *d, const struct xtn_loc *loc, int op,
		   int err)
{
	if (d->status)
		return -1;
	xtn_fail_style(d, XTN_OTHER, XTN_DS_ERRNO, loc, "%s",
		       xtn_errmsg(op, err));
	d->dmesg_hint = err == 22;	/* EINVAL */
	return -1;
}

void xtn_diag_add_kerr(struct xtn_diag *d, uint32_t line, const char *fmt, ...)
{
	struct xtn_strbuf sb;
	va_list ap;

	xtn_strbuf_init(&sb);
	va_start(ap, fmt);
	xtn_strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	d->kerrs = xtn_xrealloc(d->kerrs, (d->n_kerrs + 1) * sizeof(*d->kerrs));
	memset(&d->kerrs[d->n_kerrs], 0, sizeof(d->kerrs[0]));
	d->kerrs[d->n_kerrs].line = line;
	d->kerrs[d->n_kerrs].text = xtn_strbuf_steal(&sb);
	d->n_kerrs++;
	if (!d->status) {
		d->status = XTN_RESOURCE;
		d->style = XTN_DS_KERNEL;
		d->msg = xtn_xstrdup("");
	}
}

void xtn_diag_kerr_locate(struct xtn_diag *d, const struct xtn_loc *loc,
			  const char *kmsg)
{
	struct xtn_kerr *k;

	if (!d->n_kerrs)
		return;
	k = &d->kerrs[d->n_kerrs - 1];
	if (loc) {
		k->has_loc = true;
		k->loc = *loc;
	}
	if (kmsg && !k->kmsg)
		k->kmsg = xtn_xstrdup(kmsg);
}

void xtn_warn(struct xtn_diag *d, const char *fmt, ...)
{
	struct xtn_strbuf sb;
	va_list ap;

	xtn_strbuf_init(&sb);
	va_start(ap, fmt);
	xtn_strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	d->warnings = xtn_xrealloc(d->warnings,
				   (d->n_warnings + 1) * sizeof(char *));
	d->warnings[d->n_warnings++] = xtn_strbuf_steal(&sb);
}
