/*
 * Addresses, masks and the name service, the way iptables parses and prints
 * them.  Nothing here does DNS by itself: names go through a resolver.
 */
#ifndef XTNFT_NETADDR_H
#define XTNFT_NETADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xtnft/hmap.h>
#include <netinet/in.h>

struct xtn_diag;
struct xtn_loc;

union xtn_inaddr {
	struct in_addr v4;
	struct in6_addr v6;
	uint8_t b[16];
	uint32_t w[4];
};

struct xtn_addrmask {
	union xtn_inaddr addr;
	union xtn_inaddr mask;
};

struct xtn_addr_list {
	struct xtn_addrmask *v;
	unsigned int n;
};

struct xtn_namecache;

/*
 * Name service, injectable so tests and -n never touch DNS.  Every call
 * gets the resolver itself: the libc one keeps a per-run cache behind
 * `cache` (a save of 100k rules asks for the same few names 100k times).
 */
struct xtn_resolver {
	/* Returns the number of addresses (0: not found); *out is malloc'd. */
	unsigned int (*host_to_addrs)(const struct xtn_resolver *self,
				      const char *name, int af,
				      union xtn_inaddr **out);
	bool (*net_to_addr)(const struct xtn_resolver *self, const char *name,
			    struct in_addr *out);
	bool (*addr_to_host)(const struct xtn_resolver *self,
			     const union xtn_inaddr *a, int af, char *buf,
			     size_t len);
	bool (*addr_to_net)(const struct xtn_resolver *self,
			    const struct in_addr *a, char *buf, size_t len);
	/* -1 when unknown; proto NULL: a service of any transport protocol,
	 * as getaddrinfo(NULL, name, NULL) finds it */
	int (*service_to_port)(const struct xtn_resolver *self, const char *name,
			       const char *proto);
	bool (*port_to_service)(const struct xtn_resolver *self,
				unsigned int port, const char *proto, char *buf,
				size_t len);
	int (*proto_by_name)(const struct xtn_resolver *self, const char *name);
	bool (*proto_by_number)(const struct xtn_resolver *self,
				unsigned int proto, char *buf, size_t len);
	/* Users and groups (-m owner): false when unknown. */
	bool (*user_to_uid)(const struct xtn_resolver *self, const char *name,
			    uint32_t *uid);
	bool (*group_to_gid)(const struct xtn_resolver *self, const char *name,
			     uint32_t *gid);
	bool (*uid_to_user)(const struct xtn_resolver *self, uint32_t uid,
			    char *buf, size_t len);
	bool (*gid_to_group)(const struct xtn_resolver *self, uint32_t gid,
			     char *buf, size_t len);
	/* ipset names (the kernel's SO_IP_SET getsockopt, as 1.8.9 asks
	 * it): the index and NFPROTO_* family of set `name`, or why not
	 * (enum xtn_ipset_status; errno is kept for XTN_IPSET_FAILED). */
	int (*set_by_name)(const struct xtn_resolver *self, const char *name,
			   uint16_t *index, uint8_t *family, int *err);
	/* The name of the set with `index`; false if there is none. */
	bool (*set_by_index)(const struct xtn_resolver *self,
			     unsigned int index, char *buf, size_t len);
	/* Ethernet frame types (/etc/ethertypes, names any case, aliases
	 * too): -1 when unknown; by number, the file's own name. */
	int (*ethertype_by_name)(const struct xtn_resolver *self,
				 const char *name);
	bool (*ethertype_by_number)(const struct xtn_resolver *self,
				    unsigned int type, char *buf, size_t len);
	/* A file a rule's option names (ebtables' --among-src-file): its
	 * bytes (malloc'd, NUL added) and length, or why not (enum
	 * xtn_file_status). */
	int (*read_file)(const struct xtn_resolver *self, const char *path,
			 char **text, size_t *len);
	struct xtn_namecache *cache;	/* NULL: no caching */
};

enum xtn_file_status {
	XTN_FILE_OK = 0,
	XTN_FILE_NO_OPEN,	/* it could not be opened */
	XTN_FILE_NO_READ,	/* opened, but not read (a directory...) */
};

enum xtn_ipset_status {
	XTN_IPSET_OK = 0,
	XTN_IPSET_MISSING,	/* no set of that name */
	XTN_IPSET_NO_SOCKET,	/* the raw socket could not be opened */
	XTN_IPSET_NO_MODULE,	/* the kernel did not answer the version */
	XTN_IPSET_FAILED,	/* the lookup failed: see err */
};

extern const struct xtn_resolver xtn_resolver_libc;
/* Answers "not found" to everything: for kernel-free tests. */
extern const struct xtn_resolver xtn_resolver_none;

/* A per-run memo of NSS answers for the libc resolver. */
/* A resolver over another that answers each question the way it first
 * did (hosts, networks, ipsets, files); the rest is passed on. */
