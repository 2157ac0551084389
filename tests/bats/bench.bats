#!/usr/bin/env bats
# The benchmark's own pieces, small: the figures in bench/README.md are
# only as good as the ruleset they restore and the floors they are set
# against.  Timings are not checked here, only that each piece does what
# the README says it measures.

load lib/common

BENCH=$TESTS_DIR/../bench
: "${XTNFT_FLOOR:=$(dirname "$XTNFT")/../tools/xtnft-floor}"

setup() {
	work=$(mktemp -d)
}

teardown() {
	rm -rf "$work"
}

# kube-gen's file, restored by each tool in its own namespace, saved by
# iptables-nft-save there: the same ruleset both times, as many rules as
# the file has (what "both tools write the same kernel objects" rests
# on), in both families.
@test "kube-gen: xtnft and iptables-nft restore the same ruleset from it" {
	local fam restore save oracle
	for fam in 4 6; do
		bash "$BENCH/kube-gen.sh" --rules 1000 --family $fam >"$work/k$fam"
		restore=iptables-restore save=/usr/sbin/iptables-nft-save
		oracle=/usr/sbin/iptables-nft-restore
		if [ $fam = 6 ]; then
			restore=ip6tables-restore save=/usr/sbin/ip6tables-nft-save
			oracle=/usr/sbin/ip6tables-nft-restore
		fi
		run unshare -n sh -c "'$XTNFT' $restore <'$work/k$fam' &&
			$save | grep -v '^#'"
		assert_success
		echo "$output" >"$work/ours$fam"
		run unshare -n sh -c "$oracle <'$work/k$fam' && $save | grep -v '^#'"
		assert_success
		echo "$output" >"$work/theirs$fam"
		diff -u "$work/theirs$fam" "$work/ours$fam" | head -40
		cmp -s "$work/theirs$fam" "$work/ours$fam"
		# every rule of the file is there (the save writes them in its
		# own words: options in its order, defaults left out)
		[ "$(grep -c -- '^-A' "$work/ours$fam")" = \
		  "$(grep -c -- '^-A' "$work/k$fam")" ]
		[ "$(grep -c -- '^-A' "$work/ours$fam")" -ge 1000 ]
	done
}

@test "xtnft-floor start and genid: the empty call's floors run and exit 0" {
	run unshare -n "$XTNFT_FLOOR" start
	assert_success
	assert_output ""
	run unshare -n "$XTNFT_FLOOR" genid
	assert_success
	assert_output ""
	run "$XTNFT_FLOOR" nonsense
	assert_failure 2
	assert_output --partial "start | genid"
}

@test "spawn.sh --floor: a row for each command, ratios against iptables-nft" {
	# two calls a command: the times are noise, only the table's shape
	# is checked (a time above another may come out negative here)
	local us='-?[0-9]+ us' ratio='([0-9.]+|-)'
	run bash "$BENCH/spawn.sh" --rounds 1 --calls 2 --floor "$XTNFT_FLOOR" "$XTNFT"
	assert_success
	assert_line --regexp "^\\| /bin/true \\| $us \\| [0-9.]+ \\| 0 us \\| - \\| $us \\| - \\|\$"
	assert_line --regexp "^\\| $XTNFT_FLOOR start \\| $us \\| [0-9.]+ \\| $us \\| $ratio \\| 0 us \\| - \\|\$"
	assert_line --regexp "^\\| $XTNFT_FLOOR genid \\| $us \\| [0-9.]+ \\| $us \\| $ratio \\| $us \\| $ratio \\|\$"
	assert_line --regexp "^\\| $XTNFT iptables -L -n \\| $us \\| [0-9.]+ \\| $us \\| $ratio \\| $us \\| $ratio \\|\$"
	assert_line --regexp "^\\| /usr/sbin/iptables-nft -L -n \\| $us \\| 1.00 \\| $us \\| $ratio \\| $us \\| $ratio \\|\$"
}
