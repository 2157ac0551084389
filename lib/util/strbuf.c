/* Growable output buffers. */
#include <stdbool.h>
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

void xtn_strbuf_reserve(struct xtn_strbuf *sb, size_t extra)
{
	reserve(sb, extra);
}

void xtn_strbuf_put(struct xtn_strbuf *sb, const void *data, size_t len)
{
	if (sb->len + len + 1 > sb->cap)
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

/*
 * The printers write a token at a time (" --dport %u"), so formatting is
 * most of a save's userspace time when every token goes through vsnprintf.
 * The conversions they use are formatted here directly: %s %c %d %i %u %x
 * %X %%, with the flags '-' and '0', a decimal width and the length
 * modifiers hh h l ll z.  A format using anything else (a precision, %f,
 * '*') goes to vsnprintf whole: what the direct path wrote of it is
 * taken back first, and vsnprintf reads the arguments from the start.
 */
struct conv {
	bool left, zero;
	unsigned int width;
	enum { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE } len;
	char type;
};

/* Read the conversion after a '%'; NULL if the fast path does not do it. */
static const char *read_conv(const char *p, struct conv *c)
{
	memset(c, 0, sizeof(*c));
	for (;; p++) {
		if (*p == '-')
			c->left = true;
		else if (*p == '0')
			c->zero = true;
		else
			break;
	}
	while (*p >= '0' && *p <= '9' && c->width < 1000)
		c->width = c->width * 10 + (unsigned int)(*p++ - '0');
	if (p[0] == 'h' && p[1] == 'h')
		c->len = LEN_CHAR, p += 2;
	else if (p[0] == 'h')
		c->len = LEN_SHORT, p++;
	else if (p[0] == 'l' && p[1] == 'l')
		c->len = LEN_LLONG, p += 2;
	else if (p[0] == 'l')
		c->len = LEN_LONG, p++;
	else if (p[0] == 'z')
		c->len = LEN_SIZE, p++;
	c->type = *p;
	switch (*p) {
	case 'd': case 'i': case 'u': case 'x': case 'X':
		return p + 1;
	case 's': case 'c': case '%':
		return c->len == LEN_INT ? p + 1 : NULL;
	default:
		return NULL;
	}
}

static void put_padded(struct xtn_strbuf *sb, const struct conv *c,
		       const char *sign, const char *s, size_t len)
{
	size_t used, pad;
	char fill;

	/* no width (nearly every conversion a listing prints): no padding */
	if (!c->width) {
		if (sign[0])
			xtn_strbuf_put(sb, sign, strlen(sign));
		xtn_strbuf_put(sb, s, len);
		return;
	}
	used = strlen(sign) + len;
	pad = c->width > used ? c->width - used : 0;
	fill = c->zero && !c->left && c->type != 's' && c->type != 'c' ?
		'0' : ' ';

	reserve(sb, used + pad);
	if (!c->left && fill == ' ')
		for (; pad; pad--)
			sb->buf[sb->len++] = ' ';
	xtn_strbuf_put(sb, sign, strlen(sign));
	for (; !c->left && pad; pad--)
		sb->buf[sb->len++] = '0';
	xtn_strbuf_put(sb, s, len);
	for (; pad; pad--)
		sb->buf[sb->len++] = ' ';
	sb->buf[sb->len] = '\0';
}

static unsigned long long take_unsigned(const struct conv *c, va_list *ap)
{
	switch (c->len) {
	case LEN_CHAR:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_LONG:
		return va_arg(*ap, unsigned long);
	case LEN_LLONG:
		return va_arg(*ap, unsigned long long);
	case LEN_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static long long take_signed(const struct conv *c, va_list *ap)
{
	switch (c->len) {
	case LEN_CHAR:
		return (signed char)va_arg(*ap, int);
	case LEN_SHORT:
		return (short)va_arg(*ap, int);
	case LEN_LONG:
		return va_arg(*ap, long);
	case LEN_LLONG:
		return va_arg(*ap, long long);
	case LEN_SIZE:
		return (long long)va_arg(*ap, size_t);
	default:
		return va_arg(*ap, int);
	}
}

static void put_number(struct xtn_strbuf *sb, const struct conv *c,
		       va_list *ap)
{
	const char *digits = c->type == 'X' ? "0123456789ABCDEF" :
					      "0123456789abcdef";
	unsigned int base = c->type == 'x' || c->type == 'X' ? 16 : 10;
	unsigned long long v;
	char tmp[24], *e = tmp + sizeof(tmp), *p = e;
	const char *sign = "";

	if (c->type == 'd' || c->type == 'i') {
		long long s = take_signed(c, ap);

		sign = s < 0 ? "-" : "";
		v = s < 0 ? 0ull - (unsigned long long)s : (unsigned long long)s;
	} else {
		v = take_unsigned(c, ap);
	}
	do
		*--p = digits[v % base];
	while ((v /= base));
	put_padded(sb, c, sign, p, (size_t)(e - p));
}

/* false (with part of it written) at a conversion it does not do */
static bool format_fast(struct xtn_strbuf *sb, const char *fmt, va_list *ap)
{
	const char *pct, *s;
	struct conv c;
	char ch;

	while ((pct = strchr(fmt, '%'))) {
		if (pct != fmt)
			xtn_strbuf_put(sb, fmt, (size_t)(pct - fmt));
		fmt = read_conv(pct + 1, &c);
		if (!fmt)
			return false;
		switch (c.type) {
		case '%':
			xtn_strbuf_putc(sb, '%');
			break;
		case 's':
			s = va_arg(*ap, const char *);
			if (!s)
				s = "(null)";
			put_padded(sb, &c, "", s, strlen(s));
			break;
		case 'c':
			ch = (char)va_arg(*ap, int);
			put_padded(sb, &c, "", &ch, 1);
			break;
		default:
			put_number(sb, &c, ap);
		}
	}
	/* even when empty: the buffer then exists and ends in a NUL */
	xtn_strbuf_puts(sb, fmt);
	return true;
}

void xtn_strbuf_vprintf(struct xtn_strbuf *sb, const char *fmt, va_list ap)
{
	size_t start = sb->len, room;
	va_list ap2;
	bool done;
	int n;

	va_copy(ap2, ap);
	done = format_fast(sb, fmt, &ap2);
	va_end(ap2);
	if (done)
		return;
	if (sb->buf)
		xtn_strbuf_truncate(sb, start);
	reserve(sb, 64);
	room = sb->cap - sb->len;
	va_copy(ap2, ap);
	n = vsnprintf(sb->buf + sb->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		reserve(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	}
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