struct xtn_resolver_memo {
	struct xtn_resolver r;		/* first: what callers are given */
	const struct xtn_resolver *inner;
	struct xtn_hmap answers;
	struct answer *all;
};
void xtn_resolver_memo_init(struct xtn_resolver_memo *m,
			    const struct xtn_resolver *inner);
void xtn_resolver_memo_fini(struct xtn_resolver_memo *m);

struct xtn_namecache *xtn_namecache_new(void);
void xtn_namecache_free(struct xtn_namecache *c);

/* Calls that tolerate resolvers leaving a function out. */
bool xtn_res_port_to_service(const struct xtn_resolver *r, unsigned int port,
			     const char *proto, char *buf, size_t len);
bool xtn_res_addr_to_host(const struct xtn_resolver *r,
			  const union xtn_inaddr *a, int af, char *buf,
			  size_t len);
bool xtn_res_addr_to_net(const struct xtn_resolver *r, const struct in_addr *a,
			 char *buf, size_t len);

/* Decimal digits only (no sign, no blanks) into a u64: false if there are
 * none or the value does not fit; *end points past the digits. */
bool xtn_strtou64_dec(const char *s, const char **end, uint64_t *value);
/* Past what strtoull and scanf's %llu skip before a number's digits:
 * blanks and a '+' (not a '-', which they would wrap). */
const char *xtn_skip_number_lead(const char *s);
/* iptables' xtables_strtoui: base-0 unsigned, no sign, [min, max] (max 0 = any). */
bool xtn_strtoui(const char *s, char **end, uint64_t *value, uint64_t min,
		 uint64_t max);

/* Dotted quad as iptables reads it ("10" = 10.0.0.0 unless is_mask). */
bool xtn_ipv4_parse_numeric(const char *s, bool is_mask, struct in_addr *out);
int xtn_mask_to_cidr(const union xtn_inaddr *mask, size_t alen);
void xtn_mask_from_cidr(union xtn_inaddr *mask, unsigned int bits, size_t alen);

/*
 * Parse "host[/mask][,host[/mask]...]" for af (AF_INET or AF_INET6), with
 * host names resolved through res; addresses are masked like iptables does.
 */
int xtn_addr_parse_multiple(const char *spec, int af,
			    const struct xtn_resolver *res,
			    struct xtn_addr_list *out, struct xtn_diag *d,
			    const struct xtn_loc *loc);
/* One "host[/mask]" (a comma is part of the name), as
 * xtables_ipparse_any reads it: every address a name resolves to. */
int xtn_addr_parse_any(const char *spec, int af, const struct xtn_resolver *res,
		       struct xtn_addr_list *out, struct xtn_diag *d,
		       const struct xtn_loc *loc);
/* One address, zero masked by zero: any address (0.0.0.0/0, ::/0). */
void xtn_addr_list_any(struct xtn_addr_list *l);
void xtn_addr_list_fini(struct xtn_addr_list *l);

/* Numeric address text, and "/N" or "/dotted" mask suffix. */
const char *xtn_addr_ntop(const union xtn_inaddr *a, int af, char *buf,
			  size_t len);
/* Writes the mask suffix as -L shows it: "" for a host mask. */
void xtn_mask_suffix(const union xtn_inaddr *mask, int af, bool hide_host,
		     char *buf, size_t len);

/*
 * "aa:bb:cc:dd:ee:ff[/mask]" or one of libxtables' names (Unicast,
 * Multicast, Broadcast, BGA) as xtables_parse_mac_and_mask reads it: the
 * address is masked.  Stricter than its ether_aton(), which ignores what
 * follows the sixth byte: each group is one or two hex digits, nothing
 * else.  False if s is none of these.
 */
bool xtn_mac_parse_masked(const char *s, uint8_t mac[6], uint8_t mask[6]);
/* "aa:bb:cc:dd:ee:ff" alone (ether_aton, as strict as above). */
bool xtn_mac_parse(const char *s, uint8_t mac[6]);
/* "aa:...:ff", and "/mask" unless it is all ones (xtables_print_mac_and_mask). */
void xtn_mac_format_masked(const uint8_t mac[6], const uint8_t mask[6],
			   char *buf, size_t len);

/* Protocols, as xtables_parse_protocol and proto_to_name see them. */
int xtn_proto_parse(const char *s, const struct xtn_resolver *res,
		    uint16_t *out);
const char *xtn_proto_name(unsigned int proto, bool nolookup,
			   const struct xtn_resolver *res, char *buf,
			   size_t len);
/* Port or service name for a protocol (NULL: any, as getservbyname
 * with no protocol); -1 if invalid. */
int xtn_port_parse(const char *s, const char *proto,
		   const struct xtn_resolver *res);
/* Port as libxtables' option engine reads it (xtables_getportbyname, used
 * by -m udp): what getaddrinfo makes of a service; -1 if nothing. */
int xtn_port_parse_any(const char *s, const struct xtn_resolver *res);

#endif
