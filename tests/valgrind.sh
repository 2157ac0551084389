#!/bin/bash
# Memcheck over representative commands (run as root; each in a fresh
# network namespace).  Needs a binary built WITHOUT sanitizers: ./dev.sh
# test builds one in build/plain.  Fails on any error or definite leak.
#
# Usage: tests/valgrind.sh PATH/TO/xtnft
set -u
X=$(readlink -f "${1:?usage: $0 PATH/TO/xtnft}")
command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 1; }
if nm "$X" 2>/dev/null | grep -q __asan_init; then
	echo "$X is built with ASan; valgrind needs a plain build" >&2
	exit 1
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
unshare -n env X="$X" LOG="$log" bash -c '
	V="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-fd=9"
	exec 9>>"$LOG"
	t() { "$@" >/dev/null 2>&1; [ $? = 99 ] && echo "valgrind errors: ${*:4}" >&9; }
	t $V $X iptables -A INPUT -s 1.2.3.4,5.6.7.8 -p tcp --dport 22 -m comment --comment hi -j ACCEPT
	t $V $X iptables -N X
	t $V $X iptables -I INPUT 2 -i eth+ ! -p udp -j X
	t $V $X iptables -A X -p icmp --icmp-type echo-request -j RETURN
	t $V $X iptables -R X 1 -p udp --sport 53 -g X
	t $V $X iptables -L -v -n
	t $V $X iptables -L --line-numbers
	t $V $X iptables -S -v
	t $V $X iptables-save -c
	t $V $X iptables -C INPUT -s 5.6.7.8 -p tcp --dport 22 -m comment --comment hi -j ACCEPT
	t $V $X iptables -D INPUT -s 1.2.3.4 -p tcp --dport 22 -m comment --comment hi -j ACCEPT
	t $V $X iptables -D INPUT 1
	printf "*filter\n:INPUT DROP [0:0]\n:Y - [0:0]\n-A INPUT -j Y\n-A Y -p udp --sport 53\n-I INPUT 1 -s 9.9.9.9\n-D INPUT -j Y\n-R INPUT 1 -d 8.8.8.8\nCOMMIT\n" > /tmp/vg.$$
	t $V $X iptables-restore /tmp/vg.$$
	t $V $X iptables-restore -n /tmp/vg.$$
	printf "*filter\n-A INPUT -p tcp --dport 999999\nCOMMIT\n" > /tmp/vg.$$
	t $V $X iptables-restore /tmp/vg.$$
	rm -f /tmp/vg.$$
	t $V $X iptables -A INPUT -m foo
	t $V $X iptables -A INPUT -p tcp --tcp-flags SYN,FOO SYN
	t $V $X ip6tables -A INPUT -s 2001:db8::/32 -p icmpv6 --icmpv6-type ping -j ACCEPT
	t $V $X ip6tables-save
	t $V $X iptables -Z -L -v
	t $V $X iptables -vvv -A INPUT -j DROP
	t $V $X iptables -F
	t $V $X iptables -X
	t $V $X iptables -p icmp -h
	t $V $X iptables -V
'
if [ -s "$log" ]; then
	cat "$log"
	exit 1
fi
echo "valgrind: no errors"
