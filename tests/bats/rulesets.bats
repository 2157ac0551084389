#!/usr/bin/env bats
# Real firewall managers' rulesets (tests/rulesets/*.rules, in the shapes
# ufw, ferm, Docker, kube-proxy and fail2ban write): each restores with
# xtnft, saves back byte for byte, is read identically by iptables-nft
# 1.8.9, and is the same in the kernel as when 1.8.9 restores it.

load lib/common

setup() {
	require_root
	require_oracle
}

# family: ip or ip6; prints "ok" or what differs
check_ruleset() {
	local file=$TESTS_DIR/rulesets/$1 tool=iptables otool=/usr/sbin/iptables-nft
	[ "$2" = ip6 ] && { tool=ip6tables; otool=/usr/sbin/ip6tables-nft; }
	local ours theirs
	ours=$(unshare -n env X="$XTNFT" T=$tool O=$otool F="$file" NFT="$NFT" bash -c '
		set -e
		$X $T-restore <"$F"
		grep -v "^#" "$F" >/tmp/want.$$
		$X $T-save | grep -v "^#" | diff -u /tmp/want.$$ - >&2 ||
			{ echo "xtnft saves it differently" >&2; exit 1; }
		$O-save | grep -v "^#" | diff -u /tmp/want.$$ - >&2 ||
			{ echo "iptables-nft reads it differently" >&2; exit 1; }
		rm -f /tmp/want.$$
		$NFT --debug=netlink list ruleset')
	theirs=$(unshare -n env O=$otool F="$file" NFT="$NFT" bash -c '
		set -e
		$O-restore <"$F"
		$NFT --debug=netlink list ruleset')
	[ -n "$ours" ] || { echo "no ruleset"; return 1; }
	if [ "$ours" != "$theirs" ]; then
		diff -u <(echo "$theirs") <(echo "$ours") | head -40
		echo "the kernel holds something else than after 1.8.9's restore"
		return 1
	fi
	echo ok
}

@test "ufw's ruleset" {
	run check_ruleset ufw.rules ip
	assert_output ok
}

@test "ufw's IPv6 ruleset, with IPv6 NAT" {
	run check_ruleset ufw6.rules ip6
	assert_output ok
}

@test "Docker's ruleset" {
	run check_ruleset docker.rules ip
	assert_output ok
}

@test "kube-proxy's ruleset" {
	run check_ruleset kube-proxy.rules ip
	assert_output ok
}

@test "kube-proxy's --noflush resync into its own ruleset" {
	run unshare -n env X="$XTNFT" O=/usr/sbin/iptables-nft \
		F="$TESTS_DIR/rulesets/kube-proxy.rules" bash -c '
		set -e
		$X iptables-restore <"$F"
		before=$($X iptables-save | grep -v "^#" | sort)
		# what kube-proxy sends on a sync: its own chains redeclared
		# (flushed) and their rules again, with --noflush; the jumps
		# from the built-in chains stay
		grep -E "^(\*|COMMIT|:KUBE-|-A KUBE-)" "$F" | $X iptables-restore --noflush
		after=$($X iptables-save | grep -v "^#" | sort)
		[ "$before" = "$after" ] && echo same'
	assert_output same
}

@test "fail2ban's ruleset" {
	run check_ruleset fail2ban.rules ip
	assert_output ok
}

@test "ferm's ruleset" {
	run check_ruleset ferm.rules ip
	assert_output ok
}
