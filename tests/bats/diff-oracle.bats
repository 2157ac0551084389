#!/usr/bin/env bats
# Differential tests: every corpus case runs in two fresh namespaces, once
# with xtnft and once with iptables-nft 1.8.9, comparing stdout, stderr,
# exit status and the kernel's expressions (tests/diff/difftest.sh).

load lib/common

setup() {
	require_root
	require_oracle
}

@test "basic commands match iptables-nft 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-basic.txt"
	assert_success
}

@test "rule, chain and listing commands match iptables-nft 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-cmds.txt"
	assert_success
}

@test "ip6tables matches ip6tables-nft 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-ip6.txt"
	assert_success
}

@test "iptables-save and iptables-restore match 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-restore.txt"
	assert_success
}

@test "every entry of the quirks table behaves like 1.8.9" {
	[ -x "${XTNFT_GEN:-}" ] || skip "XTNFT_GEN (tools/xtnft-gen) not given"
	corpus=$(mktemp)
	"$XTNFT_GEN" quirks >"$corpus"
	[ "$(grep -c '^run\|^printf' "$corpus")" -ge 15 ]
	run "$TESTS_DIR/diff/difftest.sh" "$corpus"
	rm -f "$corpus"
	assert_success
}
