/*
 * -m string: a pattern searched in the packet, xt_string_info rev 1 (read
 * rev 0 too).  Rules compare equal up to the kernel's config pointer.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/xt_string.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

enum { O_FROM, O_TO, O_ALGO, O_STRING, O_HEX_STRING, O_ICASE };

static const struct xtn_optdef string_opts[] = {
	{ .name = "from", .id = O_FROM, .has_arg = 1, .flags = XTN_OF_PUT,
	  .type = XTN_AT_UINT16,
	  .offset = offsetof(struct xt_string_info, from_offset) },
	{ .name = "to", .id = O_TO, .has_arg = 1, .flags = XTN_OF_PUT,
	  .type = XTN_AT_UINT16,
	  .offset = offsetof(struct xt_string_info, to_offset) },
	{ .name = "algo", .id = O_ALGO, .has_arg = 1,
	  .flags = XTN_OF_MAND, .type = XTN_AT_STRING,
	  .offset = offsetof(struct xt_string_info, algo),
	  .size = XT_STRING_MAX_ALGO_NAME_SIZE },
	{ .name = "string", .id = O_STRING, .has_arg = 1, .flags = XTN_OF_INVERT,
	  .excl = 1u << O_HEX_STRING },
	{ .name = "hex-string", .id = O_HEX_STRING, .has_arg = 1,
	  .flags = XTN_OF_INVERT, .excl = 1u << O_STRING },
	{ .name = "icase", .id = O_ICASE },
	{ 0 },
};

static void string_init(void *data, const struct xtn_family *fam)
{
	struct xt_string_info *s = data;

	(void)fam;
	s->to_offset = UINT16_MAX;
}

static int too_long(struct xtn_parse *p)
{
	return xtn_parse_fail(p, XTN_PARAM, "STRING too long \"%s\"", p->arg);
}

static unsigned int hex_value(char c)
{
	return isdigit((unsigned char)c) ? (unsigned int)(c - '0') :
		(unsigned int)(tolower((unsigned char)c) - 'a' + 10);
}

/*
 * Text with "|41 42|" hex blocks and backslash escapes, read as 1.8.9
 * reads it, quirks included: blanks may follow a block's '|' and each
 * hex pair (one blank), an unclosed block at the very end is dropped
 * ("a|" is "a"), and after a block's closing '|' the next character is
 * plain text even when it is a '|' or a backslash ("|41||42|" is "A|42").
 */
static int parse_hex_string(struct xtn_parse *p, struct xt_string_info *info)
{
	const char *s = p->arg;
	size_t len = strlen(s), i = 0;
	bool hex = false, escaped;

	while (i < len) {
		if (info->patlen >= XT_STRING_MAX_PATTERN_SIZE)
			return too_long(p);
		escaped = s[i] == '\\' && !hex;
		if (s[i] == '\\' && hex)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Cannot include literals in hex data");
		if (s[i] == '|') {
			hex = !hex;
			while (hex && s[i + 1] == ' ')
				i++;
			if (i + 1 >= len)
				break;
			i++;
		}
		if (escaped) {
			if (i + 1 >= len)
				return xtn_parse_fail(p, XTN_PARAM,
						      "Bad literal placement at end of string");
			info->pattern[info->patlen++] = s[i + 1];
			i += 2;
		} else if (hex) {
			if (i + 1 >= len)
				return xtn_parse_fail(p, XTN_PARAM, "Odd number of hex digits");
			if (i + 2 >= len)
				return xtn_parse_fail(p, XTN_PARAM, "Invalid hex block");
			if (!isxdigit((unsigned char)s[i]))
				return xtn_parse_fail(p, XTN_PARAM, "Invalid hex char '%c'", s[i]);
			if (!isxdigit((unsigned char)s[i + 1]))
				return xtn_parse_fail(p, XTN_PARAM, "Invalid hex char '%c'", s[i + 1]);
			info->pattern[info->patlen++] =
				(char)(hex_value(s[i]) << 4 | hex_value(s[i + 1]));
			i += s[i + 2] == ' ' ? 3 : 2;
		} else {
			info->pattern[info->patlen++] = s[i++];
		}
	}
	return 0;
}

static int string_parse(struct xtn_parse *p, void *data)
{
	struct xt_string_info *s = data;
	size_t len;

	switch (p->opt->id) {
	case O_STRING:
		len = strlen(p->arg);
		if (len > XT_STRING_MAX_PATTERN_SIZE)
			return too_long(p);
		memcpy(s->pattern, p->arg, len);
		s->patlen = (uint8_t)len;
		break;
	case O_HEX_STRING:
		if (!*p->arg)
			return xtn_parse_fail(p, XTN_PARAM,
					      "STRING must contain at least one char");
		if (parse_hex_string(p, s) < 0)
			return -1;
		break;
	case O_ICASE:
		s->u.v1.flags |= XT_STRING_FLAG_IGNORECASE;
		return 0;
	default:
		return 0;
	}
	if (p->invert)
		s->u.v1.flags |= XT_STRING_FLAG_INVERT;
	return 0;
}

