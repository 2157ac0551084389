/*
 * Model <-> libnftnl rule objects.  The encoder writes exactly what
 * iptables-nft 1.8.9 writes (interop.md Decision 1); the decoder reads every
 * shape released iptables-nft versions write, and marks anything else.
 */
#ifndef XTNFT_CODEC_H
#define XTNFT_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xtnft/util.h>

struct nftnl_rule;
struct nlmsghdr;
struct nftnl_set;
struct xtn_rule;
struct xtn_family;
struct xtn_diag;
struct xtn_strbuf;
struct xtn_loc;

/*
 * Where the decoder finds the sets a rule's lookups name: the table's
 * sets as read from the kernel, or the anonymous sets the encoder made
 * for a rule not yet sent (named "__set%d" until the kernel numbers
 * them, so found by their set id).  NULL when there is no such set.
 */
struct xtn_set_source {
	const struct nftnl_set *(*find)(const struct xtn_set_source *src,
					const char *name, uint32_t id);
};

/* Sets kept in memory (the encoder's output, or sets read from the
 * kernel); a set source by name or id. */
struct xtn_sets {
	struct xtn_set_source src;
	struct nftnl_set **v;
	unsigned int n, cap;
};

void xtn_sets_init(struct xtn_sets *s);
/* Frees the sets too. */
void xtn_sets_fini(struct xtn_sets *s);
/* Takes s. */
void xtn_sets_add(struct xtn_sets *sets, struct nftnl_set *s);
/* Does the name still wait for the kernel's number ("__set%d")? */
bool xtn_set_name_is_template(const char *name);

/*
 * A rule as a NEWRULE (DELRULE) message carries it, its expressions
 * already in netlink's form: what the encoder writes and the batch
 * copies, with no libnftnl object per expression in between.
 */
struct xtn_wire_rule {
	uint8_t family;
	const char *table, *chain;	/* not owned */
	struct xtn_strbuf exprs;	/* NFTA_LIST_ELEMs, in order */
	unsigned int n_exprs;
	bool has_compat;
	uint32_t compat_proto, compat_flags;
	/* where each lookup's set id sits in exprs (the encoder's ids,
	 * renumbered when the batch numbers the sets) */
	size_t *lookup_at;
	unsigned int n_lookups, cap_lookups;
	/* what the queueing command adds; 0 or NULL: absent */
	uint64_t handle, position;
	uint32_t id, position_id;
	const void *udata;		/* not owned */
	uint32_t udata_len;
};

void xtn_wire_init(struct xtn_wire_rule *w);
void xtn_wire_fini(struct xtn_wire_rule *w);
/* The rule's attributes, in the order libnftnl writes them; nlh must
 * have room for xtn_wire_msg_size(w). */
void xtn_wire_put(struct nlmsghdr *nlh, const struct xtn_wire_rule *w);
size_t xtn_wire_msg_size(const struct xtn_wire_rule *w);
/* The length of the message the kernel lists the rule in (with a handle
 * and a position): what it dumps, not what was sent. */
size_t xtn_wire_listed_size(const struct xtn_wire_rule *w);
/* A whole message (malloc'd), e.g. to decode what was encoded. */
struct nlmsghdr *xtn_wire_msg(const struct xtn_wire_rule *w, uint16_t msg,
			      uint16_t flags);
/* The libnftnl object for the same rule (-vv's printer, and callers that
 * edit a rule object; NULL for the few rules libnftnl cannot read back,
 * an empty comparison value), and back; w borrows nr's strings.
 * Attribute padding is zeroed only to_send (to decode it is never read). */
struct nftnl_rule *xtn_wire_to_nftnl(const struct xtn_wire_rule *w);
/* The same for printing: never NULL (an empty comparison value is left
 * out, which libnftnl prints as 1.8.9's -vv does). */
struct nftnl_rule *xtn_wire_to_nftnl_printable(const struct xtn_wire_rule *w);
void xtn_wire_from_nftnl(const struct nftnl_rule *nr, struct xtn_wire_rule *w,
			 bool to_send);
/* Give every lookup the set id map(old id) (the batch's numbering). */
void xtn_wire_map_lookup_ids(struct xtn_wire_rule *w,
			     uint32_t (*map)(uint32_t id, const void *data),
			     const void *data);

