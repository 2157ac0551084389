#!/usr/bin/env bats
# The five tables of iptables and ip6tables (filter, nat, mangle, raw,
# security): the same base chains (names, hooks, types, priorities,
# policies), created as lazily, as iptables-nft 1.8.9 lays them out; every
# command under -t TABLE; what each table refuses; save and restore of all
# of them.  Most cases are difftest corpora built here from the table of
# built-in chains, so that every table, chain and family is covered: each
# case runs in two fresh namespaces, xtnft's and the oracle's, and stdout,
# stderr, exit codes and `nft --debug=netlink list ruleset` must be equal.
# Inside a case `run $NFT --debug=netlink list ruleset` records the kernel's
# view at that point, so one namespace can show several steps.

load lib/common

setup() {
	require_root
	require_oracle
	corpus=$BATS_TEST_TMPDIR/corpus
}

# The built-in chains of each table, in hook order (interop.md 1.1).
chains_of() {
	case $1 in
	filter | security) echo INPUT FORWARD OUTPUT ;;
	nat) echo PREROUTING INPUT OUTPUT POSTROUTING ;;
	mangle) echo PREROUTING INPUT FORWARD OUTPUT POSTROUTING ;;
	raw) echo PREROUTING OUTPUT ;;
	esac
}

TABLES="filter nat mangle raw security"

# The kernel's view, then an empty ruleset for the next step.
SHOW='run $NFT --debug=netlink list ruleset'
RESET='run $NFT flush ruleset'

# Run the corpus in $corpus through difftest.
difftest() {
	run "$TESTS_DIR/diff/difftest.sh" "$corpus"
	assert_success
}

# One case per family and table: what each single command leaves in the
# kernel, starting from nothing each time.
lazy_cases() {
	local x t c s
	for x in IPT IP6T; do
		for t in $TABLES; do
			set -- $(chains_of "$t")
			s="run \$$x -t $t -L; $SHOW; run \$$x -t $t -I $1; $SHOW; $RESET"
			for c in "$@"; do
				s+="; run \$$x -t $t -A $c -j ACCEPT; $SHOW; $RESET"
				s+="; run \$$x -t $t -P $c DROP; $SHOW; $RESET"
			done
			s+="; run \$$x -t $t -N U; $SHOW; $RESET"
			s+="; run \$$x -t $t -F; run \$$x -t $t -Z; run \$$x -t $t -X; $SHOW"
			s+="; run \$$x -t $t -F -v; $SHOW; run \$$x -t $t -X; $SHOW"
			s+="; run \$$x -t $t -Z -v; $SHOW"
			echo "$s"
		done
	done
}

@test "each table's base chains appear as 1.8.9 creates them, one command at a time" {
	lazy_cases >"$corpus"
	difftest
}

