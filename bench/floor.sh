#!/bin/bash
# The kernel's floor under a restore and a save of the kube-proxy-shaped
# ruleset (bench/kube-gen.sh), beside xtnft and iptables-nft 1.8.9.
#
# Usage: bench/floor.sh [--xtnft PATH] [--floor PATH] [--rules N]
#                       [--family 4|6] [--runs R]
#
# restore: xtnft and iptables-nft each restore the file into a fresh
#   namespace; the floor is tools/xtnft-floor replaying the batch xtnft
#   sent (recorded once, in a namespace of its own) into a fresh namespace:
#   the same bytes in one sendmsg, with nothing parsed or encoded.
# save: in one namespace holding the ruleset, iptables-save of each tool,
#   then the floor: the rules of both tables read and thrown away, one
#   dump per chain (as xtnft and 1.8.9 read them) and one dump per table.
# Each figure is the median over the runs of user CPU, system CPU, wall
# time and peak RSS (GNU time for the tools; getrusage and a monotonic
# clock inside xtnft-floor, which leaves out its own start-up).
set -euo pipefail
BENCH_NAME=floor
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
xtnft=$here/../src/xtnft
floor=$here/../tools/xtnft-floor
rules=100000
family=4
runs=5
while [[ $# -gt 0 ]]; do
	case $1 in
	--xtnft) xtnft=$2; shift 2 ;;
	--floor) floor=$2; shift 2 ;;
	--rules) rules=$2; shift 2 ;;
	--family) family=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	*) die "unknown option $1" ;;
	esac
done
[[ -x $xtnft && -x $floor ]] || die "need --xtnft and --floor (built binaries)"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is missing"
if [[ $family == 6 ]]; then
	v=6; ip=ip6tables; orestore=/usr/sbin/ip6tables-nft-restore
	osave=/usr/sbin/ip6tables-nft-save; f6=-6
else
	v=; ip=iptables; orestore=/usr/sbin/iptables-nft-restore
	osave=/usr/sbin/iptables-nft-save; f6=
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/kube-gen.sh" --rules "$rules" --family "$family" > "$work/rules"
log "recording the batch of $rules rules"
unshare -n "$floor" record "$work/batch" $f6 < "$work/rules" ||
	die "record failed"

# one measurement: "user sys wall rss_kib" appended to $work/$1
timed() {
	local key=$1; shift
	/usr/bin/time -f "%U %S %e %M" -o "$work/t" "$@" > /dev/null ||
		die "$key: $* failed"
	cat "$work/t" >> "$work/$key"
}

for ((r = 1; r <= runs; r++)); do
	log "run $r of $runs"
	timed restore_x unshare -n bash -c "'$xtnft' ${ip}-restore < '$work/rules'"
	timed restore_o unshare -n bash -c "'$orestore' < '$work/rules'"
	unshare -n "$floor" replay "$work/batch" >> "$work/restore_f" ||
		die "replay failed"
	unshare -n bash -c "
		'$xtnft' ${ip}-restore < '$work/rules' || exit 1
		/usr/bin/time -f '%U %S %e %M' -o '$work/t1' '$xtnft' ${ip}-save > /dev/null
		/usr/bin/time -f '%U %S %e %M' -o '$work/t2' '$osave' > /dev/null
		{ '$floor' dump $f6 nat; '$floor' dump $f6 filter; } > '$work/t3'
		{ '$floor' dump $f6 nat --table; '$floor' dump $f6 filter --table; } > '$work/t4'
	" || die "save run failed"
	cat "$work/t1" >> "$work/save_x"
	cat "$work/t2" >> "$work/save_o"
	# the two tables' dumps, summed (peak RSS: the larger)
	for k in 3 4; do
		awk '{ u += $1; s += $2; w += $3; if ($4 > m) m = $4 }
		     END { printf "%.3f %.3f %.3f %d\n", u, s, w, m }' \
			"$work/t$k" >> "$work/save_f$k"
	done
done

# column c's median of file f
med() { awk -v c="$2" '{ print $c }' "$work/$1" | median; }
row() {
	printf '| %s | %s | %s | %s | %.1f MiB |\n' "$1" "$(med "$2" 1)" \
		"$(med "$2" 2)" "$(med "$2" 3)" \
		"$(awk -v c=4 '{ print $c }' "$work/$2" | median | awk '{ print $1 / 1024 }')"
}
echo "kube-gen.sh --rules $rules --family $family, $runs runs, medians"
echo "(user CPU, system CPU and wall in seconds)"
echo
echo "| what | user | sys | wall | peak RSS |"
echo "|---|---|---|---|---|"
row "restore: xtnft" restore_x
row "restore: iptables-nft 1.8.9" restore_o
row "restore: the batch alone (floor)" restore_f
row "save: xtnft" save_x
row "save: iptables-nft 1.8.9" save_o
row "save: dumps per chain alone (floor)" save_f3
row "save: one dump per table alone" save_f4
