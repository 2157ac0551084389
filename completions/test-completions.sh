#!/bin/bash
# Smoke tests for the generated bash and zsh completions.
#
#   completions/test-completions.sh [XTNFT [COMPLETIONS_DIR]]
#
# XTNFT (or $XTNFT) is the multi-call binary under test; COMPLETIONS_DIR
# (or $XTNFT_COMPLETIONS, default: this script's directory) holds the
# generated bash/xtnft and zsh/_xtnft.  With $XTNFT_GEN set to
# tools/xtnft-gen, every match and tool option it lists must also complete
# (the registry-to-completion drift check).
#
# The binary is only ever run by explicit path, through symlinks named after
# the tools in a private directory: Debian's real iptables sits in PATH as
# the test oracle, and stubs placed first in PATH fail the run if a
# completion calls it.  As root, the script re-runs itself inside
# "unshare -n" to check the chain names read from the kernel.

set -u

XTNFT=${1:-${XTNFT:-}}
COMPDIR=${2:-${XTNFT_COMPLETIONS:-$(cd "$(dirname "$0")" && pwd)}}
XTNFT_GEN=${XTNFT_GEN:-}
TOOLS="iptables ip6tables iptables-save ip6tables-save iptables-restore
ip6tables-restore iptables-xml"

if [[ -z $XTNFT || ! -x $XTNFT ]]; then
	echo "usage: $0 XTNFT [COMPLETIONS_DIR] (or set \$XTNFT)" >&2
	exit 2
fi
XTNFT=$(cd "$(dirname "$XTNFT")" && pwd)/$(basename "$XTNFT")
BASH_FILE=$COMPDIR/bash/xtnft
ZSH_FILE=$COMPDIR/zsh/_xtnft
for f in "$BASH_FILE" "$ZSH_FILE"; do
	if [[ ! -f $f ]]; then
		echo "FAIL: $f not generated (run make)" >&2
		exit 1
	fi
done

# A fresh network namespace gives an empty, private ruleset.
if [[ $(id -u) == 0 && -z ${XTNFT_COMP_NETNS:-} ]] &&
   unshare -n true 2>/dev/null; then
	XTNFT_COMP_NETNS=1 exec unshare -n bash "$0" "$XTNFT" "$COMPDIR"
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/bin" "$TMP/guard" "$TMP/fail"
for t in $TOOLS; do
	ln -s "$XTNFT" "$TMP/bin/$t"
	ln -s /bin/false "$TMP/fail/$t"	# listing chains fails here
	# shellcheck disable=SC2016 # $0 and $* belong to the stub
	printf '#!/bin/sh\necho "$0 $*" >>"%s/called"\nexit 1\n' "$TMP" \
		>"$TMP/guard/$t"
	chmod +x "$TMP/guard/$t"
done
export PATH="$TMP/guard:$PATH"
B=$TMP/bin
NFAIL=0 NPASS=0 NSKIP=0

# shellcheck source=/dev/null
. "$BASH_FILE"

# Complete WORD... (the last one is under the cursor) with bash: COMPREPLY.
comp_bash()
{
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_xtnft
}

# The same with zsh: the completion functions run with compadd and
# friends replaced by stubs that print what would be offered.
comp_zsh()
{
	mapfile -t COMPREPLY < <(zsh -f -c '
		source "$1"; shift
		_wanted() { shift 3; "$@" }
		compadd() {
			local w
			while [[ $1 != -- ]]; do shift; done
			shift
			for w; do [[ $w == "$PREFIX"* ]] && print -r -- $w; done
		}
		compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=} }
		_files() { :; }
		_net_interfaces() { :; }
		_command_names() { :; }
		words=( "$@" ); CURRENT=$#; PREFIX=$words[-1]
		_xtnft' zsh "$ZSH_FILE" "$@")
}

result()
{
	if [[ $1 == ok ]]; then
		NPASS=$((NPASS + 1))
		[ -n "${VERBOSE:-}" ] && echo "PASS: $2"
	else
		NFAIL=$((NFAIL + 1))
		echo "FAIL: $2"
		echo "      got: ${COMPREPLY[*]}"
	fi
}

sorted()
{
	printf '%s\n' "$@" | sort -u | tr '\n' ' '
}

# check SHELL exact|has|lacks 'WORDS' WORD...: complete WORD... and
# compare the candidates with WORDS.
check()
{
	local sh=$1 how=$2 want=$3 w ok=ok got
	shift 3
	"comp_$sh" "$@"
	got=" ${COMPREPLY[*]} "
	case $how in
	exact)
		# shellcheck disable=SC2086
		[[ $(sorted "${COMPREPLY[@]}") == "$(sorted $want)" ]] || ok=
		;;
	has)
		for w in $want; do [[ $got == *" $w "* ]] || ok=; done
		;;
	lacks)
		for w in $want; do [[ $got != *" $w "* ]] || ok=; done
		;;
	esac
	result "$ok" "$sh: ${*/#$TMP\//} <TAB> $how [$want]"
}

