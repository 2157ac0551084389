#!/bin/sh
# Lint the man pages: every page must render without a single warning.
#
#   lint.sh [MANDIR]
#
# MANDIR defaults to the directory of this script.  iptables-extensions.8 is
# assembled into a temporary directory from iptables-extensions.8.in and
# ext/*.man (with assemble.sh, as the build does) and checked there, so the
# check never depends on a stale built copy.
#
# Each page goes through man-db the way lintian checks pages, and through
# groff with all warnings enabled; anything on stderr is a failure.
# A page that is only ".so man8/PAGE" is checked for an existing target.

set -u

me=${0##*/}
here=$(dirname "$0")
mandir=${1:-$here}

# Sorted globs and plain messages, whatever the caller's locale.
LC_ALL=C
export LC_ALL

fail=0

err() {
	printf '%s: %s\n' "$me" "$*" >&2
	fail=1
}

[ -d "$mandir" ] || { err "no such directory '$mandir'"; exit 1; }
[ -r "$mandir/assemble.sh" ] || { err "missing $mandir/assemble.sh"; exit 1; }

have_man=false
have_groff=false
if command -v man >/dev/null 2>&1 && man --version 2>/dev/null | grep -q '^man '; then
	have_man=true	# man-db: it has --warnings, -l and -Z
fi
if command -v groff >/dev/null 2>&1; then
	have_groff=true
fi
if ! $have_man && ! $have_groff; then
	err "neither man-db nor groff is installed (Debian: groff-base, man-db)"
	exit 1
fi

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/xtnft-manlint.XXXXXX") || exit 1
trap 'rm -rf "$tmpdir"' EXIT
trap 'exit 1' HUP INT TERM

# Fragments: each must begin with the .SS heading iptables-extensions uses.
set --
for f in "$mandir"/ext/mt_*.man "$mandir"/ext/tg_*.man; do
	[ -e "$f" ] || continue
	first=$(sed -n '1p' "$f")
	case $first in
	'.SS '?*) ;;
	*) err "$f: must start with '.SS name', not '$first'" ;;
	esac
	set -- "$@" "$f"
done
[ $# -gt 0 ] || err "no extension fragments in $mandir/ext"

ext=$tmpdir/iptables-extensions.8
if ! sh "$mandir/assemble.sh" "$mandir/iptables-extensions.8.in" "$ext" "$@"; then
	err "assembling iptables-extensions.8 failed"
	exit 1
fi
if grep -n '@[A-Z_]*@' "$ext" >&2; then
	err "iptables-extensions.8: unreplaced marker"
fi

# render PAGE: print every warning of the renderers, return 1 if any.
render() {
	page=$1
	log=$tmpdir/stderr
	bad=0
	if $have_man; then
		MANROFFSEQ='' MANWIDTH=80 LC_ALL=C.UTF-8 \
			man --warnings -E UTF-8 -l -Tutf8 -Z "$page" \
			>/dev/null 2>"$log" || bad=1
		if [ -s "$log" ] || [ $bad -ne 0 ]; then
			printf '%s: man:\n' "$page" >&2
			cat "$log" >&2
			bad=1
		fi
	fi
	if $have_groff; then
		groff -K utf8 -Tutf8 -man -ww -z "$page" >/dev/null 2>"$log" || bad=1
		if [ -s "$log" ] || [ $bad -ne 0 ]; then
			printf '%s: groff:\n' "$page" >&2
			cat "$log" >&2
			bad=1
		fi
	fi
	return $bad
}

checked=0
for page in "$mandir"/*.[18] "$ext"; do
	[ -e "$page" ] || continue
	name=${page##*/}
	# a built copy in the source directory is superseded by the fresh one
	if [ "$page" != "$ext" ] && [ "$name" = iptables-extensions.8 ]; then
		continue
	fi
	first=$(sed -n '1p' "$page")
	case $first in
	'.so '*)
		target=${first#.so }
		lines=$(grep -c '' "$page")
		if [ "$lines" -ne 1 ]; then
			err "$page: a .so page must contain only the .so line"
		elif [ ! -e "$mandir/${target##*/}" ] && [ ! -e "$tmpdir/${target##*/}" ]; then
			err "$page: .so target '$target' not found in $mandir"
		fi
		;;
	*)
		render "$page" || fail=1
		;;
	esac
	checked=$((checked + 1))
done
[ $checked -gt 0 ] || err "no pages found in $mandir"

if [ $fail -ne 0 ]; then
	printf '%s: FAILED\n' "$me" >&2
	exit 1
fi
printf '%s: %d pages OK\n' "$me" "$checked"
exit 0
