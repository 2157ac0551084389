#!/bin/bash
# Benchmark xtnft against Debian's iptables-nft (and nft -f for reference).
#
# Usage: bench/run.sh [--xtnft PATH] [--rules N] [--runs R] [--quick]
#                     [--iter I] [--calls K] [--keep]
#
# Must run as root. Every measurement happens inside a fresh network
# namespace (unshare -n); the host ruleset is never touched.
# See bench/README.md for what each scenario measures.

set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"

IPT_NFT=/usr/sbin/iptables-nft
IPT_NFT_RESTORE=/usr/sbin/iptables-nft-restore
IPT_NFT_SAVE=/usr/sbin/iptables-nft-save
NFT=/usr/sbin/nft
GNU_TIME=/usr/bin/time

BENCH_NAME=run.sh
# shellcheck source=bench/lib.sh
. "$SCRIPT_DIR/lib.sh"

# ---------------------------------------------------------------------------
# Code that runs inside a network namespace:
#   unshare -n run.sh --inner SCENARIO TOOL RESULTS WORKDIR XTNFT ITER K
# Each result line appended to RESULTS is "TOOL KEY VALUE" (times in
# microseconds, memory in KiB).
# ---------------------------------------------------------------------------
inner() {
	local scen=$1 tool=$2 res=$3 wd=$4 xt=$5 iter=$6 k=$7
	local -a IPT REST SAVE
	case $tool in
	xtnft)        IPT=("$xt" iptables); REST=("$xt" iptables-restore); SAVE=("$xt" iptables-save) ;;
	iptables-nft) IPT=("$IPT_NFT"); REST=("$IPT_NFT_RESTORE"); SAVE=("$IPT_NFT_SAVE") ;;
	nft)          ;;
	*) die "unknown tool $tool" ;;
	esac
	local tf="$wd/time.$BASHPID" t0 i n

	put() { echo "$tool $1 $2" >>"$res"; }
	# run "$@" once under GNU time; record wall time (us) and peak RSS (KiB)
	# as KEY and KEY_rss. stdout goes to $OUTFILE (default /dev/null).
	measure() {
		local key=$1; shift
		now; t0=$NOW
		"$GNU_TIME" -f '%e %M' -o "$tf" "$@" >"${OUTFILE:-/dev/null}" ||
			die "$tool: '$*' failed in scenario $scen"
		now
		put "$key" $((NOW - t0))
		put "${key}_rss" "$(awk 'END { print $2 }' "$tf")"
	}
	# time each of the given commands (one per call of once), recording
	# the median of the calls under KEY
	declare -g -a CALLS=()
	once() {
		now; t0=$NOW
		"$@" >/dev/null || die "$tool: '$*' failed in scenario $scen"
		now
		CALLS+=($((NOW - t0)))
	}
	flush_calls() { put "$1" "$(printf '%s\n' "${CALLS[@]}" | median)"; CALLS=(); }
	# Intermediate checks read the kernel state with iptables-nft-save
	# (the measured iptables-save of each tool is checked separately).
	expect_rules() {
		n=$("$IPT_NFT_SAVE" | grep -c '^-A' || true)
		[[ $n == "$1" ]] || die "$tool: $2: iptables-nft-save shows $n rules, expected $1"
	}

	case $scen in
	empty-list)
		now; t0=$NOW
		for ((i = 0; i < iter; i++)); do
			"${IPT[@]}" -L -n >/dev/null || die "$tool: -L -n failed"
		done
		now
		put empty_list $(( (NOW - t0) / iter ))
		;;
	empty-append)
		now; t0=$NOW
		for ((i = 0; i < iter; i++)); do
			"${IPT[@]}" -A INPUT -s 10.0.0.1 -j ACCEPT || die "$tool: -A failed"
		done
		now
		put empty_append $(( (NOW - t0) / iter ))
		expect_rules "$iter" "after $iter appends"
		;;
	big)
		local N=$8
		# 2. restore N rules into the empty ruleset
		measure restore "${REST[@]}" <"$wd/rules.txt"
		# 6. iptables-save and -L -n at N rules (the saved output also
		# checks the restore: it must hold N rules)
		OUTFILE="$wd/save.$tool" measure save "${SAVE[@]}"
		n=$(grep -c '^-A' "$wd/save.$tool" || true)
		[[ $n == "$N" ]] || die "$tool: measured iptables-save printed $n rules, expected $N"
		OUTFILE="$wd/list.$tool" measure list "${IPT[@]}" -L -n
		n=$(grep -vc -e '^Chain ' -e '^target ' -e '^$' "$wd/list.$tool" || true)
		[[ $n == "$N" ]] || die "$tool: measured -L -n listed $n rules, expected $N"
		rm -f "$wd/save.$tool" "$wd/list.$tool"
		# 4. -A INPUT at N rules (these become the last rules of INPUT)
		for ((i = 1; i <= k; i++)); do once "${IPT[@]}" -A INPUT -s "192.0.2.$i" -j DROP; done
		flush_calls append
		# 5. -C and -D of the last rule of INPUT
		for ((i = 1; i <= k; i++)); do once "${IPT[@]}" -C INPUT -s "192.0.2.$k" -j DROP; done
		flush_calls check
		for ((i = k; i >= 1; i--)); do once "${IPT[@]}" -D INPUT -s "192.0.2.$i" -j DROP; done
		flush_calls delete
		if "${IPT[@]}" -C INPUT -s 192.0.2.1 -j DROP 2>/dev/null; then
			die "$tool: rule still present after -D"
		fi
		expect_rules "$N" "after -A/-D"
		# 4. -I INPUT, -P FORWARD, -N at N rules
		for ((i = 1; i <= k; i++)); do once "${IPT[@]}" -I INPUT -s "198.51.100.$i" -j ACCEPT; done
		flush_calls insert
		for ((i = 1; i <= k; i++)); do
			if ((i % 2)); then once "${IPT[@]}" -P FORWARD DROP; else once "${IPT[@]}" -P FORWARD ACCEPT; fi
		done
		flush_calls policy
		for ((i = 1; i <= k; i++)); do once "${IPT[@]}" -N "newchain$i"; done
		flush_calls newchain
		# 3. restore --noflush of a small file
		measure noflush "${REST[@]}" --noflush <"$wd/small.txt"
		expect_rules $((N + k + 10)) "after --noflush restore"
		"${IPT[@]}" -S bench_new >/dev/null || die "$tool: chain bench_new missing after --noflush"
		;;
	restore-nc)
		local N=$8
		measure restore_nc "${REST[@]}" <"$wd/rules-nc.txt"
		n=$("${SAVE[@]}" | grep -c '^-A' || true)
		[[ $n == "$N" ]] || die "$tool: iptables-save shows $n rules after restoring the file without comments, expected $N"
		;;
	nft-f)
		local N=$8
		measure nft_f "$NFT" -f "$wd/rules.nft"
		n=$("$IPT_NFT_SAVE" | grep -c '^-A' || true)
		[[ $n == "$N" ]] || die "nft -f: iptables-nft-save shows $n rules, expected $N"
		;;
	*) die "unknown scenario $scen" ;;
	esac
}

