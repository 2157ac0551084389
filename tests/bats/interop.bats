#!/usr/bin/env bats
# Interchangeable in the kernel: rules written by either tool are listed,
# checked and deleted by the other, and encoded identically.

load lib/common

setup() {
	require_root
	require_oracle
}

@test "xtnft and iptables-nft check and delete each other's rules" {
	run "$TESTS_DIR/diff/interop.sh" "$TESTS_DIR/diff/interop-specs.txt"
	assert_success
}

@test "rules written by nft in iptables' shapes are read like iptables-nft does" {
	run in_netns '
		$NFT add table ip filter
		$NFT add chain ip filter INPUT "{ type filter hook input priority 0; policy accept; }"
		$NFT add rule ip filter INPUT iifname "eth0" ip saddr 10.0.0.0/8 tcp dport 22 counter accept
		$NFT add rule ip filter INPUT ip protocol udp udp sport 53 counter
		$NFT add rule ip filter INPUT ip daddr 192.168.1.1 counter drop
		$NFT add rule ip filter INPUT oifname "lo*" counter
		$IPT -S > /tmp/x.$$; $O_IPT -S > /tmp/o.$$
		diff -u /tmp/o.$$ /tmp/x.$$; rc=$?; rm -f /tmp/x.$$ /tmp/o.$$; exit $rc'
	assert_success
}

@test "an nft set lookup is reported, not misread as a bare -j DROP" {
	run in_netns '
		$NFT add table ip filter
		$NFT add chain ip filter INPUT "{ type filter hook input priority 0; }"
		$NFT add rule ip filter INPUT ip saddr "{ 1.1.1.1, 2.2.2.2 }" counter drop
		$IPT -S INPUT
		echo "delete-rc=$($IPT -D INPUT -j DROP >/dev/null 2>&1; echo $?)"
		$NFT list chain ip filter INPUT | grep -c "ip saddr"'
	assert_success
	assert_line --partial "incompatible (set lookup)"
	refute_line "-A INPUT -j DROP"
	assert_line "delete-rc=1"
	assert_line "1"
}

@test "a table with foreign expressions is refused like iptables-nft does" {
	run in_netns '
		$IPT -A INPUT -j ACCEPT
		$NFT add rule ip filter INPUT ct state established accept
		$IPT -L; echo "rc=$?"
		$IPTSAVE | grep -v "^#.*on "; echo "rc=$?"
		$IPT -L FORWARD >/dev/null; echo "rc=$?"'
	assert_line "rc=1"
	assert_line "# Table \`filter' is incompatible, use 'nft' tool."
	assert_line "rc=0"
}
