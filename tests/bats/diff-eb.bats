#!/usr/bin/env bats
# ebtables and arptables against ebtables-nft and arptables-nft 1.8.9:
# every corpus case in two fresh namespaces, once with xtnft and once with
# the oracle (tests/diff/difftest.sh), and rules written by one tool
# listed, checked and deleted by the other (tests/diff/interop.sh).
# What 1.8.9 gets wrong there (crashes, reads that write) is left out of
# the corpora and listed in tests/diff/eb-arp-known-bugs.txt.

load lib/common

setup() {
	require_root
	require_oracle
	[ -x /usr/sbin/ebtables-nft ] && [ -x /usr/sbin/arptables-nft ] ||
		skip "Debian's ebtables-nft/arptables-nft (the oracle) are not installed"
}

@test "ebtables, ebtables-save and ebtables-restore match 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-eb.txt"
	assert_success
}

@test "arptables, arptables-save and arptables-restore match 1.8.9" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-arp.txt"
	assert_success
}

@test "ebtables and arptables rules are interchangeable with 1.8.9's" {
	run "$TESTS_DIR/diff/interop.sh" "$TESTS_DIR/diff/interop-eb-arp.txt"
	assert_success
}
