/*
 * The tools of the multi-call binary and the options of the save, restore
 * and xml front-ends, as data: src/ dispatches from it, tools/xtnft-gen builds the
 * completions from it, so the two cannot drift.
 */
#ifndef XTNFT_TOOLS_H
#define XTNFT_TOOLS_H

#include <stdbool.h>
#include <stddef.h>

struct xtn_family;
struct xtn_longopt;

enum xtn_tool_kind {
	XTN_TOOL_RUN,		/* iptables / ip6tables */
	XTN_TOOL_SAVE,
	XTN_TOOL_RESTORE,
	XTN_TOOL_XML,		/* iptables-xml: text only, no family */
	XTN_TOOL_CONNTRACK,	/* conntrack-tools' conntrack */
};

struct xtn_tool {
	const char *name;
	enum xtn_tool_kind kind;
	const struct xtn_family *fam;
	bool alias;		/* the *-nft* names Debian's alternatives use */
};

const struct xtn_tool *xtn_tools(size_t *n);
const struct xtn_tool *xtn_tool_find(const char *name);

/* iptables-save / -restore options, with their getopt short strings. */
const struct xtn_longopt *xtn_save_options(void);
const struct xtn_longopt *xtn_restore_options(void);
const struct xtn_longopt *xtn_xml_options(void);
/* Debian's 1.8.9 save has no -h; restore has no short -4/-6 */
#define XTN_SAVE_SHORTOPTS "bcdt:M:f:V46"
#define XTN_RESTORE_SHORTOPTS "bcvVthnM:T:wW"
#define XTN_XML_SHORTOPTS "cvh"

#endif
