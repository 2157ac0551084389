#!/usr/bin/env bats
# The log group's targets act on real packets: REJECT answers with the
# error it was told, LOG and NFLOG report packets, TRACE marks them for
# `nft monitor trace`, NFQUEUE queues them, CLASSIFY sets their priority.
# Two namespaces joined by a veth pair, created and removed by each test;
# rules are written by xtnft.

load lib/common

setup_file() {
	# the NFLOG listener: raw netlink, built here (no library needed)
	export listener=$BATS_FILE_TMPDIR/nflog-listen
	if command -v "${CC:-cc}" >/dev/null; then
		"${CC:-cc}" -O2 -o "$listener" "$TESTS_DIR/nflog-listen.c" ||
			rm -f "$listener"
	fi
}

setup() {
	bg_pids=()
	two_ns_setup l
	# B answers every rejected packet: no ICMP rate limit (B's own sysctls)
	in_b sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0
}

teardown() {
	kill_bg "${bg_pids[@]}"
	two_ns_teardown
}

in_a() { ip netns exec "$ns_a" "$@"; }
in_b() { ip netns exec "$ns_b" "$@"; }
ipt_b() { in_b "$XTNFT" iptables "$@"; }
ip6t_b() { in_b "$XTNFT" ip6tables "$@"; }

# the answer ping reports for one echo request to $1 (ping -4 or -6: $2)
ping_answer() {
	in_a ping "$2" -c 1 -W 1 "$1" 2>&1 | grep '^From' || true
}

# a TCP server in B on port 8080, for the length of the test
serve_tcp() {
	command -v nc >/dev/null || skip "nc is not installed"
	in_b timeout 20 nc -l -k "$1" 8080 >/dev/null 2>&1 &
	bg_pids+=($!)
	sleep 0.3
}

connect_tcp() {	# address: "open", "refused" or "timeout"
	local out

	out=$(in_a nc -z -v -w 2 "$1" 8080 2>&1) && { echo open; return; }
	case "$out" in
	*refused*) echo refused ;;
	*"timed out"*) echo timeout ;;
	*) echo "other: $out" ;;
	esac
}

@test "REJECT answers IPv4 ping with the ICMP error of each --reject-with" {
	local -A want=(
		[icmp-net-unreachable]="Destination Net Unreachable"
		[net-unreach]="Destination Net Unreachable"
		[icmp-host-unreachable]="Destination Host Unreachable"
		[icmp-port-unreachable]="Destination Port Unreachable"
		[icmp-proto-unreachable]="Destination Protocol Unreachable"
		[icmp-net-prohibited]="Destination Net Prohibited"
		[icmp-host-prohibited]="Destination Host Prohibited"
		[icmp-admin-prohibited]="Packet filtered"
		[admin-prohib]="Packet filtered"
	)
	local w

	run ping_answer 192.0.2.2 -4
	assert_output ""
	for w in "${!want[@]}"; do
		ipt_b -F INPUT
		ipt_b -A INPUT -s 192.0.2.1 -p icmp -j REJECT --reject-with "$w"
		run ping_answer 192.0.2.2 -4
		assert_output --partial "From 192.0.2.2 icmp_seq=1 ${want[$w]}"
	done
	# the default is port unreachable
	ipt_b -F INPUT
	ipt_b -A INPUT -p icmp -j REJECT
	run ping_answer 192.0.2.2 -4
	assert_output --partial "Destination Port Unreachable"
	run ipt_b -L INPUT -v -x -n
	assert_output --regexp "1 +84 REJECT .* reject-with icmp-port-unreachable"
}

@test "REJECT --reject-with tcp-reset refuses a connection that DROP lets time out (IPv4)" {
	serve_tcp 192.0.2.2
	run connect_tcp 192.0.2.2
	assert_output open
	ipt_b -A INPUT -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
	run connect_tcp 192.0.2.2
	assert_output refused
	ipt_b -R INPUT 1 -p tcp --dport 8080 -j DROP
	run connect_tcp 192.0.2.2
	assert_output timeout
	# the kernel takes tcp-reset only in a rule that matches -p tcp
	run ipt_b -A INPUT -j REJECT --reject-with tcp-reset
	assert_failure 4
}

@test "REJECT answers IPv6 ping with the ICMPv6 error of each --reject-with" {
	local -A want=(
		[icmp6-no-route]="Destination unreachable: No route"
		[no-route]="Destination unreachable: No route"
		[icmp6-adm-prohibited]="Destination unreachable: Administratively prohibited"
		[icmp6-addr-unreachable]="Destination unreachable: Address unreachable"
		[icmp6-port-unreachable]="Destination unreachable: Port unreachable"
		[port-unreach]="Destination unreachable: Port unreachable"
	)
	local w

	# the first packet waits for neighbour discovery
	in_a ping -6 -c 1 -W 5 2001:db8::2 >/dev/null
	for w in "${!want[@]}"; do
		ip6t_b -F INPUT
		ip6t_b -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j REJECT --reject-with "$w"
		run ping_answer 2001:db8::2 -6
		assert_output --partial "From 2001:db8::2 icmp_seq=1 ${want[$w]}"
	done
}

