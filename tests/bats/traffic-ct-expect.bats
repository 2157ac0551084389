#!/usr/bin/env bats
# xtnft's conntrack on the expectation table, beside conntrack-tools
# 1.4.7's.  Expectations are made by the kernel's FTP helper, as on a real
# FTP server: namespace b has the helper on port 21 (an nft ct helper
# object), a client in namespace a logs in and sends PORT, and the helper
# expects the data connection back from b.

load lib/common
load lib/conntrack

setup() {
	require_ct_oracle
	two_ns_setup e
	ip netns exec "$ns_b" /usr/sbin/nft -f - <<-'NFT'
	table inet ftp {
		ct helper ftp-std { type "ftp" protocol tcp; }
		chain pre {
			type filter hook prerouting priority 0;
			tcp dport 21 ct helper set "ftp-std"
		}
	}
	NFT
	ip netns exec "$ns_b" timeout 20 nc -n -k -l -p 21 >/dev/null 2>&1 &
	pids=($!)
	for _ in $(seq 50); do
		ip netns exec "$ns_b" ss -ltn | grep -q ':21 ' && break
		sleep 0.1
	done
}

teardown() {
	kill_bg "${pids[@]}"
	two_ns_teardown
}

# ftp_port DATAPORT: a control connection from a that says USER, then
# PORT 192,0,2,1,P1,P2 (the helper reads a command only after a line
# end it has seen); returns once b lists the expectation
ftp_port() {
	local port=$1
	ip netns exec "$ns_a" timeout 15 bash -c \
		"exec 3<>/dev/tcp/192.0.2.2/21 && printf 'USER x\r\n' >&3 && sleep 0.3 &&
		 printf 'PORT 192,0,2,1,$((port / 256)),$((port % 256))\r\n' >&3 && sleep 14" &
	pids+=($!)
	for _ in $(seq 50); do
		ct_o "$ns_b" -L expect 2>/dev/null | grep -q "dport=$port " && return 0
		sleep 0.1
	done
	echo "ftp_port: no expectation for port $port" >&2
	return 1
}

@test "expectations of the FTP helper: every output format, -G, -C, -S beside 1.4.7" {
	ftp_port 5001
	ftp_port 5002
	ct_both "$ns_b" -L expect
	[ "${#lines[@]}" = 2 ]
	[[ "${lines[0]}" == "T proto=6 src=192.0.2.2 dst=192.0.2.1 sport=0 dport=500"[12]" mask-src=255.255.255.255 mask-dst=255.255.255.255 sport=0 dport=65535 master-src=192.0.2.1 master-dst=192.0.2.2 sport="*" dport=21 class=0 helper=ftp" ]]
	[ "$ct_err" = "conntrack v1.4.7 (conntrack-tools): 2 expectations have been shown." ]
	for o in xml extended timestamp id save ktimestamp labels xml,timestamp extended,id; do
		ct_both "$ns_b" -L expect -o "$o"
	done
	ct_both "$ns_b" -L expect -o timestamp
	[[ "${lines[0]}" == "[TS]	T proto=6 "* ]]
	# 1.4.7's time: the microseconds without leading zeros, blank-padded
	# to six places ("[1796656063.95357 ]")
	for tool in ct_o ct_x; do
		raw=$("$tool" "$ns_b" -L expect -o timestamp 2>/dev/null | head -n 1 | cut -f 1)
		[[ "$raw" =~ ^\[[0-9]+\.((0|[1-9][0-9]*)\ *)\]$ ]]
		[ "${#BASH_REMATCH[1]}" = 6 ]
	done
	ct_both "$ns_b" -L expect -f ipv4
	ct_both "$ns_b" -L expect -f ipv6
	[ "${#lines[@]}" = 0 ]
	ct_both "$ns_b" -C expect
	[ "$output" = 2 ]
	ct_both "$ns_b" -S expect
	ct_both "$ns_b" expect -L
	# -G by the expected tuple (tcp wants the reply ports too, as 1.4.7)
	exp="-p tcp -s 192.0.2.2 -d 192.0.2.1 --sport 0 --reply-port-src 0 --reply-port-dst 0"
	# shellcheck disable=SC2086
	ct_both "$ns_b" -G expect $exp --dport 5001
	[[ "$output" == "T proto=6 src=192.0.2.2 dst=192.0.2.1 sport=0 dport=5001 "* ]]
	# shellcheck disable=SC2086
	ct_both "$ns_b" -G expect $exp --dport 5001 -o xml
	# shellcheck disable=SC2086
	ct_both "$ns_b" -G expect $exp --dport 5009
	assert_failure 1
	[ "$ct_err" = "conntrack v1.4.7 (conntrack-tools): Operation failed: No such file or directory" ]
	ct_both "$ns_b" -G expect -p tcp -s 192.0.2.2 -d 192.0.2.1 --sport 0 --dport 5001
	assert_failure 2
}

