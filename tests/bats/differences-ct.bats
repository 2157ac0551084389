#!/usr/bin/env bats
# conntrack: where xtnft differs from conntrack-tools 1.4.7 on purpose
# (the cases tests/diff/corpus-ct.txt marks %differs), each with the
# oracle beside xtnft in a fresh namespace.  1.4.7 reads ports, marks,
# zones and ICMP fields with strtoul and no check: "foo" is 0, 99999 is
# cut to 16 bits, "1/2/3" is mark 1 mask 2; `-D -m foo` so deletes every
# entry with mark 0.  xtnft refuses such a value as a parameter problem
# (exit 2, the usual "Try `conntrack -h'" line) and touches nothing.

load lib/common
load lib/conntrack

setup() {
	require_root
	require_ct_oracle
}

# ct_pair CMD...: CMD with the oracle, then with xtnft, each in a fresh
# namespace holding the same four entries (marks 0, 0, 1, 5); sets
# $orc/$xrc (status), $oerr/$xerr (stderr) and $oleft/$xleft (the table
# left, by the oracle, timeouts as T).
ct_pair() {
	local script='
		o="/usr/sbin/conntrack -I -t 1000"
		{
		$o -p tcp -s 10.0.0.1 -d 10.0.0.9 --sport 1000 --dport 80 --state ESTABLISHED
		$o -p udp -s 10.0.0.2 -d 10.0.0.9 --sport 53 --dport 53
		$o -p udp -s 10.0.0.3 -d 10.0.0.9 --sport 53 --dport 53 -m 1
		$o -p icmp -s 10.0.0.3 -d 10.0.0.9 --icmp-type 8 --icmp-code 0 --icmp-id 7 -m 5
		} >/dev/null 2>&1
		"$@" >/dev/null 2>"$ERR"; echo $? >"$ERR.rc"
		/usr/sbin/conntrack -L 2>/dev/null | sed -E "s/^([a-z]+ +[0-9]+ )[0-9]+ /\1T /" | LC_ALL=C sort'
	local e=$BATS_TEST_TMPDIR/err
	oleft=$(ERR=$e.o unshare -n bash -c "$script" _ "$CT_ORACLE" "$@")
	xleft=$(ERR=$e.x unshare -n bash -c "$script" _ "$XTNFT" conntrack "$@")
	orc=$(cat "$e.o.rc") oerr=$(cat "$e.o")
	xrc=$(cat "$e.x.rc") xerr=$(cat "$e.x")
	printf 'oracle (%s): %s\nxtnft (%s): %s\n' "$orc" "$oerr" "$xrc" "$xerr"
}

@test "-D with an unparsable mark deletes nothing (1.4.7: mark 0)" {
	ct_pair -D -m foo
	# 1.4.7 deletes the two entries with mark 0
	[ "$orc" = 0 ]
	[ "$(echo "$oleft" | wc -l)" = 2 ]
	[ "$xrc" = 2 ]
	[ "$(echo "$xleft" | wc -l)" = 4 ]
	[[ "$xerr" == *"Try \`conntrack -h' or 'conntrack --help' for more information." ]]
	for m in 1/ /1 1/2/3 -1 99999999999 0x; do
		ct_pair -D -m "$m"
		[ "$xrc" = 2 ]
		[ "$(echo "$xleft" | wc -l)" = 4 ]
	done
}

