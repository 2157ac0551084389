#!/bin/sh
# Every lib/include header compiles on its own, and only the transport-side
# modules (codec, nl, exec) may mention libnftnl/libmnl types: the model,
# option engine, dialects and printers stay free of them (STYLE.md 3.6).
set -eu
src=${1:-.}
cc=${CC:-cc}
flags="-std=gnu11 -Wall -Werror -fsyntax-only -I$src/lib/include $(pkg-config --cflags libnftnl libmnl)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for h in "$src"/lib/include/xtnft/*.h; do
	name=$(basename "$h")
	printf '#include <xtnft/%s>\n' "$name" >"$tmp/t.c"
	if ! $cc $flags "$tmp/t.c" 2>"$tmp/err"; then
		echo "$name is not self-contained:" >&2
		cat "$tmp/err" >&2
		fail=1
	fi
	case $name in
	codec.h|nl.h|exec.h) ;;
	*)
		if grep -nE '\b(nftnl_|mnl_)[a-z_]+' "$h" >&2; then
			echo "$name mentions transport types" >&2
			fail=1
		fi ;;
	esac
done
[ $fail = 0 ] && echo "check-headers: $(ls "$src"/lib/include/xtnft/*.h | wc -l) headers OK"
exit $fail
