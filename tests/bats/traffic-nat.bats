#!/usr/bin/env bats
# NAT rules written by xtnft rewrite real connections: three namespaces,
# client - router - server, joined by veth pairs the test creates (and
# removes).  The router forwards (sysctl inside its namespace only); the
# server's nc reports the peer address it sees.

load lib/common

setup() {
	require_root
	command -v ip >/dev/null || skip "iproute2 is not installed"
	command -v nc >/dev/null || skip "nc is not installed"
	cl=xtnft-nc-$$-$BATS_TEST_NUMBER
	rt=xtnft-nr-$$-$BATS_TEST_NUMBER
	sv=xtnft-ns-$$-$BATS_TEST_NUMBER
	ip netns add "$cl"
	ip netns add "$rt"
	ip netns add "$sv"
	ip link add c0 netns "$cl" type veth peer name r0 netns "$rt"
	ip link add s0 netns "$sv" type veth peer name r1 netns "$rt"
	addr "$cl" c0 10.0.1.2/24 fd00:1::2/64
	addr "$rt" r0 10.0.1.1/24 fd00:1::1/64
	addr "$rt" r1 10.0.2.1/24 fd00:2::1/64
	addr "$sv" s0 10.0.2.2/24 fd00:2::2/64
	ip -n "$cl" route add default via 10.0.1.1
	ip -n "$cl" -6 route add default via fd00:1::1
	ip netns exec "$rt" sysctl -qw net.ipv4.ip_forward=1
	ip netns exec "$rt" sysctl -qw net.ipv6.conf.all.forwarding=1
	out=$BATS_TEST_TMPDIR/server.out
}

teardown() {
	[ -n "${srv_pid:-}" ] && kill "$srv_pid" 2>/dev/null
	ip netns del "$cl" 2>/dev/null || true
	ip netns del "$rt" 2>/dev/null || true
	ip netns del "$sv" 2>/dev/null || true
}

addr() {	# ns dev v4 v6
	ip -n "$1" addr add "$3" dev "$2"
	ip -n "$1" addr add "$4" dev "$2" nodad
	ip -n "$1" link set "$2" up
	ip -n "$1" link set lo up
}

# The server (or the router, for REDIRECT) returns the peer of the first
# connection: ns port [nc options]
listen() {
	local ns=$1 port=$2
	shift 2
	ip netns exec "$ns" timeout 10 nc -v -n -l "$@" -p "$port" >"$out" 2>&1 &
	srv_pid=$!
	for _ in $(seq 50); do
		ip netns exec "$ns" ss -ltn | grep -q ":$port " && return 0
		sleep 0.1
	done
	return 1
}

# The client connects, says hello and waits for the listener to end.
connect() {	# addr port [nc options]
	local host=$1 port=$2
	shift 2
	echo "hello from the client" |
		ip netns exec "$cl" timeout 5 nc -n -q 1 "$@" "$host" "$port"
	wait "$srv_pid"
	srv_pid=
}

# "Connection received on ADDR PORT" from the listener's nc -v
peer() {
	sed -n 's/^Connection received on \([^ ]*\) .*/\1/p' "$out"
}

rt_ipt() { ip netns exec "$rt" "$XTNFT" iptables "$@"; }
rt_ip6t() { ip netns exec "$rt" "$XTNFT" ip6tables "$@"; }

@test "DNAT forwards a port of the router to the server" {
	ip -n "$sv" route add default via 10.0.2.1
	rt_ipt -t nat -A PREROUTING -i r0 -p tcp --dport 8080 \
		-j DNAT --to-destination 10.0.2.2:80
	listen "$sv" 80
	connect 10.0.1.1 8080
	grep -q "hello from the client" "$out"
	# routed back through the router: the server sees the client itself
	[ "$(peer)" = 10.0.1.2 ]
	run rt_ipt -t nat -L PREROUTING -n -v -x
	assert_output --regexp "1 +60 DNAT +6 +-- +r0 .* tcp dpt:8080 to:10.0.2.2:80"
}

@test "MASQUERADE: the server sees the router's address" {
	# no route back to the client's network: only NAT can answer
	rt_ipt -t nat -A POSTROUTING -o r1 -j MASQUERADE
	listen "$sv" 80
	connect 10.0.2.2 80
	grep -q "hello from the client" "$out"
	[ "$(peer)" = 10.0.2.1 ]
}

@test "SNAT to a port range: the server sees the given address and port" {
	ip -n "$rt" addr add 10.0.2.9/24 dev r1
	rt_ipt -t nat -A POSTROUTING -o r1 -p tcp \
		-j SNAT --to-source 10.0.2.9:40000-40009
	listen "$sv" 80
	connect 10.0.2.2 80
	grep -q "hello from the client" "$out"
	[ "$(peer)" = 10.0.2.9 ]
	port=$(sed -n 's/^Connection received on [^ ]* \([0-9]*\).*/\1/p' "$out")
	[ "$port" -ge 40000 ] && [ "$port" -le 40009 ]
}

@test "REDIRECT sends a connection to a local port of the router" {
	rt_ipt -t nat -A PREROUTING -i r0 -p tcp --dport 80 \
		-j REDIRECT --to-ports 8081
	listen "$rt" 8081
	connect 10.0.2.2 80
	grep -q "hello from the client" "$out"
	[ "$(peer)" = 10.0.1.2 ]
}

@test "ip6tables MASQUERADE and DNAT over IPv6" {
	rt_ip6t -t nat -A POSTROUTING -o r1 -j MASQUERADE
	rt_ip6t -t nat -A PREROUTING -i r0 -p tcp --dport 8080 \
		-j DNAT --to-destination [fd00:2::2]:80
	listen "$sv" 80 -6
	connect fd00:1::1 8080 -6
	grep -q "hello from the client" "$out"
	[ "$(peer)" = fd00:2::1 ]
	run rt_ip6t -t nat -S
	assert_line -- "-A PREROUTING -i r0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination [fd00:2::2]:80"
	assert_line -- "-A POSTROUTING -o r1 -j MASQUERADE"
}
