/* Chunked line reading for restore input (see lines.h). */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xtnft/lines.h>
#include <xtnft/util.h>

/* room for the longest line, its newline and the terminating NUL, and
 * enough beyond it that a read is worth its system call */
#define LINES_BUF (64 * 1024)

void xtn_lines_init(struct xtn_lines *lr, int fd)
{
	struct stat st;

	memset(lr, 0, sizeof(*lr));
	lr->fd = fd;
	lr->cap = LINES_BUF;
	lr->buf = xtn_xmalloc(lr->cap + 1);
	lr->regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

void xtn_lines_fini(struct xtn_lines *lr)
{
	free(lr->buf);
	lr->buf = NULL;
}

/* Move what is left to the front and read more after it: 1 if bytes came,
 * 0 at the end of the input, -1 on a read error. */
static int fill(struct xtn_lines *lr)
{
	ssize_t n;

	if (lr->eof || lr->err)
		return 0;
	if (lr->start) {
		memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
		lr->end -= lr->start;
		lr->start = 0;
	}
	do {
		n = read(lr->fd, lr->buf + lr->end, lr->cap - lr->end);
	} while (n < 0 && errno == EINTR);
	/* a directory reads as empty input, as with 1.8.9 */
	if (n < 0 && errno != EISDIR) {
		lr->err = errno;
		return -1;
	}
	if (n <= 0) {
		lr->eof = true;
		return 0;
	}
	lr->end += (size_t)n;
	return 1;
}

static void take(struct xtn_lines *lr, struct xtn_line *l, size_t len,
		 size_t consumed)
{
	l->text = lr->buf + lr->start;
	l->len = len;
	l->no = ++lr->lineno;
	l->newline = consumed > len;
	l->whole = true;
	lr->buf[lr->start + len] = '\0';	/* over the newline, or past it */
	lr->start += consumed;
}

/* Put back the byte a long line's start was cut with. */
static void unhold(struct xtn_lines *lr)
{
	if (lr->holding)
		lr->buf[lr->start] = lr->held;
	lr->holding = false;
}

enum xtn_line_status xtn_lines_next(struct xtn_lines *lr, struct xtn_line *l)
{
	unhold(lr);
	for (;;) {
		size_t avail = lr->end - lr->start;
		char *nl = memchr(lr->buf + lr->start, '\n', avail);

		if (nl) {
			size_t len = (size_t)(nl - (lr->buf + lr->start));

			if (len > XTN_LINE_MAX)
				break;
			take(lr, l, len, len + 1);
			return XTN_LINE_OK;
		}
		if (avail > XTN_LINE_MAX)
			break;
		switch (fill(lr)) {
		case 1:
			continue;
		case -1:
			return XTN_LINE_ERROR;
		}
		if (!avail)
			return XTN_LINE_EOF;
		take(lr, l, avail, avail);	/* the last line, unterminated */
		return XTN_LINE_OK;
	}
	/* too long: hand out its start (is it a comment?), keep the rest
	 * for xtn_lines_skip_rest() */
	l->text = lr->buf + lr->start;
	l->len = XTN_LINE_MAX;
	l->no = ++lr->lineno;
	l->newline = false;
	l->whole = false;
	lr->start += XTN_LINE_MAX;
	/* not a newline (the line goes on past it): kept for
	 * xtn_lines_rest() */
	lr->held = lr->buf[lr->start];
	lr->holding = true;
	lr->buf[lr->start] = '\0';
	return XTN_LINE_LONG;
}

enum xtn_line_status xtn_lines_skip_rest(struct xtn_lines *lr)
{
	unhold(lr);
	for (;;) {
		char *nl = memchr(lr->buf + lr->start, '\n', lr->end - lr->start);

		if (nl) {
			lr->start = (size_t)(nl - lr->buf) + 1;
			return XTN_LINE_OK;
		}
		lr->start = lr->end;
		switch (fill(lr)) {
		case 1:
			continue;
		case -1:
			return XTN_LINE_ERROR;
		}
		return XTN_LINE_EOF;
	}
}

enum xtn_line_status xtn_lines_rest(struct xtn_lines *lr, const char **text,
				    size_t *len, bool *last)
{
	unhold(lr);
	for (;;) {
		char *p = lr->buf + lr->start;
		size_t avail = lr->end - lr->start;
		char *nl = memchr(p, '\n', avail);

		*text = p;
		*last = nl != NULL;
		if (nl) {
			*len = (size_t)(nl - p);
			lr->start += *len + 1;
			return XTN_LINE_OK;
		}
		if (avail) {
			*len = avail;
			lr->start = lr->end;
			return XTN_LINE_OK;
		}
		switch (fill(lr)) {
		case 1:
			continue;
		case -1:
			return XTN_LINE_ERROR;
		}
		*len = 0;	/* the input ends the line */
		*last = true;
		return XTN_LINE_OK;
	}
}

bool xtn_lines_pending(struct xtn_lines *lr)
{
	struct pollfd pfd = { .fd = lr->fd, .events = POLLIN };

	if (lr->start < lr->end || lr->regular)
		return true;
	if (lr->eof || lr->err)
		return false;
	/* POLLHUP counts: reading the end of the input does not wait */
	return poll(&pfd, 1, 0) > 0;
}
