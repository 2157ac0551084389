#!/usr/bin/env bats
# ebtables rules act on frames a real Linux bridge switches: a "switch"
# namespace holds bridge br0 with ports to three host namespaces h1, h2,
# h3 (lib/bridge.bash; created and removed by each test).  Rules go into
# the switch's bridge tables, written by the tool under test; hosts ping
# each other, and tests/pkt-listen.c shows the Ethernet header a host
# receives (for MAC NAT and VLAN tags) and sends tagged frames.

load lib/common
load lib/bridge

setup_file() {
	build_pkt_listen
}

setup() {
	bridge_setup eb
	out=$BATS_TEST_TMPDIR/frames
}

teardown() {
	bridge_teardown
}

@test "without rules the bridge switches IPv4 and IPv6 between all hosts" {
	ping_from 1 "$IP_H2"
	ping_from 3 "$IP_H2"
	ping_from 1 "$IP_H3"
	ping_from 1 -6 "$IP6_H2"
	ping_from 3 -6 "$IP6_H2"
}

@test "DROP by source MAC stops h1 -> h2 while h3 -> h2 passes" {
	ebt -A FORWARD -s "$MAC_H1" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	ping_from 3 "$IP_H2"
	# the rule, not the topology: without it h1 gets through
	ebt -D FORWARD -s "$MAC_H1" -j DROP
	ping_from 1 "$IP_H2"
}

@test "-p IPv4 --ip-src drops one host's IPv4, not its ARP or IPv6" {
	ebt -A FORWARD -p IPv4 --ip-src "$IP_H1" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	ping_from 3 "$IP_H2"
	ping_from 1 -6 "$IP6_H2"
	# ARP went through: h1 resolved h2
	run neigh_of 1 "$IP_H2"
	assert_output --regexp "^$MAC_H2 "
}

@test "-p IPv4 --ip-dst drops IPv4 to one host only" {
	ebt -A FORWARD -p IPv4 --ip-dst "$IP_H3" -j DROP
	run ping_from 1 "$IP_H3"
	assert_failure
	run ping_from 2 "$IP_H3"
	assert_failure
	ping_from 1 "$IP_H2"
}

@test "-p IPv6 --ip6-src drops one host's IPv6, not its IPv4" {
	require_eb_kernel "the ebtables ip6 match (CONFIG_BRIDGE_EBT_IP6)" \
		-A FORWARD -p IPv6 --ip6-src ::1 -j DROP
	ebt -A FORWARD -p IPv6 --ip6-src "$IP6_H1" -j DROP
	run ping_from 1 -6 "$IP6_H2"
	assert_failure
	ping_from 3 -6 "$IP6_H2"
	ping_from 1 "$IP_H2"
}

@test "-p 802_1Q --vlan-id drops that VLAN's frames; untagged and VLAN 20 pass" {
	require_pkt_listen
	require_eb_kernel "the ebtables vlan match (CONFIG_BRIDGE_EBT_VLAN)" \
		-A FORWARD -p 802_1Q --vlan-id 10 -j DROP
	# This kernel may have no 802.1Q interfaces: h1 sends the tagged
	# frames itself, on a packet socket (next test: with interfaces).
	send_three() {
		send_from 1 "$MAC_H2" 88b5 10 3
		send_from 1 "$MAC_H2" 88b5 20 3
		send_from 1 "$MAC_H2" 88b5 0 3
	}
	# h2 talks first: the bridge learns its port and floods nothing
	# (a flooded frame crosses FORWARD once per port it leaves by)
	ping_from 2 "$IP_H1"
	listen_on 2 "$out" -t 88b5 3 9
	send_three
	listen_wait
	assert_equal "$listen_rc" 0
	run frames "$out"
	assert_equal "$(grep -c ' 8100 vlan 10 88b5$' <<<"$output")" 3
	assert_equal "$(grep -c ' 8100 vlan 20 88b5$' <<<"$output")" 3
	assert_equal "$(grep -c " $MAC_H2 88b5\$" <<<"$output")" 3

	ebt -A FORWARD -p 802_1Q --vlan-id 10 -j DROP
	listen_on 2 "$out" -t 88b5 2
	send_three
	listen_wait
	run frames "$out"
	refute_output --partial "vlan 10"
	assert_equal "$(grep -c ' 8100 vlan 20 88b5$' <<<"$output")" 3
	assert_equal "$(grep -c " $MAC_H2 88b5\$" <<<"$output")" 3
	run ebt -L FORWARD --Lc
	# 3 frames of 64 bytes after the tag
	assert_output --partial "-p 802_1Q --vlan-id 10 -j DROP , pcnt = 3 -- bcnt = 192"
}

