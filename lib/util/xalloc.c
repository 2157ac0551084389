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

void *xtn_xzalloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
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
