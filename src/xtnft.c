/*
 * The multi-call binary: the tool is chosen by the basename of argv[0]
 * (iptables, ip6tables-save, ...), or by the first argument when called as
 * xtnft (or any other name): "xtnft iptables -S".
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <xtnft/tools.h>
#include "tools.h"

/* The conntrack program beside this binary, unless that is this binary
 * itself (a conntrack link to xtnft, which would hand over forever). */
static bool sibling_conntrack(char *path, size_t size)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	struct stat a, b;
	char *slash;

	if (n <= 0)
		return false;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (!slash ||
	    snprintf(path, size, "%.*s/conntrack", (int)(slash - self),
		     self) >= (int)size)
		return false;
	return stat(path, &a) == 0 && stat(self, &b) == 0 &&
	       (a.st_dev != b.st_dev || a.st_ino != b.st_ino);
}

/* conntrack is its own program (only it loads libnetfilter_conntrack):
 * "xtnft conntrack ..." runs it with the same arguments. */
static int run_conntrack(const struct xtn_tool *t, int argc, char **argv)
{
	char path[PATH_MAX];

	(void)t;
	(void)argc;
	if (!sibling_conntrack(path, sizeof(path))) {
		fprintf(stderr, "xtnft: no conntrack program beside this one\n");
		return 1;
	}
	execv(path, argv);
	fprintf(stderr, "xtnft: cannot run %s: %s\n", path, strerror(errno));
	return 1;
}

static int (*const mains[])(const struct xtn_tool *t, int argc, char **argv) = {
	[XTN_TOOL_RUN] = tool_run,
	[XTN_TOOL_SAVE] = tool_save,
	[XTN_TOOL_RESTORE] = tool_restore,
	[XTN_TOOL_XML] = tool_xml,
	[XTN_TOOL_CONNTRACK] = run_conntrack,
};

static int usage(const char *self)
{
	const struct xtn_tool *t;
	size_t i, n;

	t = xtn_tools(&n);
	fprintf(stderr, "Usage: %s TOOL [ARGS...]\nTools:", self);
	for (i = 0; i < n; i++)
		fprintf(stderr, " %s", t[i].name);
	fputc('\n', stderr);
	return 1;
}

int main(int argc, char **argv)
{
	const struct xtn_tool *t;

	if (argc < 1)	/* execve() with an empty argv */
		return usage("xtnft");
	t = xtn_tool_find(tool_basename(argv[0]));

	if (t)
		return mains[t->kind](t, argc, argv);
	if (argc < 2)
		return usage(tool_basename(argv[0]));
	/* xtnft's own version; the tools' -V prints 1.8.9's, byte for byte */
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("xtnft %s\n", PACKAGE_VERSION);
		return 0;
	}
	t = xtn_tool_find(tool_basename(argv[1]));
	if (!t) {
		fprintf(stderr, "%s: unknown tool `%s'\n",
			tool_basename(argv[0]), argv[1]);
		return usage(tool_basename(argv[0]));
	}
	return mains[t->kind](t, argc - 1, argv + 1);
}
