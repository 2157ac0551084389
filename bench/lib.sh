# Helpers the benchmark scripts share (sourced by bench/run.sh and
# bench/eb-arp.sh; set $BENCH_NAME first for the messages).

die() { echo "$BENCH_NAME: FAIL: $*" >&2; exit 1; }
log() { echo "[$(date +%T)] $*" >&2; }

# Current time in microseconds, stored in $NOW (no fork when bash provides
# $EPOCHREALTIME, so the timestamp does not include a process start).
if [[ -n ${EPOCHREALTIME:-} ]]; then
	now() { local t=${EPOCHREALTIME/[.,]/}; NOW=$((10#$t)); }
else
	now() { NOW=$(( $(date +%s%N) / 1000 )); }
fi

# median of the numbers on stdin (one per line); empty input -> empty output
median() {
	sort -g | awk '{ v[NR] = $1 }
		END { if (NR == 0) exit
		      if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]
		      else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
