#!/usr/bin/env bats
# The mangle group's targets and the ipset match act on real packets: two
# namespaces joined by a veth pair, both created (and removed) by the test.
# What a packet carries is read on the other side: ping prints the TTL or
# hop limit it got, a counter of an nft table of the test's own counts the
# TOS and MSS values, ipset lists what -j SET added.  Then the deliberate
# differences from 1.8.9 of these extensions, beside the oracle, and
# their interop with it in the tables and with the sets they need.

load lib/common

setup() {
	two_ns_setup m
}

teardown() {
	two_ns_teardown
}

in_a() { ip netns exec "$ns_a" "$@"; }
in_b() { ip netns exec "$ns_b" "$@"; }

ping_ok() {
	in_a ping -c 1 -W 1 "$@" >/dev/null 2>&1
}

# The TTL (or hop limit) of the echo reply ping got.
reply_ttl() {
	in_a ping -c 1 -W 2 "$@" | sed -n 's/.* ttl=\([0-9]*\) .*/\1/p'
}

# An nft table of the test's own in ns_a, counting incoming packets that
# match EXPR; its packet count is `counted`.
count_in_a() {
	in_a "$NFT" add table ip probe
	in_a "$NFT" add chain ip probe c '{ type filter hook prerouting priority -400; }'
	in_a "$NFT" add rule ip probe c "$@" counter
}

counted() {
	in_a "$NFT" list table ip probe | sed -n 's/.* counter packets \([0-9]*\) .*/\1/p'
}

@test "MARK in mangle PREROUTING is seen by -m mark in filter INPUT" {
	ping_ok 192.0.2.2
	in_b "$XTNFT" iptables -t mangle -A PREROUTING -s 192.0.2.1 -p icmp -j MARK --set-mark 0x2a
	in_b "$XTNFT" iptables -A INPUT -m mark --mark 0x2a -j DROP
	run ping_ok 192.0.2.2
	assert_failure
	run in_b "$XTNFT" iptables -L INPUT -v -x -n
	assert_output --regexp "1 +84 DROP .* mark match 0x2a"
	run in_b "$XTNFT" iptables -t mangle -L PREROUTING -v -x -n
	assert_output --regexp "1 +84 MARK .* MARK set 0x2a"
	# other bits of the mark: --or-mark keeps them, the mask sees 0x2a
	in_b "$XTNFT" iptables -t mangle -R PREROUTING 1 -s 192.0.2.1 -p icmp -j MARK --or-mark 0x100
	in_b "$XTNFT" iptables -t mangle -I PREROUTING -s 192.0.2.1 -p icmp -j MARK --set-xmark 0x2a/0xff
	in_b "$XTNFT" iptables -R INPUT 1 -m mark --mark 0x12a -j DROP
	run ping_ok 192.0.2.2
	assert_failure
	in_b "$XTNFT" iptables -t mangle -F PREROUTING
	ping_ok 192.0.2.2
}

@test "nft's meta mark set is read as -j MARK and can be deleted by it" {
	in_b "$XTNFT" iptables -t mangle -A PREROUTING -j ACCEPT
	in_b "$NFT" add rule ip mangle PREROUTING meta mark set 0x7
	run in_b "$XTNFT" iptables -t mangle -S PREROUTING
	assert_line -- "-A PREROUTING -j MARK --set-xmark 0x7/0xffffffff"
	in_b "$XTNFT" iptables -t mangle -D PREROUTING -j MARK --set-mark 7
	run in_b "$XTNFT" iptables -t mangle -S PREROUTING
	refute_output --partial MARK
}

@test "TTL sets, lowers and raises the TTL the receiver sees" {
	[ "$(reply_ttl 192.0.2.2)" = 64 ]
	in_b "$XTNFT" iptables -t mangle -A POSTROUTING -p icmp -j TTL --ttl-set 33
	[ "$(reply_ttl 192.0.2.2)" = 33 ]
	in_b "$XTNFT" iptables -t mangle -R POSTROUTING 1 -p icmp -j TTL --ttl-dec 4
	[ "$(reply_ttl 192.0.2.2)" = 60 ]
	in_b "$XTNFT" iptables -t mangle -R POSTROUTING 1 -p icmp -j TTL --ttl-inc 3
	[ "$(reply_ttl 192.0.2.2)" = 67 ]
	run in_b "$XTNFT" iptables -t mangle -L POSTROUTING -v -x -n
	assert_output --regexp "1 +84 TTL .* TTL increment by 3"
}

@test "HL sets and lowers the hop limit the receiver sees" {
	# the first packet waits for neighbour discovery
	in_a ping -6 -c 1 -W 5 2001:db8::2 >/dev/null
	in_b "$XTNFT" ip6tables -t mangle -A POSTROUTING -p ipv6-icmp -j HL --hl-set 33
	[ "$(reply_ttl -6 2001:db8::2)" = 33 ]
	in_b "$XTNFT" ip6tables -t mangle -R POSTROUTING 1 -p ipv6-icmp -j HL --hl-dec 4
	[ "$(reply_ttl -6 2001:db8::2)" = 60 ]
}

