#!/usr/bin/env bats
# Bad input never crashes: random command lines and restore inputs drawn
# from iptables' vocabulary (tests/fuzz/argv-fuzz.py, fixed seeds) must end
# with an iptables exit status and no sanitizer report.

load lib/common

setup() {
	require_root
	command -v python3 >/dev/null || skip "python3 is not installed"
}

@test "random command lines and restore inputs (fixed seeds)" {
	run unshare -n python3 "$TESTS_DIR/fuzz/argv-fuzz.py" "$XTNFT" 1 300
	assert_success
	run unshare -n python3 "$TESTS_DIR/fuzz/argv-fuzz.py" "$XTNFT" 2 300
	assert_success
	run unshare -n python3 "$TESTS_DIR/fuzz/argv-fuzz.py" "$XTNFT" 3 300
	assert_success
}
