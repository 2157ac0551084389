/* An nft --debug=netlink style dump of a rule's expressions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <xtnft/codec.h>
#include <xtnft/util.h>

void xtn_codec_dump(const struct nftnl_rule *nr, struct xtn_strbuf *out)
{
	size_t cap = 4096;
	char *buf = NULL, *body;
	int n;

	/* libnftnl's own rule printer: "<family> <table> <chain>\n" and one
	 * "  [ name ... ]" line per expression.  It is what nft --debug
	 * prints, so goldens from the oracle compare with it line by line. */
	for (;;) {
		buf = xtn_xrealloc(buf, cap);
		n = nftnl_rule_snprintf(buf, cap, nr, NFTNL_OUTPUT_DEFAULT, 0);
		if (n < 0) {
			buf[0] = '\0';
			break;
		}
		if ((size_t)n < cap - 1)
			break;
		cap *= 2;
	}
	body = strchr(buf, '\n');
	if (body)
		xtn_strbuf_puts(out, body + 1);
	free(buf);
}

/* The kernel's number for each lookup of a set not yet named, in the
 * order of the lookups: where its set is in sets. */
struct lookup_names {
	const struct xtn_sets *sets;
	unsigned int *index;
	unsigned int n;
};

static int note_lookup(struct nftnl_expr *x, void *data)
{
	struct lookup_names *ln = data;
	uint32_t id;
	unsigned int i;

	if (strcmp(nftnl_expr_get_str(x, NFTNL_EXPR_NAME), "lookup") != 0 ||
	    !xtn_set_name_is_template(nftnl_expr_get_str(x, NFTNL_EXPR_LOOKUP_SET)))
		return 0;
	id = nftnl_expr_get_u32(x, NFTNL_EXPR_LOOKUP_SET_ID);
	for (i = 0; i < ln->sets->n; i++)
		if (nftnl_set_get_u32(ln->sets->v[i], NFTNL_SET_ID) == id)
			break;
	ln->index = xtn_xrealloc(ln->index, (ln->n + 1) * sizeof(*ln->index));
	ln->index[ln->n++] = i;
	return 0;
}

/* The expressions, each "set __set%d" as the kernel would name it. */
static void dump_named(const struct nftnl_rule *nr, const struct xtn_sets *sets,
		       struct xtn_strbuf *out)
{
	static const char tmpl[] = "set __set%d ";
	struct lookup_names ln = { sets, NULL, 0 };
	struct xtn_strbuf text;
	const char *p, *hit;
	unsigned int k = 0;

	nftnl_expr_foreach((struct nftnl_rule *)nr, note_lookup, &ln);
	xtn_strbuf_init(&text);
	xtn_codec_dump(nr, &text);
	for (p = text.buf ? text.buf : ""; (hit = strstr(p, tmpl)); p = hit + sizeof(tmpl) - 1) {
		xtn_strbuf_put(out, p, (size_t)(hit - p));
		xtn_strbuf_printf(out, "set __set%u ", k < ln.n ? ln.index[k] : k);
		k++;
	}
	xtn_strbuf_puts(out, p);
	xtn_strbuf_fini(&text);
	free(ln.index);
}

static const char *family_name(uint32_t nfproto)
{
	switch (nfproto) {
	case NFPROTO_IPV4:
		return "ip";
	case NFPROTO_IPV6:
		return "ip6";
	case NFPROTO_BRIDGE:
		return "bridge";
	case NFPROTO_ARP:
		return "arp";
	}
	return "unknown";
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "#set element ..." lines in sorted order. */
static void dump_elems(const struct nftnl_set *s, struct xtn_strbuf *out)
{
	struct nftnl_set_elems_iter *it = nftnl_set_elems_iter_create(s);
	struct nftnl_set_elem *el;
	char **lines = NULL, buf[1024];
	unsigned int n = 0, i;

	if (!it)
		abort();
	while ((el = nftnl_set_elems_iter_next(it))) {
		nftnl_set_elem_snprintf(buf, sizeof(buf), el,
					NFTNL_OUTPUT_DEFAULT, 0);
		lines = xtn_xrealloc(lines, (n + 1) * sizeof(*lines));
		lines[n++] = xtn_xstrdup(buf);
	}
	nftnl_set_elems_iter_destroy(it);
	if (n)
		qsort(lines, n, sizeof(*lines), cmp_str);
	for (i = 0; i < n; i++) {
		xtn_strbuf_printf(out, "#set %s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
}

void xtn_codec_dump_sets(const struct nftnl_rule *nr,
			 const struct xtn_sets *sets, struct xtn_strbuf *out)
{
	unsigned int i;

	dump_named(nr, sets, out);
	for (i = 0; i < sets->n; i++) {
		const struct nftnl_set *s = sets->v[i];

		xtn_strbuf_printf(out, "#set %s %s @__set%u\n",
				  family_name(nftnl_set_get_u32(s, NFTNL_SET_FAMILY)),
				  nftnl_set_get_str(s, NFTNL_SET_TABLE), i);
		dump_elems(s, out);
	}
}