if [[ ${1:-} == --inner ]]; then
	shift
	inner "$@"
	exit 0
fi

# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
XTNFT="$SCRIPT_DIR/../src/xtnft"
N= RUNS= ITER=200 K=7 QUICK=0 KEEP=0
while (($#)); do
	case $1 in
	--xtnft) XTNFT=$2; shift 2 ;;
	--rules) N=$2; shift 2 ;;
	--runs)  RUNS=$2; shift 2 ;;
	--iter)  ITER=$2; shift 2 ;;
	--calls) K=$2; shift 2 ;;
	--quick) QUICK=1; shift ;;
	--keep)  KEEP=1; shift ;;
	-h|--help) sed -n '2,10p' "$SELF" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1 (try --help)" ;;
	esac
done
if ((QUICK)); then : "${N:=10000}" "${RUNS:=3}"; else : "${N:=100000}" "${RUNS:=5}"; fi
[[ $N =~ ^[0-9]+$ && $N -ge 100 ]] || die "--rules must be a number >= 100"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 ]] || die "--runs must be a number >= 1"
[[ $ITER =~ ^[0-9]+$ && $ITER -ge 1 && $K =~ ^[0-9]+$ && $K -ge 1 && $K -le 250 ]] ||
	die "--iter must be >= 1 and --calls between 1 and 250"

[[ $(id -u) == 0 ]] || die "must run as root (network namespaces, nf_tables)"
XTNFT=$(readlink -f "$XTNFT") || die "xtnft binary not found"
[[ -x $XTNFT ]] || die "xtnft binary $XTNFT not found or not executable"
for b in "$IPT_NFT" "$IPT_NFT_RESTORE" "$IPT_NFT_SAVE" "$NFT"; do
	[[ -x $b ]] || die "$b missing (apt-get install iptables nftables)"
done
if ! [[ -x $GNU_TIME ]]; then
	log "GNU time missing, installing package 'time'"
	apt-get install -y -q time >/dev/null || die "cannot install GNU time"
fi
command -v unshare >/dev/null || die "unshare missing (util-linux)"
unshare -n true || die "cannot create a network namespace"

