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

@test "every extension's rules are interchangeable (tests/diff/ext/*.interop)" {
	run "$TESTS_DIR/diff/interop.sh" "$TESTS_DIR"/diff/ext/*.interop
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
		$IPT -S INPUT; $IPT -L INPUT; $IPTSAVE
		echo "delete-rc=$($IPT -D INPUT -j DROP >/dev/null 2>&1; echo $?)"
		$NFT list chain ip filter INPUT | grep -c "ip saddr"
		echo "oracle: $($O_IPT -S INPUT | grep -- -A)"'
	assert_success
	# in -S, -L and save alike
	[ "$(grep -c "^# Warning: rule 1 in chain \`INPUT' is incompatible (set lookup), use 'nft' tool.$" <<<"$output")" = 3 ]
	refute_line "-A INPUT -j DROP"
	assert_line "delete-rc=1"
	assert_line "1"
	# 1.8.9 misreads it (interop.md Decision 3)
	assert_line "oracle: -A INPUT -j DROP"
}

@test "a port given twice stays two matches (1.8.9 shows and deletes it as the last one)" {
	run in_netns '
		$O_IPT -A INPUT -p tcp -m tcp --dport 22 -m tcp --dport 23 -j ACCEPT
		echo "ours: $($IPT -S INPUT | grep -- -A)"
		echo "oracle: $($O_IPT -S INPUT | grep -- -A)"
		$IPT -D INPUT -p tcp -m tcp --dport 23 -j ACCEPT 2>/dev/null; echo "delete-last-rc=$?"
		$IPT -C INPUT -p tcp -m tcp --dport 22 -m tcp --dport 23 -j ACCEPT; echo "check-rc=$?"
		$IPT -D INPUT -p tcp -m tcp --dport 22 -m tcp --dport 23 -j ACCEPT; echo "delete-rc=$?"
		$O_IPT -S INPUT | grep -c -- -A'
	assert_line "ours: -A INPUT -p tcp -m tcp --dport 22 -m tcp --dport 23 -j ACCEPT"
	assert_line "oracle: -A INPUT -p tcp -m tcp --dport 23 -j ACCEPT"
	assert_line "delete-last-rc=1"
	assert_line "check-rc=0"
	assert_line "delete-rc=0"
	assert_line "0"
}

@test "a table with foreign expressions is refused like iptables-nft does" {
	run in_netns '
		$IPT -A INPUT -j ACCEPT
		$NFT add rule ip filter INPUT ct state established accept
		for t in "$IPT" "$O_IPT"; do
			$t -L 2>&1; echo "rc=$?"
			${t}-save 2>&1 | grep -v "^#.*on "; echo "rc=$?"
			$t -L FORWARD 2>&1 >/dev/null; echo "rc=$?"
		done > all
		head -n $(($(wc -l < all) / 2)) all > ours; tail -n +$(($(wc -l < all) / 2 + 1)) all > theirs
		cat ours; diff ours theirs && echo "same as oracle"'
	assert_line "rc=1"
	assert_line "# Table \`filter' is incompatible, use 'nft' tool."
	assert_line "rc=0"
	assert_line "same as oracle"
}

@test "-Z replaces each rule by itself: 1.8.9's and nft's rules keep handles, xt protocol checks and comments" {
	require_root
	require_oracle
	run in_netns '
		$O_IPT -A INPUT -p tcp -m tcp --tcp-option 5 -j ACCEPT -c 5 6
		$O_IPT -A INPUT -p udp -m udp -j DROP -c 7 8
		$NFT add rule ip filter INPUT counter packets 11 bytes 12 comment \"from nft\"
		before=$($NFT -a list chain ip filter INPUT | grep -o "# handle [0-9]*" | tr "\n" " ")
		$IPT -Z INPUT; echo "rc=$?"
		$O_IPT -S INPUT -v | grep "^-A"
		$O_IPT -C INPUT -p tcp -m tcp --tcp-option 5 -j ACCEPT && echo "oracle finds it"
		after=$($NFT -a list chain ip filter INPUT | grep -o "# handle [0-9]*" | tr "\n" " ")
		[ "$before" = "$after" ] && echo "same handles"'
	assert_line "rc=0"
	assert_line "-A INPUT -p tcp -m tcp --tcp-option 5 -c 0 0 -j ACCEPT"
	assert_line "-A INPUT -p udp -m udp -c 0 0 -j DROP"
	assert_line '-A INPUT -m comment --comment "from nft" -c 0 0'
	assert_line "oracle finds it"
	assert_line "same handles"
}
