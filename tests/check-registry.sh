#!/bin/sh
# Every descriptor of lib/ext/extensions.h is complete: its source file is
# built (Makefile.am), it has a man section (man/ext/FILE.man, assembled
# into iptables-extensions.8), golden lines (an OK line naming it in
# tests/rules/*/*.t), a completion entry (the generated bash completion
# names it; for an ebtables or arptables match or watcher, eb_* and arp_*
# files, which are not loaded by name as there is no -m, it has one of the
# descriptor's options instead, as xtnft-gen lists them), differential
# cases beside the oracle (tests/diff/ext/FILE.txt; interop specs in
# FILE.interop; the foundation's five matches have theirs in
# corpus-basic.txt), and it is no longer on the "not supported yet" list.
#
# Usage: check-registry.sh SRCDIR BASH_COMPLETION_FILE XTNFT_GEN
set -eu
src=$1
comp=$2
gen=$3
fail=0
bad() { echo "check-registry: $*" >&2; fail=1; }

files=$(sed -n 's/^XTN_EXT(\([a-z0-9_A-Z]*\))$/\1/p' "$src/lib/ext/extensions.h")
list=$("$gen" list) || { echo "check-registry: $gen list failed" >&2; exit 1; }
[ -n "$files" ] || { echo "check-registry: no descriptors listed" >&2; exit 1; }

# a second descriptor of a file (another family's struct) lives in it
sed -n 's/^XTN_EXT_ALSO(\([a-z0-9_A-Z]*\), *\([a-z0-9_A-Z]*\))$/\1 \2/p' \
	"$src/lib/ext/extensions.h" | while read -r f sym; do
	grep -q "^const struct xtn_ext xtn_$sym = {" "$src/lib/ext/$f.c" 2>/dev/null ||
		{ echo "check-registry: $f: lib/ext/$f.c does not define xtn_$sym" >&2; exit 1; }
done || fail=1

for f in $files; do
	c=$src/lib/ext/$f.c
	[ -f "$c" ] || { bad "$f: lib/ext/$f.c is missing"; continue; }
	grep -q "lib/ext/$f\.c" "$src/Makefile.am" || bad "$f: lib/ext/$f.c is not in Makefile.am"
	grep -q "^const struct xtn_ext xtn_$f = {" "$c" || bad "$f: $c does not define xtn_$f"
	# the family base match and the standard verdicts are the
	# command's own options (iptables.8), not extensions
	case $f in base_*|tg_standard) continue ;; esac
	name=$(sed -n "/^const struct xtn_ext xtn_$f = {/,/^};/s/^	\.name = \"\([^\"]*\)\",.*/\1/p" "$c" | head -n 1)
	[ -n "$name" ] || { bad "$f: no .name"; continue; }
	case $f in tg_*) opt=-j ;; *) opt=-m ;; esac
	[ -f "$src/man/ext/$f.man" ] || bad "$f: man/ext/$f.man is missing"
	grep -q "man/ext/$f\.man" "$src/Makefile.am" || bad "$f: man/ext/$f.man is not in a MAN_ list (Makefile.am)"
	case $f in
	eb_*|arp_*)
		# ebtables and arptables name no -m: the descriptor's own file
		dir=bridge; case $f in arp_*) dir=arp ;; esac
		grep -v '^#' "$src/tests/rules/$dir/$f.t" 2>/dev/null | grep -q ';OK' ||
			bad "$f: no OK golden line in tests/rules/$dir/$f.t" ;;
	*)
	# a golden line: "-m NAME" / "-j NAME", or the implicit "-p NAME"
	if ! cat "$src"/tests/rules/*/*.t |
		grep -v '^#' | grep ';OK' |
		grep -Eq -- "(^|[ ;])($opt|-p) $name( |;|$)"; then
		bad "$f: no golden line with '$opt $name' in tests/rules/*/*.t"
	fi ;;
	esac
	case $f in mt_tcp|mt_udp|mt_icmp|mt_icmp6|mt_comment) ;;
	*) [ -s "$src/tests/diff/ext/$f.txt" ] || bad "$f: no differential cases in tests/diff/ext/$f.txt"
	   [ -s "$src/tests/diff/ext/$f.interop" ] || bad "$f: no interop specs in tests/diff/ext/$f.interop" ;;
	esac
	kind=$(sed -n "/^const struct xtn_ext xtn_$f = {/,/^};/s/^	\.kind = XTN_EXT_\([A-Z]*\),.*/\1/p" "$c" | head -n 1)
	case $f:$kind in
	eb_*:MATCH|eb_*:WATCHER|arp_*:MATCH|arp_*:WATCHER)
		fam=bridge; case $f in arp_*) fam=arp ;; esac
		case $kind in MATCH) kind=match ;; *) kind=watcher ;; esac
		opts=$(echo "$list" | awk -v k="$kind" -v n="$name" -v fam="$fam" \
			'$1 == k && $2 == n && index("," $3 ",", "," fam ",") {
				for (i = 4; i <= NF; i++) printf "%s ", $i }')
		opts=${opts% }
		found=
		for o in $opts; do
			o=${o#!} o=${o##*,} o=${o%%[[=]*}
			if grep -Eq -- "(^|[' ])$o([' ]|$)" "$comp"; then
				found=1
				break
			fi
		done
		[ -n "$found" ] || bad "$f: none of its options ($opts) is in the bash completion" ;;
	*) grep -Eq "(^|[' :])$name([' )]|$)" "$comp" || bad "$f: '$name' is not in the bash completion" ;;
	esac
	if sed -n '/^static const char \*const unsupported\[\]/,/^};/p' \
		"$src/lib/ext/registry.c" | grep -q "\"$name\""; then
		bad "$f: '$name' is still on the unsupported list (lib/ext/registry.c)"
	fi
done
exit $fail
