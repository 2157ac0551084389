/*
 * conntrack-tools 1.4.7's layer 4 protocol handlers as data: their long
 * options (merged after -p), what each sets, their command x option
 * legality rows and their -h text.  Rows left out are all 0 (illegal),
 * as in conntrack-tools, whose tables stop at EXP_EVENT.
 */
#include <string.h>
#include <strings.h>
#include <xtnft/ct.h>
#include <xtnft/ext.h>
#include <xtnft/util.h>

#define OPT(n, i) { .name = (n), .id = (i), .has_arg = XTN_REQ_ARG }

/* The port options tcp, udp, sctp and dccp share (ids 0 to 5), the
 * values they set and the names 1.4.7 gives them in its messages; each
 * protocol's table goes on with its own. */
#define PORT_OPTS \
	OPT("orig-port-src", 0), OPT("sport", 0), \
	OPT("orig-port-dst", 1), OPT("dport", 1), \
	OPT("reply-port-src", 2), OPT("reply-port-dst", 3), \
	OPT("mask-port-src", 4), OPT("mask-port-dst", 5)
#define PORT_VALS \
	XTN_CTL4_ORIG_SPORT, XTN_CTL4_ORIG_DPORT, XTN_CTL4_REPL_SPORT, \
	XTN_CTL4_REPL_DPORT, XTN_CTL4_MASK_SPORT, XTN_CTL4_MASK_DPORT
#define PORT_FLAGS \
	"sport", "dport", "reply-port-src", "reply-port-dst", \
	"mask-port-src", "mask-port-dst"

/* tcp, sctp, dccp: ports and --state; udp, udplite: ports only */
static const struct xtn_optdef port_state_opts[] = {
	PORT_OPTS,
	OPT("state", 6),
	OPT("tuple-port-src", 7), OPT("tuple-port-dst", 8),
	{ .name = NULL },
};

static const enum xtn_ct_l4 tcp_vals[] = {
	PORT_VALS,
	XTN_CTL4_STATE, XTN_CTL4_EXP_SPORT, XTN_CTL4_EXP_DPORT,
};

static const char *const tcp_flags[] = {
	PORT_FLAGS, "state", "tuple-port-src", "tuple-port-dst",
};

static const char tcp_legal[XTN_CT_NCMDS][12] = {
	/*               1 2 3 4 5 6 7 8 9 */
	[0]  /* LIST */ {2,2,2,2,0,0,2,0,0},
	[1]  /* CREATE*/{3,3,3,3,0,0,1,0,0},
	[2]  /* UPDATE*/{2,2,2,2,0,0,2,0,0},
	[3]  /* DELETE*/{2,2,2,2,0,0,2,0,0},
	[4]  /* GET */  {3,3,3,3,0,0,2,0,0},
	[6]  /* EVENT */{2,2,2,2,0,0,2,0,0},
	[10] /* EXP_CREATE */ {1,1,0,0,1,1,0,1,1},
	[11] /* EXP_DELETE */ {1,1,1,1,0,0,0,0,0},
	[12] /* EXP_GET */    {1,1,1,1,0,0,0,0,0},
	[19] /* ADD */  {3,3,3,3,0,0,1,0,0},
};

/* index = the kernel's TCP_CONNTRACK_* value */
static const char *const tcp_states[] = {
	"NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT",
	"CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2",
};

/* The port options' help lines tcp, sctp and dccp share (1.4.7's
 * "--tuple-port-src" twice included). */
#define PORT_HELP \
	"  --orig-port-src\t\toriginal source port\n" \
	"  --orig-port-dst\t\toriginal destination port\n" \
	"  --reply-port-src\t\treply source port\n" \
	"  --reply-port-dst\t\treply destination port\n" \
	"  --mask-port-src\t\tmask source port\n" \
	"  --mask-port-dst\t\tmask destination port\n" \
	"  --tuple-port-src\t\texpectation tuple src port\n" \
	"  --tuple-port-src\t\texpectation tuple dst port\n"

static const char tcp_help[] =
	PORT_HELP;

static const char tcp_help_state[] =
	"  --state\t\t\tTCP state, fe. ESTABLISHED\n";

