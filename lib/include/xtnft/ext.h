/*
 * The extension descriptor: one const table row per match or target (and
 * per family base match) holding its options, parser, encoder, decoder and
 * printers.  Adding an extension is one file in lib/ext/ plus one registry
 * line.  Transport types stay behind the opaque xtn_enc / xtn_dec handles.
 */
#ifndef XTNFT_EXT_H
#define XTNFT_EXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "diag.h"

struct xtn_ctx;
struct xtn_cmd;
struct xtn_rule;
struct xtn_ext_inst;
struct xtn_family;
struct xtn_resolver;
struct xtn_strbuf;
struct xtn_enc;
struct xtn_dec;
struct xtn_addrmask;

enum xtn_ext_kind {
	XTN_EXT_BASE,
	XTN_EXT_MATCH,
	XTN_EXT_TARGET,
	XTN_EXT_WATCHER,	/* ebtables --log/--nflog: beside the target */
};

enum xtn_has_arg {
	XTN_NO_ARG = 0,
	XTN_REQ_ARG = 1,
	XTN_OPT_ARG = 2,	/* only as --opt=value, like getopt */
};

enum xtn_opt_flags {
	XTN_OF_INVERT = 1 << 0,	/* may be preceded by ! */
	XTN_OF_MULTI = 1 << 1,	/* may be given more than once */
	XTN_OF_MAND = 1 << 2,	/* must be given */
	XTN_OF_PUT = 1 << 3,	/* store the typed value at offset */
	XTN_OF_NBO = 1 << 4,	/* store integers in network byte order */
	XTN_OF_ABBREV = 1 << 5,	/* XTN_AT_SYMLIST: a word may abbreviate a name */
};

/*
 * Typed values: lib/opt parses them with 1.8.9's wording for each kind of
 * bad value, leaves the result in xtn_parse.val and, with XTN_OF_PUT,
 * stores it at `offset` in the instance data.  The descriptor's parse()
 * (if any) runs afterwards, to set flags or place what does not map to
 * one field.  Integers are host order unless XTN_OF_NBO.
 */
enum xtn_argtype {
	XTN_AT_CUSTOM = 0,	/* the descriptor's parse() handles it */
	XTN_AT_NONE,		/* a flag */
	XTN_AT_STRING,		/* NUL-terminated, max size-1 chars */
	XTN_AT_UINT8,		/* a number in [min, max] (max 0: the type's) -> val.u64 */
	XTN_AT_UINT16,
	XTN_AT_UINT32,
	XTN_AT_UINT64,
	XTN_AT_UINT16RC,	/* "a", "a:b", "a:", ":b" -> val.u16[0..1] */
	XTN_AT_UINT32RC,	/* -> val.u32[0..1] */
	XTN_AT_MARKMASK32,	/* "v[/m]" -> val.u32[0] v, [1] m (default ~0) */
	XTN_AT_SYMBOL,		/* a name of `syms` -> val.u32[0], stored in `size` bytes */
	XTN_AT_HOST,		/* an address of the rule's family -> val.inet[0] */
	XTN_AT_HOSTMASK,	/* "addr[/plen|/mask]" -> val.inet[0] addr, [1] mask */
	XTN_AT_PLEN,		/* a prefix length of the family -> val.u8, val.inet[1] mask */
	XTN_AT_PORT,		/* a port or service name -> val.u16[0] */
	XTN_AT_PORTRC,		/* "p", "p:q", "p:", ":q" of ports or services -> val.u16[0..1] */
	XTN_AT_ETHERMAC,	/* "aa:bb:cc:dd:ee:ff" -> val.mac */
	XTN_AT_SYMLIST,		/* "A,B,..." of `syms` (any case) ORed -> val.u32[0] */
	XTN_AT_PLENMASK,	/* a prefix length or a mask that is one -> as PLEN */
	XTN_AT_IFACE,		/* "name" or "prefix+" -> val.iface, val.iface_mask
				 * (stored as name then mask, IFNAMSIZ each) */
};

