#!/bin/bash
# Benchmark xtnft's ebtables and arptables against Debian's ebtables-nft
# and arptables-nft (iptables 1.8.9): restore, save and -L of a large
# generated ruleset, each in a fresh network namespace.
#
# Usage: bench/eb-arp.sh [--xtnft PATH] [--rules N] [--runs R] [--keep]
#
# Must run as root. Every measurement happens inside a fresh network
# namespace (unshare -n); the host ruleset is never touched.
#
# Two files of N rules each (default 10000) are generated:
# - ebtables: *filter with INPUT 30%, FORWARD 40%, OUTPUT 10% and four
#   user chains 20% (one with policy DROP, so it carries a policy rule);
#   -p IPv4 --ip-src/--ip-dst, -s/-d MAC, -i/-o, -p IPv6 --ip6-src,
#   --ip-proto/--ip-dport, --among-src lists of three MACs (5%), jumps to
#   the user chains, and a few --log (0.5%) and --limit (0.5%) rules.
# - arptables: *filter with INPUT 50%, OUTPUT 30% and two user chains
#   20%; -s/-d addresses and prefixes, --source-mac/--destination-mac,
#   --opcode, -i/-o, jumps, and a few -j mangle --mangle-ip-s (OUTPUT).
#
# Before any timing, both files are restored by each tool and saved by
# the other: the saves must agree (ignoring # lines) and hold N rules.
#
# Each run restores, saves (ebtables-save / arptables-save) and lists
# (-L; for arptables also -L -n) each file once per tool, each tool in
# its own fresh namespace; the tool that goes first alternates from run
# to run. Each step is checked to hold N rules. arptables -L without -n
# looks every address up through the host's resolver (ebtables -L prints
# addresses as they are), so that row depends on /etc/nsswitch.conf and
# /etc/hosts (in the fresh namespace DNS fails at once).
#
# For every step the report gives the median over the runs of wall time,
# user CPU, system CPU (GNU time's %U and %S, 10 ms resolution) and peak
# RSS (GNU time's %M), for xtnft and for the oracle, and their ratio
# (below 1: xtnft faster or smaller).
#
# xtnft is called as "XTNFT ebtables ARGS" (first argument = tool name).

set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"

ORACLE_DIR=/usr/sbin
GNU_TIME=/usr/bin/time

BENCH_NAME=eb-arp.sh
# shellcheck source=bench/lib.sh
. "$SCRIPT_DIR/lib.sh"

# rules in a save file / in a -L listing of FAMILY (eb or arp)
count_save() { grep -c '^-A' "$1" || true; }
count_list() {
	case $2 in
	eb)  grep -vc -e '^Bridge ' -e '^$' "$1" || true ;;
	arp) grep -c '^-j ' "$1" || true ;;
	esac
}

# The commands of TOOL (xtnft or oracle) for FAMILY (eb or arp): sets
# NAME and the arrays CMD, REST and SAVE.  XT is the xtnft binary.
tool_cmds() { # FAMILY TOOL XT
	case $1 in
	eb)  NAME=ebtables ;;
	arp) NAME=arptables ;;
	*) die "unknown family $1" ;;
	esac
	case $2 in
	xtnft)  CMD=("$3" "$NAME"); REST=("$3" "$NAME-restore"); SAVE=("$3" "$NAME-save") ;;
	oracle) CMD=("$ORACLE_DIR/$NAME-nft"); REST=("$ORACLE_DIR/$NAME-nft-restore")
		SAVE=("$ORACLE_DIR/$NAME-nft-save") ;;
	*) die "unknown tool $2" ;;
	esac
}

# ---------------------------------------------------------------------------
# Code that runs inside a network namespace:
#   unshare -n eb-arp.sh --inner FAMILY TOOL RESULTS WORKDIR XTNFT N
# Each result line appended to RESULTS is "FAMILY TOOL KEY VALUE" (times
# in microseconds, memory in KiB).
#   unshare -n eb-arp.sh --cross FAMILY RESTORE_TOOL SAVE_TOOL OUT WORKDIR XTNFT
# restores the family's file with one tool and saves it with the other.
# ---------------------------------------------------------------------------
cross_inner() {
	local fam=$1 rtool=$2 stool=$3 out=$4 wd=$5 xt=$6

	tool_cmds "$fam" "$rtool" "$xt"
	"${REST[@]}" <"$wd/rules.$fam" || die "$fam: restore with $rtool failed"
	tool_cmds "$fam" "$stool" "$xt"
	"${SAVE[@]}" >"$out" || die "$fam: save with $stool failed"
}

