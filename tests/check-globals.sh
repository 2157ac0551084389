#!/bin/sh
# No writable global state in lib/ (STYLE.md 3.6): every object of the
# library must keep its data in .rodata / .data.rel.ro.  Reads section
# names with objdump (nm's letters call .data.rel.ro "D").  Symbols that
# sanitizers add (__odr_asan.*, __asan_*, __ubsan_*) are not ours.
set -eu
lib=${1:-lib/libxtnft.a}
bad=$(objdump -t "$lib" |
	awk '$0 ~ /[ \t]\.(data|bss|tdata|tbss)([.][^r][^ \t]*)?[ \t]/ &&
	     $0 !~ /\.data\.rel\.ro/ && $NF !~ /^(__odr_asan|__asan|__ubsan|\.)/ &&
	     $2 != "d" && $3 != "d" { print }')
if [ -n "$bad" ]; then
	echo "writable globals in $lib:" >&2
	echo "$bad" >&2
	exit 1
fi
echo "check-globals: no writable globals in $lib"
