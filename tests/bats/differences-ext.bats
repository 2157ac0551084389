#!/usr/bin/env bats
# The extensions' deliberate differences from iptables-nft 1.8.9 (README,
# "What works"): where 1.8.9 stores something other than what was asked
# (cuts, wraps, guesses) xtnft refuses, with a message naming the value.
# Each case runs the oracle beside xtnft: 1.8.9 accepts and its -S shows
# what it stored; xtnft exits 2 with the message and leaves the ruleset as
# it was.

load lib/common

setup() {
	require_root
	require_oracle
}

# differs FAMILY TABLE RULE-ARGS... -- STORED-BY-1.8.9 -- OUR-MESSAGE
# In a fresh namespace each: 1.8.9 takes the rule and -S shows STORED;
# xtnft exits 2 saying OUR-MESSAGE and stores nothing.
differs() {
	local fam=$1 table=$2 ours theirs tool=iptables
	shift 2
	local args=() stored msg
	while [ "$1" != -- ]; do args+=("$1"); shift; done
	shift
	stored=$1 msg=$3
	[ "$fam" = ipv6 ] && tool=ip6tables
	theirs=$(unshare -n env T="/usr/sbin/$tool-nft" TABLE="$table" bash -c '
		"$T" -t "$TABLE" "$@" >/dev/null 2>&1 || echo "rc=$?"
		"$T" -t "$TABLE" -S | sed -n "s/^-A //p"' _ "${args[@]}")
	case $theirs in
	*"$stored"*) ;;
	*) echo "1.8.9 did not store '$stored': $theirs"; return 1 ;;
	esac
	ours=$(unshare -n env T="$XTNFT $tool" TABLE="$table" bash -c '
		$T -t "$TABLE" "$@" 2>&1; echo "rc=$?"
		$T -t "$TABLE" -S | grep -c "^-A"' _ "${args[@]}")
	case $ours in
	*"$msg"*"rc=2"*) ;;
	*) echo "xtnft did not refuse with '$msg': $ours"; return 1 ;;
	esac
	[ "${ours##*$'\n'}" = 0 ] || { echo "xtnft stored a rule: $ours"; return 1; }
	echo refused
}

@test "a port above 65535 is refused (1.8.9 wraps 70000 to 4464)" {
	run differs ipv4 filter -A INPUT -m conntrack --ctorigsrcport 70000 -- \
		"--ctorigsrcport 4464" -- 'Port "70000" does not resolve to anything.'
	assert_output refused
	run differs ipv4 mangle -A PREROUTING -p tcp -j TPROXY --on-port 70000 -- \
		"--on-port 4464" -- 'Port "70000" does not resolve to anything.'
	assert_output refused
}

@test "a mask that is not a prefix, or /33, is refused (1.8.9 makes it a host mask)" {
	run differs ipv4 filter -A INPUT -m conntrack --ctorigsrc 1.2.3.4/33 -- \
		"--ctorigsrc 1.2.3.4" -- "neither a valid network mask nor valid CIDR (0-32)"
	assert_output refused
	run differs ipv4 nat -A PREROUTING -j NETMAP --to 10.0.0.0/255.0.255.0 -- \
		"NETMAP --to 10.0.0.0/32" -- "neither a valid network mask nor valid CIDR"
	assert_output refused
}

@test "a text longer than its field is refused (1.8.9 cuts it)" {
	run differs ipv4 filter -A INPUT -j LOG --log-prefix aaaaaaaaaabbbbbbbbbbccccccccccDDD -- \
		'--log-prefix aaaaaaaaaabbbbbbbbbbccccccccc' -- "maximum length of 29 characters"
	assert_output refused
	run differs ipv4 filter -A FORWARD -m helper --helper aaaaaaaaaabbbbbbbbbbccccccccccDDD -- \
		"--helper aaaaaaaaaabbbbbbbbbbccccccccc" -- "29"
	assert_output refused
}

@test "an empty bridge port name is refused (1.8.9 saves a line restore cannot read)" {
	run differs ipv4 filter -A FORWARD -m physdev --physdev-in "" -- \
		"--physdev-in " -- "Empty interface is likely to be undesired"
	assert_output refused
}

