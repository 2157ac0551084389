/*
 * iptables-xml (see xml.h): iptables-save text to XML, the way 1.8.9 does
 * it, bytes and quirks included.  Its model is small: the table and chain
 * being written, the chains a table declared (a chain's element is opened
 * by its first rule; chains without rules are listed when the table
 * ends), and whether a <rule> and its <actions> are still open.  A rule
 * line is split into words with restore's tokenizer; each word becomes an
 * element, an element's text or an attribute by its shape alone.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/diag.h>
#include <xtnft/lines.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include <xtnft/xml.h>

/* XT_TABLE_MAXNAMELEN: 1.8.9 keeps the current table's and chain's names
 * in buffers this long, and prints them from there, cut */
#define XML_NAME_MAX 32
/* the size of 1.8.9's array of the chains one table declares */
#define XML_CHAINS_MAX 10240
#define XML_FLUSH_AT (64 * 1024)
#define INDENT1 "        "	/* a match or target */
#define INDENT2 "          "	/* one of its options */

struct xml_chain {
	char *name, *policy;
	unsigned long long pkts, bytes;
	bool created;		/* a rule opened it: not listed at the end */
};

struct xtn_xml {
	struct xtn_xml_opts o;
	char table[XML_NAME_MAX + 1];	/* "" outside a table */
	char chain[XML_NAME_MAX + 1];	/* "" while no <chain> is open */
	bool rule_open, actions_open;
	struct xml_chain *chains;
	unsigned int n_chains, cap_chains;
	struct xtn_words last;		/* the previous rule's words (-c) */
	unsigned int hyphens;		/* in the comment being written */
	bool comment_cut;		/* it held a NUL: the rest is left out */
};

/* A rule line's words; quoted words are data, never options. */
struct rule {
	char **v;
	const bool *q;
	int n;
};

/* ---- output --------------------------------------------------------- */

#define put(out, s) xtn_strbuf_puts(out, s)

/* Three strings in a row: tags are built so, not with printf, which
 * took half of the time of a big conversion. */
static void put3(struct xtn_strbuf *out, const char *a, const char *b,
		 const char *c)
{
	put(out, a);
	put(out, b);
	put(out, c);
}

static bool is_plain(unsigned char c)
{
	return c && c < 127 && c != '&' && c != '<' && c != '>' && c != '"';
}

/* Text and attribute values: markup characters as entities, and every
 * byte from 127 up as a character reference (1.8.9 knows no UTF-8). */
static void put_text(struct xtn_strbuf *out, const char *s)
{
	size_t n;

	while (*s) {
		for (n = 0; is_plain((unsigned char)s[n]); n++)
			;
		xtn_strbuf_put(out, s, n);
		s += n;
		if (!*s)
			break;
		if ((unsigned char)*s >= 127)
			xtn_strbuf_printf(out, "&#%d;", (unsigned char)*s);
		else if (*s == '&')
			put(out, "&amp;");
		else if (*s == '<')
			put(out, "&lt;");
		else if (*s == '>')
			put(out, "&gt;");
		else
			put(out, "&quot;");
		s++;
	}
}

static void put_attr(struct xtn_strbuf *out, const char *name,
		     const char *value)
{
	put3(out, name, "=\"", "");
	put_text(out, value);
	put(out, "\" ");
}

/*
 * Comment text.  "--" may not appear in an XML comment: 1.8.9 writes a
 * star before every hyphen and a blank before every second one, counting
 * over the whole comment.  It stops at a NUL byte: true then.
 */
static bool put_comment_text(struct xtn_strbuf *out, unsigned int *hyphens,
			     const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		for (n = 0; i + n < len && s[i + n] && s[i + n] != '-'; n++)
			;
		xtn_strbuf_put(out, s + i, n);
		i += n;
		if (i == len)
			break;
		if (s[i] == '\0')
			return true;
		if (++*hyphens >= 2) {
			*hyphens = 0;
			xtn_strbuf_putc(out, ' ');
		}
		put(out, "*-");
		i++;
	}
	return false;
}

void xtn_xml_comment(struct xtn_xml *x, const char *text, size_t len,
		     bool first, bool last, struct xtn_strbuf *out)
{
	if (first) {
		put(out, "<!-- ");
		x->hyphens = 0;
		x->comment_cut = false;
	}
	if (!x->comment_cut)
		x->comment_cut = put_comment_text(out, &x->hyphens, text, len);
	if (last)
		put(out, " -->\n");
}