static int string_final(struct xtn_parse *p, void *data)
{
	(void)data;
	if (!(p->inst->seen & (1u << O_STRING | 1u << O_HEX_STRING)))
		return xtn_parse_fail(p, XTN_PARAM,
				      "STRING match: You must specify `--string' or `--hex-string'");
	return 0;
}

/* Revision 0 kept the inversion where revision 1 keeps its flags. */
static int string_decode_v0(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	struct xt_string_info *s = data;

	(void)d;
	(void)len;
	memcpy(s, info, offsetof(struct xt_string_info, config));
	s->u.v1.flags = s->u.v0.invert ? XT_STRING_FLAG_INVERT : 0;
	return 0;
}

static int string_decode_xt(struct xtn_dec *d, void *data, const void *info,
			    size_t len)
{
	(void)d;
	(void)len;
	memcpy(data, info, offsetof(struct xt_string_info, config));
	return 0;
}

/* Shown as text unless a byte is not printable or it ends in a backslash
 * (which would escape the closing quote). */
static bool printable(const struct xt_string_info *s)
{
	unsigned int i, n = s->patlen < XT_STRING_MAX_PATTERN_SIZE ?
			    s->patlen : XT_STRING_MAX_PATTERN_SIZE;

	for (i = 0; i < n; i++)
		if (!isprint((unsigned char)s->pattern[i]))
			return false;
	return n == 0 || s->pattern[n - 1] != '\\';
}

/* The pattern quoted, '"' and '\' escaped, or as one hex block. */
static void put_pattern(const struct xtn_out *o, const struct xt_string_info *s,
			bool hex)
{
	unsigned int i;
	char c[2] = { 0, 0 };

	xtn_out_puts(o, hex ? "\"|" : "\"");
	for (i = 0; i < s->patlen && i < XT_STRING_MAX_PATTERN_SIZE; i++) {
		if (hex) {
			xtn_out_printf(o, "%02x", (unsigned char)s->pattern[i]);
			continue;
		}
		if (s->pattern[i] == '"' || s->pattern[i] == '\\')
			xtn_out_puts(o, "\\");
		c[0] = s->pattern[i];
		xtn_out_puts(o, c);
	}
	xtn_out_puts(o, hex ? "|\"" : "\"");
}

static void string_list(const struct xtn_out *o, const void *data)
{
	const struct xt_string_info *s = data;

	xtn_out_printf(o, " STRING match %s ",
		       s->u.v1.flags & XT_STRING_FLAG_INVERT ? "!" : "");
	put_pattern(o, s, !printable(s));
	xtn_out_printf(o, " ALGO name %.*s", XT_STRING_MAX_ALGO_NAME_SIZE, s->algo);
	if (s->from_offset)
		xtn_out_printf(o, " FROM %u", s->from_offset);
	if (s->to_offset != UINT16_MAX)
		xtn_out_printf(o, " TO %u", s->to_offset);
	if (s->u.v1.flags & XT_STRING_FLAG_IGNORECASE)
		xtn_out_puts(o, " ICASE");
}

static void string_save(const struct xtn_out *o, const void *data)
{
	const struct xt_string_info *s = data;
	char algo[XT_STRING_MAX_ALGO_NAME_SIZE + 1];
	bool hex = !printable(s);

	xtn_out_printf(o, "%s --%s ",
		       s->u.v1.flags & XT_STRING_FLAG_INVERT ? " !" : "",
		       hex ? "hex-string" : "string");
	put_pattern(o, s, hex);
	/* bare as 1.8.9 prints bm and kmp; an empty or odd name (the kernel
	 * refuses it, but the rule can be parsed) quoted, to parse back */
	snprintf(algo, sizeof(algo), "%.*s", XT_STRING_MAX_ALGO_NAME_SIZE,
		 s->algo);
	xtn_out_puts(o, " --algo");
	xtn_out_quoted(o, algo);
	if (s->from_offset)
		xtn_out_printf(o, " --from %u", s->from_offset);
	if (s->to_offset != UINT16_MAX)
		xtn_out_printf(o, " --to %u", s->to_offset);
	if (s->u.v1.flags & XT_STRING_FLAG_IGNORECASE)
		xtn_out_puts(o, " --icase");
}

static const struct xtn_xt_rev string_revs[] = {
	{ .revision = 0, .size = sizeof(struct xt_string_info),
	  .decode = string_decode_v0 },
	{ 0 },
};

const struct xtn_ext xtn_mt_string = {
	.name = "string",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_string_info),
	.cmp_size = offsetof(struct xt_string_info, config),
	.opts = string_opts,
	.help =
"string match options:\n"
"--from                       Offset to start searching from\n"
"--to                         Offset to stop searching\n"
"--algo                       Algorithm\n"
"--icase                      Ignore case (default: 0)\n"
"[!] --string string          Match a string in a packet\n"
"[!] --hex-string string      Match a hex string in a packet\n",
	.init = string_init,
	.parse = string_parse,
	.final = string_final,
	.decode_xt = string_decode_xt,
	.save = string_save,
	.list = string_list,
	.xt = { .name = "string", .revision = 1,
		.size = sizeof(struct xt_string_info) },
	.xt_read = string_revs,
};
