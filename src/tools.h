/* The front-ends of the multi-call binary. */
#ifndef XTNFT_SRC_TOOLS_H
#define XTNFT_SRC_TOOLS_H

#include <stdbool.h>

struct xtn_diag;
struct xtn_family;
struct xtn_strbuf;

struct xtn_tool;

int tool_run(const struct xtn_tool *t, int argc, char **argv);
int tool_save(const struct xtn_tool *t, int argc, char **argv);
int tool_restore(const struct xtn_tool *t, int argc, char **argv);
int tool_xml(const struct xtn_tool *t, int argc, char **argv);
int tool_conntrack(const struct xtn_tool *t, int argc, char **argv);

/* render.c: diagnostics in the exact Debian wording; returns the exit status. */
struct xtn_dialect;
/* stdout flushed, then the diagnostic's warnings on stderr */
void render_warnings(const struct xtn_diag *d);
int render_diag(const struct xtn_diag *d, const struct xtn_dialect *dl,
		const char *prog, bool restore);
void render_flush(struct xtn_strbuf *out);
void render_kernel_origin(const struct xtn_diag *d, int argc, char **argv);
/* "# Warning: iptables-legacy tables present ..." when legacy tables exist */
void render_legacy_warning(const struct xtn_family *fam, bool save);
const char *tool_basename(const char *path);

#endif
