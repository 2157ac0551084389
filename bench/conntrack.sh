#!/bin/bash
# Benchmark xtnft's conntrack against conntrack-tools 1.4.7's
# (/usr/sbin/conntrack) on a connection tracking table of N entries.
#
# Usage: bench/conntrack.sh [--xtnft PATH] [--entries N] [--runs R] [--quick] [--keep]
#
# Must run as root. Everything happens inside one new network namespace
# (unshare -n): the host's table is never read or changed. A child
# namespace cannot hold more entries than the host's
# net.netfilter.nf_conntrack_max (262144 here), so N is at most 250000.
#
# The table: N entries made by the oracle's `conntrack -R FILE` (one -I
# line each, a few seconds per 100k; the same file fills it again after
# -D and -F). Entry i comes from 10.a.b.c (i in base 256) to 192.0.2.1:
# 65% UDP, 30% TCP ESTABLISHED to port 80, 443, 22 or 8080 in turn, 5%
# ICMP echo; mark i % 16; timeout 100000 s, so nothing expires meanwhile.
#
# Steps, each run once per tool per run (the tool that goes first
# alternates from run to run):
#   -L                    the whole table
#   -L -o extended        the same with the layer-3 columns
#   -L -p tcp --dport 443 about 7.5% of the entries
#   -L -m 7               1/16 of the entries (the mark is filtered in the kernel)
#   -L -s 10.0.1.2        one entry
#   -C                    the count
#   -D -m 7               1/16 deleted (then put back with -R); the mark
#                         is filtered in the kernel by both tools
#   -D -p tcp --dport 443 about 7.5% deleted (then put back); xtnft has
#                         the kernel filter the tuple, 1.4.7 reads it all
#   -F                    everything deleted (then the table is filled again)
# Each step is checked: the number of lines printed (and -C's number) is
# what the generator made, for both tools.
#
# For every step the report gives the median over the runs of wall time,
# user CPU, system CPU (GNU time's %U and %S, 10 ms resolution) and peak
# RSS (GNU time's %M), for xtnft and for the oracle, and their ratio
# (below 1: xtnft faster or smaller).
#
# xtnft is called as "XTNFT conntrack ARGS" (first argument = tool name).

set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"

ORACLE=/usr/sbin/conntrack
GNU_TIME=/usr/bin/time

BENCH_NAME=conntrack.sh
# shellcheck source=bench/lib.sh
. "$SCRIPT_DIR/lib.sh"

# The steps: key, label, arguments, expected-count variable (set by the
# generator's counts file), flag (fill: the table must be filled again
# afterwards, mark7 and port443: the deleted entries put back)
STEPS=(
	"list|-L|-L|N|"
	"list_ext|-L -o extended|-L -o extended|N|"
	"list_port|-L -p tcp --dport 443|-L -p tcp --dport 443|N_PORT|"
	"list_mark|-L -m 7|-L -m 7|N_MARK|"
	"list_src|-L -s 10.0.1.2|-L -s 10.0.1.2|N_SRC|"
	"count|-C|-C|N|"
	"del_mark|-D -m 7|-D -m 7|N_MARK|mark7"
	"del_port|-D -p tcp --dport 443|-D -p tcp --dport 443|N_PORT|port443"
	"flush|-F|-F|0|fill"
)

