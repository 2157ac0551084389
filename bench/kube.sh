#!/bin/bash
# Benchmark xtnft against iptables-nft 1.8.9 on Kubernetes-node-shaped
# rulesets (bench/kube-gen.sh): kube-proxy's nat table and a filter
# firewall, IPv4 and IPv6.
#
# Usage: bench/kube.sh [--xtnft PATH] [--sizes "1000 10000 100000"]
#                      [--families "4 6"] [--runs R] [--iter I] [--keep]
#
# Per size, family and run, each tool in a fresh namespace of its own
# (the tool that goes first alternates from run to run):
#   restore          the file into the empty ruleset
#   noflush          the same file again with --noflush (kube-proxy's sync:
#                    every user chain declared again, so emptied, and its
#                    rules added again)
#   save             iptables-save
#   save_nat         iptables-save -t nat
#   S                iptables -S (filter)
#   L                iptables -L -n (filter)
#   append, insert   -A / -I 1 of FW-FORWARD, the long chain
#   check, replace, delete
#                    -C, -R (by number) and -D (by rule) of its last rule
# and once per family and run, on an empty ruleset, the mean of I calls
# of `-L -n` (empty_list) and of `-A INPUT` (empty_append).
#
# Every step is checked (rule counts of what restore made and what the
# listings print, a -C that must succeed).  The report gives, per step,
# the median over the runs of wall time, user CPU and system CPU (the
# kernel's share of the process; GNU time, 10 ms resolution) and peak
# RSS, for xtnft and for iptables-nft, and the ratio xtnft / iptables-nft.

set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"
GNU_TIME=/usr/bin/time
BENCH_NAME=kube.sh
# shellcheck source=bench/lib.sh
. "$SCRIPT_DIR/lib.sh"

STEPS="restore noflush save save_nat S L append insert check replace delete"

