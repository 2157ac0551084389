/*
 * pkt-listen: a tiny AF_PACKET tool for the bridge traffic tests (there is
 * no tcpdump on the test hosts, and a test must see the Ethernet header as
 * the receiver gets it, e.g. after a MAC NAT on a bridge).
 *
 *   pkt-listen [-t TYPE] IFACE SECONDS [COUNT]
 *	Prints "ready" once bound, then "SRC DST TYPE" (TYPE as 4 hex
 *	digits) for each frame IFACE receives (frames it sends are not
 *	shown), with " vlan VID TYPE2" appended for an 802.1Q frame (the
 *	tag the kernel took off into the packet's metadata, or one still in
 *	the frame).  -t shows only frames whose type, or type under the
 *	VLAN tag, is TYPE (hex).  Exits 0 after COUNT frames, or after
 *	SECONDS when no COUNT is given; 1 when SECONDS pass before COUNT
 *	frames were seen.
 *
 *   pkt-listen --send IFACE DST SRC TYPE VID COUNT
 *	Sends COUNT frames of TYPE (hex) from SRC to DST out of IFACE, each
 *	tagged with VLAN VID (0: untagged), 10 ms apart.  For kernels without
 *	802.1Q interfaces: a packet socket sends a tagged frame all the same.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define FRAME_MAX 65536
#define VLAN_HLEN 4

static int parse_mac(const char *s, unsigned char mac[ETH_ALEN])
{
	unsigned int b[ETH_ALEN];
	char end;
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &end) != ETH_ALEN)
		return -1;
	for (i = 0; i < ETH_ALEN; i++) {
		if (b[i] > 0xff)
			return -1;
		mac[i] = (unsigned char)b[i];
	}
	return 0;
}

static int parse_num(const char *s, int base, long max, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, base);
	return errno || end == s || *end || *out < 0 || *out > max ? -1 : 0;
}

static void put_mac(const unsigned char *m)
{
	printf("%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4],
	       m[5]);
}

/* A packet socket bound to IFACE for all protocols; -1 on error. */
static int open_on(const char *iface, int *ifindex)
{
	struct sockaddr_ll sa = { .sll_family = AF_PACKET };
	int fd;

	*ifindex = (int)if_nametoindex(iface);
	if (!*ifindex) {
		fprintf(stderr, "pkt-listen: no interface %s\n", iface);
		return -1;
	}
	/* protocol 0 receives nothing until bound: no frame of another
	 * interface slips in between socket() and bind() */
	fd = socket(AF_PACKET, SOCK_RAW, 0);
	sa.sll_protocol = htons(ETH_P_ALL);
	sa.sll_ifindex = *ifindex;
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("pkt-listen: packet socket");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/*
 * The tag of a received frame: the kernel usually moves it out of the
 * frame into the packet's metadata (auxdata); a frame that still holds
 * it inline has it after the MAC addresses.  Returns the VID, or -1 when
 * untagged; *inner is the type under the tag.
 */
static int frame_vlan(const struct tpacket_auxdata *aux,
		      const unsigned char *f, size_t len, unsigned int *outer,
		      unsigned int *inner)
{
	*outer = (unsigned int)(f[12] << 8 | f[13]);
	*inner = *outer;
	if (aux && (aux->tp_status & TP_STATUS_VLAN_VALID)) {
		*outer = (aux->tp_status & TP_STATUS_VLAN_TPID_VALID) ?
			 aux->tp_vlan_tpid : ETH_P_8021Q;
		return aux->tp_vlan_tci & 0xfff;
	}
	if ((*outer == ETH_P_8021Q || *outer == ETH_P_8021AD) &&
	    len >= ETH_HLEN + VLAN_HLEN) {
		*inner = (unsigned int)(f[16] << 8 | f[17]);
		return (f[14] << 8 | f[15]) & 0xfff;
	}
	return -1;
}

/* Print one received frame if it passes the type filter; 1 if printed. */
static int show_frame(const struct msghdr *mh, const struct sockaddr_ll *from,
		      const unsigned char *f, size_t len, long want_type)
{
	const struct tpacket_auxdata *aux = NULL;
	struct cmsghdr *c;
	unsigned int outer, inner;
	int vid;

	if (len < ETH_HLEN || from->sll_pkttype == PACKET_OUTGOING)
		return 0;
	for (c = CMSG_FIRSTHDR((struct msghdr *)mh); c;
	     c = CMSG_NXTHDR((struct msghdr *)mh, c))
		if (c->cmsg_level == SOL_PACKET && c->cmsg_type == PACKET_AUXDATA)
			aux = (const struct tpacket_auxdata *)CMSG_DATA(c);
	vid = frame_vlan(aux, f, len, &outer, &inner);
	if (want_type >= 0 && outer != want_type && inner != want_type)
		return 0;
	put_mac(f + ETH_ALEN);
	putchar(' ');
	put_mac(f);
	printf(" %04x", outer);
	if (vid >= 0)
		printf(" vlan %d %04x", vid, inner);
	putchar('\n');
	fflush(stdout);
	return 1;
}

static int listen_on(const char *iface, long seconds, long want,
		     long want_type)
{
	static unsigned char frame[FRAME_MAX];
	union {
		struct cmsghdr c;
		char buf[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
	} ctl;
	struct timespec start, now;
	long seen = 0;
	int fd, ifindex, on = 1;

	fd = open_on(iface, &ifindex);
	if (fd < 0)
		return 2;
	if (setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &on, sizeof(on)) < 0) {
		perror("pkt-listen: PACKET_AUXDATA");
		close(fd);
		return 2;
	}
	printf("ready\n");
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		struct sockaddr_ll from;
		struct iovec iov = { frame, sizeof(frame) };
		struct msghdr mh = {
			.msg_name = &from, .msg_namelen = sizeof(from),
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = ctl.buf, .msg_controllen = sizeof(ctl.buf),
		};
		ssize_t r;

		if (want > 0 && seen >= want)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= seconds)
			break;
		if (poll(&p, 1, 100) <= 0)
			continue;
		r = recvmsg(fd, &mh, 0);
		if (r > 0)
			seen += show_frame(&mh, &from, frame, (size_t)r, want_type);
	}
	close(fd);
	return want > 0 && seen < want ? 1 : 0;
}

