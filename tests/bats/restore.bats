#!/usr/bin/env bats
# iptables-restore: one transaction for the whole input (all tables, with
# or without --noflush), errors naming the line, and save/restore fixed
# points.  Where this is stricter than 1.8.9 the test says so.

load lib/common

setup() {
	require_root
}

# A ruleset to start from; prints nothing.
base='printf "*filter\n:INPUT ACCEPT [0:0]\n:KEEP - [0:0]\n-A INPUT -s 10.0.0.1 -j KEEP\nCOMMIT\n" | $IPTRESTORE'

@test "a bad rule in the second table leaves both tables untouched (1.8.9 applies the first)" {
	run in_netns "$base"'
		snapshot
		printf "*filter\n-A INPUT -j DROP\nCOMMIT\n*nat\n-A POSTROUTING -p tcp --dport 99999\nCOMMIT\n" | $IPTRESTORE
		echo "rc=$?"
		unchanged
		printf "*filter\n-A INPUT -j DROP\nCOMMIT\n*nat\n-A POSTROUTING -p tcp --dport 99999\nCOMMIT\n" | ${O_IPT}-restore 2>/dev/null
		echo "oracle rc=$? kept: $(${O_IPT}-save -t filter | grep -c "^-A INPUT -j DROP")"'
	assert_line "rc=2"
	assert_line --partial "invalid port/service \`99999' specified"
	assert_line "Error occurred at line: 5"
	assert_line unchanged
	assert_line "oracle rc=2 kept: 1"
}

@test "with --noflush, a kernel refusal in the second table leaves the first untouched (1.8.9 commits it)" {
	# ! -s 0.0.0.0/0 is a zero-length compare only the kernel refuses
	run in_netns "$base"'
		snapshot
		in="*filter\n-A INPUT -j DROP\nCOMMIT\n*nat\n-A POSTROUTING ! -s 0.0.0.0/0 -j ACCEPT\nCOMMIT\n"
		printf "$in" | $IPTRESTORE --noflush; echo "rc=$?"
		unchanged
		printf "$in" | ${O_IPT}-restore --noflush; echo "oracle rc=$?"
		${O_IPT}-save | grep "^[*-]"'
	assert_line "iptables-restore v1.8.9 (nf_tables): "
	assert_line "iptables-nft-restore v1.8.9 (nf_tables): "
	[ "$(grep -c "^line 5: RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING$" <<<"$output")" = 2 ]
	assert_line "rc=4"
	assert_line unchanged
	assert_line "oracle rc=4"
	# the oracle kept the filter block; the nat table never came
	assert_line "-A INPUT -j DROP"
	assert_line "-A INPUT -s 10.0.0.1/32 -j KEEP"
	refute_line "*nat"
}

@test "a failing command is reported after the table's parse errors, as 1.8.9 orders them" {
	# lines run as they are read; a failure waits for the COMMIT
	fails='*filter\n-A INPUT -j ACCEPT\n-A NOPE -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\n'
	run in_netns "$base"'
		snapshot
		for tail in "-A INPUT --bogus\nCOMMIT\n" "COMMIT\n" "-A INPUT -j DROP\nCOMMIT\n*nat\n-A NOPE2\nCOMMIT\n"; do
			printf "'"$fails"'$tail" | $IPTRESTORE 2>&1 | sed -E "s/^iptables(-nft)?-restore/ours/"; echo "rc=${PIPESTATUS[1]}"
			printf "'"$fails"'$tail" | ${O_IPT}-restore 2>&1 | sed -E "s/^iptables(-nft)?-restore/ours/"; echo "rc=${PIPESTATUS[1]}"
		done
		unchanged'
	assert_line "unchanged"
	# each input: the same lines from both tools (the usage hint names
	# the program)
	[ "${lines[0]}" = "${lines[4]}" ] && [ "${lines[1]}" = "${lines[5]}" ]
	assert_line --index 0 --partial 'unknown option "--bogus"'
	assert_line --index 1 "Error occurred at line: 5"
	[ "$(grep -c "^rc=2$" <<<"$output")" = 2 ]
	[ "$(grep -c "^ours: line 3 failed: No chain/target/match by that name.$" <<<"$output")" = 4 ]
	[ "$(grep -c "^rc=1$" <<<"$output")" = 4 ]
}

