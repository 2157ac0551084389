/* The default transport: a NETLINK_NETFILTER socket. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <xtnft/diag.h>
#include <xtnft/nl.h>
#include <xtnft/util.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

struct sock_priv {
	int fd;
	size_t sndbuf, rcvbuf;
};

static int sock_send(struct xtn_transport *t, const struct iovec *iov,
		     size_t n_iov)
{
	struct sock_priv *p = t->priv;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct msghdr msg = {
		.msg_name = &kernel,
		.msg_namelen = sizeof(kernel),
		.msg_iov = (struct iovec *)iov,
		.msg_iovlen = n_iov,
	};

	return sendmsg(p->fd, &msg, 0) < 0 ? -1 : 0;
}

static ssize_t sock_recv(struct xtn_transport *t, void *buf, size_t len,
			 int timeout_ms)
{
	struct sock_priv *p = t->priv;
	struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
	int ret;

	if (timeout_ms >= 0) {
		do {
			ret = poll(&pfd, 1, timeout_ms);
		} while (ret < 0 && errno == EINTR);
		if (ret <= 0)
			return ret;
	}
	do {
		ret = (int)recv(p->fd, buf, len, 0);
	} while (ret < 0 && errno == EINTR);
	return ret;
}

/* Raise one buffer: beyond the sysctl limit with CAP_NET_ADMIN (in the
 * initial user namespace), else as far as the limit allows. */
static void raise_buf(int fd, int force_opt, int opt, size_t want,
		      size_t *have)
{
	int v = want > INT32_MAX ? INT32_MAX : (int)want;

	if (want <= *have)
		return;
	if (setsockopt(fd, SOL_SOCKET, force_opt, &v, sizeof(v)) == 0 ||
	    setsockopt(fd, SOL_SOCKET, opt, &v, sizeof(v)) == 0)
		*have = want;
}

/* The kernel takes a batch in one skb and queues an error report per
 * failed message: raise the buffers.  What still does not fit shows up
 * as EMSGSIZE or ENOBUFS, both reported. */
static void sock_reserve(struct xtn_transport *t, size_t sndbuf, size_t rcvbuf)
{
	struct sock_priv *p = t->priv;

	raise_buf(p->fd, SO_SNDBUFFORCE, SO_SNDBUF, sndbuf, &p->sndbuf);
	raise_buf(p->fd, SO_RCVBUFFORCE, SO_RCVBUF, rcvbuf, &p->rcvbuf);
}

static void sock_close(struct xtn_transport *t)
{
	struct sock_priv *p = t->priv;

	close(p->fd);
	free(p);
	free(t);
}

int xtn_transport_open(struct xtn_transport **out, struct xtn_diag *d)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	struct xtn_transport *t;
	struct sock_priv *p;
	int fd, one = 1;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		int err = errno;

		if (fd >= 0)
			close(fd);
		return xtn_fail(d, XTN_RESOURCE, NULL,
				"Could not open netlink socket: %s",
				xtn_errmsg(XTN_EOP_ANY, err));
	}
	/* errors then carry only the header of the failed message */
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	p = xtn_xzalloc(sizeof(*p));
	p->fd = fd;
	t = xtn_xzalloc(sizeof(*t));
	t->send = sock_send;
	t->recv = sock_recv;
	t->reserve = sock_reserve;
	t->close = sock_close;
	t->priv = p;
	*out = t;
	return 0;
}

void xtn_transport_close(struct xtn_transport *t)
{
	if (t)
		t->close(t);
}