/* A name of a symbol table (XTN_AT_SYMBOL), NULL-name terminated. */
struct xtn_sym {
	const char *name;
	uint32_t value;
};

struct xtn_optdef {
	const char *name;	/* long name, without dashes */
	char short_name;	/* 0 if none (base matches only) */
	uint8_t id;		/* bit index for seen/excl/also */
	uint8_t has_arg;	/* enum xtn_has_arg */
	uint8_t flags;		/* enum xtn_opt_flags */
	enum xtn_argtype type;
	uint16_t offset, size;	/* where a typed value lands in data */
	uint32_t excl, also;	/* masks of other option ids */
	uint64_t min, max;	/* XTN_AT_UINT*: bounds (max 0: the type's) */
	const struct xtn_sym *syms;	/* XTN_AT_SYMBOL, XTN_AT_SYMLIST */
	/* XTN_AT_SYMBOL: the message for a name not in syms, printf with
	 * the word ("Bad packet type '%s'"); NULL: a generic one.
	 * XTN_AT_SYMLIST: printf with the rest of the list from the bad
	 * word on ("Bad ctstate \"%s\""). */
	const char *bad_sym;
};

/* A typed value as lib/opt parsed it (see enum xtn_argtype). */
union xtn_optval {
	uint64_t u64;
	uint32_t u32[4];
	uint16_t u16[8];
	uint8_t u8;
	uint8_t mac[6];
	struct {
		uint8_t b[16];
	} inet[2];		/* in6_addr / in_addr bytes, network order */
	struct {
		char iface[16];
		uint8_t iface_mask[16];	/* the bytes compared */
	};
};

/* State handed to a descriptor while one of its options is parsed. */
struct xtn_parse {
	struct xtn_ctx *ctx;
	struct xtn_cmd *cmd;
	struct xtn_rule *rule;
	const struct xtn_family *fam;
	struct xtn_ext_inst *inst;
	const struct xtn_optdef *opt;
	const char *arg;	/* the option's argument, or NULL */
	bool invert;		/* a ! preceded the option */
	struct xtn_loc loc;	/* of the option (and its argument) */
	/* Old-style options may take more words (e.g. --tcp-flags A B). */
	char **argv;
	int argc;
	int *optind;
	/* Name of the extension as it appears in messages. */
	const char *ext_name;
	/* The typed value, when opt->type is not XTN_AT_CUSTOM. */
	union xtn_optval val;
};

/* An xt compat identity: the struct the kernel's x_tables code expects. */
struct xtn_xt {
	const char *name;
	uint8_t revision;
	uint16_t size;		/* unaligned UAPI struct size */
};

/* One more revision a descriptor reads (older or newer iptables wrote
 * it): its struct size and how it becomes the descriptor's data. */
struct xtn_xt_rev {
	uint8_t revision;
	uint16_t size;		/* 0 ends the list */
	int (*decode)(struct xtn_dec *d, void *data, const void *info,
		      size_t len);
};

/*
 * What a native-encoding descriptor claims on decode, so the decoder only
 * offers it those relations and expressions (an index, not a scan of
 * every descriptor's decode_rel).
 */
enum xtn_claim {
	XTN_CLAIM_PL_LL = 1u << 0,	/* payload loads, link layer */
	XTN_CLAIM_PL_NH = 1u << 1,	/* network header */
	XTN_CLAIM_PL_TH = 1u << 2,	/* transport header */
	XTN_CLAIM_META = 1u << 3,	/* meta loads: see claim_meta */
	XTN_CLAIM_LIMIT = 1u << 4,	/* the limit expression */
	XTN_CLAIM_LOG = 1u << 5,	/* the log expression */
	XTN_CLAIM_META_SET = 1u << 6,	/* immediate data + meta set */
	XTN_CLAIM_LOOKUP = 1u << 7,	/* a lookup in an anonymous set */
};

/* A native expression that is not a relation, as the decoder read it. */
enum xtn_nexpr_kind {
	XTN_NEXPR_LIMIT,
	XTN_NEXPR_LOG,
	XTN_NEXPR_META_SET,
	XTN_NEXPR_LOOKUP,
};

