#!/usr/bin/env bats
# ebtables and arptables: where xtnft differs from ebtables-nft and
# arptables-nft 1.8.9 on purpose (README, "Deliberate differences"), each
# with the oracle beside xtnft in a fresh namespace, and the guarantees
# 1.8.9 does not give (reading never writes, a bad line changes nothing).

load lib/common

setup() {
	require_root
	require_oracle
}

# both TOOL-ARGS-SCRIPT: run the same shell snippet with $EBT (and $EBTSAVE,
# $EBTRESTORE) the oracle's, then xtnft's, each in a fresh namespace;
# $theirs and $ours hold stdout+stderr.
both() {
	theirs=$(unshare -n env EBT=/usr/sbin/ebtables-nft \
		EBTSAVE=/usr/sbin/ebtables-nft-save \
		EBTRESTORE=/usr/sbin/ebtables-nft-restore bash -c "$1" 2>&1) || true
	ours=$(unshare -n env EBT="$XTNFT ebtables" EBTSAVE="$XTNFT ebtables-save" \
		EBTRESTORE="$XTNFT ebtables-restore" bash -c "$1" 2>&1) || true
	echo "oracle: $theirs"
	echo "xtnft: $ours"
}

# both_arp SCRIPT: the same with $ARPT, $ARPTSAVE and $ARPTRESTORE.
both_arp() {
	theirs=$(unshare -n env ARPT=/usr/sbin/arptables-nft \
		ARPTSAVE=/usr/sbin/arptables-nft-save \
		ARPTRESTORE=/usr/sbin/arptables-nft-restore bash -c "$1" 2>&1) || true
	ours=$(unshare -n env ARPT="$XTNFT arptables" \
		ARPTSAVE="$XTNFT arptables-save" \
		ARPTRESTORE="$XTNFT arptables-restore" bash -c "$1" 2>&1) || true
	echo "oracle: $theirs"
	echo "xtnft: $ours"
}

@test "-L, ebtables-save and --check never write (1.8.9's -L rewrites user-chain policy rules)" {
	local script='
		$EBT -N U -P DROP
		$EBT -A U -j ACCEPT
		nft --debug=netlink list chain bridge filter U | grep -c "^bridge"
		before=$(nft -a list chain bridge filter U)
		$EBT -L >/dev/null; $EBTSAVE >/dev/null
		$EBT --check U -j ACCEPT
		after=$(nft -a list chain bridge filter U)
		[ "$before" = "$after" ] && echo unchanged || echo rewritten'
	both "$script"
	[[ $theirs == *rewritten* ]]
	[[ $ours == *unchanged* ]]
}

@test "-L shows a user chain's policy as ebtables-save does (1.8.9's -L says RETURN)" {
	both '$EBT -N U -P DROP; $EBT -L U | grep "Bridge chain"; $EBTSAVE | grep "^:U"'
	[[ $theirs == *"policy: RETURN"*":U DROP"* ]]
	[[ $ours == *"policy: DROP"*":U DROP"* ]]
}

@test "-D CHAIN N:M deletes rules N to M (1.8.9 skips every other one, and N: only N)" {
	local script='
		for p in ARP IPv4 IPv6 802_1Q; do $EBT -A INPUT -p $p; done
		$EBT -D INPUT 2:3; $EBT -L INPUT | grep -e "-p"'
	both "$script"
	[ "$theirs" = "$(printf -- '-p ARP -j CONTINUE\n-p IPv6 -j CONTINUE')" ]
	[ "$ours" = "$(printf -- '-p ARP -j CONTINUE\n-p 802_1Q -j CONTINUE')" ]
	both 'for p in ARP IPv4 IPv6; do $EBT -A INPUT -p $p; done; $EBT -D INPUT 2:; $EBT -L INPUT | grep -e "-p"'
	[ "$theirs" = "$(printf -- '-p ARP -j CONTINUE\n-p IPv6 -j CONTINUE')" ]
	[ "$ours" = "-p ARP -j CONTINUE" ]
}

@test "broute exists, and says what this kernel lacks (1.8.9 has no broute table)" {
	both '$EBT -t broute -L; echo rc=$?; $EBT -t broute -A BROUTING -p IPv4 -j DROP; echo rc=$?'
	[[ $theirs == *"table 'broute' does not exist"*"rc=3"* ]]
	[[ $ours == *"Bridge chain: BROUTING, entries: 0, policy: ACCEPT"*"rc=0"* ]]
	[[ $ours == *"CONFIG_NFT_BRIDGE_META"*"rc=4" ]]
}

