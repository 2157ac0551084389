/*
 * A resolver that gives each question the answer it gave the first time.
 * A restore parses a line again when it needs a model it dropped (after a
 * clash, or for a later line's comparison); the second parse must build
 * the rule the first one queued, so what the outside world may answer
 * differently from one call to the next (DNS, /etc/networks, the kernel's
 * ipset numbers, a file on disk) is asked once.  The rest only passes
 * through: services, protocols, users and ethertypes come from files the
 * libc resolver already reads once per run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/hmap.h>
#include <xtnft/netaddr.h>
#include <xtnft/util.h>

struct answer {
	struct answer *next;
	int status;			/* the call's return value */
	unsigned int n;			/* host addresses */
	size_t len;			/* bytes of data */
	void *data;			/* addresses, a file's text */
	struct in_addr net;
	uint16_t set_index;
	uint8_t set_family;
	int set_err;
};

static const struct xtn_resolver *inner_of(const struct xtn_resolver *self)
{
	return ((const struct xtn_resolver_memo *)self)->inner;
}

static struct answer *recall(const struct xtn_resolver *self, char kind,
			     int af, const char *name, char *key, size_t klen)
{
	const struct xtn_resolver_memo *m = (const void *)self;

	snprintf(key, klen, "%c%d:%s", kind, af, name);
	return xtn_hmap_get(&m->answers, key);
}

static struct answer *remember(const struct xtn_resolver *self,
			       const char *key)
{
	struct xtn_resolver_memo *m = (void *)self;
	struct answer *a = xtn_xzalloc(sizeof(*a));

	a->next = m->all;
	m->all = a;
	xtn_hmap_put(&m->answers, key, a);
	return a;
}

/* Room for the kind, the family and a name as long as a line allows. */
#define KEY_MAX 4200

static unsigned int memo_host_to_addrs(const struct xtn_resolver *self,
				       const char *name, int af,
				       union xtn_inaddr **out)
{
	const struct xtn_resolver *in = inner_of(self);
	char key[KEY_MAX];
	struct answer *a = recall(self, 'h', af, name, key, sizeof(key));

	if (!a) {
		a = remember(self, key);
		a->n = in->host_to_addrs ? in->host_to_addrs(in, name, af,
					   (union xtn_inaddr **)&a->data) : 0;
	}
	if (!a->n)
		return 0;
	*out = xtn_xmalloc(a->n * sizeof(**out));
	memcpy(*out, a->data, a->n * sizeof(**out));
	return a->n;
}

static bool memo_net_to_addr(const struct xtn_resolver *self, const char *name,
			     struct in_addr *out)
{
	const struct xtn_resolver *in = inner_of(self);
	char key[KEY_MAX];
	struct answer *a = recall(self, 'n', 0, name, key, sizeof(key));

	if (!a) {
		a = remember(self, key);
		a->status = in->net_to_addr &&
			    in->net_to_addr(in, name, &a->net);
	}
	*out = a->net;
	return a->status;
}

static int memo_set_by_name(const struct xtn_resolver *self, const char *name,
			    uint16_t *index, uint8_t *family, int *err)
{
	const struct xtn_resolver *in = inner_of(self);
	char key[KEY_MAX];
	struct answer *a = recall(self, 's', 0, name, key, sizeof(key));

	if (!a) {
		a = remember(self, key);
		a->status = in->set_by_name(in, name, &a->set_index,
					    &a->set_family, &a->set_err);
	}
	*index = a->set_index;
	*family = a->set_family;
	*err = a->set_err;
	return a->status;
}

static int memo_read_file(const struct xtn_resolver *self, const char *path,
			  char **text, size_t *len)
{
	const struct xtn_resolver *in = inner_of(self);
	char key[KEY_MAX];
	struct answer *a = recall(self, 'f', 0, path, key, sizeof(key));
	char *t = NULL;

	if (!a) {
		a = remember(self, key);
		a->status = in->read_file(in, path, &t, &a->len);
		a->data = t;
	}
	*len = a->len;
	*text = NULL;
	if (a->status == XTN_FILE_OK) {
		*text = xtn_xmalloc(a->len + 1);
		memcpy(*text, a->data, a->len);
		(*text)[a->len] = '\0';
	}
	return a->status;
}

