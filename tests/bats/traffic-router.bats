#!/usr/bin/env bats
# A stateful router written by xtnft, proved with real traffic: a client
# ("inside"), a router and a server ("outside") in namespaces joined by
# veth pairs the test creates (and removes).  Only the router forwards
# (sysctl inside its namespace).  FORWARD drops by policy, lets NEW in
# from the inside interface only and the rest back as ESTABLISHED or
# RELATED; the ftp conntrack helper, attached by -j CT --helper ftp,
# makes an active FTP data connection RELATED.

load lib/common

# One small peer for every exchange, so each side has its own timeout and
# a clear exit status.  ROLE ADDR PORT [SECONDS]:
#   tcp-serve / udp-serve  answer one request on ADDR:PORT with "pong REQ"
#   tcp-ask / udp-ask      send "ping" to ADDR:PORT and print the answer
#   ftp-server             on ADDR:21: 220, 331 to USER, 200 to PORT, then
#                          connect back to the client's data port and send
#   ftp-client             to ADDR:21 with PORT (EPRT over IPv6) naming
#                          its own data port PORT; print the command once
#                          it is acknowledged, then what arrives there
# SECONDS bounds the wait for an answer (for FTP: the data connection;
# the control connection has 5).  Servers print "listening" once they
# listen.
NETPY='
import socket, sys
role, addr, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
wait = float(sys.argv[4]) if len(sys.argv) > 4 else 5.0
fam = socket.AF_INET6 if ":" in addr else socket.AF_INET

