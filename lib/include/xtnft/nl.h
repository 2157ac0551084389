/*
 * Netlink: a replaceable transport (so tests can fake the kernel), request
 * and dump helpers, and the transaction batch with per-message error
 * mapping back to the object, operation and restore line.
 */
#ifndef XTNFT_NL_H
#define XTNFT_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>
#include "hmap.h"

struct nlmsghdr;
struct nftnl_batch;
struct nftnl_chain;
struct nftnl_rule;
struct nftnl_set;
struct xtn_diag;
struct xtn_loc;
struct xtn_strbuf;
struct xtn_wire_rule;

/* Byte-level transport; the default one is a NETLINK_NETFILTER socket. */
struct xtn_transport {
	int (*send)(struct xtn_transport *t, const struct iovec *iov,
		    size_t n_iov);
	/* > 0 bytes read; 0 when nothing arrives within timeout_ms; -1 errno */
	ssize_t (*recv)(struct xtn_transport *t, void *buf, size_t len,
			int timeout_ms);
	/* Grow socket buffers before a large batch (may be a no-op). */
	void (*reserve)(struct xtn_transport *t, size_t sndbuf, size_t rcvbuf);
	void (*close)(struct xtn_transport *t);
	void *priv;
};

int xtn_transport_open(struct xtn_transport **out, struct xtn_diag *d);
void xtn_transport_close(struct xtn_transport *t);

struct xtn_nl {
	struct xtn_transport *t;
	uint32_t seq;
	char *rbuf;
	size_t rbuf_len;
};

void xtn_nl_init(struct xtn_nl *nl, struct xtn_transport *t);
void xtn_nl_fini(struct xtn_nl *nl);
uint32_t xtn_nl_next_seq(struct xtn_nl *nl);

/* Called per data message of a reply; return <0 to fail the request. */
typedef int (*xtn_nl_cb)(const struct nlmsghdr *nlh, void *data);

/* Send one request and process replies until DONE/ACK.  Returns 0, or -1
 * with errno set to the kernel's error (ENOENT is a normal answer). */
int xtn_nl_talk(struct xtn_nl *nl, struct nlmsghdr *req, xtn_nl_cb cb,
		void *data);

int xtn_nl_genid(struct xtn_nl *nl, uint32_t *genid);
/* One chain by name: 0 and *out set, or -1 with errno (ENOENT: absent). */
int xtn_nl_get_chain(struct xtn_nl *nl, uint8_t family, const char *table,
		     const char *chain, struct nftnl_chain **out);
/* Does the table exist?  0 with *exists set, -1 with errno on failure. */
int xtn_nl_table_exists(struct xtn_nl *nl, uint8_t family, const char *table,
			bool *exists);
/* Dumps; the callback gets each parsed object (borrowed). */
int xtn_nl_dump_tables(struct xtn_nl *nl, uint8_t family,
		       int (*cb)(const char *name, void *data), void *data);
int xtn_nl_dump_chains(struct xtn_nl *nl, uint8_t family, const char *table,
		       int (*cb)(struct nftnl_chain *c, void *data), void *data);
/* -vvv: the netlink message as libmnl's hexdump shows it. */
void xtn_nl_hexdump(struct xtn_strbuf *out, const struct nlmsghdr *nlh);

/* Rules of one chain (or of the whole table when chain is NULL), each
 * handed over as the kernel's message. */
int xtn_nl_dump_rules(struct xtn_nl *nl, uint8_t family, const char *table,
		      const char *chain,
		      int (*cb)(const struct nlmsghdr *nlh, void *data),
		      void *data);

/* The sets of a table (definitions: the callback takes each), and the
 * elements of one of them (added to s). */
int xtn_nl_dump_sets(struct xtn_nl *nl, uint8_t family, const char *table,
		     int (*cb)(struct nftnl_set *s, void *data), void *data);
int xtn_nl_get_set_elems(struct xtn_nl *nl, uint8_t family,
			 struct nftnl_set *s);

/* What iptables calls each batched object in "X failed (...)" messages. */
enum xtn_obj_op {
	XTN_OBJ_TABLE_ADD,
	XTN_OBJ_TABLE_FLUSH,
	XTN_OBJ_CHAIN_ADD,
	XTN_OBJ_CHAIN_USER_ADD,
	XTN_OBJ_CHAIN_DEL,
	XTN_OBJ_CHAIN_USER_FLUSH,
	XTN_OBJ_CHAIN_UPDATE,
	XTN_OBJ_CHAIN_RENAME,
	XTN_OBJ_CHAIN_ZERO,
	XTN_OBJ_RULE_APPEND,
	XTN_OBJ_RULE_INSERT,
	XTN_OBJ_RULE_REPLACE,
	XTN_OBJ_RULE_DELETE,
	XTN_OBJ_RULE_FLUSH,
	XTN_OBJ_SET_ADD,	/* an anonymous set and its elements */
};

/* One per message of the batch (32 bytes: a restore notes 100k). */
struct xtn_batch_obj {
	uint32_t seq;
	uint32_t line;		/* restore line, 0 on the command line */
	unsigned int n_locs;
	uint8_t op;		/* enum xtn_obj_op */
	char *name;		/* table or chain the message names */
	/* rules: the argv words behind each expression, if known */
	struct xtn_loc *locs;
};

