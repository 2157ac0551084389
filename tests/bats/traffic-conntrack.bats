#!/usr/bin/env bats
# xtnft's conntrack on flows made by real packets: TCP, UDP and ICMP over
# a veth pair between two namespaces (and a router namespace for NAT),
# all created and removed here.  Wherever the output is deterministic it
# is compared with conntrack-tools 1.4.7's beside it (lib/conntrack's
# ct_both, timeouts aside); elsewhere exact lines are asserted.

load lib/common
load lib/conntrack

setup() {
	require_ct_oracle
	two_ns_setup c
	ct_track "$ns_b"
	ip netns exec "$ns_b" /usr/sbin/ip6tables-nft -A INPUT -m conntrack --ctstate NEW,ESTABLISHED
	pids=()
}

teardown() {
	kill_bg "${pids[@]}"
	[ -n "${rt:-}" ] && ip netns del "$rt" 2>/dev/null
	two_ns_teardown
}

# A TCP connection from a to b:PORT that stays open (about 8 s): b
# listens, a connects and says hello.
tcp_open() {	# port [server ns] [server addr] [client ns]
	local port=$1 sns=${2:-$ns_b} saddr=${3:-192.0.2.2} cns=${4:-$ns_a}
	ip netns exec "$sns" timeout 8 nc -n -l -p "$port" >/dev/null 2>&1 &
	pids+=($!)
	for _ in $(seq 50); do
		ip netns exec "$sns" ss -ltn | grep -q ":$port " && break
		sleep 0.1
	done
	ip netns exec "$cns" timeout 8 bash -c \
		"exec 3<>/dev/tcp/$saddr/$port && echo hello >&3 && sleep 8" &
	pids+=($!)
}

# One UDP datagram: ns src sport dst dport
udp_send() {
	echo x | ip netns exec "$1" timeout 2 nc -n -u -w 0 -p "$3" "$4" "$5" >/dev/null 2>&1 || true
}

# Fixed entries made with the oracle's -I in NS: tcp, udp, icmp, with
# marks and a second source, for the -D/-C/-F tests.
ct_fill() {	# ns
	local ns=$1
	{
		ct_o "$ns" -I -p tcp -s 10.0.0.1 -d 10.0.0.9 --sport 1000 --dport 80 --state ESTABLISHED -u ASSURED -t 900
		ct_o "$ns" -I -p tcp -s 10.0.0.1 -d 10.0.0.9 --sport 1001 --dport 443 --state SYN_SENT -t 900 -m 5
		ct_o "$ns" -I -p tcp -s 10.0.0.2 -d 10.0.0.9 --sport 1002 --dport 80 --state TIME_WAIT -t 900 -m 5
		ct_o "$ns" -I -p udp -s 10.0.0.2 -d 10.0.0.9 --sport 53 --dport 53 -t 900 -m 6
		ct_o "$ns" -I -p udp -s 10.0.0.3 -d 10.0.0.9 --sport 123 --dport 123 -t 900
		ct_o "$ns" -I -p icmp -s 10.0.0.3 -d 10.0.0.9 --icmp-type 8 --icmp-code 0 --icmp-id 77 -t 900 -m 5
		ct_o "$ns" -I -p tcp -s 2001:db8::a -d 2001:db8::b --sport 5000 --dport 80 --state ESTABLISHED -t 900
	} 2>/dev/null
}

# The table of NS as sorted lines, timeouts as T (by the oracle)
ct_table() {
	ct_o "$1" -L 2>/dev/null | ct_norm | LC_ALL=C sort
}

