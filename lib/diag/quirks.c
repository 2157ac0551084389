/*
 * The oracle's odd behaviours that xtnft reproduces on purpose.  Each row
 * is a runnable differential case (tests/diff syntax: $IPT, $IPTSAVE, ...,
 * `run` records a command's output and status) and a one-line reason;
 * `xtnft-gen quirks` turns the table into a corpus that the bats suite
 * diffs against iptables-nft 1.8.9, so every quirk here stays tested.
 */
#include <stddef.h>
#include <xtnft/diag.h>
#include <xtnft/util.h>

static const struct xtn_quirk quirks[] = {
	{ "argv-last-word",
	  "run $IPT -A INPUT -s1.1.1.1; run $IPT -A INPUT --jump=ACCEPT",
	  "-p -s -d -j -i -o read argv[optind-1], the whole word, not optarg" },
	{ "ambiguous-is-unknown",
	  "run $IPT -A INPUT -p tcp --d 22",
	  "an ambiguous prefix is reported as an unknown option" },
	{ "options-need-their-match",
	  "run $IPT -A INPUT --dport 22",
	  "match options exist only once -p or -m loaded the match" },
	{ "missing-chain-is-incompatible",
	  "run $IPT -L NOCHAIN; run $IPT -S NOCHAIN",
	  "listing an absent user chain says the chain is incompatible" },
	{ "policy-ignores-counters",
	  "run $IPT -P INPUT ACCEPT -c 5 10; run $IPT -S -v",
	  "-c is accepted with -P but not applied on the command line" },
	{ "zero-rule-out-of-range",
	  "run $IPT -A INPUT -j ACCEPT; run $IPT -Z INPUT 3",
	  "-Z CHAIN N quietly succeeds when rule N does not exist" },
	{ "list-zero-absent-table",
	  "run $IPT -t nat -L -Z -v",
	  "-L -Z zeroes the fake built-ins too, which fails on an absent table" },
	{ "icmp-numeric-no-space",
	  "run $IPT -A INPUT -p icmp --icmp-type 8; run $IPT -L -n",
	  "libxt_icmp prints \"icmptype 8\" without a space" },
	{ "numeric-protocol-numbers",
	  "run $IPT -A INPUT -p tcp; run $IPT -L -n; run $IPT -v -A INPUT -p udp",
	  "-L -n prints protocol numbers (names again in the -v echo)" },
	{ "restore-jump-at-commit",
	  "printf '*filter\\n-A INPUT -j NOCHAIN\\nCOMMIT\\n' | run $IPTRESTORE",
	  "restore checks jump targets at COMMIT and reports that line" },
	{ "delete-missing-chain-bad-rule",
	  "run $IPT -D NOCHAIN -j ACCEPT; run $IPT -C NOCHAIN -j ACCEPT",
	  "-D/-C on an absent chain say \"Bad rule\", not \"No chain\"" },
	{ "delete-all-removes-builtins",
	  "run $IPT -P FORWARD DROP; run $IPT -A INPUT -j ACCEPT; run $IPT -X; run $IPT -S",
	  "-X without a chain also deletes empty ACCEPT built-in chains" },
	{ "rename-onto-existing",
	  "run $IPT -N A; run $IPT -N B; run $IPT -E A B",
	  "-E onto an existing name reports strerror(EEXIST)" },
	{ "tcp-flags-two-spaces",
	  "run $IPT -A INPUT -p tcp --syn --syn",
	  "libxt_tcp's message has two spaces before \"allowed\"" },
	{ "save-has-no-help",
	  "run $IPTSAVE -h",
	  "iptables-save 1.8.9 has no -h and no --help" },
	{ "restore-rejects-family-flags",
	  "run $IPTRESTORE -4 </dev/null",
	  "-4/-6 are long-only in iptables-restore's option table" },
	{ "restore-unterminated-quote",
	  "printf '*filter\\n-A INPUT -p tcp --dport \"22\\nCOMMIT\\n' | run $IPTRESTORE; run $IPT -S",
	  "an unterminated quote keeps the newline in the word (and the message shows it)" },
	{ "wait-interval-needs-wait",
	  "run $IPT -L -W 100; run $IPT -L -w -W 100",
	  "-W warns it is ignored, and without -w it is an error" },
	{ "save-incompatible-exit-0",
	  "run $IPT -A INPUT; $NFT add rule ip filter INPUT ct state new; run $IPTSAVE",
	  "iptables-save of an incompatible table prints a note and exits 0" },
};

const struct xtn_quirk *xtn_quirks(size_t *n)
{
	*n = XTN_ARRAY_SIZE(quirks);
	return quirks;
}