/* Encode r for table/chain into *w (initialised here); -1 on failure
 * (diag set, *w empty).  sets and locs as xtn_codec_encode_sets. */
int xtn_codec_encode_wire(const struct xtn_rule *r, const char *table,
			  const char *chain, struct xtn_diag *d,
			  struct xtn_sets *sets, struct xtn_loc **locs,
			  unsigned int *n_locs, struct xtn_wire_rule *w);
/* Decode what the encoder wrote. */
struct xtn_rule *xtn_codec_decode_wire(const struct xtn_wire_rule *w,
				       const struct xtn_family *fam,
				       const struct xtn_set_source *sets);

/* Build the NEWRULE object for r in table/chain; NULL on failure (diag set). */
struct nftnl_rule *xtn_codec_encode(const struct xtn_rule *r,
				    const char *table, const char *chain,
				    struct xtn_diag *d);
/* The same, also giving for each expression the argv words it came from
 * (*locs is malloc'd, one entry per expression). */
struct nftnl_rule *xtn_codec_encode_located(const struct xtn_rule *r,
					    const char *table,
					    const char *chain,
					    struct xtn_diag *d,
					    struct xtn_loc **locs,
					    unsigned int *n_locs);

/* The same, with the anonymous sets its lookups name appended to sets
 * (their ids number from 1 in each rule: xtn_batch_anon_set renumbers
 * them for the batch).  sets NULL: they are made and dropped. */
struct nftnl_rule *xtn_codec_encode_sets(const struct xtn_rule *r,
					 const char *table, const char *chain,
					 struct xtn_diag *d, struct xtn_sets *sets,
					 struct xtn_loc **locs,
					 unsigned int *n_locs);

enum xtn_dec_status {
	XTN_DEC_OK,
	XTN_DEC_LOSSY,		/* readable expressions iptables would misread */
	XTN_DEC_FOREIGN,	/* expressions outside iptables' whitelist */
};

/* Decode a kernel rule.  Never fails: an unreadable rule comes back with
 * r->undecodable set and the status says how bad it is. */
struct xtn_rule *xtn_codec_decode(const struct nftnl_rule *nr,
				  const struct xtn_family *fam,
				  enum xtn_dec_status *status);

/* The same with the sets its lookups may name (NULL: none known); a
 * lookup of an unknown set makes the rule undecodable. */
struct xtn_rule *xtn_codec_decode_sets(const struct nftnl_rule *nr,
				       const struct xtn_family *fam,
				       const struct xtn_set_source *sets,
				       enum xtn_dec_status *status);

/* The same, straight from a rule message as the kernel sends it; memo
 * (or NULL) remembers across a listing which descriptor reads which xt
 * blob. */
struct xtn_xt_memo;
struct xtn_rule *xtn_codec_decode_msg(const struct nlmsghdr *nlh,
				      const struct xtn_family *fam,
				      const struct xtn_set_source *sets,
				      struct xtn_xt_memo *memo,
				      enum xtn_dec_status *status);

/* Whether some descriptor of fam reads lookups (ebtables' among): only
 * then can its kernel rules need the table's sets. */
bool xtn_codec_family_reads_sets(const struct xtn_family *fam);
/* Whether nr holds a lookup (so decoding it needs its sets). */
bool xtn_codec_rule_has_lookup(const struct nftnl_rule *nr);
bool xtn_codec_msg_has_lookup(const struct nlmsghdr *nlh);

/* nft --debug=netlink style expression dump, one "  [ ... ]" per line. */
void xtn_codec_dump(const struct nftnl_rule *nr, struct xtn_strbuf *out);
/* The same for a rule the encoder made with its anonymous sets: lookups
 * name the sets as the kernel numbers them in a table that has none yet
 * (__set0, __set1, ... in the order made), and after the expressions
 * each set follows as "#set FAMILY TABLE @NAME" and one
 * "#set element ..." line per element, as nft --debug=netlink prints
 * them (in sorted text order: the kernel returns hash sets unordered). */
void xtn_codec_dump_sets(const struct nftnl_rule *nr,
			 const struct xtn_sets *sets, struct xtn_strbuf *out);

#endif
