/* A scripted stand-in for the nf_tables netlink interface (unit tests). */
#ifndef XTNFT_TESTS_FAKE_KERNEL_H
#define XTNFT_TESTS_FAKE_KERNEL_H

#include <stdbool.h>
#include <stdint.h>
#include <xtnft/nl.h>

#define FK_MAX_MSGS 256
#define FK_MAX_CHAINS 8

struct fk_msg {
	uint16_t type;		/* nf_tables message type (without subsystem) */
	uint16_t flags;
	uint32_t seq;
	bool has_genid;		/* BATCH_BEGIN: it carries the generation */
	uint32_t genid;		/* ... this one */
	bool batch;		/* sent inside a batch */
	char chain[32];		/* NFTA_*_CHAIN / NAME when present */
	/* NEWSET: its name, id, flags and key; NEWSETELEM: the set's name
	 * and id, and how many elements the message holds */
	char set[32];
	uint32_t set_id, set_flags, key_type, key_len, n_elems;
	/* NEWRULE: the set ids its lookups name */
	uint32_t lookup_ids[4];
	unsigned int n_lookups;
};

#define FK_MAX_SETS 8

struct xtn_family;
struct nftnl_set;

struct fake_kernel {
	struct xtn_transport t;
	const struct xtn_family *fam;	/* of its tables (default ipv4) */
	uint32_t genid;
	bool table_exists;
	const char *chains[FK_MAX_CHAINS];	/* existing chains in "filter" */
	/* rules returned by a GETRULE dump of INPUT (encoded nlmsgs) */
	char *rule_msgs[8];
	unsigned int n_rules;
	/* the anonymous sets of "filter", named as the kernel names them */
	struct nftnl_set *sets[FK_MAX_SETS];
	unsigned int n_sets;
	unsigned int set_seq;	/* the next __set%d number */
	/* scripted failures */
	/* answer this many batches that carry a generation id ERESTART */
	unsigned int restart_batches;
	uint16_t fail_type;		/* answer this batch message type ... */
	int fail_errno;			/* ... with this error */
	int fail_expr;			/* ext-ack: point at this expression
					 * of the failing rule (-1: none) */
	const char *fail_msg;		/* ext-ack: the kernel's message */
	/* what was sent */
	struct fk_msg msgs[FK_MAX_MSGS];
	unsigned int n_msgs;
	unsigned int n_batches;
	/* pending replies */
	char reply[65536];
	size_t reply_len;
};

void fk_init(struct fake_kernel *fk);
void fk_fini(struct fake_kernel *fk);
struct nftnl_rule;
/* The rule "iptables -A INPUT <args>" encodes to (aborts if it does not). */
struct nftnl_rule *fk_encode_rule(const char *args);
/* Add a rule (as args after "-A INPUT" of the family's tool) to the
 * INPUT dump; the anonymous sets it makes join the kernel's, named
 * __set0, __set1... as the kernel names them, and its lookups name them. */
void fk_add_rule(struct fake_kernel *fk, const char *args, uint64_t handle);

unsigned int fk_count(const struct fake_kernel *fk, uint16_t type, bool batch);

#endif
