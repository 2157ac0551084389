/* The run context. */
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

uint32_t xtn_wait_ms(int secs)
{
	if (secs < 0)
		return XTN_WAIT_FOREVER;
	if ((uint32_t)secs >= XTN_WAIT_FOREVER / 1000u)
		return XTN_WAIT_FOREVER - 1;
	return (uint32_t)secs * 1000u;
}
