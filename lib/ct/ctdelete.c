/*
 * -D: delete what a (kernel-filtered) dump shows and the userspace filter
 * keeps.  conntrack-tools asks for one deletion and waits for its answer
 * before the next: two system calls and a round trip per entry.  Here the
 * requests go out in batches, one send for up to DEL_BATCH of them, and
 * their acknowledgements come back together; a second thread sends them,
 * so that the kernel deletes on one processor while it walks the table
 * for the dump on the other.  An entry is printed and counted once its
 * acknowledgement says it is gone, in the dump's order, so the output is
 * what a one-by-one run prints: one that vanished meanwhile (ENOENT) is
 * skipped, and a refusal ends the run once the entries of its batch that
 * were deleted have been shown.  (Requests after a refused one in the same
 * batch have been carried out already; for a tuple and id just dumped the
 * kernel's only refusal is ENOENT, so this is not seen in practice, but
 * nothing deleted goes unshown.)
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <libmnl/libmnl.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <xtnft/ct.h>
#include <xtnft/ctrun.h>
#include "ctrun_int.h"

/* Batch size: every acknowledgement of a batch must fit the socket's
 * receive buffer at once, or the kernel drops it; 64 small ones take
 * well under the default 208 KiB. */
#define DEL_BATCH 64
/* room kept for one more request: a header and three attributes of a
 * dumped entry (under 200 bytes), with a margin */
#define DEL_MSG_ROOM 1024

struct ct_delete_batch {
	char buf[CT_BUFSZ];
	size_t len;
	unsigned int n;
	uint32_t seq0;			/* the first request's sequence number */
	struct nf_conntrack *ct[DEL_BATCH];
	int err[DEL_BATCH];		/* its acknowledgement, -1 before it */
};

/* The request that deletes the entry the dump showed in dumped: its
 * original tuple, zone and id, copied as the kernel sent them (the id
 * makes it this entry, not one that took its tuple meanwhile).  1.4.7
 * rebuilds every attribute of the entry; the kernel reads only these. */
static void batch_add(struct ct_delete_batch *b, struct nf_conntrack *ct,
		      const struct nlmsghdr *dumped)
{
	const struct nfgenmsg *nfg = mnl_nlmsg_get_payload(dumped);
	const struct nlattr *a;
	struct nlmsghdr *nlh;

	nlh = ct_msg_put(b->buf + b->len, NFNL_SUBSYS_CTNETLINK,
			 IPCTNL_MSG_CT_DELETE, NLM_F_ACK, nfg->nfgen_family);
	nlh->nlmsg_seq = b->seq0 + b->n;
	mnl_attr_for_each(a, dumped, sizeof(*nfg)) {
		uint16_t type = mnl_attr_get_type(a);

		if (type != CTA_TUPLE_ORIG && type != CTA_ZONE && type != CTA_ID)
			continue;
		memcpy((char *)nlh + nlh->nlmsg_len, a, a->nla_len);
		nlh->nlmsg_len += MNL_ALIGN(a->nla_len);
	}
	b->len += MNL_ALIGN(nlh->nlmsg_len);
	b->err[b->n] = -1;
	b->ct[b->n++] = ct;
}

static bool batch_full(const struct ct_delete_batch *b)
{
	return b->n == DEL_BATCH || b->len + DEL_MSG_ROOM > sizeof(b->buf);
}

/* the acknowledgements in buf[0..n) into b->err; returns how many */
static unsigned int read_acks(struct ct_delete_batch *b, const char *buf,
			      size_t n, uint32_t portid)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)buf;
	unsigned int got = 0;
	int left = (int)n;

	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		const struct nlmsgerr *e;
		uint32_t i = nlh->nlmsg_seq - b->seq0;

		if (nlh->nlmsg_type != NLMSG_ERROR || nlh->nlmsg_pid != portid ||
		    i >= b->n || b->err[i] >= 0 ||
		    nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
			continue;
		e = mnl_nlmsg_get_payload(nlh);
		b->err[i] = -e->error;
		got++;
	}
	return got;
}

/* send the batch and wait until every request of it is answered */
static int batch_send(struct ct_run *r, struct ct_delete_batch *b)
{
	char buf[CT_BUFSZ];
	unsigned int answered = 0;
	ssize_t n;

	if (mnl_socket_sendto(r->mod.nl, b->buf, b->len) < 0)
		return -1;
	while (answered < b->n) {
		n = mnl_socket_recvfrom(r->mod.nl, buf, sizeof(buf));
		if (n < 0)
			return -1;
		answered += read_acks(b, buf, (size_t)n, r->mod.portid);
	}
	return 0;
}

/* Send b (unless discard: after a failure), then show what went, in
 * order, counting it in *shown; b is empty afterwards.  The first
 * refusal but ENOENT is returned as an errno (0: none). */
