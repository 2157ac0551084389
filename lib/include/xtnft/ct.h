/*
 * conntrack: one parsed command line in conntrack-tools 1.4.7's terms, with
 * no libnetfilter_conntrack type in sight.  lib/dialect/conntrack.c fills
 * it from argv; lib/ct/ turns it into kernel requests and filters.
 */
#ifndef XTNFT_CT_H
#define XTNFT_CT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xtn_ctx;
struct xtn_longopt;
struct xtn_optdef;
struct xtn_strbuf;

/* The commands, one bit each, in conntrack-tools' order (its legality
 * tables are indexed by the bit number). */
enum xtn_ct_command {
	XTN_CT_LIST = 1 << 0,
	XTN_CT_CREATE = 1 << 1,
	XTN_CT_UPDATE = 1 << 2,
	XTN_CT_DELETE = 1 << 3,
	XTN_CT_GET = 1 << 4,
	XTN_CT_FLUSH = 1 << 5,
	XTN_CT_EVENT = 1 << 6,
	XTN_CT_VERSION = 1 << 7,
	XTN_CT_HELP = 1 << 8,
	XTN_EXP_LIST = 1 << 9,
	XTN_EXP_CREATE = 1 << 10,
	XTN_EXP_DELETE = 1 << 11,
	XTN_EXP_GET = 1 << 12,
	XTN_EXP_FLUSH = 1 << 13,
	XTN_EXP_EVENT = 1 << 14,
	XTN_CT_COUNT = 1 << 15,
	XTN_EXP_COUNT = 1 << 16,
	XTN_CT_STATS = 1 << 17,
	XTN_EXP_STATS = 1 << 18,
	XTN_CT_ADD = 1 << 19,
};
#define XTN_CT_NCMDS 20

/* The options, one bit each, in conntrack-tools' order. */
enum xtn_ct_opt {
	XTN_CTO_ORIG_SRC = 1 << 0,
	XTN_CTO_ORIG_DST = 1 << 1,
	XTN_CTO_REPL_SRC = 1 << 2,
	XTN_CTO_REPL_DST = 1 << 3,
	XTN_CTO_PROTO = 1 << 4,
	XTN_CTO_TIMEOUT = 1 << 5,
	XTN_CTO_STATUS = 1 << 6,
	XTN_CTO_ZERO = 1 << 7,
	XTN_CTO_EVENT_MASK = 1 << 8,
	XTN_CTO_EXP_SRC = 1 << 9,
	XTN_CTO_EXP_DST = 1 << 10,
	XTN_CTO_MASK_SRC = 1 << 11,
	XTN_CTO_MASK_DST = 1 << 12,
	XTN_CTO_NATRANGE = 1 << 13,
	XTN_CTO_MARK = 1 << 14,
	XTN_CTO_ID = 1 << 15,
	XTN_CTO_FAMILY = 1 << 16,
	XTN_CTO_SRC_NAT = 1 << 17,
	XTN_CTO_DST_NAT = 1 << 18,
	XTN_CTO_OUTPUT = 1 << 19,
	XTN_CTO_SECMARK = 1 << 20,
	XTN_CTO_BUFFERSIZE = 1 << 21,
	XTN_CTO_ANY_NAT = 1 << 22,
	XTN_CTO_ZONE = 1 << 23,
	XTN_CTO_LABEL = 1 << 24,
	XTN_CTO_ADD_LABEL = 1 << 25,
	XTN_CTO_DEL_LABEL = 1 << 26,
	XTN_CTO_ORIG_ZONE = 1 << 27,
	XTN_CTO_REPL_ZONE = 1 << 28,
};
#define XTN_CT_NOPTS 29
#define XTN_CTO_ORIG (XTN_CTO_ORIG_SRC | XTN_CTO_ORIG_DST)
#define XTN_CTO_REPL (XTN_CTO_REPL_SRC | XTN_CTO_REPL_DST)
/* The options that -L/-D/-E compare entries with (userspace filter). */
#define XTN_CTO_COMPARISON (XTN_CTO_PROTO | XTN_CTO_ORIG | XTN_CTO_REPL | \
			    XTN_CTO_MARK | XTN_CTO_SECMARK | XTN_CTO_STATUS | \
			    XTN_CTO_ID | XTN_CTO_ZONE | XTN_CTO_LABEL | \
			    XTN_CTO_ORIG_ZONE | XTN_CTO_REPL_ZONE)

/* -o words */
enum xtn_ct_output {
	XTN_CTOUT_XML = 1 << 0,
	XTN_CTOUT_EXT = 1 << 1,
	XTN_CTOUT_TMS = 1 << 2,
	XTN_CTOUT_ID = 1 << 3,
	XTN_CTOUT_KTMS = 1 << 4,
	XTN_CTOUT_LABELS = 1 << 5,
	XTN_CTOUT_SAVE = 1 << 6,
};

/* -e words */
enum xtn_ct_event {
	XTN_CTEV_NEW = 1 << 0,
	XTN_CTEV_UPDATE = 1 << 1,
	XTN_CTEV_DESTROY = 1 << 2,
	XTN_CTEV_ALL = 7,
};

enum xtn_ct_table {
	XTN_CT_TABLE_CONNTRACK,
	XTN_CT_TABLE_EXPECT,
	XTN_CT_TABLE_DYING,
	XTN_CT_TABLE_UNCONFIRMED,
};

