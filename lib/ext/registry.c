/*
 * The extension registry: a const array, libnftnl expr_ops style.  Order
 * matters only for decoding, where native relations are offered to the
 * descriptors in this order after the family's base match.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/util.h>

#define XTN_EXT(file) extern const struct xtn_ext xtn_##file;
#define XTN_EXT_ALSO(file, sym) extern const struct xtn_ext xtn_##sym;
#include "extensions.h"
#undef XTN_EXT
#undef XTN_EXT_ALSO

static const struct xtn_ext *const registry[] = {
#define XTN_EXT(file) &xtn_##file,
#define XTN_EXT_ALSO(file, sym) &xtn_##sym,
#include "extensions.h"
#undef XTN_EXT
#undef XTN_EXT_ALSO
};

/*
 * iptables extensions that later roadmap steps add.  Naming one gives a
 * clear "not supported yet" instead of a confusing chain-jump error.
 */
static const char *const unsupported[] = {
	"bpf", "cgroup", "cluster", "connbytes", "connlabel", "cpu", "dccp",
	"devgroup", "eui64", "ipcomp", "ipvs", "mh", "nfacct", "osf",
	"quota", "rateest", "realm", "rpfilter", "tcpmss", "u32", "AUDIT",
	"CLUSTERIP", "CONNSECMARK", "DNPT", "ECN", "HMARK", "IDLETIMER",
	"LED", "RATEEST", "SECMARK", "SNPT", "SYNPROXY", "TCPOPTSTRIP",
	"TEE", "ULOG", "QUEUE",
};

const struct xtn_ext *const *xtn_ext_registry(size_t *n)
{
	*n = XTN_ARRAY_SIZE(registry);
	return registry;
}

static bool fits(const struct xtn_ext *e, enum xtn_ext_kind kind,
		 const struct xtn_family *fam)
{
	return e->kind == kind && (!fam || (e->families & fam->bit));
}

const struct xtn_ext *xtn_ext_find(const char *name, enum xtn_ext_kind kind,
				   const struct xtn_family *fam)
{
	size_t i;

	/* the first letter rules out most names: this runs for every -m
	 * and -j of every restored rule */
	for (i = 0; i < XTN_ARRAY_SIZE(registry); i++)
		if (registry[i]->name[0] == name[0] &&
		    fits(registry[i], kind, fam) &&
		    strcmp(registry[i]->name, name) == 0)
			return registry[i];
	return NULL;
}

/* Which of ext's revisions reads (rev, info): NULL *how is its own. */
static bool reads_xt(const struct xtn_ext *e, unsigned int rev,
		     const struct xtn_xt_rev **how)
{
	const struct xtn_xt_rev *r;

	*how = NULL;
	if (e->xt.revision == rev)
		return true;
	for (r = e->xt_read; r && r->size; r++) {
		if (r->revision == rev) {
			*how = r;
			return true;
		}
	}
	return false;
}

/* The registry scan: *alone when exactly one descriptor reads the blob
 * by its name (what it answers then does not depend on the data). */
static const struct xtn_ext *scan_xt(const char *xtname, unsigned int rev,
				     enum xtn_ext_kind kind,
				     const struct xtn_family *fam,
				     const void *info, size_t len,
				     const struct xtn_xt_rev **how, bool *alone)
{
	const struct xtn_ext *fallback = NULL, *found = NULL;
	const struct xtn_xt_rev *fallback_how = NULL, *found_how = NULL;
	unsigned int named = 0;
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(registry); i++) {
		const struct xtn_ext *e = registry[i];

		/* the first letter rules out most names */
		if (!e->xt.name || e->xt.name[0] != xtname[0] ||
		    !fits(e, kind, fam) || strcmp(e->xt.name, xtname) != 0 ||
		    !reads_xt(e, rev, how))
			continue;
		named++;
		/* several descriptors share a blob (state, conntrack): the
		 * one that claims the data, else the one that claims none */
		if (!e->claim_xt) {
			fallback = e;
			fallback_how = *how;
		} else if (!found && e->claim_xt(info, len)) {
			found = e;
			found_how = *how;
		}
	}
	*alone = named == 1 && fallback;
	*how = found ? found_how : fallback_how;
	return found ? found : fallback;
}

const struct xtn_ext *xtn_ext_find_xt(const char *xtname, unsigned int rev,
				      enum xtn_ext_kind kind,
				      const struct xtn_family *fam,
				      const void *info, size_t len,
				      const struct xtn_xt_rev **how,
				      struct xtn_xt_memo *memo)
{
	struct xtn_xt_memo_slot *m;
	const struct xtn_ext *e;
	unsigned int i;
	bool alone;

	for (i = 0; memo && i < memo->n; i++) {
		m = &memo->slot[i];
		if (m->rev == rev && m->kind == kind && m->fam == fam &&
		    strcmp(m->name, xtname) == 0) {
			*how = m->how;
			return m->ext;
		}
	}
	e = scan_xt(xtname, rev, kind, fam, info, len, how, &alone);
	if (!memo || !alone || strlen(xtname) >= sizeof(m->name))
		return e;
	/* full: the oldest goes */
	m = &memo->slot[memo->n < XTN_XT_MEMO_SLOTS ? memo->n++ :
			memo->next++ % XTN_XT_MEMO_SLOTS];
	strcpy(m->name, xtname);
	m->rev = rev;
	m->kind = kind;
	m->fam = fam;
	m->ext = e;
	m->how = *how;
	return e;
}

bool xtn_ext_is_known_unsupported(const char *name)
{
	size_t i;

	/* asked for every chain name a restore declares or appends to */
	for (i = 0; i < XTN_ARRAY_SIZE(unsupported); i++)
		if (unsupported[i][0] == name[0] &&
		    strcmp(unsupported[i], name) == 0)
			return true;
	return false;
}

const struct xtn_optdef *xtn_ext_opt_by_id(const struct xtn_ext *ext,
					   unsigned int id)
{
	const struct xtn_optdef *o;

	for (o = ext->opts; o && o->name; o++)
		if (o->id == id)
			return o;
	return NULL;
}
