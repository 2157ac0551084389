/* The run context. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/netaddr.h>

void xtn_ctx_init(struct xtn_ctx *ctx, const struct xtn_family *fam)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->fam = fam;
	ctx->libc_resolver = xtn_resolver_libc;
	ctx->libc_resolver.cache = xtn_namecache_new();
	ctx->resolver = &ctx->libc_resolver;
	ctx->wait_ms = XTN_WAIT_DEFAULT_MS;
	xtn_diag_init(&ctx->diag);
}

void xtn_ctx_fini(struct xtn_ctx *ctx)
{
	xtn_namecache_free(ctx->libc_resolver.cache);
	ctx->libc_resolver.cache = NULL;
	xtn_diag_fini(&ctx->diag);
}

int xtn_wait_ms(const char *arg, uint32_t *ms)
{
	char *end;
	long secs;

	*ms = XTN_WAIT_FOREVER;
	if (!arg)
		return 0;
	/* sscanf("%i") in 1.8.9: a leading number, in any base */
	errno = 0;
	secs = strtol(arg, &end, 0);
	if (end == arg)
		return -1;
	if (secs >= 0 && errno != ERANGE && secs < XTN_WAIT_FOREVER / 1000)
		*ms = (uint32_t)secs * 1000u;
	else if (secs >= 0)
		*ms = XTN_WAIT_FOREVER - 1;
	return 0;
}
