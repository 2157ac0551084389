/*
 * conntrack commands over ctnetlink with libmnl.  Dumps are streamed: each
 * message is parsed, filtered, printed and handed to the caller before the
 * next is read.  Family, mark and status go to the kernel as the dump's
 * CTA_FILTER attributes, as conntrack-tools sends them; the other filters
 * run here.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#include <xtnft/ct.h>
#include <xtnft/ctrun.h>
#include <xtnft/ctx.h>
#include <xtnft/diag.h>
#include <xtnft/util.h>
#include "ctkfilter.h"
#include "ctrun_int.h"

/* conntrack-tools' err2str() */
static const char *err2str(int err, uint32_t cmd)
{
	static const struct {
		uint32_t cmds;
		int err;
		const char *msg;
	} table[] = {
		{ XTN_CT_LIST, ENOTSUPP, "function not implemented" },
		{ 0xFFFF, EINVAL, "invalid parameters" },
		{ XTN_CT_CREATE, EEXIST, "Such conntrack exists, try -U to update" },
		{ XTN_CT_CREATE | XTN_CT_GET | XTN_CT_DELETE | XTN_CT_ADD, ENOENT,
		  "such conntrack doesn't exist" },
		{ XTN_CT_CREATE | XTN_CT_GET | XTN_CT_ADD, ENOMEM, "not enough memory" },
		{ XTN_CT_GET, EAFNOSUPPORT, "protocol not supported" },
		{ XTN_CT_CREATE | XTN_CT_ADD, ETIME, "conntrack has expired" },
		{ XTN_EXP_CREATE, ENOENT, "master conntrack not found" },
		{ XTN_EXP_CREATE, EINVAL, "invalid parameters" },
		{ ~0u, EPERM, "sorry, you must be root or get CAP_NET_ADMIN capability to do this" },
	};
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(table); i++)
		if ((table[i].cmds & cmd) && table[i].err == err)
			return table[i].msg;
	return strerror(err);
}

static int op_failed(struct ct_run *r, int err)
{
	return xtn_fail(&r->ctx->diag, XTN_OTHER, NULL, "Operation failed: %s",
			err2str(err, r->c->command));
}

int ct_sock_open(struct ct_sock *s, unsigned int groups)
{
	s->nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!s->nl)
		return -1;
	if (mnl_socket_bind(s->nl, groups, MNL_SOCKET_AUTOPID) < 0) {
		mnl_socket_close(s->nl);
		s->nl = NULL;
		return -1;
	}
	s->portid = mnl_socket_get_portid(s->nl);
	return 0;
}

void ct_sock_close(struct ct_sock *s)
{
	if (s->nl)
		mnl_socket_close(s->nl);
	s->nl = NULL;
}

struct nlmsghdr *ct_msg_put(char *buf, uint16_t subsys, uint16_t type,
				uint16_t flags, uint8_t family)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nfgenmsg *nfh;

	nlh->nlmsg_type = (uint16_t)((subsys << 8) | type);
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = (uint32_t)time(NULL);
	nfh = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfh));
	nfh->nfgen_family = family;
	nfh->version = NFNETLINK_V0;
	nfh->res_id = 0;
	return nlh;
}