@test "out-of-range ports, marks, zones and ICMP types are refused" {
	for args in "-p tcp --dport 99999" "-p tcp --dport -1" "-p tcp --sport 80:90" \
		"-p udp --sport x" "-m 1/" "-m /1" "-m 1/2/3" "-m -1" "-m 99999999999" \
		"-w foo" "-w -1" "-w 70000" "-p icmp --icmp-type 300" "-p icmp --icmp-type x" \
		"-p icmp --icmp-id 70000" "-p icmp --icmp-code -1"; do
		# shellcheck disable=SC2086
		ct_pair -L $args
		[ "$orc" = 0 ]
		[ "$xrc" = 2 ]
		[[ "$xerr" == "conntrack v1.4.7 (conntrack-tools): "*"
Try \`conntrack -h' or 'conntrack --help' for more information." ]]
		# and -D deletes nothing with it
		# shellcheck disable=SC2086
		ct_pair -D $args
		[ "$xrc" = 2 ]
		[ "$(echo "$xleft" | wc -l)" = 4 ]
	done
}

@test "an unknown SCTP state is a parameter problem (1.4.7 crashes)" {
	# 1.4.7 looks the word up in a table with a hole and dies (SIGSEGV)
	ct_pair -D -p sctp --state BOGUS
	[ "$orc" = 139 ]
	[ "$xrc" = 2 ]
	[[ "$xerr" == "conntrack v1.4.7 (conntrack-tools): unknown SCTP state \`BOGUS'
Try \`conntrack -h' or 'conntrack --help' for more information." ]]
	[ "$(echo "$xleft" | wc -l)" = 4 ]
}

# ct_fam N CMD...: in a fresh namespace holding N tcp flows in each family
# (the same ports, inserted IPv4 then IPv6 by turns) and a udp flow in
# each, `CMD -L -p tcp` with stdout to $BATS_TEST_TMPDIR/fam.out and
# stderr to fam.err, then again with both to fam.both; sets $fam (one
# character a flow line of fam.out, 4 or 6, in its order).
ct_fam() {
	local n=$1 d=$BATS_TEST_TMPDIR/fam
	shift
	N=$n D=$d unshare -n bash -c '
		o="/usr/sbin/conntrack -I -t 1000"
		{
		for p in $(seq 1001 $((1000 + N))); do
			$o -p tcp -s 10.0.0.1 -d 10.0.0.9 --sport $p --dport 80 --state ESTABLISHED
			$o -p tcp -s fd00::1 -d fd00::9 --sport $p --dport 80 --state ESTABLISHED
		done
		$o -p udp -s 10.0.0.2 -d 10.0.0.9 --sport 53 --dport 53
		$o -p udp -s fd00::2 -d fd00::9 --sport 53 --dport 53
		} >/dev/null 2>&1
		"$@" -L -p tcp >"$D.out" 2>"$D.err"
		"$@" -L -p tcp >"$D.both" 2>&1' _ "$@"
	fam=$(sed -E -e 's/^tcp .* src=10\.0\.0\.1 .*/4/' -e 's/^tcp .* src=fd00::1 .*/6/' "$d.out" | tr -d '\n')
	printf '%s: %s\n' "$*" "$fam"
}

@test "a filtered listing of both families lists IPv4 flows first (1.4.7: hash order)" {
	ct_fam 16 "$CT_ORACLE"
	ofam=$fam
	oset=$(ct_norm <"$BATS_TEST_TMPDIR/fam.out" | LC_ALL=C sort)
	ct_fam 16 "$XTNFT" conntrack
	xset=$(ct_norm <"$BATS_TEST_TMPDIR/fam.out" | LC_ALL=C sort)
	# the same 32 flows (the udp ones filtered out) and summary
	[ "$(echo "$xset" | wc -l)" = 32 ]
	[ "$oset" = "$xset" ]
	[ "$(cat "$BATS_TEST_TMPDIR/fam.err")" = "conntrack v1.4.7 (conntrack-tools): 32 flow entries have been shown." ]
	# xtnft: all 16 IPv4 flows, then all 16 IPv6 ones
	[ "$fam" = 44444444444444446666666666666666 ]
	# 1.4.7: one dump of both families, in the kernel's hash order, which
	# a fresh namespace seeds at random: the families interleave, an IPv6
	# flow before an IPv4 one (all 16 IPv4 flows hash first once in
	# C(32,16) = 601080390 namespaces)
	[ "${#ofam}" = 32 ]
	[[ "$ofam" == *6*4* ]]
}

@test "a listing is written before its summary, both to one file (1.4.7: summary first)" {
	sum="conntrack v1.4.7 (conntrack-tools): 4 flow entries have been shown."
	# 1.4.7 buffers stdout (a file) and writes the summary to stderr
	# before exit flushes it: the summary comes first whenever the listing
	# fits the buffer (4096 bytes; 4 flows are some 600)
	for _ in 1 2 3; do
		ct_fam 2 "$CT_ORACLE"
		mapfile -t ob <"$BATS_TEST_TMPDIR/fam.both"
		[ "${#ob[@]}" = 5 ]
		[ "${ob[0]}" = "$sum" ]
		[ "$(printf '%s\n' "${ob[@]:1}" | ct_norm)" = "$(ct_norm <"$BATS_TEST_TMPDIR/fam.out")" ]
	done
	# xtnft: the listing, then the summary
	ct_fam 2 "$XTNFT" conntrack
	mapfile -t xb <"$BATS_TEST_TMPDIR/fam.both"
	[ "${#xb[@]}" = 5 ]
	[ "${xb[4]}" = "$sum" ]
	[ "$fam" = 4466 ]
	[ "$(printf '%s\n' "${xb[@]:0:4}" | ct_norm)" = "$(ct_norm <"$BATS_TEST_TMPDIR/fam.out")" ]
	# also a listing longer than a buffer: 32 flows, then the summary
	ct_fam 16 "$XTNFT" conntrack
	mapfile -t xb <"$BATS_TEST_TMPDIR/fam.both"
	[ "${#xb[@]}" = 33 ]
	[ "${xb[32]}" = "conntrack v1.4.7 (conntrack-tools): 32 flow entries have been shown." ]
	[ "$(printf '%s\n' "${xb[@]:0:32}" | ct_norm)" = "$(ct_norm <"$BATS_TEST_TMPDIR/fam.out")" ]
}
