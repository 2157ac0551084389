/* String hash map: FNV-1a, separate chaining, doubling at load factor 1. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/hmap.h>
#include <xtnft/util.h>

struct xtn_hmap_ent {
	struct xtn_hmap_ent *next;
	uint32_t hash;
	void *value;
	char key[];
};

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s) {
		h ^= (uint8_t)*s++;
		h *= 16777619u;
	}
	return h;
}

void xtn_hmap_init(struct xtn_hmap *m)
{
	m->n_buckets = 16;
	m->n = 0;
	m->buckets = xtn_xzalloc(m->n_buckets * sizeof(*m->buckets));
}

void xtn_hmap_fini(struct xtn_hmap *m)
{
	size_t i;

	for (i = 0; i < m->n_buckets; i++) {
		struct xtn_hmap_ent *e = m->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e);
		}
	}
	free(m->buckets);
	m->buckets = NULL;
	m->n = m->n_buckets = 0;
}

static struct xtn_hmap_ent **slot(const struct xtn_hmap *m, const char *key,
				  uint32_t h)
{
	struct xtn_hmap_ent **p = &m->buckets[h & (m->n_buckets - 1)];

	while (*p && ((*p)->hash != h || strcmp((*p)->key, key) != 0))
		p = &(*p)->next;
	return p;
}

void *xtn_hmap_get(const struct xtn_hmap *m, const char *key)
{
	struct xtn_hmap_ent **p = slot(m, key, hash_str(key));

	return *p ? (*p)->value : NULL;
}

static void grow(struct xtn_hmap *m)
{
	size_t n = m->n_buckets * 2, i;
	struct xtn_hmap_ent **b = xtn_xzalloc(n * sizeof(*b));

	for (i = 0; i < m->n_buckets; i++) {
		struct xtn_hmap_ent *e = m->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			e->next = b[e->hash & (n - 1)];
			b[e->hash & (n - 1)] = e;
		}
	}
	free(m->buckets);
	m->buckets = b;
	m->n_buckets = n;
}

void xtn_hmap_put(struct xtn_hmap *m, const char *key, void *value)
{
	uint32_t h = hash_str(key);
	struct xtn_hmap_ent **p = slot(m, key, h), *e;
	size_t len;

	if (*p) {
		(*p)->value = value;
		return;
	}
	len = strlen(key);
	e = xtn_xmalloc(sizeof(*e) + len + 1);
	memcpy(e->key, key, len + 1);
	e->hash = h;
	e->value = value;
	e->next = NULL;
	*p = e;
	if (++m->n > m->n_buckets)
		grow(m);
}

void *xtn_hmap_del(struct xtn_hmap *m, const char *key)
{
	struct xtn_hmap_ent **p = slot(m, key, hash_str(key)), *e = *p;
	void *v;

	if (!e)
		return NULL;
	*p = e->next;
	v = e->value;
	free(e);
	m->n--;
	return v;
}