/* send, then run cb over every answer until the kernel is done */
int ct_talk(struct ct_sock *s, const struct nlmsghdr *nlh, mnl_cb_t cb,
		void *data, bool dump)
{
	char buf[CT_BUFSZ];
	ssize_t n;
	int ret;

	if (mnl_socket_sendto(s->nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		n = mnl_socket_recvfrom(s->nl, buf, sizeof(buf));
		if (n < 0)
			return -1;
		ret = mnl_cb_run(buf, (size_t)n, nlh->nlmsg_seq, s->portid,
				 cb, data);
	} while (dump && ret > MNL_CB_STOP);
	return ret;
}

int ct_request(struct ct_sock *s, uint8_t family, uint16_t type,
		   uint16_t flags, const struct nf_conntrack *ct,
		   mnl_cb_t cb, void *data)
{
	char buf[CT_BUFSZ];
	struct nlmsghdr *nlh;

	nlh = ct_msg_put(buf, NFNL_SUBSYS_CTNETLINK, type, flags, family);
	if (ct && nfct_nlmsg_build(nlh, ct) < 0)
		return -1;
	return ct_talk(s, nlh, cb, data, false);
}

void ct_emit(struct ct_run *r)
{
	xtn_strbuf_putc(r->io->out, '\n');
	r->io->flush(r->io->data, r->io->out);
}

/* -L and -G open the xml document (only -L closes it); -D and -U print
 * bare <flow> lines, as conntrack-tools does */
void ct_print_entry(struct ct_run *r, const struct nf_conntrack *ct,
			unsigned int type)
{
	if ((r->c->output & XTN_CTOUT_XML) && !(r->c->output & XTN_CTOUT_SAVE) &&
	    (r->c->command & (XTN_CT_LIST | XTN_CT_GET)) && !r->xml_open) {
		xtn_strbuf_puts(r->io->out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<conntrack>\n");
		r->xml_open = true;
	}
	xtn_ct_print_labels(r->io->out, r->c, ct, type, r->labelmap);
	ct_emit(r);
}

static int dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ct_run *r = data;
	struct nf_conntrack *ct = nfct_new();

	if (!ct)
		return MNL_CB_OK;
	nfct_nlmsg_parse(nlh, ct);
	if (xtn_ct_filter_match(r->filter, ct)) {
		ct_print_entry(r, ct, r->c->output & XTN_CTOUT_SAVE ? NFCT_T_NEW : 0);
		r->counter++;
	}
	nfct_destroy(ct);
	return MNL_CB_OK;
}

/* the kernel filters of a dump: family always, mark and status if given */
static struct nfct_filter_dump *kernel_filter(const struct xtn_ct_cmd *c,
					      int family, bool with_status)
{
	struct nfct_filter_dump *fd = nfct_filter_dump_create();
	struct nfct_filter_dump_mark m;

	if (!fd)
		return NULL;
	if (c->options & XTN_CTO_MARK) {
		m.val = c->mark_kernel;
		m.mask = c->mark_mask;
		nfct_filter_dump_set_attr(fd, NFCT_FILTER_DUMP_MARK, &m);
	}
	nfct_filter_dump_set_attr_u8(fd, NFCT_FILTER_DUMP_L3NUM,
				     (uint8_t)family);
	if (with_status && (c->options & XTN_CTO_STATUS)) {
		m.val = c->status;
		m.mask = c->status_mask ? c->status_mask : c->status;
		nfct_filter_dump_set_attr(fd, NFCT_FILTER_DUMP_STATUS, &m);
	}
	return fd;
}

/* -w N (N > 0) as the dump's CTA_ZONE: Linux 6.6 and later skip the
 * entries of other zones (in either direction, so a superset of what
 * --zone keeps: the userspace filter still runs); older kernels ignore
 * it.  Zone 0 is the kernel's "no zone filter". */
static void put_zone_filter(struct nlmsghdr *nlh, const struct xtn_ct_cmd *c)
{
	if ((c->options & XTN_CTO_ZONE) && c->zone)
		mnl_attr_put_u16(nlh, CTA_ZONE, htons(c->zone));
}

/* One dump request of family; with the tuple filter too when tuple (then
 * *sent says whether there was one to send). */
static int dump_family(struct ct_run *r, uint16_t type, mnl_cb_t cb,
		       bool filtered, bool with_status, int family, bool tuple,
		       bool *sent)
{
	char buf[CT_BUFSZ];
	struct nfct_filter_dump *fd = NULL;
	struct nlmsghdr *nlh;
	int ret;

	nlh = ct_msg_put(buf, NFNL_SUBSYS_CTNETLINK, type, NLM_F_DUMP,
		      (uint8_t)family);
	if (filtered) {
		fd = kernel_filter(r->c, family, with_status);
		if (fd)
			nfct_nlmsg_build_filter(nlh, fd);
		nfct_filter_dump_destroy(fd);
		put_zone_filter(nlh, r->c);
	}
	*sent = tuple && xtn_ct_put_tuple_filter(nlh, r->c, family);
	ret = ct_talk(&r->sock, nlh, cb, r, true);
	if (ret < 0 && r->err)
		errno = r->err;
	return ret;
}

/* A tuple filter compares within one family: a dump of both asks for
 * each (an order the kernel's hash order never promised anyway). */
static int dump_tuples(struct ct_run *r, uint16_t type, mnl_cb_t cb,
		       bool with_status, bool *sent)
{
	static const int both[] = { AF_INET, AF_INET6 };
	bool one = false;
	size_t i;

	if (r->c->family != AF_UNSPEC)
		return dump_family(r, type, cb, true, with_status,
				   r->c->family, true, sent);
	*sent = false;
	for (i = 0; i < sizeof(both) / sizeof(both[0]); i++) {
		if (dump_family(r, type, cb, true, with_status, both[i], true,
				&one) < 0)
			return -1;
		*sent = *sent || one;
	}
	return 0;
}

int ct_dump(struct ct_run *r, uint16_t type, mnl_cb_t cb, bool filtered,
	    bool with_status)
{
	bool sent = false;
	int ret;

	/* -L and -D narrow their dump in the kernel by tuple as well */
	if (!filtered || type != IPCTNL_MSG_CT_GET ||
	    !(r->c->options & (XTN_CTO_ORIG | XTN_CTO_REPL | XTN_CTO_PROTO)))
		return dump_family(r, type, cb, filtered, with_status,
				   r->c->family, false, &sent);
	ret = dump_tuples(r, type, cb, with_status, &sent);
	/* a kernel before 5.8 refuses CTA_FILTER before it sends anything:
	 * ask again without it, the userspace filter does the rest */
	if (ret < 0 && sent && r->counter == 0 &&
	    (errno == EINVAL || errno == EOPNOTSUPP)) {
		r->err = 0;
		ret = dump_family(r, type, cb, filtered, with_status,
				  r->c->family, false, &sent);
	}
	return ret;
}

static int run_list(struct ct_run *r)
{
	const struct xtn_ct_cmd *c = r->c;
	int ret;

	if (c->table == XTN_CT_TABLE_DYING)
		ret = ct_dump(r, IPCTNL_MSG_CT_GET_DYING, dump_cb, false, false);
	else if (c->table == XTN_CT_TABLE_UNCONFIRMED)
		ret = ct_dump(r, IPCTNL_MSG_CT_GET_UNCONFIRMED, dump_cb, false, false);
	else
		ret = ct_dump(r, c->options & XTN_CTO_ZERO ? IPCTNL_MSG_CT_GET_CTRZERO
							: IPCTNL_MSG_CT_GET,
			   dump_cb, true, true);
	if (r->xml_open) {
		xtn_strbuf_puts(r->io->out, "</conntrack>\n");
		r->io->flush(r->io->data, r->io->out);
	}
	return ret;
}

static int count_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ct_run *r = data;
	struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg)) {
		if (mnl_attr_get_type(a) != CTA_STATS_GLOBAL_ENTRIES ||
		    mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			continue;
		xtn_strbuf_printf(r->io->out, "%d", (int)ntohl(mnl_attr_get_u32(a)));
		ct_emit(r);
	}
	return MNL_CB_OK;
}

