/*
 * The libc name service behind struct xtn_resolver, and a resolver that
 * knows nothing (for kernel-free tests and reproducible goldens).
 *
 * glibc's NSS "files" backend reopens /etc/protocols and /etc/services on
 * every keyed lookup, so listing 100k rules would read them 100k times: the
 * resolver keeps a per-run memo (struct xtn_namecache, owned by the ctx).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <grp.h>
#include <netdb.h>
#include <pwd.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <linux/netfilter.h>
#include <linux/netfilter/ipset/ip_set.h>
#include <xtnft/hmap.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

struct ethertype {
	char *name;
	char *aliases;			/* blank-separated, may be empty */
	unsigned int type;
};

struct xtn_namecache {
	char *proto_name[256];		/* NULL: not asked yet */
	struct ethertype *eth;		/* /etc/ethertypes, read once */
	size_t n_eth;
	bool eth_read;
	struct xtn_hmap services;	/* "port/proto" and "name/proto" */
	char **owned;			/* every string the maps point to */
	size_t n_owned;
};

/* A stored negative answer: distinct from "not asked"; never written. */
static const char not_found_mark[] = "";
#define not_found ((char *)not_found_mark)

struct xtn_namecache *xtn_namecache_new(void)
{
	struct xtn_namecache *c = xtn_xzalloc(sizeof(*c));

	xtn_hmap_init(&c->services);
	return c;
}

static void ethertypes_free(struct ethertype *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].aliases);
	}
	free(v);
}

void xtn_namecache_free(struct xtn_namecache *c)
{
	if (c)
		ethertypes_free(c->eth, c->n_eth);
	size_t i;

	if (!c)
		return;
	for (i = 0; i < 256; i++)
		if (c->proto_name[i] != not_found)
			free(c->proto_name[i]);
	for (i = 0; i < c->n_owned; i++)
		free(c->owned[i]);
	free(c->owned);
	xtn_hmap_fini(&c->services);
	free(c);
}

static char *remember(struct xtn_namecache *c, const char *key, const char *val)
{
	char *v = val ? xtn_xstrdup(val) : not_found;

	if (val) {
		c->owned = xtn_xrealloc(c->owned, (c->n_owned + 1) * sizeof(char *));
		c->owned[c->n_owned++] = v;
	}
	xtn_hmap_put(&c->services, key, v);
	return v;
}

static unsigned int libc_host_to_addrs(const struct xtn_resolver *self,
				       const char *name, int af,
				       union xtn_inaddr **out)
{
	struct addrinfo hints, *res, *p;
	unsigned int n = 0, i = 0;

	(void)self;
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

static bool libc_net_to_addr(const struct xtn_resolver *self, const char *name,
			     struct in_addr *out)
{
	struct netent *net = getnetbyname(name);

