#!/usr/bin/env bats
# Front-end behaviour that is xtnft's own: dispatch, version, privileges.

load lib/common

@test "dispatch on the first argument and on argv[0]" {
	run "$XTNFT" iptables -V
	assert_success
	assert_output "iptables v1.8.9 (nf_tables)"
	tmp=$(mktemp -d)
	ln -s "$XTNFT" "$tmp/ip6tables-save"
	run "$tmp/ip6tables-save" -V
	rm -rf "$tmp"
	assert_success
	assert_output "ip6tables-save v1.8.9 (nf_tables)"
}

@test "xtnft does not load libnetfilter_conntrack; xtnft conntrack runs the conntrack beside it" {
	run ldd "$XTNFT"
	assert_success
	assert_output --partial libnftnl
	refute_output --partial libnetfilter_conntrack
	run ldd "$(dirname "$XTNFT")/conntrack"
	assert_output --partial libnetfilter_conntrack
	run "$XTNFT" conntrack -V
	assert_success
	assert_output "conntrack v1.4.7 (conntrack-tools)"
	# a conntrack link to xtnft hands over to the same program
	tmp=$(mktemp -d)
	ln -s "$XTNFT" "$tmp/conntrack"
	run "$tmp/conntrack" -V
	rm -rf "$tmp"
	assert_success
	assert_output "conntrack v1.4.7 (conntrack-tools)"
}

@test "xtnft --version and -V print xtnft's version; the tools' -V is 1.8.9's alone" {
	version=$(sed -n 's/^AC_INIT(\[xtnft\], *\[\([^]]*\)\].*/\1/p' "$TESTS_DIR/../configure.ac")
	[ -n "$version" ]
	run "$XTNFT" --version
	assert_success
	assert_output "xtnft $version"
	run "$XTNFT" -V
	assert_success
	assert_output "xtnft $version"
	for tool in iptables ip6tables iptables-save ip6tables-save \
		    iptables-restore ip6tables-restore; do
		for opt in -V --version; do
			run "$XTNFT" $tool $opt
			assert_success
			assert_output "$tool v1.8.9 (nf_tables)"
		done
	done
}

@test "an unknown tool name is a clear error" {
	run "$XTNFT" frobtables -L
	assert_failure 1
	assert_line --index 0 "xtnft: unknown tool \`frobtables'"
}

@test "unprivileged use gets iptables' message and status 4" {
	command -v setpriv >/dev/null || skip "setpriv is not installed"
	[ "$(id -u)" = 0 ] || skip "needs root to drop privileges"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$XTNFT" iptables -L
	assert_failure 4
	assert_output "iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)"
}

@test "a failing command changes nothing" {
	require_root
	run in_netns '
		$IPT -A INPUT -s 1.1.1.1
		snapshot
		$IPT -A INPUT -s 2.2.2.2,3.3.3.3 -p tcp --dport 99999; echo "rc=$?"
		$IPT -I INPUT 5 -j DROP; echo "rc=$?"
		unchanged'
	assert_line "rc=2"
	assert_line "rc=1"
	assert_line unchanged
}

@test "a rule beyond the kernel's 128 expressions is named as such (1.8.9: 'No space left on device')" {
	require_root
	run in_netns '
		$IPT -A INPUT -p tcp $(printf -- "-m tcp --dport 1 %.0s" $(seq 70)) -j ACCEPT; echo "rc=$?"
		$O_IPT -A INPUT -p tcp $(printf -- "-m tcp --dport 1 %.0s" $(seq 70)) -j ACCEPT; echo "oracle rc=$?"
		$IPT -A INPUT -p tcp $(printf -- "-m tcp --dport 1 %.0s" $(seq 62)) -j ACCEPT; echo "rc=$?"
		${O_IPT}-save | grep -c "^-A INPUT"'
	assert_line "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT: 144 expressions, the kernel takes at most 128"
	assert_line "rc=4"
	assert_line "iptables: No space left on device."
	assert_line "oracle rc=1"
	assert_line "rc=0"
	assert_line "1"
}

@test "with -v a kernel refusal names its argv words; without -v stderr is the oracle's" {
	require_root
	# `! -s 0.0.0.0/0` is a zero-length compare: the kernel refuses it and
	# its extended ACK points at that expression
	run in_netns '
		$IPT -v -A INPUT -p tcp ! -s 0.0.0.0/0 -j ACCEPT 2>&1 >/dev/null; echo "rc=$?"
		ours=$($IPT -A INPUT -p tcp ! -s 0.0.0.0/0 -j ACCEPT 2>&1; echo "rc=$?")
		theirs=$($O_IPT -A INPUT -p tcp ! -s 0.0.0.0/0 -j ACCEPT 2>&1; echo "rc=$?")
		[ "$ours" = "$theirs" ] && echo "same as oracle: $ours"'
	assert_line "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT"
	assert_line "xtnft: the kernel refused the part of the rule from: ! -s 0.0.0.0/0"
	assert_line "rc=4"
	assert_line --partial "same as oracle: iptables v1.8.9 (nf_tables):  RULE_APPEND failed"
}
