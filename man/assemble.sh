#!/bin/sh
# Build a man page from its template and extension fragments.
#
#   assemble.sh TEMPLATE OUTPUT FRAGMENT...
#
# Two kinds of marker lines are replaced:
#  - "@ext/NAME.man@" by the fragment named NAME.man, wherever the template
#    puts it (ebtables.8.in and arptables.8.in order their fragments so);
#  - "@MATCHES@" by the fragments named mt_*.man and "@TARGETS@" by those
#    named tg_*.man that no "@ext/...@" line names, each group in the order
#    given on the command line (iptables-extensions.8.in).
# Every fragment given must land in the page exactly once, and every
# "@ext/...@" line must name a fragment given, so a page can neither lose
# a section nor point at one that is not built.  The output is written to
# a temporary file first, so OUTPUT is never left half-written.

set -u

me=${0##*/}

die() {
	printf '%s: %s\n' "$me" "$*" >&2
	exit 1
}

[ $# -ge 2 ] || die "usage: $me TEMPLATE OUTPUT [FRAGMENT...]"
template=$1
output=$2
shift 2

[ -r "$template" ] || die "cannot read template '$template'"

# named: the fragments the template places itself, one per line.
named=$(sed -n 's|^@ext/\([^@/]*\.man\)@$|\1|p' "$template")
dup=$(printf '%s\n' "$named" | sed '/^$/d' | sort | uniq -d)
[ -z "$dup" ] || die "'$template' names a fragment twice: $dup"

is_named() {
	printf '%s\n' "$named" | grep -qxF -- "$1"
}

for marker in @MATCHES@ @TARGETS@; do
	n=$(grep -c "^$marker\$" "$template")
	[ "$n" -le 1 ] || die "'$template' contains the line $marker $n times"
done
has_matches=$(grep -c '^@MATCHES@$' "$template")
has_targets=$(grep -c '^@TARGETS@$' "$template")

for f in "$@"; do
	[ -r "$f" ] || die "cannot read fragment '$f'"
	base=${f##*/}
	is_named "$base" && continue
	case $base in
	mt_*.man) [ "$has_matches" -eq 1 ] && continue ;;
	tg_*.man) [ "$has_targets" -eq 1 ] && continue ;;
	esac
	die "'$template' has no place for fragment '$f'"
done
for base in $named; do
	found=false
	for f in "$@"; do
		[ "${f##*/}" = "$base" ] && found=true
	done
	$found || die "'$template' names ext/$base, which was not given"
done

# copy FILE: the fragment, making sure it ends with a newline.
copy() {
	cat "$1" || return 1
	[ -z "$(tail -c 1 "$1")" ] || echo
}

# emit PREFIX FRAGMENT...: copy the fragments whose name starts with
# PREFIX and that the template does not place itself.
emit() {
	prefix=$1
	shift
	for f in "$@"; do
		case ${f##*/} in
		"$prefix"*) is_named "${f##*/}" || copy "$f" || return 1 ;;
		esac
	done
}

# place NAME FRAGMENT...: copy the fragment named NAME.
place() {
	name=$1
	shift
	for f in "$@"; do
		[ "${f##*/}" = "$name" ] && { copy "$f"; return; }
	done
	return 1
}

tmp=$output.tmp.$$
trap 'rm -f "$tmp"' EXIT HUP INT TERM

while IFS= read -r line || [ -n "$line" ]; do
	case $line in
	@MATCHES@) emit mt_ "$@" || exit 1 ;;
	@TARGETS@) emit tg_ "$@" || exit 1 ;;
	@ext/*.man@)
		name=${line#@ext/}
		place "${name%@}" "$@" || die "no fragment for the line '$line'"
		;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$template" >"$tmp" || die "cannot write '$tmp'"

mv -f "$tmp" "$output" || die "cannot create '$output'"
trap - EXIT HUP INT TERM
