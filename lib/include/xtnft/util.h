/* Small helpers shared by every module: allocation, growable strings. */
#ifndef XTNFT_UTIL_H
#define XTNFT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define XTN_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define XTN_ALIGN8(n) (((n) + 7u) & ~7u)

/*
 * The x* allocators are the only place in lib/ allowed to end the process:
 * on allocation failure they print "out of memory" and exit with status 4
 * (iptables' RESOURCE_PROBLEM).
 */
void *xtn_xmalloc(size_t size);
void *xtn_xzalloc(size_t size);
void *xtn_xrealloc(void *ptr, size_t size);
char *xtn_xstrdup(const char *s);
/* An array of *cap elements of size bytes, grown by doubling (from first)
 * to hold at least need: the array, moved or not. */
void *xtn_xgrow(void *v, unsigned int *cap, unsigned int need, size_t size,
		unsigned int first);
char *xtn_xstrndup(const char *s, size_t n);

/* A growable, always NUL-terminated output buffer. */
/* Strings copied into shared chunks of chunk_size bytes (a longer one
 * gets a chunk of its own), all freed at once. */
struct xtn_arena_chunk;
struct xtn_arena {
	struct xtn_arena_chunk *chunks;
	size_t chunk_size;
};

/* s[0..len) and a NUL, in the arena */
char *xtn_arena_strndup(struct xtn_arena *a, const char *s, size_t len);
void xtn_arena_fini(struct xtn_arena *a);

struct xtn_strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

void xtn_strbuf_init(struct xtn_strbuf *sb);
void xtn_strbuf_fini(struct xtn_strbuf *sb);
void xtn_strbuf_reset(struct xtn_strbuf *sb);
/* Drop what was written after the first len bytes. */
void xtn_strbuf_truncate(struct xtn_strbuf *sb, size_t len);
void xtn_strbuf_putc(struct xtn_strbuf *sb, char c);
void xtn_strbuf_puts(struct xtn_strbuf *sb, const char *s);
void xtn_strbuf_put(struct xtn_strbuf *sb, const void *data, size_t len);
/* Room for extra more bytes (and the NUL) without growing again. */
void xtn_strbuf_reserve(struct xtn_strbuf *sb, size_t extra);
void xtn_strbuf_printf(struct xtn_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void xtn_strbuf_vprintf(struct xtn_strbuf *sb, const char *fmt, va_list ap);
/* Hand the buffer's content to the caller; the strbuf is left empty. */
char *xtn_strbuf_steal(struct xtn_strbuf *sb);

#endif