def listening(kind):
    s = socket.socket(fam, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    if kind == socket.SOCK_STREAM:
        s.listen(1)
    print("listening", flush=True)
    return s

def line(c):
    b = b""
    while not b.endswith(b"\n"):
        d = c.recv(1)
        if not d:
            raise EOFError("connection closed")
        b += d
    return b.decode().strip()

def expect(c, code):
    got = line(c)
    if not got.startswith(code):
        raise RuntimeError("expected " + code + ", got " + got)

def ftp_server():
    s = listening(socket.SOCK_STREAM)
    c, _ = s.accept()
    c.settimeout(5)
    c.sendall(b"220 xtnft test\r\n")
    line(c)
    c.sendall(b"331 any password\r\n")
    cmd = line(c)
    if cmd.startswith("PORT "):
        f = cmd[5:].split(",")
        host, dport = ".".join(f[:4]), int(f[4]) * 256 + int(f[5])
    else:
        f = cmd[5:].split("|")
        host, dport = f[2], int(f[3])
    c.sendall(b"200 command successful\r\n")
    try:
        d = socket.create_connection((host, dport), timeout=wait)
    except OSError:
        c.sendall(b"425 no data connection\r\n")
        raise
    d.sendall(b"listing\r\n")
    d.close()
    c.sendall(b"226 done\r\n")
    print("sent the listing")

def ftp_client():
    me = socket.create_connection((addr, 21), timeout=5)
    mine = me.getsockname()[0]
    d = socket.socket(fam, socket.SOCK_STREAM)
    d.bind((mine, port))
    d.listen(1)
    d.settimeout(wait)
    expect(me, "220")
    me.sendall(b"USER anonymous\r\n")
    expect(me, "331")
    if fam == socket.AF_INET:
        cmd = "PORT %s,%d,%d" % (mine.replace(".", ","), port >> 8, port & 255)
    else:
        cmd = "EPRT |2|%s|%d|" % (mine, port)
    me.sendall(cmd.encode() + b"\r\n")
    expect(me, "200")
    print("sent:", cmd, flush=True)
    c, _ = d.accept()
    c.settimeout(wait)
    print("data:", line(c))

try:
    if role == "tcp-serve":
        c, _ = listening(socket.SOCK_STREAM).accept()
        c.settimeout(wait)
        c.sendall(b"pong " + c.recv(100))
    elif role == "udp-serve":
        s = listening(socket.SOCK_DGRAM)
        msg, peer = s.recvfrom(100)
        s.sendto(b"pong " + msg, peer)
    elif role == "tcp-ask":
        c = socket.create_connection((addr, port), timeout=wait)
        c.sendall(b"ping\n")
        print(line(c))
    elif role == "udp-ask":
        s = socket.socket(fam, socket.SOCK_DGRAM)
        s.settimeout(wait)
        s.sendto(b"ping\n", (addr, port))
        print(s.recv(100).decode().strip())
    elif role == "ftp-server":
        ftp_server()
    elif role == "ftp-client":
        ftp_client()
except (OSError, EOFError, RuntimeError) as e:
    print(role + ": " + str(e), file=sys.stderr)
    sys.exit(1)
'

setup() {
	require_root
	command -v ip >/dev/null || skip "iproute2 is not installed"
	command -v ping >/dev/null || skip "ping (iputils-ping) is not installed"
	# the system's python3 first: a version manager's shim in PATH can
	# cost half a second a start
	PY=/usr/bin/python3
	[ -x "$PY" ] || PY=$(command -v python3) || skip "python3 is not installed"
	cl=xtnft-rc-$$-$BATS_TEST_NUMBER
	rt=xtnft-rr-$$-$BATS_TEST_NUMBER
	sv=xtnft-rs-$$-$BATS_TEST_NUMBER
	ip netns add "$cl"
	ip netns add "$rt"
	ip netns add "$sv"
	ip link add c0 address 02:00:00:00:01:02 netns "$cl" type veth \
		peer name veth-in address 02:00:00:00:01:01 netns "$rt"
	ip link add s0 address 02:00:00:00:02:02 netns "$sv" type veth \
		peer name veth-out address 02:00:00:00:02:01 netns "$rt"
	addr "$cl" c0 10.0.1.2/24 fd00:1::2/64
	addr "$rt" veth-in 10.0.1.1/24 fd00:1::1/64
	addr "$rt" veth-out 10.0.2.1/24 fd00:2::1/64
	addr "$sv" s0 10.0.2.2/24 fd00:2::2/64
	ip -n "$cl" route add default via 10.0.1.1
	ip -n "$cl" -6 route add default via fd00:1::1
	ip -n "$sv" route add default via 10.0.2.1
	ip -n "$sv" -6 route add default via fd00:2::1
	ip netns exec "$rt" sysctl -qw net.ipv4.ip_forward=1
	ip netns exec "$rt" sysctl -qw net.ipv6.conf.all.forwarding=1
	# Fixed neighbours: on a fresh veth the first IPv6 neighbour
	# solicitation often goes unanswered, so a connection's first SYN
	# waited a second for the retry (and counted twice as NEW).
	neigh "$cl" c0 10.0.1.1 fd00:1::1 02:00:00:00:01:01
	neigh "$rt" veth-in 10.0.1.2 fd00:1::2 02:00:00:00:01:02
	neigh "$rt" veth-out 10.0.2.2 fd00:2::2 02:00:00:00:02:02
	neigh "$sv" s0 10.0.2.1 fd00:2::1 02:00:00:00:02:01
	srv_pid=
}

teardown() {
	stop_server
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

neigh() {	# ns dev v4 v6 lladdr
	ip -n "$1" neigh replace "$3" lladdr "$5" dev "$2" nud permanent
	ip -n "$1" neigh replace "$4" lladdr "$5" dev "$2" nud permanent
}

rt_ipt() { ip netns exec "$rt" "$XTNFT" iptables "$@"; }
rt_ip6t() { ip netns exec "$rt" "$XTNFT" ip6tables "$@"; }

# A one-shot server in the background, returned once it listens:
# ns role addr port [seconds]
serve() {
	local ns=$1
	shift
	srv_out=$BATS_TEST_TMPDIR/server.$1.$3
	ip netns exec "$ns" timeout 10 "$PY" -I -c "$NETPY" "$@" >"$srv_out" 2>&1 3>&- &
	srv_pid=$!
	for _ in $(seq 100); do
		grep -qs '^listening' "$srv_out" && return 0
		kill -0 "$srv_pid" 2>/dev/null || break
		sleep 0.02
	done
	cat "$srv_out" >&2
	return 1
}

stop_server() {
	[ -n "${srv_pid:-}" ] || return 0
	kill "$srv_pid" 2>/dev/null || true
	wait "$srv_pid" 2>/dev/null || true
	srv_pid=
}

# The client side of an exchange: ns role addr port seconds
peer() {
	ip netns exec "$1" timeout $((${5%.*} + 3)) "$PY" -I -c "$NETPY" "${@:2}"
}

# A request from NS to ADDR:PORT over PROTO that a server in SRV answers:
# "pong ping" comes back or the exchange fails within SECONDS.
exchange() {	# proto ns srv addr port seconds
	serve "$3" "$1-serve" "$4" "$5" "$6" || return 1
	local rc=0
	peer "$2" "$1-ask" "$4" "$5" "$6" || rc=$?
	stop_server
	return $rc
}

# The packet count of the rule of CHAIN (in TABLE) whose -S line holds
# PATTERN: "-A CHAIN ... -c PKTS BYTES [-j ...]", or of the policy.
pkts() {	# cmd table chain pattern
	"$1" -t "$2" -S "$3" -v | grep -F -- "$4" |
		sed -n 's/.* -c \([0-9]*\) [0-9]*\( .*\)\{0,1\}$/\1/p'
}

# FORWARD drops; NEW comes in only from the inside interface; STATE (the
# words of the match) lets the rest back.  cmd state...
router() {
	local ipt=$1
	shift
	"$ipt" -P FORWARD DROP
	if [ $# -gt 0 ]; then
		"$ipt" -A FORWARD "$@" -j ACCEPT
	fi
	"$ipt" -A FORWARD -i veth-in -m conntrack --ctstate NEW -j ACCEPT
}

@test "router: TCP and UDP from inside get their replies back as ESTABLISHED" {
	router rt_ipt -m conntrack --ctstate ESTABLISHED,RELATED
	run rt_ipt -S FORWARD
	assert_output "-P FORWARD DROP
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -i veth-in -m conntrack --ctstate NEW -j ACCEPT"
	run exchange tcp "$cl" "$sv" 10.0.2.2 8080 3
	assert_success
	assert_output "pong ping"
	run exchange udp "$cl" "$sv" 10.0.2.2 5353 3
	assert_success
	assert_output "pong ping"
	ip netns exec "$cl" ping -c 1 -W 2 10.0.2.2 >/dev/null
	# TCP: SYN; UDP: the request; ping: the echo request
	[ "$(pkts rt_ipt filter FORWARD '--ctstate NEW')" = 3 ]
	# at least the SYN-ACK, the UDP answer and the echo reply
	[ "$(pkts rt_ipt filter FORWARD 'RELATED,ESTABLISHED')" -ge 3 ]
	[ "$(pkts rt_ipt filter FORWARD '-P FORWARD')" = 0 ]
}

@test "router: outside cannot open a TCP connection, send UDP or ping inside" {
	router rt_ipt -m conntrack --ctstate ESTABLISHED,RELATED
	run exchange tcp "$sv" "$cl" 10.0.1.2 2222 0.5
	assert_failure
	run exchange udp "$sv" "$cl" 10.0.1.2 5353 0.5
	assert_failure
	run ip netns exec "$sv" ping -c 1 -W 0.5 10.0.1.2
	assert_failure
	[ "$(pkts rt_ipt filter FORWARD '--ctstate NEW')" = 0 ]
	[ "$(pkts rt_ipt filter FORWARD '-P FORWARD')" -ge 3 ]
	# the same exchanges pass once the router forwards everything: it
	# was the ruleset that blocked them
	rt_ipt -P FORWARD ACCEPT
	run exchange tcp "$sv" "$cl" 10.0.1.2 2222 3
	assert_success
	assert_output "pong ping"
	run exchange udp "$sv" "$cl" 10.0.1.2 5353 3
	assert_success
	ip netns exec "$sv" ping -c 1 -W 2 10.0.1.2 >/dev/null
}

@test "router: without the ESTABLISHED,RELATED rule the replies are dropped" {
	router rt_ipt -m conntrack --ctstate ESTABLISHED,RELATED
	rt_ipt -D FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
	run rt_ipt -S FORWARD
	assert_output "-P FORWARD DROP
-A FORWARD -i veth-in -m conntrack --ctstate NEW -j ACCEPT"
	run exchange tcp "$cl" "$sv" 10.0.2.2 8080 0.5
	assert_failure
	run exchange udp "$cl" "$sv" 10.0.2.2 5353 0.5
	assert_failure
	run ip netns exec "$cl" ping -c 1 -W 0.5 10.0.2.2
	assert_failure
	# the requests went out (a SYN is retried, so at least one each);
	# the policy dropped what came back
	[ "$(pkts rt_ipt filter FORWARD '--ctstate NEW')" -ge 3 ]
	[ "$(pkts rt_ipt filter FORWARD '-P FORWARD')" -ge 3 ]
}

@test "router with -m state --state: replies pass, the outside's SYN does not" {
	router rt_ipt -m state --state ESTABLISHED,RELATED
	run rt_ipt -S FORWARD
	assert_line -- "-A FORWARD -m state --state RELATED,ESTABLISHED -j ACCEPT"
	run exchange tcp "$cl" "$sv" 10.0.2.2 8080 3
	assert_success
	assert_output "pong ping"
	run exchange tcp "$sv" "$cl" 10.0.1.2 2222 0.5
	assert_failure
	[ "$(pkts rt_ipt filter FORWARD 'RELATED,ESTABLISHED')" -ge 1 ]
	[ "$(pkts rt_ipt filter FORWARD '--ctstate NEW')" = 1 ]
}

# The ftp conntrack helper is attached explicitly (automatic assignment
# is off in current kernels).  Skip when the kernel has no such helper,
# asked of the oracle so that a fault of xtnft still fails the test.
require_ftp_helper() {
	[ -x "$ORACLE" ] || return 0
	unshare -n "$ORACLE" -t raw -A PREROUTING -p tcp --dport 21 \
		-j CT --helper ftp 2>/dev/null ||
		skip "the kernel has no ftp conntrack helper (nf_conntrack_ftp)"
}

# RELATED has its own rule so that its counter shows the data connection.
ftp_router() {	# cmd
	"$1" -P FORWARD DROP
	"$1" -A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT
	"$1" -A FORWARD -m conntrack --ctstate RELATED -j ACCEPT
	"$1" -A FORWARD -i veth-in -m conntrack --ctstate NEW -j ACCEPT
}

# Active FTP: the client says PORT, the server connects back to it.
# the server's address, the data port, seconds
ftp() {
	serve "$sv" ftp-server "$1" 21 "$3" || return 1
	local rc=0
	peer "$cl" ftp-client "$1" "$2" "$3" || rc=$?
	wait "$srv_pid" || rc=1
	srv_pid=
	return $rc
}

@test "ftp: without CT --helper the server's data connection is dropped" {
	require_ftp_helper
	ftp_router rt_ipt
	run ftp 10.0.2.2 20000 0.5
	assert_failure
	# the control connection itself passed; only the data did not
	assert_line "sent: PORT 10,0,1,2,78,32"
	refute_line "data: listing"
	[ "$(pkts rt_ipt filter FORWARD '--ctstate NEW')" = 1 ]
	[ "$(pkts rt_ipt filter FORWARD '--ctstate RELATED ')" = 0 ]
	[ "$(pkts rt_ipt filter FORWARD '-P FORWARD')" -ge 1 ]
}

@test "ftp: CT --helper ftp in raw makes the data connection RELATED" {
	require_ftp_helper
	rt_ipt -t raw -A PREROUTING -p tcp --dport 21 -j CT --helper ftp
	run rt_ipt -t raw -S PREROUTING
	assert_line -- "-A PREROUTING -p tcp -m tcp --dport 21 -j CT --helper ftp"
	ftp_router rt_ipt
	run ftp 10.0.2.2 20000 3
	assert_success
	assert_output "sent: PORT 10,0,1,2,78,32
data: listing"
	# the data connection's SYN, coming from outside, was RELATED
	[ "$(pkts rt_ipt filter FORWARD '--ctstate RELATED ')" = 1 ]
	[ "$(pkts rt_ipt filter FORWARD '-P FORWARD')" = 0 ]
	# the helper opened that one port only: a NEW connection from the
	# server to another high port of the client is still dropped
	run exchange tcp "$sv" "$cl" 10.0.1.2 20001 0.5
	assert_failure
	[ "$(pkts rt_ipt filter FORWARD '--ctstate RELATED ')" = 1 ]
	[ "$(pkts rt_ipt filter FORWARD '-P FORWARD')" -ge 1 ]
}

@test "ip6tables router: replies pass, unsolicited TCP and ping from outside do not" {
	router rt_ip6t -m conntrack --ctstate ESTABLISHED,RELATED
	run exchange tcp "$cl" "$sv" fd00:2::2 8080 3
	assert_success
	assert_output "pong ping"
	run exchange udp "$cl" "$sv" fd00:2::2 5353 3
	assert_success
	assert_output "pong ping"
	ip netns exec "$cl" ping -c 1 -W 2 fd00:2::2 >/dev/null
	[ "$(pkts rt_ip6t filter FORWARD '--ctstate NEW')" = 3 ]
	[ "$(pkts rt_ip6t filter FORWARD 'RELATED,ESTABLISHED')" -ge 3 ]
	run exchange tcp "$sv" "$cl" fd00:1::2 2222 0.5
	assert_failure
	run ip netns exec "$sv" ping -c 1 -W 0.5 fd00:1::2
	assert_failure
	[ "$(pkts rt_ip6t filter FORWARD '--ctstate NEW')" = 3 ]
	[ "$(pkts rt_ip6t filter FORWARD '-P FORWARD')" -ge 2 ]
	# IPv4 is another family: its FORWARD chain was never touched
	run exchange tcp "$sv" "$cl" 10.0.1.2 2222 3
	assert_success
}

@test "ip6tables router: without the state rule the replies are dropped" {
	router rt_ip6t
	run exchange tcp "$cl" "$sv" fd00:2::2 8080 0.5
	assert_failure
	run ip netns exec "$cl" ping -c 1 -W 0.5 fd00:2::2
	assert_failure
	[ "$(pkts rt_ip6t filter FORWARD '--ctstate NEW')" -ge 2 ]
	[ "$(pkts rt_ip6t filter FORWARD '-P FORWARD')" -ge 2 ]
}

@test "ip6tables ftp: CT --helper ftp makes an EPRT data connection RELATED" {
	require_ftp_helper
	ftp_router rt_ip6t
	run ftp fd00:2::2 20000 0.5
	assert_failure
	assert_line "sent: EPRT |2|fd00:1::2|20000|"
	refute_line "data: listing"
	[ "$(pkts rt_ip6t filter FORWARD '--ctstate RELATED ')" = 0 ]
	rt_ip6t -t raw -A PREROUTING -p tcp --dport 21 -j CT --helper ftp
	run ftp fd00:2::2 20000 3
	assert_success
	assert_output "sent: EPRT |2|fd00:1::2|20000|
data: listing"
	[ "$(pkts rt_ip6t filter FORWARD '--ctstate RELATED ')" = 1 ]
}