@test "-p 802_1Q --vlan-id on the VLAN interfaces of two hosts" {
	require_kernel "802.1Q VLAN interfaces (CONFIG_VLAN_8021Q)" sh -c \
		'ip link add a type veth peer name b &&
		 ip link add link a name a.5 type vlan id 5'
	require_eb_kernel "the ebtables vlan match (CONFIG_BRIDGE_EBT_VLAN)" \
		-A FORWARD -p 802_1Q --vlan-id 10 -j DROP
	local n vid

	for n in 1 2; do
		for vid in 10 20; do
			in_h "$n" ip link add link e0 name "e0.$vid" type vlan id "$vid"
			in_h "$n" ip addr add "10.0.$vid.$n/24" dev "e0.$vid"
			in_h "$n" ip link set "e0.$vid" up
		done
	done
	ping_from 1 10.0.10.2
	ebt -A FORWARD -p 802_1Q --vlan-id 10 -j DROP
	# flush h1's neighbours: the ARP on VLAN 10 has to cross again
	in_h 1 ip neigh flush dev e0.10
	run ping_from 1 10.0.10.2
	assert_failure
	ping_from 1 10.0.20.2
	ping_from 1 "$IP_H2"
}

@test "--among-src drops the listed MACs only" {
	require_eb_kernel "nf_tables sets for --among (CONFIG_NF_TABLES)" \
		-A FORWARD --among-src "$MAC_H1" -j DROP
	ebt -A FORWARD --among-src "$MAC_NOBODY,$MAC_H1" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	ping_from 3 "$IP_H2"
	ping_from 2 "$IP_H3"
}

@test "--among-src MAC=IP drops that host's IPv4 from that address only" {
	require_eb_kernel "nf_tables concatenated interval sets for --among MAC=IP" \
		-A FORWARD --among-src "$MAC_H1=$IP_H1" -j DROP
	ebt -A FORWARD --among-src "$MAC_H1=$IP_H1,$MAC_H3=192.0.2.33" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	# h3's IPv4 has another address, h1's IPv6 and ARP are not IPv4
	ping_from 3 "$IP_H2"
	ping_from 1 -6 "$IP6_H2"
	run neigh_of 1 "$IP_H2"
	assert_output --regexp "^$MAC_H2 "
}

@test "a user chain with policy DROP, jumped to for one host" {
	ebt -N guard -P DROP
	ebt -A guard -p IPv6 -j ACCEPT
	ebt -A FORWARD -s "$MAC_H1" -j guard
	# h1's IPv4 (and ARP) falls through guard to its policy
	run ping_from 1 "$IP_H2"
	assert_failure
	ping_from 1 -6 "$IP6_H2"
	ping_from 3 "$IP_H2"
	run in_sw "$XTNFT" ebtables-save
	assert_line ":guard DROP"
	assert_line "-A guard -p IPv6 -j ACCEPT"
	ebt -P guard RETURN
	ping_from 1 "$IP_H2"
}

@test "-L --Lc counts the frames a rule dropped" {
	# resolve first: the echo requests are then the only frames from h1
	ping_from 1 "$IP_H2"
	ebt -A FORWARD -p IPv4 -s "$MAC_H1" -j DROP
	ebt -A FORWARD -p IPv4 -s "$MAC_H3" -j DROP
	run in_h 1 ping -c 3 -i 0.2 -W 1 "$IP_H2"
	assert_failure
	# 3 echo requests of 84 bytes each (IP header + ICMP + 56 data bytes;
	# the bridge counts from the network header)
	run ebt -L FORWARD --Lc
	assert_line "-p IPv4 -s $MAC_H1 -j DROP , pcnt = 3 -- bcnt = 252"
	assert_line "-p IPv4 -s $MAC_H3 -j DROP , pcnt = 0 -- bcnt = 0"
	ebt -Z FORWARD
	run ebt -L FORWARD --Lc
	assert_line "-p IPv4 -s $MAC_H1 -j DROP , pcnt = 0 -- bcnt = 0"
}

# 1.8.9 fails this one: its -Z sends the rule back with the compat match
# and the kernel refuses the replacement (RULE_REPLACE: Invalid argument)
@test "-Z zeroes the counters of a rule with a compat match (--ip-proto)" {
	ping_from 1 "$IP_H2"
	ebt -A FORWARD -p IPv4 -s "$MAC_H1" --ip-proto icmp -j DROP
	run in_h 1 ping -c 2 -i 0.2 -W 1 "$IP_H2"
	assert_failure
	run ebt -L FORWARD --Lc
	assert_line "-p IPv4 -s $MAC_H1 --ip-proto icmp -j DROP , pcnt = 2 -- bcnt = 168"
	ebt -Z FORWARD
	run ebt -L FORWARD --Lc
	assert_line "-p IPv4 -s $MAC_H1 --ip-proto icmp -j DROP , pcnt = 0 -- bcnt = 0"
}