static const char *const stats_names[] = {
	[CTA_STATS_SEARCHED] = "searched", [CTA_STATS_FOUND] = "found",
	[CTA_STATS_NEW] = "new", [CTA_STATS_INVALID] = "invalid",
	[CTA_STATS_IGNORE] = "ignore", [CTA_STATS_DELETE] = "delete",
	[CTA_STATS_DELETE_LIST] = "delete_list", [CTA_STATS_INSERT] = "insert",
	[CTA_STATS_INSERT_FAILED] = "insert_failed", [CTA_STATS_DROP] = "drop",
	[CTA_STATS_EARLY_DROP] = "early_drop", [CTA_STATS_ERROR] = "error",
	[CTA_STATS_SEARCH_RESTART] = "search_restart",
	[CTA_STATS_SEARCH_RESTART + 1] = "clash_resolve",
	[CTA_STATS_SEARCH_RESTART + 2] = "chaintoolong",
	[CTA_STATS_SEARCH_RESTART + 3] = "unknown1",
	[CTA_STATS_SEARCH_RESTART + 4] = "unknown2",
	[CTA_STATS_SEARCH_RESTART + 5] = "unknown3",
	[CTA_STATS_SEARCH_RESTART + 6] = "unknown4",
};

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nfgenmsg *nfg = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[XTN_ARRAY_SIZE(stats_names)] = { NULL };
	struct ct_run *r = data;
	struct nlattr *a;
	size_t i;

	mnl_attr_for_each(a, nlh, sizeof(*nfg)) {
		uint16_t t = mnl_attr_get_type(a);

		if (t < XTN_ARRAY_SIZE(stats_names) &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
			tb[t] = a;
	}
	xtn_strbuf_printf(r->io->out, "cpu=%-4u\t", ntohs(nfg->res_id));
	for (i = 0; i < XTN_ARRAY_SIZE(tb); i++)
		if (tb[i] && stats_names[i])
			xtn_strbuf_printf(r->io->out, "%s=%u ", stats_names[i],
					  ntohl(mnl_attr_get_u32(tb[i])));
	ct_emit(r);
	return MNL_CB_OK;
}

