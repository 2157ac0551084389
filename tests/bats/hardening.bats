#!/usr/bin/env bats
# Adversarial input: no crash, no silent damage, bounded memory.  Where
# 1.8.9 has the flaw too, the oracle's result is shown beside ours.

load lib/common

setup() {
	require_root
}

long() { head -c "$1" /dev/zero | tr '\0' "${2:-A}"; }

@test "-E to a name of 8,200 characters is a parameter problem, not a crash" {
	run in_netns '
		$IPT -N FOO
		$IPT -E FOO '"$(long 8200)"' 2>&1 | cut -c1-60; echo "rc=${PIPESTATUS[0]}"
		$IPT -E FOO '"$(long 8160)"' >/dev/null 2>&1; echo "rc=$?"
		$IPT -S | grep -c "^-N FOO$"'
	assert_line --regexp '^iptables v1\.8\.9 \(nf_tables\): chain name `A+$'
	assert_line "rc=2"
	refute_line "rc=139"
	assert_line "1"
}

@test "-E checks the new name as -N does (1.8.9 renames to any name)" {
	run in_netns '
		for n in "a b" QUEUE "" '"$(long 40)"'; do
			$O_IPT -N OLD; $O_IPT -E OLD "$n"; echo "oracle rc=$?"
			$IPT -N MINE; $IPT -E MINE "$n" 2>&1; echo "rc=$?"
			$O_IPT -F; $O_IPT -X
		done'
	assert_line "iptables v1.8.9 (nf_tables): Invalid chain name \`a b'"
	assert_line "iptables v1.8.9 (nf_tables): chain name may not clash with target name"
	assert_line "iptables v1.8.9 (nf_tables): chain name \`$(long 40)' too long (must be under 29 chars)"
	refute_line "rc=0"
	[ "$(grep -c "oracle rc=0" <<<"$output")" = 4 ]
}

@test "7,500 comment matches are refused before anything is built (1.8.9 aborts)" {
	run in_netns '
		$IPT -A INPUT -j ACCEPT
		snapshot
		$IPT -A INPUT $(printf -- "-m comment --comment x %.0s" $(seq 7500)); echo "rc=$?"
		unchanged'
	assert_line "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT: 7501 expressions, the kernel takes at most 128"
	assert_line "rc=4"
	assert_line unchanged
}

@test "-v echoes a rule past 64 KiB of expressions without overrunning, and refuses it" {
	# the echo decoded it from a fixed 64 KiB message buffer, and crashed
	run in_netns '
		$IPT -A INPUT -j ACCEPT
		snapshot
		$IPT -v -A INPUT $(printf -- "-m mark --mark %s " $(seq 3000)) -j ACCEPT >/dev/null
		echo "rc=$?"
		unchanged'
	assert_line "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT: 6002 expressions, the kernel takes at most 128"
	assert_line "rc=4"
	assert_line unchanged
}

@test "a rule no kernel dump message holds is refused, status 4 (1.8.9 stores it, and it and the rules after it vanish from every listing)" {
	# 110 comment blobs are listed in some 33 KB; a dump message holds
	# 32448 bytes, so the kernel's dump of the chain stops at the rule
	run in_netns '
		c=$(printf "%0250d" 0)
		r=$(for i in $(seq 110); do printf -- "-m comment --comment %s " $c; done)
		$O_IPT -A INPUT $r -j ACCEPT; echo "oracle rc=$?"
		$O_IPT -A INPUT -j DROP
		echo "oracle lists $($O_IPT -S INPUT | grep -c "^-A") of 2, nft $($NFT list chain ip filter INPUT | grep -c "counter packets")"
		$NFT flush ruleset
		$IPT -A INPUT -j ACCEPT
		snapshot
		$IPT -A INPUT $r -j ACCEPT; echo "rc=$?"
		unchanged
		$IPT -A INPUT -j DROP
		echo "xtnft lists $($IPT -S INPUT | grep -c "^-A") of 2"'
	assert_line "oracle rc=0"
	assert_line "oracle lists 0 of 2, nft 0"
	assert_line "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Message too long): rule in chain INPUT: it would be listed in 33164 bytes, and a kernel dump message holds 32448: it and the rules after it would be missing from every listing"
	assert_line "rc=4"
	assert_line unchanged
	assert_line "xtnft lists 2 of 2"
}