@test "TCP: an open connection is ESTABLISHED and ASSURED, a closed one TIME_WAIT" {
	tcp_open 8080
	ct_wait "$ns_b" 'ESTABLISHED .*dport=8080 .*\[ASSURED\]' -p tcp
	ct_both "$ns_b" -L -p tcp
	assert_output --regexp '^tcp      6 T ESTABLISHED src=192\.0\.2\.1 dst=192\.0\.2\.2 sport=[0-9]+ dport=8080 src=192\.0\.2\.2 dst=192\.0\.2\.1 sport=8080 dport=[0-9]+ \[ASSURED\] mark=0 use=1$'
	[ "$ct_err" = "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown." ]
	ct_both "$ns_b" -L -p tcp --state ESTABLISHED --dport 8080
	[ "${#lines[@]}" = 1 ]
	ct_both "$ns_b" -L -o extended -p tcp
	assert_output --regexp '^ipv4     2 tcp      6 T ESTABLISHED src=192\.0\.2\.1 '
	ct_both "$ns_b" -L -p tcp --state SYN_SENT
	assert_output ""
	# the client closes: both FINs seen
	kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
	ct_wait "$ns_b" 'TIME_WAIT .*dport=8080' -p tcp
	ct_both "$ns_b" -L -p tcp --state TIME_WAIT
	assert_output --regexp '^tcp      6 T TIME_WAIT src=192\.0\.2\.1 dst=192\.0\.2\.2 sport=[0-9]+ dport=8080 src=192\.0\.2\.2 dst=192\.0\.2\.1 sport=8080 dport=[0-9]+ \[ASSURED\] mark=0 use=1$'
}

@test "UDP: [UNREPLIED] until the peer answers, then a two-way flow" {
	udp_send "$ns_a" 192.0.2.1 40000 192.0.2.2 5353
	ct_wait "$ns_b" 'dport=5353' -p udp
	ct_both "$ns_b" -L -p udp
	assert_output 'udp      17 T src=192.0.2.1 dst=192.0.2.2 sport=40000 dport=5353 [UNREPLIED] src=192.0.2.2 dst=192.0.2.1 sport=5353 dport=40000 mark=0 use=1'
	ct_both "$ns_b" -L -p udp --sport 40000 --dport 5353 -s 192.0.2.1 -d 192.0.2.2
	[ "${#lines[@]}" = 1 ]
	ct_both "$ns_b" -L -p udp --reply-port-src 5353 --reply-port-dst 40000 -r 192.0.2.2 -q 192.0.2.1
	[ "${#lines[@]}" = 1 ]
	ct_both "$ns_b" -L -u SEEN_REPLY
	assert_output ""
	# b answers from 5353 to 40000: the reply direction of the same flow
	udp_send "$ns_b" 192.0.2.2 5353 192.0.2.1 40000
	ct_wait "$ns_b" 'sport=40000 dport=5353 src=' -p udp
	ct_both "$ns_b" -L -p udp
	assert_output --regexp '^udp      17 T src=192\.0\.2\.1 dst=192\.0\.2\.2 sport=40000 dport=5353 src=192\.0\.2\.2 dst=192\.0\.2\.1 sport=5353 dport=40000 (\[ASSURED\] )?mark=0 use=1$'
	ct_both "$ns_b" -L -u SEEN_REPLY -p udp
	[ "${#lines[@]}" = 1 ]
	ct_both "$ns_b" -L -o xml -p udp
	assert_line --index 0 '<?xml version="1.0" encoding="utf-8"?>'
	assert_line --index 1 '<conntrack>'
	assert_line --partial '<layer4 protonum="17" protoname="udp"><sport>40000</sport><dport>5353</dport></layer4>'
}

@test "ICMP and ICMPv6 echo: type, code and id both ways" {
	ip netns exec "$ns_a" ping -c 1 -W 2 192.0.2.2 >/dev/null
	ip netns exec "$ns_a" ping -6 -c 1 -W 2 2001:db8::2 >/dev/null
	ct_wait "$ns_b" 'icmp ' -p icmp
	ct_both "$ns_b" -L -p icmp
	assert_output --regexp '^icmp     1 T src=192\.0\.2\.1 dst=192\.0\.2\.2 type=8 code=0 id=([0-9]+) src=192\.0\.2\.2 dst=192\.0\.2\.1 type=0 code=0 id=\1 mark=0 use=1$'
	ct_both "$ns_b" -L -p icmp --icmp-type 8 --icmp-code 0
	[ "${#lines[@]}" = 1 ]
	ct_both "$ns_b" -L -f ipv6 -p icmpv6
	assert_output --regexp '^icmpv6   58 T src=2001:db8::1 dst=2001:db8::2 type=128 code=0 id=([0-9]+) src=2001:db8::2 dst=2001:db8::1 type=129 code=0 id=\1 mark=0 use=1$'
	ct_both "$ns_b" -L -f ipv6 -o extended
	assert_output --regexp '^ipv6     10 icmpv6   58 T '
	ct_both "$ns_b" -L -f ipv4
	ct_both "$ns_b" -C
}