@test "a limit burst of 0 is refused (1.8.9 sends it, the kernel makes it 5)" {
	run differs ipv4 filter -A INPUT -m limit --limit 1/s --limit-burst 0 -- \
		"INPUT -m limit --limit 1/sec" -- "--limit-burst"
	assert_output refused
}

@test "an ambiguous abbreviation is refused (1.8.9 takes the first that fits)" {
	run differs ipv4 filter -A INPUT -j REJECT --reject-with icmp-host -- \
		"--reject-with icmp-host-unreachable" -- 'unknown reject type "icmp-host"'
	assert_output refused
	run differs ipv4 filter -A INPUT -m addrtype --src-type un -- \
		"--src-type UNSPEC" -- "un"
	assert_output refused
}

@test "a DSCP class name must be whole (1.8.9 takes EFX as EF)" {
	run differs ipv4 mangle -A PREROUTING -j DSCP --set-dscp-class EFX -- \
		"--set-dscp 0x2e" -- "EFX"
	assert_output refused
}

@test "TCPMSS with both --set-mss and --clamp-mss-to-pmtu is refused (1.8.9 keeps the later)" {
	run differs ipv4 filter -A FORWARD -p tcp --syn -j TCPMSS --set-mss 1400 --clamp-mss-to-pmtu -- \
		"--clamp-mss-to-pmtu" -- "TCPMSS"
	assert_output refused
}

@test "a shifted port map outside DNAT is refused (1.8.9 drops the base)" {
	run differs ipv4 nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:100-200/300 -- \
		"--to-source 1.2.3.4:100-200" -- "Shifted portmap ranges are supported by DNAT only"
	assert_output refused
}

@test "-m helper is checked and deleted by its name (1.8.9 deletes any helper rule)" {
	run unshare -n sh -c '
		/usr/sbin/iptables-nft -A FORWARD -m helper --helper ftp
		/usr/sbin/iptables-nft -D FORWARD -m helper --helper sip && echo "1.8.9 deleted"
		"$0" iptables -A FORWARD -m helper --helper ftp
		"$0" iptables -D FORWARD -m helper --helper sip 2>/dev/null || echo "xtnft kept"
		"$0" iptables -S FORWARD' "$XTNFT"
	assert_output "1.8.9 deleted
xtnft kept
-P FORWARD ACCEPT
-A FORWARD -m helper --helper ftp"
}

@test "-m time: a date, time or day 1.8.9 would store as another is refused" {
	run differs ipv4 filter -A INPUT -m time --datestart 2024-02-31 -- \
		"--datestart 2024-03-02T00:00:00" -- 'Invalid date "2024-02-31" specified'
	assert_output refused
	run differs ipv4 filter -A INPUT -m time --timestart 4294967306:00 -- \
		"--timestart 10:00:00" -- 'invalid time "4294967306:00" specified'
	assert_output refused
	run differs ipv4 filter -A INPUT -m time --monthdays 123 -- \
		"--monthdays 12 " -- "123 is not a valid day for --monthdays"
	assert_output refused
	run differs ipv6 filter -A INPUT -m time --weekdays 100x -- \
		"--weekdays Thu " -- "100x is not a valid day specifier"
	assert_output refused
}

@test "a bridge port name with a blank is quoted in save form (1.8.9 prints it bare and cannot restore it)" {
	run unshare -n sh -c '
		/usr/sbin/iptables-nft -A FORWARD -m physdev --physdev-in "a b" 2>/dev/null
		/usr/sbin/iptables-nft -S FORWARD | sed -n "s/^-A //p"
		"$0" iptables -A FORWARD -m physdev --physdev-in "a b" 2>/dev/null
		"$0" iptables -S FORWARD | sed -n "s/^-A //p" | tail -1 >/tmp/xtnft-physdev.$$
		cat /tmp/xtnft-physdev.$$
		"$0" iptables -F FORWARD
		printf "*filter\n-A %s\nCOMMIT\n" "$(cat /tmp/xtnft-physdev.$$)" |
			"$0" iptables-restore --noflush 2>/dev/null &&
			"$0" iptables -C FORWARD -m physdev --physdev-in "a b" 2>/dev/null &&
			echo restored
		rm -f /tmp/xtnft-physdev.$$' "$XTNFT"
	assert_output "FORWARD -m physdev --physdev-in a b
FORWARD -m physdev --physdev-in \"a b\"
restored"
}

