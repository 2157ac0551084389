/* The run context: everything a command needs, passed explicitly. */
#ifndef XTNFT_CTX_H
#define XTNFT_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
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
	/* How long (ms) a command keeps rebuilding its batch after other
	 * writers' commits (-w N; XTN_WAIT_FOREVER for a bare -w). */
	uint32_t wait_ms;
};

#define XTN_WAIT_FOREVER UINT32_MAX
/* Without -w: long enough that contention 1.8.9 (which retries forever)
 * survives never beats a command, short enough that a script ends. */
#define XTN_WAIT_DEFAULT_MS 30000u

/* -w [SECS] as a bound in ms: no value (arg NULL) or a negative one is
 * no bound; -1 if arg does not start with a number. */
int xtn_wait_ms(const char *arg, uint32_t *ms);

void xtn_ctx_init(struct xtn_ctx *ctx, const struct xtn_family *fam);
void xtn_ctx_fini(struct xtn_ctx *ctx);

#endif