@test "NAT: a masqueraded flow shows the translated reply tuple" {
	# a - r - b: the router r (10.0.1.1 to a, 192.0.2.1 to b) takes
	# over a's veth end; a gets 10.0.1.2 and routes through r
	rt=xtnft-cr-$$-$BATS_TEST_NUMBER
	ip netns add "$rt"
	ip -n "$ns_a" link del va
	ip link add ra netns "$rt" type veth peer name ca netns "$ns_a"
	ip link add va netns "$rt" type veth peer name vb2 netns "$ns_b"
	ip -n "$ns_b" addr add 192.0.3.2/24 dev vb2
	ip -n "$ns_b" link set vb2 up
	ip -n "$rt" addr add 10.0.1.1/24 dev ra
	ip -n "$rt" addr add 192.0.3.1/24 dev va
	ip -n "$ns_a" addr add 10.0.1.2/24 dev ca
	ip -n "$rt" link set ra up
	ip -n "$rt" link set va up
	ip -n "$rt" link set lo up
	ip -n "$ns_a" link set ca up
	ip -n "$ns_a" route add default via 10.0.1.1
	ip netns exec "$rt" sysctl -qw net.ipv4.ip_forward=1
	ip netns exec "$rt" /usr/sbin/iptables-nft -t nat -A POSTROUTING -o va -j MASQUERADE
	tcp_open 8081 "$ns_b" 192.0.3.2 "$ns_a"
	udp_send "$ns_a" 10.0.1.2 40001 192.0.3.2 5353
	ct_wait "$rt" 'ESTABLISHED .*dport=8081' -p tcp
	ct_wait "$rt" 'dport=5353' -p udp
	ct_both "$rt" -L -p tcp
	assert_output --regexp '^tcp      6 T ESTABLISHED src=10\.0\.1\.2 dst=192\.0\.3\.2 sport=[0-9]+ dport=8081 src=192\.0\.3\.2 dst=192\.0\.3\.1 sport=8081 dport=[0-9]+ \[ASSURED\] mark=0 use=1$'
	ct_both "$rt" -L -p udp
	assert_output 'udp      17 T src=10.0.1.2 dst=192.0.3.2 sport=40001 dport=5353 [UNREPLIED] src=192.0.3.2 dst=192.0.3.1 sport=5353 dport=40001 mark=0 use=1'
	ct_both "$rt" -L --src-nat
	[ "${#lines[@]}" = 2 ]
	ct_both "$rt" -L --src-nat 192.0.3.1
	[ "${#lines[@]}" = 2 ]
	ct_both "$rt" -L --src-nat 192.0.3.9
	assert_output ""
	ct_both "$rt" -L --dst-nat
	assert_output ""
	ct_both "$rt" -L --any-nat -p udp
	[ "${#lines[@]}" = 1 ]
	ct_both "$rt" -L -q 192.0.3.1
	[ "${#lines[@]}" = 2 ]
	# save form: -n for the source NAT address
	ct_both "$rt" -L -o save -p udp
	assert_output "-A -t T -u UNSET -s 10.0.1.2 -d 192.0.3.2 -r 192.0.3.2 -n 192.0.3.1 -p udp --sport 40001 --dport 5353 --reply-port-src 5353 --reply-port-dst 40001"
}

