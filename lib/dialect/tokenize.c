/*
 * Restore line tokenizer, the algorithm of iptables' add_param_to_argv():
 * blanks split words, "..." groups (its closing quote ends the word, so
 * "" is an empty word), backslash escapes only inside quotes.  Shared by
 * iptables-restore and iptables-xml (which also asks which words were
 * quoted, 1.8.9's argvattr).
 */
#include <stdlib.h>
#include <string.h>
#include <xtnft/diag.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>

#define PARAM_MAX 1024

/* A typical restore line's words fit the first chunk, which stays small
 * enough for malloc's per-thread cache (blocks up to about 1 KiB): a
 * larger one takes malloc's slow path on every line. */
#define CHUNK_SIZE 960

static void words_addn(struct xtn_words *w, const char *s, size_t len)
{
	if (w->n + 2 > w->cap) {
		w->cap = w->cap ? 2 * w->cap : 32;
		w->v = xtn_xrealloc(w->v, (size_t)w->cap * sizeof(*w->v));
	}
	if (!w->text.chunk_size)
		w->text.chunk_size = CHUNK_SIZE;
	w->v[w->n++] = xtn_arena_strndup(&w->text, s, len);
	w->v[w->n] = NULL;
}

void xtn_words_add(struct xtn_words *w, const char *s)
{
	words_addn(w, s, strlen(s));
}

void xtn_words_fini(struct xtn_words *w)
{
	xtn_arena_fini(&w->text);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

static int add_wordn(struct xtn_words *w, const char *word, size_t len,
		     bool *quoted, bool was_quoted, struct xtn_diag *d,
		     const struct xtn_loc *loc)
{
	if (w->n + 1 >= XTN_WORDS_MAX)
		return xtn_fail(d, XTN_PARAM, loc,
				"Parser cannot handle more arguments");
	if (quoted)
		quoted[w->n] = was_quoted;
	words_addn(w, word, len);
	return 0;
}

static int add_word(struct xtn_words *w, const char *word, bool *quoted,
		    bool was_quoted, struct xtn_diag *d, const struct xtn_loc *loc)
{
	return add_wordn(w, word, strlen(word), quoted, was_quoted, d, loc);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* The length of a plain word at s (no quote in it, so no escapes): the
 * common case, taken whole instead of a byte at a time; 0 when a quote
 * joins it (the general loop reads that). */
static size_t plain_word(const char *s)
{
	size_t n = strcspn(s, " \t\n\"");

	return s[n] == '"' ? 0 : n;
}

int xtn_restore_split(const char *line, struct xtn_words *w,
		      struct xtn_diag *d, uint32_t lineno)
{
	return xtn_split_words(line, w, NULL, d, lineno);
}

int xtn_split_words(const char *line, struct xtn_words *w, bool *quoted,
		    struct xtn_diag *d, uint32_t lineno)
{
	struct xtn_loc loc = { .line = lineno };
	/* in_quotes: inside "..."; opened: a quote opened in this word */
	bool in_quotes = false, opened = false, escaped = false;
	char buf[PARAM_MAX];
	size_t len = 0, n;
	const char *c;

	for (c = line; *c; c++) {
		if (in_quotes) {
			if (escaped) {
				buf[len++] = *c;
				escaped = false;
				goto check;
			}
			if (*c == '\\') {
				escaped = true;
				continue;
			}
			if (*c != '"') {
				buf[len++] = *c;
				goto check;
			}
			/* a closing quote ends the word, even an empty one */
			in_quotes = false;
			buf[len] = '\0';
			if (add_word(w, buf, quoted, opened, d, &loc) < 0)
				return -1;
			len = 0;
			opened = false;
			continue;
		}
		if (*c == '"') {
			in_quotes = opened = true;
			continue;
		}
		if (!len && !blank(*c) && (n = plain_word(c)) > 0) {
			if (n >= sizeof(buf))
				return xtn_fail(d, XTN_PARAM, &loc,
						"Parameter too long!");
			if (add_wordn(w, c, n, quoted, false, d, &loc) < 0)
				return -1;
			c += n - 1;
			continue;
		}
		if (blank(*c)) {
			if (!len)
				continue;
			buf[len] = '\0';
			if (add_word(w, buf, quoted, opened, d, &loc) < 0)
				return -1;
			len = 0;
			opened = false;
			continue;
		}
		buf[len++] = *c;
check:
		if (len >= sizeof(buf))
			return xtn_fail(d, XTN_PARAM, &loc, "Parameter too long!");
	}
	/* the word the line ends in counts as unquoted, even when a quote
	 * is still open (1.8.9 stores it so) */
	if (len) {
		buf[len] = '\0';
		return add_word(w, buf, quoted, false, d, &loc);
	}
	return 0;
}