@test "DSCP and TOS change the byte the receiver sees" {
	count_in_a ip saddr 192.0.2.2 ip dscp ef
	in_b "$XTNFT" iptables -t mangle -A POSTROUTING -p icmp -j DSCP --set-dscp-class EF
	ping_ok 192.0.2.2
	[ "$(counted)" = 1 ]
	# TOS last: it sets the whole byte, 0xb8 is EF again
	in_b "$XTNFT" iptables -t mangle -A POSTROUTING -p icmp -j TOS --and-tos 0x00
	ping_ok 192.0.2.2
	[ "$(counted)" = 1 ]
	in_b "$XTNFT" iptables -t mangle -A POSTROUTING -p icmp -j TOS --set-tos 0xb8
	ping_ok 192.0.2.2
	[ "$(counted)" = 2 ]
}

@test "TCPMSS lowers the MSS of the SYN" {
	command -v nc >/dev/null || skip "nc is not installed"
	count_in_a tcp flags syn tcp option maxseg size 500
	in_b "$XTNFT" iptables -t mangle -A OUTPUT -p tcp --syn -j TCPMSS --set-mss 500
	in_a timeout 5 nc -l -p 8080 >/dev/null 2>&1 &
	sleep 0.3
	in_b timeout 3 bash -c 'echo hi | nc -q 0 192.0.2.1 8080'
	wait
	[ "$(counted)" = 1 ]
}

@test "-j SET adds the sender to an ipset and -m set then drops it" {
	command -v ipset >/dev/null || skip "ipset is not installed"
	in_b ipset create seen hash:ip
	in_b "$XTNFT" iptables -A INPUT -p icmp -j SET --add-set seen src
	ping_ok 192.0.2.2
	in_b ipset test seen 192.0.2.1
	in_b "$XTNFT" iptables -I INPUT -m set --match-set seen src -j DROP
	run ping_ok 192.0.2.2
	assert_failure
	run in_b "$XTNFT" iptables -L INPUT -v -x -n
	assert_output --regexp "1 +84 DROP .* match-set seen src"
	in_b ipset del seen 192.0.2.1
	ping_ok 192.0.2.2
}

@test "CHECKSUM is taken in mangle and leaves traffic working" {
	in_b "$XTNFT" iptables -t mangle -A POSTROUTING -p icmp -j CHECKSUM --checksum-fill
	ping_ok 192.0.2.2
	run in_b "$XTNFT" iptables -t mangle -L POSTROUTING -v -x -n
	assert_output --regexp "1 +84 CHECKSUM .* CHECKSUM fill"
}

# Deliberate differences: 1.8.9 stores something other than what was
# typed; xtnft refuses it.  The oracle's behaviour is shown beside ours.

@test "difference: TCPMSS with both --set-mss and --clamp-mss-to-pmtu" {
	require_oracle
	# 1.8.9 keeps the later option silently
	run in_netns '$O_IPT -A FORWARD -p tcp -j TCPMSS --set-mss 1400 --clamp-mss-to-pmtu && $O_IPT -S FORWARD'
	assert_success
	assert_line -- "-A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu"
	run in_netns '$IPT -A FORWARD -p tcp -j TCPMSS --set-mss 1400 --clamp-mss-to-pmtu'
	assert_failure 2
	assert_line --index 0 'iptables v1.8.9 (nf_tables): TCPMSS: option "--set-mss" cannot be used together with "--clamp-mss-to-pmtu".'
}

@test "difference: DSCP class names must be whole" {
	require_oracle
	# 1.8.9 compares only the class's length: EFX is EF
	run in_netns '$O_IPT -t mangle -A POSTROUTING -j DSCP --set-dscp-class EFX && $O_IPT -t mangle -S POSTROUTING'
	assert_success
	assert_line -- "-A POSTROUTING -j DSCP --set-dscp 0x2e"
	run in_netns '$IPT -t mangle -A POSTROUTING -j DSCP --set-dscp-class EFX'
	assert_failure 2
	assert_line --index 0 "iptables v1.8.9 (nf_tables): Invalid DSCP value \`EFX'"
}

@test "difference: set directions must be whole words, SET options are not inverted" {
	require_oracle
	command -v ipset >/dev/null || skip "ipset is not installed"
	# 1.8.9 reads only "src"/"dst" of srcx, and ignores the !
	run in_netns 'ipset create foo hash:ip && $O_IPT -A FORWARD -m set --match-set foo srcx -j SET ! --add-set foo dstx && $O_IPT -S FORWARD'
	assert_success
	assert_line -- "-A FORWARD -m set --match-set foo src -j SET --add-set foo dst"
	run in_netns 'ipset create foo hash:ip && $IPT -A FORWARD -m set --match-set foo srcx'
	assert_failure 2
	assert_line --index 0 "iptables v1.8.9 (nf_tables): You must spefify (the comma separated list of) 'src' or 'dst'."
	run in_netns 'ipset create foo hash:ip && $IPT -A FORWARD -j SET ! --add-set foo src'
	assert_failure 2
	assert_line --index 0 "iptables v1.8.9 (nf_tables): --add-set option cannot be inverted"
}

