/* Growable output buffers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/util.h>

void xtn_strbuf_init(struct xtn_strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void xtn_strbuf_fini(struct xtn_strbuf *sb)
{
	free(sb->buf);
	xtn_strbuf_init(sb);
}

void xtn_strbuf_truncate(struct xtn_strbuf *sb, size_t len)
{
	if (len >= sb->len)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

void xtn_strbuf_reset(struct xtn_strbuf *sb)
{
	xtn_strbuf_truncate(sb, 0);
}

static void reserve(struct xtn_strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;

	if (need <= sb->cap)
		return;
	if (sb->cap < 64)
		sb->cap = 64;
	while (sb->cap < need)
		sb->cap *= 2;
	sb->buf = xtn_xrealloc(sb->buf, sb->cap);
}

void xtn_strbuf_put(struct xtn_strbuf *sb, const void *data, size_t len)
{
	reserve(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void xtn_strbuf_putc(struct xtn_strbuf *sb, char c)
{
	xtn_strbuf_put(sb, &c, 1);
}

void xtn_strbuf_puts(struct xtn_strbuf *sb, const char *s)
{
	xtn_strbuf_put(sb, s, strlen(s));
}

void xtn_strbuf_vprintf(struct xtn_strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	reserve(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void xtn_strbuf_printf(struct xtn_strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xtn_strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

char *xtn_strbuf_steal(struct xtn_strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xtn_xstrdup("");

	xtn_strbuf_init(sb);
	return s;
}