WD=$(mktemp -d /tmp/xtnft-bench.XXXXXX)
chmod 755 "$WD"
if ((KEEP)); then log "work directory: $WD (kept)"; else trap 'rm -rf "$WD"' EXIT; fi
RES="$WD/results"
: >"$RES"

# ---- input files ----------------------------------------------------------
# rules.txt: *filter with 4 user chains and N rules. Rule i goes to
# INPUT (40%), FORWARD (20%), OUTPUT (10%) or a user chain (30%), and uses
# one of six shapes: source/destination addresses and prefixes, tcp/udp
# --dport, -i/-o, -m comment (one third of the rules), -j ACCEPT/DROP/RETURN
# or a jump to a user chain. rules-nc.txt is the same without -m comment.
gen_rules() { # N WITH_COMMENTS
	awk -v n="$1" -v cm="$2" 'BEGIN {
		print "*filter"
		print ":INPUT ACCEPT [0:0]"; print ":FORWARD ACCEPT [0:0]"; print ":OUTPUT ACCEPT [0:0]"
		split("uc_web uc_ssh uc_mgmt uc_drop", uc, " ")
		for (j = 1; j <= 4; j++) print ":" uc[j] " - [0:0]"
		for (i = 0; i < n; i++) {
			c = i % 10
			if (c < 4) ch = "INPUT"; else if (c < 6) ch = "FORWARD"
			else if (c < 7) ch = "OUTPUT"; else ch = uc[c - 6 + int(i / 10) % 2]
			builtin = (c < 7)
			ifo = (ch == "OUTPUT") ? "-o" : "-i"
			ip = sprintf("10.%d.%d.%d", int(i / 65536) % 256, int(i / 256) % 256, i % 256)
			net = sprintf("172.%d.%d.0/24", 16 + int(i / 65536) % 16, int(i / 256) % 256)
			port = 1024 + i % 60000
			ifn = "eth" (i % 8)
			if (builtin && ch != "OUTPUT") jump = uc[1 + int(i / 10) % 4]
			else jump = "ACCEPT"
			cmt = cm ? sprintf(" -m comment --comment \"rule %d\"", i) : ""
			k = int(i / 10) % 6
			if (k == 0)      r = "-s " ip "/32 -j ACCEPT"
			else if (k == 1) r = "-d " net " -p tcp -m tcp --dport " port " -j ACCEPT"
			else if (k == 2) r = ifo " " ifn " -p udp -m udp --dport " port " -j DROP"
			else if (k == 3) r = "-s " ip "/32 -p tcp -m tcp --dport " port cmt " -j " jump
			else if (k == 4) r = "-s " net " -d " ip "/32 -j " (builtin ? "DROP" : "RETURN")
			else             r = ifo " " ifn " -s " ip "/32" cmt " -j ACCEPT"
			print "-A " ch " " r
		}
		print "COMMIT"
	}'
}
gen_rules "$N" 1 >"$WD/rules.txt"
gen_rules "$N" 0 >"$WD/rules-nc.txt"
{
	echo "*filter"
	echo ":bench_new - [0:0]"
	for i in $(seq 1 9); do echo "-A INPUT -s 203.0.113.$i/32 -p tcp -m tcp --dport 443 -j ACCEPT"; done
	echo "-A INPUT -s 203.0.113.10/32 -j bench_new"
	echo "COMMIT"
} >"$WD/small.txt"

# ---- correctness checks and the nft -f reference file ---------------------
log "checking that both tools agree on the ruleset (N=$N)"
strip() { grep -v '^#' "$1"; }
unshare -n bash -c '
	set -e
	"$1" <"$4/rules.txt"
	"$2" >"$4/ref.ipt"
	"$3" iptables-save >"$4/ref.xt"' _ "$IPT_NFT_RESTORE" "$IPT_NFT_SAVE" "$XTNFT" "$WD" ||
	die "restoring the generated ruleset with iptables-nft-restore failed"
n=$(grep -c '^-A' "$WD/ref.ipt" || true)
[[ $n == "$N" ]] || die "iptables-nft-save shows $n rules after restore, expected $N"
cmp -s <(strip "$WD/ref.ipt") <(strip "$WD/ref.xt") ||
	die "xtnft iptables-save differs from iptables-nft-save on the same ruleset: diff <(grep -v '^#' $WD/ref.ipt) <(grep -v '^#' $WD/ref.xt) (rerun with --keep)"
unshare -n bash -c '
	set -e
	"$3" iptables-restore <"$4/rules.txt"
	"$2" >"$4/ref.xt-restored"' _ "$IPT_NFT_RESTORE" "$IPT_NFT_SAVE" "$XTNFT" "$WD" ||
	die "restoring the generated ruleset with xtnft failed"