@test "-j CONTINUE goes on to the next rule, -j ACCEPT does not" {
	ebt -A FORWARD -s "$MAC_H1" -j CONTINUE
	ebt -A FORWARD -s "$MAC_H1" -p IPv4 -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	run ebt -L FORWARD --Lc
	assert_line --regexp "^-s $MAC_H1 -j CONTINUE , pcnt = [1-9]"
	ebt -D FORWARD 1
	ebt -I FORWARD -s "$MAC_H1" -j ACCEPT
	ping_from 1 "$IP_H2"
}

@test "-j RETURN leaves a user chain for the next rule of its caller" {
	ebt -N sub
	ebt -A sub -s "$MAC_H1" -j RETURN
	ebt -A sub -j ACCEPT
	ebt -A FORWARD -p IPv4 -d "$MAC_H2" -j sub
	ebt -A FORWARD -p IPv4 -d "$MAC_H2" -j DROP
	run ping_from 1 "$IP_H2"
	assert_failure
	ping_from 3 "$IP_H2"
}

@test "-j RETURN in a built-in chain applies the chain's policy" {
	ebt -A FORWARD -p IPv4 -d "$MAC_H2" -s "$MAC_H1" -j RETURN
	ebt -A FORWARD -p IPv4 -d "$MAC_H2" -j DROP
	ping_from 1 "$IP_H2"
	run ping_from 3 "$IP_H2"
	assert_failure
	# h1's frames now meet the DROP policy
	ebt -P FORWARD DROP
	run ping_from 1 "$IP_H2"
	assert_failure
}

@test "nat dnat --to-destination delivers frames for a made-up MAC to h2" {
	require_eb_kernel "the ebtables dnat target (CONFIG_BRIDGE_EBT_DNAT)" \
		-t nat -A PREROUTING -j dnat --to-destination "$MAC_H2"
	# h1 believes h2's address is at a MAC nobody has
	in_h 1 ip neigh replace "$IP_H2" lladdr "$MAC_NOBODY" dev e0 nud permanent
	run ping_from 1 "$IP_H2"
	assert_failure
	ebt -t nat -A PREROUTING -d "$MAC_NOBODY" -j dnat --to-destination "$MAC_H2"
	ping_from 1 "$IP_H2"
	run ebt -t nat -L PREROUTING --Lc
	assert_output --regexp "-d $MAC_NOBODY -j dnat --to-dst $MAC_H2 --dnat-target ACCEPT , pcnt = [1-9]"
}

@test "nat dnat --to-destination sends what h1 addressed to h2 to h3" {
	require_pkt_listen
	require_eb_kernel "the ebtables dnat target (CONFIG_BRIDGE_EBT_DNAT)" \
		-t nat -A PREROUTING -j dnat --to-destination "$MAC_H2"
	ping_from 1 "$IP_H2"
	ebt -t nat -A PREROUTING -p IPv4 -s "$MAC_H1" -d "$MAC_H2" \
		-j dnat --to-destination "$MAC_H3"
	listen_on 3 "$out" -t 0800 3 1
	run ping_from 1 "$IP_H2"
	assert_failure
	listen_wait
	assert_equal "$listen_rc" 0
	run frames "$out"
	assert_output "$MAC_H1 $MAC_H3 0800"
	# and h2 sees none of it
	listen_on 2 "$out" -t 0800 2 1
	run ping_from 1 "$IP_H2"
	listen_wait
	assert_equal "$listen_rc" 1
	run frames "$out"
	assert_output ""
}

@test "nat snat --to-source rewrites the source MAC h2 sees" {
	require_pkt_listen
	require_eb_kernel "the ebtables snat target (CONFIG_BRIDGE_EBT_SNAT)" \
		-t nat -A POSTROUTING -j snat --to-source "$MAC_H2"
	ping_from 1 "$IP_H2"
	listen_on 2 "$out" -t 0800 3 1
	ping_from 1 "$IP_H2"
	listen_wait
	run frames "$out"
	assert_output "$MAC_H1 $MAC_H2 0800"

	ebt -t nat -A POSTROUTING -p IPv4 -s "$MAC_H1" -o p2 \
		-j snat --to-source "$MAC_NOBODY"
	listen_on 2 "$out" -t 0800 3 1
	# h2 answers to the address ARP told it, so the ping still works
	ping_from 1 "$IP_H2"
	listen_wait
	assert_equal "$listen_rc" 0
	run frames "$out"
	assert_output "$MAC_NOBODY $MAC_H2 0800"
	# frames to h3 leave by another port: untouched
	ping_from 1 "$IP_H3"
	listen_on 3 "$out" -t 0800 3 1
	ping_from 1 "$IP_H3"
	listen_wait
	run frames "$out"
	assert_output "$MAC_H1 $MAC_H3 0800"
}
