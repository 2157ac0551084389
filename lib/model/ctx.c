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
	ctx->max_retries = 20;
	xtn_diag_init(&ctx->diag);
}

void xtn_ctx_fini(struct xtn_ctx *ctx)
{
	xtn_namecache_free(ctx->libc_resolver.cache);
	ctx->libc_resolver.cache = NULL;
	xtn_diag_fini(&ctx->diag);
}