@test "a byte rate under 16b/s is refused (1.8.9 stores one it saves as 0b/s and cannot restore)" {
	run differs ipv4 filter -A INPUT -m hashlimit --hashlimit-upto 1b/s --hashlimit-name a -- \
		"--hashlimit-upto 0b/s" -- 'Rate too low "1b/s" (at least 16b/s)'
	assert_output refused
}

@test "a policy tunnel address given as /32 keeps it in save form (1.8.9 prints it bare, which reads back as other bytes)" {
	run unshare -n sh -c '
		spec="-m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4"
		/usr/sbin/iptables-nft -A INPUT $spec/32
		/usr/sbin/iptables-nft -S INPUT | sed -n "s/^-A //p"
		/usr/sbin/iptables-nft -C INPUT $(/usr/sbin/iptables-nft -S INPUT | sed -n "s/^-A INPUT //p") 2>/dev/null || echo "oracle: its save is another rule"
		/usr/sbin/iptables-nft -F INPUT
		"$0" iptables -A INPUT $spec/32
		"$0" iptables -S INPUT | sed -n "s/^-A //p"
		"$0" iptables -C INPUT $("$0" iptables -S INPUT | sed -n "s/^-A INPUT //p") && echo "xtnft: its save is the rule"' "$XTNFT"
	assert_output "INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4
oracle: its save is another rule
INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/32
xtnft: its save is the rule"
}

@test "a reversed conntrack port range N:0 keeps it in save form (1.8.9 prints N, which reads back as N:N)" {
	run unshare -n sh -c '
		/usr/sbin/iptables-nft -A INPUT -m conntrack --ctreplsrcport 8:0
		/usr/sbin/iptables-nft -S INPUT | sed -n "s/^-A //p"
		/usr/sbin/iptables-nft -C INPUT $(/usr/sbin/iptables-nft -S INPUT | sed -n "s/^-A INPUT //p") 2>/dev/null || echo "oracle: its save is another rule"
		/usr/sbin/iptables-nft -F INPUT
		"$0" iptables -A INPUT -m conntrack --ctreplsrcport 8:0
		"$0" iptables -S INPUT | sed -n "s/^-A //p"
		"$0" iptables -C INPUT $("$0" iptables -S INPUT | sed -n "s/^-A INPUT //p") && echo "xtnft: its save is the rule"' "$XTNFT"
	assert_output "INPUT -m conntrack --ctreplsrcport 8
oracle: its save is another rule
INPUT -m conntrack --ctreplsrcport 8:0
xtnft: its save is the rule"
}

@test "a one-port DNAT range with a base restores from its save (1.8.9 prints PORT/BASE and refuses it)" {
	run unshare -n sh -c '
		/usr/sbin/iptables-nft -t nat -A PREROUTING -p tcp -j DNAT --to-destination 192.0.2.1:80-80/100
		saved=$(/usr/sbin/iptables-nft -t nat -S PREROUTING | sed -n "s/^-A PREROUTING //p")
		echo "$saved"
		/usr/sbin/iptables-nft -t nat -C PREROUTING $saved 2>/dev/null || echo "oracle: its save does not read back"
		/usr/sbin/iptables-nft -t nat -F
		"$0" iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 192.0.2.1:80-80/100
		saved=$("$0" iptables -t nat -S PREROUTING | sed -n "s/^-A PREROUTING //p")
		echo "$saved"
		"$0" iptables -t nat -C PREROUTING $saved && echo "xtnft: its save is the rule"
		/usr/sbin/iptables-nft -t nat -C PREROUTING -p tcp -j DNAT --to-destination 192.0.2.1:80-80/100 && echo "oracle: the same rule"' "$XTNFT"
	assert_output "-p tcp -j DNAT --to-destination 192.0.2.1:80/100
oracle: its save does not read back
-p tcp -j DNAT --to-destination 192.0.2.1:80/100
xtnft: its save is the rule
oracle: the same rule"
}