static const struct xtn_optdef udp_opts[] = {
	PORT_OPTS,
	OPT("tuple-port-src", 6), OPT("tuple-port-dst", 7),
	{ .name = NULL },
};

static const enum xtn_ct_l4 udp_vals[] = {
	PORT_VALS,
	XTN_CTL4_EXP_SPORT, XTN_CTL4_EXP_DPORT,
};

static const char *const udp_flags[] = {
	PORT_FLAGS, "tuple-port-src", "tuple-port-dst",
};

static const char udp_legal[XTN_CT_NCMDS][12] = {
	[0]  {2,2,2,2,0,0,0,0},
	[1]  {3,3,3,3,0,0,0,0},
	[2]  {2,2,2,2,0,0,0,0},
	[3]  {2,2,2,2,0,0,0,0},
	[4]  {3,3,3,3,0,0,0,0},
	[6]  {2,2,2,2,0,0,0,0},
	[10] {1,1,0,0,1,1,1,1},
	[11] {1,1,1,1,0,0,0,0},
	[12] {1,1,1,1,0,0,0,0},
	[19] {3,3,3,3,0,0,0,0},
};

static const struct xtn_optdef icmp_opts[] = {
	OPT("icmp-type", 0), OPT("icmp-code", 1), OPT("icmp-id", 2),
	{ .name = NULL },
};

static const struct xtn_optdef icmpv6_opts[] = {
	OPT("icmpv6-type", 0), OPT("icmpv6-code", 1), OPT("icmpv6-id", 2),
	{ .name = NULL },
};

static const enum xtn_ct_l4 icmp_vals[] = {
	XTN_CTL4_ICMP_TYPE, XTN_CTL4_ICMP_CODE, XTN_CTL4_ICMP_ID,
};

static const char *const icmp_flags[] = {
	"icmp-type", "icmp-code", "icmp-id",
};

static const char *const icmpv6_flags[] = {
	"icmpv6-type", "icmpv6-code", "icmpv6-id",
};

static const char icmp_legal[XTN_CT_NCMDS][12] = {
	[0] {2,2,2}, [1] {1,1,2}, [2] {2,2,2}, [3] {2,2,2},
	[4] {1,1,2}, [6] {2,2,2}, [19] {1,1,2},
};

static const char icmp_help[] =
	"  --icmp-type\t\t\ticmp type\n"
	"  --icmp-code\t\t\ticmp code\n"
	"  --icmp-id\t\t\ticmp id\n";

static const char icmpv6_help[] =
	"  --icmpv6-type\t\t\ticmpv6 type\n"
	"  --icmpv6-code\t\t\ticmpv6 code\n"
	"  --icmpv6-id\t\t\ticmpv6 id\n";

/* sctp: tcp's options and two verification tags */
static const struct xtn_optdef sctp_opts[] = {
	PORT_OPTS,
	OPT("state", 6),
	OPT("tuple-port-src", 7), OPT("tuple-port-dst", 8),
	OPT("orig-vtag", 9), OPT("reply-vtag", 10),
	{ .name = NULL },
};

static const enum xtn_ct_l4 sctp_vals[] = {
	PORT_VALS,
	XTN_CTL4_STATE, XTN_CTL4_EXP_SPORT, XTN_CTL4_EXP_DPORT,
	XTN_CTL4_ORIG_VTAG, XTN_CTL4_REPL_VTAG,
};

static const char *const sctp_flags[] = {
	PORT_FLAGS, "state", "tuple-port-src", "tuple-port-dst",
	"orig-vtag", "reply-vtag",
};

static const char sctp_legal[XTN_CT_NCMDS][12] = {
	[0]  {2,2,2,2,0,0,2,0,0,0,0},
	[1]  {3,3,3,3,0,0,1,0,0,1,1},
	[2]  {2,2,2,2,0,0,2,0,0,2,2},
	[3]  {2,2,2,2,0,0,2,0,0,0,0},
	[4]  {3,3,3,3,0,0,2,0,0,2,2},
	[6]  {2,2,2,2,0,0,2,0,0,0,0},
	[10] {1,1,0,0,1,1,0,1,1,1,1},
	[11] {1,1,1,1,0,0,0,0,0,0,0},
	[12] {1,1,1,1,0,0,0,0,0,0,0},
	[19] {3,3,3,3,0,0,1,0,0,1,1},
};