static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ct_run *r = data;
	struct nf_conntrack *ct = nfct_new();

	if (!ct)
		return MNL_CB_OK;
	nfct_nlmsg_parse(nlh, ct);
	ct_print_entry(r, ct, r->c->output & XTN_CTOUT_SAVE ? NFCT_T_NEW : 0);
	r->counter++;
	nfct_destroy(ct);
	return MNL_CB_OK;
}

static int run_create(struct ct_run *r)
{
	const struct xtn_ct_cmd *c = r->c;
	struct nf_conntrack *t = xtn_ct_filter_tmpl(r->filter);
	/* 1.4.7's -A is -I that takes an existing entry as done (and
	 * leaves it alone): both send EXCL */
	uint16_t fl = NLM_F_CREATE | NLM_F_ACK | NLM_F_EXCL;

	if ((c->options & XTN_CTO_ORIG) && !(c->options & XTN_CTO_REPL))
		nfct_setobjopt(t, NFCT_SOPT_SETUP_REPLY);
	else if (!(c->options & XTN_CTO_ORIG) && (c->options & XTN_CTO_REPL))
		nfct_setobjopt(t, NFCT_SOPT_SETUP_ORIGINAL);
	if (c->options & XTN_CTO_MARK)
		nfct_set_attr_u32(t, ATTR_MARK, c->mark);
	if (ct_request(&r->sock, (uint8_t)c->family, IPCTNL_MSG_CT_NEW, fl, t,
		    NULL, NULL) < 0)
		return c->command == XTN_CT_ADD && errno == EEXIST ? 0 : -1;
	r->counter++;
	return 0;
}

static int update_cb(const struct nlmsghdr *nlh, void *data);

/* " [USERSPACE] portid=N progname=NAME" of an event a process caused */
static void userspace_tag(struct ct_run *r, uint32_t portid)
{
	char path[32], name[64] = "";
	FILE *f;

	xtn_strbuf_printf(r->io->out, " [USERSPACE] portid=%u", portid);
	snprintf(path, sizeof(path), "/proc/%u/comm", portid);
	f = fopen(path, "r");
	if (!f)
		return;
	if (fgets(name, sizeof(name), f)) {
		name[strcspn(name, "\n")] = '\0';
		xtn_strbuf_printf(r->io->out, " progname=%s", name);
	}
	fclose(f);
}