/* The kernel reads at most NFT_RULE_MAXEXPRS (net/netfilter/nf_tables.h,
 * not uapi) expressions of a rule. */
#define XTN_RULE_MAXEXPRS 128
/* Object names the kernel takes (NFT_NAME_MAXLEN, NUL included). */
#define XTN_NAME_MAXLEN 256
/* No expression we build is longer (xt blobs included: test-batch checks
 * every descriptor), nor is the user data we copy from a kernel rule; a
 * page's overrun holds 64 KiB of expressions plus one more. */
#define XTN_EXPR_MAX_LEN 4096
/* The kernel lists each rule in one dump message, and a dump message is
 * at most SKB_WITH_OVERHEAD(32768) bytes (netlink_recvmsg caps the dump
 * buffer there; x86-64's skb_shared_info takes 320).  A longer rule is
 * stored, but every dump of its chain stops at it: it and the rules after
 * it are missing from -L, -S and save, in every tool. */
#define XTN_DUMP_MSG_MAX 32448

struct xtn_batch {
	struct nftnl_batch *b;
	struct xtn_diag *diag;	/* refusals before sending land here */
	uint32_t begin_seq;
	struct xtn_hmap names;	/* interned object names for error messages */
	char **name_list;
	unsigned int n_names, cap_names;
	char *last_name;	/* interned last: rules come chain by chain */
	/* iptables -vv / -vvv: each object (and its message) as it is batched */
	unsigned int verbose;
	struct xtn_strbuf *debug;
	int pages;		/* batch pages when last zeroed ahead */
	char *zeroed;		/* the current page is zero up to here */
	uint32_t genid;
	struct xtn_batch_obj *objs;
	unsigned int n_objs, cap;
	unsigned int n_msgs;
	uint32_t next_rule_id;
	/* said (as a warning) when the kernel refuses a rule with
	 * EOPNOTSUPP: what it lacks, for the family's rules */
	const char *eopnotsupp_hint;
	uint32_t next_set_id;
};

void xtn_batch_init(struct xtn_batch *b, struct xtn_nl *nl, uint32_t genid,
		     struct xtn_diag *d);
void xtn_batch_fini(struct xtn_batch *b);
bool xtn_batch_empty(const struct xtn_batch *b);

/* Queue a table or chain message: 0, or -1 (recorded in the batch's diag)
 * for a name the kernel would refuse. */
int xtn_batch_table(struct xtn_batch *b, struct xtn_nl *nl, uint16_t msg,
		    uint8_t family, const char *table, uint16_t flags,
		    enum xtn_obj_op op, uint32_t line);
int xtn_batch_chain(struct xtn_batch *b, struct xtn_nl *nl, uint16_t msg,
		    struct nftnl_chain *c, uint16_t flags, enum xtn_obj_op op,
		    uint32_t line);
struct xtn_batch_rule_opts {
	uint16_t msg;		/* NFT_MSG_NEWRULE or NFT_MSG_DELRULE */
	uint16_t flags;
	enum xtn_obj_op op;
	uint32_t line;		/* restore line, 0 on the command line */
	/* give it an NFTA_RULE_ID, so later messages of the batch can refer
	 * to it before it has a handle */
	bool with_id;
	/* a rule the kernel listed, sent back (-Z): it fits a dump message,
	 * whatever the estimate says */
	bool listed;
	/* the argv words of each expression, for kernel errors (the batch
	 * takes the array) */
	struct xtn_loc *locs;
	unsigned int n_locs;
};

/* Add the rule (its ID in *id when asked).  A rule the kernel could not
 * read whole (over XTN_RULE_MAXEXPRS expressions, or more than netlink's
 * 16-bit lengths carry) or list (over XTN_DUMP_MSG_MAX; unless it came
 * from a listing, o->listed) is never built: -1, and the refusal is
 * recorded in the batch's diag like a kernel error. */
int xtn_batch_wire(struct xtn_batch *b, struct xtn_nl *nl,
		   struct xtn_wire_rule *w, const struct xtn_batch_rule_opts *o,
		   uint32_t *id);
/* The same for a rule object. */
int xtn_batch_rule(struct xtn_batch *b, struct xtn_nl *nl, struct nftnl_rule *r,
		   const struct xtn_batch_rule_opts *o, uint32_t *id);

/* Queue the anonymous sets a rule's lookups name (each a NEWSET, then
 * its elements in NEWSETELEM messages of at most 64 KiB) under new set
 * ids of this batch, and point r's lookups (by the encoder's ids) at
 * them: r, queued next, binds them, and the kernel frees them with r. */
int xtn_batch_anon_sets(struct xtn_batch *b, struct xtn_nl *nl,
			struct nftnl_set *const *sets, unsigned int n,
			struct xtn_wire_rule *r, uint32_t line);

enum xtn_commit_result {
	XTN_COMMIT_OK,
	XTN_COMMIT_FAILED,	/* kernel errors recorded in the diag */
	XTN_COMMIT_RESTART,	/* generation changed: rebuild and retry */
};

/* Send the batch; check_genid makes the kernel refuse it (ERESTART) if
 * the ruleset changed since the generation id was read. */
enum xtn_commit_result xtn_batch_commit(struct xtn_batch *b, struct xtn_nl *nl,
					struct xtn_diag *d, bool check_genid);

#endif
