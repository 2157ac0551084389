/* The tool table and the save/restore/xml option tables (see tools.h). */
#include <string.h>
#include <xtnft/family.h>
#include <xtnft/opt.h>
#include <xtnft/tools.h>
#include <xtnft/util.h>

static const struct xtn_tool tools[] = {
	{ "iptables", XTN_TOOL_RUN, &xtn_family_ipv4, false },
	{ "ip6tables", XTN_TOOL_RUN, &xtn_family_ipv6, false },
	{ "iptables-save", XTN_TOOL_SAVE, &xtn_family_ipv4, false },
	{ "ip6tables-save", XTN_TOOL_SAVE, &xtn_family_ipv6, false },
	{ "iptables-restore", XTN_TOOL_RESTORE, &xtn_family_ipv4, false },
	{ "ip6tables-restore", XTN_TOOL_RESTORE, &xtn_family_ipv6, false },
	/* family-blind; ipv4 as its name says (the completions ask) */
	{ "iptables-xml", XTN_TOOL_XML, &xtn_family_ipv4, false },
	{ "ebtables", XTN_TOOL_RUN, &xtn_family_bridge, false },
	{ "ebtables-save", XTN_TOOL_SAVE, &xtn_family_bridge, false },
	{ "ebtables-restore", XTN_TOOL_RESTORE, &xtn_family_bridge, false },
	{ "arptables", XTN_TOOL_RUN, &xtn_family_arp, false },
	{ "arptables-save", XTN_TOOL_SAVE, &xtn_family_arp, false },
	{ "arptables-restore", XTN_TOOL_RESTORE, &xtn_family_arp, false },
	{ "iptables-nft", XTN_TOOL_RUN, &xtn_family_ipv4, true },
	{ "ip6tables-nft", XTN_TOOL_RUN, &xtn_family_ipv6, true },
	{ "iptables-nft-save", XTN_TOOL_SAVE, &xtn_family_ipv4, true },
	{ "ip6tables-nft-save", XTN_TOOL_SAVE, &xtn_family_ipv6, true },
	{ "iptables-nft-restore", XTN_TOOL_RESTORE, &xtn_family_ipv4, true },
	{ "ip6tables-nft-restore", XTN_TOOL_RESTORE, &xtn_family_ipv6, true },
	{ "ebtables-nft", XTN_TOOL_RUN, &xtn_family_bridge, true },
	{ "ebtables-nft-save", XTN_TOOL_SAVE, &xtn_family_bridge, true },
	{ "ebtables-nft-restore", XTN_TOOL_RESTORE, &xtn_family_bridge, true },
	{ "conntrack", XTN_TOOL_CONNTRACK, &xtn_family_ipv4, false },
	{ "arptables-nft", XTN_TOOL_RUN, &xtn_family_arp, true },
	{ "arptables-nft-save", XTN_TOOL_SAVE, &xtn_family_arp, true },
	{ "arptables-nft-restore", XTN_TOOL_RESTORE, &xtn_family_arp, true },
};

static const struct xtn_longopt save_opts[] = {
	{ "counters", 0, 'c' }, { "version", 0, 'V' }, { "dump", 0, 'd' },
	{ "table", 1, 't' }, { "modprobe", 1, 'M' }, { "file", 1, 'f' },
	{ NULL, 0, 0 },
};

/* --ipv4/--ipv6 map to letters the short string lacks: 1.8.9 rejects them */
static const struct xtn_longopt restore_opts[] = {
	{ "counters", 0, 'c' }, { "verbose", 0, 'v' }, { "version", 0, 'V' },
	{ "test", 0, 't' }, { "help", 0, 'h' }, { "noflush", 0, 'n' },
	{ "modprobe", 1, 'M' }, { "table", 1, 'T' }, { "ipv4", 0, '4' },
	{ "ipv6", 0, '6' }, { "wait", 2, 'w' }, { "wait-interval", 2, 'W' },
	{ NULL, 0, 0 },
};

static const struct xtn_longopt xml_opts[] = {
	{ "verbose", 0, 'v' }, { "combine", 0, 'c' }, { "help", 0, 'h' },
	{ NULL, 0, 0 },
};

const struct xtn_tool *xtn_tools(size_t *n)
{
	*n = XTN_ARRAY_SIZE(tools);
	return tools;
}

const struct xtn_tool *xtn_tool_find(const char *name)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(tools); i++)
		if (strcmp(tools[i].name, name) == 0)
			return &tools[i];
	return NULL;
}

const struct xtn_longopt *xtn_save_options(void)
{
	return save_opts;
}

const struct xtn_longopt *xtn_restore_options(void)
{
	return restore_opts;
}

const struct xtn_longopt *xtn_xml_options(void)
{
	return xml_opts;
}
