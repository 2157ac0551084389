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

/* A word that lives elsewhere (in the line split in place). */
static void words_push(struct xtn_words *w, char *s)
{
	if (w->n + 2 > w->cap) {
		w->cap = w->cap ? 2 * w->cap : 32;
		w->v = xtn_xrealloc(w->v, (size_t)w->cap * sizeof(*w->v));
	}
	w->v[w->n++] = s;
	w->v[w->n] = NULL;
}

void xtn_words_add(struct xtn_words *w, const char *s)
{
	if (!w->text.chunk_size)
		w->text.chunk_size = CHUNK_SIZE;
	words_push(w, xtn_arena_strndup(&w->text, s, strlen(s)));
}

void xtn_words_fini(struct xtn_words *w)
{
	xtn_arena_fini(&w->text);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

/* The word from start to end (where its NUL goes, never past the
 * character being read). */
static int end_word(struct xtn_words *w, char *start, char *end,
		    bool *quoted, bool was_quoted, struct xtn_diag *d,
		    const struct xtn_loc *loc)
{
	if (w->n + 1 >= XTN_WORDS_MAX)
		return xtn_fail(d, XTN_PARAM, loc,
				"Parser cannot handle more arguments");
	*end = '\0';
	if (quoted)
		quoted[w->n] = was_quoted;
	words_push(w, start);
	return 0;
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

static int too_long(struct xtn_diag *d, const struct xtn_loc *loc)
{
	return xtn_fail(d, XTN_PARAM, loc, "Parameter too long!");
}

int xtn_restore_split(const char *line, struct xtn_words *w,
		      struct xtn_diag *d, uint32_t lineno)
{
	return xtn_split_words(line, w, NULL, d, lineno);
}

int xtn_split_words(const char *line, struct xtn_words *w, bool *quoted,
		    struct xtn_diag *d, uint32_t lineno)
{
	if (!w->text.chunk_size)
		w->text.chunk_size = CHUNK_SIZE;
	return xtn_split_words_inplace(xtn_arena_strndup(&w->text, line,
							 strlen(line)),
				       w, quoted, d, lineno);
}

/*
 * In place: a word's characters are moved down over its quotes and
 * backslashes and it ends in a NUL, all behind the character being read
 * (a word never comes out longer than what it was read from, and what
 * ends it, a blank or its closing quote, is read before its NUL is
 * written).  No copy and no allocation but the word list.
 */
int xtn_split_words_inplace(char *line, struct xtn_words *w, bool *quoted,
			    struct xtn_diag *d, uint32_t lineno)
{
	struct xtn_loc loc = { .line = lineno };
	/* in_quotes: inside "..."; opened: a quote opened in this word */
	bool in_quotes = false, opened = false, escaped = false;
	char *c, *start = NULL, *out = NULL;	/* the word being read */
	size_t n;

	for (c = line; *c; c++) {
		if (in_quotes) {
			if (escaped) {
				*out++ = *c;
				escaped = false;
				goto check;
			}
			if (*c == '\\') {
				escaped = true;
				continue;
			}
			if (*c != '"') {
				*out++ = *c;
				goto check;
			}
			/* a closing quote ends the word, even an empty one */
			in_quotes = false;
			if (end_word(w, start, out, quoted, opened, d, &loc) < 0)
				return -1;
			start = NULL;
			opened = false;
			continue;
		}
		if (*c == '"') {
			if (!start)
				start = out = c;
			in_quotes = opened = true;
			continue;
		}
		if (!start && !blank(*c) && (n = plain_word(c)) > 0) {
			bool last = c[n] == '\0';

			if (n >= PARAM_MAX)
				return too_long(d, &loc);
			if (end_word(w, c, c + n, quoted, false, d, &loc) < 0)
				return -1;
			if (last)
				return 0;
			c += n;		/* its NUL, where a blank was */
			continue;
		}
		if (blank(*c)) {
			if (!start || out == start)
				continue;
			if (end_word(w, start, out, quoted, opened, d, &loc) < 0)
				return -1;
			start = NULL;
			opened = false;
			continue;
		}
		if (!start)
			start = out = c;
		*out++ = *c;
check:
		if ((size_t)(out - start) >= PARAM_MAX)
			return too_long(d, &loc);
	}
	/* the word the line ends in counts as unquoted, even when a quote
	 * is still open (1.8.9 stores it so) */
	if (start && out > start)
		return end_word(w, start, out, quoted, false, d, &loc);
	return 0;
}
