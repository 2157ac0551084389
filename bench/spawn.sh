#!/bin/bash
# One call on an empty ruleset, and how much of it is only starting a
# process: the per-call time of `-L -n` in a bash loop (as kube.sh's
# empty_list measures it) for xtnft builds and iptables-nft 1.8.9, beside
# the same loop around /bin/true.
#
# Usage: bench/spawn.sh [--rounds R] [--calls N] XTNFT [XTNFT...]
#
# Inside one fresh network namespace, R rounds; each round runs N calls
# of every command in turn (/bin/true, each XTNFT given, iptables-nft).
# Per command: the median over the rounds of the mean time per call, in
# microseconds, its ratio to iptables-nft, and the same with /bin/true's
# time taken off both (what the tool itself costs above a process start).
set -euo pipefail
BENCH_NAME=spawn
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

rounds=5
calls=300
oracle=/usr/sbin/iptables-nft

# spawn.sh --inner OUT ROUNDS CALLS CMD...: the loop, in the namespace
inner() {
	local out=$1 r n cmd; local -a argv
	rounds=$2 calls=$3
	shift 3
	for ((r = 0; r < rounds; r++)); do
		for cmd in "$@"; do
			read -ra argv <<<"$cmd"
			now; local t0=$NOW
			for ((n = 0; n < calls; n++)); do
				"${argv[@]}" >/dev/null || die "$cmd failed"
			done
			now
			echo "$cmd|$(((NOW - t0) / calls))" >>"$out"
		done
	done
}

if [[ ${1:-} == --inner ]]; then
	shift
	inner "$@"
	exit 0
fi

tools=()
while [[ $# -gt 0 ]]; do
	case $1 in
	--rounds) rounds=$2; shift 2 ;;
	--calls) calls=$2; shift 2 ;;
	-*) die "unknown option $1" ;;
	*) [[ -x $1 ]] || die "$1 is not an executable"
	   tools+=("$1 iptables -L -n"); shift ;;
	esac
done
[[ ${#tools[@]} -gt 0 ]] || die "name at least one xtnft binary"
[[ -x $oracle ]] || die "$oracle is missing (apt-get install iptables)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmds=("/bin/true" "${tools[@]}" "$oracle -L -n")
log "$rounds rounds of $calls calls of ${#cmds[@]} commands"
unshare -n "$0" --inner "$work/t" "$rounds" "$calls" "${cmds[@]}"

us() { grep -F "$1|" "$work/t" | cut -d'|' -f2 | median; }
spawn=$(us /bin/true)
ref=$(us "$oracle -L -n")
echo "| command | per call | ratio | above /bin/true | ratio above |"
echo "|---|---|---|---|---|"
for cmd in "${cmds[@]}"; do
	t=$(us "$cmd")
	awk -v c="$cmd" -v t="$t" -v r="$ref" -v s="$spawn" 'BEGIN {
		printf "| %s | %.0f us | %.2f | %.0f us | %s |\n", c, t, t / r,
		       t - s, (r > s && t > s) ? sprintf("%.2f", (t - s) / (r - s)) : "-" }'
done
