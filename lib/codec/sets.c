/*
 * Sets kept in memory: the anonymous sets the encoder made for a rule (sent
 * before it in the same batch), or the sets of a table as read from the
 * kernel.  Either is what the decoder looks a rule's lookups up in.
 */
#include <stdlib.h>
#include <string.h>
#include <libnftnl/set.h>
#include <xtnft/codec.h>
#include <xtnft/util.h>

bool xtn_set_name_is_template(const char *name)
{
	return strchr(name, '%') != NULL;
}

/* A set the kernel has named is found by its name; one that waits for
 * its number ("__set%d", sent in this batch) by its set id. */
static const struct nftnl_set *sets_find(const struct xtn_set_source *src,
					 const char *name, uint32_t id)
{
	const struct xtn_sets *sets = (const struct xtn_sets *)src;
	bool by_id = xtn_set_name_is_template(name);
	unsigned int i;

	for (i = 0; i < sets->n; i++) {
		const struct nftnl_set *s = sets->v[i];

		if (by_id ? nftnl_set_is_set(s, NFTNL_SET_ID) &&
			    nftnl_set_get_u32(s, NFTNL_SET_ID) == id :
			    strcmp(nftnl_set_get_str(s, NFTNL_SET_NAME), name) == 0)
			return s;
	}
	return NULL;
}

void xtn_sets_init(struct xtn_sets *s)
{
	memset(s, 0, sizeof(*s));
	s->src.find = sets_find;
}

void xtn_sets_fini(struct xtn_sets *s)
{
	unsigned int i;

	for (i = 0; i < s->n; i++)
		nftnl_set_free(s->v[i]);
	free(s->v);
	xtn_sets_init(s);
}

void xtn_sets_add(struct xtn_sets *sets, struct nftnl_set *s)
{
	sets->v = xtn_xgrow(sets->v, &sets->cap, sets->n + 1, sizeof(*sets->v),
			    4);
	sets->v[sets->n++] = s;
}
