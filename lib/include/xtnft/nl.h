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
struct xtn_diag;
struct xtn_loc;
struct xtn_strbuf;

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
/* Zero one rule's counters (NFT_MSG_GETRULE_RESET by handle). */
int xtn_nl_reset_rule(struct xtn_nl *nl, uint8_t family, const char *table,
		      const char *chain, uint64_t handle);
/* Dumps; the callback gets each parsed object (borrowed). */
int xtn_nl_dump_tables(struct xtn_nl *nl, uint8_t family,
		       int (*cb)(const char *name, void *data), void *data);
int xtn_nl_dump_chains(struct xtn_nl *nl, uint8_t family, const char *table,
		       int (*cb)(struct nftnl_chain *c, void *data), void *data);
/* Rules of one chain (or of the whole table when chain is NULL).  With
 * reset, the kernel zeroes the counters it reports (NFT_MSG_GETRULE_RESET). */
/* -vvv: the netlink message as libmnl's hexdump shows it. */
void xtn_nl_hexdump(struct xtn_strbuf *out, const struct nlmsghdr *nlh);

int xtn_nl_dump_rules(struct xtn_nl *nl, uint8_t family, const char *table,
		      const char *chain, bool reset,
		      int (*cb)(struct nftnl_rule *r, const struct nlmsghdr *nlh,
				void *data),
		      void *data);

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
};

struct xtn_batch_obj {
	uint32_t seq;
	uint32_t line;		/* restore line, 0 on the command line */
	uint8_t op;		/* enum xtn_obj_op */
	char *name;		/* table or chain the message names */
	/* rules: the argv words behind each expression, if known */
	struct xtn_loc *locs;
	unsigned int n_locs;
};

struct xtn_batch {
	struct nftnl_batch *b;
	struct xtn_hmap names;	/* interned object names for error messages */
	char **name_list;
	unsigned int n_names;
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
};

void xtn_batch_init(struct xtn_batch *b, struct xtn_nl *nl, uint32_t genid);
void xtn_batch_fini(struct xtn_batch *b);
bool xtn_batch_empty(const struct xtn_batch *b);

void xtn_batch_table(struct xtn_batch *b, struct xtn_nl *nl, uint16_t msg,
		     uint8_t family, const char *table, uint16_t flags,
		     enum xtn_obj_op op, uint32_t line);
void xtn_batch_chain(struct xtn_batch *b, struct xtn_nl *nl, uint16_t msg,
		     struct nftnl_chain *c, uint16_t flags, enum xtn_obj_op op,
		     uint32_t line);
/* Adds the rule; with_id gives it an NFTA_RULE_ID (returned) so later
 * messages of the batch can refer to it before it has a handle. */
uint32_t xtn_batch_rule(struct xtn_batch *b, struct xtn_nl *nl, uint16_t msg,
			struct nftnl_rule *r, uint16_t flags,
			enum xtn_obj_op op, uint32_t line, bool with_id);

/* Give the last batched rule the argv words of its expressions (the batch
 * takes the array): a kernel error pointing at one names those words. */
void xtn_batch_attach_locs(struct xtn_batch *b, struct xtn_loc *locs,
			   unsigned int n);

enum xtn_commit_result {
	XTN_COMMIT_OK,
	XTN_COMMIT_FAILED,	/* kernel errors recorded in the diag */
	XTN_COMMIT_RESTART,	/* generation changed: rebuild and retry */
};

enum xtn_commit_result xtn_batch_commit(struct xtn_batch *b, struct xtn_nl *nl,
					struct xtn_diag *d);

#endif