/* index = the kernel's SCTP_CONNTRACK_* value */
static const char *const sctp_states[] = {
	"NONE", "CLOSED", "COOKIE_WAIT", "COOKIE_ECHOED", "ESTABLISHED",
	"SHUTDOWN_SENT", "SHUTDOWN_RECD", "SHUTDOWN_ACK_SENT",
};

static const char sctp_help[] =
	PORT_HELP
	"  --state\t\t\tSCTP state, fe. ESTABLISHED\n"
	"  --orig-vtag\t\toriginal verification tag\n"
	"  --reply-vtag\t\treply verification tag\n";

/* dccp: tcp's options and --role (which its help leaves out) */
static const struct xtn_optdef dccp_opts[] = {
	PORT_OPTS,
	OPT("state", 6),
	OPT("tuple-port-src", 7), OPT("tuple-port-dst", 8),
	OPT("role", 9),
	{ .name = NULL },
};

static const enum xtn_ct_l4 dccp_vals[] = {
	PORT_VALS,
	XTN_CTL4_STATE, XTN_CTL4_EXP_SPORT, XTN_CTL4_EXP_DPORT,
	XTN_CTL4_ROLE,
};

static const char *const dccp_flags[] = {
	PORT_FLAGS, "state", "tuple-port-src", "tuple-port-dst", "role",
};

static const char dccp_legal[XTN_CT_NCMDS][12] = {
	[0]  {2,2,2,2,0,0,2,0,0,0},
	[1]  {3,3,3,3,0,0,1,0,0,1},
	[2]  {2,2,2,2,0,0,2,0,0,0},
	[3]  {2,2,2,2,0,0,2,0,0,0},
	[4]  {3,3,3,3,0,0,2,0,0,0},
	[6]  {2,2,2,2,0,0,2,0,0,0},
	[10] {1,1,0,0,1,1,0,1,1,1},
	[11] {1,1,1,1,0,0,0,0,0,0},
	[12] {1,1,1,1,0,0,0,0,0,0},
	[19] {3,3,3,3,0,0,1,0,0,1},
};

/* index = the kernel's DCCP_CONNTRACK_* value */
static const char *const dccp_states[] = {
	"NONE", "REQUEST", "RESPOND", "PARTOPEN", "OPEN", "CLOSEREQ",
	"CLOSING", "TIMEWAIT", "IGNORE", "INVALID",
};

static const char dccp_help[] =
	PORT_HELP
	"  --state\t\t\tDCCP state, fe. RESPOND\n";

/* gre: keys in the port slots of the tuple */
static const struct xtn_optdef gre_opts[] = {
	OPT("orig-key-src", 0), OPT("srckey", 0),
	OPT("orig-key-dst", 1), OPT("dstkey", 1),
	OPT("reply-key-src", 2), OPT("reply-key-dst", 3),
	OPT("mask-key-src", 4), OPT("mask-key-dst", 5),
	OPT("tuple-key-src", 6), OPT("tuple-key-dst", 7),
	{ .name = NULL },
};

static const char *const gre_flags[] = {
	"srckey", "dstkey", "reply-key-src", "reply-key-dst", "mask-key-src",
	"mask-key-dst", "tuple-key-src", "tuple-key-dst",
};

static const char gre_legal[XTN_CT_NCMDS][12] = {
	[0]  {2,2,2,2,0,0,0,0},
	[1]  {3,3,3,3,0,0,0,0},
	[2]  {2,2,2,2,0,0,0,0},
	[3]  {2,2,2,2,0,0,0,0},
	[4]  {3,3,3,3,0,0,0,0},
	[6]  {2,2,2,2,0,0,0,0},
	[10] {1,1,1,1,1,1,1,1},
	[11] {1,1,1,1,0,0,0,0},
	[12] {1,1,1,1,0,0,0,0},
	[19] {3,3,3,3,0,0,0,0},
};

