/*
 * What the parts of a conntrack run share inside lib/ct/: the sockets, the
 * run's state, and the request and output helpers of ctexec.c.  The
 * expectation table (ctexp.c) and batched deletion (ctdelete.c) build on
 * them.
 */
#ifndef XTNFT_CT_CTRUN_INT_H
#define XTNFT_CT_CTRUN_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

struct ct_deleter;
struct nf_conntrack;
struct nfct_labelmap;
struct xtn_ct_cmd;
struct xtn_ct_filter;
struct xtn_ct_io;
struct xtn_ctx;

/* a fixed size: MNL_SOCKET_BUFFER_SIZE is a sysconf() call, a VLA */
#define CT_BUFSZ 32768

#ifndef ENOTSUPP
#define ENOTSUPP 524
#endif

struct ct_sock {
	struct mnl_socket *nl;
	uint32_t portid;
};

struct ct_run {
	struct xtn_ctx *ctx;
	const struct xtn_ct_cmd *c;
	const struct xtn_ct_io *io;
	struct xtn_ct_filter *filter;
	struct ct_sock sock, mod;
	unsigned int counter;
	bool xml_open;
	int err;		/* errno of a failed modification */
	struct nfct_labelmap *labelmap;	/* label names, when asked for */
	struct ct_deleter *del;		/* -D's deleting thread */
};

int ct_sock_open(struct ct_sock *s, unsigned int groups);
void ct_sock_close(struct ct_sock *s);
/* a request header of subsys/type in buf, with its nfgenmsg */
struct nlmsghdr *ct_msg_put(char *buf, uint16_t subsys, uint16_t type,
			    uint16_t flags, uint8_t family);
/* send nlh, then run cb over the answers (all of them when dump) */
int ct_talk(struct ct_sock *s, const struct nlmsghdr *nlh, mnl_cb_t cb,
	    void *data, bool dump);
int ct_request(struct ct_sock *s, uint8_t family, uint16_t type,
	       uint16_t flags, const struct nf_conntrack *ct,
	       mnl_cb_t cb, void *data);
/* end the line in io->out and hand it to the caller */
void ct_emit(struct ct_run *r);
void ct_print_entry(struct ct_run *r, const struct nf_conntrack *ct,
		    unsigned int type);
/* -o timestamp's "[sec.usec]\t" before an event line */
void ct_event_time(struct ct_run *r);

/* a dump of type (IPCTNL_MSG_CT_GET*) through cb; filtered: with the
 * kernel filters of the command (its status too when with_status) */
int ct_dump(struct ct_run *r, uint16_t type, mnl_cb_t cb, bool filtered,
	    bool with_status);

/* ctdelete.c: -D */
int ct_run_delete(struct ct_run *r);

/* ctexp.c: the expectation table's commands, and one expectation event */
int ct_run_exp(struct ct_run *r);
int ct_exp_event(struct ct_run *r, const struct nlmsghdr *nlh,
		 unsigned int type);

#endif