cmp -s <(strip "$WD/ref.ipt") <(strip "$WD/ref.xt-restored") ||
	die "ruleset restored by xtnft differs from the one restored by iptables-nft (rerun with --keep and diff $WD/ref.ipt $WD/ref.xt-restored)"
unshare -n bash -c '
	set -e
	"$1" <"$3/rules-nc.txt"
	"$2" list ruleset >"$3/rules.nft"' _ "$IPT_NFT_RESTORE" "$NFT" "$WD" ||
	die "building the nft -f reference file failed"
grep -q 'xt \(match\|target\)' "$WD/rules.nft" && die "reference nft file contains xt compat expressions"
rm -f "$WD/ref.xt" "$WD/ref.xt-restored"

# ---- measurements ----------------------------------------------------------
TOOLS=(xtnft iptables-nft)
ns() { unshare -n "$SELF" --inner "$1" "$2" "$RES" "$WD" "$XTNFT" "$ITER" "$K" "$N"; }
START=$(date +%s)
for ((r = 1; r <= RUNS; r++)); do
	log "run $r/$RUNS: empty ruleset, $ITER x -L -n and $ITER x -A"
	for t in "${TOOLS[@]}"; do ns empty-list "$t"; done
	for t in "${TOOLS[@]}"; do ns empty-append "$t"; done
	for t in "${TOOLS[@]}"; do
		log "run $r/$RUNS: $t: restore, save, -L, -A/-C/-D/-I/-P/-N, --noflush at N=$N"
		ns big "$t"
	done
	log "run $r/$RUNS: restore without comments, and nft -f"
	for t in "${TOOLS[@]}"; do ns restore-nc "$t"; done
	ns nft-f nft
done
log "done in $(( $(date +%s) - START )) s"

# ---- report ----------------------------------------------------------------
med() { awk -v t="$1" -v k="$2" '$1 == t && $2 == k { print $3 }' "$RES" | median; }
fmt() { # VALUE UNIT
	[[ -z $1 ]] && { echo "-"; return; }
	case $2 in
	ms)  awk -v v="$1" 'BEGIN { printf "%.2f ms", v / 1000 }' ;;
	s)   awk -v v="$1" 'BEGIN { printf "%.3f s", v / 1e6 }' ;;
	MiB) awk -v v="$1" 'BEGIN { printf "%.1f MiB", v / 1024 }' ;;
	esac
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
row() { # LABEL KEY UNIT
	local a b
	a=$(med xtnft "$2"); b=$(med iptables-nft "$2")
	printf '| %-44s | %12s | %12s | %6s |\n' "$1" "$(fmt "$a" "$3")" "$(fmt "$b" "$3")" "$(ratio "$a" "$b")"
}

echo
echo "N=$N rules, $RUNS runs, medians; ratio = xtnft / iptables-nft (below 1: xtnft faster or smaller)"
echo "xtnft: $XTNFT; iptables-nft: $("$IPT_NFT" -V 2>&1 | head -1)"
echo
printf '| %-44s | %12s | %12s | %6s |\n' "scenario" "xtnft" "iptables-nft" "ratio"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..8})"
row "1 -L -n, empty ruleset (per call)"        empty_list   ms
row "1 -A INPUT, empty ruleset (per call)"     empty_append ms
row "2 restore N rules: time"                  restore      s
row "2 restore N rules: peak RSS"              restore_rss  MiB
row "2 restore N rules, no comments: time"     restore_nc   s
row "2 restore N rules, no comments: peak RSS" restore_nc_rss MiB
row "3 restore --noflush, 10 rules + 1 chain"  noflush      s
row "4 -A INPUT at N rules (per call)"         append       ms
row "4 -I INPUT at N rules (per call)"         insert       ms
row "4 -P FORWARD at N rules (per call)"       policy       ms
row "4 -N chain at N rules (per call)"         newchain     ms
row "5 -C INPUT last rule at N (per call)"     check        ms
row "5 -D INPUT last rule at N (per call)"     delete       ms
row "6 iptables-save at N rules: time"         save         s
row "6 iptables-save at N rules: peak RSS"     save_rss     MiB
row "6 -L -n at N rules: time"                 list         s
row "6 -L -n at N rules: peak RSS"             list_rss     MiB
a=$(med xtnft restore_nc); b=$(med nft nft_f)
am=$(med xtnft restore_nc_rss); bm=$(med nft nft_f_rss)
echo
echo "Reference, same ruleset without comments: nft -f $(fmt "$b" s), peak RSS $(fmt "$bm" MiB);"
echo "xtnft restore / nft -f: time $(ratio "$a" "$b"), peak RSS $(ratio "$am" "$bm")"