static unsigned int event_type(const struct nlmsghdr *nlh)
{
	if ((nlh->nlmsg_type & 0xff) == IPCTNL_MSG_CT_DELETE)
		return NFCT_T_DESTROY;
	if (nlh->nlmsg_flags & (NLM_F_CREATE | NLM_F_EXCL))
		return NFCT_T_NEW;
	return NFCT_T_UPDATE;
}

void ct_event_time(struct ct_run *r)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	xtn_strbuf_printf(r->io->out, "[%-8ld.%-6ld]\t", (long)tv.tv_sec,
			  (long)tv.tv_usec);
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ct_run *r = data;
	const struct xtn_ct_cmd *c = r->c;
	unsigned int type = event_type(nlh);
	struct nf_conntrack *ct;

	if (c->table == XTN_CT_TABLE_EXPECT)
		return ct_exp_event(r, nlh, type);
	ct = nfct_new();
	if (!ct)
		return MNL_CB_OK;
	nfct_nlmsg_parse(nlh, ct);
	if ((c->family != AF_UNSPEC &&
	     nfct_get_attr_u8(ct, ATTR_ORIG_L3PROTO) != c->family) ||
	    !xtn_ct_filter_match(r->filter, ct))
		goto out;
	if ((c->output & XTN_CTOUT_TMS) && !(c->output & XTN_CTOUT_XML))
		ct_event_time(r);
	if ((c->output & XTN_CTOUT_XML) && !(c->output & XTN_CTOUT_SAVE) &&
	    !r->xml_open) {
		xtn_strbuf_puts(r->io->out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<conntrack>\n");
		r->xml_open = true;
	}
	xtn_ct_print_labels(r->io->out, c, ct, type, r->labelmap);
	if (nlh->nlmsg_pid)
		userspace_tag(r, nlh->nlmsg_pid);
	ct_emit(r);
	r->counter++;
out:
	nfct_destroy(ct);
	return MNL_CB_OK;
}

/* -b: 1.4.7 sets the size on its query socket, not on the event socket,
 * and reports what the kernel made of it; we report the same number, but
 * do enlarge the event socket when asked for more than it has (a smaller
 * size there would only lose events that 1.4.7 keeps) */
static int set_rcvbuf(int fd, int sz)
{
	socklen_t len = sizeof(sz);

	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, len) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, len);
	if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, &len) < 0)
		return -1;
	return sz;
}

static void event_bufsize(struct ct_run *r)
{
	int want = (int)r->c->bufsize, fd = mnl_socket_get_fd(r->sock.nl);
	int now = 0, got;
	socklen_t len = sizeof(now);
	char msg[96];

	if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &now, &len) == 0 &&
	    (long)want * 2 > now)
		set_rcvbuf(fd, want);
	if (!r->mod.nl && ct_sock_open(&r->mod, 0) < 0)
		return;
	got = set_rcvbuf(mnl_socket_get_fd(r->mod.nl), want);
	if (got < 0)
		return;
	snprintf(msg, sizeof(msg),
		 "NOTICE: Netlink socket buffer size has been set to %d bytes.\n", got);
	if (r->io->notice)
		r->io->notice(r->io->data, msg);
	else
		xtn_warn(&r->ctx->diag, "%.*s", (int)strlen(msg) - 1, msg);
}

/* -E: read the event groups until *io->stop; a poll timeout bounds the
 * wait, so a signal that lands just before the poll is seen soon */