@test "a time match of no day restores from its save (1.8.9 saves an empty day list)" {
	run unshare -n sh -c '
		days="! --monthdays $(seq -s, 1 31) ! --weekdays Mon,Tue,Wed,Thu,Fri,Sat,Sun"
		/usr/sbin/iptables-nft -A INPUT -m time $days
		saved=$(/usr/sbin/iptables-nft -S INPUT | sed -n "s/^-A INPUT //p")
		echo "$saved"
		/usr/sbin/iptables-nft -C INPUT $saved 2>/dev/null || echo "oracle: its save does not read back"
		/usr/sbin/iptables-nft -F
		"$0" iptables -A INPUT -m time $days
		saved=$("$0" iptables -S INPUT | sed -n "s/^-A INPUT //p")
		echo "$saved"
		"$0" iptables -C INPUT $saved && echo "xtnft: its save is the rule"
		/usr/sbin/iptables-nft -C INPUT $saved && echo "oracle: the same rule"' "$XTNFT"
	assert_output "-m time --monthdays  --weekdays  --datestop 2038-01-19T03:14:07
oracle: its save does not read back
-m time ! --monthdays $(seq -s, 1 31) ! --weekdays Mon,Tue,Wed,Thu,Fri,Sat,Sun --datestop 2038-01-19T03:14:07
xtnft: its save is the rule
oracle: the same rule"
}

@test "--rt-segsleft 0:4294967295 restores from its save (1.8.9 leaves it out, and its save is another rule)" {
	run unshare -n sh -c '
		/usr/sbin/ip6tables-nft -A INPUT -m rt --rt-segsleft 0:4294967295
		saved=$(/usr/sbin/ip6tables-nft -S INPUT | sed -n "s/^-A INPUT //p")
		echo "$saved"
		/usr/sbin/ip6tables-nft -C INPUT $saved 2>/dev/null || echo "oracle: its save does not read back"
		/usr/sbin/ip6tables-nft -F
		"$0" ip6tables -A INPUT -m rt --rt-segsleft :
		saved=$("$0" ip6tables -S INPUT | sed -n "s/^-A INPUT //p")
		echo "$saved"
		"$0" ip6tables -C INPUT $saved && echo "xtnft: its save is the rule"
		/usr/sbin/ip6tables-nft -C INPUT $saved && echo "oracle: the same rule"' "$XTNFT"
	assert_output "-m rt
oracle: its save does not read back
-m rt --rt-segsleft 0:4294967295
xtnft: its save is the rule
oracle: the same rule"
}

