#!/usr/bin/env bats
# Every extension's differential cases (tests/diff/ext/NAME.txt), each in
# two fresh namespaces, once with xtnft and once with iptables-nft 1.8.9
# (tests/diff/difftest.sh).  Two halves, so that make -j2 runs them beside
# the other test files.

load lib/common

setup() {
	require_root
	require_oracle
}

@test "matches' cases (tests/diff/ext/mt_*.txt) match 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR"/diff/ext/mt_*.txt
	assert_success
}

@test "targets' and other cases (tests/diff/ext/[!m]*.txt) match 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR"/diff/ext/[!m]*.txt
	assert_success
}