static const char gre_help[] =
	"  --orig-key-src\t\toriginal source key\n"
	"  --orig-key-dst\t\toriginal destination key\n"
	"  --reply-key-src\t\treply source key\n"
	"  --reply-key-dst\t\treply destination key\n"
	"  --mask-key-src\t\tmask source key\n"
	"  --mask-key-dst\t\tmask destination key\n"
	"  --tuple-key-src\t\texpectation tuple src key\n"
	"  --tuple-key-src\t\texpectation tuple dst key\n";

#define PORT_PAIRS { "you have to specify `--sport' and `--dport'", \
		     "you have to specify `--reply-src-port' and `--reply-dst-port'" }

static const struct xtn_ct_proto protos[] = {
	{
		.name = "tcp", .protonum = 6, .opts = port_state_opts,
		.optval = tcp_vals, .optflags = tcp_flags, .nopts = 9,
		.legal = tcp_legal, .states = tcp_states,
		.nstates = XTN_ARRAY_SIZE(tcp_states),
		.state_msg = "unknown TCP state",
		.help = tcp_help, .pair_msg = PORT_PAIRS,
	},
	{
		.name = "udp", .protonum = 17, .opts = udp_opts,
		.optval = udp_vals, .optflags = udp_flags, .nopts = 8,
		.legal = udp_legal, .help = tcp_help, .pair_msg = PORT_PAIRS,
	},
	{
		.name = "udplite", .protonum = 136, .opts = udp_opts,
		.optval = udp_vals, .optflags = udp_flags, .nopts = 8,
		.legal = udp_legal, .help = tcp_help, .pair_msg = PORT_PAIRS,
	},
	{
		.name = "icmp", .protonum = 1, .opts = icmp_opts,
		.optval = icmp_vals, .optflags = icmp_flags, .nopts = 3,
		.legal = icmp_legal, .help = icmp_help,
	},
	{
		.name = "icmpv6", .protonum = 58, .opts = icmpv6_opts,
		.optval = icmp_vals, .optflags = icmpv6_flags, .nopts = 3,
		.legal = icmp_legal, .help = icmpv6_help,
	},
	{
		.name = "sctp", .protonum = 132, .opts = sctp_opts,
		.optval = sctp_vals, .optflags = sctp_flags, .nopts = 11,
		.legal = sctp_legal, .states = sctp_states,
		.nstates = XTN_ARRAY_SIZE(sctp_states),
		.state_msg = "unknown SCTP state",
		.help = sctp_help, .pair_msg = PORT_PAIRS,
	},
	{
		.name = "dccp", .protonum = 33, .opts = dccp_opts,
		.optval = dccp_vals, .optflags = dccp_flags, .nopts = 10,
		.legal = dccp_legal, .states = dccp_states,
		.nstates = XTN_ARRAY_SIZE(dccp_states),
		.state_msg = "Unknown DCCP state",
		.help = dccp_help,
		.pair_msg = { "you have to specify `--sport' and `--dport'",
			      "you have to specify `--reply-port-src' and `--report-port-dst'" },
	},
	{
		.name = "gre", .protonum = 47, .opts = gre_opts,
		.optval = udp_vals, .optflags = gre_flags, .nopts = 8,
		.legal = gre_legal, .help = gre_help, .keys = true,
		.pair_msg = { "you have to specify `--srckey' and `--dstkey'",
			      "you have to specify `--reply-src-key' and `--reply-dst-key'" },
	},
};

const struct xtn_ct_proto xtn_ct_proto_unknown = {
	.name = "unknown", .help = "  no options (unsupported)\n",
};

const struct xtn_ct_proto *xtn_ct_proto_find(const char *name)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(protos); i++)
		if (strcasecmp(protos[i].name, name) == 0)
			return &protos[i];
	return NULL;
}

const struct xtn_ct_proto *xtn_ct_proto_by_num(int protonum)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(protos); i++)
		if (protos[i].protonum == protonum)
			return &protos[i];
	return NULL;
}

/* tcp's help has the --state line after the port lines */
const char *xtn_ct_proto_help_tail(const struct xtn_ct_proto *p)
{
	return p->states == tcp_states ? tcp_help_state : "";
}
