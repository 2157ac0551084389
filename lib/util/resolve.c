/*
 * The libc name service behind struct xtn_resolver, and a resolver that
 * knows nothing (for kernel-free tests and reproducible goldens).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

static unsigned int libc_host_to_addrs(const char *name, int af,
				       union xtn_inaddr **out)
{
	struct addrinfo hints, *res, *p;
	unsigned int n = 0, i = 0;

	memset(&hints, 0, sizeof(hints));
	hints.ai_flags = AI_CANONNAME;
	hints.ai_family = af;
	hints.ai_socktype = SOCK_RAW;
	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		return 0;
	for (p = res; p; p = p->ai_next)
		n++;
	*out = xtn_xzalloc(n * sizeof(**out));
	for (p = res; p; p = p->ai_next) {
		if (af == AF_INET)
			(*out)[i++].v4 = ((struct sockaddr_in *)p->ai_addr)->sin_addr;
		else
			(*out)[i++].v6 = ((struct sockaddr_in6 *)p->ai_addr)->sin6_addr;
	}
	freeaddrinfo(res);
	return n;
}

static bool libc_net_to_addr(const char *name, struct in_addr *out)
{
	struct netent *net = getnetbyname(name);

	if (!net || net->n_addrtype != AF_INET)
		return false;
	out->s_addr = htonl(net->n_net);
	return true;
}

static bool libc_addr_to_host(const union xtn_inaddr *a, int af, char *buf,
			      size_t len)
{
	struct sockaddr_in6 s6;
	struct sockaddr_in s4;
	struct sockaddr *sa;
	socklen_t salen;

	if (af == AF_INET) {
		memset(&s4, 0, sizeof(s4));
		s4.sin_family = AF_INET;
		s4.sin_addr = a->v4;
		sa = (struct sockaddr *)&s4;
		salen = sizeof(s4);
	} else {
		memset(&s6, 0, sizeof(s6));
		s6.sin6_family = AF_INET6;
		s6.sin6_addr = a->v6;
		sa = (struct sockaddr *)&s6;
		salen = sizeof(s6);
	}
	return getnameinfo(sa, salen, buf, (socklen_t)len, NULL, 0,
			   NI_NAMEREQD) == 0;
}

static bool libc_addr_to_net(const struct in_addr *a, char *buf, size_t len)
{
	struct netent *net = getnetbyaddr(ntohl(a->s_addr), AF_INET);

	if (!net)
		return false;
	snprintf(buf, len, "%s", net->n_name);
	return true;
}

static int libc_service_to_port(const char *name, const char *proto)
{
	struct servent *s = getservbyname(name, proto);

	return s ? ntohs((unsigned short)s->s_port) : -1;
}

static bool libc_port_to_service(unsigned int port, const char *proto,
				 char *buf, size_t len)
{
	struct servent *s = getservbyport((int)htons((uint16_t)port), proto);

	if (!s)
		return false;
	snprintf(buf, len, "%s", s->s_name);
	return true;
}

static int libc_proto_by_name(const char *name)
{
	struct protoent *p = getprotobyname(name);

	return p ? p->p_proto : -1;
}

static bool libc_proto_by_number(unsigned int proto, char *buf, size_t len)
{
	struct protoent *p = getprotobynumber((int)proto);

	if (!p)
		return false;
	snprintf(buf, len, "%s", p->p_name);
	return true;
}

const struct xtn_resolver xtn_resolver_libc = {
	.host_to_addrs = libc_host_to_addrs,
	.net_to_addr = libc_net_to_addr,
	.addr_to_host = libc_addr_to_host,
	.addr_to_net = libc_addr_to_net,
	.service_to_port = libc_service_to_port,
	.port_to_service = libc_port_to_service,
	.proto_by_name = libc_proto_by_name,
	.proto_by_number = libc_proto_by_number,
};

const struct xtn_resolver xtn_resolver_none = { 0 };