# ---------------------------------------------------------------------------
# Inside a namespace: kube.sh --inner RES WD XTNFT TOOL FAM SIZE
# Appends "SIZE FAM TOOL STEP METRIC VALUE" lines to RES (times in
# microseconds, memory in KiB).
# ---------------------------------------------------------------------------
inner() {
	local res=$1 wd=$2 xt=$3 tool=$4 fam=$5 size=$6
	local tf="$wd/time.$tool" t0 u s m n want last
	local -a IPT RESTORE SAVE
	local v=""
	[[ $fam == 6 ]] && v=6
	if [[ $tool == xtnft ]]; then
		IPT=("$xt" "ip${v}tables") RESTORE=("$xt" "ip${v}tables-restore")
		SAVE=("$xt" "ip${v}tables-save")
	else
		IPT=("/usr/sbin/ip${v}tables-nft") RESTORE=("/usr/sbin/ip${v}tables-nft-restore")
		SAVE=("/usr/sbin/ip${v}tables-nft-save")
	fi
	put() { echo "$size $fam $tool $1 $2 $3" >>"$res"; }
	# measure STEP CMD... (stdin from $IN, stdout to $OUT)
	measure() {
		local step=$1
		shift
		now; t0=$NOW
		"$GNU_TIME" -f '%U %S %M' -o "$tf" "$@" <"${IN:-/dev/null}" >"${OUT:-/dev/null}" ||
			die "$tool: $step: '$*' failed"
		now
		put "$step" wall $((NOW - t0))
		read -r u s m < <(tail -n 1 "$tf")
		put "$step" user "$(awk -v v="$u" 'BEGIN { printf "%d", v * 1e6 }')"
		put "$step" sys "$(awk -v v="$s" 'BEGIN { printf "%d", v * 1e6 }')"
		put "$step" rss "$m"
	}
	rules_now() { "/usr/sbin/ip${v}tables-nft-save" | grep -c '^-A' || true; }

	want=$(grep -c '^-A' "$wd/kube$fam.$size")
	IN="$wd/kube$fam.$size" measure restore "${RESTORE[@]}"
	n=$(rules_now)
	[[ $n == "$want" ]] || die "$tool: restore made $n rules, expected $want"
	IN="$wd/kube$fam.$size" measure noflush "${RESTORE[@]}" --noflush
	n=$(rules_now)
	# the built-in chains' jumps are appended again
	want=$((want + $(grep -c -E '^-A (PREROUTING|INPUT|FORWARD|OUTPUT|POSTROUTING) ' "$wd/kube$fam.$size")))
	[[ $n == "$want" ]] || die "$tool: --noflush left $n rules, expected $want"
	OUT="$wd/out.$tool" measure save "${SAVE[@]}"
	n=$(grep -c '^-A' "$wd/out.$tool" || true)
	[[ $n == "$want" ]] || die "$tool: save printed $n rules, expected $want"
	OUT="$wd/out.$tool" measure save_nat "${SAVE[@]}" -t nat
	grep -q '^-A KUBE-SERVICES ' "$wd/out.$tool" || die "$tool: save -t nat printed no KUBE-SERVICES rule"
	OUT="$wd/out.$tool" measure S "${IPT[@]}" -S
	grep -q '^-A FW-FORWARD ' "$wd/out.$tool" || die "$tool: -S printed no FW-FORWARD rule"
	OUT="$wd/out.$tool" measure L "${IPT[@]}" -L -n
	grep -q '^Chain FW-FORWARD ' "$wd/out.$tool" || die "$tool: -L -n printed no FW-FORWARD"
	rm -f "$wd/out.$tool"
	# single changes at the end of the long chain
	local a=192.0.2.7/32 b=192.0.2.8/32
	[[ $fam == 6 ]] && a=2001:db8:ffff::7/128 b=2001:db8:ffff::8/128
	measure append "${IPT[@]}" -A FW-FORWARD -s "$a" -p tcp -m tcp --dport 9 -j DROP
	measure insert "${IPT[@]}" -I FW-FORWARD 1 -s "$b" -j ACCEPT
	measure check "${IPT[@]}" -C FW-FORWARD -s "$a" -p tcp -m tcp --dport 9 -j DROP
	last=$("${IPT[@]}" -S FW-FORWARD | grep -c '^-A')
	measure replace "${IPT[@]}" -R FW-FORWARD "$last" -s "$a" -p tcp -m tcp --dport 9 -j REJECT
	measure delete "${IPT[@]}" -D FW-FORWARD -s "$a" -p tcp -m tcp --dport 9 -j REJECT
	if "${IPT[@]}" -C FW-FORWARD -s "$a" -p tcp -m tcp --dport 9 -j REJECT 2>/dev/null; then
		die "$tool: the rule is still there after -D"
	fi
}

# kube.sh --inner-empty RES XTNFT TOOL FAM ITER: the per-call cost on an
# empty ruleset
inner_empty() {
	local res=$1 xt=$2 tool=$3 fam=$4 iter=$5 i t0 v=""
	local -a IPT
	[[ $fam == 6 ]] && v=6
	if [[ $tool == xtnft ]]; then IPT=("$xt" "ip${v}tables"); else IPT=("/usr/sbin/ip${v}tables-nft"); fi
	local a=10.0.0.1
	[[ $fam == 6 ]] && a=2001:db8::1
	now; t0=$NOW
	for ((i = 0; i < iter; i++)); do
		"${IPT[@]}" -L -n >/dev/null || die "$tool: -L -n failed"
	done
	now
	echo "0 $fam $tool empty_list wall $(((NOW - t0) / iter))" >>"$res"
	now; t0=$NOW
	for ((i = 0; i < iter; i++)); do
		"${IPT[@]}" -A INPUT -s "$a" -j ACCEPT || die "$tool: -A failed"
	done
	now
	echo "0 $fam $tool empty_append wall $(((NOW - t0) / iter))" >>"$res"
}

case ${1:-} in
--inner) shift; inner "$@"; exit 0 ;;
--inner-empty) shift; inner_empty "$@"; exit 0 ;;
esac

# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
XTNFT="$SCRIPT_DIR/../src/xtnft"
SIZES="1000 10000 100000" FAMS="4 6" RUNS=5 ITER=100 KEEP=0
while (($#)); do
	case $1 in
	--xtnft) XTNFT=$2; shift 2 ;;
	--sizes) SIZES=$2; shift 2 ;;
	--families) FAMS=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--iter) ITER=$2; shift 2 ;;
	--keep) KEEP=1; shift ;;
	-h|--help) sed -n '2,8p' "$SELF" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1 (try --help)" ;;
	esac