@test "-Z sends back a rule 1.8.9 wrote and the kernel lists, however close to the dump limit" {
	# 107 blobs with -s and -d: listed first in its chain in 32444
	# bytes, 12 under the limit; after a position it would be over
	run in_netns '
		c=$(printf "%0250d" 0)
		r=$(for i in $(seq 107); do printf -- "-m comment --comment %s " $c; done)
		$O_IPT -A INPUT -s 1.2.3.4 -d 1.2.3.5 $r -j ACCEPT -c 5 500
		$IPT -A INPUT -s 1.2.3.4 -d 1.2.3.5 $r -j ACCEPT; echo "rc=$?"
		$IPT -Z INPUT; echo "zero rc=$?"
		$O_IPT -S INPUT -v | grep -c -- "-c 0 0 -j ACCEPT"'
	assert_line --partial "it would be listed in 32456 bytes"
	assert_line "rc=4"
	assert_line "zero rc=0"
	assert_line "1"
}

@test "a rule past 64 KiB of expressions is refused with status 4, saying why (1.8.9: 'No space left on device', status 1)" {
	# 3,000 marks are 6,002 expressions, some 200 KB: the kernel takes
	# 128, and netlink's 16-bit nest length cannot say the size
	run in_netns '
		$IPT -A INPUT -j ACCEPT
		snapshot
		r=$(printf -- "-m mark --mark %s " $(seq 3000))
		$O_IPT -A INPUT $r -j ACCEPT; echo "oracle rc=$?"
		unchanged
		$IPT -A INPUT $r -j ACCEPT; echo "rc=$?"
		unchanged'
	assert_line "iptables: No space left on device."
	assert_line "oracle rc=1"
	assert_line "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT: 6002 expressions, the kernel takes at most 128"
	assert_line "rc=4"
	[ "$(grep -c "^unchanged$" <<<"$output")" = 2 ]
}

@test "-vv of ! -d ::/0 (an empty comparison libnftnl cannot read back) prints and fails like 1.8.9" {
	run in_netns '
		$IP6T -vv -A INPUT ! -d ::/0 -j ACCEPT 2>/dev/null >/tmp/ours.$$; echo "rc=$?"
		/usr/sbin/ip6tables-nft -vv -A INPUT ! -d ::/0 -j ACCEPT 2>/dev/null >/tmp/oracle.$$; echo "oracle rc=$?"
		cmp /tmp/ours.$$ /tmp/oracle.$$ && echo "same output"
		grep -c "cmp neq reg 1 ]" /tmp/ours.$$; rm -f /tmp/ours.$$ /tmp/oracle.$$'
	assert_line "rc=4"
	assert_line "oracle rc=4"
	assert_line "same output"
	assert_line "1"
}

@test "a rule over 128 expressions is refused; 1.8.9 stores it without its verdict" {
	# 220 comment blobs pass 64 KiB: 1.8.9's nest length wraps, and the
	# kernel reads one comment match and stops (no counter, no DROP)
	run in_netns '
		$IPT -A INPUT -j ACCEPT
		snapshot
		$IPT -A INPUT $(printf -- "-m comment --comment x %.0s" $(seq 220)) -j DROP; echo "rc=$?"
		unchanged
		$O_IPT -A INPUT $(printf -- "-m comment --comment x %.0s" $(seq 220)) -j DROP; echo "oracle rc=$?"
		$NFT list chain ip filter INPUT 2>/dev/null | grep -c drop
		$NFT --debug=netlink list chain ip filter INPUT 2>/dev/null | sed -n "/^ip filter INPUT 3 /,/^$/p"'
	assert_line "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT: 222 expressions, the kernel takes at most 128"
	assert_line "rc=4"
	assert_line unchanged
	assert_line "oracle rc=0"
	assert_line "0"
	# the oracle's damaged rule, whole
	assert_line --index 5 --regexp "^ip filter INPUT 3 [0-9]+$"
	assert_line --index 6 "  [ match name comment rev 0 ]"
	[ "${#lines[@]}" = 7 ]
}

