#!/bin/bash
# Interop: a rule written by one tool is listed, checked (-C) and deleted
# (-D) by the other exactly as if it had written it, both ways, and both
# writers leave identical expressions in the kernel.
#
# Usage: interop.sh SPECS-FILE...   (XTNFT=path/to/xtnft)
# A line is "ipv4|ipv6 [TABLE:]CHAIN rule-spec"; '#' lines are comments.
# For xt compat blobs the check is byte-exact: 1.8.9's -C and -D compare
# the blob's user part byte for byte.  A line
# "%encoding-differs" before a spec skips the expression comparison for it:
# there xtnft deliberately writes upstream's fixed encoding (interop.md 2.9).
set -u
XTNFT=${XTNFT:?set XTNFT to the binary under test}
NFT=${NFT:-/usr/sbin/nft}

pass=0 fail=0
check_one() {
	local fam=$1 chain=$2 spec=$3 writer=$4
	unshare -n env XTNFT="$XTNFT" NFT="$NFT" FAM="$fam" CHAIN="$chain" \
		SPEC="$spec" WRITER="$writer" bash -c '
		if [ "$FAM" = ipv6 ]; then
			ours="$XTNFT ip6tables"; theirs=/usr/sbin/ip6tables-nft
		else
			ours="$XTNFT iptables"; theirs=/usr/sbin/iptables-nft
		fi
		case $CHAIN in *:*)
			ours="$ours -t ${CHAIN%%:*}"; theirs="$theirs -t ${CHAIN%%:*}"
			CHAIN=${CHAIN#*:} ;;
		esac
		if [ "$WRITER" = xtnft ]; then w=$ours; r=$theirs; else w=$theirs; r=$ours; fi
		eval "set -- $SPEC"
		$w -A "$CHAIN" "$@" || { echo "write failed"; exit 1; }
		a=$($ours -S "$CHAIN"); b=$($theirs -S "$CHAIN")
		[ "$a" = "$b" ] || { echo "-S differs:"; echo "$a"; echo "---"; echo "$b"; exit 1; }
		$r -C "$CHAIN" "$@" || { echo "-C by the other tool failed"; exit 1; }
		$r -D "$CHAIN" "$@" || { echo "-D by the other tool failed"; exit 1; }
		left=$($ours -S "$CHAIN" | grep -c "^-A")
		[ "$left" = 0 ] || { echo "rule left after -D"; exit 1; }
	' 2>&1
}

nft_dump() {
	local fam=$1 chain=$2 spec=$3 tool=$4
	unshare -n env T="$tool" CHAIN="$chain" SPEC="$spec" NFT="$NFT" bash -c '
		eval "set -- $SPEC"
		case $CHAIN in *:*) T="$T -t ${CHAIN%%:*}"; CHAIN=${CHAIN#*:} ;; esac
		$T -A "$CHAIN" "$@" >/dev/null 2>&1
		"$NFT" --debug=netlink list ruleset 2>/dev/null'
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One spec, both ways and the encoding: its verdict in $work/N.ok, what
# to print in $work/N.report.
check_spec() {
	local n=$1 line=$2 skip_enc=$3 fam chain spec ok=1 out writer o x
	read -r fam chain spec <<<"$line"
	{
		for writer in xtnft oracle; do
			out=$(check_one "$fam" "$chain" "$spec" "$writer") || {
				ok=0; echo "FAIL  [$writer writes] $line"
				echo "$out" | sed 's/^/      /'; }
		done
		if [ "$fam" = ipv6 ]; then o=/usr/sbin/ip6tables-nft; x="$XTNFT ip6tables";
		else o=/usr/sbin/iptables-nft; x="$XTNFT iptables"; fi
		if [ "$skip_enc" = 0 ] &&
		   ! diff -u <(nft_dump "$fam" "$chain" "$spec" "$o") \
			     <(nft_dump "$fam" "$chain" "$spec" "$x") >"$work/$n.diff"; then
			ok=0; echo "FAIL  [kernel encoding] $line"
			sed 's/^/      /' "$work/$n.diff"
		fi
	} >"$work/$n.report"
	echo $ok >"$work/$n.ok"
}

# Specs run INTEROP_JOBS at a time (namespaces are most of the time);
# reports come out in file order.
jobs_max=${INTEROP_JOBS:-4}
n=0 skip_enc=0
while IFS= read -r line || [ -n "$line" ]; do
	case "$line" in
	'%encoding-differs') skip_enc=1; continue ;;
	''|'#'*) continue ;;
	esac
	n=$((n + 1))
	check_spec "$n" "$line" "$skip_enc" &
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
		wait -n
	done
	skip_enc=0
done < <(cat "$@")
wait
for ((i = 1; i <= n; i++)); do
	cat "$work/$i.report"
	if [ "$(cat "$work/$i.ok" 2>/dev/null)" = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "interop: $pass passed, $fail failed"
[ $fail = 0 ]