/* Most fields a set key concatenates (NFT_REG32_COUNT). */
#define XTN_SET_MAX_FIELDS 16

/*
 * An anonymous constant set, as a descriptor asks for one (xtn_enc_lookup)
 * and as the decoder hands one back with its lookup: the kernel's key
 * type and length, the flags besides ANONYMOUS|CONSTANT (NFT_SET_INTERVAL,
 * NFT_SET_CONCAT), the lengths of the concatenated fields (n_fields 0:
 * not a concatenation) and the elements, each key_len bytes (key_ends:
 * the interval ends, or NULL).  Elements go to the kernel in this order.
 */
struct xtn_set_def {
	uint32_t key_type, key_len, flags;
	uint8_t field_len[XTN_SET_MAX_FIELDS];
	unsigned int n_fields;
	unsigned int n_elems;
	const uint8_t *keys;
	const uint8_t *key_ends;
};

struct xtn_nexpr {
	enum xtn_nexpr_kind kind;
	union {
		struct {
			uint64_t rate, unit;
			uint32_t burst, type, flags;
		} limit;
		struct {
			uint32_t present;	/* XTN_LOG_HAS_* */
			uint16_t group, qthreshold;
			uint32_t snaplen, level, flags;
			const char *prefix;
		} log;
		struct {
			uint32_t key;
			uint32_t len;
			uint8_t data[16];
		} meta_set;
		/* what the key registers hold: one field per concatenated
		 * part (one for a plain key), each as the load that filled
		 * its register; the set is borrowed for the call */
		struct {
			const struct xtn_set_def *set;
			bool invert;
			unsigned int n_fields;
			const struct xtn_field *fields;
		} lookup;
	} u;
};

enum {
	XTN_LOG_HAS_GROUP = 1u << 0,
	XTN_LOG_HAS_PREFIX = 1u << 1,
	XTN_LOG_HAS_SNAPLEN = 1u << 2,
	XTN_LOG_HAS_QTHRESHOLD = 1u << 3,
	XTN_LOG_HAS_LEVEL = 1u << 4,
	XTN_LOG_HAS_FLAGS = 1u << 5,
};

/* Relations the decoder hands to descriptors that encode natively. */
enum xtn_field_kind {
	XTN_FIELD_NONE,
	XTN_FIELD_META,
	XTN_FIELD_PAYLOAD,
};

enum xtn_relop {
	XTN_OP_EQ,
	XTN_OP_NEQ,
	XTN_OP_LT,
	XTN_OP_LTE,
	XTN_OP_GT,
	XTN_OP_GTE,
	XTN_OP_RANGE_EQ,
	XTN_OP_RANGE_NEQ,
};

struct xtn_field {
	enum xtn_field_kind kind;
	uint32_t key;		/* meta key */
	uint32_t base, offset, len;	/* payload */
	bool masked;
	uint8_t mask[16];
};

struct xtn_rel {
	struct xtn_field f;
	enum xtn_relop op;
	uint32_t len;		/* bytes of data compared */
	uint8_t data[16];
	uint8_t hi[16];		/* range upper bound */
};

/* Printer context: -S/save form and -L form share it. */
struct xtn_out {
	struct xtn_strbuf *sb;
	unsigned int fmt;	/* enum xtn_list_fmt */
	const struct xtn_resolver *res;
	const struct xtn_family *fam;
	const struct xtn_rule *rule;
};