	(void)self;
	if (!net || net->n_addrtype != AF_INET)
		return false;
	out->s_addr = htonl(net->n_net);
	return true;
}

static bool libc_addr_to_host(const struct xtn_resolver *self,
			      const union xtn_inaddr *a, int af, char *buf,
			      size_t len)
{
	struct sockaddr_in6 s6;
	struct sockaddr_in s4;
	struct sockaddr *sa;
	socklen_t salen;

	(void)self;
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

static bool libc_addr_to_net(const struct xtn_resolver *self,
			     const struct in_addr *a, char *buf, size_t len)
{
	struct netent *net = getnetbyaddr(ntohl(a->s_addr), AF_INET);

	(void)self;
	if (!net)
		return false;
	snprintf(buf, len, "%s", net->n_name);
	return true;
}

/* libxtables' xtables_getportbyname: a service of whichever transport
 * protocol getaddrinfo tries first, the port of its first IP answer. */
static int any_service_to_port(const char *name)
{
	struct addrinfo *res = NULL, *p;
	int port = -1;

	if (getaddrinfo(NULL, name, NULL, &res) != 0)
		return -1;
	for (p = res; p && port < 0; p = p->ai_next) {
		if (p->ai_family == AF_INET6)
			port = ntohs(((struct sockaddr_in6 *)p->ai_addr)->sin6_port);
		else if (p->ai_family == AF_INET)
			port = ntohs(((struct sockaddr_in *)p->ai_addr)->sin_port);
	}
	freeaddrinfo(res);
	return port;
}

static int lookup_service(const char *name, const char *proto)
{
	struct servent *s;

	if (!proto)
		return any_service_to_port(name);
	s = getservbyname(name, proto);
	return s ? ntohs((unsigned short)s->s_port) : -1;
}

static int libc_service_to_port(const struct xtn_resolver *self,
				const char *name, const char *proto)
{
	struct xtn_namecache *c = self->cache;
	char key[300], port[8], *v;
	int n;

	/* a name too long for the key is looked up, not cached */
	if (snprintf(key, sizeof(key), "n:%s/%s", name, proto ? proto : "*") >=
	    (int)sizeof(key))
		c = NULL;
	v = c ? xtn_hmap_get(&c->services, key) : NULL;
	if (!v) {
		n = lookup_service(name, proto);
		if (!c)
			return n;
		snprintf(port, sizeof(port), "%d", n);
		v = remember(c, key, n >= 0 ? port : NULL);
	}
	return v == not_found ? -1 : atoi(v);
}

static bool libc_port_to_service(const struct xtn_resolver *self,
				 unsigned int port, const char *proto,
				 char *buf, size_t len)
{
	struct xtn_namecache *c = self->cache;
	struct servent *s;
	char key[64], *v;

	snprintf(key, sizeof(key), "p:%u/%s", port, proto);
	v = c ? xtn_hmap_get(&c->services, key) : NULL;
	if (!v) {
		s = getservbyport((int)htons((uint16_t)port), proto);
		if (!c) {
			if (s)
				snprintf(buf, len, "%s", s->s_name);
			return s != NULL;
		}
		v = remember(c, key, s ? s->s_name : NULL);
	}
	if (v == not_found)
		return false;
	snprintf(buf, len, "%s", v);
	return true;
}

static int libc_proto_by_name(const struct xtn_resolver *self,
			      const char *name)
{
	struct protoent *p = getprotobyname(name);

	(void)self;
	return p ? p->p_proto : -1;
}

static bool libc_proto_by_number(const struct xtn_resolver *self,
				 unsigned int proto, char *buf, size_t len)
{
	struct xtn_namecache *c = self->cache;
	struct protoent *p;
	char *v = c && proto < 256 ? c->proto_name[proto] : NULL;

	if (!v) {
		p = getprotobynumber((int)proto);
		if (!c || proto >= 256) {
			if (p)
				snprintf(buf, len, "%s", p->p_name);
			return p != NULL;
		}
		v = p ? xtn_xstrdup(p->p_name) : not_found;
		c->proto_name[proto] = v;
	}
	if (v == not_found)
		return false;
	snprintf(buf, len, "%s", v);
	return true;
}

static bool libc_user_to_uid(const struct xtn_resolver *self,
			     const char *name, uint32_t *uid)
{
	struct passwd *pw = getpwnam(name);

	(void)self;
	if (pw)
		*uid = pw->pw_uid;
	return pw != NULL;
}

static bool libc_group_to_gid(const struct xtn_resolver *self,
			      const char *name, uint32_t *gid)
{
	struct group *gr = getgrnam(name);

	(void)self;
	if (gr)
		*gid = gr->gr_gid;
	return gr != NULL;
}

static bool libc_uid_to_user(const struct xtn_resolver *self, uint32_t uid,
			     char *buf, size_t len)
{
	struct passwd *pw = getpwuid(uid);

	(void)self;
	if (pw && pw->pw_name)
		snprintf(buf, len, "%s", pw->pw_name);
	return pw && pw->pw_name;
}

static bool libc_gid_to_group(const struct xtn_resolver *self, uint32_t gid,
			      char *buf, size_t len)
{
	struct group *gr = getgrgid(gid);

	(void)self;
	if (gr && gr->gr_name)
		snprintf(buf, len, "%s", gr->gr_name);
	return gr && gr->gr_name;
}

/*
 * ipset names live in the kernel: a raw socket's SO_IP_SET getsockopt
 * answers name -> index (and family) and index -> name, the interface
 * 1.8.9 uses.  The protocol version comes first, as every request
 * carries it.
 */
static int ipset_open(unsigned int *version)
{
	struct ip_set_req_version req = { .op = IP_SET_OP_VERSION };
	socklen_t size = sizeof(req);
	int fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);

	if (fd < 0)
		return -XTN_IPSET_NO_SOCKET;
	if (getsockopt(fd, SOL_IP, SO_IP_SET, &req, &size) != 0) {
		close(fd);
		return -XTN_IPSET_NO_MODULE;
	}
	*version = req.version;
	return fd;
}

/* Kernels before the family query (ipset protocol < 7) say EBADMSG:
 * then by name only, and any family. */
static int ipset_by_name_only(int fd, unsigned int version, const char *name,
			      uint16_t *index, int *err)
{
	struct ip_set_req_get_set req = {
		.op = IP_SET_OP_GET_BYNAME, .version = version,
	};
	socklen_t size = sizeof(req);

	strncpy(req.set.name, name, IPSET_MAXNAMELEN - 1);
	if (getsockopt(fd, SOL_IP, SO_IP_SET, &req, &size) != 0 ||
	    size != sizeof(req)) {
		*err = errno;
		return XTN_IPSET_FAILED;
	}
	*index = req.set.index;
	return req.set.index == IPSET_INVALID_ID ? XTN_IPSET_MISSING :
						   XTN_IPSET_OK;
}

/* Not memoised, unlike the other answers: a long-lived restore may
 * outlive a set whose name then comes back with another index, and a
 * stale index is another set. */
static int kernel_set_by_name(const struct xtn_resolver *self, const char *name,
			      uint16_t *index, uint8_t *family, int *err)
{
	struct ip_set_req_get_set_family req = { .op = IP_SET_OP_GET_FNAME };
	socklen_t size = sizeof(req);
	int fd, ret;

	(void)self;
	*err = 0;
	*family = NFPROTO_UNSPEC;
	fd = ipset_open(&req.version);
	if (fd < 0)
		return -fd;
	strncpy(req.set.name, name, IPSET_MAXNAMELEN - 1);
	if (getsockopt(fd, SOL_IP, SO_IP_SET, &req, &size) != 0) {
		ret = errno == EBADMSG ?
		      ipset_by_name_only(fd, req.version, name, index, err) :
		      (*err = errno, XTN_IPSET_FAILED);
		close(fd);
		return ret;
	}
	close(fd);
	if (size != sizeof(req)) {
		*err = EINVAL;
		return XTN_IPSET_FAILED;
	}
	*index = req.set.index;
	*family = (uint8_t)req.family;
	return req.set.index == IPSET_INVALID_ID ? XTN_IPSET_MISSING :
						   XTN_IPSET_OK;
}

static bool ask_set_by_index(unsigned int index, char *buf, size_t len)
{
	struct ip_set_req_get_set req = { .op = IP_SET_OP_GET_BYINDEX };
	socklen_t size = sizeof(req);
	int fd, ret;

	fd = ipset_open(&req.version);
	if (fd < 0)
		return false;
	req.set.index = (ip_set_id_t)index;
	ret = getsockopt(fd, SOL_IP, SO_IP_SET, &req, &size);
	close(fd);
	if (ret != 0 || size != sizeof(req) || req.set.name[0] == '\0')
		return false;
	snprintf(buf, len, "%.*s", IPSET_MAXNAMELEN - 1, req.set.name);
	return true;
}

/* A save of many rules naming one set asks the kernel once per index
 * (the memo's keys start with a byte no service name has); listings are
 * one-shot commands, so the answer cannot go stale. */
static bool kernel_set_by_index(const struct xtn_resolver *self,
				unsigned int index, char *buf, size_t len)
{
	char key[24], name[IPSET_MAXNAMELEN];
	const char *memo;

	snprintf(key, sizeof(key), "\001set #%u", index);
	memo = self->cache ? xtn_hmap_get(&self->cache->services, key) : NULL;
	if (memo && *memo) {
		snprintf(buf, len, "%s", memo);
		return true;
	}
	if (!ask_set_by_index(index, name, sizeof(name)))
		return false;
	if (self->cache)
		remember(self->cache, key, name);
	snprintf(buf, len, "%s", name);
	return true;
}

#define ETHERTYPES_PATH "/etc/ethertypes"

/* "NAME HEX [ALIAS...] [# comment]" lines, as libxtables reads them. */
static bool ethertype_line(char *line, struct ethertype *e)
{
	char *save = NULL, *name, *num, *end, *alias;
	struct xtn_strbuf al;
	unsigned long v;

	if ((end = strchr(line, '#')))
		*end = '\0';
	name = strtok_r(line, " \t\n", &save);
	num = strtok_r(NULL, " \t\n", &save);
	if (!name || !num)
		return false;
	v = strtoul(num, &end, 16);
	if (*end || v > 0xffff)
		return false;
	xtn_strbuf_init(&al);
	while ((alias = strtok_r(NULL, " \t\n", &save)))
		xtn_strbuf_printf(&al, "%s ", alias);
	e->name = xtn_xstrdup(name);
	e->aliases = xtn_xstrdup(al.buf ? al.buf : "");
	e->type = (unsigned int)v;
	xtn_strbuf_fini(&al);
	return true;
}

static struct ethertype *ethertypes_read(size_t *n)
{
	FILE *f = fopen(ETHERTYPES_PATH, "re");
	struct ethertype *v = NULL, e;
	char line[512];