@test "difference: a set name with a blank is quoted in save output" {
	require_oracle
	command -v ipset >/dev/null || skip "ipset is not installed"
	# 1.8.9 prints it bare, and its own restore then fails
	run in_netns 'ipset create "a b" hash:ip && $O_IPT -A FORWARD -m set --match-set "a b" src && $O_IPT -S FORWARD'
	assert_line -- "-A FORWARD -m set --match-set a b src"
	run in_netns 'ipset create "a b" hash:ip && $IPT -A FORWARD -m set --match-set "a b" src -j SET --add-set "a b" dst && $IPTSAVE | $IPTRESTORE && $IPT -S FORWARD'
	assert_success
	assert_line -- '-A FORWARD -m set --match-set "a b" src -j SET --add-set "a b" dst'
}

# Interop beyond tests/diff/interop-specs.txt (filter table, no ipsets):
# each spec written by one tool is listed, checked and deleted by the
# other, in its table and chain, with the sets it names.
interop_both_ways() {	# fam table chain spec
	local ours=iptables theirs=$ORACLE w r out
	[ "$1" = ipv6 ] && { ours=ip6tables; theirs=$ORACLE6; }
	for w in ours theirs; do
		out=$(unshare -n env OURS="$XTNFT $ours" THEIRS="$theirs" W=$w \
			T="$2" C="$3" SPEC="$4" bash -c '
			ipset create foo hash:ip; ipset create bar hash:ip,port
			ipset create six hash:ip family inet6
			if [ $W = ours ]; then w=$OURS; r=$THEIRS; else w=$THEIRS; r=$OURS; fi
			eval "set -- $SPEC"
			$w -t $T -A $C "$@" || exit 1
			$w -t $T -S $C >/tmp/xtnft-w.$$; $r -t $T -S $C >/tmp/xtnft-r.$$
			cmp -s /tmp/xtnft-w.$$ /tmp/xtnft-r.$$ || { diff /tmp/xtnft-w.$$ /tmp/xtnft-r.$$; exit 1; }
			$w -t $T -L $C -n -v >/tmp/xtnft-w.$$; $r -t $T -L $C -n -v >/tmp/xtnft-r.$$
			cmp -s /tmp/xtnft-w.$$ /tmp/xtnft-r.$$ || { diff /tmp/xtnft-w.$$ /tmp/xtnft-r.$$; exit 1; }
			rm -f /tmp/xtnft-w.$$ /tmp/xtnft-r.$$
			$r -t $T -C $C "$@" && $r -t $T -D $C "$@" &&
				! $w -t $T -S $C | grep -q -- "^-A"' 2>&1) ||
			{ echo "$w wrote, the other read: $1 $2 $3 $4: $out"; return 1; }
	done
}

@test "interop: the oracle and xtnft read, check and delete each other's rules" {
	require_oracle
	command -v ipset >/dev/null || skip "ipset is not installed"
	while read -r fam table chain spec; do
		interop_both_ways "$fam" "$table" "$chain" "$spec"
	done <<'SPECS'
ipv4 mangle PREROUTING -j MARK --set-mark 0x10/0x1
ipv4 filter FORWARD -i eth0 -j MARK --and-mark 0xf0
ipv6 mangle OUTPUT -j MARK --xor-mark 7
ipv4 filter FORWARD -p tcp --syn -j TCPMSS --set-mss 1400
ipv6 mangle POSTROUTING -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
ipv4 mangle PREROUTING -j TOS --set-tos Minimize-Delay
ipv6 mangle FORWARD -j TOS --and-tos 0x0f
ipv4 mangle POSTROUTING -j DSCP --set-dscp-class AF41
ipv6 mangle PREROUTING -j DSCP --set-dscp 10
ipv4 mangle PREROUTING -j TTL --ttl-dec 3
ipv6 mangle POSTROUTING -j HL --hl-inc 2
ipv4 mangle POSTROUTING -p udp -j CHECKSUM --checksum-fill
ipv4 filter INPUT -m set ! --match-set bar src,dst --return-nomatch ! --update-counters --packets-gt 5 ! --bytes-eq 7
ipv6 filter INPUT -m set --match-set six dst -j DROP
ipv4 filter FORWARD -j SET --add-set foo src --exist --timeout 60 --del-set bar dst,src
ipv4 mangle PREROUTING -j SET --map-set foo src --map-mark
SPECS
}
