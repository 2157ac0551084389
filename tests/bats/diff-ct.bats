#!/usr/bin/env bats
# conntrack against conntrack-tools 1.4.7's: every case of
# tests/diff/corpus-ct.txt in two fresh namespaces, once with xtnft and
# once with /usr/sbin/conntrack (tests/diff/difftest.sh); where xtnft
# differs on purpose, tests/bats/differences-ct.bats.

load lib/common
load lib/conntrack

setup() {
	require_root
	require_ct_oracle
}

@test "conntrack matches conntrack-tools 1.4.7: commands, filters, output formats, bad input" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-ct.txt"
	assert_success
}