@test "the layout is interop.md's table: hooks, types, priorities" {
	run in_netns '
		for t in filter nat mangle raw security; do
			$IPT -t $t -F -v >/dev/null
		done
		for t in filter nat mangle raw security; do
			$IP6T -t $t -F -v >/dev/null
		done
		$NFT list ruleset | grep -E "^table|type" | tr -s "\t" " "'
	assert_success
	# ip and ip6 alike; nat is created POSTROUTING before OUTPUT
	expected=
	for f in ip ip6; do
		expected+="table $f filter {
 type filter hook input priority filter; policy accept;
 type filter hook forward priority filter; policy accept;
 type filter hook output priority filter; policy accept;
table $f nat {
 type nat hook prerouting priority dstnat; policy accept;
 type nat hook input priority 100; policy accept;
 type nat hook postrouting priority srcnat; policy accept;
 type nat hook output priority -100; policy accept;
table $f mangle {
 type filter hook prerouting priority mangle; policy accept;
 type filter hook input priority mangle; policy accept;
 type filter hook forward priority mangle; policy accept;
 type route hook output priority mangle; policy accept;
 type filter hook postrouting priority mangle; policy accept;
table $f raw {
 type filter hook prerouting priority raw; policy accept;
 type filter hook output priority raw; policy accept;
table $f security {
 type filter hook input priority 150; policy accept;
 type filter hook forward priority 150; policy accept;
 type filter hook output priority 150; policy accept;
"
	done
	assert_output "${expected%$'\n'}"
}

# The chains of the other tables (and ebtables' BROUTING), not in $1.
foreign_chains() {
	local c
	for c in PREROUTING INPUT FORWARD OUTPUT POSTROUTING BROUTING; do
		[[ " $(chains_of "$1") " == *" $c "* ]] || echo "$c"
	done
}

# Every command under -t TABLE, with rules xtnft knows, listed every way.
# ip6 shares the tables with ip: its rules are exercised in every table,
# its chain commands in the lazy-creation cases above and below.
command_cases() {
	local x t c d a b ic T
	for x in IPT IP6T; do
		if [ $x = IPT ]; then
			a=10.0.0.1 b=10.1.0.0/16 ic="-p icmp --icmp-type echo-request"
		else
			a=2001:db8::1 b=2001:db8:1::/48 ic="-p icmpv6 --icmpv6-type echo-request"
		fi
		for t in $TABLES; do
			set -- $(chains_of "$t")
			c=$1 d=${!#} T="\$$x -t $t"
			echo "run $T -A $c -s $a -d $b -p tcp --dport 22 -j ACCEPT; run $T -I $c -i lo -o eth0 -p udp --sport 53 -m comment --comment hi -j RETURN; run $T -I $c 2 $ic; run $T -A $d -f -j ACCEPT; run $T -S; run $T -L -v -n -x --line-numbers; run $T -C $c $ic; run $T -C $c -j DROP; run $T -R $c 1 -s $a -j ACCEPT; run $T -D $c 2; run $T -D $d -f -j ACCEPT; run $T -D $d -f -j ACCEPT; run $T -L $c 1 -n; run $T -S $c 1; run $T -Z $c 1; run $T -L $c -v; run $T -F $c; $SHOW"
			[ $x = IPT ] || continue
			echo "run $T -N U; run $T -A U -j RETURN; run $T -I $d -p tcp -g U; run $T -A $d -j U; run $T -L; run $T -X U; run $T -E U W; run $T -S W; run $T -D $d -j W; run $T -D $d 1; run $T -X W; run $T -E $c FOO; run $T -A $c -j NOPE; run $T -N $c; run $T -X $c; run $T -P $c DROP; run $T -P $d DROP -c 1 2; run $T -L -v -x; run $T -S -v; run $T -L -Z -v; run $T -F -v; run $T -X -v; run $T -Z -v; run $T -S -v; $SHOW"
		done
	done
}

@test "every command works under -t TABLE as in 1.8.9" {
	command_cases >"$corpus"
	difftest
}

@test "each table refuses what 1.8.9 refuses, with its words and status" {
	local x t c f s T
	{
		for x in IPT IP6T; do
			for t in $TABLES; do
				set -- $(chains_of "$t")
				c=$1 T="\$$x -t $t"
				# the nat table's DROP check is 1.8.9's, in the parser
				s="run $T -A $c -j DROP; run $T -P $c DROP; run $T -P NOPE ACCEPT"
				[ $x = IPT ] && s+="; run $T -I $c -j DROP; run $T -R $c 1 -j DROP; run $T -C $c -j DROP; run $T -D $c -j DROP; run $T -P $c RETURN; run $T -P $c; run $T -N U; run $T -A U -j DROP; run $T -P U DROP"
				# chains of other tables do not exist here (ip6: the
				# same lookup, shown once per table)
				for f in $(foreign_chains "$t"); do
					s+="; run $T -A $f -j ACCEPT"
					[ $x = IPT ] || break
					s+="; run $T -P $f ACCEPT"
				done
				[ $x = IPT ] && s+="; run $T -I $f 1; run $T -C $f; run $T -D $f 1; run $T -D $f -j ACCEPT; run $T -R $f 1; run $T -L $f; run $T -S $f; run $T -F $f; run $T -Z $f; run $T -X $f; run $T -E $f Y"
				echo "$s; run $T -S; $SHOW"
			done
		done
		cat <<-'EOF'
		run $IPT -t Nat -L; run $IPT -t broute -L; run $IPT -t '' -L; run $IP6T -t bogus -S; run $IPT -t nat -t filter -L; run $IPT -t filter -t filter -S
		run $IPT -t -L; run $IPT -L -t; run $IPT --table nat -L; run $IPT --table=raw -S; run $IPT -tmangle -S; run $IPT --tab security -S
		printf '*Nat\nCOMMIT\n' | run $IPTRESTORE; printf '*broute\nCOMMIT\n' | run $IP6TRESTORE; run $IPTSAVE -t bogus; run $IP6TSAVE -t broute
		printf '*nat\n:PREROUTING DROP [0:0]\nCOMMIT\n' | run $IPTRESTORE; printf '*nat\n-A POSTROUTING -j DROP\nCOMMIT\n' | run $IP6TRESTORE; printf '*nat\n:U - [0:0]\n-A U -j DROP\nCOMMIT\n' | run $IPTRESTORE; $SHOW
		printf '*raw\n:INPUT ACCEPT [0:0]\nCOMMIT\n' | run $IPTRESTORE; printf '*raw\n-A INPUT -j ACCEPT\nCOMMIT\n' | run $IPTRESTORE; printf '*security\n:PREROUTING DROP [0:0]\nCOMMIT\n' | run $IP6TRESTORE; printf '*filter\n-A POSTROUTING -j ACCEPT\nCOMMIT\n' | run $IP6TRESTORE; printf '*nat\n:FORWARD ACCEPT [0:0]\nCOMMIT\n' | run $IPTRESTORE --noflush; $SHOW
		EOF
	} >"$corpus"
	difftest
}

@test "a foreign chain in a built-in's place is refused and reported as by 1.8.9" {
	local x t c spec T p
	{
		# another hook, priority or type than the built-in's
		while read -r x t c spec; do
			T="\$$x -t $t" p=ip
			[ $x = IP6T ] && p=ip6
			echo "\$NFT add table $p $t; \$NFT add chain $p $t $c '{ $spec }'; run $T -A $c -j ACCEPT; run $T -I $c; run $T -P $c ACCEPT; run $T -F -v; run $T -F $c; run $T -N X; run $T -A X -j ACCEPT; run $T -A $c -j X; run $T -L $c; run $T -S $c; run $T -L; printf '*$t\n:$c ACCEPT [0:0]\nCOMMIT\n' | run \$${x}RESTORE --noflush; printf '*$t\n-A $c -j ACCEPT\nCOMMIT\n' | run \$${x}RESTORE --noflush; run \$${x}SAVE; $SHOW"
		done <<-'EOF'
		IPT nat POSTROUTING type nat hook postrouting priority 50;
		IPT nat PREROUTING type filter hook prerouting priority -100;
		IPT mangle OUTPUT type filter hook output priority -150;
		IPT security INPUT type filter hook forward priority 150;
		IPT raw OUTPUT type filter hook output priority 0;
		IP6T filter FORWARD type filter hook forward priority 1;
		EOF
		# a plain chain by a built-in's name: listed beside the
		# (absent) built-in, which -L and -S of that name show
		echo "\$NFT add table ip nat; \$NFT add chain ip nat OUTPUT; \$NFT add rule ip nat OUTPUT counter accept; run \$IPT -t nat -A OUTPUT -j ACCEPT; run \$IPT -t nat -P OUTPUT DROP; run \$IPT -t nat -F -v; run \$IPT -t nat -L -v; run \$IPT -t nat -L OUTPUT; run \$IPT -t nat -S OUTPUT; run \$IPT -t nat -L OUTPUT 1; run \$IPT -t nat -S; run \$IPTSAVE; run \$IPT -t nat -D OUTPUT 1; $SHOW"
	} >"$corpus"
	difftest
}

# A ruleset in all five tables, the tables in the wrong order, every
# built-in chain declared in the wrong order, with rules and counters.
# ip6tables 1.8.9 drops rule counters ([p:b] and -c: a bug xtnft does not
# copy), so the ip6 rules carry none.
all_tables() {
	local x=$1 t c i=0 a=10.0.0.1 n=
	for t in nat filter security raw mangle; do
		printf '*%s\n' "$t"
		for c in $(chains_of "$t" | tr ' ' '\n' | tac); do
			i=$((i + 1))
			printf ':%s ACCEPT [%d:%d]\n' "$c" "$i" "$((i * 100))"
		done
		printf ':USER - [0:0]\n'
		for c in $(chains_of "$t"); do
			[ "$x" = IP6T ] && a=2001:db8::1 || n="[$i:$i] "
			printf '%s-A %s -s %s -p tcp --dport %d -j USER\n' \
				"$n" "$c" "$a" "$((i + 1000))"
		done
		printf -- '-A USER -m comment --comment "in %s" -j RETURN\nCOMMIT\n' "$t"
	done
}

# as one line of a corpus: printf's argument
one_line() {
	sed ':a;N;$!ba;s/\n/\\n/g'
}

@test "save prints every table in 1.8.9's order; restore of all five round-trips" {
	local x t S R
	{
		for x in IPT IP6T; do
			S="\$${x}SAVE" R="\$${x}RESTORE"
			echo "printf '$(all_tables $x | one_line)\n' >/tmp/all.\$\$; run $R </tmp/all.\$\$; run $S; run $S -c; run $S -t nat; run $S -t raw -c; run $S -t security; $SHOW; run $R -c </tmp/all.\$\$; run $S -c; run $R -n </tmp/all.\$\$; run $S; run $R -c --noflush -T mangle </tmp/all.\$\$; run $S -c; run $R -t </tmp/all.\$\$; run $R -T nat </tmp/all.\$\$; run $S -c; rm -f /tmp/all.\$\$; $SHOW"
			for t in $TABLES; do
				set -- $(chains_of "$t")
				# "-": the counters only, the policy kept
				echo "run $S -t $t; printf '*$t\nCOMMIT\n' | run $R; run $S; $SHOW; printf '*$t\n:$1 DROP [5:6]\nCOMMIT\n' | run $R -c; run $S -c; run $S -t $t; printf '*$t\n:$1 - [7:8]\n:${!#} - [9:9]\nCOMMIT\n' | run $R -c --noflush; run $S -c; printf '*$t\n:$1 - [1:1]\nCOMMIT\n' | run $R -c; run $S -c -t $t; $SHOW"
			done
		done
	} >"$corpus"
	difftest
}

@test "the oracle reads back what xtnft restored in every table, and the reverse" {
	all_tables IPT >"$BATS_TEST_TMPDIR/all"
	run in_netns '
		all='"$BATS_TEST_TMPDIR/all"' f='"$BATS_TEST_TMPDIR/f"'
		strip() { grep -v "^#"; }
		$IPTRESTORE -c <$all && ${O_IPT}-save -c | strip >$f
		$IPTSAVE -c | strip | diff -u $f - || exit 1
		${O_IPT}-restore -c <$all && $IPTSAVE -c | strip >$f
		${O_IPT}-save -c | strip | diff -u $f - || exit 1
		for t in filter nat mangle raw security; do
			$O_IPT -t $t -L -n -v | diff -u - <($IPT -t $t -L -n -v) || exit 1
		done
		echo same'
	assert_success
	assert_output same
}
