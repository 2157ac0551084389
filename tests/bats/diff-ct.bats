#!/usr/bin/env bats
# conntrack against conntrack-tools 1.4.7's: every case of
# tests/diff/corpus-ct.txt in two fresh namespaces, once with xtnft and
# once with /usr/sbin/conntrack (tests/diff/difftest.sh); where xtnft
# differs on purpose, tests/bats/differences-ct.bats.

load lib/common
load lib/conntrack

setup() {
	require_root
	require_ct_oracle
}

@test "conntrack matches conntrack-tools 1.4.7: commands, filters, output formats, bad input" {
	run "$TESTS_DIR/diff/difftest.sh" "$TESTS_DIR/diff/corpus-ct.txt"
	assert_success
}

# The start of a script run by unshare -mn: /etc an empty tmpfs holding
# only the label map (and nft's copy), and an nft rule that gives the
# flows this namespace makes the label extension (label five).
LABEL_NS='
		mount -t tmpfs none /etc || exit 99
		mkdir -p /etc/xtables
		printf "# bits\n0 zero\n1 one\n5 five\n" >/etc/xtables/connlabel.conf
		cp /etc/xtables/connlabel.conf /etc/connlabel.conf
		/usr/sbin/nft add table ip t &&
		/usr/sbin/nft add chain ip t c "{ type filter hook output priority 0; }" &&
		/usr/sbin/nft add rule ip t c ct label set five || exit 98'

# ct_labels TOOL...: label work with a label map, in a fresh network and
# mount namespace whose /etc is an empty tmpfs holding only the map (and
# nft's copy, for the rule that gives flows the label extension); the
# entries are made by the oracle, TOOL adds, lists, filters and removes
# labels.  Prints stdout then stderr, each sorted.
ct_labels() {
	local script=$LABEL_NS'
		o="/usr/sbin/conntrack -I -p udp -s 1.1.1.1 -d 2.2.2.2 --dport 2 -t 1000"
		$o --sport 1 --label-add one && $o --sport 3 || exit 97
		{
		"$@" -I -p udp -s 1.1.1.1 -d 2.2.2.2 --sport 4 --dport 2 -t 1000 --label-add five,zero
		"$@" -U -s 1.1.1.1 -p udp --sport 3 --label-add five
		"$@" -L -o labels
		"$@" -L -l five
		"$@" -L -l zero,five -o extended
		"$@" -U -s 1.1.1.1 -p udp --sport 4 --label-del zero
		"$@" -U -s 1.1.1.1 -p udp --sport 1 --label-del
		"$@" -L -o labels,extended
		"$@" -L -l nosuch
		echo "rc=$?"
		} 2>"$ERR" | sed -E "s/^([a-z0-9 ]+ [0-9]+ )[0-9]+ /\1T /" | LC_ALL=C sort
		LC_ALL=C sort "$ERR"'
	ERR=$BATS_TEST_TMPDIR/err unshare -mn bash -c "$script" _ "$@"
}

@test "labels: -l, --label-add, --label-del and -o labels with a label map" {
	run ct_labels "$CT_ORACLE"
	assert_success
	local want=$output
	run ct_labels "$XTNFT" conntrack
	assert_success
	[ "$output" = "$want" ]
	[[ "$output" == *"labels=zero,five"* ]]
}

# ct_label_events TOOL...: TOOL -E -o labels in the label map's namespace
# (as ct_labels) while the oracle creates and deletes a labelled entry;
# prints the events, port ids as N (and no program name: reading it is
# racy), then the summary line.
ct_label_events() {
	local script=$LABEL_NS'
		"$@" -E -o labels >"$OUT" 2>"$ERR" &
		p=$!
		sleep 0.5
		o="/usr/sbin/conntrack -p udp -s 1.1.1.1 -d 2.2.2.2 --sport 3 --dport 2"
		$o -I -t 1000 --label-add zero,one 2>/dev/null || exit 97
		$o -D >/dev/null 2>&1
		sleep 0.5
		kill -INT $p
		wait $p
		echo "rc=$?"
		sed -E "s/portid=[0-9]+( progname=.*)?$/portid=N/" "$OUT"
		cat "$ERR"'
	# (-E without LeakSanitizer's exit scan: traffic-conntrack.bats says why)
	OUT=$BATS_TEST_TMPDIR/ev.out ERR=$BATS_TEST_TMPDIR/ev.err \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		unshare -mn bash -c "$script" _ "$@"
}

@test "labels: -E -o labels names the labels of each event" {
	run ct_label_events "$CT_ORACLE"
	assert_success
	local want=$output
	run ct_label_events "$XTNFT" conntrack
	assert_success
	[ "$output" = "$want" ]
	[[ "$output" == *"mark=0 labels=zero,one [USERSPACE]"* ]]
}