static int run_event(struct ct_run *r)
{
	const struct xtn_ct_cmd *c = r->c;
	uint32_t mask = c->event_mask ? c->event_mask : XTN_CTEV_ALL;
	unsigned int groups = 0;
	char buf[CT_BUFSZ];
	struct pollfd pfd;
	ssize_t n;

	if (mask & XTN_CTEV_NEW)
		groups |= NF_NETLINK_CONNTRACK_NEW;
	if (mask & XTN_CTEV_UPDATE)
		groups |= NF_NETLINK_CONNTRACK_UPDATE;
	if (mask & XTN_CTEV_DESTROY)
		groups |= NF_NETLINK_CONNTRACK_DESTROY;
	if (c->table == XTN_CT_TABLE_EXPECT)
		groups <<= 3;	/* the NF_NETLINK_CONNTRACK_EXP_* groups */
	ct_sock_close(&r->sock);
	if (ct_sock_open(&r->sock, groups) < 0)
		return -1;
	if (c->options & XTN_CTO_BUFFERSIZE)
		event_bufsize(r);
	pfd.fd = mnl_socket_get_fd(r->sock.nl);
	pfd.events = POLLIN;
	while (!(r->io->stop && *r->io->stop)) {
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		n = mnl_socket_recvfrom(r->sock.nl, buf, sizeof(buf));
		if (n < 0) {
			if (errno == ENOBUFS && r->io->notice)
				r->io->notice(r->io->data,
					      "WARNING: We have hit ENOBUFS! We are losing events.\n"
					      "This message means that the current netlink socket buffer size is too small.\n"
					      "Please, check --buffer-size in conntrack(8) manpage.\n");
			if (errno == EINTR || errno == ENOBUFS)
				continue;
			return -1;
		}
		mnl_cb_run(buf, (size_t)n, 0, 0, event_cb, r);
	}
	if (r->xml_open) {
		xtn_strbuf_puts(r->io->out, "</conntrack>\n");
		r->io->flush(r->io->data, r->io->out);
	}
	return 0;
}

static int run_cmd(struct ct_run *r)
{
	const struct xtn_ct_cmd *c = r->c;

	switch (c->command) {
	case XTN_CT_LIST:
		return run_list(r);
	case XTN_CT_CREATE:
	case XTN_CT_ADD:
		return run_create(r);
	case XTN_CT_DELETE:
		if (ct_sock_open(&r->mod, 0) < 0)
			return xtn_fail(&r->ctx->diag, XTN_OTHER, NULL, "Can't open handler");
		return ct_run_delete(r);
	case XTN_CT_UPDATE:
		if (ct_sock_open(&r->mod, 0) < 0)
			return xtn_fail(&r->ctx->diag, XTN_OTHER, NULL, "Can't open handler");
		return ct_dump(r, IPCTNL_MSG_CT_GET, update_cb, false, false);
	case XTN_CT_GET:
		return ct_request(&r->sock, (uint8_t)c->family, IPCTNL_MSG_CT_GET, 0,
			       xtn_ct_filter_tmpl(r->filter), get_cb, r);
	case XTN_CT_FLUSH:
		return ct_request(&r->sock, (uint8_t)c->family, IPCTNL_MSG_CT_DELETE,
			       NLM_F_ACK, NULL, NULL, NULL);
	case XTN_CT_COUNT:
		return ct_request(&r->sock, AF_UNSPEC, IPCTNL_MSG_CT_GET_STATS, 0,
			       NULL, count_cb, r);
	case XTN_CT_EVENT:
	case XTN_EXP_EVENT:
		return run_event(r);
	case XTN_EXP_LIST: case XTN_EXP_COUNT: case XTN_EXP_STATS:
	case XTN_EXP_FLUSH: case XTN_EXP_CREATE: case XTN_EXP_DELETE:
	case XTN_EXP_GET:
		return ct_run_exp(r);
	case XTN_CT_STATS:
		return ct_dump(r, IPCTNL_MSG_CT_GET_STATS_CPU, stats_cb, false, false);
	default:
		return 0;
	}
}

/* -U: each matching entry gets the template's meta data (mark bits,
 * added status bits) and is printed as the kernel has it afterwards */