/* Where label names are numbered (libnetfilter_conntrack's map). */
#define XTN_CT_LABELMAP "/etc/xtables/connlabel.conf"

/* Layer 4 values, one bit each in xtn_ct_cmd.l4flags (the protocol's own
 * option numbering is in its descriptor). */
enum xtn_ct_l4 {
	XTN_CTL4_ORIG_SPORT,
	XTN_CTL4_ORIG_DPORT,
	XTN_CTL4_REPL_SPORT,
	XTN_CTL4_REPL_DPORT,
	XTN_CTL4_MASK_SPORT,
	XTN_CTL4_MASK_DPORT,
	XTN_CTL4_EXP_SPORT,
	XTN_CTL4_EXP_DPORT,
	XTN_CTL4_STATE,
	XTN_CTL4_ICMP_TYPE,
	XTN_CTL4_ICMP_CODE,
	XTN_CTL4_ICMP_ID,
	XTN_CTL4_ORIG_VTAG,	/* sctp verification tags */
	XTN_CTL4_REPL_VTAG,
	XTN_CTL4_ROLE,		/* dccp: 0 client, 1 server */
	XTN_CTL4_N,
};

struct xtn_ct_addr {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t a[16];		/* network order */
};

/* One conntrack-tools protocol handler, as data (lib/dialect/ct_proto.c). */
struct xtn_ct_proto {
	const char *name;
	uint8_t protonum;
	const struct xtn_optdef *opts;	/* long options, merged after -p */
	const enum xtn_ct_l4 *optval;	/* what each option (by id) sets */
	const char *const *optflags;	/* names in legality messages */
	unsigned int nopts;		/* legality columns */
	const char (*legal)[12];	/* [command bit][column] 0/1/2/3 */
	const char *const *states;	/* --state words, NULL: none */
	unsigned int nstates;
	const char *state_msg;		/* "unknown TCP state" */
	bool keys;			/* gre: keys are numbers in any base */
	const char *help;
	/* the pair of columns to name when neither tuple is complete */
	const char *pair_msg[2];
};

struct xtn_ct_cmd {
	uint32_t command;	/* one enum xtn_ct_command bit */
	unsigned int cmd;	/* its bit number */
	unsigned int table;	/* enum xtn_ct_table */
	uint32_t options;	/* enum xtn_ct_opt */
	int family;		/* AF_UNSPEC, AF_INET, AF_INET6 */
	const struct xtn_ct_proto *proto;
	int protonum;
	uint32_t l4flags;	/* bits of enum xtn_ct_l4 given */
	uint32_t l4cols;	/* the protocol's legality columns given */
	uint32_t event_mask;	/* enum xtn_ct_event */
	uint32_t output;	/* enum xtn_ct_output */
	size_t bufsize;

	struct xtn_ct_addr orig_src, orig_dst, repl_src, repl_dst;
	struct xtn_ct_addr exp_src, exp_dst;
	struct xtn_ct_addr mask_src, mask_dst;	/* -s/-d with /len */
	bool has_mask_src, has_mask_dst;
	struct xtn_ct_addr snat, dnat;		/* -n/-g/-j address */
	bool has_snat, has_dnat;
	bool has_snat_port, has_dnat_port;
	uint16_t snat_port, dnat_port;		/* host order */

	uint32_t timeout;
	uint32_t status, status_mask;	/* -u: set bits; !X and UNREPLIED */
	uint32_t mark, mark_mask;
	uint32_t mark_kernel;	/* -m's value: 1.4.7's -u overwrites mark */
	uint32_t secmark, id;
	uint16_t zone, orig_zone, repl_zone;

	/* -l and --label-add/--label-del: bits by the label map */
	uint32_t label[4], label_mod[4];
	bool label_mod_all;	/* --label-del without names */

	uint32_t l4[XTN_CTL4_N];	/* ports host order, state, icmp, vtags */
};

void xtn_ct_cmd_init(struct xtn_ct_cmd *c);

/* Parse conntrack's argv.  0: *c is a command to run; -1: the error is
 * in ctx->diag (status 2 for parameter problems, as conntrack exits). */
int xtn_ct_parse(struct xtn_ctx *ctx, int argc, char **argv,
		 struct xtn_ct_cmd *c);

/* -h's text for this program name (and -p's protocol help). */
void xtn_ct_help(struct xtn_strbuf *out, const char *prog,
		 const struct xtn_ct_cmd *c);

/* The protocol handlers (name lookups, tests). */
const struct xtn_ct_proto *xtn_ct_proto_find(const char *name);
const struct xtn_ct_proto *xtn_ct_proto_by_num(int protonum);
extern const struct xtn_ct_proto xtn_ct_proto_unknown;
const char *xtn_ct_proto_help_tail(const struct xtn_ct_proto *p);

/* conntrack's own option table and getopt string (completions read them) */
const struct xtn_longopt *xtn_ct_options(void);
/* The fixed words the value of -f, -o, -u or -e takes (NULL-terminated;
 * NULL for another letter), for the completions; *comma: the value is a
 * comma-separated list of them. */
const char *const *xtn_ct_value_words(char letter, bool *comma);
#define XTN_CT_SHORTOPTS "L::I::U::D::G::E::F::A::hVs:d:r:q:p:t:u:e:a:z[:]:{:}:" \
			 "m:i:f:o:n::g::c:b:C::Sj::w:l:<:>::(:):"

/* conntrack-tools' version, as its messages print it. */
#define XTN_CT_COMPAT_VERSION "1.4.7"

#endif