struct xtn_ext {
	const char *name;	/* as the user types it: "tcp", "ACCEPT" */
	enum xtn_ext_kind kind;
	uint8_t families;	/* enum xtn_fam_bit */
	uint16_t data_size;
	uint16_t cmp_size;	/* bytes the default equal() compares; 0 = all */
	const struct xtn_optdef *opts;	/* NULL-name terminated */
	const char *help;
	/* Help text computed from tables (e.g. ICMP type lists), after help. */
	void (*help_more)(struct xtn_strbuf *out);
	/* Old-style (getopt-era) extension: it checks repeats and inversion
	 * itself, with its own wording, instead of the generic x6 checks. */
	bool legacy;
	void (*init)(void *data, const struct xtn_family *fam);
	int (*parse)(struct xtn_parse *p, void *data);
	/* After all options: cross-checks (flags are in inst->seen). */
	int (*final)(struct xtn_parse *p, void *data);
	int (*encode)(struct xtn_enc *e, const void *data);
	/* What decode_rel/decode_nexpr want to see (enum xtn_claim), and
	 * for XTN_CLAIM_META, which meta keys (bit n = key n). */
	uint32_t claims;
	uint64_t claim_meta;
	/* Claim a native relation; 1 claimed, 0 not ours, -1 error. */
	int (*decode_rel)(struct xtn_dec *d, const struct xtn_rel *rel);
	/* Claim a native non-relation expression; same returns. */
	int (*decode_nexpr)(struct xtn_dec *d, const struct xtn_nexpr *x);
	/* After the rule's last expression, for each of its instances:
	 * -1 if what was claimed is not a whole match (the rule is then
	 * undecodable; a base match calls xtn_dec_fail with its reason),
	 * 0 otherwise. */
	int (*decode_done)(struct xtn_dec *d, void *data);
	/* Turn an xt compat blob into data; NULL means copy it. */
	int (*decode_xt)(struct xtn_dec *d, void *data, const void *info,
			 size_t len);
	void (*save)(const struct xtn_out *o, const void *data);
	void (*list)(const struct xtn_out *o, const void *data);
	bool (*equal)(const void *a, const void *b);
	/* Data that owns memory outside its block (lists of any length):
	 * data_copy makes dst (a byte copy of src) own copies of its own,
	 * data_free releases them.  Such data needs its own equal. */
	void (*data_copy)(void *dst, const void *src);
	void (*data_free)(void *data);
	/* Base matches: what NFTA_RULE_COMPAT carries (the -p value the
	 * kernel's xt layer checks) and whether it is inverted. */
	void (*compat_proto)(const void *data, uint32_t *proto, bool *inv);
	/* Base matches whose parse leaves inst->expand (iptables' -s/-d
	 * lists): how many rules the command stands for, and the data of
	 * the i-th (from the parsed data, copied). */
	unsigned int (*expand_count)(const void *expand);
	void (*expand_at)(const void *expand, void *data, unsigned int i);
	void (*expand_free)(void *expand);
	struct xtn_xt xt;	/* name NULL: never a compat expression */
	/* Other revisions it reads (size 0 terminated), NULL if none. */
	const struct xtn_xt_rev *xt_read;
	/* Another name the same xt blob is listed under, where 1.8.9
	 * chooses by the data (-m state is conntrack rev 3 with a flag):
	 * claim_xt says whether this descriptor is the one for the data. */
	bool (*claim_xt)(const void *info, size_t len);
};

/* The registry: a const array, in the order matches are tried on decode. */
const struct xtn_ext *xtn_ext_find(const char *name, enum xtn_ext_kind kind,
				   const struct xtn_family *fam);
/* A listing's memory of which descriptor reads which xt blob, for the
 * names one descriptor alone reads (a listing meets a few names again and
 * again; the registry scan per expression was a tenth of a save). */
#define XTN_XT_MEMO_SLOTS 8
struct xtn_xt_memo_slot {
	char name[32];			/* XT_EXTENSION_MAXNAMELEN */
	unsigned int rev;
	enum xtn_ext_kind kind;
	const struct xtn_family *fam;
	const struct xtn_ext *ext;
	const struct xtn_xt_rev *how;
};
struct xtn_xt_memo {
	struct xtn_xt_memo_slot slot[XTN_XT_MEMO_SLOTS];
	unsigned int n, next;
};

/* The descriptor that reads xt blob (xtname, rev); *how* says which of its
 * revisions (its xt.revision gives a NULL *how: the default decode).
 * memo may be NULL. */