@test "! --dport 0:65535 is kept (1.8.9 drops the match: the rule matches all tcp)" {
	run in_netns '
		$O_IPT -A INPUT -p tcp ! --dport 0:65535 -j DROP; echo "oracle rc=$?"
		$O_IPT -S INPUT | grep "^-A"
		$NFT list chain ip filter INPUT 2>/dev/null | grep drop
		$NFT flush ruleset
		$IPT -A INPUT -p tcp ! --dport 0:65535 -j DROP; echo "rc=$?"
		$IPT -S INPUT | grep "^-A"
		$NFT list chain ip filter INPUT 2>/dev/null | grep drop'
	assert_success
	assert_equal "${lines[0]}" "oracle rc=0"
	assert_equal "${lines[1]}" "-A INPUT -p tcp -j DROP"
	assert_regex "${lines[2]}" "^[[:space:]]*meta l4proto tcp counter packets 0 bytes 0 drop$"
	assert_equal "${lines[3]}" "rc=0"
	assert_equal "${lines[4]}" "-A INPUT -p tcp -m tcp ! --dport 0:65535 -j DROP"
	assert_regex "${lines[5]}" "^[[:space:]]*tcp dport != 0-65535 counter packets 0 bytes 0 drop$"
}

@test "-i + leaves no dangling load (1.8.9 loads iifname and compares nothing)" {
	run in_netns '
		$O_IPT -A INPUT -i + -j ACCEPT
		echo oracle; $NFT --debug=netlink list chain ip filter INPUT 2>/dev/null | grep "^  \["
		$NFT flush ruleset
		$IPT -A INPUT -i + -j ACCEPT
		echo ours; $NFT --debug=netlink list chain ip filter INPUT 2>/dev/null | grep "^  \["
		$IPT -S INPUT | grep "^-A"'
	assert_success
	assert_output "oracle
  [ meta load iifname => reg 1 ]
  [ counter pkts 0 bytes 0 ]
  [ immediate reg 0 accept ]
ours
  [ counter pkts 0 bytes 0 ]
  [ immediate reg 0 accept ]
-A INPUT -j ACCEPT"
}

@test "! --sport A ! --dport B is two compares (1.8.9 merges them into one wrong !=)" {
	# 1.8.9 compares both ports as one 4-byte word: != matches when
	# either port differs, not when both do; its -S hides it
	run in_netns '
		$O_IPT -A INPUT -p tcp ! --sport 5 ! --dport 6 -j DROP
		echo oracle; $NFT --debug=netlink list chain ip filter INPUT 2>/dev/null | grep "^  \[ \(payload\|cmp\)"
		$O_IPT -S INPUT | grep "^-A"
		$NFT flush ruleset
		$IPT -A INPUT -p tcp ! --sport 5 ! --dport 6 -j DROP
		echo ours; $NFT --debug=netlink list chain ip filter INPUT 2>/dev/null | grep "^  \[ \(payload\|cmp\)"
		$IPT -S INPUT | grep "^-A"'
	assert_success
	assert_output "oracle
  [ cmp eq reg 1 0x00000006 ]
  [ payload load 4b @ transport header + 0 => reg 1 ]
  [ cmp neq reg 1 0x06000500 ]
-A INPUT -p tcp -m tcp ! --sport 5 ! --dport 6 -j DROP
ours
  [ cmp eq reg 1 0x00000006 ]
  [ payload load 2b @ transport header + 0 => reg 1 ]
  [ cmp neq reg 1 0x00000500 ]
  [ payload load 2b @ transport header + 2 => reg 1 ]
  [ cmp neq reg 1 0x00000600 ]
-A INPUT -p tcp -m tcp ! --sport 5 ! --dport 6 -j DROP"
}

@test "restore of /dev/zero stops at once, as 1.8.9 does" {
	run in_netns '
		timeout 10 $IPTRESTORE </dev/zero; echo "rc=$?"
		timeout 10 ${O_IPT}-restore </dev/zero; echo "oracle rc=$?"'
	assert_line "iptables-restore: line 1 failed"
	assert_line "rc=1"
	assert_line "oracle rc=1"
}