@test "a missing COMMIT changes nothing, with or without --noflush" {
	run in_netns "$base"'
		snapshot
		printf "*filter\n-A INPUT -j DROP\nCOMMIT\n*filter\n-A INPUT -j ACCEPT\n" | $IPTRESTORE
		echo "rc=$?"
		printf "*filter\n-A INPUT -j DROP\n" | $IPTRESTORE --noflush
		echo "rc=$?"
		unchanged'
	assert_line --partial "COMMIT expected at line 6"
	assert_line --partial "COMMIT expected at line 3"
	assert_line "rc=1"
	assert_line unchanged
}

@test "a kernel refusal in a late line rolls back everything" {
	run in_netns "$base"'
		snapshot
		# a zero-length compare the kernel rejects, after valid lines
		printf "*filter\n-A INPUT -j DROP\n-A KEEP -j ACCEPT\n! -s 0.0.0.0/0 -A INPUT\nCOMMIT\n" | $IPTRESTORE --noflush
		echo "rc=$?"
		unchanged'
	assert_line "rc=4"
	assert_line --partial "line 4: RULE_APPEND failed (Invalid argument): rule in chain INPUT"
	assert_line unchanged
}

@test "an unknown table name fails without applying earlier tables" {
	run in_netns "$base"'
		snapshot
		printf "*filter\n-A INPUT -j DROP\nCOMMIT\n*bogus\nCOMMIT\n" | $IPTRESTORE
		echo "rc=$?"
		unchanged'
	assert_line "rc=2"
	assert_line --partial "line 4 table name 'bogus' invalid"
	assert_line unchanged
}

@test "--noflush keeps the table and appends; a :CHAIN line flushes that chain" {
	run in_netns "$base"'
		printf "*filter\n:KEEP - [0:0]\n-A KEEP -j RETURN\n-A INPUT -j DROP\nCOMMIT\n" | $IPTRESTORE -n
		$IPT -S'
	assert_success
	assert_output "-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N KEEP
-A INPUT -s 10.0.0.1/32 -j KEEP
-A INPUT -j DROP
-A KEEP -j RETURN"
}

@test "later lines see rules queued by earlier ones (insert, delete, replace by number)" {
	run in_netns '
		printf "*filter\n-A INPUT -s 1.1.1.1 -j ACCEPT\n-A INPUT -s 2.2.2.2 -j ACCEPT\n-I INPUT 2 -s 3.3.3.3 -j ACCEPT\n-D INPUT -s 1.1.1.1 -j ACCEPT\n-R INPUT 1 -s 4.4.4.4 -j DROP\n-C INPUT -s 2.2.2.2 -j ACCEPT\nCOMMIT\n" | $IPTRESTORE
		echo "rc=$?"
		$IPT -S INPUT'
	assert_line "rc=0"
	assert_line "-A INPUT -s 4.4.4.4/32 -j DROP"
	assert_line "-A INPUT -s 2.2.2.2/32 -j ACCEPT"
	refute_line --partial "1.1.1.1"
	refute_line --partial "3.3.3.3"
}

@test "a renamed chain cannot be used under its new name before the commit (like 1.8.9)" {
	run in_netns '
		$IPT -N X
		printf "*filter\n-E X Y\n-A INPUT -j Y\nCOMMIT\n" | $IPTRESTORE -n
		echo "rc=$?"
		printf "*filter\n-E X Y\nCOMMIT\n" | $IPTRESTORE -n
		echo "rc=$?"
		$IPT -S | grep -- "-N"'
	assert_line "rc=2"
	assert_line --partial "Chain 'Y' does not exist"
	assert_line "Error occurred at line: 4"
	assert_line "rc=0"
	assert_line "-N Y"
}

@test "renaming a chain created in the same restore is a clear error" {
	run in_netns '
		printf "*filter\n-N X\n-A X -j ACCEPT\n-E X Y\nCOMMIT\n" | $IPTRESTORE
		echo "rc=$?"'
	assert_line "rc=2"
	assert_line --partial "cannot rename chain \`X' created in the same transaction"
	assert_line "Error occurred at line: 4"
}

