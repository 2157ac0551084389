/*
 * The kernel's floor for a restore and for a save: what the same batch or
 * the same dump costs without xtnft's parsing, encoding, decoding and
 * printing (bench/floor.sh runs it; not installed).
 *
 *   xtnft-floor record FILE [-6] [--noflush] < RULES
 *	restores RULES through the library exactly as xtnft does, and
 *	writes the batch it sent to FILE;
 *   xtnft-floor replay FILE
 *	sends FILE's batch as one sendmsg, its generation id set to the
 *	current one, and reads the acknowledgements;
 *   xtnft-floor dump [-6] TABLE [--table]
 *	reads TABLE's rules and throws them away: one dump per chain, as
 *	xtnft reads them, or one dump of the whole table (--table).
 *   xtnft-floor start
 *	exits at once: a process of xtnft's size, linked with the same
 *	libraries, started and ended (bench/spawn.sh's floor for one call);
 *   xtnft-floor genid
 *	the same, and one generation request on a netlink socket, the
 *	least any call that reads the ruleset asks the kernel.
 *
 * replay and dump print one line: user and system CPU seconds, wall
 * seconds, peak RSS in KiB, messages and bytes read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/lines.h>
#include <xtnft/nl.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>

#define RBUF_LEN (64 * 1024)	/* what xtnft reads with */
#define REQ_LEN 8192		/* one request */

struct recorder {
	struct xtn_transport t;
	struct xtn_transport *real;
	const char *path;
};

static int write_all(int fd, const void *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p = (const char *)p + n;
		len -= (size_t)n;
	}
	return 0;
}

/* A send that opens a batch is the batch: kept (the last one, if a clash
 * made the restore send it again), then sent on. */
static int rec_send(struct xtn_transport *t, const struct iovec *iov,
		    size_t n_iov)
{
	struct recorder *r = (struct recorder *)t;
	const struct nlmsghdr *nlh = iov[0].iov_base;
	size_t i;
	int fd;

	if (iov[0].iov_len >= sizeof(*nlh) &&
	    nlh->nlmsg_type == NFNL_MSG_BATCH_BEGIN) {
		fd = open(r->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0)
			return -1;
		for (i = 0; i < n_iov; i++)
			if (write_all(fd, iov[i].iov_base, iov[i].iov_len) < 0)
				break;
		close(fd);
	}
	return r->real->send(r->real, iov, n_iov);
}

static ssize_t rec_recv(struct xtn_transport *t, void *buf, size_t len,
			int timeout_ms)
{
	struct recorder *r = (struct recorder *)t;

	return r->real->recv(r->real, buf, len, timeout_ms);
}

static void rec_reserve(struct xtn_transport *t, size_t sndbuf, size_t rcvbuf)
{
	struct recorder *r = (struct recorder *)t;

	if (r->real->reserve)
		r->real->reserve(r->real, sndbuf, rcvbuf);
}

static void rec_close(struct xtn_transport *t)
{
	(void)t;	/* the recorder and its socket live in record() */
}

static int record(const char *path, int argc, char **argv)
{
	struct xtn_restore_opts o = { .prog = "iptables-restore" };
	const struct xtn_family *fam = &xtn_family_ipv4;
	struct recorder r = { .path = path };
	struct xtn_lines lines;
	struct xtn_strbuf out;
	struct xtn_ctx ctx;
	int i, ret;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-6") == 0)
			fam = &xtn_family_ipv6, o.prog = "ip6tables-restore";
		else if (strcmp(argv[i], "--noflush") == 0)
			o.noflush = true;
	}
	xtn_ctx_init(&ctx, fam);
	if (xtn_transport_open(&r.real, &ctx.diag) < 0) {
		fprintf(stderr, "%s\n", ctx.diag.msg ? ctx.diag.msg : "no socket");
		xtn_ctx_fini(&ctx);
		return 1;
	}
	r.t.send = rec_send;
	r.t.recv = rec_recv;
	r.t.reserve = rec_reserve;
	r.t.close = rec_close;
	ctx.transport = &r.t;
	xtn_lines_init(&lines, 0);
	xtn_strbuf_init(&out);
	ret = xtn_restore(&ctx, &lines, &o, &out);
	if (ret < 0)
		fprintf(stderr, "restore failed: %s\n",
			ctx.diag.msg ? ctx.diag.msg : "(no message)");
	xtn_strbuf_fini(&out);
	xtn_lines_fini(&lines);
	xtn_transport_close(r.real);
	xtn_ctx_fini(&ctx);
	return ret < 0;
}

