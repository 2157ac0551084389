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