	*n = 0;
	while (f && fgets(line, sizeof(line), f)) {
		if (!ethertype_line(line, &e))
			continue;
		v = xtn_xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = e;
	}
	if (f)
		fclose(f);
	return v;
}

/* The table for this lookup: the run's cached one, or a fresh copy the
 * caller frees (an uncached resolver). */
static struct ethertype *ethertypes(const struct xtn_resolver *self,
				    size_t *n, bool *owned)
{
	struct xtn_namecache *c = self->cache;

	*owned = !c;
	if (!c)
		return ethertypes_read(n);
	if (!c->eth_read) {
		c->eth = ethertypes_read(&c->n_eth);
		c->eth_read = true;
	}
	*n = c->n_eth;
	return c->eth;
}

static bool has_alias(const char *aliases, const char *name)
{
	size_t len = strlen(name);
	const char *a = aliases;

	while (*a) {
		const char *end = strchr(a, ' ');

		if ((size_t)(end - a) == len && strncasecmp(a, name, len) == 0)
			return true;
		a = end + 1;
	}
	return false;
}

static int libc_ethertype_by_name(const struct xtn_resolver *self,
				  const char *name)
{
	size_t i, n;
	bool owned;
	struct ethertype *v = ethertypes(self, &n, &owned);
	int ret = -1;

	for (i = 0; i < n && ret < 0; i++)
		if (strcasecmp(v[i].name, name) == 0 || has_alias(v[i].aliases, name))
			ret = (int)v[i].type;
	if (owned)
		ethertypes_free(v, n);
	return ret;
}

static bool libc_ethertype_by_number(const struct xtn_resolver *self,
				     unsigned int type, char *buf, size_t len)
{
	size_t i, n;
	bool owned, found = false;
	struct ethertype *v = ethertypes(self, &n, &owned);

	for (i = 0; i < n && !found; i++)
		if (v[i].type == type) {
			snprintf(buf, len, "%s", v[i].name);
			found = true;
		}
	if (owned)
		ethertypes_free(v, n);
	return found;
}

/* The whole file, however it is read (a pipe or /proc file has no
 * size to go by). */
static int libc_read_file(const struct xtn_resolver *self, const char *path,
			  char **text, size_t *len)
{
	struct xtn_strbuf sb;
	char buf[8192];
	FILE *f;
	size_t n;
	int st;

	(void)self;
	*text = NULL;
	*len = 0;
	f = fopen(path, "r");
	if (!f)
		return XTN_FILE_NO_OPEN;
	xtn_strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		xtn_strbuf_put(&sb, buf, n);
	st = ferror(f) ? XTN_FILE_NO_READ : XTN_FILE_OK;
	fclose(f);
	*len = sb.len;
	*text = xtn_strbuf_steal(&sb);
	if (!*text)
		*text = xtn_xstrdup("");
	if (st != XTN_FILE_OK) {
		free(*text);
		*text = NULL;
		*len = 0;
	}
	return st;
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
	.user_to_uid = libc_user_to_uid,
	.group_to_gid = libc_group_to_gid,
	.uid_to_user = libc_uid_to_user,
	.gid_to_group = libc_gid_to_group,
	.set_by_name = kernel_set_by_name,
	.set_by_index = kernel_set_by_index,
	.ethertype_by_name = libc_ethertype_by_name,
	.ethertype_by_number = libc_ethertype_by_number,
	.read_file = libc_read_file,
};

const struct xtn_resolver xtn_resolver_none = { 0 };