@test "renaming a chain created in the same restore is a parse error, status 2 (1.8.9: the kernel's CHAIN_RENAME failed, status 4)" {
	run in_netns "$base"'
		snapshot
		printf "*filter\n-N FOO\n-E FOO BAR\nCOMMIT\n" | ${O_IPT}-restore; echo "oracle rc=$?"
		unchanged
		printf "*filter\n-N FOO\n-E FOO BAR\nCOMMIT\n" | $IPTRESTORE; echo "rc=$?"
		unchanged'
	assert_output "iptables-nft-restore v1.8.9 (nf_tables): 
line 3: CHAIN_RENAME failed (No such file or directory): chain BAR
oracle rc=4
unchanged
iptables-restore v1.8.9 (nf_tables): cannot rename chain \`FOO' created in the same transaction
Error occurred at line: 3
Try \`iptables-restore -h' or 'iptables-restore --help' for more information.
rc=2
unchanged"
}

@test "save -> restore -> save is a fixed point, counters included" {
	run in_netns '
		$IPT -N web; $IPT -N "log-drop"
		$IPT -A INPUT -i lo -j ACCEPT
		$IPT -A INPUT -s 192.0.2.0/24 -p tcp -m tcp --dport 443 -m comment --comment "https \"quoted\"" -j web -c 7 700
		$IPT -A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
		$IPT -A web ! -s 10.0.0.0/255.0.255.0 -p udp -m udp --sport 53 -g log-drop
		$IPT -A log-drop -j DROP
		$IPT -P INPUT DROP
		$IP6T -A INPUT -s 2001:db8::/48 -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT
		for fam in ip ip6; do
			s=$IPTSAVE; r=$IPTRESTORE
			[ $fam = ip6 ] && { s=$IP6TSAVE; r=$IP6TRESTORE; }
			$s -c | grep -v "^#" > /tmp/a.$$
			$r -c < /tmp/a.$$ || exit 1
			$s -c | grep -v "^#" > /tmp/b.$$
			diff -u /tmp/a.$$ /tmp/b.$$ || exit 1
			grep -c -- "-A" /tmp/b.$$
		done
		rm -f /tmp/a.$$ /tmp/b.$$'
	assert_success
	assert_line "5"
	assert_line "1"
}

@test "restore --test parses and builds everything but changes nothing" {
	run in_netns '
		printf "*filter\n-A INPUT -j DROP\nCOMMIT\n" | $IPTRESTORE --test; echo "rc=$?"
		$NFT list ruleset | wc -l'
	assert_line "rc=0"
	assert_line "0"
}

@test "--test checks the input against the ruleset; 1.8.9's -t only parses" {
	# what a real restore would refuse before sending (a rule, chain or
	# number that is not there, a jump to nowhere, a bad policy), -t
	# refuses too; 1.8.9 -t says nothing.  Errors only the kernel finds
	# (! -s 0.0.0.0/0) pass -t in both: the batch is not sent.
	run in_netns '
		for body in "-D INPUT -j DROP" "-A INPUT -j NOPE" "-X NOPE" \
			    "-I INPUT 5 -j ACCEPT" "-P INPUT BOGUS"; do
			printf "*filter\n%s\nCOMMIT\n" "$body" > /tmp/t.$$
			${O_IPT}-restore -t < /tmp/t.$$; echo "oracle rc=$?"
			$IPTRESTORE -t < /tmp/t.$$ 2>&1; echo "rc=$?"
		done
		printf "*filter\n-A INPUT ! -s 0.0.0.0/0 -j ACCEPT\nCOMMIT\n" > /tmp/t.$$
		${O_IPT}-restore -t < /tmp/t.$$; echo "kernel-only: oracle -t rc=$?"
		$IPTRESTORE -t < /tmp/t.$$; echo "kernel-only: -t rc=$?"
		$IPTRESTORE < /tmp/t.$$ 2>/dev/null; echo "kernel-only: rc=$?"
		rm -f /tmp/t.$$
		$NFT list ruleset | wc -l'
	[ "$(grep -c "^oracle rc=0$" <<<"$output")" = 5 ]
	assert_line "iptables-restore: line 2 failed: Bad rule (does a matching rule exist in that chain?)."
	assert_line "iptables-restore v1.8.9 (nf_tables): Chain 'NOPE' does not exist"
	assert_line "iptables-restore: line 2 failed: No chain/target/match by that name."
	assert_line "iptables-restore: line 2 failed: Index of insertion too big."
	assert_line "iptables-restore: line 2 failed: Bad policy name."
	[ "$(grep -c "^rc=1$" <<<"$output")" = 4 ]
	assert_line "rc=2"
	assert_line "kernel-only: oracle -t rc=0"
	assert_line "kernel-only: -t rc=0"
	assert_line "kernel-only: rc=4"
	assert_line "0"
}

@test "a restore larger than one batch page arrives whole (oracle counts it)" {
	# ~25k rules are several 2 MiB batch pages: the page switch must keep
	# the batch intact (and memory-safe under the sanitizers)
	run in_netns '
		f=$(mktemp)
		{ echo "*filter"; echo ":BIG - [0:0]"
		  for i in $(seq 0 24999); do
			echo "-A BIG -s 10.$((i / 250)).$((i % 250)).1/32 -p tcp --dport $((i % 60000 + 1)) -m comment --comment \"rule $i\" -j ACCEPT"
		  done; echo COMMIT; } > "$f"
		$IPTRESTORE < "$f"; echo "rc=$?"; rm -f "$f"
		${O_IPT}-save | grep -c "^-A BIG"
		${O_IPT}-save | grep "comment \"rule 24999\""'
	assert_line "rc=0"
	assert_line "25000"
	assert_line '-A BIG -s 10.99.249.1/32 -p tcp -m tcp --dport 25000 -m comment --comment "rule 24999" -j ACCEPT'
}

@test "many kernel refusals in a user namespace (small socket buffers) still fail the restore" {
	# without CAP_NET_ADMIN in the initial namespace the buffers cannot be
	# forced: the error reports must not be lost (exit 0 with nothing applied)
	f=$BATS_TEST_TMPDIR/bad.rules
	{ echo '*filter'; for i in $(seq 300); do
		echo '-A INPUT -p udp -m tcp --tcp-option 5 -j ACCEPT'; done; echo COMMIT; } >"$f"
	run unshare -rn sh -c "$XTNFT iptables-restore < $f; echo rc=\$?; $XTNFT iptables-save | grep -c -- '^-A'"
	assert_line "rc=4"
	assert_line --partial "line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT"
	assert_line "0"
}

@test "head inserts mixed with positional commands keep iptables' order (1.8.9 crashes on this input)" {
	run in_netns '
		printf "*filter\n-I INPUT -j ACCEPT\n-I INPUT -j DROP\n-A INPUT -j RETURN\n-I INPUT 2 -s 1.1.1.1\n-D INPUT 1\n-I INPUT -s 2.2.2.2\n-R INPUT 3 -s 3.3.3.3\n-I INPUT -s 4.4.4.4\nCOMMIT\n" | $IPTRESTORE
		echo "rc=$?"
		${O_IPT}-save | grep "^-A"'
	assert_output "rc=0
-A INPUT -s 4.4.4.4/32
-A INPUT -s 2.2.2.2/32
-A INPUT -s 1.1.1.1/32
-A INPUT -s 3.3.3.3/32
-A INPUT -j RETURN"
}

@test "a read error is not taken for the end of the input (a directory reads as empty, like 1.8.9)" {
	run unshare -n sh -c "$XTNFT iptables-restore /proc/self/mem; echo rc=\$?; $XTNFT iptables-restore /; echo rc=\$?"
	assert_line --partial "iptables-restore: error reading input: Input/output error"
	assert_line "rc=1"
	assert_line "rc=0"
}

@test "-F in a restore also flushes what earlier lines of the input added (1.8.9 keeps them)" {
	run in_netns '
		printf "*filter\n-A INPUT -j ACCEPT\n-F\n-A OUTPUT -j DROP\nCOMMIT\n" | $IPTRESTORE
		echo "ours: $($IPT -S | grep -c "^-A")"
		$IPT -F
		printf "*filter\n-A INPUT -j ACCEPT\n-F\n-A OUTPUT -j DROP\nCOMMIT\n" | ${O_IPT}-restore
		echo "oracle: $(${O_IPT}-save | grep -c "^-A")"'
	assert_line "ours: 1"
	assert_line "oracle: 2"
}
