#!/bin/sh
# Developer entry points for a fresh Debian 12 machine (run as root).
#
#   ./dev.sh demo   install what is missing, build, and apply + list a demo
#                   firewall inside a throwaway network namespace
#   ./dev.sh test   install what is missing, build with ASan/UBSan and run
#                   the whole test suite (make check), then memcheck a plain
#                   build under valgrind
#   ./dev.sh deps   only install the build and test dependencies
set -eu
cd "$(dirname "$0")"
top=$(pwd)

BUILD_DEPS="gcc make autoconf automake pkg-config libmnl-dev libnftnl-dev
	libnetfilter-conntrack-dev libcmocka-dev"
# iptables/nftables/conntrack are test oracles only, run by full path
TEST_DEPS="bats bats-assert bats-support iptables nftables conntrack iproute2
	iputils-ping netcat-openbsd groff-base man-db zsh bash-completion
	util-linux valgrind python3 time clang libclang-rt-14-dev ipset"

deps() {
	missing=""
	for p in $BUILD_DEPS ${1:-}; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "installing:$missing"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

build() {
	dir=$1
	shift
	[ -x configure ] || ./autogen.sh
	mkdir -p "$dir"
	(cd "$dir" && "$top/configure" -q "$@" && make -j"$(nproc)")
}

demo() {
	deps "iproute2"
	build build/demo
	x=$top/build/demo/src/xtnft
	echo "== applying examples/demo.rules and demo6.rules in a new network namespace"
	unshare -n sh -c "
		$x iptables-restore < examples/demo.rules &&
		$x ip6tables-restore < examples/demo6.rules &&
		echo '== iptables -L -v -n' && $x iptables -L -v -n &&
		echo && echo '== iptables -S' && $x iptables -S &&
		echo && echo '== iptables -t nat -S' && $x iptables -t nat -S &&
		echo && echo '== ip6tables-save' && $x ip6tables-save"
}

check() {
	deps "$TEST_DEPS"
	build build/test --enable-asan --enable-ubsan --enable-werror
	(cd build/test && make -j"$(nproc)" check)
	build build/plain --enable-werror
	tests/valgrind.sh build/plain/src/xtnft
}

case "${1:-}" in
demo) demo ;;
test) check ;;
deps) deps "$TEST_DEPS" ;;
*) echo "usage: $0 demo|test|deps" >&2; exit 2 ;;
esac
