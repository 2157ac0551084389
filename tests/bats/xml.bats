#!/usr/bin/env bats
# iptables-xml against Debian's /usr/bin/iptables-xml: stdout, stderr and
# exit status compared byte for byte, on the inputs in tests/diff/xml/ and
# on odd ones built here (options, long lines, word limits, 10,240 chains,
# a missing COMMIT, junk).  Where xtnft deliberately differs, the oracle
# runs beside it and the test says how.  No root and no kernel: it is text
# in, text out.

load lib/common

ORACLE_XML=/usr/bin/iptables-xml
XMLDIR=$TESTS_DIR/diff/xml

setup() {
	[ -x "$ORACLE_XML" ] || skip "Debian's iptables-xml (the oracle) is not installed"
	T=$BATS_TEST_TMPDIR
}

# Both are called "iptables-xml" (argv[0]): glibc's option messages show it.
ours() { (exec -a iptables-xml "$XTNFT" "$@"); }
oracle() { (exec -a iptables-xml "$ORACLE_XML" "$@"); }

# same INPUT ARGS...: both read INPUT on stdin; any difference is shown.
same() {
	local in=$1 w
	shift
	oracle "$@" <"$in" >"$T/o.out" 2>"$T/o.err"
	echo $? >"$T/o.rc"
	ours "$@" <"$in" >"$T/x.out" 2>"$T/x.err"
	echo $? >"$T/x.rc"
	for w in rc err out; do
		cmp -s "$T/o.$w" "$T/x.$w" && continue
		echo "differs ($w): ${in##*/} $*"
		diff "$T/o.$w" "$T/x.$w" | head -20
		return 1
	done
}

# same, for each option set
same_all() {
	local in=$1 bad=0

	same "$in" || bad=1
	same "$in" -c || bad=1
	same "$in" -v || bad=1
	same "$in" -c -v || bad=1
	return $bad
}

@test "the sample inputs convert as 1.8.9 converts them, with -c and -v too" {
	local f bad=0 n=0

	for f in "$XMLDIR"/*.save; do
		same_all "$f" || bad=1
		n=$((n + 1))
	done
	[ "$n" -ge 7 ]
	[ "$bad" = 0 ]
}

@test "a file argument reads as stdin does" {
	local f
	f=$XMLDIR/basic.save

	ours "$f" >"$T/file.out"
	ours <"$f" >"$T/stdin.out"
	cmp "$T/file.out" "$T/stdin.out"
	oracle -c "$f" >"$T/o.out"
	ours -c "$f" >"$T/x.out"
	cmp "$T/o.out" "$T/x.out"
	grep -q '<call >' "$T/x.out"
	grep -q '<goto >' "$T/x.out"
}

@test "options as 1.8.9 takes them: -h, bad options, operands, files" {
	local a bad=0 ok=$XMLDIR/combine.save

	cd "$T"
	cp "$ok" ok.save
	mkdir dir
	while read -r a; do
		# shellcheck disable=SC2086 # the words are the options
		same ok.save $a || bad=1
	done <<-'EOF'
		-h
		--help
		--h
		-vh
		-xh
		-x
		--bogus
		--combine=1
		--comb
		--verb -c -c
		-- -v
		--
		ok.save
		ok.save -v
		-c ok.save
		-- ok.save
		ok.save ok.save
		a b c
		nofile
		-v nofile
		dir
		-
	EOF
	[ "$bad" = 0 ]
}

@test "errors: status, message and the line named, as 1.8.9" {
	local in bad=0 i=0

	while IFS= read -r in; do
		i=$((i + 1))
		printf -- "$in" >"$T/e$i"
		same "$T/e$i" || bad=1
		same "$T/e$i" -v || bad=1
	done <<-'EOF'
		COMMIT\n
		:INPUT ACCEPT [0:0]\n
		-A INPUT -j ACCEPT\n
		*filter\n
		*filter\n-A INPUT -j ACCEPT\n
		*filter\nCOMMIT
		*filter\n-A INPUT -j ACCEPT\nCOMMIT
		*\n
		* \t\n
		*filter\n:\n
		*filter\n: \n
		*filter\n:INPUT\n
		*filter\n:INPUT ACCEPT\nCOMMIT\n
		*filter\n[1:2 -A INPUT -j ACCEPT\nCOMMIT\n
		*filter\n[12] -A INPUT -j ACCEPT\nCOMMIT\n
		*filter\n[:] -A INPUT -j ACCEPT\nCOMMIT\n
		*filter\n[1:] -A INPUT -j ACCEPT\nCOMMIT\n
		*filter\n[a:b] -A INPUT -j ACCEPT\nCOMMIT\n
		*filter\n-I INPUT -j ACCEPT\nCOMMIT\n
		*filter\n-A\nCOMMIT\n
		*filter\n  \nCOMMIT\n
		*filter\nCOMMIT \n
		*filter\nfoo bar\nCOMMIT\n
		*filter\n-A INPUT -t nat -j ACCEPT\nCOMMIT\n
		*filter\r\nCOMMIT\r\n
		*filter\nCOMMIT\nCOMMIT\n
		*filter\n\000-A INPUT\nCOMMIT\n
		\000junk\n*filter\nCOMMIT\n
		*filter\n# a comment\000 and the rest\nCOMMIT\n
		*filter\n-A INPUT -m comment --comment "unclosed\nCOMMIT\n
	EOF
	[ "$bad" = 0 ]
}

@test "limits: 254 words, 1,023-byte words, 10,239-byte lines, 10,240 chains" {
	local n bad=0 pre

	cd "$T"
	{ printf '*filter\n-A A '; printf 'x %.0s' $(seq 252); printf '\nCOMMIT\n'; } >w254
	{ printf '*filter\n-A A '; printf 'x %.0s' $(seq 253); printf '\nCOMMIT\n'; } >w255
	for n in 1023 1024; do
		{ printf '*filter\n:A - [0:0]\n-A A -j '; head -c $n /dev/zero | tr '\0' x
		  printf '\nCOMMIT\n'; } >p$n
		{ printf '*filter\n:A - [0:0]\n-A A -m comment --comment "'
		  head -c $n /dev/zero | tr '\0' ' '; printf '" -j A\nCOMMIT\n'; } >q$n
	done
	# lines that fill 1.8.9's fgets() buffer or nearly: read whole, the
	# newline of a 10,239-byte line counting as a line of its own
	pre='-A A -m comment --comment '
	for n in 10237 10238 10239; do
		{ printf '*filter\n:A - [0:0]\n%s' "$pre"
		  head -c $((1000 - ${#pre})) /dev/zero | tr '\0' y
		  head -c $((n - 1000)) /dev/zero | tr '\0' ' '
		  printf '\nCOMMIT\nbad\n'; } >l$n
		{ printf '# '; head -c $((n - 2)) /dev/zero | tr '\0' -
		  printf '\n*filter\nCOMMIT\nbad\n'; } >c$n
	done
	{ printf '*filter\n'; seq 0 10239 | sed 's/.*/:c& - [&:0]/'
	  printf -- '-A c5 -j c7\n-A c10239 -g c5\nCOMMIT\n'; } >ch10240
	{ printf '*filter\n'; seq 0 10240 | sed 's/.*/:c& - [0:0]/'
	  printf 'COMMIT\n'; } >ch10241
	for f in w254 w255 p1023 p1024 q1023 q1024 l10237 l10238 l10239 c10237 \
		 c10238 c10239 ch10241; do
		same_all "$f" || bad=1
	done
	same ch10240 || bad=1
	same ch10240 -c -v || bad=1
	[ "$bad" = 0 ]
}

