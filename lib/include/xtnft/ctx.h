/* The run context: everything a command needs, passed explicitly. */
#ifndef XTNFT_CTX_H
#define XTNFT_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "netaddr.h"

struct xtn_family;
struct xtn_resolver;
struct xtn_transport;

struct xtn_ctx {
	const struct xtn_family *fam;
	struct xtn_diag diag;
	/* Name lookups (hosts, services, protocols); tests inject stubs. */
	const struct xtn_resolver *resolver;
	/* The default resolver: libc with this run's memo of answers. */
	struct xtn_resolver libc_resolver;
	/* The netlink transport; NULL until a command needs the kernel. */
	struct xtn_transport *transport;
	/* How many times a batch may be rebuilt after a generation clash. */
	unsigned int max_retries;
};

void xtn_ctx_init(struct xtn_ctx *ctx, const struct xtn_family *fam);
void xtn_ctx_fini(struct xtn_ctx *ctx);

#endif