/* The questions whose answers do not change within a run: passed on. */
static int memo_service_to_port(const struct xtn_resolver *self,
				const char *name, const char *proto)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->service_to_port ? in->service_to_port(in, name, proto) : -1;
}

static int memo_proto_by_name(const struct xtn_resolver *self,
			      const char *name)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->proto_by_name ? in->proto_by_name(in, name) : -1;
}

static bool memo_user_to_uid(const struct xtn_resolver *self,
			     const char *name, uint32_t *uid)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->user_to_uid && in->user_to_uid(in, name, uid);
}

static bool memo_group_to_gid(const struct xtn_resolver *self,
			      const char *name, uint32_t *gid)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->group_to_gid && in->group_to_gid(in, name, gid);
}

static int memo_ethertype_by_name(const struct xtn_resolver *self,
				  const char *name)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->ethertype_by_name ? in->ethertype_by_name(in, name) : -1;
}

/* Printing (a restore's -v echo) asks the other way: passed on too. */
static bool memo_addr_to_host(const struct xtn_resolver *self,
			      const union xtn_inaddr *a, int af, char *buf,
			      size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->addr_to_host && in->addr_to_host(in, a, af, buf, len);
}

static bool memo_addr_to_net(const struct xtn_resolver *self,
			     const struct in_addr *a, char *buf, size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->addr_to_net && in->addr_to_net(in, a, buf, len);
}

static bool memo_port_to_service(const struct xtn_resolver *self,
				 unsigned int port, const char *proto,
				 char *buf, size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->port_to_service &&
	       in->port_to_service(in, port, proto, buf, len);
}

static bool memo_proto_by_number(const struct xtn_resolver *self,
				 unsigned int proto, char *buf, size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->proto_by_number && in->proto_by_number(in, proto, buf, len);
}

static bool memo_uid_to_user(const struct xtn_resolver *self, uint32_t uid,
			     char *buf, size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->uid_to_user && in->uid_to_user(in, uid, buf, len);
}

static bool memo_gid_to_group(const struct xtn_resolver *self, uint32_t gid,
			      char *buf, size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->gid_to_group && in->gid_to_group(in, gid, buf, len);
}

static bool memo_set_by_index(const struct xtn_resolver *self,
			      unsigned int index, char *buf, size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->set_by_index && in->set_by_index(in, index, buf, len);
}

static bool memo_ethertype_by_number(const struct xtn_resolver *self,
				     unsigned int type, char *buf, size_t len)
{
	const struct xtn_resolver *in = inner_of(self);

	return in->ethertype_by_number &&
	       in->ethertype_by_number(in, type, buf, len);
}

void xtn_resolver_memo_init(struct xtn_resolver_memo *m,
			    const struct xtn_resolver *inner)
{
	memset(m, 0, sizeof(*m));
	m->inner = inner;
	xtn_hmap_init(&m->answers);
	m->r.host_to_addrs = memo_host_to_addrs;
	m->r.net_to_addr = memo_net_to_addr;
	m->r.service_to_port = memo_service_to_port;
	m->r.proto_by_name = memo_proto_by_name;
	m->r.user_to_uid = memo_user_to_uid;
	m->r.group_to_gid = memo_group_to_gid;
	m->r.ethertype_by_name = memo_ethertype_by_name;
	m->r.addr_to_host = memo_addr_to_host;
	m->r.addr_to_net = memo_addr_to_net;
	m->r.port_to_service = memo_port_to_service;
	m->r.proto_by_number = memo_proto_by_number;
	m->r.uid_to_user = memo_uid_to_user;
	m->r.gid_to_group = memo_gid_to_group;
	m->r.set_by_index = memo_set_by_index;
	m->r.ethertype_by_number = memo_ethertype_by_number;
	if (inner->set_by_name)
		m->r.set_by_name = memo_set_by_name;
	if (inner->read_file)
		m->r.read_file = memo_read_file;
}

void xtn_resolver_memo_fini(struct xtn_resolver_memo *m)
{
	struct answer *a, *next;

	for (a = m->all; a; a = next) {
		next = a->next;
		free(a->data);
		free(a);
	}
	xtn_hmap_fini(&m->answers);
	memset(m, 0, sizeof(*m));
}
