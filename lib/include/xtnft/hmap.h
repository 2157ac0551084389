/* A string-keyed hash map (chained, grows by doubling); values are borrowed. */
#ifndef XTNFT_HMAP_H
#define XTNFT_HMAP_H

#include <stddef.h>

struct xtn_hmap_ent;

struct xtn_hmap {
	struct xtn_hmap_ent **buckets;
	size_t n_buckets;
	size_t n;
};

void xtn_hmap_init(struct xtn_hmap *m);
/* Frees the map's own nodes (and key copies), not the values. */
void xtn_hmap_fini(struct xtn_hmap *m);
void *xtn_hmap_get(const struct xtn_hmap *m, const char *key);
/* Insert or replace; the key is copied. */
void xtn_hmap_put(struct xtn_hmap *m, const char *key, void *value);
void *xtn_hmap_del(struct xtn_hmap *m, const char *key);

#endif
