#!/bin/sh
# A long libFuzzer run: FUZZER RUNS   (FUZZ_WORK: where its corpus grows;
# FUZZ_MAX_LEN: the longest input, 4096 by default)
#
# New coverage is kept in a work corpus (build tree, not committed); any
# input that makes the fuzzer fail is copied to tests/fuzz/regressions,
# which make check replays for ever after: commit it with the fix.
set -eu
fuzzer=$1
runs=$2
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-$(dirname "$fuzzer")/fuzz-work}
mkdir -p "$work/corpus" "$work/artifacts"
status=0
"$fuzzer" -runs="$runs" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$work/artifacts/" \
	"$work/corpus" "$here/corpus" "$here/regressions" || status=$?
found=0
for f in "$work"/artifacts/*; do
	[ -f "$f" ] || continue
	cp "$f" "$here/regressions/$(basename "$f")"
	echo "kept $here/regressions/$(basename "$f")"
	found=$((found + 1))
done
echo "fuzz: $runs runs, $found failing inputs kept, corpus $(ls "$work/corpus" | wc -l) inputs"
exit "$status"
