/*
 * iptables-xml: iptables-save text to XML, as Debian's iptables 1.8.9 writes
 * it.  Pure text: no kernel, no family.  A failure is recorded in the diag
 * with its status (1, or 2 for what 1.8.9 reports through xtables_error(),
 * style XTN_DS_XTABLES with the line in loc); src/ renders it.
 */
#ifndef XTNFT_XML_H
#define XTNFT_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xtn_diag;
struct xtn_lines;
struct xtn_strbuf;
struct xtn_xml;

/* The name 1.8.9 gives itself in messages, however it was called. */
#define XTN_XML_PROG "iptables-xml"

struct xtn_xml_opts {
	bool combine;		/* -c: one <actions> for rules that differ
				 * only in their targets */
	bool verbose;		/* -v: each input line as an XML comment */
	/* The output so far is handed here whenever it grows past a few
	 * KiB, so memory does not grow with the input; NULL keeps it all. */
	void (*flush)(struct xtn_strbuf *out, void *priv);
	void *flush_priv;
};

struct xtn_xml *xtn_xml_new(const struct xtn_xml_opts *o);
void xtn_xml_free(struct xtn_xml *x);
/* The opening <iptables-rules> tag. */
void xtn_xml_start(struct xtn_xml *x, struct xtn_strbuf *out);
/*
 * One input line as 1.8.9 reads it with fgets(): NUL-terminated, with its
 * newline if it had one (the text may be changed).  Line numbers count
 * from 1.  0, or -1 with d set.
 */
int xtn_xml_line(struct xtn_xml *x, char *text, uint32_t lineno,
		 struct xtn_strbuf *out, struct xtn_diag *d);
/* A comment line, whole or (long) in pieces: first opens it, last closes
 * it; the text has no newline. */
void xtn_xml_comment(struct xtn_xml *x, const char *text, size_t len,
		     bool first, bool last, struct xtn_strbuf *out);
/* The end of the input after last_line: a table left open is an error. */
int xtn_xml_end(struct xtn_xml *x, uint32_t last_line, struct xtn_strbuf *out,
		struct xtn_diag *d);

/* Convert all of in to out: 0, or -1 with d set. */
int xtn_xml_convert(struct xtn_lines *in, const struct xtn_xml_opts *o,
		    struct xtn_strbuf *out, struct xtn_diag *d);

#endif
