#!/usr/bin/env bats
# Bad input never crashes, is never stored as something else.  Three
# layers: the coverage-guided fuzzer (a short fixed run; long runs by hand,
# tests/fuzz/README.md), the replay of its seeds and of every input that
# ever failed, and random command lines run for real against the kernel.

load lib/common

@test "the fuzz harness replays its seeds and every input that ever failed" {
	[ -x "${XTNFT_FUZZ_REPLAY:-}" ] || skip "XTNFT_FUZZ_REPLAY (tests/fuzz/fuzz-replay) not given"
	run "$XTNFT_FUZZ_REPLAY" "$TESTS_DIR/fuzz/corpus" "$TESTS_DIR/fuzz/regressions"
	assert_success
	assert_line --regexp "^replayed [0-9]+ inputs$"
}

@test "coverage-guided fuzzing of the parsers, codec and printers (fixed seed)" {
	[ -x "${XTNFT_FUZZER:-}" ] || skip "no libFuzzer clang at configure time: tests/fuzz/fuzz-xtnft not built"
	work=$(mktemp -d)
	run "$XTNFT_FUZZER" -seed=1 -runs=100000 -max_len=4096 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" \
		"$work" "$TESTS_DIR/fuzz/corpus" "$TESTS_DIR/fuzz/regressions"
	found=$(ls "$work" | grep -c -E "^(crash|leak|timeout|oom)-" || true)
	rm -rf "$work"
	assert_success
	assert_equal "$found" 0
}

@test "random command lines and restore inputs against the kernel (fixed seeds)" {
	require_root
	command -v python3 >/dev/null || skip "python3 is not installed"
	run unshare -n python3 "$TESTS_DIR/fuzz/argv-fuzz.py" "$XTNFT" 1 300
	assert_success
	run unshare -n python3 "$TESTS_DIR/fuzz/argv-fuzz.py" "$XTNFT" 2 300
	assert_success
	run unshare -n python3 "$TESTS_DIR/fuzz/argv-fuzz.py" "$XTNFT" 3 300
	assert_success
}