static int update_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ct_run *r = data;
	const struct xtn_ct_cmd *c = r->c;
	struct nf_conntrack *obj = xtn_ct_filter_tmpl(r->filter);
	struct nf_conntrack *ct = nfct_new(), *tmp = NULL;

	if (!ct)
		return MNL_CB_OK;
	nfct_nlmsg_parse(nlh, ct);
	if (nfct_attr_is_set(obj, ATTR_ID) && nfct_attr_is_set(ct, ATTR_ID) &&
	    nfct_get_attr_u32(obj, ATTR_ID) != nfct_get_attr_u32(ct, ATTR_ID))
		goto out;
	if ((c->options & (XTN_CTO_ORIG | XTN_CTO_PROTO)) &&
	    !nfct_cmp(obj, ct, NFCT_CMP_ORIG))
		goto out;
	if ((c->options & (XTN_CTO_REPL | XTN_CTO_PROTO)) &&
	    !nfct_cmp(obj, ct, NFCT_CMP_REPL))
		goto out;
	tmp = nfct_new();
	if (!tmp)
		goto out;
	nfct_copy(tmp, ct, NFCT_CP_ORIG);
	nfct_copy(tmp, obj, NFCT_CP_META);
	if (c->options & XTN_CTO_MARK)
		nfct_set_attr_u32(tmp, ATTR_MARK,
				  (nfct_get_attr_u32(ct, ATTR_MARK) & ~c->mark_mask) ^
				  c->mark);
	if (c->options & XTN_CTO_STATUS)
		nfct_set_attr_u32(tmp, ATTR_STATUS,
				  nfct_get_attr_u32(ct, ATTR_STATUS) |
				  nfct_get_attr_u32(tmp, ATTR_STATUS));
	xtn_ct_label_modify(c, tmp, ct);
	if (nfct_cmp(tmp, ct, NFCT_CMP_ALL | NFCT_CMP_MASK))
		goto out;
	/* 1.4.7 sends the update with -f's family, so that without -f
	 * (or an address) the kernel refuses it: EOPNOTSUPP */
	/* a refused update is only told (1.4.7 goes on and shows the
	 * entry as it is); a failed look at it afterwards ends the run,
	 * but for an entry that went away meanwhile */
	if (ct_request(&r->mod, (uint8_t)c->family, IPCTNL_MSG_CT_NEW, NLM_F_ACK,
		    tmp, NULL, NULL) < 0)
		xtn_warn(&r->ctx->diag, "Operation failed: %s", strerror(errno));
	if (ct_request(&r->mod, (uint8_t)c->family, IPCTNL_MSG_CT_GET, 0, tmp,
		    get_cb, r) < 0) {
		if (errno == ENOENT)
			goto out;
		r->err = errno;
		nfct_destroy(tmp);
		nfct_destroy(ct);
		return MNL_CB_ERROR;
	}
out:
	if (tmp)
		nfct_destroy(tmp);
	nfct_destroy(ct);
	return MNL_CB_OK;
}

int xtn_ct_run(struct xtn_ctx *ctx, const struct xtn_ct_cmd *c,
	       const struct xtn_ct_io *io, unsigned int *counter)
{
	struct ct_run r = { .ctx = ctx, .c = c, .io = io };
	int ret;

	if (ct_sock_open(&r.sock, 0) < 0)
		return xtn_fail(&ctx->diag, XTN_OTHER, NULL, "Can't open handler");
	r.filter = xtn_ct_filter_new(c);
	if (!r.filter) {
		ct_sock_close(&r.sock);
		return xtn_fail(&ctx->diag, XTN_OTHER, NULL, "OOM");
	}
	/* 1.4.7 names the labels when -o labels or a label option made it
	 * load the map */
	if ((c->output & XTN_CTOUT_LABELS) ||
	    (c->options & (XTN_CTO_LABEL | XTN_CTO_ADD_LABEL | XTN_CTO_DEL_LABEL)))
		r.labelmap = nfct_labelmap_new(NULL);
	ret = run_cmd(&r);
	if (ret < 0)
		ret = op_failed(&r, errno);
	*counter = r.counter;
	if (r.labelmap)
		nfct_labelmap_destroy(r.labelmap);
	xtn_ct_filter_free(r.filter);
	ct_sock_close(&r.mod);
	ct_sock_close(&r.sock);
	return ret < 0 ? -1 : 0;
}