struct usage {
	struct timespec t0;
	unsigned long msgs, bytes;
};

static void start(struct usage *u)
{
	memset(u, 0, sizeof(*u));
	clock_gettime(CLOCK_MONOTONIC, &u->t0);
}

static void report(const struct usage *u)
{
	struct rusage ru;
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_SELF, &ru);
	printf("%ld.%06ld %ld.%06ld %.6f %ld %lu %lu\n",
	       (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
	       (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec,
	       (double)(t1.tv_sec - u->t0.tv_sec) +
	       (double)(t1.tv_nsec - u->t0.tv_nsec) / 1e9,
	       ru.ru_maxrss, u->msgs, u->bytes);
}

static struct mnl_socket *open_nl(void)
{
	struct mnl_socket *nl = mnl_socket_open(NETLINK_NETFILTER);
	int one = 1;

	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("netlink");
		exit(1);
	}
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));
	return nl;
}

static struct nlmsghdr *request(char *buf, uint16_t type, uint8_t family,
				uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nfgenmsg *nfg;

	nlh->nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nfg = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfg));
	nfg->nfgen_family = family;
	nfg->version = NFNETLINK_V0;
	return nlh;
}

/* Read replies to the request just sent until its end; cb sees each
 * message.  -1 on an error reply. */
static int talk(struct mnl_socket *nl, struct usage *u, mnl_cb_t cb,
		void *data)
{
	static char buf[RBUF_LEN];
	ssize_t n;
	int ret;

	do {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n <= 0)
			return -1;
		if (u) {
			u->msgs++;
			u->bytes += (unsigned long)n;
		}
		ret = mnl_cb_run(buf, (size_t)n, 0, 0, cb, data);
	} while (ret > 0);
	return ret;
}

static int genid_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (mnl_attr_get_type(a) == NFTA_GEN_ID)
			*(uint32_t *)data = ntohl(mnl_attr_get_u32(a));
	return MNL_CB_OK;
}

static uint32_t current_genid(struct mnl_socket *nl)
{
	char buf[REQ_LEN];
	uint32_t id = 0;

	static char rbuf[RBUF_LEN];
	ssize_t n;

	mnl_socket_sendto(nl, request(buf, NFT_MSG_GETGEN, AF_UNSPEC, 0),
			  mnl_nlmsg_size(sizeof(struct nfgenmsg)));
	/* one reply, no acknowledgement after it */
	n = mnl_socket_recvfrom(nl, rbuf, sizeof(rbuf));
	if (n > 0)
		mnl_cb_run(rbuf, (size_t)n, 0, 0, genid_cb, &id);
	return id;
}

static void *read_file(const char *path, size_t *len)
{
	struct xtn_strbuf sb;
	char chunk[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	xtn_strbuf_init(&sb);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		xtn_strbuf_put(&sb, chunk, (size_t)n);
	close(fd);
	*len = sb.len;
	return xtn_strbuf_steal(&sb);
}

/* The batch was recorded against another generation: it carries this
 * one's instead, or the kernel refuses it as stale. */
static void set_genid(struct nlmsghdr *begin, uint32_t id)
{
	struct nlattr *a;

	mnl_attr_for_each(a, begin, sizeof(struct nfgenmsg))
		if (mnl_attr_get_type(a) == NFNL_BATCH_GENID)
			*(uint32_t *)mnl_attr_get_payload(a) = htonl(id);
}

static int replay(const char *path)
{
	struct mnl_socket *nl = open_nl();
	size_t len, sndbuf;
	char *batch = read_file(path, &len);
	struct nlmsghdr *nlh = (struct nlmsghdr *)batch;
	static char buf[RBUF_LEN];
	struct usage u;
	ssize_t n;
	int errors = 0;

	if (len < sizeof(*nlh) || nlh->nlmsg_type != NFNL_MSG_BATCH_BEGIN) {
		fprintf(stderr, "%s: not a batch\n", path);
		return 1;
	}
	set_genid(nlh, current_genid(nl));
	sndbuf = len;
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_SNDBUFFORCE, &sndbuf,
		   sizeof(sndbuf));
	start(&u);
	/* the kernel runs the whole batch inside this call */
	if (mnl_socket_sendto(nl, batch, len) < 0) {
		perror("sendmsg");
		return 1;
	}
	while ((n = recv(mnl_socket_get_fd(nl), buf, sizeof(buf),
			 MSG_DONTWAIT)) > 0) {
		u.msgs++;
		u.bytes += (unsigned long)n;
		for (nlh = (struct nlmsghdr *)buf; mnl_nlmsg_ok(nlh, (int)n);
		     nlh = mnl_nlmsg_next(nlh, (int *)&n))
			if (nlh->nlmsg_type == NLMSG_ERROR &&
			    ((struct nlmsgerr *)mnl_nlmsg_get_payload(nlh))->error)
				errors++;
	}
	report(&u);
	free(batch);
	mnl_socket_close(nl);
	if (errors)
		fprintf(stderr, "%d messages refused\n", errors);
	return errors != 0;
}

