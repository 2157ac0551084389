#!/bin/bash
# One call on an empty ruleset, and how much of it is only starting a
# process: the per-call time of `-L -n` in a bash loop (as kube.sh's
# empty_list measures it) for xtnft builds and iptables-nft 1.8.9, beside
# the same loop around /bin/true.
#
# Usage: bench/spawn.sh [--rounds R] [--calls N] [--floor XTNFT_FLOOR]
#                       XTNFT [XTNFT...]
#
# Inside one fresh network namespace, R rounds; each round runs N calls
# of every command in turn (/bin/true, each XTNFT given, iptables-nft).
# Per command: the median over the rounds of the mean time per call, in
# microseconds, its ratio to iptables-nft, and the same with /bin/true's
# time taken off both (what the tool itself costs above a process start).
# --floor adds the floor tool (tools/xtnft-floor of an xtnft build) twice:
# `start`, a process of xtnft's size linked with the same libraries that
# exits at once, and `genid`, the same with one generation request; and
# a last column, each time above `start` (what is left once the dynamic
# loading of libnftnl and libmnl is paid).
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
floor=
while [[ $# -gt 0 ]]; do
	case $1 in
	--rounds) rounds=$2; shift 2 ;;
	--calls) calls=$2; shift 2 ;;
	--floor) floor=$2; [[ -x $floor ]] || die "$floor is not an executable"
	   shift 2 ;;
	-*) die "unknown option $1" ;;
	*) [[ -x $1 ]] || die "$1 is not an executable"
	   tools+=("$1 iptables -L -n"); shift ;;
	esac
done
[[ ${#tools[@]} -gt 0 ]] || die "name at least one xtnft binary"
[[ -x $oracle ]] || die "$oracle is missing (apt-get install iptables)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
floors=()
[[ -n $floor ]] && floors=("$floor start" "$floor genid")
cmds=("/bin/true" "${floors[@]}" "${tools[@]}" "$oracle -L -n")
log "$rounds rounds of $calls calls of ${#cmds[@]} commands"
unshare -n "$0" --inner "$work/t" "$rounds" "$calls" "${cmds[@]}"

us() { grep -F "$1|" "$work/t" | cut -d'|' -f2 | median; }
spawn=$(us /bin/true)
ref=$(us "$oracle -L -n")
linked=
[[ -n $floor ]] && linked=$(us "$floor start")
if [[ -n $linked ]]; then
	echo "| command | per call | ratio | above /bin/true | ratio above | above start | ratio above start |"
	echo "|---|---|---|---|---|---|---|"
else
	echo "| command | per call | ratio | above /bin/true | ratio above |"
	echo "|---|---|---|---|---|"
fi
# above(t, base, ref): t's time above base, and its ratio to ref's
above() {
	awk -v t="$1" -v s="$2" -v r="$3" 'BEGIN {
		printf " %.0f us | %s |", t - s,
		       (r > s && t > s) ? sprintf("%.2f", (t - s) / (r - s)) : "-" }'
}
for cmd in "${cmds[@]}"; do
	t=$(us "$cmd")
	row=$(awk -v c="$cmd" -v t="$t" -v r="$ref" \
		'BEGIN { printf "| %s | %.0f us | %.2f |", c, t, t / r }')
	row+=$(above "$t" "$spawn" "$ref")
	[[ -n $linked ]] && row+=$(above "$t" "$linked" "$ref")
	echo "$row"
done