# -D FILTER... by xtnft on ct_fill's entries, then by the oracle on a
# fresh copy: the same lines deleted, the same messages and status, the
# same entries left.  Leaves the entries xtnft left in $left.
ct_delete_both() {
	local d=$BATS_TEST_TMPDIR/del orc xrc fill=${CT_FILL:-ct_fill}
	ct_o "$ns_b" -F 2>/dev/null
	"$fill" "$ns_b"
	ct_x "$ns_b" -D "$@" >"$d.xo" 2>"$d.xe" && xrc=0 || xrc=$?
	ct_table "$ns_b" >"$d.xl"
	ct_o "$ns_b" -F 2>/dev/null
	"$fill" "$ns_b"
	ct_o "$ns_b" -D "$@" >"$d.oo" 2>"$d.oe" && orc=0 || orc=$?
	ct_table "$ns_b" >"$d.ol"
	for f in xo oo; do ct_norm <"$d.$f" | LC_ALL=C sort >"$d.$f.s"; done
	left=$(cat "$d.xl")
	if ! cmp -s "$d.oo.s" "$d.xo.s" || ! cmp -s "$d.oe" "$d.xe" ||
		! cmp -s "$d.ol" "$d.xl" || [ "$orc" != "$xrc" ]; then
		echo "conntrack -D $*: oracle and xtnft differ (status $orc, $xrc)" >&2
		diff -u "$d.oo.s" "$d.xo.s" >&2
		diff -u "$d.oe" "$d.xe" >&2
		diff -u "$d.ol" "$d.xl" >&2
		return 1
	fi
	status=$xrc
	output=$(cat "$d.xo.s")
	mapfile -t lines <"$d.xo.s"
	ct_err=$(cat "$d.xe")
}

@test "-D with a filter deletes exactly the matching entries" {
	ct_fill "$ns_b"
	all=$(ct_table "$ns_b")
	[ "$(echo "$all" | wc -l)" = 7 ]
	ct_delete_both -p tcp --dport 80
	[ "${#lines[@]}" = 3 ]
	[ "$ct_err" = "conntrack v1.4.7 (conntrack-tools): 3 flow entries have been deleted." ]
	[ "$(echo "$left" | wc -l)" = 4 ]
	! grep -q 'dport=80 ' <<<"$left"
	# exactly the deleted lines are gone
	[ "$(LC_ALL=C sort <(echo "$left") <(echo "$output") | ct_norm)" = "$(echo "$all" | LC_ALL=C sort)" ]
	ct_delete_both -m 5
	[ "${#lines[@]}" = 3 ]
	ct_delete_both -m 4/6
	[ "${#lines[@]}" = 3 ]
	ct_delete_both -s 10.0.0.2
	[ "${#lines[@]}" = 2 ]
	ct_delete_both -f ipv6
	[ "${#lines[@]}" = 1 ]
	ct_delete_both -p tcp --state SYN_SENT
	[ "${#lines[@]}" = 1 ]
	ct_delete_both -u ASSURED
	[ "${#lines[@]}" = 1 ]
	ct_delete_both -p icmp --icmp-id 77
	[ "${#lines[@]}" = 1 ]
	ct_delete_both -p udp -s 10.0.0.3 --dport 123
	[ "${#lines[@]}" = 1 ]
	# nothing matches: nothing deleted, status 1
	ct_delete_both -p tcp --dport 81
	assert_failure 1
	[ "$(echo "$left" | wc -l)" = 7 ]
}

# 300 UDP entries, marks 0 to 3 in turn, from the oracle's -R
ct_fill_many() {	# ns
	local i f=$BATS_TEST_TMPDIR/many
	for ((i = 0; i < 300; i++)); do
		echo "-I -p udp -s 10.1.$((i / 250)).$((i % 250 + 1)) -d 10.0.0.9 --sport $((2000 + i)) --dport 53 -t 900 -m $((i % 4))"
	done >"$f"
	ct_o "$1" -R "$f" >/dev/null 2>&1
}

@test "-D of more entries than one batch of requests deletes and shows each once" {
	# xtnft sends its deletions 64 to a send: 150 are three batches,
	# the last one partial; 300 are five
	CT_FILL=ct_fill_many ct_delete_both -p udp -m 1/1
	[ "${#lines[@]}" = 150 ]
	[ "$ct_err" = "conntrack v1.4.7 (conntrack-tools): 150 flow entries have been deleted." ]
	[ "$(echo "$left" | wc -l)" = 150 ]
	! grep -q 'mark=[13] ' <<<"$left"
	[ "$(printf '%s\n' "${lines[@]}" | sort -u | wc -l)" = 150 ]
	CT_FILL=ct_fill_many ct_delete_both -d 10.0.0.9
	[ "${#lines[@]}" = 300 ]
	[ -z "$left" ]
}

@test "-D with a filter it cannot parse deletes nothing" {
	# (1.4.7 takes --dport 99999, -m foo and -w 70000 without a word)
	for f in "-s 10.0.0.300" "-p tcp --state BOGUS" "--bogus" "-p nosuchproto" \
		"-u BOGUS" "-p tcp --dport" "-d 2001:db8::g" "-p icmp --icmp-type"; do
		# shellcheck disable=SC2086
		ct_delete_both $f
		[ "$status" -ne 0 ]
		[ "$(echo "$left" | wc -l)" = 7 ]
	done
}