static int batch_flush(struct ct_run *r, struct ct_delete_batch *b,
		       bool discard, unsigned int *shown)
{
	int err = 0;
	bool sent = !discard;
	unsigned int i;

	if (sent && b->n && batch_send(r, b) < 0) {
		err = errno;
		sent = false;
	}
	for (i = 0; i < b->n; i++) {
		if (sent && b->err[i] == 0) {
			ct_print_entry(r, b->ct[i], r->c->output & XTN_CTOUT_SAVE ?
					NFCT_T_DESTROY : 0);
			(*shown)++;
		} else if (sent && b->err[i] != ENOENT && !err) {
			err = b->err[i];
		}
		nfct_destroy(b->ct[i]);
	}
	b->n = 0;
	b->len = 0;
	return err;
}

/* A second thread does the deleting: the kernel deletes (inside our send)
 * while it walks the table for the dump (inside the other thread's
 * receive), on another processor when there is one.  The dump fills one
 * batch while the deleter sends the other; the deleter alone prints and
 * counts, in the dump's order. */
struct ct_deleter {
	struct ct_run *r;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct ct_delete_batch batch[2];
	struct ct_delete_batch *filling;	/* the dump's */
	struct ct_delete_batch *ready;		/* handed over, not yet taken */
	struct ct_delete_batch *busy;		/* being sent */
	uint32_t seq_next;
	bool done;		/* the dump has handed over its last batch */
	int err;		/* the deleter's first failure: the dump stops */
	unsigned int shown;	/* the deleter's count, r->counter after it */
};

static void *deleter_main(void *arg)
{
	struct ct_deleter *d = arg;
	struct ct_delete_batch *b;
	bool failed;
	int err;

	pthread_mutex_lock(&d->lock);
	for (;;) {
		while (!d->ready && !d->done)
			pthread_cond_wait(&d->cond, &d->lock);
		if (!d->ready)
			break;
		b = d->busy = d->ready;
		d->ready = NULL;
		failed = d->err != 0;
		pthread_cond_broadcast(&d->cond);
		pthread_mutex_unlock(&d->lock);
		err = batch_flush(d->r, b, failed, &d->shown);
		pthread_mutex_lock(&d->lock);
		if (err && !d->err)
			d->err = err;
		d->busy = NULL;
		pthread_cond_broadcast(&d->cond);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

/* Hand the dump's batch over and take the other one, once it is free;
 * the deleter's failure, if it has failed (0: none). */
static int hand_over(struct ct_deleter *d)
{
	struct ct_delete_batch *next;
	int err;

	next = d->filling == &d->batch[0] ? &d->batch[1] : &d->batch[0];
	pthread_mutex_lock(&d->lock);
	while (d->ready)
		pthread_cond_wait(&d->cond, &d->lock);
	d->ready = d->filling;
	pthread_cond_broadcast(&d->cond);
	while (d->busy == next || d->ready == next)
		pthread_cond_wait(&d->cond, &d->lock);
	err = d->err;
	pthread_mutex_unlock(&d->lock);
	next->seq0 = d->seq_next;
	d->seq_next += DEL_BATCH;
	d->filling = next;
	return err;
}

static int delete_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ct_run *r = data;
	struct ct_deleter *d = r->del;
	struct nf_conntrack *ct = nfct_new();

	if (!ct) {
		r->err = ENOMEM;
		return MNL_CB_ERROR;
	}
	nfct_nlmsg_parse(nlh, ct);
	if (!xtn_ct_filter_match(r->filter, ct)) {
		nfct_destroy(ct);
		return MNL_CB_OK;
	}
	batch_add(d->filling, ct, nlh);
	if (batch_full(d->filling) && hand_over(d)) {
		/* the deleter failed: its errno ends the dump (dump_family
		 * reports r->err) */
		r->err = d->err;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

int ct_run_delete(struct ct_run *r)
{
	static const int one = 1;
	struct ct_deleter *d = calloc(1, sizeof(*d));
	pthread_t thread;
	int ret;

	if (!d)
		return -1;
	/* acknowledgements without a copy of each request */
	mnl_socket_setsockopt(r->mod.nl, NETLINK_CAP_ACK, (void *)&one,
			      sizeof(one));
	d->r = r;
	d->filling = &d->batch[0];
	d->filling->seq0 = (uint32_t)time(NULL);
	d->seq_next = d->filling->seq0 + DEL_BATCH;
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->cond, NULL);
	if (pthread_create(&thread, NULL, deleter_main, d) != 0) {
		free(d);
		errno = ENOMEM;
		return -1;
	}
	r->del = d;
	ret = ct_dump(r, IPCTNL_MSG_CT_GET, delete_cb, true, false);
	/* what is pending matched before the dump ended: it goes either way */
	hand_over(d);
	pthread_mutex_lock(&d->lock);
	d->done = true;
	pthread_cond_broadcast(&d->cond);
	pthread_mutex_unlock(&d->lock);
	pthread_join(thread, NULL);
	r->del = NULL;
	r->counter += d->shown;
	if (d->err && !r->err)
		r->err = d->err;
	if (d->err)
		ret = -1;
	pthread_mutex_destroy(&d->lock);
	pthread_cond_destroy(&d->cond);
	free(d);
	if (ret < 0 && r->err)
		errno = r->err;
	return ret < 0 ? -1 : 0;
}