static int send_on(char **argv)
{
	unsigned char f[ETH_HLEN + VLAN_HLEN + 64] = { 0 }, *p;
	struct sockaddr_ll sa = { .sll_family = AF_PACKET, .sll_halen = ETH_ALEN };
	long type, vid, count, i;
	int fd;

	if (parse_mac(argv[1], f) || parse_mac(argv[2], f + ETH_ALEN) ||
	    parse_num(argv[3], 16, 0xffff, &type) ||
	    parse_num(argv[4], 10, 4094, &vid) ||
	    parse_num(argv[5], 10, 100000, &count)) {
		fprintf(stderr, "pkt-listen: bad --send arguments\n");
		return 2;
	}
	fd = open_on(argv[0], &sa.sll_ifindex);
	if (fd < 0)
		return 2;
	memcpy(sa.sll_addr, f, ETH_ALEN);
	p = f + 2 * ETH_ALEN;
	if (vid) {
		*p++ = ETH_P_8021Q >> 8;
		*p++ = ETH_P_8021Q & 0xff;
		*p++ = (unsigned char)(vid >> 8);
		*p++ = (unsigned char)(vid & 0xff);
	}
	*p++ = (unsigned char)(type >> 8);
	*p++ = (unsigned char)(type & 0xff);
	memcpy(p, "pkt-listen test frame", 21);
	for (i = 0; i < count; i++) {
		if (sendto(fd, f, sizeof(f), 0, (struct sockaddr *)&sa,
			   sizeof(sa)) < 0) {
			perror("pkt-listen: send");
			close(fd);
			return 1;
		}
		usleep(10000);
	}
	close(fd);
	return 0;
}

static int usage(const char *me)
{
	fprintf(stderr,
		"usage: %s [-t TYPE] IFACE SECONDS [COUNT]\n"
		"       %s --send IFACE DST SRC TYPE VID COUNT\n", me, me);
	return 2;
}

int main(int argc, char **argv)
{
	long seconds, count = 0, type = -1;
	int i = 1;

	if (argc == 8 && !strcmp(argv[1], "--send"))
		return send_on(argv + 2);
	if (argc > 2 && !strcmp(argv[1], "-t")) {
		if (parse_num(argv[2], 16, 0xffff, &type))
			return usage(argv[0]);
		i = 3;
	}
	if (argc - i < 2 || argc - i > 3 ||
	    parse_num(argv[i + 1], 10, 3600, &seconds) ||
	    (argc - i == 3 && parse_num(argv[i + 2], 10, 1000000, &count)))
		return usage(argv[0]);
	return listen_on(argv[i], seconds, count, type);
}