@test "--logical-in names the kernel support it lacks beside 1.8.9's error" {
	both '$EBT -A FORWARD --logical-in br0; echo rc=$?'
	[[ $theirs != *CONFIG_NFT_BRIDGE_META* ]]
	[[ $ours == *"lacks bridge meta support (CONFIG_NFT_BRIDGE_META)"*"RULE_APPEND failed (Operation not supported)"*"rc=4" ]]
}

@test "a target option before its -j is refused (1.8.9 stores an accepting watcher)" {
	both '$EBT -A FORWARD --mark-set 5; echo rc=$?; $EBTSAVE | grep -c "^-A"'
	[[ $theirs == *"rc=0"*"1" ]]
	[[ $ours == *'needs -j mark before it'*"rc=2"*"0" ]]
}

@test "-i + compares nothing (1.8.9 writes a lone iifname load nothing reads)" {
	both '$EBT -A INPUT -i +; nft --debug=netlink list chain bridge filter INPUT | grep -c iifname; $EBT -L >/dev/null; echo rc=$?'
	[ "$theirs" = "$(printf '1\nrc=0')" ]
	[ "$ours" = "$(printf '0\nrc=0')" ]
}

@test "-p 0x0600 reads back as itself (1.8.9 reads it back as Length)" {
	both '$EBT -A INPUT -p 0x0600; $EBTSAVE | grep "^-A"'
	[[ $theirs == *"-A INPUT -p Length -j CONTINUE"* ]]
	[[ $ours == *"-A INPUT -p 0x600 -j CONTINUE"* ]]
}

@test "chain names restore could not read back are refused (1.8.9 makes them: !foo, empty, -y, a blank)" {
	for name in '!foo' '' '-y'; do
		both "\$EBT -N FOO; \$EBT -E FOO '$name'; echo rc=\$?; \$EBTSAVE | grep -c '^:'"
		[[ $theirs == *"rc=0"*"4" ]]
		[[ $ours == *"rc=2"*"4" ]]
	done
	# 1.8.9's -E refuses a blank, its -N does not
	both "\$EBT -N 'a b'; echo rc=\$?; \$EBTSAVE | grep -c '^:'"
	[[ $theirs == "rc=0"*"4" ]]
	[[ $ours == *"Use of ' ' not allowed in chain names"*"rc=2"*"0" ]]
}

@test "a 64 KiB chain name and -h '' get an error, not a crash" {
	local script='L=$(head -c 65536 /dev/zero | tr "\0" a)
		$EBT -N "$L" 2>/dev/null; echo rc=$?
		$EBT -h "" 2>/dev/null >/dev/null; echo rc=$?'
	both "$script"
	[[ $theirs == *"rc=139"*"rc=134"* ]]
	[ "$ours" = "$(printf 'rc=2\nrc=2')" ]
}

@test "a restore that fails in its second table changes nothing (1.8.9 keeps the first)" {
	local script='printf "*filter\n-A INPUT -j ACCEPT\n*nat\n-A PREROUTING -s zz\n" | $EBTRESTORE 2>/dev/null; echo rc=$?; $EBTSAVE | grep -c "^-A"'
	both "$script"
	[ "$theirs" = "$(printf 'rc=2\n1')" ]
	[ "$ours" = "$(printf 'rc=2\n0')" ]
}

@test "-F in a restore flushes what the input added before it (1.8.9 keeps it)" {
	both 'printf "*filter\n-A INPUT -j ACCEPT\n-F\n-A OUTPUT -j DROP\n" | $EBTRESTORE; $EBTSAVE | grep "^-A"'
	[ "$theirs" = "$(printf -- '-A INPUT -j ACCEPT\n-A OUTPUT -j DROP')" ]
	[ "$ours" = "-A OUTPUT -j DROP" ]
}

@test "a counter past 64 bits is refused (1.8.9 stores 18446744073709551615)" {
	both '$EBT -A INPUT -c 18446744073709551616 1; echo rc=$?; $EBTSAVE -c | grep "^\["'
	[[ $theirs == "rc=0"*"[18446744073709551615:1] -A INPUT -j CONTINUE" ]]
	[[ $ours == *"Packet counter '18446744073709551616' invalid"*"rc=2" ]]
}

