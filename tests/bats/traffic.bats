#!/usr/bin/env bats
# Rules written by xtnft act on real packets: two namespaces joined by a
# veth pair, both created (and removed) by the test.

load lib/common

setup() {
	two_ns_setup t
}

teardown() {
	two_ns_teardown
}

ping_ok() {
	ip netns exec "$ns_a" ping -c 1 -W 1 "$@" >/dev/null 2>&1
}

@test "a DROP rule blocks ping and deleting it restores traffic" {
	ping_ok 192.0.2.2
	ip netns exec "$ns_b" "$XTNFT" iptables -A INPUT -s 192.0.2.1 -p icmp --icmp-type echo-request -j DROP
	run ping_ok 192.0.2.2
	assert_failure
	run ip netns exec "$ns_b" "$XTNFT" iptables -L INPUT -v -x -n
	assert_output --regexp "1 +84 DROP"
	ip netns exec "$ns_b" "$XTNFT" iptables -D INPUT -s 192.0.2.1 -p icmp --icmp-type echo-request -j DROP
	ping_ok 192.0.2.2
}

@test "a DROP policy with an allow rule for one port" {
	command -v nc >/dev/null || skip "nc is not installed"
	ip netns exec "$ns_b" "$XTNFT" iptables -A INPUT -i lo -j ACCEPT
	ip netns exec "$ns_b" "$XTNFT" iptables -A INPUT -p tcp --dport 8080 -j ACCEPT
	ip netns exec "$ns_b" "$XTNFT" iptables -P INPUT DROP
	run ping_ok 192.0.2.2
	assert_failure
	ip netns exec "$ns_b" timeout 5 nc -l -p 8080 >/dev/null 2>&1 &
	sleep 0.3
	run ip netns exec "$ns_a" timeout 3 bash -c 'echo hi | nc -q 0 192.0.2.2 8080'
	assert_success
	wait
}

@test "ip6tables filters IPv6 traffic" {
	# the first packet waits for neighbour discovery
	ip netns exec "$ns_a" ping -6 -c 1 -W 5 2001:db8::2 >/dev/null
	ip netns exec "$ns_b" "$XTNFT" ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j DROP
	run ip netns exec "$ns_a" ping -6 -c 1 -W 1 2001:db8::2
	assert_failure
	ip netns exec "$ns_b" "$XTNFT" ip6tables -F INPUT
	ip netns exec "$ns_a" ping -6 -c 1 -W 5 2001:db8::2 >/dev/null
}