@test "restore memory does not grow with comments or blank lines" {
	command -v /usr/bin/time >/dev/null || skip "/usr/bin/time is not installed"
	run in_netns '
		for n in 100000 4000000; do
			yes "# a comment that is not short at all" | head -n $n |
				/usr/bin/time -f "%M" $IPTRESTORE 2>&1
		done
		for n in 100000 4000000; do
			(echo "*filter"; yes "" | head -n $n; echo COMMIT) |
				/usr/bin/time -f "%M" $IPTRESTORE 2>&1
		done'
	assert_success
	echo "peak KiB: ${lines[0]} and ${lines[1]} (100k, 4M comments)," \
		"${lines[2]} and ${lines[3]} (100k, 4M blank lines in a table)"
	[ "${lines[1]}" -lt $((lines[0] + 1024)) ]
	[ "${lines[3]}" -lt $((lines[2] + 1024)) ]
}

@test "restore limits: line length, parameters, counters and NUL bytes" {
	run in_netns '
		r() { $IPTRESTORE "$@" 2>&1 | head -1; }
		(printf "*filter\n-A INPUT "; head -c 20000 /dev/zero | tr "\0" " "; printf " -j ACCEPT\nCOMMIT\n") | r
		(printf "*filter\n-A INPUT -m comment --comment "; head -c 2000 /dev/zero | tr "\0" x; printf "\nCOMMIT\n") | r
		(printf "*filter\n[1"; head -c 40 /dev/zero | tr "\0" 1; printf ":1] -A INPUT\nCOMMIT\n") | r -c
		printf "*filter\n:INPUT ACCEPT [-1:0]\nCOMMIT\n" | r -c
		printf "*filter\n-A INPUT -j DROP\0 -s 1.2.3.4\nCOMMIT\n" | r
		printf "*filter\n\0\nCOMMIT\n" | r
		(printf "#"; head -c 100000 /dev/zero | tr "\0" x; printf "\n*filter\n-A INPUT -j ACCEPT\nCOMMIT\n") | r
		$IPT -S INPUT'
	assert_line "iptables-restore v1.8.9 (nf_tables): line longer than 10239 bytes"
	assert_line "iptables-restore v1.8.9 (nf_tables): Parameter too long!"
	assert_line "iptables-restore v1.8.9 (nf_tables): -c packet counter \`$(long 41 1)' is not a number from 0 to 18446744073709551615"
	assert_line "iptables-restore v1.8.9 (nf_tables): invalid policy counters for chain 'INPUT'"
	assert_line "iptables-restore v1.8.9 (nf_tables): NUL byte inside the line"
	assert_line "iptables-restore v1.8.9 (nf_tables): no command specified"
	# a comment of any length is still a comment
	assert_line "-A INPUT -j ACCEPT"
}

@test "a line over 10,239 bytes is refused; 1.8.9 splits it into two commands" {
	run in_netns '
		line=$(printf "%-10239s-A INPUT -j DROP" "-A INPUT -s 10.0.0.1 -j ACCEPT")
		printf "*filter\n%s\nCOMMIT\n" "$line" | ${O_IPT}-restore; echo "oracle rc=$?"
		${O_IPT}-save | grep "^-A"
		$NFT flush ruleset
		printf "*filter\n%s\nCOMMIT\n" "$line" | $IPTRESTORE 2>&1; echo "rc=$?"
		$IPT -S | grep -c "^-A"'
	assert_line "oracle rc=0"
	assert_line "-A INPUT -s 10.0.0.1/32 -j ACCEPT"
	assert_line "-A INPUT -j DROP"
	assert_line "iptables-restore v1.8.9 (nf_tables): line longer than 10239 bytes"
	assert_line "rc=2"
	assert_line "0"
}