/* A line as a comment: all of it up to a NUL, but its newline. */
static void put_line_comment(struct xtn_xml *x, const char *text,
			     struct xtn_strbuf *out)
{
	size_t len = strlen(text);

	if (len && text[len - 1] == '\n')
		len--;
	xtn_xml_comment(x, text, len, true, true, out);
}

/* ---- tables and chains ---------------------------------------------- */

static void set_name(char *dst, const char *src)
{
	size_t len = strnlen(src, XML_NAME_MAX);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* The closing tags of the open rule; blank lines after them, as 1.8.9. */
static void close_rule(struct xtn_xml *x, struct xtn_strbuf *out)
{
	if (x->actions_open)
		put(out, "       </actions>\n\n");
	x->actions_open = false;
	if (x->rule_open)
		put(out, "      </rule>\n\n");
	x->rule_open = false;
}

/* Without an open chain 1.8.9 leaves a rule open too (a rule of a chain
 * never declared): the next rule or chain closes it. */
static void close_chain(struct xtn_xml *x, struct xtn_strbuf *out)
{
	if (!x->chain[0])
		return;
	close_rule(x, out);
	put(out, "    </chain>\n");
	x->chain[0] = '\0';
}

static void open_chain(struct xtn_xml *x, const struct xml_chain *c,
		       bool empty, struct xtn_strbuf *out)
{
	close_chain(x, out);
	set_name(x->chain, c->name);
	put(out, "    <chain ");
	put_attr(out, "name", x->chain);
	if (strcmp(c->policy, "-") != 0)
		put_attr(out, "policy", c->policy);
	/* signed, as 1.8.9 prints them: 2^64-1 is -1 */
	xtn_strbuf_printf(out, "packet-count=\"%lld\" byte-count=\"%lld\" ",
			  (long long)c->pkts, (long long)c->bytes);
	if (empty) {
		xtn_strbuf_putc(out, '/');
		x->chain[0] = '\0';
	}
	put(out, ">\n");
}

static bool chain_exists(const struct xtn_xml *x, const char *name)
{
	unsigned int i;

	if (strcmp(x->chain, name) == 0)
		return true;
	for (i = 0; i < x->n_chains; i++)
		if (strcmp(x->chains[i].name, name) == 0)
			return true;
	return false;
}

/* A rule's chain: open its element, once for each time it was declared. */
static void need_chain(struct xtn_xml *x, const char *name,
		       struct xtn_strbuf *out)
{
	unsigned int i;

	if (strcmp(x->chain, name) == 0)
		return;
	for (i = 0; i < x->n_chains; i++) {
		if (strcmp(x->chains[i].name, name) != 0)
			continue;
		open_chain(x, &x->chains[i], false, out);
		x->chains[i].created = true;
	}
}

static void drop_chains(struct xtn_xml *x)
{
	unsigned int i;

	for (i = 0; i < x->n_chains; i++) {
		free(x->chains[i].name);
		free(x->chains[i].policy);
	}
	x->n_chains = 0;
}

static void close_table(struct xtn_xml *x, struct xtn_strbuf *out)
{
	unsigned int i;

	close_chain(x, out);
	for (i = 0; i < x->n_chains; i++)
		if (!x->chains[i].created)
			open_chain(x, &x->chains[i], true, out);
	drop_chains(x);
	if (x->table[0])
		put(out, "  </table>\n");
	x->table[0] = '\0';
}

static void open_table(struct xtn_xml *x, const char *name,
		       struct xtn_strbuf *out)
{
	close_table(x, out);
	set_name(x->table, name);
	put(out, "  <table ");
	put_attr(out, "name", x->table);
	put(out, ">\n");
}

/* ---- rules ---------------------------------------------------------- */

static bool is_word(const char *s, const char *a, const char *b)
{
	return strcmp(s, a) == 0 || strcmp(s, b) == 0;
}

static bool is_jump(const char *s)
{
	return is_word(s, "-j", "--jump");
}

static bool is_goto(const char *s)
{
	return is_word(s, "-g", "--goto");
}

static bool is_target(const char *s)
{
	return is_jump(s) || is_goto(s);
}

static bool is_module(const char *s)
{
	return is_word(s, "-m", "--module");
}

static bool is_terminal(const char *s)
{
	return is_word(s, "ACCEPT", "DROP") || is_word(s, "QUEUE", "RETURN");
}

/* The elements open while a rule part is written: a match or target
 * (level 1) and one of its options (level 2). */
struct levels {
	const char *tag1, *tag2;
	const char *spacer;	/* between two words of an option's text */
	bool invert;		/* a "!" before the next option */
};

static void close2(struct levels *lv, struct xtn_strbuf *out)
{
	if (lv->tag2)
		put3(out, "</", lv->tag2, ">\n");
	lv->tag2 = NULL;
}

static void close_both(struct levels *lv, struct xtn_strbuf *out)
{
	close2(lv, out);
	if (lv->tag1)
		put3(out, INDENT1 "</", lv->tag1, ">\n");
	lv->tag1 = NULL;
	lv->spacer = "";
	lv->invert = false;
}

/* "-j CHAIN" or "-g CHAIN" to a chain of this table: <call> or <goto>. */
static int put_call(struct levels *lv, const struct rule *r, int i,
		    struct xtn_strbuf *out)
{
	close_both(lv, out);
	lv->tag1 = is_goto(r->v[i]) ? "goto" : "call";
	put3(out, INDENT1 "<", lv->tag1, " >\n");
	put3(out, INDENT2 "<", r->v[i + 1], " />\n");
	return i + 1;
}

/* "-m NAME", or a target: an element named after it, empty if no option
 * follows. */
static int put_module(struct levels *lv, const struct rule *r, int i,
		      struct xtn_strbuf *out)
{
	const char *next;

	close_both(lv, out);
	lv->tag1 = r->v[++i];
	put3(out, INDENT1 "<", lv->tag1, " ");
	next = i + 1 < r->n ? r->v[i + 1] : NULL;
	if (!next || (!r->q[i + 1] && (is_target(next) || is_module(next)))) {
		put(out, " />\n");
		lv->tag1 = NULL;
	} else {
		put(out, ">\n");
	}
	return i;
}

/* An option: an element named without its dashes; its argument words are
 * its text (a word that starts with "-" is the next option, even
 * quoted). */
static void put_option(struct levels *lv, const struct rule *r, int i,
		       struct xtn_strbuf *out)
{
	const char *tag = r->v[i];

	close2(lv, out);
	while (*tag == '-')
		tag++;
	lv->spacer = "";
	lv->tag2 = tag;
	put3(out, INDENT2 "<", tag, " ");
	if (lv->invert)
		put(out, " invert=\"1\"");
	lv->invert = false;
	if (i + 1 >= r->n || r->v[i + 1][0] == '-') {
		put(out, " />\n");
		lv->tag2 = NULL;
	} else {
		xtn_strbuf_putc(out, '>');
	}
}

/* An argument word; one that was quoted or holds a blank is quoted. */
static void put_data(struct levels *lv, const struct rule *r, int i,
		     struct xtn_strbuf *out)
{
	bool quote = r->q[i] || strchr(r->v[i], ' ');

	put(out, lv->spacer);
	if (quote)
		put(out, "&quot;");
	put_text(out, r->v[i]);
	if (quote)
		put(out, "&quot;");
	lv->spacer = " ";
}

/* "!" inverts the option after it; before anything else it is text. */
static void put_bang(struct levels *lv, const struct rule *r, int i,
		     struct xtn_strbuf *out)
{
	if (i + 1 < r->n && r->v[i + 1][0] == '-')
		lv->invert = true;
	else
		put3(out, lv->spacer, "!", "");
	lv->spacer = " ";
}

/* The first word of a part: does it need a <match> for the options that
 * come before any -m (-s, -p, ...)? */
static bool starts_bare(const struct rule *r, int i)
{
	if (i < r->n && strcmp(r->v[i], "!") == 0)
		i++;
	return i < r->n && r->v[i][0] == '-' && !is_target(r->v[i]) &&
	       strcmp(r->v[i], "-m") != 0;
}

/* The conditions (the words before the first -j/-g), or the actions (the
 * words from it on).  The first two words ("-A CHAIN") are left out. */
static void put_part(const struct xtn_xml *x, const struct rule *r,
		     bool actions, struct xtn_strbuf *out)
{
	struct levels lv = { NULL, NULL, "", false };
	int i = 2;

	if (actions)
		while (i < r->n && (r->q[i] || !is_target(r->v[i])))
			i++;
	if (starts_bare(r, i)) {
		lv.tag1 = "match";
		put(out, INDENT1 "<match >\n");
	}
	for (; i < r->n; i++) {
		const char *w = r->v[i];
		bool opt = !r->q[i];

		if (!actions && opt && is_target(w))
			break;
		if (opt && strcmp(w, "!") == 0)
			put_bang(&lv, r, i, out);
		else if (opt && is_target(w) && i + 1 < r->n &&
			 chain_exists(x, r->v[i + 1]))
			i = put_call(&lv, r, i, out);
		else if (opt && (is_target(w) || is_module(w)) && i + 1 >= r->n)
			break;	/* nothing named: the rest is empty */
		else if (opt && (is_target(w) || is_module(w)))
			i = put_module(&lv, r, i, out);
		else if (opt && w[0] == '-')
			put_option(&lv, r, i, out);
		else
			put_data(&lv, r, i, out);
	}
	close_both(&lv, out);
}

/* -c: the same words as the previous rule up to both targets, and the
 * previous one does not end the packet's way (a goto, ACCEPT...). */
static bool same_conditions(const struct rule *r, const struct xtn_words *old)
{
	int i;

	for (i = 0; i < r->n && i < old->n; i++) {
		const char *o = old->v[i];

		if (is_target(o) && is_target(r->v[i]))
			return !is_goto(o) && !(is_jump(o) && i + 1 < old->n &&
						is_terminal(old->v[i + 1]));
		if (strcmp(o, r->v[i]) != 0)
			return false;
	}
	return false;
}

static void put_rule(struct xtn_xml *x, const struct rule *r,
		     const char *pcnt, const char *bcnt,
		     struct xtn_strbuf *out)
{
	bool conditions = r->n > 2 && !is_target(r->v[2]);

	if (x->o.combine && conditions && same_conditions(r, &x->last)) {
		put(out, "<!-- Combine action from next rule -->\n");
	} else {
		close_rule(x, out);
		put(out, "      <rule ");
		if (pcnt)
			put_attr(out, "packet-count", pcnt);
		if (bcnt)
			put_attr(out, "byte-count", bcnt);
		put(out, ">\n");
		x->rule_open = true;
		if (conditions) {
			put(out, "       <conditions>\n");
			put_part(x, r, false, out);
			put(out, "       </conditions>\n");
		}
	}
	if (!x->actions_open)
		put(out, "       <actions>\n");
	x->actions_open = true;
	put_part(x, r, true, out);
}

/* ---- lines ---------------------------------------------------------- */

static int param_fail(struct xtn_diag *d, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* What 1.8.9 reports through xtables_error(): status 2, the line named */
static int param_fail(struct xtn_diag *d, uint32_t line, const char *fmt, ...)
{
	struct xtn_loc loc = { .line = line };
	va_list ap;

	va_start(ap, fmt);
	xtn_vfail(d, XTN_PARAM, &loc, fmt, ap);
	va_end(ap);
	return -1;
}

/* "[pkts:bytes] -A ...": the counters are copied as they are, split the
 * way 1.8.9's strtok() does ("[1:] -A X" has " -A X" as its bytes). */
static int rule_counters(char **text, char **pcnt, char **bcnt,
			 uint32_t line, struct xtn_diag *d)
{
	char *end, *save = NULL;

	if ((*text)[0] != '[')
		return 0;
	end = strchr(*text, ']');
	if (!end)
		return param_fail(d, line, "Bad line %u: need ]", line);
	*pcnt = strtok_r(*text + 1, ":", &save);
	if (!*pcnt)
		return param_fail(d, line, "Bad line %u: need :", line);
	*bcnt = strtok_r(NULL, "]", &save);
	if (!*bcnt)
		return param_fail(d, line, "Bad line %u: need ]", line);
	*text = end + 1;
	return 0;
}

static void keep_last(struct xtn_xml *x, struct xtn_words *w)
{
	xtn_words_fini(&x->last);
	x->last = *w;
	memset(w, 0, sizeof(*w));
}

static int rule_line(struct xtn_xml *x, char *text, uint32_t line,
		     struct xtn_strbuf *out, struct xtn_diag *d)
{
	char *pcnt = NULL, *bcnt = NULL, *chain = NULL;
	bool quoted[XTN_WORDS_MAX];
	struct xtn_words w = { 0 };
	int i, ret = -1;

	if (rule_counters(&text, &pcnt, &bcnt, line, d) < 0)
		return -1;
	if (xtn_split_words(text, &w, quoted, d, line) < 0)
		goto out;
	for (i = 1; i < w.n && !chain; i++)
		if (strcmp(w.v[i - 1], "-A") == 0)
			chain = w.v[i];
	if (!chain) {
		xtn_fail_style(d, XTN_OTHER, XTN_DS_PROG,
			       &(struct xtn_loc){ .line = line },
			       "line %u failed - no chain found", line);
		goto out;
	}
	need_chain(x, chain, out);
	put_rule(x, &(struct rule){ w.v, quoted, w.n }, pcnt, bcnt, out);
	keep_last(x, &w);
	ret = 0;
out:
	xtn_words_fini(&w);
	return ret;
}

static int table_line(struct xtn_xml *x, char *text, uint32_t line,
		      struct xtn_strbuf *out, struct xtn_diag *d)
{
	char *save = NULL, *name = strtok_r(text + 1, " \t\n", &save);

	if (!name)
		return param_fail(d, line, "%s: line %u table name invalid",
				  XTN_XML_PROG, line);
	open_table(x, name, out);
	return 0;
}

/* ":NAME POLICY [pkts:bytes]": kept until a rule or the table's end
 * writes it. */
static int chain_line(struct xtn_xml *x, char *text, uint32_t line,
		      struct xtn_diag *d)
{
	char *save = NULL, *name, *policy, *counters;
	struct xml_chain *c;

	name = strtok_r(text + 1, " \t\n", &save);
	if (!name)
		return param_fail(d, line, "%s: line %u chain name invalid",
				  XTN_XML_PROG, line);
	policy = strtok_r(NULL, " \t\n", &save);
	if (!policy)
		return param_fail(d, line, "%s: line %u policy invalid",
				  XTN_XML_PROG, line);
	counters = strtok_r(NULL, " \t\n", &save);
	if (x->n_chains >= XML_CHAINS_MAX)
		return param_fail(d, line, "%s: line %u chain name invalid",
				  XTN_XML_PROG, line);
	x->chains = xtn_xgrow(x->chains, &x->cap_chains, x->n_chains + 1,
			      sizeof(*x->chains), 16);
	c = &x->chains[x->n_chains++];
	memset(c, 0, sizeof(*c));
	c->name = xtn_xstrdup(name);
	c->policy = xtn_xstrdup(policy);
	/* 1.8.9's sscanf(), signs and saturation included; what it leaves
	 * unread is 0 here (1.8.9 prints what its stack held) */
	if (counters)
		(void)sscanf(counters, "[%llu:%llu]", &c->pkts, &c->bytes);
	return 0;
}

int xtn_xml_line(struct xtn_xml *x, char *text, uint32_t lineno,
		 struct xtn_strbuf *out, struct xtn_diag *d)
{
	if (text[0] == '\n')
		return 0;
	if (text[0] == '#') {
		put_line_comment(x, text, out);
		return 0;
	}
	if (x->o.verbose) {
		xtn_strbuf_printf(out, "<!-- line %u ", lineno);
		put_comment_text(out, &(unsigned int){ 0 }, text,
				 strcspn(text, "\n"));
		put(out, " -->\n");
	}
	if (x->table[0] && strcmp(text, "COMMIT\n") == 0) {
		close_table(x, out);
		return 0;
	}
	if (text[0] == '*')
		return table_line(x, text, lineno, out, d);
	if (x->table[0] && text[0] == ':')
		return chain_line(x, text, lineno, d);
	if (x->table[0])
		return rule_line(x, text, lineno, out, d);
	return xtn_fail_style(d, XTN_OTHER, XTN_DS_PROG,
			      &(struct xtn_loc){ .line = lineno },
			      "line %u failed", lineno);
}

/* ---- the whole input ------------------------------------------------ */

struct xtn_xml *xtn_xml_new(const struct xtn_xml_opts *o)
{
	struct xtn_xml *x = xtn_xzalloc(sizeof(*x));

	x->o = *o;
	return x;
}

void xtn_xml_free(struct xtn_xml *x)
{
	if (!x)
		return;
	drop_chains(x);
	free(x->chains);
	xtn_words_fini(&x->last);
	free(x);
}

void xtn_xml_start(struct xtn_xml *x, struct xtn_strbuf *out)
{
	(void)x;
	put(out, "<iptables-rules version=\"1.0\">\n");
}

int xtn_xml_end(struct xtn_xml *x, uint32_t last_line, struct xtn_strbuf *out,
		struct xtn_diag *d)
{
	if (x->table[0])
		return xtn_fail_style(d, XTN_OTHER, XTN_DS_PROG,
				      &(struct xtn_loc){ .line = last_line + 1 },
				      "COMMIT expected at line %u",
				      last_line + 1);
	put(out, "</iptables-rules>\n");
	return 0;
}

static void maybe_flush(const struct xtn_xml_opts *o, struct xtn_strbuf *out)
{
	if (o->flush && out->len >= XML_FLUSH_AT)
		o->flush(out, o->flush_priv);
}

static int read_failed(struct xtn_diag *d, int err)
{
	return xtn_fail_style(d, XTN_OTHER, XTN_DS_PROG, NULL,
			      "error reading input: %s", strerror(err));
}

/* Outside a table only "*table" lines are read: 1.8.9 fails on any other
 * line there, long or with a NUL in it, and so does this. */
static bool fails_anyway(const struct xtn_xml *x, const char *text)
{
	return !x->table[0] && text[0] != '*';
}

/*
 * A line over XTN_LINE_MAX: 1.8.9 reads it as several (its fgets() buffer
 * is that long), so a long comment breaks the input in two and a long
 * rule may become two rules.  Here a comment is written whole, piece by
 * piece; any other line is refused.
 */
static int long_line(struct xtn_xml *x, struct xtn_lines *in,
		     const struct xtn_line *l, uint32_t no,
		     struct xtn_strbuf *out, struct xtn_diag *d)
{
	const char *piece;
	bool last = false;
	size_t len;

	if (l->text[0] != '#' && fails_anyway(x, l->text))
		return xtn_xml_line(x, l->text, no, out, d);
	if (l->text[0] != '#')
		return param_fail(d, no, "line longer than %u bytes",
				  XTN_LINE_MAX);
	xtn_xml_comment(x, l->text, l->len, true, false, out);
	while (!last) {
		maybe_flush(&x->o, out);
		if (xtn_lines_rest(in, &piece, &len, &last) == XTN_LINE_ERROR)
			return read_failed(d, in->err);
		xtn_xml_comment(x, piece, len, false, last, out);
	}
	return 0;
}

/* A whole line: handed on as 1.8.9's fgets() reads it, newline and all. */
static int whole_line(struct xtn_xml *x, const struct xtn_line *l,
		      uint32_t no, struct xtn_strbuf *out, struct xtn_diag *d)
{
	char text[XTN_LINE_MAX + 2];

	/* 1.8.9 stops at a NUL, and would drop the rest silently */
	if (l->text[0] != '#' && l->text[0] != '\0' &&
	    memchr(l->text, '\0', l->len) && !fails_anyway(x, l->text))
		return param_fail(d, no, "NUL byte inside the line");
	memcpy(text, l->text, l->len);
	/* a line that fills 1.8.9's buffer is read without its newline */
	text[l->len] = '\n';
	text[l->len + (l->newline && l->len < XTN_LINE_MAX)] = '\0';
	return xtn_xml_line(x, text, no, out, d);
}

int xtn_xml_convert(struct xtn_lines *in, const struct xtn_xml_opts *o,
		    struct xtn_strbuf *out, struct xtn_diag *d)
{
	struct xtn_xml *x = xtn_xml_new(o);
	enum xtn_line_status st;
	struct xtn_line l;
	uint32_t no = 0;
	int ret = 0;

	xtn_xml_start(x, out);
	while (ret == 0 && (st = xtn_lines_next(in, &l)) != XTN_LINE_EOF) {
		if (st == XTN_LINE_ERROR) {
			ret = read_failed(d, in->err);
			break;
		}
		no++;
		if (st == XTN_LINE_LONG)
			ret = long_line(x, in, &l, no, out, d);
		else
			ret = whole_line(x, &l, no, out, d);
		/* its newline, read alone, is a (blank) line for 1.8.9 */
		if (l.whole && l.len == XTN_LINE_MAX && l.newline)
			no++;
		maybe_flush(o, out);
	}
	if (ret == 0)
		ret = xtn_xml_end(x, no, out, d);
	xtn_xml_free(x);
	return ret;
}
