# Helpers for the conntrack tests: xtnft's conntrack ($XTNFT conntrack)
# beside conntrack-tools 1.4.7's (/usr/sbin/conntrack, the oracle), both
# run inside namespaces the test makes.  Load after lib/common.

CT_ORACLE=/usr/sbin/conntrack

require_ct_oracle() {
	[ -x "$CT_ORACLE" ] || skip "conntrack-tools' conntrack (the oracle) is not installed"
}

# The kernel tracks a namespace's packets only once a rule there needs
# conntrack: a counting rule (no verdict), set up with the oracle iptables.
ct_track() {	# ns
	ip netns exec "$1" /usr/sbin/iptables-nft -A INPUT -m conntrack --ctstate NEW,ESTABLISHED
}

# xtnft's conntrack and the oracle inside namespace NS
ct_x() { local ns=$1; shift; ip netns exec "$ns" "$XTNFT" conntrack "$@"; }
ct_o() { local ns=$1; shift; ip netns exec "$ns" "$CT_ORACLE" "$@"; }

# Flow lines with the timeout (it counts down between two calls) as T:
# the column of the default and extended forms (event prefixes kept),
# -o save's "-t N" and -o xml's <timeout>.
# An expectation line's timeout (its first number) is T too, and -o
# timestamp's "[seconds.micro]" before it is [TS] (1.4.7 pads the
# microseconds to six places with blanks after them).  -o xml,timestamp's
# <when> is the time of printing: each of its fields is N (two calls can
# fall on either side of a second).
ct_norm() {
	sed -E -e 's/^((\[[A-Z]+\] +)?(ipv[46] +[0-9]+ +)?[a-z0-9-]+ +[0-9]+ )[0-9]+ /\1T /' \
		-e 's/^-A -t [0-9]+ /-A -t T /' -e 's|<timeout>[0-9]+</timeout>|<timeout>T</timeout>|' \
		-e 's|<when><hour>[0-9]+</hour><min>[0-9]+</min><sec>[0-9]+</sec><wday>[0-9]+</wday><day>[0-9]+</day><month>[0-9]+</month><year>[0-9]+</year></when>|<when><hour>N</hour><min>N</min><sec>N</sec><wday>N</wday><day>N</day><month>N</month><year>N</year></when>|g' \
		-e 's/^(\[[0-9]+\.[0-9]+ *\]	)?([[:space:]]*\[[A-Z]+\] )?[0-9]+ proto=/\1\2T proto=/' \
		-e 's/^\[[0-9]+\.[0-9]+ *\]	/[TS]	/'
}

# ct_both NS ARGS...: the oracle, then xtnft, with the same arguments in
# NS (read-only commands: -L, -G, -C, -S).  Fails, showing the
# differences, unless stdout, stderr and exit status agree (timeouts as
# T).  Leaves xtnft's normalised stdout in $output (and $lines), its stderr in
# $ct_err, its exit status in $status.
ct_both() {
	local ns=$1 d=$BATS_TEST_TMPDIR/ct-both orc xrc
	shift
	ct_o "$ns" "$@" >"$d.oo" 2>"$d.oe" && orc=0 || orc=$?
	ct_x "$ns" "$@" >"$d.xo" 2>"$d.xe" && xrc=0 || xrc=$?
	ct_norm <"$d.oo" >"$d.o"
	ct_norm <"$d.xo" >"$d.x"
	output=$(cat "$d.x")
	mapfile -t lines <"$d.x"
	ct_err=$(cat "$d.xe")
	status=$xrc
	if ! cmp -s "$d.o" "$d.x" || ! cmp -s "$d.oe" "$d.xe" || [ "$orc" != "$xrc" ]; then
		{
			echo "conntrack $*: oracle and xtnft differ"
			echo "exit status: oracle $orc, xtnft $xrc"
			diff -u --label oracle.out --label xtnft.out "$d.o" "$d.x"
			diff -u --label oracle.err --label xtnft.err "$d.oe" "$d.xe"
		} >&2
		return 1
	fi
}

# Wait (up to 5 s) until `conntrack -L ARGS` in NS (by the oracle) lists
# a flow line matching the extended regex RE.
ct_wait() {	# ns re args...
	local ns=$1 re=$2
	shift 2
	for _ in $(seq 50); do
		ct_o "$ns" -L "$@" 2>/dev/null | grep -Eq -- "$re" && return 0
		sleep 0.1
	done
	echo "ct_wait: no flow matching $re" >&2
	ct_o "$ns" -L >&2
	return 1
}