const struct xtn_ext *xtn_ext_find_xt(const char *xtname, unsigned int rev,
				      enum xtn_ext_kind kind,
				      const struct xtn_family *fam,
				      const void *info, size_t len,
				      const struct xtn_xt_rev **how,
				      struct xtn_xt_memo *memo);
const struct xtn_ext *const *xtn_ext_registry(size_t *n);
/* Names of iptables extensions xtnft does not implement yet. */
bool xtn_ext_is_known_unsupported(const char *name);

const struct xtn_optdef *xtn_ext_opt_by_id(const struct xtn_ext *ext,
					   unsigned int id);

/* Encoder helpers (codec/enc.c); every load goes to register 1. */
enum xtn_payload_base {
	XTN_PL_LL = 0,
	XTN_PL_NH = 1,
	XTN_PL_TH = 2,
};

void xtn_enc_meta_load(struct xtn_enc *e, uint32_t key);
void xtn_enc_payload_load(struct xtn_enc *e, uint32_t base, uint32_t offset,
			  uint32_t len);
/* The same into another register (a later part of a concatenated key). */
void xtn_enc_payload_load_reg(struct xtn_enc *e, uint32_t base,
			      uint32_t offset, uint32_t len, uint32_t dreg);
/* A lookup of register 1 in a new anonymous constant set holding def's
 * elements (copied): the set is sent before the rule, in its batch. */
void xtn_enc_lookup(struct xtn_enc *e, const struct xtn_set_def *def,
		    bool invert);
void xtn_enc_bitwise(struct xtn_enc *e, const void *mask, uint32_t len);
void xtn_enc_cmp(struct xtn_enc *e, enum xtn_relop op, const void *data,
		 uint32_t len);
void xtn_enc_range(struct xtn_enc *e, enum xtn_relop op, const void *lo,
		   const void *hi, uint32_t len);
/* The limit expression (1.8.9's -m limit). */
void xtn_enc_limit(struct xtn_enc *e, uint64_t rate, uint64_t unit,
		   uint32_t burst, uint32_t type, uint32_t flags);
/* The log expression (1.8.9's -j NFLOG): the XTN_LOG_HAS_* fields of l. */
void xtn_enc_log(struct xtn_enc *e, const struct xtn_nexpr *l);
/* Immediate data into a register, then meta set KEY from it (-j TRACE). */
void xtn_enc_meta_set(struct xtn_enc *e, uint32_t key, const void *data,
		      uint32_t len);
/* Address with mask, using iptables' "load only the masked bytes" rule. */
void xtn_enc_addr(struct xtn_enc *e, uint32_t base, uint32_t offset,
		  const void *addr, const void *mask, uint32_t len, bool inv);
/* NFT_META_BRI_BROUTE, newer than this system's headers. */
#define XTN_META_BRI_BROUTE 35
/* Interface names as iptables keeps them (IFNAMSIZ). */
#define XTN_IFNAMSIZ 16
/* What iptables-nft compares "! -i +" with: no interface has this name. */
#define XTN_IFACE_NONE "INVAL/D"
/* Interface name (with + wildcard) compared against a meta key; "" is
 * no compare, "! +" the never-matching one. */
void xtn_enc_iface(struct xtn_enc *e, uint32_t key, const char *name,
		   bool inv);
/* The generic xt compat encoding of an instance's data. */
int xtn_enc_xt(struct xtn_enc *e, const struct xtn_ext *ext, const void *data);
const struct xtn_rule *xtn_enc_rule(const struct xtn_enc *e);
/* The expressions that follow came from this option of inst (if given):
 * a kernel error on them then names those argv words. */
void xtn_enc_set_opt(struct xtn_enc *e, const struct xtn_ext_inst *inst,
		     unsigned int id);