done
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 && $ITER =~ ^[0-9]+$ && $ITER -ge 1 ]] ||
	die "--runs and --iter must be numbers >= 1"
[[ $(id -u) == 0 ]] || die "must run as root (network namespaces, nf_tables)"
XTNFT=$(readlink -f "$XTNFT") || die "xtnft binary not found"
[[ -x $XTNFT ]] || die "xtnft binary $XTNFT not found or not executable"
for b in /usr/sbin/iptables-nft /usr/sbin/ip6tables-nft-restore; do
	[[ -x $b ]] || die "$b missing (apt-get install iptables)"
done
[[ -x $GNU_TIME ]] || die "GNU time missing (apt-get install time)"

WD=$(mktemp -d /tmp/xtnft-kube.XXXXXX)
chmod 755 "$WD"
if ((KEEP)); then log "work directory: $WD (kept)"; else trap 'rm -rf "$WD"' EXIT; fi
RES="$WD/results"
: >"$RES"

for fam in $FAMS; do
	for size in $SIZES; do
		"$SCRIPT_DIR/kube-gen.sh" --rules "$size" --family "$fam" >"$WD/kube$fam.$size"
	done
done

for ((r = 1; r <= RUNS; r++)); do
	if ((r % 2)); then order="xtnft oracle"; else order="oracle xtnft"; fi
	for fam in $FAMS; do
		for size in $SIZES; do
			log "run $r/$RUNS, IPv$fam, $size rules ($order)"
			for t in $order; do
				unshare -n "$SELF" --inner "$RES" "$WD" "$XTNFT" "$t" "$fam" "$size"
			done
		done
		for t in $order; do
			unshare -n "$SELF" --inner-empty "$RES" "$XTNFT" "$t" "$fam" "$ITER"
		done
	done
done

# ---- report ------------------------------------------------------------------
fmt() { # metric value
	case $1 in
	rss) awk -v v="$2" 'BEGIN { printf "%.1f MiB", v / 1024 }' ;;
	*) awk -v v="$2" 'BEGIN { if (v >= 100000) printf "%.3f s", v / 1e6; else printf "%.2f ms", v / 1e3 }' ;;
	esac
}
med() { # size fam tool step metric
	awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" -v e="$5" \
		'$1 == a && $2 == b && $3 == c && $4 == d && $5 == e { print $6 }' "$RES" | median
}
row() { # label size fam step metric
	local x o
	x=$(med "$2" "$3" xtnft "$4" "$5")
	o=$(med "$2" "$3" oracle "$4" "$5")
	[[ -n $x && -n $o ]] || return 0
	printf '| %s | %s | %s | %s |\n' "$1" "$(fmt "$5" "$x")" "$(fmt "$5" "$o")" \
		"$(awk -v x="$x" -v o="$o" 'BEGIN { if (o > 0) printf "%.2f", x / o; else print "-" }')"
}
echo
echo "xtnft: $XTNFT"
echo "oracle: iptables-nft $(/usr/sbin/iptables-nft -V | awk '{ print $2 }')"
echo "runs: $RUNS (medians)"
for fam in $FAMS; do
	for size in $SIZES; do
		echo
		echo "### IPv$fam, $(grep -c '^-A' "$WD/kube$fam.$size") rules ($(grep -c '^:' "$WD/kube$fam.$size") chain lines)"
		echo
		echo "| step | xtnft | iptables-nft | ratio |"
		echo "|---|---|---|---|"
		for step in $STEPS; do
			for m in wall user sys rss; do
				row "$step: $m" "$size" "$fam" "$step" "$m"
			done
		done
	done
	echo
	echo "### IPv$fam, one call on an empty ruleset (mean of $ITER)"
	echo
	echo "| call | xtnft | iptables-nft | ratio |"
	echo "|---|---|---|---|"
	row "-L -n" 0 "$fam" empty_list wall
	row "-A INPUT" 0 "$fam" empty_append wall
done
