#!/bin/sh
# Build iptables-extensions.8 from its template and the extension fragments.
#
#   assemble.sh TEMPLATE OUTPUT FRAGMENT...
#
# The template line "@MATCHES@" is replaced by the fragments named mt_*.man
# and the line "@TARGETS@" by those named tg_*.man, each group in the order
# given on the command line.  Either group may be empty.  The output is
# written to a temporary file first, so OUTPUT is never left half-written.

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
for f in "$@"; do
	[ -r "$f" ] || die "cannot read fragment '$f'"
	case ${f##*/} in
	mt_*.man | tg_*.man) ;;
	*) die "'$f' is neither mt_*.man nor tg_*.man" ;;
	esac
done
for marker in @MATCHES@ @TARGETS@; do
	n=$(grep -c "^$marker\$" "$template")
	[ "$n" -eq 1 ] || die "'$template' must contain the line $marker once (found $n)"
done

# emit PREFIX FRAGMENT...: copy the fragments whose name starts with PREFIX,
# making sure each one ends with a newline.
emit() {
	prefix=$1
	shift
	for f in "$@"; do
		case ${f##*/} in
		"$prefix"*)
			cat "$f" || return 1
			[ -z "$(tail -c 1 "$f")" ] || echo
			;;
		esac
	done
}

tmp=$output.tmp.$$
trap 'rm -f "$tmp"' EXIT HUP INT TERM

while IFS= read -r line || [ -n "$line" ]; do
	case $line in
	@MATCHES@) emit mt_ "$@" || exit 1 ;;
	@TARGETS@) emit tg_ "$@" || exit 1 ;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$template" >"$tmp" || die "cannot write '$tmp'"

mv -f "$tmp" "$output" || die "cannot create '$output'"
trap - EXIT HUP INT TERM
