#!/usr/bin/env bats
# Stateful rules written by xtnft act on real packets: conntrack/state,
# CT --notrack and NOTRACK, CONNMARK with the connmark match.  Two
# namespaces joined by a veth pair, both created (and removed) here.

load lib/common

setup() {
	two_ns_setup s
}

teardown() {
	two_ns_teardown
}

# xtnft in the host namespace b
ipt_b() {
	ip netns exec "$ns_b" "$XTNFT" iptables "$@"
}

# The packet count of the rule of CHAIN (in TABLE) whose -S line holds
# PATTERN: "-A CHAIN ... -c PKTS BYTES [-j ...]".
pkts() {	# table chain pattern
	ipt_b -t "$1" -S "$2" -v | grep -F -- "$3" |
		sed -n 's/.* -c \([0-9]*\) [0-9]*\( .*\)\{0,1\}$/\1/p'
}

# One TCP connection from a to b:PORT, with a listener on b.
connect() {
	ip netns exec "$ns_b" timeout 4 nc -l -p "$1" >/dev/null 2>&1 &
	local lpid=$!
	sleep 0.3
	local rc=0
	ip netns exec "$ns_a" timeout 3 bash -c "echo hi | nc -q 0 192.0.2.2 $1" ||
		rc=$?
	kill "$lpid" 2>/dev/null || true
	wait "$lpid" 2>/dev/null || true
	return $rc
}

stateful_host() {	# the match that accepts replies, as words
	ipt_b -A INPUT -i lo -j ACCEPT
	ipt_b -A INPUT "$@" -j ACCEPT
	ipt_b -A INPUT -p tcp --dport 8080 -m conntrack --ctstate NEW -j ACCEPT
	ipt_b -P INPUT DROP
}

@test "conntrack: a stateful host passes replies and blocks what it did not ask for" {
	command -v nc >/dev/null || skip "nc is not installed"
	stateful_host -m conntrack --ctstate ESTABLISHED,RELATED
	# b asks, a's reply is ESTABLISHED
	ip netns exec "$ns_b" ping -c 1 -W 2 192.0.2.1 >/dev/null
	# a asks: a NEW echo request is dropped
	run ip netns exec "$ns_a" ping -c 1 -W 1 192.0.2.2
	assert_failure
	# NEW to the open port, then the connection's later packets
	connect 8080
	# NEW to another port is dropped
	run connect 9090
	assert_failure
	[ "$(pkts filter INPUT 'RELATED,ESTABLISHED')" -ge 2 ]
	[ "$(pkts filter INPUT '--dport 8080')" -ge 1 ]
}

@test "state: the same host with -m state --state ESTABLISHED,RELATED" {
	command -v nc >/dev/null || skip "nc is not installed"
	stateful_host -m state --state ESTABLISHED,RELATED
	run ipt_b -S INPUT
	assert_output --partial "-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT"
	ip netns exec "$ns_b" ping -c 1 -W 2 192.0.2.1 >/dev/null
	run ip netns exec "$ns_a" ping -c 1 -W 1 192.0.2.2
	assert_failure
	connect 8080
	[ "$(pkts filter INPUT 'RELATED,ESTABLISHED')" -ge 2 ]
}

@test "CT --notrack in raw leaves packets UNTRACKED" {
	ipt_b -t raw -A PREROUTING -p icmp -j CT --notrack
	ipt_b -A INPUT -p icmp -m conntrack --ctstate UNTRACKED
	ipt_b -A INPUT -p icmp -m conntrack --ctstate NEW
	ip netns exec "$ns_a" ping -c 2 -W 2 192.0.2.2 >/dev/null
	[ "$(pkts raw PREROUTING 'CT --notrack')" = 2 ]
	[ "$(pkts filter INPUT 'UNTRACKED')" = 2 ]
	[ "$(pkts filter INPUT '--ctstate NEW')" = 0 ]
}

@test "NOTRACK in raw leaves packets UNTRACKED for -m state" {
	ipt_b -t raw -A PREROUTING -p icmp -j NOTRACK
	ipt_b -A INPUT -p icmp -m state --state UNTRACKED
	ip netns exec "$ns_a" ping -c 1 -W 2 192.0.2.2 >/dev/null
	[ "$(pkts raw PREROUTING 'NOTRACK')" = 1 ]
	[ "$(pkts filter INPUT 'UNTRACKED')" = 1 ]
}

@test "CONNMARK --set-mark on the request, -m connmark matches the reply" {
	ipt_b -A INPUT -p icmp --icmp-type echo-request -j CONNMARK --set-mark 5
	ipt_b -A OUTPUT -p icmp -m connmark --mark 5
	ipt_b -A OUTPUT -p icmp -m connmark --mark 6
	ipt_b -A OUTPUT -p icmp -j CONNMARK --restore-mark
	ipt_b -A OUTPUT -p icmp -m mark --mark 5
	ip netns exec "$ns_a" ping -c 1 -W 2 192.0.2.2 >/dev/null
	[ "$(pkts filter OUTPUT 'connmark --mark 0x5')" = 1 ]
	[ "$(pkts filter OUTPUT 'connmark --mark 0x6')" = 0 ]
	[ "$(pkts filter OUTPUT '-m mark --mark 0x5')" = 1 ]
}
