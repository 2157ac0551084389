/*
 * The multi-call binary: the tool is chosen by the basename of argv[0]
 * (iptables, ip6tables-save, ...), or by the first argument when called as
 * xtnft (or any other name): "xtnft iptables -S".
 */
#include <stdio.h>
#include <string.h>
#include <xtnft/family.h>
#include "tools.h"

static const struct tool tools[] = {
	{ "iptables", tool_run, &xtn_family_ipv4 },
	{ "iptables-nft", tool_run, &xtn_family_ipv4 },
	{ "ip6tables", tool_run, &xtn_family_ipv6 },
	{ "ip6tables-nft", tool_run, &xtn_family_ipv6 },
	{ "iptables-save", tool_save, &xtn_family_ipv4 },
	{ "iptables-nft-save", tool_save, &xtn_family_ipv4 },
	{ "ip6tables-save", tool_save, &xtn_family_ipv6 },
	{ "ip6tables-nft-save", tool_save, &xtn_family_ipv6 },
	{ "iptables-restore", tool_restore, &xtn_family_ipv4 },
	{ "iptables-nft-restore", tool_restore, &xtn_family_ipv4 },
	{ "ip6tables-restore", tool_restore, &xtn_family_ipv6 },
	{ "ip6tables-nft-restore", tool_restore, &xtn_family_ipv6 },
};

static const struct tool *find_tool(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		if (strcmp(tools[i].name, name) == 0)
			return &tools[i];
	return NULL;
}

static int usage(const char *self)
{
	size_t i;

	fprintf(stderr, "Usage: %s TOOL [ARGS...]\nTools:", self);
	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		fprintf(stderr, " %s", tools[i].name);
	fputc('\n', stderr);
	return 1;
}

int main(int argc, char **argv)
{
	const struct tool *t = find_tool(tool_basename(argv[0]));

	if (t)
		return t->main(t, argc, argv);
	if (argc < 2)
		return usage(tool_basename(argv[0]));
	t = find_tool(tool_basename(argv[1]));
	if (!t) {
		fprintf(stderr, "%s: unknown tool `%s'\n",
			tool_basename(argv[0]), argv[1]);
		return usage(tool_basename(argv[0]));
	}
	return t->main(t, argc - 1, argv + 1);
}
