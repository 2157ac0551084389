/*
 * Diagnostics: every failure in lib/ is recorded here with a location and a
 * status class; only src/ turns it into the exact Debian wording.
 */
#ifndef XTNFT_DIAG_H
#define XTNFT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where something came from: an argv range, or a restore line (+ column). */
struct xtn_loc {
	uint32_t line;		/* 0: the command line */
	uint16_t arg_first;	/* argv index (restore: word index) */
	uint16_t arg_last;
	uint16_t col;
};

/* Exit status classes, as iptables defines them. */
enum xtn_status {
	XTN_OK = 0,
	XTN_OTHER = 1,
	XTN_PARAM = 2,
	XTN_VERSION = 3,
	XTN_RESOURCE = 4,
};

/* How src/ renders a diagnostic; the wording itself is in msg. */
enum xtn_diag_style {
	/* "<prog> v1.8.9 (nf_tables): msg"; PARAM adds the try-help lines,
	 * VERSION adds "Perhaps <prog> or your kernel needs to be upgraded." */
	XTN_DS_XTABLES,
	/* msg printed bare (it carries its own newline), then try-help */
	XTN_DS_BARE_TRYHELP,
	/* "<prog>: msg." - an errno-mapped userspace failure */
	XTN_DS_ERRNO,
	/* kernel batch failures, one entry per failing object */
	XTN_DS_KERNEL,
	/* "<prog>: msg" printed as is (restore's own messages) */
	XTN_DS_PROG,
};

struct xtn_kerr {
	uint32_t line;
	char *text;		/* "RULE_APPEND failed (Invalid argument): rule in chain INPUT" */
	bool has_loc;		/* the kernel pointed at an expression we can place */
	struct xtn_loc loc;	/* the argv words it came from */
	char *kmsg;		/* the kernel's own ext-ack message, if any */
};

struct xtn_diag {
	int status;		/* enum xtn_status; 0 while no error */
	enum xtn_diag_style style;
	struct xtn_loc loc;
	char *msg;
	bool dmesg_hint;	/* errno EINVAL: "Run `dmesg' for more information." */
	struct xtn_kerr *kerrs;
	unsigned int n_kerrs;
	char **warnings;	/* printed to stderr before anything else */
	unsigned int n_warnings;
};

void xtn_diag_init(struct xtn_diag *d);
void xtn_diag_fini(struct xtn_diag *d);
void xtn_diag_clear(struct xtn_diag *d);
/* Forget the error but keep the warnings (a retried transaction). */
void xtn_diag_reset_error(struct xtn_diag *d);
/* Forget the error and the warnings given after the first n_warnings. */
void xtn_diag_rewind(struct xtn_diag *d, unsigned int n_warnings);
bool xtn_diag_failed(const struct xtn_diag *d);

/* Record the first error and return -1, so call sites read "return xtn_fail(...)". */
int xtn_fail(struct xtn_diag *d, int status, const struct xtn_loc *loc,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
int xtn_vfail(struct xtn_diag *d, int status, const struct xtn_loc *loc,
	      const char *fmt, va_list ap);
int xtn_fail_style(struct xtn_diag *d, int status, enum xtn_diag_style style,
		   const struct xtn_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* An errno-mapped failure: text comes from the errmsg table. */
int xtn_fail_errno(struct xtn_diag *d, const struct xtn_loc *loc, int op, int err);
void xtn_diag_add_kerr(struct xtn_diag *d, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Refine the last kernel error with where it came from. */
void xtn_diag_kerr_locate(struct xtn_diag *d, const struct xtn_loc *loc,
			  const char *kmsg);
void xtn_warn(struct xtn_diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Operations that give errno its meaning in iptables' nft_strerror(). */
enum xtn_errop {
	XTN_EOP_ANY,
	XTN_EOP_CHAIN_DEL,
	XTN_EOP_NEW_CHAIN,
	XTN_EOP_RENAME,
	XTN_EOP_INSERT,
	XTN_EOP_REPLACE,
	XTN_EOP_DELETE_NUM,
	XTN_EOP_CHECK,
	XTN_EOP_DELETE,
	XTN_EOP_POLICY,
};

const char *xtn_errmsg(int op, int err);

/* An oracle behaviour reproduced on purpose (diag/quirks.c). */
struct xtn_quirk {
	const char *id;
	const char *example;	/* a tests/diff corpus line showing it */
	const char *why;
};

const struct xtn_quirk *xtn_quirks(size_t *n);

#endif
