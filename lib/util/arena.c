/*
 * Text kept together and freed together, copied into shared chunks: a
 * line's words, or the lines a restore keeps until its end.  One malloc a
 * chunk instead of one a string; and long-lived strings out of the heap
 * the short-lived ones churn, so frees there coalesce.
 */
#include <stdlib.h>
#include <string.h>
#include <xtnft/util.h>

struct xtn_arena_chunk {
	struct xtn_arena_chunk *next;
	size_t used, cap;
	char text[];
};

char *xtn_arena_strndup(struct xtn_arena *a, const char *s, size_t len)
{
	struct xtn_arena_chunk *c = a->chunks;
	char *dst;

	if (!c || c->cap - c->used < len + 1) {
		size_t cap = len + 1 > a->chunk_size ? len + 1 : a->chunk_size;

		c = xtn_xmalloc(sizeof(*c) + cap);
		c->next = a->chunks;
		c->used = 0;
		c->cap = cap;
		a->chunks = c;
	}
	dst = c->text + c->used;
	memcpy(dst, s, len);
	dst[len] = '\0';
	c->used += len + 1;
	return dst;
}

void xtn_arena_fini(struct xtn_arena *a)
{
	struct xtn_arena_chunk *c, *next;

	for (c = a->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
}