@test "a dangling ! is refused (1.8.9 drops it and stores the rule)" {
	both '$EBT -A INPUT -p IPv4 !; echo rc=$?; $EBTSAVE | grep -c "^-A"'
	[ "$theirs" = "$(printf 'rc=0\n1')" ]
	[[ $ours == *"nothing appropriate following !"*"rc=2"*"0" ]]
}

@test "a chain name over 255 characters is refused before sending (1.8.9 lets the kernel refuse it, status 4)" {
	both 'N=$(printf %0256d 0 | tr 0 b); $EBT -N $N >/dev/null 2>&1; echo rc=$?; $EBT -A $N -j ACCEPT >/dev/null 2>&1; echo rc=$?'
	[ "$theirs" = "$(printf 'rc=4\nrc=1')" ]
	[ "$ours" = "$(printf 'rc=2\nrc=2')" ]
}

@test "ebtables-restore reads the file it is given (1.8.9 ignores it and reads stdin)" {
	local f=$BATS_TEST_TMPDIR/in.eb
	printf '*filter\n:foo ACCEPT\n' >"$f"
	both "\$EBTRESTORE '$f' </dev/null; echo rc=\$?; \$EBTSAVE | grep -c '^:foo'"
	[ "$theirs" = "$(printf 'rc=0\n0')" ]
	[ "$ours" = "$(printf 'rc=0\n1')" ]
}

@test "--check, -Z and -D work on among rules (1.8.9: Invalid argument, Device or resource busy)" {
	local spec='FORWARD --among-src 00:11:22:33:44:55,00:11:22:33:44:66 -j DROP'
	both "\$EBT -A FORWARD -c 5 10 ${spec#FORWARD }; \$EBT --check $spec; echo rc=\$?; \$EBT -Z FORWARD; echo rc=\$?; \$EBT -D $spec; echo rc=\$?; \$EBTSAVE | grep -c '^-A'"
	[[ $theirs == *"Invalid argument"*"rc=1"*"Device or resource busy"*"rc=4"*"Invalid argument"*"rc=1"*"1" ]]
	[ "$ours" = "$(printf 'rc=0\nrc=0\nrc=0\n0')" ]
}

@test "an nflog prefix with a double quote saves in a form restore reads back (1.8.9 prints it bare)" {
	both "\$EBT -A FORWARD --nflog-prefix 'a\"b'; \$EBTSAVE >$BATS_TEST_TMPDIR/s; \$EBT -F; \$EBTRESTORE <$BATS_TEST_TMPDIR/s; echo rc=\$?; \$EBTSAVE | grep -c 'a.\"b'"
	[[ $theirs == *"Bad argument"*"rc=2"*"0" ]]
	[ "$ours" = "$(printf 'rc=0\n1')" ]
}

@test "arptables -E checks its new name as -N does (1.8.9 renames to any name)" {
	for name in ACCEPT "'a b'" $(printf %029d 0 | tr 0 a); do
		both_arp "\$ARPT -N FOO; \$ARPT -E FOO $name; echo rc=\$?; \$ARPTSAVE | grep -c '^:FOO'"
		[[ $theirs == "rc=0"*"0" ]]
		[[ $ours == *"rc=2"*"1" ]]
	done
	both_arp '$ARPT -N FOO; $ARPT -E FOO $(printf %0256d 0 | tr 0 a) 2>/dev/null; echo rc=$?'
	[ "$theirs" = "rc=4" ]
	[ "$ours" = "rc=2" ]
}

@test "arptables: a counter outside 0 to 2^64-1 is refused (1.8.9 stores 18446744073709551615)" {
	both_arp 'for c in "-1 5" "18446744073709551616 1"; do $ARPT -A INPUT -c $c; echo rc=$?; done; $ARPTSAVE -c | grep -c "^\[18446744073709551615:"'
	[ "$theirs" = "$(printf 'rc=0\nrc=0\n2')" ]
	[[ $ours == *"-c packet counter not numeric"*"rc=2"*"is not a number from 0 to 18446744073709551615"*"rc=2"*"0" ]]
}

@test "arptables refuses what 1.8.9 takes and drops (a seventh MAC group, --opcode 0, masks, -l other than 6)" {
	local opt
	for opt in "--source-mac 00:11:22:33:44:55:66" "--opcode 0" \
		   "--opcode 1/255" "--h-type 6/ff" "--proto-type 0x800/0xff00" \
		   "-l 6/0xff" "-l x" "-l 256"; do
		both_arp "\$ARPT -A INPUT $opt; echo rc=\$?; \$ARPTSAVE | grep -c '^-A'"
		[ "$theirs" = "$(printf 'rc=0\n1')" ]
		[[ $ours == *"arptables v1.8.9 (nf_tables): "*"rc=2"*"0" ]]
	done
}

