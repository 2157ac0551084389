/* Small output helpers the descriptors' printers use. */
#include <ctype.h>
#include <stdarg.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

void xtn_out_puts(const struct xtn_out *o, const char *s)
{
	xtn_strbuf_puts(o->sb, s);
}

void xtn_out_printf(const struct xtn_out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xtn_strbuf_vprintf(o->sb, fmt, ap);
	va_end(ap);
}

bool xtn_out_numeric(const struct xtn_out *o)
{
	return o->fmt & XTN_FMT_NUMERIC;
}

const char *xtn_out_addr4(const struct xtn_out *o, const union xtn_inaddr *a,
			  char *buf, size_t len)
{
	if (xtn_out_numeric(o) ||
	    (!xtn_res_addr_to_host(o->res, a, AF_INET, buf, len) &&
	     !xtn_res_addr_to_net(o->res, &a->v4, buf, len)))
		xtn_addr_ntop(a, AF_INET, buf, len);
	return buf;
}

/* iptables-save quoting (xtables_save_string): a leading space, then the
 * bare word if it is all [A-Za-z0-9_-], else "..." with \ before " \ '. */
void xtn_out_quoted(const struct xtn_out *o, const char *value)
{
	static const char plain[] =
		"_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	size_t len = strspn(value, plain);

	if (len > 0 && value[len] == '\0') {
		xtn_strbuf_putc(o->sb, ' ');
		xtn_strbuf_puts(o->sb, value);
		return;
	}
	xtn_strbuf_puts(o->sb, " \"");
	while (*value) {
		len = strcspn(value, "\"\\'");
		xtn_strbuf_put(o->sb, value, len);
		value += len;
		if (*value) {
			xtn_strbuf_putc(o->sb, '\\');
			xtn_strbuf_putc(o->sb, *value++);
		}
	}
	xtn_strbuf_putc(o->sb, '"');
}

/* A name in save form: bare as 1.8.9 prints it, unless it holds a blank or
 * a double quote, which a restore would split or unquote (1.8.9 prints it
 * bare and cannot restore its own save): then quoted. */
void xtn_out_name(const struct xtn_out *o, const char *name)
{
	const char *c;

	for (c = name; *c; c++) {
		if (*c == '"' || isspace((unsigned char)*c)) {
			xtn_out_quoted(o, name);
			return;
		}
	}
	xtn_out_printf(o, " %s", name);
}