@test "an inverted full range keeps its ! in save form (1.8.9 drops it, and its save is another rule)" {
	run unshare -n sh -c '
		for spec in "iptables -p esp -m esp ! --espspi 0:4294967295" \
			"ip6tables -m ah ! --ahspi 0:4294967295" \
			"ip6tables -m frag ! --fragid 0:4294967295" \
			"ip6tables -m rt ! --rt-segsleft 0:4294967295"; do
			tool=${spec%% *} match=${spec#* }
			/usr/sbin/$tool-nft -A INPUT $match
			saved=$(/usr/sbin/$tool-nft -S INPUT | sed -n "s/^-A INPUT //p")
			echo "$saved"
			/usr/sbin/$tool-nft -C INPUT $saved 2>/dev/null || echo "oracle: its save is another rule"
			/usr/sbin/$tool-nft -F INPUT
			"$0" $tool -A INPUT $match
			saved=$("$0" $tool -S INPUT | sed -n "s/^-A INPUT //p")
			echo "$saved"
			"$0" $tool -C INPUT $saved && /usr/sbin/$tool-nft -C INPUT $saved &&
				echo "xtnft: its save is the rule, to both"
			"$0" $tool -F INPUT
		done' "$XTNFT"
	assert_output "-p esp -m esp
oracle: its save is another rule
-p esp -m esp ! --espspi 0:4294967295
xtnft: its save is the rule, to both
-m ah
oracle: its save is another rule
-m ah ! --ahspi 0:4294967295
xtnft: its save is the rule, to both
-m frag
oracle: its save is another rule
-m frag ! --fragid 0:4294967295
xtnft: its save is the rule, to both
-m rt
oracle: its save is another rule
-m rt ! --rt-segsleft 0:4294967295
xtnft: its save is the rule, to both"
}

@test "sctp flags of I_DATA are refused (1.8.9 files them under chunk type 15 and shows none)" {
	run unshare -n sh -c '
		/usr/sbin/iptables-nft -A INPUT -p sctp -m sctp --chunk-types any I_DATA:I
		echo "oracle: rc=$?"
		/usr/sbin/iptables-nft -S INPUT | sed -n "s/^-A //p"
		/usr/sbin/iptables-nft -F INPUT
		"$0" iptables -A INPUT -p sctp -m sctp --chunk-types any I_DATA:I 2>&1 | head -1
		"$0" iptables -A INPUT -p sctp -m sctp --chunk-types any DATA:I,I_DATA:ube 2>/dev/null
		echo "xtnft: rc=$?"
		"$0" iptables -S INPUT | grep -c "^-A"' "$XTNFT"
	assert_output "oracle: rc=0
INPUT -p sctp -m sctp --chunk-types any I_DATA
iptables v1.8.9 (nf_tables): Flags of chunk type I_DATA are not supported (iptables 1.8.9 stores them for chunk type 15)
xtnft: rc=2
0"
}

@test "an hbh/dst option value above 8 bits is refused (1.8.9 keeps its low 8 bits)" {
	run differs ipv6 filter -A INPUT -m hbh --hbh-opts 1:300 -- \
		"INPUT -m hbh --hbh-opts 1:44" -- "hbh: length \`300' out of range (0-254)"
	assert_output refused
	run differs ipv6 filter -A INPUT -m dst --dst-opts 257 -- \
		"INPUT -m dst --dst-opts 1" -- "dst: opt \`257' out of range (0-255)"
	assert_output refused
}

@test "a recent or hashlimit name with a blank is refused (1.8.9 saves it bare and cannot restore it)" {
	run unshare -n sh -c '
		/usr/sbin/iptables-nft -A INPUT -m recent --set --name "a b"
		/usr/sbin/iptables-nft -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name "c d"
		/usr/sbin/iptables-nft-save | sed -n "s/^-A //p" | while read -r rule; do
			echo "$rule"
			printf "*filter\n-A %s\nCOMMIT\n" "$rule" |
				/usr/sbin/iptables-nft-restore 2>&1 | head -1
		done
		/usr/sbin/iptables-nft -F INPUT
		"$0" iptables -A INPUT -m recent --set --name "a b" 2>&1 | head -1
		"$0" iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name "c\"d" 2>&1 | head -1
		"$0" iptables -S INPUT | grep -c "^-A"' "$XTNFT"
	assert_output "INPUT -m recent --set --name a b --mask 255.255.255.255 --rsource
Bad argument \`b'
INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-burst 5 --hashlimit-name c d
Bad argument \`d'
iptables v1.8.9 (nf_tables): recent: option \"--name\" cannot hold blanks or quotes
iptables v1.8.9 (nf_tables): hashlimit: option \"--hashlimit-name\" cannot hold blanks or quotes
0"
}

@test "a set name with a blank is quoted in save form (1.8.9 prints it bare and cannot restore it)" {
	[ -x /usr/sbin/ipset ] || skip "ipset is not installed"
	run unshare -n sh -c '
		/usr/sbin/ipset create "a b" hash:ip
		/usr/sbin/iptables-nft -A INPUT -m set --match-set "a b" src -j SET --del-set "a b" dst
		/usr/sbin/iptables-nft-save | grep "^-A"
		/usr/sbin/iptables-nft-save | /usr/sbin/iptables-nft-restore 2>&1 | head -1
		/usr/sbin/iptables-nft -F INPUT
		"$0" iptables -A INPUT -m set --match-set "a b" src -j SET --del-set "a b" dst
		"$0" iptables-save | grep "^-A"
		"$0" iptables-save | "$0" iptables-restore && "$0" iptables-save | /usr/sbin/iptables-nft-restore &&
			/usr/sbin/iptables-nft -C INPUT -m set --match-set "a b" src -j SET --del-set "a b" dst &&
			echo "xtnft: its save restores, in both"' "$XTNFT"
	assert_output "-A INPUT -m set --match-set a b src -j SET --del-set a b dst
iptables-nft-restore v1.8.9 (nf_tables): Set a doesn't exist.
-A INPUT -m set --match-set \"a b\" src -j SET --del-set \"a b\" dst
xtnft: its save restores, in both"
}

# Python: make a conntrack timeout policy named argv[1] (tcp, IPv4) with
# nfnetlink_cttimeout, as `nfct add timeout` does; exit 1 if refused.
CTTIMEOUT_PY='
import socket, struct, sys
def attr(t, d):
    a = struct.pack("HH", 4 + len(d), t) + d
    return a + b"\0" * (-len(a) % 4)
body = struct.pack("BBH", 0, 0, 0) + attr(1, sys.argv[1].encode() + b"\0") \
    + attr(2, struct.pack(">H", 2)) + attr(3, b"\x06") \
    + attr(4 | 0x8000, attr(3, struct.pack(">I", 100)))
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12)
s.send(struct.pack("IHHII", 16 + len(body), 8 << 8, 0x405, 1, 0) + body)
sys.exit(struct.unpack("i", s.recv(4096)[16:20])[0] != 0)
'

@test "a CT timeout name with a blank or a quote is quoted in save form (1.8.9 prints it bare and cannot restore it)" {
	command -v python3 >/dev/null || skip "python3 is not installed"
	run unshare -n env PY="$CTTIMEOUT_PY" sh -c '
		for name in "a b" "a\"b"; do
			python3 -c "$PY" "$name" || { echo "no cttimeout"; exit; }
			/usr/sbin/iptables-nft -t raw -A PREROUTING -p tcp -j CT --timeout "$name"
			/usr/sbin/iptables-nft-save -t raw | grep "^-A"
			/usr/sbin/iptables-nft-save -t raw | /usr/sbin/iptables-nft-restore 2>&1 | grep -v "^iptables-nft-restore"
			/usr/sbin/iptables-nft -t raw -F
			"$0" iptables -t raw -A PREROUTING -p tcp -j CT --timeout "$name"
			"$0" iptables-save -t raw | grep "^-A"
			"$0" iptables-save -t raw | "$0" iptables-restore &&
				"$0" iptables-save -t raw | /usr/sbin/iptables-nft-restore &&
				/usr/sbin/iptables-nft -t raw -C PREROUTING -p tcp -j CT --timeout "$name" &&
				echo "xtnft: its save restores, in both"
			"$0" iptables -t raw -F
		done' "$XTNFT"
	[ "$output" != "no cttimeout" ] || skip "the kernel has no nfnetlink_cttimeout"
	assert_output "-A PREROUTING -p tcp -j CT --timeout a b
Bad argument \`b'
Error occurred at line: 5
Try \`iptables-nft-restore -h' or 'iptables-nft-restore --help' for more information.
-A PREROUTING -p tcp -j CT --timeout \"a b\"
xtnft: its save restores, in both
-A PREROUTING -p tcp -j CT --timeout a\"b
line 5: RULE_APPEND failed (No such file or directory): rule in chain PREROUTING
-A PREROUTING -p tcp -j CT --timeout \"a\\\"b\"
xtnft: its save restores, in both"
}

# Python: append to ip filter INPUT one rule of the xt blobs argv names, in
# revisions older iptables wrote (1.8.9 writes conntrack 3 and CONNMARK 2):
#   ct1  -m conntrack rev 1 (xt_conntrack_mtinfo1, 152 bytes)
#        --ctstate ESTABLISHED --ctstatus EXPECTED
#   ct2  -m conntrack rev 2 (xt_conntrack_mtinfo2, 160 bytes)
#        --ctproto 6 --ctorigsrcport 80 (ports in network byte order)
#   cm1  -j CONNMARK rev 1 (xt_connmark_tginfo1, 16 bytes)
#        --save-mark --nfmask 0xff --ctmask 0xff
# Exits with the errno of the kernel's answer (0: the rule is in).
OLDREV_PY='
import socket, struct, sys
def attr(t, d):
    a = struct.pack("HH", 4 + len(d), t) + d
    return a + b"\0" * (-len(a) % 4)
def nest(t, *a):                        # NLA_F_NESTED
    return attr(t | 0x8000, b"".join(a))
def xt(kind, name, rev, info):          # NFTA_LIST_ELEM of a match/target
    info += b"\0" * (-len(info) % 8)    # XT_ALIGN
    return nest(1, attr(1, kind + b"\0"), nest(2, attr(1, name + b"\0"),
        attr(2, struct.pack(">I", rev)), attr(3, info)))
# 8 addresses/masks, expires_min/max; then l4proto, 4 ports, match_flags
# (0x41 STATE|STATUS, 0x102 PROTO|ORIGSRC_PORT), invert_flags, state_mask
# (1 << 1: ESTABLISHED) and status_mask (1: EXPECTED), u8 in rev 1
ct = bytes(136)
blob = {"ct1": xt(b"match", b"conntrack", 1,
                  ct + struct.pack("=7H2B", 0, 0, 0, 0, 0, 0x41, 0, 2, 1)),
        "ct2": xt(b"match", b"conntrack", 2, ct + struct.pack(
                  "=H4H4H", 6, socket.htons(80), 0, 0, 0, 0x102, 0, 0, 0)),
        # ctmark, ctmask, nfmask, mode (XT_CONNMARK_SAVE)
        "cm1": xt(b"target", b"CONNMARK", 1, struct.pack("=3IB", 0, 255, 255, 1))}
# NFTA_RULE_TABLE, NFTA_RULE_CHAIN, NFTA_RULE_EXPRESSIONS
rule = attr(1, b"filter\0") + attr(2, b"INPUT\0") + \
    nest(4, *[blob[a] for a in sys.argv[1:]])
def msg(type, flags, family, body=b""):  # nlmsghdr, nfgenmsg (subsys nftables)
    b = struct.pack("BBH", family, 0, socket.htons(10)) + body
    return struct.pack("IHHII", 16 + len(b), type, flags, 0, 0) + b
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12)  # NETLINK_NETFILTER
# BATCH_BEGIN; NEWRULE (ip; REQUEST|ACK|CREATE|APPEND); BATCH_END
s.send(msg(0x10, 1, 0) + msg(0xa06, 0xc05, 2, rule) + msg(0x11, 1, 0))
sys.exit(-struct.unpack("i", s.recv(4096)[16:20])[0])  # the NLMSG_ERROR ack
'

@test "conntrack 1 and 2 and CONNMARK 1 blobs are read as written (1.8.9 reads them through the newer layout)" {
	command -v python3 >/dev/null || skip "python3 is not installed"
	# 1.8.9 reads rev 1's one-byte state and status masks as rev 3's
	# two-byte state mask (EXPECTED, status bit 0, becomes UNTRACKED,
	# state bit 8) and its status mask from the 2 bytes past the blob:
	# that word is not asserted.
	run unshare -n env PY="$OLDREV_PY" sh -c '
		/usr/sbin/iptables-nft -F INPUT	# table filter, chain INPUT
		python3 -c "$PY" ct1 cm1 && python3 -c "$PY" ct2 ||
			{ echo "refused: $?"; exit; }
		/usr/sbin/iptables-nft -S INPUT | sed -n \
			"s/--ctstatus [^ ]* /--ctstatus (past the blob) /; /^-A/p"
		/usr/sbin/iptables-nft -S INPUT | sed -n "s/^-A/-C/p" |
			while read -r rule; do
				/usr/sbin/iptables-nft $rule 2>/dev/null
				echo "1.8.9 -C of that: $?"
			done
		"$0" iptables -S INPUT | grep "^-A"
		"$0" iptables -S INPUT | sed -n "s/^-A/-C/p" |
			while read -r rule; do
				"$0" iptables $rule
				echo "xtnft -C of that: $?"
			done' "$XTNFT"
	# ENOENT: no xt_conntrack or xt_CONNMARK; EPROTOTYPE: not that revision
	case $output in
	"refused: 2" | "refused: 91") skip "the kernel has no conntrack 1/2 or CONNMARK 1 ($output)" ;;
	esac
	assert_output "-A INPUT -m conntrack --ctstate ESTABLISHED,UNTRACKED --ctstatus (past the blob) -j CONNMARK --set-xmark 0x0/0xff
-A INPUT -m conntrack --ctproto 6 --ctorigsrcport 20480
1.8.9 -C of that: 1
1.8.9 -C of that: 1
-A INPUT -m conntrack --ctstate ESTABLISHED --ctstatus EXPECTED -j CONNMARK --save-mark --nfmask 0xff --ctmask 0xff
-A INPUT -m conntrack --ctproto 6 --ctorigsrcport 80
xtnft -C of that: 0
xtnft -C of that: 0"
}

@test "a CLASSIFY class past 16 bits or with a third part is refused (1.8.9 keeps the low bits or drops the rest)" {
	run differs ipv4 mangle -A POSTROUTING -j CLASSIFY --set-class 1:10000 -- \
		"--set-class 0001:0000" -- 'Bad class value "1:10000"'
	assert_output refused
	run differs ipv4 mangle -A POSTROUTING -j CLASSIFY --set-class 1:2:3 -- \
		"--set-class 0001:0002" -- 'Bad class value "1:2:3"'
	assert_output refused
}

@test "recent --seconds from 2^31 up is listed as given (1.8.9 prints it negative and cannot restore that)" {
	local script='$T -A INPUT -m recent --rcheck --seconds 4294967295
		$T -S INPUT | grep -o -- "--seconds [-0-9]*"
		$S >$BATS_TEST_TMPDIR/s; $T -F INPUT; $R <$BATS_TEST_TMPDIR/s 2>&1 | head -1; echo rc=${PIPESTATUS[0]}'
	theirs=$(unshare -n env T=/usr/sbin/iptables-nft S=/usr/sbin/iptables-nft-save R=/usr/sbin/iptables-nft-restore bash -c "$script")
	ours=$(unshare -n env T="$XTNFT iptables" S="$XTNFT iptables-save" R="$XTNFT iptables-restore" bash -c "$script")
	echo "oracle: $theirs"; echo "xtnft: $ours"
	[[ $theirs == "--seconds -1"*"rc=2" ]]
	[ "$ours" = "$(printf -- '--seconds 4294967295\nrc=0')" ]
}

@test "a hashlimit byte burst is saved in a unit that holds it exactly (1.8.9 saves 1240kb as 1mb, which restores as another rule)" {
	local script='$T -A INPUT -m hashlimit --hashlimit-upto 512b/s --hashlimit-burst 1240kb --hashlimit-name h
		$T -S INPUT | grep -o -- "--hashlimit-burst [^ ]*"
		$S >$BATS_TEST_TMPDIR/s; $T -F INPUT; $R <$BATS_TEST_TMPDIR/s
		$T -C INPUT -m hashlimit --hashlimit-upto 512b/s --hashlimit-burst 1240kb --hashlimit-name h; echo rc=$?'
	theirs=$(unshare -n env T=/usr/sbin/iptables-nft S=/usr/sbin/iptables-nft-save R=/usr/sbin/iptables-nft-restore bash -c "$script" 2>&1)
	ours=$(unshare -n env T="$XTNFT iptables" S="$XTNFT iptables-save" R="$XTNFT iptables-restore" bash -c "$script" 2>&1)
	echo "oracle: $theirs"; echo "xtnft: $ours"
	[[ $theirs == "--hashlimit-burst 1mb"*"rc=1" ]]
	[ "$ours" = "$(printf -- '--hashlimit-burst 1240kb\nrc=0')" ]
}