@test "arptables reads back what it wrote (1.8.9 saves --h-type 0x10 as 16, loses the ! of ! --h-type 1 and ! -l 6)" {
	both_arp '$ARPT -A INPUT --h-type 0x10; $ARPT -A INPUT ! --h-type 1; $ARPT -A INPUT ! -l 6; $ARPTSAVE | grep "^-A"'
	[ "$theirs" = "$(printf -- '-A INPUT --h-type 16\n-A INPUT \n-A INPUT ')" ]
	[ "$ours" = "$(printf -- '-A INPUT --h-type 0x10\n-A INPUT ! --h-type 1\n-A INPUT ! --h-length 6')" ]
}

@test "arptables -i + compares nothing (1.8.9 writes a lone iifname load nothing reads)" {
	both_arp '$ARPT -A INPUT -i +; nft --debug=netlink list chain arp filter INPUT | grep -c iifname; $ARPT -S INPUT | tail -1'
	[ "$theirs" = "$(printf '1\n-A INPUT ')" ]
	[ "$ours" = "$(printf '0\n-A INPUT ')" ]
}

@test "arptables' empty-interface warning ends with a newline (1.8.9's does not)" {
	both_arp '$ARPT -A INPUT -i "" 2>&1 | od -An -c | tail -1'
	[[ $theirs == *"d   e   s   i   r   e   d" ]]
	[[ $ours == *"d   e   s   i   r   e   d  \n" ]]
}

@test "arptables quotes an interface name with a blank in its save (1.8.9 prints it bare)" {
	both_arp '$ARPT -A INPUT -i "a b" 2>/dev/null; $ARPTSAVE | grep -- "-i"'
	[ "$theirs" = "-A INPUT -i a b" ]
	[ "$ours" = '-A INPUT -i "a b"' ]
}

@test "arptables refuses a device named ! (1.8.9 saves -i ! ! as ! -i !, which no restore reads back)" {
	both_arp '$ARPT -A INPUT -i ! ! 2>&1 | grep -v intrapositioned; echo rc=${PIPESTATUS[0]}; $ARPTSAVE >$BATS_TEST_TMPDIR/s; grep "^-A" $BATS_TEST_TMPDIR/s; $ARPTRESTORE <$BATS_TEST_TMPDIR/s; echo rc=$?'
	[[ $theirs == "rc=0"*"-A INPUT ! -i !"*"Multiple \`!' flags not allowed"*"rc=2" ]]
	[[ $ours == *"interface name \`!' is not supported: a restore would read it as a negation"*"rc=2"*"rc=0" ]]
	[[ $ours != *"-A INPUT"* ]]
}

@test "arptables-restore: renaming a chain made by the same input is a clear error (1.8.9: the kernel's, status 4)" {
	both_arp 'printf "*filter\n-N FOO\n-E FOO BAR\nCOMMIT\n" | $ARPTRESTORE; echo rc=$?; $ARPTSAVE | grep -c "^:"'
	[[ $theirs == *"CHAIN_RENAME failed (No such file or directory): chain BAR"*"rc=4"*"0" ]]
	[[ $ours == *"cannot rename chain \`FOO' created in the same transaction"*"rc=2"*"0" ]]
}

@test "arptables-restore: -F flushes what the input added before it (1.8.9 keeps it)" {
	both_arp 'printf "*filter\n-A INPUT -j ACCEPT\n-F\n-A OUTPUT -j DROP\n" | $ARPTRESTORE; $ARPTSAVE | grep "^-A"'
	[ "$theirs" = "$(printf -- '-A INPUT -j ACCEPT\n-A OUTPUT -j DROP')" ]
	[ "$ours" = "-A OUTPUT -j DROP" ]
}

@test "an interface name with a blank is quoted in save form (1.8.9 prints it bare)" {
	both "\$EBT -A INPUT -i 'a b'; \$EBTSAVE >$BATS_TEST_TMPDIR/s; \$EBT -F; \$EBTRESTORE <$BATS_TEST_TMPDIR/s; echo rc=\$?; \$EBTSAVE | grep '^-A'"
	[[ $theirs == *"rc=2" ]]
	[[ $ours == *"rc=0"$'\n''-A INPUT -i "a b" -j CONTINUE' ]]
}