inner() {
	local fam=$1 tool=$2 res=$3 wd=$4 xt=$5 N=$6
	local n t0 NAME
	local -a CMD REST SAVE

	tool_cmds "$fam" "$tool" "$xt"
	local name=$NAME tf="$wd/time.$BASHPID"

	put() { echo "$fam $tool $1 $2" >>"$res"; }
	# run "$@" once under GNU time, stdin from $INFILE, stdout to
	# $OUTFILE; record KEY_wall (us), KEY_user and KEY_sys (us) and
	# KEY_rss (KiB)
	measure() {
		local key=$1 u s m

		shift
		now; t0=$NOW
		"$GNU_TIME" -f '%U %S %M' -o "$tf" "$@" <"${INFILE:-/dev/null}" \
			>"${OUTFILE:-/dev/null}" || die "$tool: '$*' failed"
		now
		put "${key}_wall" $((NOW - t0))
		read -r u s m < <(tail -n 1 "$tf")
		put "${key}_user" "$(awk -v v="$u" 'BEGIN { printf "%d", v * 1e6 }')"
		put "${key}_sys" "$(awk -v v="$s" 'BEGIN { printf "%d", v * 1e6 }')"
		put "${key}_rss" "$m"
	}

	INFILE="$wd/rules.$fam" measure restore "${REST[@]}"
	OUTFILE="$wd/save.$fam.$tool" measure save "${SAVE[@]}"
	n=$(count_save "$wd/save.$fam.$tool")
	[[ $n == "$N" ]] || die "$tool: measured $name-save printed $n rules, expected $N"
	OUTFILE="$wd/list.$fam.$tool" measure list "${CMD[@]}" -L
	n=$(count_list "$wd/list.$fam.$tool" "$fam")
	[[ $n == "$N" ]] || die "$tool: measured $name -L listed $n rules, expected $N"
	if [[ $fam == arp ]]; then
		OUTFILE="$wd/list.$fam.$tool" measure list_n "${CMD[@]}" -L -n
		n=$(count_list "$wd/list.$fam.$tool" "$fam")
		[[ $n == "$N" ]] || die "$tool: measured $name -L -n listed $n rules, expected $N"
	fi
	rm -f "$wd/save.$fam.$tool" "$wd/list.$fam.$tool"
}

case ${1:-} in
--inner) shift; inner "$@"; exit 0 ;;
--cross) shift; cross_inner "$@"; exit 0 ;;
esac

# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
XTNFT="$SCRIPT_DIR/../src/xtnft"
N=10000 RUNS=5 KEEP=0
while (($#)); do
	case $1 in
	--xtnft) XTNFT=$2; shift 2 ;;
	--rules) N=$2; shift 2 ;;
	--runs)  RUNS=$2; shift 2 ;;
	--keep)  KEEP=1; shift ;;
	-h|--help) sed -n '2,38p' "$SELF" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1 (try --help)" ;;
	esac
done
[[ $N =~ ^[0-9]+$ && $N -ge 200 ]] || die "--rules must be a number >= 200"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 ]] || die "--runs must be a number >= 1"

[[ $(id -u) == 0 ]] || die "must run as root (network namespaces, nf_tables)"
XTNFT=$(readlink -f "$XTNFT") || die "xtnft binary not found"
[[ -x $XTNFT ]] || die "xtnft binary $XTNFT not found or not executable"
for t in ebtables arptables; do
	for b in "$t-nft" "$t-nft-restore" "$t-nft-save"; do
		[[ -x $ORACLE_DIR/$b ]] || die "$ORACLE_DIR/$b missing (apt-get install iptables)"
	done
done
if ! [[ -x $GNU_TIME ]]; then
	log "GNU time missing, installing package 'time'"
	apt-get install -y -q time >/dev/null || die "cannot install GNU time"
fi
command -v unshare >/dev/null || die "unshare missing (util-linux)"
unshare -n true || die "cannot create a network namespace"

WD=$(mktemp -d /tmp/xtnft-bench-eb.XXXXXX)
chmod 755 "$WD"
if ((KEEP)); then log "work directory: $WD (kept)"; else trap 'rm -rf "$WD"' EXIT; fi
RES="$WD/results"
: >"$RES"