# xtnft deletes, then flushes, what the helper made; both tools' -E
# expect watch it happen and must print the same events.
@test "-D expect and -F expect remove expectations; -E expect shows NEW and DESTROY" {
	d=$BATS_TEST_TMPDIR
	# (-E without LeakSanitizer's exit scan: traffic-conntrack.bats says why)
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		ip netns exec "$ns_b" "$XTNFT" conntrack -E expect >"$d/x.out" 2>"$d/x.err" &
	xpid=$!
	ip netns exec "$ns_b" "$CT_ORACLE" -E expect >"$d/o.out" 2>"$d/o.err" &
	opid=$!
	pids+=("$xpid" "$opid")
	sleep 0.5
	ftp_port 5001
	exp="-p tcp -s 192.0.2.2 -d 192.0.2.1 --sport 0 --dport 5001 --reply-port-src 0 --reply-port-dst 0"
	# (1.4.7 counts no deleted expectation: "0 ... shown", status 1)
	# shellcheck disable=SC2086
	run ct_x "$ns_b" -D expect $exp
	[ "$status" = 1 ]
	[ "$output" = "conntrack v1.4.7 (conntrack-tools): 0 expectations have been shown." ]
	[ -z "$(ct_o "$ns_b" -L expect 2>/dev/null)" ]
	# gone already: the kernel's answer, as 1.4.7 words it
	# shellcheck disable=SC2086
	ct_both "$ns_b" -D expect $exp
	assert_failure 1
	[ "$ct_err" = "conntrack v1.4.7 (conntrack-tools): Operation failed: No such file or directory" ]
	ftp_port 5003
	ftp_port 5004
	run ct_x "$ns_b" -F expect
	assert_success
	[ "$output" = "conntrack v1.4.7 (conntrack-tools): expectation table has been emptied." ]
	[ -z "$(ct_o "$ns_b" -L expect 2>/dev/null)" ]
	sleep 0.5
	kill -INT "$xpid" "$opid"
	wait "$xpid" && xrc=0 || xrc=$?
	wait "$opid" && orc=0 || orc=$?
	[ "$xrc" = 0 ] && [ "$orc" = 0 ]
	ct_norm <"$d/o.out" >"$d/o.n"
	ct_norm <"$d/x.out" >"$d/x.n"
	diff -u "$d/o.n" "$d/x.n"
	diff -u "$d/o.err" "$d/x.err"
	grep -q '^    \[NEW\] T proto=6 src=192.0.2.2 dst=192.0.2.1 sport=0 dport=5001 ' "$d/x.n"
	grep -q '^\[DESTROY\] T proto=6 src=192.0.2.2 dst=192.0.2.1 sport=0 dport=5001 ' "$d/x.n"
	grep -q '^\[DESTROY\] T proto=6 .*dport=5004 ' "$d/x.n"
	[ "$(tail -n 1 "$d/x.err")" = "conntrack v1.4.7 (conntrack-tools): 6 expectation events have been shown." ]
}