# ---------------------------------------------------------------------------
# Inside the namespace:
#   unshare -n conntrack.sh --inner RESULTS WORKDIR XTNFT RUNS
# Each result line appended to RESULTS is "TOOL KEY VALUE" (times in
# microseconds, memory in KiB).
# ---------------------------------------------------------------------------
inner() {
	local res=$1 wd=$2 xt=$3 runs=$4
	local tf="$wd/time" r t step key label args want flag n
	# shellcheck source=/dev/null
	. "$wd/counts"

	fill() { # FILE
		"$ORACLE" -R "$1" >/dev/null 2>&1 || die "conntrack -R $1 failed"
	}
	table_size() { "$ORACLE" -C; }

	# measure TOOL KEY ARGS...: once under GNU time; stdout to $wd/out,
	# stderr to $wd/err
	measure() {
		local tool=$1 key=$2 t0 u s m
		shift 2
		local -a cmd
		# xtnft's conntrack is the program beside xtnft (what
		# "xtnft conntrack" runs), timed without that hand-over
		if [[ $tool == xtnft ]]; then cmd=("$(dirname "$xt")/conntrack"); else cmd=("$ORACLE"); fi
		now; t0=$NOW
		"$GNU_TIME" -f '%U %S %M' -o "$tf" "${cmd[@]}" "$@" </dev/null \
			>"$wd/out" 2>"$wd/err" || true
		now
		echo "$tool ${key}_wall $((NOW - t0))" >>"$res"
		read -r u s m < <(tail -n 1 "$tf")
		echo "$tool ${key}_user $(awk -v v="$u" 'BEGIN { printf "%d", v * 1e6 }')" >>"$res"
		echo "$tool ${key}_sys $(awk -v v="$s" 'BEGIN { printf "%d", v * 1e6 }')" >>"$res"
		echo "$tool ${key}_rss $m" >>"$res"
	}

	log "filling the namespace's table with $N entries"
	fill "$wd/fill"
	n=$(table_size)
	[[ $n == "$N" ]] || die "the table holds $n entries after the fill, expected $N (nf_conntrack_max?)"

	for ((r = 1; r <= runs; r++)); do
		local -a order
		if ((r % 2)); then order=(xtnft oracle); else order=(oracle xtnft); fi
		log "run $r/$runs (${order[0]} first)"
		for step in "${STEPS[@]}"; do
			IFS='|' read -r key label args want flag <<<"$step"
			[[ $want =~ ^[A-Z_]+$ ]] && want=${!want}
			for t in "${order[@]}"; do
				# shellcheck disable=SC2086
				measure "$t" "$key" $args
				if [[ $key == count ]]; then
					n=$(cat "$wd/out")
				else
					n=$(wc -l <"$wd/out")
				fi
				[[ $n == "$want" ]] ||
					die "$t: conntrack $label printed $n entries, expected $want ($(tail -n 1 "$wd/err"))"
				case $flag in
				mark7) fill "$wd/fill.mark7" ;;
				port443) fill "$wd/fill.port443" ;;
				fill)  fill "$wd/fill" ;;
				esac
				n=$(table_size)
				[[ $n == "$N" ]] || die "after $t's conntrack $label: $n entries, expected $N"
			done
		done
	done
}

if [[ ${1:-} == --inner ]]; then
	shift
	N=$5
	inner "$1" "$2" "$3" "$4"
	exit 0
fi

# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
XTNFT="$SCRIPT_DIR/../src/xtnft"
N=100000 RUNS=5 KEEP=0 NSET=0 RSET=0
while (($#)); do
	case $1 in
	--xtnft)   XTNFT=$2; shift 2 ;;
	--entries) N=$2; NSET=1; shift 2 ;;
	--runs)    RUNS=$2; RSET=1; shift 2 ;;
	--quick)   ((NSET)) || N=10000; ((RSET)) || RUNS=3; shift ;;
	--keep)    KEEP=1; shift ;;
	-h|--help) sed -n '2,37p' "$SELF" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1 (try --help)" ;;
	esac
done
[[ $N =~ ^[0-9]+$ && $N -ge 1000 && $N -le 250000 ]] || die "--entries must be a number from 1000 to 250000"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 ]] || die "--runs must be a number >= 1"

[[ $(id -u) == 0 ]] || die "must run as root (network namespaces, conntrack)"
XTNFT=$(readlink -f "$XTNFT") || die "xtnft binary not found"
[[ -x $XTNFT ]] || die "xtnft binary $XTNFT not found or not executable"
[[ -x $ORACLE ]] || die "$ORACLE missing (apt-get install conntrack)"
if ! [[ -x $GNU_TIME ]]; then
	log "GNU time missing, installing package 'time'"
	apt-get install -y -q time >/dev/null || die "cannot install GNU time"