@test "1.8.9 stores what it cannot parse as something else; xtnft refuses" {
	run in_netns '
		$O_IPT -A INPUT -c 99999999999999999999 1 -j ACCEPT; echo "oracle rc=$?"
		$O_IPT -A INPUT -c 7x 1 -j DROP; echo "oracle rc=$?"
		${O_IPT}-save -c | grep "^\[" 
		printf "*filter\n-A INPUT -j RETURN\0 -s 1.2.3.4\nCOMMIT\n" | ${O_IPT}-restore; echo "oracle rc=$?"
		${O_IPT}-save | grep RETURN
		$O_IPT -F
		$IPT -A INPUT -c 99999999999999999999 1 -j ACCEPT 2>&1; echo "rc=$?"
		$IPT -A INPUT -c 7x 1 -j DROP 2>&1; echo "rc=$?"
		$IPT -S | grep -c "^-A"'
	assert_line "[18446744073709551615:1] -A INPUT -j ACCEPT"
	assert_line "[7:1] -A INPUT -j DROP"
	assert_line "-A INPUT -j RETURN"
	assert_line "iptables v1.8.9 (nf_tables): -c packet counter \`99999999999999999999' is not a number from 0 to 18446744073709551615"
	assert_line "iptables v1.8.9 (nf_tables): -c packet counter \`7x' is not a number from 0 to 18446744073709551615"
	refute_line "rc=0"
	assert_line "0"
}

@test "what 1.8.9 cuts, or saves in a form no restore reads, is refused" {
	run in_netns '
		$O_IPT -A INPUT -m comment --comment '"$(long 300 x)"'; echo "oracle rc=$?"
		$O_IPT -S INPUT | grep -o -- "--comment x*" | wc -c
		$O_IPT -F
		$O_IPT -N "a\"b"; $O_IPT -A INPUT -m comment --comment "two
lines"; echo "oracle rc=$?"
		${O_IPT}-save >/tmp/save.$$; $NFT flush ruleset
		${O_IPT}-restore </tmp/save.$$ >/dev/null 2>&1; echo "oracle restores its save: rc=$?"
		rm -f /tmp/save.$$
		printf "*filter\n-A INPUT -m comment --comment \"unclosed\nCOMMIT\n" | ${O_IPT}-restore; echo "oracle rc=$?"
		$NFT flush ruleset
		$IPT -A INPUT -m comment --comment '"$(long 300 x)"' 2>&1; echo "rc=$?"
		$IPT -N "a\"b" 2>&1; echo "rc=$?"
		$IPT -A INPUT -m comment --comment "two
lines" 2>&1; echo "rc=$?"
		printf "*filter\n-A INPUT -m comment --comment \"unclosed\nCOMMIT\n" | $IPTRESTORE 2>&1; echo "rc=$?"
		printf "*filter\n:a\"b - [0:0]\nCOMMIT\n" | $IPTRESTORE 2>&1; echo "rc=$?"
		$IPT -S | grep -c "^-[AN]"'
	assert_line "oracle rc=0"
	assert_line "266"	# "--comment " and 255 of the 300 characters
	assert_line "oracle restores its save: rc=2"
	refute_line "oracle rc=2"
	assert_line "iptables v1.8.9 (nf_tables): Argument must have a maximum length of 255 characters"
	assert_line "iptables v1.8.9 (nf_tables): Invalid chain name \`a\"b'"
	assert_line "iptables-restore v1.8.9 (nf_tables): Invalid chain name \`a\"b'"
	assert_line "iptables v1.8.9 (nf_tables): comment: option \"--comment\" cannot hold a newline"
	assert_line "iptables-restore v1.8.9 (nf_tables): comment: option \"--comment\" cannot hold a newline"
	refute_line "rc=0"
	assert_line "0"
}

@test "an interface name with a blank or a quote is saved quoted, so it restores" {
	# the kernel allows a quote in a name, none allows a blank; 1.8.9
	# prints both bare and then cannot restore its own save
	run in_netns '
		$O_IPT -A INPUT -i "a b" -j ACCEPT; $O_IPT -A FORWARD -o "q\"x" -j DROP
		${O_IPT}-save >/tmp/o.$$; $NFT flush ruleset
		${O_IPT}-restore </tmp/o.$$ >/dev/null 2>&1; echo "oracle restores its save: rc=$?"
		$NFT flush ruleset
		$IPT -A INPUT -i "a b" -j ACCEPT; $IPT -A FORWARD -o "q\"x" -j DROP
		$IPT -S | grep "^-A"
		$IPTSAVE >/tmp/x.$$; $NFT flush ruleset
		$IPTRESTORE </tmp/x.$$; echo "restores its save: rc=$?"
		$IPT -S | grep -c "^-A"
		$NFT flush ruleset
		${O_IPT}-restore </tmp/x.$$; echo "oracle restores it too: rc=$?"
		${O_IPT}-save | grep "^-A"
		rm -f /tmp/o.$$ /tmp/x.$$'
	assert_line "oracle restores its save: rc=2"
	assert_line '-A INPUT -i "a b" -j ACCEPT'
	assert_line '-A FORWARD -o "q\"x" -j DROP'
	assert_line "restores its save: rc=0"
	assert_line "2"
	assert_line "oracle restores it too: rc=0"
	assert_line "-A INPUT -i a b -j ACCEPT"
}