# Random save-like inputs from a fixed seed: rules built from the words
# iptables-xml gives meaning to (and quoting), repeated for -c, with junk.
random_input() {
	local -a w=(-A A B INPUT -j -j -g --jump --goto -m --module tcp ! !
		-p --dport 22 '"quoted word"' '"-j"' '""' '"-A"' ACCEPT DROP
		RETURN QUEUE LOG --log-prefix '"a b"' '<&>' - -- -s 1.2.3.4
		'"a\"b"' 'a"b c"d' --comment '"x -- y"' -t nat '"!"')
	local -a tg=(ACCEPT DROP LOG RETURN QUEUE A B C)
	local t i j line prev="-A A -p tcp"

	for ((t = RANDOM % 3; t >= 0; t--)); do
		echo "*${tables[RANDOM % 4]}"
		for ((i = RANDOM % 4; i > 0; i--)); do
			echo ":${tg[5 + RANDOM % 3]} ${tg[RANDOM % 2]} [$RANDOM:$i]"
		done
		for ((i = RANDOM % 16; i > 0; i--)); do
			case $((RANDOM % 8)) in
			0) line=$prev ;;
			1) line="${prev%% -[jg] *} -j ${tg[RANDOM % 8]}" ;;
			2) line="# c -- $RANDOM" ;;
			3) line="[$RANDOM:$i] -A ${tg[5 + RANDOM % 3]} -j ${tg[RANDOM % 8]}" ;;
			*)
				line="-A ${tg[5 + RANDOM % 3]}"
				for ((j = RANDOM % 9; j > 0; j--)); do
					line+=" ${w[RANDOM % ${#w[@]}]}"
				done
				if ((RANDOM % 5)); then
					line+=" -j ${tg[RANDOM % 8]}"
				fi
				;;
			esac
			echo "$line"
			prev=$line
		done
		if ((RANDOM % 10)); then
			echo COMMIT
		fi
	done
}