fi
command -v unshare >/dev/null || die "unshare missing (util-linux)"
unshare -n true || die "cannot create a network namespace"
max=$(cat /proc/sys/net/netfilter/nf_conntrack_max 2>/dev/null || echo 0)
((N <= max)) || die "N=$N is above the host's nf_conntrack_max ($max)"

WD=$(mktemp -d /tmp/xtnft-bench-ct.XXXXXX)
chmod 755 "$WD"
if ((KEEP)); then log "work directory: $WD (kept)"; else trap 'rm -rf "$WD"' EXIT; fi
RES="$WD/results"
: >"$RES"

# ---- the table -------------------------------------------------------------
# fill: every entry; fill.mark7 and fill.port443: those with mark 7 and
# those to port 443; counts: N_PORT,
# N_MARK, N_SRC for the checks
awk -v n="$N" -v wd="$WD" 'BEGIN {
	split("80 443 22 8080", dport, " ")
	for (i = 0; i < n; i++) {
		src = sprintf("10.%d.%d.%d", int(i / 65536) % 256, int(i / 256) % 256, i % 256)
		k = i % 20; m = i % 16
		head = "-I -t 100000 -m " m " -s " src " -d 192.0.2.1"
		if (k < 13)
			l = head " -p udp --sport " (1024 + i % 60000) " --dport 53"
		else if (k < 19) {
			p = dport[1 + int(i / 20) % 4]
			l = head " -p tcp --sport " (1024 + i % 60000) " --dport " p " --state ESTABLISHED"
			if (p == 443) { nport++; print l >(wd "/fill.port443") }
		} else
			l = head " -p icmp --icmp-type 8 --icmp-code 0 --icmp-id " (i % 65536)
		print l >(wd "/fill")
		if (m == 7) { print l >(wd "/fill.mark7"); nmark++ }
		if (src == "10.0.1.2") nsrc++
	}
	printf "N_PORT=%d\nN_MARK=%d\nN_SRC=%d\n", nport, nmark, nsrc >(wd "/counts")
}'

START=$(date +%s)
unshare -n "$SELF" --inner "$RES" "$WD" "$XTNFT" "$RUNS" "$N" || die "the measurements failed"
log "done in $(( $(date +%s) - START )) s"

# ---- report ----------------------------------------------------------------
med() { awk -v t="$1" -v k="$2" '$1 == t && $2 == k { print $3 }' "$RES" | median; }
fmt() { # VALUE UNIT
	[[ -z $1 ]] && { echo "-"; return; }
	case $2 in
	s)   awk -v v="$1" 'BEGIN { printf "%.3f s", v / 1e6 }' ;;
	MiB) awk -v v="$1" 'BEGIN { printf "%.1f MiB", v / 1024 }' ;;
	esac
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
row() { # LABEL KEY UNIT
	local a b
	a=$(med xtnft "$2"); b=$(med oracle "$2")
	printf '| %-36s | %12s | %12s | %6s |\n' "$1" "$(fmt "$a" "$3")" "$(fmt "$b" "$3")" "$(ratio "$a" "$b")"
}

echo
echo "N=$N entries, $RUNS runs, medians; ratio = xtnft / oracle (below 1: xtnft faster or smaller)"
echo "xtnft: $XTNFT; oracle: $("$ORACLE" -V 2>&1 | head -1)"
echo
printf '| %-36s | %12s | %12s | %6s |\n' "step" "xtnft" "oracle" "ratio"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..38})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..8})"
for step in "${STEPS[@]}"; do
	IFS='|' read -r key label _ <<<"$step"
	row "$label: wall"     "${key}_wall" s
	row "$label: user CPU" "${key}_user" s
	row "$label: sys CPU"  "${key}_sys"  s
	row "$label: peak RSS" "${key}_rss"  MiB
done