@test "one command stands for at most 65,536 rules (1.8.9 builds 90,000)" {
	run in_netns '
		s=$(for i in $(seq 0 299); do printf "10.0.%d.%d," $((i / 256)) $((i % 256)); done)
		d=$(for i in $(seq 0 299); do printf "10.1.%d.%d," $((i / 256)) $((i % 256)); done)
		$IPT -A INPUT -s "${s%,}" -d "${d%,}" 2>&1; echo "rc=$?"
		$IPT -S INPUT | grep -c "^-A"
		$O_IPT -A INPUT -s "${s%,}" -d "${d%,}"; echo "oracle rc=$?"
		${O_IPT}-save | grep -c "^-A"'
	assert_line "iptables v1.8.9 (nf_tables): 300 source and 300 destination addresses make more than 65536 rules"
	assert_line "rc=2"
	assert_line "0"
	assert_line "oracle rc=0"
	assert_line "90000"
}

@test "4,000 blocks of one table in one input apply like 1.8.9's, in linear time" {
	run in_netns '
		for i in $(seq 4000); do
			printf "*filter\n:INPUT DROP [0:0]\n:U - [0:0]\n-A INPUT -s 10.0.%d.%d -j U\n-A U -j ACCEPT\nCOMMIT\n" $((i / 256)) $((i % 256))
		done >/tmp/blocks.$$
		start=$(date +%s%N)
		$IPTRESTORE /tmp/blocks.$$; echo "rc=$?"
		echo "ms=$((($(date +%s%N) - start) / 1000000))"
		$IPTSAVE | grep -v "^#" >/tmp/ours.$$
		${O_IPT}-restore /tmp/blocks.$$; echo "oracle rc=$?"
		${O_IPT}-save | grep -v "^#" | diff - /tmp/ours.$$ && echo same
		rm -f /tmp/blocks.$$ /tmp/ours.$$'
	assert_line "rc=0"
	assert_line "oracle rc=0"
	assert_line same
	ms=$(grep -o "ms=[0-9]*" <<<"$output" | cut -d= -f2)
	[ "$ms" -lt 20000 ]
}

@test "a table restored twice in one input: same ruleset, kernel handles keep counting" {
	# Restoring the same table again inside one transaction empties it in
	# place; recreating it would register its hooks again each time.  1.8.9
	# commits each block, so its rule handles restart.
	run in_netns '
		in="*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*filter\n-A INPUT -j DROP\nCOMMIT\n"
		printf "$in" | $IPTRESTORE; $IPTSAVE | grep "^-A"
		$NFT -a list chain ip filter INPUT | grep -o "drop # handle [0-9]*"
		$NFT flush ruleset
		printf "$in" | ${O_IPT}-restore; ${O_IPT}-save | grep "^-A"
		$NFT -a list chain ip filter INPUT | grep -o "drop # handle [0-9]*"'
	assert_success
	assert_equal "${lines[0]}" "-A INPUT -j DROP"
	assert_equal "${lines[1]}" "drop # handle 3"
	assert_equal "${lines[2]}" "-A INPUT -j DROP"
	assert_equal "${lines[3]}" "drop # handle 2"
}

@test "-h or -V inside restore input prints and exits 0 with nothing committed" {
	run in_netns '
		printf "*filter\n-A INPUT -j ACCEPT\n-h\nCOMMIT\n" | $IPTRESTORE | head -3; echo "rc=${PIPESTATUS[1]}"
		printf "*filter\n-A INPUT -j ACCEPT\n-V\nCOMMIT\n" | $IPTRESTORE; echo "rc=$?"
		$IPT -S INPUT | grep -c "^-A"'
	assert_line "iptables-restore v1.8.9 (nf_tables)"
	assert_line "Usage: iptables-restore -[ACD] chain rule-specification [options]"
	refute_line --partial "rc=1"
	assert_line "rc=0"
	assert_line "0"
}