checks_common()
{
	local sh=$1

	check "$sh" exact "--append" "$B/iptables" --app
	check "$sh" has "tcp comment" "$B/iptables" -m ''
	check "$sh" exact "--dport" "$B/iptables" -p tcp --dp
	check "$sh" exact "--dport" "$B/iptables" -A INPUT -p TCP ! --dp
	check "$sh" exact "filter nat mangle raw security" "$B/iptables" -t ''
	if [[ $sh == bash ]]; then
		# readline splits "--table=n" at the "=" (COMP_WORDBREAKS)
		check "$sh" exact "nat" "$B/iptables" --table = n
		check "$sh" exact "--table=nat" "$B/iptables" --table=n
	else
		check "$sh" exact "nat" "$B/iptables" --table=n
	fi
	check "$sh" has "icmp6 tcp" "$B/ip6tables" -m ''
	check "$sh" lacks "icmp" "$B/ip6tables" -m ''
	check "$sh" lacks "icmp6" "$B/iptables" -m ''
	check "$sh" exact "--icmpv6-type" "$B/ip6tables" -p ipv6-icmp --icmpv6
	check "$sh" exact "ACCEPT DROP" "$B/iptables" -P INPUT ''
	check "$sh" has "ip6tables-restore iptables-save" "$XTNFT" ''
	check "$sh" exact "--counters" "$B/iptables-save" --cou
	check "$sh" exact "filter nat mangle raw security" \
		"$B/iptables-save" -t ''
	check "$sh" exact "--noflush" "$B/ip6tables-restore" --no
	check "$sh" exact "security" "$B/ip6tables-restore" -T s
	check "$sh" exact "--test" "$XTNFT" iptables-restore --te
	check "$sh" exact "--combine" "$B/iptables-xml" --com
	check "$sh" exact "--verbose" "$XTNFT" iptables-xml --v
	check "$sh" has "iptables-xml" "$XTNFT" ''
	# listing fails (a tool that is /bin/false): built-in chains
	check "$sh" exact "INPUT FORWARD OUTPUT" "$TMP/fail/iptables" -A ''
	check "$sh" exact "PREROUTING INPUT OUTPUT POSTROUTING" \
		"$TMP/fail/iptables" -t nat -I ''
}

checks_kernel()
{
	local sh=$1

	check "$sh" has "INPUT FORWARD OUTPUT XTNFT_COMP_USER" "$B/iptables" -A ''
	check "$sh" has "INPUT XTNFT_COMP_USER" "$XTNFT" iptables -A ''
	check "$sh" has "ACCEPT DROP XTNFT_COMP_USER" "$B/iptables" -A INPUT -j ''
	check "$sh" exact "XTNFT_COMP_USER" "$B/iptables" -A INPUT -g ''
	check "$sh" exact "PREROUTING INPUT OUTPUT POSTROUTING" \
		"$B/iptables" -t nat -A ''
	check "$sh" exact "XTNFT_COMP_V6" "$XTNFT" ip6tables -D X
}

checks_kernel_setup()
{
	if [[ -z ${XTNFT_COMP_NETNS:-} ]]; then
		echo "SKIP: chains from the kernel (needs root and unshare -n)"
		NSKIP=$((NSKIP + 1))
		return 1
	fi
	"$XTNFT" iptables -N XTNFT_COMP_USER &&
		"$XTNFT" ip6tables -N XTNFT_COMP_V6 && return 0
	result "" "creating user chains with $XTNFT"
	return 1
}

# Every option the generator lists for a tool or match must complete.
checks_drift()
{
	local kind name fams opts o fam tool

	if [[ -z $XTNFT_GEN ]]; then
		echo "SKIP: drift check (set XTNFT_GEN=tools/xtnft-gen)"
		NSKIP=$((NSKIP + 1))
		return
	fi
	while read -r kind name fams opts; do
		for fam in ${fams//,/ }; do
			# ebtables/arptables extensions (no ipv4/ipv6 family
			# listed) have no iptables completions to check
			[[ $fam == ipv4 || $fam == ipv6 ]] || continue
			tool=iptables
			[[ $fam == ipv6 ]] && tool=ip6tables
			case $kind in
			match)
				check bash has "$name" "$B/$tool" -m ''
				for o in $opts; do
					o=${o#!} o=${o##*,} o=${o%%[[=]*}
					check bash has "$o" "$B/$tool" -m "$name" "$o"
				done
				;;
			tool)
				for o in $opts; do
					o=${o#!} o=${o##*,} o=${o%%[[=]*}
					check bash has "$o" "$B/$name" "$o"
				done
				;;
			esac
		done
	done < <("$XTNFT_GEN" list)
}

checks_common bash
checks_kernel_setup && checks_kernel bash
checks_drift
if command -v zsh >/dev/null; then
	if zsh -n "$ZSH_FILE"; then
		result ok "zsh -n $ZSH_FILE"
		checks_common zsh
		[[ -n ${XTNFT_COMP_NETNS:-} ]] && checks_kernel zsh
	else
		result "" "zsh -n $ZSH_FILE"
	fi
else
	echo "SKIP: zsh not installed, $ZSH_FILE not checked"
	NSKIP=$((NSKIP + 1))
fi
if [[ -e $TMP/called ]]; then
	result "" "a completion ran a tool from PATH: $(cat "$TMP/called")"
fi

echo "# $NPASS passed, $NFAIL failed, $NSKIP skipped"
((NFAIL == 0))
