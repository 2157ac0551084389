/* Allocation that never returns NULL: the one sanctioned exit in lib/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/util.h>

static void __attribute__((noreturn)) out_of_memory(void)
{
	fputs("out of memory\n", stderr);
	exit(4);	/* RESOURCE_PROBLEM */
}

void *xtn_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

/* glibc's calloc skips the per-thread cache that malloc and free use:
 * a restore's small model blocks, freed there, would never be taken
 * again, and each calloc would walk the arena's bins (a fifth of a
 * restore's user time went to malloc's slow paths).  Large blocks keep
 * calloc, which knows fresh pages are already zero. */
#define ZALLOC_CACHED_MAX 1024

void *xtn_xzalloc(size_t size)
{
	void *p;

	if (size <= ZALLOC_CACHED_MAX) {
		p = malloc(size ? size : 1);
		if (p)
			memset(p, 0, size);
	} else {
		p = calloc(1, size);
	}

	if (!p)
		out_of_memory();
	return p;
}

void *xtn_xgrow(void *v, unsigned int *cap, unsigned int need, size_t size,
		unsigned int first)
{
	unsigned int c = *cap ? *cap : first;

	if (need <= *cap)
		return v;
	while (c < need)
		c *= 2;
	*cap = c;
	return xtn_xrealloc(v, (size_t)c * size);
}

void *xtn_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

char *xtn_xstrdup(const char *s)
{
	return xtn_xstrndup(s, strlen(s));
}

char *xtn_xstrndup(const char *s, size_t n)
{
	char *p = xtn_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