struct chains {
	char **v;
	size_t n;
};

static int chain_cb(const struct nlmsghdr *nlh, void *data)
{
	struct chains *c = data;
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (mnl_attr_get_type(a) == NFTA_CHAIN_NAME) {
			c->v = xtn_xrealloc(c->v, (c->n + 1) * sizeof(*c->v));
			c->v[c->n++] = xtn_xstrdup(mnl_attr_get_str(a));
		}
	return MNL_CB_OK;
}

static int ignore_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_OK;
}

static void dump_rules(struct mnl_socket *nl, uint8_t family,
		       const char *table, const char *chain, struct usage *u)
{
	char buf[REQ_LEN];
	struct nlmsghdr *nlh = request(buf, NFT_MSG_GETRULE, family, NLM_F_DUMP);

	mnl_attr_put_strz(nlh, NFTA_RULE_TABLE, table);
	if (chain)
		mnl_attr_put_strz(nlh, NFTA_RULE_CHAIN, chain);
	mnl_socket_sendto(nl, nlh, nlh->nlmsg_len);
	if (talk(nl, u, ignore_cb, NULL) < 0)
		fprintf(stderr, "dump of %s: %s\n", chain ? chain : table,
			strerror(errno));
}

static int dump(int argc, char **argv)
{
	uint8_t family = NFPROTO_IPV4;
	const char *table = NULL;
	struct mnl_socket *nl = open_nl();
	char buf[REQ_LEN];
	struct chains c = { NULL, 0 };
	struct nlmsghdr *nlh;
	bool whole = false;
	struct usage u;
	size_t i;
	int k;

	for (k = 0; k < argc; k++) {
		if (strcmp(argv[k], "-6") == 0)
			family = NFPROTO_IPV6;
		else if (strcmp(argv[k], "--table") == 0)
			whole = true;
		else
			table = argv[k];
	}
	if (!table) {
		fprintf(stderr, "dump: which table?\n");
		return 1;
	}
	start(&u);
	nlh = request(buf, NFT_MSG_GETCHAIN, family, NLM_F_DUMP);
	mnl_attr_put_strz(nlh, NFTA_CHAIN_TABLE, table);
	mnl_socket_sendto(nl, nlh, nlh->nlmsg_len);
	talk(nl, &u, chain_cb, &c);
	if (whole)
		dump_rules(nl, family, table, NULL, &u);
	for (i = 0; i < c.n; i++) {
		if (!whole)
			dump_rules(nl, family, table, c.v[i], &u);
		free(c.v[i]);
	}
	report(&u);
	free(c.v);
	mnl_socket_close(nl);
	return 0;
}

/* The least a call that reads the ruleset does: open a socket, ask
 * for the generation, close. */
static int genid_only(void)
{
	struct mnl_socket *nl = open_nl();
	uint32_t id = current_genid(nl);

	mnl_socket_close(nl);
	return id == 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "start") == 0)
		return 0;
	if (argc == 2 && strcmp(argv[1], "genid") == 0)
		return genid_only();
	if (argc >= 3 && strcmp(argv[1], "record") == 0)
		return record(argv[2], argc - 3, argv + 3);
	if (argc == 3 && strcmp(argv[1], "replay") == 0)
		return replay(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "dump") == 0)
		return dump(argc - 2, argv + 2);
	fprintf(stderr, "usage: %s record FILE [-6] [--noflush] < RULES\n"
		"       %s replay FILE\n"
		"       %s dump [-6] TABLE [--table]\n"
		"       %s start | genid\n",
		argv[0], argv[0], argv[0], argv[0]);
	return 2;
}
