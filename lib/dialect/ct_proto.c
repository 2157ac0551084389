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

/* tcp, sctp, dccp: ports and --state; udp, udplite: ports only */
static const struct xtn_optdef port_state_opts[] = {
	OPT("orig-port-src", 0), OPT("sport", 0),
	OPT("orig-port-dst", 1), OPT("dport", 1),
	OPT("reply-port-src", 2), OPT("reply-port-dst", 3),
	OPT("mask-port-src", 4), OPT("mask-port-dst", 5),
	OPT("state", 6),
	OPT("tuple-port-src", 7), OPT("tuple-port-dst", 8),
	{ .name = NULL },
};

static const enum xtn_ct_l4 tcp_vals[] = {
	XTN_CTL4_ORIG_SPORT, XTN_CTL4_ORIG_DPORT, XTN_CTL4_REPL_SPORT,
	XTN_CTL4_REPL_DPORT, XTN_CTL4_MASK_SPORT, XTN_CTL4_MASK_DPORT,
	XTN_CTL4_STATE, XTN_CTL4_EXP_SPORT, XTN_CTL4_EXP_DPORT,
};

static const char *const tcp_flags[] = {
	"sport", "dport", "reply-port-src", "reply-port-dst", "mask-port-src",
	"mask-port-dst", "state", "tuple-port-src", "tuple-port-dst",
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

static const char tcp_help[] =
	"  --orig-port-src\t\toriginal source port\n"
	"  --orig-port-dst\t\toriginal destination port\n"
	"  --reply-port-src\t\treply source port\n"
	"  --reply-port-dst\t\treply destination port\n"
	"  --mask-port-src\t\tmask source port\n"
	"  --mask-port-dst\t\tmask destination port\n"
	"  --tuple-port-src\t\texpectation tuple src port\n"
	"  --tuple-port-src\t\texpectation tuple dst port\n";

static const char tcp_help_state[] =
	"  --state\t\t\tTCP state, fe. ESTABLISHED\n";

static const struct xtn_optdef udp_opts[] = {
	OPT("orig-port-src", 0), OPT("sport", 0),
	OPT("orig-port-dst", 1), OPT("dport", 1),
	OPT("reply-port-src", 2), OPT("reply-port-dst", 3),
	OPT("mask-port-src", 4), OPT("mask-port-dst", 5),
	OPT("tuple-port-src", 6), OPT("tuple-port-dst", 7),
	{ .name = NULL },
};

static const enum xtn_ct_l4 udp_vals[] = {
	XTN_CTL4_ORIG_SPORT, XTN_CTL4_ORIG_DPORT, XTN_CTL4_REPL_SPORT,
	XTN_CTL4_REPL_DPORT, XTN_CTL4_MASK_SPORT, XTN_CTL4_MASK_DPORT,
	XTN_CTL4_EXP_SPORT, XTN_CTL4_EXP_DPORT,
};

static const char *const udp_flags[] = {
	"sport", "dport", "reply-port-src", "reply-port-dst", "mask-port-src",
	"mask-port-dst", "tuple-port-src", "tuple-port-dst",
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

#define PORT_PAIRS { "you have to specify `--sport' and `--dport'", \
		     "you have to specify `--reply-src-port' and `--reply-dst-port'" }

static const struct xtn_ct_proto protos[] = {
	{
		.name = "tcp", .protonum = 6, .opts = port_state_opts,
		.optval = tcp_vals, .optflags = tcp_flags, .nopts = 9,
		.legal = tcp_legal, .states = tcp_states,
		.nstates = XTN_ARRAY_SIZE(tcp_states), .state_name = "TCP",
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