@test "-E prints NEW, UPDATE and DESTROY events and their count on SIGINT" {
	d=$BATS_TEST_TMPDIR
	# without LeakSanitizer's exit scan, which can hang after the signal
	# under load (difftest.sh says more)
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		ip netns exec "$ns_b" "$XTNFT" conntrack -E >"$d/x.out" 2>"$d/x.err" &
	xpid=$!
	ip netns exec "$ns_b" "$CT_ORACLE" -E >"$d/o.out" 2>"$d/o.err" &
	opid=$!
	pids+=("$xpid" "$opid")
	sleep 0.5
	tcp_open 8082
	ct_wait "$ns_b" 'ESTABLISHED .*dport=8082' -p tcp
	ct_o "$ns_b" -D -p tcp --dport 8082 >/dev/null 2>&1
	sleep 0.5
	kill -INT "$xpid" "$opid"
	wait "$xpid" && xrc=0 || xrc=$?
	wait "$opid" && orc=0 || orc=$?
	[ "$xrc" = 0 ] && [ "$orc" = 0 ]
	# the listener names the program of a userspace event from /proc:
	# racy when that program has ended already
	sed -i 's/ progname=[^ ]*$//' "$d/o.out" "$d/x.out"
	diff -u "$d/o.out" "$d/x.out"
	diff -u "$d/o.err" "$d/x.err"
	grep -q '^    \[NEW\] tcp      6 120 SYN_SENT src=192\.0\.2\.1 dst=192\.0\.2\.2 sport=[0-9]* dport=8082 \[UNREPLIED\] ' "$d/x.out"
	grep -q '^ \[UPDATE\] tcp      6 60 SYN_RECV ' "$d/x.out"
	grep -q '^ \[UPDATE\] tcp      6 [0-9]* ESTABLISHED .*dport=8082 .*\[ASSURED\]' "$d/x.out"
	grep -q '^\[DESTROY\] tcp      6 .*dport=8082 .*\[USERSPACE\] portid=[0-9]*$' "$d/x.out"
	n=$(wc -l <"$d/x.out")
	[ "$(tail -n 1 "$d/x.err")" = "conntrack v1.4.7 (conntrack-tools): $n flow events have been shown." ]
}

@test "-E -e NEW shows only new flows; SIGTERM also ends it cleanly" {
	d=$BATS_TEST_TMPDIR
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		ip netns exec "$ns_b" "$XTNFT" conntrack -E -e NEW -p icmp >"$d/x.out" 2>"$d/x.err" &
	xpid=$!
	ip netns exec "$ns_b" "$CT_ORACLE" -E -e NEW -p icmp >"$d/o.out" 2>"$d/o.err" &
	opid=$!
	pids+=("$xpid" "$opid")
	sleep 0.5
	ip netns exec "$ns_a" ping -c 1 -W 2 192.0.2.2 >/dev/null
	udp_send "$ns_a" 192.0.2.1 40002 192.0.2.2 5353
	ct_o "$ns_b" -D -p icmp >/dev/null 2>&1
	sleep 0.5
	kill -TERM "$xpid" "$opid"
	wait "$xpid" && xrc=0 || xrc=$?
	wait "$opid" && orc=0 || orc=$?
	[ "$xrc" = "$orc" ]
	diff -u "$d/o.out" "$d/x.out"
	diff -u "$d/o.err" "$d/x.err"
	[ "$(wc -l <"$d/x.out")" = 1 ]
	grep -q '^    \[NEW\] icmp     1 30 src=192\.0\.2\.1 dst=192\.0\.2\.2 type=8 code=0 id=' "$d/x.out"
	[ "$(tail -n 1 "$d/x.err")" = "conntrack v1.4.7 (conntrack-tools): 1 flow events have been shown." ]
}

