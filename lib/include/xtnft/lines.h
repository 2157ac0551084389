/*
 * Input lines read from a file descriptor in chunks, for iptables-restore:
 * memory stays one buffer whatever the input holds (gigabytes of comments,
 * /dev/zero), and the reader tells whether more input is there right now,
 * which is how restore notices a feeder pausing after a COMMIT.
 */
#ifndef XTNFT_LINES_H
#define XTNFT_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest line taken whole: what 1.8.9 reads in one fgets() (it
 * splits a longer line into several commands; xtnft refuses it). */
#define XTN_LINE_MAX 10239

struct xtn_lines {
	int fd;
	char *buf;
	size_t cap, start, end;
	uint32_t lineno;	/* of the last line returned */
	bool eof;
	int err;		/* errno of a failed read, 0 if none */
	bool regular;		/* a regular file: all of it is there */
	bool holding;		/* after XTN_LINE_LONG: held is the byte */
	char held;		/* the NUL ending the line's start replaced */
};

enum xtn_line_status {
	XTN_LINE_OK,
	XTN_LINE_LONG,		/* over XTN_LINE_MAX: text is its start */
	XTN_LINE_EOF,
	XTN_LINE_ERROR,		/* read failed: err says why */
};

struct xtn_line {
	char *text;		/* NUL-terminated (it may hold NULs itself) */
	size_t len;		/* without the newline */
	uint32_t no;
	bool newline;		/* it ended in one (the last may not) */
	bool whole;		/* false: over XTN_LINE_MAX, text is its start */
};

void xtn_lines_init(struct xtn_lines *lr, int fd);
void xtn_lines_fini(struct xtn_lines *lr);
/* The next line; its text stays valid until the next call. */
enum xtn_line_status xtn_lines_next(struct xtn_lines *lr, struct xtn_line *l);
/* After XTN_LINE_LONG: drop the rest of that line (a comment). */
enum xtn_line_status xtn_lines_skip_rest(struct xtn_lines *lr);
/* After XTN_LINE_LONG: the rest of that line, a piece a call (not
 * NUL-terminated, valid until the next call), *last on the piece that ends
 * it (at its newline, left out, or at the end of the input). */
enum xtn_line_status xtn_lines_rest(struct xtn_lines *lr, const char **text,
				    size_t *len, bool *last);
/* Can more input be read without waiting for it? */
bool xtn_lines_pending(struct xtn_lines *lr);

#endif
