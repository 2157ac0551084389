#!/usr/bin/env bats
# arptables rules act on real ARP: three host namespaces on one switched
# LAN (lib/bridge.bash; created and removed by each test).  The rules sit
# in h2's own arp table, written by the tool under test; what the other
# hosts' neighbour tables hold afterwards shows their effect.

load lib/common
load lib/bridge

setup() {
	bridge_setup arp
	require_kernel "the nf_tables arp family (CONFIG_NF_TABLES_ARP)" \
		"$NFT" add table arp probe
}

teardown() {
	bridge_teardown
}

# Host N's resolution of ADDR failed: no lladdr, still trying or given up
unresolved() {
	run neigh_of "$1" "$2"
	assert_output --regexp '^(INCOMPLETE|FAILED)$'
}

resolved_as() {	# N ADDR MAC
	run neigh_of "$1" "$2"
	assert_output --regexp "^$3 [A-Z]+\$"
}

@test "INPUT --source-mac DROP: h1 cannot resolve h2, h3 can" {
	arpt 2 -A INPUT --source-mac "$MAC_H1" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	unresolved 1 "$IP_H2"
	ping_from 3 "$IP_H2"
	resolved_as 3 "$IP_H2" "$MAC_H2"
	run arpt 2 -L INPUT -v
	assert_line --regexp "^-j DROP .*--src-mac $MAC_H1 , pcnt=[1-9][0-9]* -- bcnt=[1-9]"
	# the rule, not the topology: without it h1 resolves h2
	arpt 2 -D INPUT --source-mac "$MAC_H1" -j DROP
	ping_from 1 "$IP_H2"
	resolved_as 1 "$IP_H2" "$MAC_H2"
}

@test "INPUT -s DROP: requests from h1's address go unanswered" {
	arpt 2 -A INPUT -s "$IP_H1" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	unresolved 1 "$IP_H2"
	ping_from 3 "$IP_H2"
	resolved_as 3 "$IP_H2" "$MAC_H2"
}

@test "OUTPUT --opcode Reply -d DROP: h2 answers h3 but not h1" {
	arpt 2 -A OUTPUT --opcode Reply -d "$IP_H1" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	unresolved 1 "$IP_H2"
	ping_from 3 "$IP_H2"
	resolved_as 3 "$IP_H2" "$MAC_H2"
	# only the replies are dropped: h1's requests reached h2, which
	# learned h1's MAC from them
	resolved_as 2 "$IP_H1" "$MAC_H1"
}

@test "OUTPUT -j mangle --mangle-mac-s: h1 learns the mangled MAC for h2" {
	require_arp_kernel "the arptables mangle target (CONFIG_IP_NF_ARP_MANGLE)" \
		-A OUTPUT -j mangle --mangle-mac-s "$MAC_NOBODY"
	arpt 2 -A OUTPUT --opcode Reply -d "$IP_H1" \
		-j mangle --mangle-mac-s "$MAC_NOBODY"
	# the echo request goes to a MAC nobody has: no answer
	run ping_from 1 "$IP_H2"
	assert_failure
	resolved_as 1 "$IP_H2" "$MAC_NOBODY"
	ping_from 3 "$IP_H2"
	resolved_as 3 "$IP_H2" "$MAC_H2"
	run arpt 2 -L OUTPUT -v
	assert_line --regexp "^-j mangle .*-d $IP_H1 --opcode Reply --mangle-mac-s $MAC_NOBODY , pcnt=1 "
}

@test "OUTPUT -j mangle --mangle-ip-s: the reply speaks for another address" {
	require_arp_kernel "the arptables mangle target (CONFIG_IP_NF_ARP_MANGLE)" \
		-A OUTPUT -j mangle --mangle-ip-s 192.0.2.99
	# h1 takes entries from unsolicited replies (its own sysctl)
	in_h 1 sysctl -qw net.ipv4.conf.e0.arp_accept=1
	arpt 2 -A OUTPUT --opcode Reply -d "$IP_H1" \
		-j mangle --mangle-ip-s 192.0.2.99
	run ping_from 1 "$IP_H2"
	assert_failure
	unresolved 1 "$IP_H2"
	resolved_as 1 192.0.2.99 "$MAC_H2"
	ping_from 3 "$IP_H2"
}