@test "REJECT --reject-with tcp-reset refuses a connection that DROP lets time out (IPv6)" {
	in_a ping -6 -c 1 -W 5 2001:db8::2 >/dev/null
	serve_tcp 2001:db8::2
	run connect_tcp 2001:db8::2
	assert_output open
	ip6t_b -A INPUT -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
	run connect_tcp 2001:db8::2
	assert_output refused
	ip6t_b -R INPUT 1 -p tcp --dport 8080 -j DROP
	run connect_tcp 2001:db8::2
	assert_output timeout
}

@test "LOG counts packets and lets them go on to the next rule" {
	ipt_b -A INPUT -p icmp -j LOG --log-prefix "xtnft-log: " --log-level info
	ip6t_b -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j LOG --log-prefix "xtnft-log6: "
	in_a ping -c 2 -i 0.2 -W 1 192.0.2.2 >/dev/null
	in_a ping -6 -c 1 -W 5 2001:db8::2 >/dev/null
	run ipt_b -L INPUT -v -x -n
	assert_output --regexp "2 +168 LOG .* LOG flags 0 level 6 prefix \"xtnft-log: \""
	run ip6t_b -L INPUT -v -x -n
	assert_output --regexp "1 +104 LOG .* prefix \"xtnft-log6: \""
}

@test "LOG lines reach the kernel log" {
	local all prefix="xtnft-$$-$RANDOM: "

	all=$(cat /proc/sys/net/netfilter/nf_log_all_netns 2>/dev/null || echo 0)
	# a host setting: the test must not change it
	[ "$all" = 1 ] || skip "the kernel writes no LOG lines from a non-initial network namespace unless /proc/sys/net/netfilter/nf_log_all_netns is 1 (it is $all here)"
	dmesg >/dev/null 2>&1 || skip "cannot read the kernel log (dmesg)"
	ipt_b -A INPUT -p icmp -j LOG --log-prefix "$prefix"
	in_a ping -c 1 -W 1 192.0.2.2 >/dev/null
	sleep 0.5
	run dmesg
	assert_output --regexp "${prefix}IN=vb OUT= .*SRC=192.0.2.1 DST=192.0.2.2 .*PROTO=ICMP TYPE=8"
}

@test "NFLOG delivers packets with their prefix and --nflog-size to a listener" {
	local out=$BATS_TEST_TMPDIR/nflog.out

	[ -x "$listener" ] || skip "no C compiler to build tests/nflog-listen.c"
	ipt_b -A INPUT -p icmp -j NFLOG --nflog-group 7 --nflog-prefix xtnft-nflog --nflog-size 20
	ip6t_b -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j NFLOG --nflog-group 7 --nflog-prefix xtnft-nflog6
	in_b "$listener" 7 3 10 >"$out" &
	bg_pids+=($!)
	for _ in $(seq 50); do grep -q ready "$out" && break; sleep 0.1; done
	run cat "$out"
	assert_output ready
	in_a ping -c 2 -i 0.2 -W 1 192.0.2.2 >/dev/null
	in_a ping -6 -c 1 -W 5 2001:db8::2 >/dev/null
	wait "${bg_pids[-1]}"
	run cat "$out"
	assert_line --index 1 "prefix=xtnft-nflog len=20"
	assert_line --index 2 "prefix=xtnft-nflog len=20"
	# no --nflog-size: the whole IPv6 packet (40 + 64 bytes)
	assert_line --index 3 "prefix=xtnft-nflog6 len=104"
	run ipt_b -L INPUT -v -x -n
	assert_output --regexp "2 +168 NFLOG .* nflog-prefix xtnft-nflog nflog-group 7 nflog-size 20"
}

@test "TRACE makes nft monitor trace report the packet" {
	local out=$BATS_TEST_TMPDIR/trace.out

	ipt_b -t raw -A PREROUTING -p icmp -j TRACE
	in_b timeout 5 "$NFT" monitor trace >"$out" 2>&1 &
	bg_pids+=($!)
	sleep 0.5
	in_a ping -c 1 -W 1 192.0.2.2 >/dev/null
	sleep 0.5
	run cat "$out"
	assert_output --regexp "ip raw PREROUTING packet: iif \"vb\" .*ip saddr 192.0.2.1 ip daddr 192.0.2.2"
	assert_output --partial "meta nftrace set 1"
}

@test "NFQUEUE drops without a listener unless --queue-bypass" {
	ipt_b -A INPUT -p icmp -j NFQUEUE --queue-num 3
	run in_a ping -c 1 -W 1 192.0.2.2
	assert_failure
	ipt_b -R INPUT 1 -p icmp -j NFQUEUE --queue-balance 3:4 --queue-bypass
	in_a ping -c 1 -W 1 192.0.2.2 >/dev/null
	run ipt_b -L INPUT -v -x -n
	assert_output --regexp "1 +84 NFQUEUE .* NFQUEUE balance 3:4 bypass"
}

@test "CLASSIFY sets the priority a later nft rule sees" {
	in_a "$XTNFT" iptables -t mangle -A POSTROUTING -o va -p icmp -j CLASSIFY --set-class 1:3
	in_a "$NFT" add table ip obs
	in_a "$NFT" add chain ip obs post '{ type filter hook postrouting priority 300; }'
	in_a "$NFT" add rule ip obs post meta priority 1:3 counter
	in_a ping -c 2 -i 0.2 -W 1 192.0.2.2 >/dev/null
	run in_a "$NFT" list table ip obs
	assert_output --partial "meta priority 1:3 counter packets 2 bytes 168"
}
