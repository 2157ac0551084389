#!/bin/bash
# Interop: a rule written by one tool is listed, checked and deleted by the
# other exactly as if it had written it, both ways, and both writers leave
# identical expressions in the kernel.
#
# Usage: interop.sh SPECS-FILE...   (XTNFT=path/to/xtnft)
# A line is "FAMILY [TABLE:]CHAIN rule-spec"; '#' lines are comments.
# FAMILY is ipv4 (iptables), ipv6 (ip6tables), bridge (ebtables) or arp
# (arptables).  The listing compared is -S CHAIN, except for bridge:
# ebtables 1.8.9 has no -S and its -L writes, so there it is
# ebtables-save -t TABLE.  The check is -C, except for bridge: ebtables'
# -C is "change counters", its check is the long-only --check.
# For xt compat blobs the check is byte-exact: 1.8.9's -C and -D compare
# the blob's user part byte for byte.  A line
# "%encoding-differs" before a spec skips the expression comparison for it:
# there xtnft deliberately writes upstream's fixed encoding (interop.md 2.9).
# A line "%oracle-cannot-check" before a spec: 1.8.9 cannot --check or -D
# that rule by its specification even when it wrote it (ebtables among:
# differences-eb.bats shows it beside xtnft), so when the oracle reads only
# its listing is compared, and xtnft deletes the rule.
set -u
XTNFT=${XTNFT:?set XTNFT to the binary under test}
NFT=${NFT:-/usr/sbin/nft}

# The tool of a family: "TOOL" (xtnft's name; the oracle's is TOOL-nft)
tool_of() {
	case $1 in
	ipv4) echo iptables ;;
	ipv6) echo ip6tables ;;
	bridge) echo ebtables ;;
	arp) echo arptables ;;
	*) return 1 ;;
	esac
}

pass=0 fail=0
check_one() {
	local fam=$1 chain=$2 spec=$3 writer=$4 list_only=$5 tool
	tool=$(tool_of "$fam") || { echo "unknown family $fam"; return 1; }
	unshare -n env XTNFT="$XTNFT" NFT="$NFT" TOOL="$tool" CHAIN="$chain" \
		SPEC="$spec" WRITER="$writer" LIST_ONLY="$list_only" bash -c '
		ours="$XTNFT $TOOL"; theirs=/usr/sbin/$TOOL-nft
		table=filter
		case $CHAIN in *:*)
			table=${CHAIN%%:*}
			ours="$ours -t $table"; theirs="$theirs -t $table"
			CHAIN=${CHAIN#*:} ;;
		esac
		check=-C
		if [ "$TOOL" = ebtables ]; then
			check=--check
			list_ours() { $XTNFT ebtables-save -t "$table" | grep -v "^#"; }
			list_theirs() { /usr/sbin/ebtables-nft-save -t "$table" | grep -v "^#"; }
		else
			list_ours() { $ours -S "$CHAIN"; }
			list_theirs() { $theirs -S "$CHAIN"; }
		fi
		if [ "$WRITER" = xtnft ]; then w=$ours; r=$theirs; else w=$theirs; r=$ours; fi
		eval "set -- $SPEC"
		$w -A "$CHAIN" "$@" || { echo "write failed"; exit 1; }
		a=$(list_ours); b=$(list_theirs)
		[ "$a" = "$b" ] || { echo "listing differs:"; echo "$a"; echo "---"; echo "$b"; exit 1; }
		[ "$LIST_ONLY" = 1 ] && [ "$WRITER" = xtnft ] && r=$w
		$r $check "$CHAIN" "$@" || { echo "$check by the other tool failed"; exit 1; }
		$r -D "$CHAIN" "$@" || { echo "-D by the other tool failed"; exit 1; }
		left=$(list_ours | grep -c "^-A")
		[ "$left" = 0 ] || { echo "rule left after -D"; exit 1; }
	' 2>&1
}

# The kernel lists the elements of a hashed set (ebtables' among) in a
# different order each time: sort each run of element lines.
sort_elements() {
	awk 'function flush() {
		if (n) { fflush(); for (i = 1; i <= n; i++) print buf[i] | "LC_ALL=C sort"
			 close("LC_ALL=C sort"); n = 0 } }
	     /^\telement / { buf[++n] = $0; next }
	     { flush(); print }
	     END { flush() }'
}

nft_dump() {
	local fam=$1 chain=$2 spec=$3 tool=$4
	unshare -n env T="$tool" CHAIN="$chain" SPEC="$spec" NFT="$NFT" bash -c '
		eval "set -- $SPEC"
		case $CHAIN in *:*) T="$T -t ${CHAIN%%:*}"; CHAIN=${CHAIN#*:} ;; esac
		$T -A "$CHAIN" "$@" >/dev/null 2>&1
		"$NFT" --debug=netlink list ruleset 2>/dev/null' | sort_elements
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One spec, both ways and the encoding: its verdict in $work/N.ok, what
# to print in $work/N.report.
check_spec() {
	local n=$1 line=$2 skip_enc=$3 list_only=$4 fam chain spec ok=1 out writer o x tool
	read -r fam chain spec <<<"$line"
	{
		for writer in xtnft oracle; do
			out=$(check_one "$fam" "$chain" "$spec" "$writer" "$list_only") || {
				ok=0; echo "FAIL  [$writer writes] $line"
				echo "$out" | sed 's/^/      /'; }
		done
		if tool=$(tool_of "$fam"); then
			o=/usr/sbin/$tool-nft; x="$XTNFT $tool"
		else
			o=false; x=false
		fi
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
n=0 skip_enc=0 list_only=0
while IFS= read -r line || [ -n "$line" ]; do
	case "$line" in
	'%encoding-differs') skip_enc=1; continue ;;
	'%oracle-cannot-check') list_only=1; continue ;;
	''|'#'*) continue ;;
	esac
	n=$((n + 1))
	check_spec "$n" "$line" "$skip_enc" "$list_only" &
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
		wait -n
	done
	skip_enc=0 list_only=0
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