@test "-I, -G and -U round-trip with the oracle" {
	tuple=(-p tcp -s 10.1.0.1 -d 10.1.0.2 --sport 3000 --dport 22)
	run ct_x "$ns_b" -I "${tuple[@]}" --state ESTABLISHED -t 500 -m 3
	assert_success
	assert_output 'conntrack v1.4.7 (conntrack-tools): 1 flow entries have been created.'
	ct_both "$ns_b" -G "${tuple[@]}"
	assert_output 'tcp      6 T ESTABLISHED src=10.1.0.1 dst=10.1.0.2 sport=3000 dport=22 [UNREPLIED] src=10.1.0.2 dst=10.1.0.1 sport=22 dport=3000 mark=3 use=2'
	# once more: it exists
	run ct_x "$ns_b" -I "${tuple[@]}" --state ESTABLISHED -t 500
	assert_failure 1
	run ct_o "$ns_b" -I "${tuple[@]}" --state ESTABLISHED -t 500
	assert_failure 1
	xo=$(ct_x "$ns_b" -I "${tuple[@]}" --state ESTABLISHED -t 500 2>&1) || true
	oo=$(ct_o "$ns_b" -I "${tuple[@]}" --state ESTABLISHED -t 500 2>&1) || true
	[ "$xo" = "$oo" ]
	# -U by xtnft: new mark and timeout, seen by the oracle
	run ct_x "$ns_b" -U -s 10.1.0.1 -m 9 -t 400
	assert_success
	run ct_o "$ns_b" -G "${tuple[@]}"
	assert_line --regexp '^tcp      6 (400|399) ESTABLISHED src=10\.1\.0\.1 .* mark=9 use=[0-9]+'
	# the oracle's -I, read back by xtnft
	ct_o "$ns_b" -I -p udp -s 10.1.0.3 -d 10.1.0.4 --sport 7 --dport 9 -t 300 -u SEEN_REPLY -m 0x10 2>/dev/null
	ct_both "$ns_b" -G -p udp -s 10.1.0.3 -d 10.1.0.4 --sport 7 --dport 9
	assert_output 'udp      17 T src=10.1.0.3 dst=10.1.0.4 sport=7 dport=9 src=10.1.0.4 dst=10.1.0.3 sport=9 dport=7 mark=16 use=2'
	ct_both "$ns_b" -G -p udp -s 10.1.0.3 -d 10.1.0.4 --sport 7 --dport 9 -o extended
	ct_both "$ns_b" -G -p udp -s 10.1.0.3 -d 10.1.0.4 --sport 7 --dport 9 -o save
	# -G of a flow that is not there
	ct_both "$ns_b" -G -p udp -s 10.1.0.3 -d 10.1.0.4 --sport 7 --dport 10
	assert_failure 1
	# -U of nothing
	run ct_x "$ns_b" -U -s 10.9.9.9 -m 1
	assert_failure 1
}

@test "-C counts what traffic and -I made" {
	ct_both "$ns_b" -C
	assert_output 0
	ip netns exec "$ns_a" ping -c 1 -W 2 192.0.2.2 >/dev/null
	ip netns exec "$ns_a" ping -c 1 -W 2 192.0.2.2 >/dev/null
	udp_send "$ns_a" 192.0.2.1 40003 192.0.2.2 5353
	ct_fill "$ns_b"
	ct_both "$ns_b" -C
	assert_output 10
	ct_both "$ns_b" -C -f ipv6
	ct_both "$ns_b" -C -p udp
	ct_both "$ns_b" -C -m 5
	ct_both "$ns_b" -C -s 192.0.2.1
	ct_both "$ns_b" -L
	[ "${#lines[@]}" = 10 ]
}

@test "-F empties the table" {
	ip netns exec "$ns_a" ping -c 1 -W 2 192.0.2.2 >/dev/null
	ct_fill "$ns_b"
	run ct_x "$ns_b" -F
	assert_success
	assert_output "conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied."
	ct_both "$ns_b" -C
	assert_output 0
	ct_both "$ns_b" -L
	assert_output ""
	[ "$ct_err" = "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown." ]
	# the oracle says the same
	ct_fill "$ns_b"
	run ct_o "$ns_b" -F
	assert_output "conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied."
	# flushing an empty table
	xo=$(ct_x "$ns_b" -F 2>&1; echo "rc=$?")
	oo=$(ct_o "$ns_b" -F 2>&1; echo "rc=$?")
	[ "$xo" = "$oo" ]
}