# ---- input files ----------------------------------------------------------
# Addresses, MACs and interface names are derived from the rule number i,
# so that most rules differ.
gen_eb() { # N
	awk -v n="$1" 'BEGIN {
		print "*filter"
		print ":INPUT ACCEPT"; print ":FORWARD ACCEPT"; print ":OUTPUT ACCEPT"
		split("uc_lan uc_wan uc_guest uc_voip", uc, " ")
		print ":uc_lan RETURN"; print ":uc_wan RETURN"
		print ":uc_guest DROP"; print ":uc_voip RETURN"
		for (i = 0; i < n; i++) {
			c = i % 10
			if (c < 3) ch = "INPUT"; else if (c < 7) ch = "FORWARD"
			else if (c < 8) ch = "OUTPUT"; else ch = uc[1 + int(i / 10) % 4]
			ip = sprintf("10.%d.%d.%d", int(i / 65536) % 256, int(i / 256) % 256, i % 256)
			net = sprintf("172.%d.%d.0/24", 16 + int(i / 65536) % 16, int(i / 256) % 256)
			mac = sprintf("02:%02x:%02x:%02x:%02x:%02x", int(i / 16777216) % 256,
				int(i / 65536) % 256, int(i / 256) % 256, i % 256, c)
			in_if = "eth" (i % 8); out_if = "eth" ((i + 1) % 8)
			if (ch == "INPUT") ifs = "-i " in_if
			else if (ch == "OUTPUT") ifs = "-o " out_if
			else if (ch == "FORWARD") ifs = "-i " in_if " -o " out_if
			else ifs = "-i " in_if	# user chains are reached from INPUT and FORWARD
			jump = (ch == "INPUT" || ch == "FORWARD") ? uc[1 + int(i / 10) % 4] : "ACCEPT"
			k = int(i / 10) % 20
			if (k < 5)       r = "-p IPv4 --ip-src " ip " -j ACCEPT"
			else if (k < 7)  r = "-p IPv4 --ip-dst " net " -j DROP"
			else if (k < 11) r = "-s " mac " -j " (k % 2 ? "DROP" : "ACCEPT")
			else if (k < 14) r = ifs " -j ACCEPT"
			else if (k < 16) r = "-p IPv4 -s " mac " --ip-src " ip " --ip-dst " net " -j " jump
			else if (k < 17) r = sprintf("--among-src 02:aa:00:%02x:%02x:01,02:aa:00:%02x:%02x:02,02:aa:00:%02x:%02x:03 -j DROP",
				int(i / 256) % 256, i % 256, int(i / 256) % 256, i % 256, int(i / 256) % 256, i % 256)
			else if (k < 18) r = sprintf("-p IPv6 --ip6-src 2001:db8::%x:%x -j DROP", int(i / 65536), i % 65536)
			else if (k < 19) r = "-d " mac " -j ACCEPT"
			else if (int(i / 200) % 10 == 0)
				r = "--log-level info --log-prefix \"eb" i "\" --log-ip -j ACCEPT"
			else if (int(i / 200) % 10 == 1)
				r = "-p IPv4 --ip-src " ip " --limit 10/sec --limit-burst 5 -j ACCEPT"
			else r = "-p IPv4 --ip-proto tcp --ip-dport " (1024 + i % 60000) " -j ACCEPT"
			print "-A " ch " " r
		}
	}'
}

gen_arp() { # N
	awk -v n="$1" 'BEGIN {
		print "*filter"
		print ":INPUT ACCEPT"; print ":OUTPUT ACCEPT"
		split("uc_srv uc_cli", uc, " ")
		print ":uc_srv -"; print ":uc_cli -"
		for (i = 0; i < n; i++) {
			c = i % 10
			if (c < 5) ch = "INPUT"; else if (c < 8) ch = "OUTPUT"
			else ch = uc[1 + int(i / 10) % 2]
			ip = sprintf("10.%d.%d.%d", int(i / 65536) % 256, int(i / 256) % 256, i % 256)
			ip2 = sprintf("10.%d.%d.%d", 128 + int(i / 65536) % 128, int(i / 256) % 256, i % 256)
			net = sprintf("172.%d.%d.0/24", 16 + int(i / 65536) % 16, int(i / 256) % 256)
			mac = sprintf("02:%02x:%02x:%02x:%02x:%02x", int(i / 16777216) % 256,
				int(i / 65536) % 256, int(i / 256) % 256, i % 256, c)
			op = (i % 2) ? "Request" : "2"
			k = int(i / 10) % 20
			if (k < 6)       r = "-j " (k % 2 ? "DROP" : "ACCEPT") " -s " ip
			else if (k < 9)  r = "-j ACCEPT -d " net
			else if (k < 12) r = "-j DROP --source-mac " mac
			else if (k < 14) r = "-j ACCEPT -s " ip " -d " ip2 " --opcode " op
			else if (k < 16) {
				if (ch == "INPUT") r = "-j ACCEPT -i eth" (i % 8) " -s " ip
				else if (ch == "OUTPUT") r = "-j ACCEPT -o eth" (i % 8) " -d " ip
				else r = "-j ACCEPT --destination-mac " mac
			} else if (k < 18) {
				if (ch == "INPUT") r = "-j " uc[1 + int(i / 10) % 2] " --opcode Request -d " ip
				else if (ch == "OUTPUT") r = "-j ACCEPT --opcode Reply -d " ip
				else r = "-j RETURN -s " ip " --source-mac " mac
			} else if (ch == "OUTPUT" && int(i / 200) % 5 == 0)
				r = "-j mangle -d " ip " --opcode Reply --mangle-ip-s " ip2
			else r = "-j DROP -s " net
			print "-A " ch " " r
		}
	}'
}
gen_eb "$N" >"$WD/rules.eb"
gen_arp "$N" >"$WD/rules.arp"

