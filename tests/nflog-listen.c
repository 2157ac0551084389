/*
 * nflog-listen GROUP COUNT SECONDS: a minimal nfnetlink_log listener for
 * the traffic tests, on raw netlink (no libnetfilter_log).  It binds
 * GROUP in the current network namespace, prints "ready" once bound, then
 * one line "prefix=<prefix> len=<payload bytes>" per packet the kernel
 * logs there, and exits 0 after COUNT packets, or 1 after SECONDS without
 * them.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUFSZ 65536

static void put_attr(struct nlmsghdr *n, unsigned short type, const void *d,
		     size_t len)
{
	struct nlattr *a = (struct nlattr *)((char *)n + NLMSG_ALIGN(n->nlmsg_len));

	a->nla_type = type;
	a->nla_len = (unsigned short)(NLA_HDRLEN + len);
	memcpy((char *)a + NLA_HDRLEN, d, len);
	n->nlmsg_len = NLMSG_ALIGN(n->nlmsg_len) + NLA_ALIGN(a->nla_len);
}

/* One NFULNL_MSG_CONFIG request with one attribute; 0 when acked. */
static int config(int fd, char *buf, unsigned short group,
		  unsigned short attr, const void *d, size_t len)
{
	char req[256] __attribute__((aligned(4)));
	struct nlmsghdr *n = (struct nlmsghdr *)req;
	struct nfgenmsg *g;
	struct nlmsgerr *err;
	ssize_t r;

	memset(req, 0, sizeof(req));
	n->nlmsg_len = NLMSG_LENGTH(sizeof(*g));
	n->nlmsg_type = NFNL_SUBSYS_ULOG << 8 | NFULNL_MSG_CONFIG;
	n->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	g = NLMSG_DATA(n);
	g->nfgen_family = AF_UNSPEC;
	g->version = NFNETLINK_V0;
	g->res_id = htons(group);
	put_attr(n, attr, d, len);
	if (send(fd, req, n->nlmsg_len, 0) < 0)
		return -1;
	r = recv(fd, buf, BUFSZ, 0);
	n = (struct nlmsghdr *)buf;
	if (r < (ssize_t)NLMSG_LENGTH(sizeof(*err)) || n->nlmsg_type != NLMSG_ERROR)
		return -1;
	err = NLMSG_DATA(n);
	errno = -err->error;
	return err->error ? -1 : 0;
}

/* Print one logged packet; 1 if it was one. */
static int show_packet(const struct nlmsghdr *n)
{
	const struct nlattr *a;
	const char *prefix = "";
	size_t payload = 0;
	int left;

	if (n->nlmsg_type != (NFNL_SUBSYS_ULOG << 8 | NFULNL_MSG_PACKET))
		return 0;
	left = (int)n->nlmsg_len - NLMSG_LENGTH(sizeof(struct nfgenmsg));
	a = (const struct nlattr *)((const char *)NLMSG_DATA(n) +
				    NLMSG_ALIGN(sizeof(struct nfgenmsg)));
	while (left >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
	       a->nla_len <= left) {
		const char *d = (const char *)a + NLA_HDRLEN;
		size_t dlen = a->nla_len - NLA_HDRLEN;

		if ((a->nla_type & NLA_TYPE_MASK) == NFULA_PREFIX &&
		    dlen > 0 && d[dlen - 1] == '\0')
			prefix = d;
		else if ((a->nla_type & NLA_TYPE_MASK) == NFULA_PAYLOAD)
			payload = dlen;
		left -= NLA_ALIGN(a->nla_len);
		a = (const struct nlattr *)((const char *)a + NLA_ALIGN(a->nla_len));
	}
	printf("prefix=%s len=%zu\n", prefix, payload);
	fflush(stdout);
	return 1;
}

int main(int argc, char **argv)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct nfulnl_msg_config_cmd cmd = { .command = NFULNL_CFG_CMD_BIND };
	struct nfulnl_msg_config_mode mode = {
		.copy_range = htonl(0xffff), .copy_mode = NFULNL_COPY_PACKET,
	};
	static char buf[BUFSZ] __attribute__((aligned(4)));
	unsigned short group;
	int fd, want, seen = 0;
	time_t deadline;

	if (argc != 4) {
		fprintf(stderr, "usage: %s GROUP COUNT SECONDS\n", argv[0]);
		return 2;
	}
	group = (unsigned short)atoi(argv[1]);
	want = atoi(argv[2]);
	deadline = time(NULL) + atoi(argv[3]);
	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    config(fd, buf, group, NFULA_CFG_CMD, &cmd, sizeof(cmd)) < 0 ||
	    config(fd, buf, group, NFULA_CFG_MODE, &mode, sizeof(mode)) < 0) {
		perror("nflog-listen: bind group");
		return 2;
	}
	printf("ready\n");
	fflush(stdout);
	while (seen < want && time(NULL) < deadline) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		struct nlmsghdr *n;
		ssize_t r;

		if (poll(&p, 1, 200) <= 0)
			continue;
		r = recv(fd, buf, BUFSZ, 0);
		for (n = (struct nlmsghdr *)buf; r > 0 && NLMSG_OK(n, (size_t)r);
		     n = NLMSG_NEXT(n, r))
			seen += show_packet(n);
	}
	close(fd);
	return seen >= want ? 0 : 1;
}