@test "120 random save-like inputs convert as 1.8.9 converts them" {
	local -a tables=(filter nat mangle A)
	local i bad=0 args

	RANDOM=1989
	for ((i = 0; i < 120; i++)); do
		random_input >"$T/r$i"
		args=("" -c -v "-c -v")
		# shellcheck disable=SC2086
		same "$T/r$i" ${args[i % 4]} || { bad=$((bad + 1)); break; }
	done
	[ "$bad" = 0 ]
}

@test "bad input never crashes: random bytes, with and without a table" {
	local i rc

	for ((i = 0; i < 40; i++)); do
		{ ((i % 2)) && printf '*filter\n:A - [0:0]\n-A A '
		  head -c $((i * 997)) /dev/urandom; } >"$T/junk"
		ours <"$T/junk" >/dev/null 2>"$T/err" && rc=0 || rc=$?
		if [ "$rc" -gt 2 ] || grep -qE "Sanitizer|runtime error" "$T/err"; then
			cat "$T/err"
			false
		fi
	done
}

@test "memory does not grow with comments, blank lines, rules or a long comment" {
	command -v /usr/bin/time >/dev/null || skip "/usr/bin/time is not installed"
	local -a k
	local n

	peak() {
		/usr/bin/time -f "%M" -o "$T/peak" "$XTNFT" iptables-xml \
			>/dev/null 2>&1
		tail -n 1 "$T/peak"
	}
	for n in 10000 1000000; do
		k+=("$(yes '# a comment -- of some length' | head -n $n | peak)")
	done
	for n in 10000 1000000; do
		k+=("$( (echo '*filter'; yes '' | head -n $n; echo COMMIT) | peak)")
	done
	# ASan's quarantine keeps what each rule freed (256 MiB of it)
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0
	for n in 1000 100000; do
		k+=("$( (printf '*filter\n:A - [0:0]\n'
			 yes -- '-A A -p tcp -m comment --comment "x y" -j LOG' |
				head -n $n
			 echo COMMIT) | peak)")
	done
	for n in 100000 50000000; do
		k+=("$( (printf '#'; head -c $n /dev/zero | tr '\0' -
			 printf '\n*filter\nCOMMIT\n') | peak)")
	done
	echo "peak KiB, small and big input: ${k[*]}"
	[ "${k[1]}" -lt $((k[0] + 1024)) ]
	[ "${k[3]}" -lt $((k[2] + 1024)) ]
	[ "${k[5]}" -lt $((k[4] + 1024)) ]
	[ "${k[7]}" -lt $((k[6] + 1024)) ]
}

# ---- deliberate differences, each beside the oracle ------------------------

@test "a comment of any length is written whole; 1.8.9 reads its end as a line and fails" {
	{ printf '# '; head -c 20000 /dev/zero | tr '\0' c
	  printf '\n*filter\n:A - [0:0]\nCOMMIT\n'; } >"$T/in"
	oracle <"$T/in" >/dev/null 2>"$T/err" || echo "rc=$?" >>"$T/err"
	run cat "$T/err"
	assert_output "iptables-xml: line 2 failed
rc=1"
	run ours <"$T/in"
	assert_success
	[ "${#lines[1]}" = $((20002 + 9)) ]	# "<!-- # ccc... -->"
	assert_line '    <chain name="A" packet-count="0" byte-count="0" />'
}

@test "a line over 10,239 bytes is refused; 1.8.9 reads it as two rules" {
	local line
	line=$(printf "%-10239s-A A -j DROP" "-A A -j ACCEPT")

	printf '*filter\n:A - [0:0]\n%s\nCOMMIT\n' "$line" >"$T/in"
	run oracle <"$T/in"
	assert_success
	assert_line '        <ACCEPT  />'
	assert_line '        <DROP  />'
	run ours <"$T/in"
	assert_failure 2
	assert_line "iptables-xml v1.8.9: line longer than 10239 bytes"
	assert_line "Error occurred at line: 3"
}

@test "a NUL byte inside a line is refused; 1.8.9 drops the rest of the line" {
	printf '*filter\n:A - [0:0]\n-A A -j ACCEPT\0 -s 10.0.0.1\nCOMMIT\n' >"$T/in"
	run oracle <"$T/in"
	assert_success
	assert_line '        <ACCEPT  />'
	run ours <"$T/in"
	assert_failure 2
	assert_line "iptables-xml v1.8.9: NUL byte inside the line"
	assert_line "Error occurred at line: 3"
}

@test "a chain without counters counts 0; 1.8.9 prints what its stack held" {
	printf '*filter\n:A - [5:6]\n-A A -j ACCEPT\n:B -\n:C - [7]\nCOMMIT\n' >"$T/in"
	run oracle <"$T/in"
	echo "1.8.9: ${lines[*]}"
	run ours <"$T/in"
	assert_success
	assert_line '    <chain name="B" packet-count="0" byte-count="0" />'
	assert_line '    <chain name="C" packet-count="7" byte-count="0" />'
}