# ---- correctness checks ----------------------------------------------------
# FAMILY RESTORE_TOOL SAVE_TOOL OUT: restore with one tool, save with the other
strip() { grep -v '^#' "$1"; }
cross() {
	local n

	unshare -n "$SELF" --cross "$1" "$2" "$3" "$4" "$WD" "$XTNFT" ||
		die "$1: restore with $2 and save with $3 failed"
	n=$(count_save "$4")
	[[ $n == "$N" ]] || die "$fam: restored by $2, saved by $3: $n rules, expected $N"
}
for fam in eb arp; do
	log "checking that both tools agree on the $fam ruleset (N=$N)"
	cross "$fam" oracle oracle "$WD/ref.$fam"
	cross "$fam" oracle xtnft "$WD/ref-xs.$fam"
	cross "$fam" xtnft oracle "$WD/ref-xr.$fam"
	cmp -s <(strip "$WD/ref.$fam") <(strip "$WD/ref-xs.$fam") ||
		die "$fam: xtnft's save differs from the oracle's on the same ruleset (rerun with --keep; diff $WD/ref.$fam $WD/ref-xs.$fam)"
	cmp -s <(strip "$WD/ref.$fam") <(strip "$WD/ref-xr.$fam") ||
		die "$fam: the ruleset restored by xtnft differs from the oracle's (rerun with --keep; diff $WD/ref.$fam $WD/ref-xr.$fam)"
	rm -f "$WD/ref-xs.$fam" "$WD/ref-xr.$fam"
done

# ---- measurements ----------------------------------------------------------
ns() { unshare -n "$SELF" --inner "$1" "$2" "$RES" "$WD" "$XTNFT" "$N"; }
START=$(date +%s)
for ((r = 1; r <= RUNS; r++)); do
	if ((r % 2)); then order=(xtnft oracle); else order=(oracle xtnft); fi
	for fam in eb arp; do
		log "run $r/$RUNS: $fam: restore, save, -L at N=$N (${order[0]} first)"
		for t in "${order[@]}"; do ns "$fam" "$t"; done
	done
done
log "done in $(( $(date +%s) - START )) s"

# ---- report ----------------------------------------------------------------
med() { awk -v f="$1" -v t="$2" -v k="$3" '$1 == f && $2 == t && $3 == k { print $4 }' "$RES" | median; }
fmt() { # VALUE UNIT
	[[ -z $1 ]] && { echo "-"; return; }
	case $2 in
	s)   awk -v v="$1" 'BEGIN { printf "%.3f s", v / 1e6 }' ;;
	MiB) awk -v v="$1" 'BEGIN { printf "%.1f MiB", v / 1024 }' ;;
	esac
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
row() { # LABEL FAMILY KEY UNIT
	local a b
	a=$(med "$2" xtnft "$3"); b=$(med "$2" oracle "$3")
	printf '| %-36s | %12s | %12s | %6s |\n' "$1" "$(fmt "$a" "$4")" "$(fmt "$b" "$4")" "$(ratio "$a" "$b")"
}

echo
echo "N=$N rules per file, $RUNS runs, medians; ratio = xtnft / oracle (below 1: xtnft faster or smaller)"
echo "xtnft: $XTNFT; oracle: $("$ORACLE_DIR/ebtables-nft" -V 2>&1 | head -1), $("$ORACLE_DIR/arptables-nft" -V 2>&1 | head -1)"
echo
printf '| %-36s | %12s | %12s | %6s |\n' "step" "xtnft" "oracle" "ratio"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..38})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..8})"
for fam in eb arp; do
	[[ $fam == eb ]] && name=ebtables || name=arptables
	steps=(restore save list)
	[[ $fam == arp ]] && steps+=(list_n)
	for step in "${steps[@]}"; do
		case $step in
		restore) label="$name-restore" ;;
		save)    label="$name-save" ;;
		list)    label="$name -L" ;;
		list_n)  label="$name -L -n" ;;
		esac
		row "$label: wall"     "$fam" "${step}_wall" s
		row "$label: user CPU" "$fam" "${step}_user" s
		row "$label: sys CPU"  "$fam" "${step}_sys"  s
		row "$label: peak RSS" "$fam" "${step}_rss"  MiB
	done
done
