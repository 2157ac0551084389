#!/bin/sh
# Lint the man pages: every page must render without a single warning.
#
#   lint.sh [MANDIR]
#
# MANDIR defaults to the directory of this script.  Pages with a template
# (iptables-extensions.8.in, ebtables.8.in, arptables.8.in) are assembled
# into a temporary directory from it and their fragments in ext/ (with
# assemble.sh, as the build does) and checked there, so the check never
# depends on a stale built copy.
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

# Fragments: each must begin with the .SS heading of its section.
for f in "$mandir"/ext/*.man; do
	[ -e "$f" ] || continue
	first=$(sed -n '1p' "$f")
	case $first in
	'.SS '?*) ;;
	*) err "$f: must start with '.SS name', not '$first'" ;;
	esac
done

# Assembled pages: every TEMPLATE.in is built into $tmpdir with the
# fragments it takes: the mt_*/tg_* ones where it has the @MATCHES@ and
# @TARGETS@ lines (iptables-extensions), and those its @ext/NAME.man@
# lines name (ebtables, arptables).  Every fragment must be used.
built=
used=$tmpdir/used
: >"$used"
for tpl in "$mandir"/*.[18].in; do
	[ -e "$tpl" ] || continue
	name=${tpl##*/}
	name=${name%.in}
	set --
	if grep -q '^@MATCHES@$' "$tpl"; then
		for f in "$mandir"/ext/mt_*.man; do
			[ -e "$f" ] && set -- "$@" "$f"
		done
	fi
	if grep -q '^@TARGETS@$' "$tpl"; then
		for f in "$mandir"/ext/tg_*.man; do
			[ -e "$f" ] && set -- "$@" "$f"
		done
	fi
	for n in $(sed -n 's|^@ext/\([^@/]*\.man\)@$|\1|p' "$tpl"); do
		set -- "$@" "$mandir/ext/$n"
	done
	[ $# -gt 0 ] || err "$tpl: takes no extension fragments"
	for f in "$@"; do
		printf '%s\n' "${f##*/}" >>"$used"
	done
	if ! sh "$mandir/assemble.sh" "$tpl" "$tmpdir/$name" "$@"; then
		err "assembling $name failed"
		continue
	fi
	if grep -n '^@.*@$' "$tmpdir/$name" >&2; then
		err "$name: unreplaced marker"
	fi
	built="$built $tmpdir/$name"
done
for f in "$mandir"/ext/*.man; do
	[ -e "$f" ] || continue
	grep -qxF "${f##*/}" "$used" ||
		err "$f: no page template (*.in) takes this fragment"
done

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
for page in "$mandir"/*.[18] $built; do
	[ -e "$page" ] || continue
	name=${page##*/}
	# a built copy in the source directory is superseded by the fresh one
	if [ "${page%/*}" != "$tmpdir" ] && [ -e "$mandir/$name.in" ]; then
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