/* The rule's -p value (inversion ignored, as iptables-nft checks it). */
unsigned int xtn_enc_l4proto(const struct xtn_enc *e);
int xtn_enc_fail(struct xtn_enc *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A parameter problem found while encoding (exit status 2). */
int xtn_enc_fail_param(struct xtn_enc *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Decoder helpers (codec/dec.c). */
struct xtn_rule *xtn_dec_rule(struct xtn_dec *d);
/* The data of ext's last instance in the rule, claiming `fields` (the
 * extension's own bits) of it; a new instance at the end when there is
 * none or one of those fields is taken.  NULL: too many kinds of native
 * matches in one rule. */
void *xtn_dec_claim(struct xtn_dec *d, const struct xtn_ext *ext,
		    uint32_t fields);
/* A target decoded from native expressions (NFLOG, TRACE): its zeroed
 * data, or NULL (and the rule undecodable) if the rule has a verdict. */
void *xtn_dec_target(struct xtn_dec *d, const struct xtn_ext *ext);
/* The layer 4 protocol decoded so far (0 = none) and whether it is inverted. */
unsigned int xtn_dec_l4proto(const struct xtn_dec *d, bool *inverted);
/* An interface-name compare back to iptables' form ("eth+", "! -i +");
 * -1 if it is not one iptables writes. */
int xtn_dec_iface(const struct xtn_rel *rel, char name[XTN_IFNAMSIZ],
		  bool *inv);
int xtn_dec_fail(struct xtn_dec *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parse helpers shared by descriptors (opt/argtypes.c). */
int xtn_parse_fail(struct xtn_parse *p, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Parse a typed option (XTN_AT_...) into p->val, and with XTN_OF_PUT
 * store it at its offset in data. */
int xtn_parse_typed(struct xtn_parse *p, void *data);
/* p->arg as an interface name (XTN_AT_IFACE, and -i/-o): into
 * p->val.iface and iface_mask, with 1.8.9's refusals and warning. */
int xtn_parse_iface(struct xtn_parse *p);
/* Option checks of x6-style descriptors (lib/opt/check.c): before an
 * option (repeat, inversion) and after all of them (mandatory, also
 * requires, cannot be used together), with 1.8.9's wording. */
int xtn_opt_check_one(struct xtn_parse *p);
int xtn_opt_check_final(struct xtn_parse *p);
/* The comma list s of an XTN_AT_SYMLIST-like option o: NULL with the
 * names ORed into *mask, or the list from its first bad word on (an
 * empty last word: the terminating NUL). */
const char *xtn_symlist_scan(const struct xtn_optdef *o, const char *s,
			     uint32_t *mask);
/* "1/sec" etc. as xt_rateinfo's avg (XT_LIMIT_SCALE per second);
 * -1 with 1.8.9's message for a bad or too fast rate. */
int xtn_parse_rate(struct xtn_parse *p, const char *s, uint32_t *avg);
/* The number and unit (in seconds) of a rate such as "5/min", as 1.8.9's
 * limit and hashlimit read them, for extensions with their own scale and
 * wording: 0, or XTN_RATE_BAD (not a rate) or XTN_RATE_FAST (a negative
 * or huge number: too fast for any scale). */
enum { XTN_RATE_BAD = -1, XTN_RATE_FAST = -2 };
int xtn_rate_words(const char *s, uint64_t *n, uint32_t *unit_secs);
/* "--opt ! value" in old-style extensions: warn, flip, take next word. */
int xtn_parse_check_inverse(struct xtn_parse *p, const char **arg);

/* Printer helpers (print/out.c). */
void xtn_out_puts(const struct xtn_out *o, const char *s);
void xtn_out_printf(const struct xtn_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Quote a string the way iptables-save does (only when needed). */
void xtn_out_quoted(const struct xtn_out *o, const char *s);
bool xtn_out_numeric(const struct xtn_out *o);
/* An IPv4 address as xtables_ipaddr_to_anyname prints it (host name,
 * network name, dotted quad), or numeric with -n and in save forms. */
union xtn_inaddr;
const char *xtn_out_addr4(const struct xtn_out *o, const union xtn_inaddr *a,
			  char *buf, size_t len);
/* " name", quoted only if it holds a blank or a double quote (save). */
void xtn_out_name(const struct xtn_out *o, const char *name);

#endif
