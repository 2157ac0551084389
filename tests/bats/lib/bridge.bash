# Shared setup for the bridge and ARP traffic tests (load after
# lib/common).  bridge_setup builds a small switched LAN out of network
# namespaces the test creates, and bridge_teardown removes them:
#
#   h1 (e0) ---- p1 \
#   h2 (e0) ---- p2 - br0, in the "switch" namespace $ns_sw
#   h3 (e0) ---- p3 /
#
# Host N has the fixed MAC $MAC_HN (02:00:00:00:00:0N), 192.0.2.N/24 and
# 2001:db8::N/64.  br0 has no address: it only switches, so every frame
# between two hosts crosses the switch's bridge FORWARD hook.

MAC_H1=02:00:00:00:00:01
MAC_H2=02:00:00:00:00:02
MAC_H3=02:00:00:00:00:03
IP_H1=192.0.2.1
IP_H2=192.0.2.2
IP_H3=192.0.2.3
IP6_H1=2001:db8::1
IP6_H2=2001:db8::2
IP6_H3=2001:db8::3
# a locally administered MAC no interface has
MAC_NOBODY=02:00:00:00:00:99
O_EBT=/usr/sbin/ebtables-nft
O_ARPT=/usr/sbin/arptables-nft

# Skip the test when the kernel cannot do WHAT: the probe (the rest of the
# arguments) runs in a scratch network namespace.
require_kernel() {
	local what=$1

	shift
	unshare -n "$@" >/dev/null 2>&1 || skip "the kernel lacks $what"
}

# Skip unless the kernel takes the ebtables rule ARGS (e.g. a compat match
# or target it was built without).  The probe asks the oracle, so that a
# bug of the tool under test fails the test instead of skipping it; with
# no oracle installed there is no probe and the test runs.
require_eb_kernel() {
	local what=$1

	shift
	[ -x "$O_EBT" ] || return 0
	require_kernel "$what" "$O_EBT" "$@"
}

require_arp_kernel() {
	local what=$1

	shift
	[ -x "$O_ARPT" ] || return 0
	require_kernel "$what" "$O_ARPT" "$@"
}

bridge_setup() {
	local i

	bg_pids=()
	require_root
	command -v ip >/dev/null || skip "iproute2 is not installed"
	command -v ping >/dev/null || skip "ping (iputils-ping) is not installed"
	require_kernel "Linux bridge support (CONFIG_BRIDGE)" \
		ip link add br0 type bridge
	require_kernel "the nf_tables bridge family (CONFIG_NF_TABLES_BRIDGE)" \
		"$NFT" add table bridge probe
	ns_base=xtnft-$1-$$-$BATS_TEST_NUMBER
	ns_sw=$ns_base-sw
	ip netns add "$ns_sw"
	ip -n "$ns_sw" link add br0 type bridge mcast_snooping 0
	for i in 1 2 3; do
		ip netns add "$(hns "$i")"
		ip link add e0 netns "$(hns "$i")" address "$(hmac "$i")" \
			type veth peer name "p$i" netns "$ns_sw"
		ip -n "$ns_sw" link set "p$i" master br0 up
		ip -n "$(hns "$i")" addr add "192.0.2.$i/24" dev e0
		ip -n "$(hns "$i")" addr add "2001:db8::$i/64" dev e0 nodad
		ip -n "$(hns "$i")" link set e0 up
		ip -n "$(hns "$i")" link set lo up
	done
	ip -n "$ns_sw" link set br0 up
}

bridge_teardown() {
	local pid i

	for pid in "${bg_pids[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	for i in 1 2 3; do
		ip netns del "$(hns "$i")" 2>/dev/null || true
	done
	ip netns del "$ns_sw" 2>/dev/null || true
}

# the namespace and MAC of host N
hns() { echo "$ns_base-h$1"; }
hmac() { echo "02:00:00:00:00:0$1"; }

in_sw() { ip netns exec "$ns_sw" "$@"; }
in_h() { local n=$1; shift; ip netns exec "$(hns "$n")" "$@"; }
# ebtables in the switch, arptables on host N (the tool under test)
ebt() { in_sw "$XTNFT" ebtables "$@"; }
arpt() { local n=$1; shift; in_h "$n" "$XTNFT" arptables "$@"; }

# One echo request from host N to ADDR, one second for the answer (the
# caller adds -6 for IPv6).  Frames cross a veth pair twice: an answer
# that is not there after a second is not coming.
ping_from() {
	local n=$1

	shift
	in_h "$n" ping -c 1 -W 1 "$@" >/dev/null 2>&1
}

# The neighbour entry host N holds for ADDR: "LLADDR STATE", or just the
# state (FAILED, INCOMPLETE) when there is no address, or nothing.
neigh_of() {
	in_h "$1" ip neigh show "$2" dev e0 |
		awk '{ for (i = 1; i < NF; i++) if ($i == "lladdr") mac = $(i + 1)
		       print (mac ? mac " " : "") $NF }'
}

# tests/pkt-listen.c, built once per file (call from setup_file); tests
# that need it call require_pkt_listen.
build_pkt_listen() {
	export PKT_LISTEN=$BATS_FILE_TMPDIR/pkt-listen
	if command -v "${CC:-cc}" >/dev/null; then
		"${CC:-cc}" -O2 -o "$PKT_LISTEN" "$TESTS_DIR/pkt-listen.c" ||
			rm -f "$PKT_LISTEN"
	fi
}

require_pkt_listen() {
	[ -x "${PKT_LISTEN:-}" ] ||
		skip "no C compiler to build tests/pkt-listen.c"
}

# Start pkt-listen on host N's e0 in the background, its output in FILE;
# returns once it is bound.  ARGS: [-t TYPE] SECONDS [COUNT].
listen_on() {
	local n=$1 out=$2 i

	shift 2
	local args=("$@") iface_at=0
	[ "${args[0]}" = -t ] && iface_at=2
	args=("${args[@]:0:iface_at}" e0 "${args[@]:iface_at}")
	in_h "$n" "$PKT_LISTEN" "${args[@]}" >"$out" 2>&1 3>&- &
	bg_pids+=($!)
	for i in $(seq 50); do
		grep -q '^ready$' "$out" && return 0
		sleep 0.1
	done
	echo "pkt-listen on h$n did not start: $(cat "$out")" >&2
	return 1
}

# Wait for the last listener started: its exit status in $listen_rc.
# (Not under `run`: a subshell cannot wait for the test's own child.)
listen_wait() {
	local pid=${bg_pids[-1]}

	listen_rc=0
	wait "$pid" || listen_rc=$?
	unset 'bg_pids[-1]'
}

# the frames a listener printed in FILE (without its "ready" line)
frames() {
	grep -v '^ready$' "$1" || true
}

# Send COUNT frames of TYPE from host N to DST, tagged VID (0: untagged).
send_from() {	# N DST TYPE VID COUNT
	in_h "$1" "$PKT_LISTEN" --send e0 "$2" "$(hmac "$1")" "$3" "$4" "$5"
}