@test "-Z in a restore that fails zeroes nothing; in one that succeeds, everything" {
	run in_netns '
		$IPT -A INPUT -j ACCEPT -c 10 20
		printf "*filter\n-Z\n-A INPUT -p tcp --dport 99999\nCOMMIT\n" | $IPTRESTORE -n 2>/dev/null; echo "rc=$?"
		$IPT -S INPUT -v | grep "^-A"
		printf "*filter\n-Z INPUT\n-A INPUT -j DROP\nCOMMIT\n*nat\n-A POSTROUTING -j BOGUS\nCOMMIT\n" | $IPTRESTORE -n 2>/dev/null; echo "rc=$?"
		$IPT -S INPUT -v | grep "^-A"
		printf "*filter\n-Z\nCOMMIT\n" | $IPTRESTORE -n; echo "rc=$?"
		$IPT -S INPUT -v | grep "^-A"'
	assert_equal "${lines[0]}" "rc=2"
	assert_equal "${lines[1]}" "-A INPUT -c 10 20 -j ACCEPT"
	assert_equal "${lines[2]}" "rc=2"
	assert_equal "${lines[3]}" "-A INPUT -c 10 20 -j ACCEPT"
	assert_equal "${lines[4]}" "rc=0"
	assert_equal "${lines[5]}" "-A INPUT -c 0 0 -j ACCEPT"
}

@test "a feeder that waits after each COMMIT sees each table applied" {
	run in_netns '
		coproc R { $IPTRESTORE --noflush; }
		for a in 1.1.1.1 2.2.2.2; do
			printf "*filter\n-A INPUT -s $a -j ACCEPT\nCOMMIT\n" >&${R[1]}
			for i in $(seq 100); do $IPT -S INPUT | grep -q "$a" && break; sleep 0.05; done
			echo "applied: $($IPT -S INPUT | grep -c "^-A")"
		done
		exec {R[1]}>&-
		wait $R_PID; echo "rc=$?"'
	assert_line "applied: 1"
	assert_line "applied: 2"
	assert_line "rc=0"
}

@test "unprivileged restore reports a parse error first, and -t names the COMMIT line" {
	command -v setpriv >/dev/null || skip "setpriv is not installed"
	for tool in "$XTNFT iptables-restore" "${ORACLE}-restore"; do
		as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups $tool "$@"; }
		run as_nobody < <(printf "*filter\n-A INPUT --bogus\nCOMMIT\n")
		assert_failure 2
		assert_line --partial "unknown option \"--bogus\""
		run as_nobody -t < <(printf "*filter\n-A INPUT -j ACCEPT\nCOMMIT\n")
		assert_failure 1
		assert_line --regexp "^iptables(-nft)?-restore: line 3 failed: Permission denied \(you must be root\)\.$"
		run as_nobody < <(printf "*filter\n-A INPUT -j ACCEPT\nCOMMIT\n")
		assert_failure 4
		assert_line --partial "Could not fetch rule set generation id: Permission denied (you must be root)"
	done
}

@test "ip6tables stores the counters given to a rule (1.8.9 stores 0 0)" {
	local script='$T -A INPUT -c 5 6 -j ACCEPT
		printf "*filter\n[3:4] -A INPUT -j DROP\nCOMMIT\n" | $R -c --noflush
		$T -S INPUT -v | grep "^-A"'
	theirs=$(unshare -n env T=/usr/sbin/ip6tables-nft R=/usr/sbin/ip6tables-nft-restore bash -c "$script")
	ours=$(unshare -n env T="$XTNFT ip6tables" R="$XTNFT ip6tables-restore" bash -c "$script")
	echo "oracle: $theirs"; echo "xtnft: $ours"
	[ "$theirs" = "$(printf -- '-A INPUT -c 0 0 -j ACCEPT\n-A INPUT -c 0 0 -j DROP')" ]
	[ "$ours" = "$(printf -- '-A INPUT -c 5 6 -j ACCEPT\n-A INPUT -c 3 4 -j DROP')" ]
}
