# Shared setup for the system tests.  Every test talks to the kernel only
# inside a network namespace it creates (unshare -n), never the host's.
#
# XTNFT is the binary under test (the build's src/xtnft unless set); the
# Debian iptables/nftables packages are oracles, always called by full path.

load /usr/lib/bats/bats-support/load
load /usr/lib/bats/bats-assert/load

: "${XTNFT:=$BATS_TEST_DIRNAME/../../src/xtnft}"
XTNFT=$(readlink -f "$XTNFT")
export XTNFT
ORACLE=/usr/sbin/iptables-nft
ORACLE6=/usr/sbin/ip6tables-nft
NFT=/usr/sbin/nft
export ORACLE ORACLE6 NFT
TESTS_DIR=$(readlink -f "$BATS_TEST_DIRNAME/..")

require_root() {
	[ "$(id -u)" = 0 ] || skip "needs root (network namespaces)"
	unshare -n true 2>/dev/null || skip "cannot create a network namespace"
}

require_oracle() {
	[ -x "$ORACLE" ] || skip "Debian's iptables-nft (the oracle) is not installed"
	[ -x "$NFT" ] || skip "nft is not installed"
}

# Run a shell snippet in a fresh network namespace; the tools are reachable
# as $IPT, $IP6T, $IPTSAVE, $IPTRESTORE (xtnft) and $O_IPT (oracle).
# Inside, `snapshot` records the (non-empty) ruleset and `unchanged` prints
# "unchanged" when it is still the same.
in_netns() {
	unshare -n env IPT="$XTNFT iptables" IP6T="$XTNFT ip6tables" \
		IPTSAVE="$XTNFT iptables-save" IPTRESTORE="$XTNFT iptables-restore" \
		IP6TSAVE="$XTNFT ip6tables-save" IP6TRESTORE="$XTNFT ip6tables-restore" \
		O_IPT="$ORACLE" NFT="$NFT" bash -c '
		snapshot() {
			before=$($NFT list ruleset) && [ -n "$before" ] ||
				{ echo "snapshot: no ruleset to compare" >&2; exit 99; }
		}
		unchanged() { [ "$before" = "$($NFT list ruleset)" ] && echo unchanged; }
		'"$1"
}

# Two namespaces $ns_a and $ns_b (names from TAG, unique per test) joined
# by the veth pair va-vb: 192.0.2.1/24 and 192.0.2.2/24, 2001:db8::1/64
# and ::2/64, links up.  For the traffic tests; two_ns_teardown removes
# them.
two_ns_setup() {
	require_root
	command -v ip >/dev/null || skip "iproute2 is not installed"
	command -v ping >/dev/null || skip "ping (iputils-ping) is not installed"
	ns_a=xtnft-$1a-$$-$BATS_TEST_NUMBER
	ns_b=xtnft-$1b-$$-$BATS_TEST_NUMBER
	ip netns add "$ns_a"
	ip netns add "$ns_b"
	ip link add va netns "$ns_a" type veth peer name vb netns "$ns_b"
	ip -n "$ns_a" addr add 192.0.2.1/24 dev va
	ip -n "$ns_b" addr add 192.0.2.2/24 dev vb
	ip -n "$ns_a" addr add 2001:db8::1/64 dev va nodad
	ip -n "$ns_b" addr add 2001:db8::2/64 dev vb nodad
	ip -n "$ns_a" link set va up
	ip -n "$ns_b" link set vb up
	ip -n "$ns_a" link set lo up
	ip -n "$ns_b" link set lo up
}

# Kill and reap the background processes a test started: the pids given
# (the tests keep them in an array).
kill_bg() {
	local p
	for p in "$@"; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
}

two_ns_teardown() {
	ip netns del "$ns_a" 2>/dev/null || true
	ip netns del "$ns_b" 2>/dev/null || true
}
