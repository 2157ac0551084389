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
ip6tables-restore iptables-xml ebtables ebtables-save ebtables-restore
arptables arptables-save arptables-restore conntrack"

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
ln -s "$XTNFT" "$TMP/bin/ebtables-nft-save"	# Debian's alternatives name
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
		compset() { [[ $1 == -P ]] && PREFIX=${PREFIX##${~2}} }
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
	check "$sh" exact "ACCEPT DROP" "$B/ip6tables" -N X -P INPUT ''
	# 1.8.9's iptables-restore rejects -4 and -6
	check "$sh" lacks "-4 -6" "$B/iptables-restore" -
	check "$sh" has "--ipv4" "$B/iptables-restore" --
	checks_ebtables "$sh"
	checks_arptables "$sh"
	checks_conntrack "$sh"
}

# conntrack: commands and their table words, -p names and the protocol's
# options after it, --state words, value words and comma lists.
checks_conntrack()
{
	local sh=$1 ct=$B/conntrack

	check "$sh" has "conntrack" "$XTNFT" ''
	check "$sh" has "--dump --event --stats -L -E -S -p" "$ct" ''
	check "$sh" exact "--dump --delete --dst --dst-nat" "$ct" --d
	check "$sh" has "conntrack expect dying unconfirmed --output -o" \
		"$ct" -L ''
	check "$sh" exact "expect" "$ct" --dump e
	check "$sh" has "conntrack expect" "$ct" -D ''
	check "$sh" lacks "dying unconfirmed" "$ct" -D ''
	check "$sh" exact "conntrack" "$ct" -U c
	check "$sh" lacks "expect" "$ct" --update ''
	check "$sh" lacks "conntrack expect" "$ct" -L expect ''
	check "$sh" exact "tcp udp udplite icmp icmpv6 sctp dccp gre" \
		"$ct" -L -p ''
	check "$sh" exact "icmp icmpv6" "$XTNFT" conntrack -L -p i
	check "$sh" exact "--state --stats --status" "$ct" -L -p tcp --st
	check "$sh" exact "--stats --status" "$ct" -L -p udp --st
	check "$sh" exact "--dport" "$ct" -L --protonum TCP --dp
	check "$sh" lacks "--dport --state" "$ct" -L ''
	check "$sh" exact "NONE SYN_SENT SYN_RECV ESTABLISHED FIN_WAIT \
CLOSE_WAIT LAST_ACK TIME_WAIT CLOSE SYN_SENT2" "$ct" -L -p tcp --state ''
	check "$sh" exact "ESTABLISHED" "$ct" -p tcp -L --state E
	check "$sh" exact "ipv4 ipv6" "$ct" -L -f ''
	check "$sh" exact "ALL NEW UPDATES DESTROY" "$ct" -E -e ''
	check "$sh" exact "ASSURED" "$ct" -L -u A
	check "$sh" exact "extended xml id timestamp ktimestamp labels \
userspace save" "$ct" -L -o ''
	if [[ $sh == bash ]]; then
		# a list: bash replaces the whole word
		check "$sh" exact "xml,extended" "$ct" -L -o xml,e
		check "$sh" exact "NEW,DESTROY" "$ct" -E -e NEW,D
		check "$sh" exact "--output=xml" "$ct" -L --output=x
	else
		check "$sh" exact "extended" "$ct" -L -o xml,e
		check "$sh" exact "DESTROY" "$ct" -E -e NEW,D
		check "$sh" exact "xml" "$ct" -L --output=x
	fi
}

# ebtables: no -m (every match's and watcher's options from the start),
# its own tables, verdicts, policies and -p names, "--opt ! value".
checks_ebtables()
{
	local sh=$1 eb=$B/ebtables

	check "$sh" exact "--logical-in --logical-out" "$eb" --logical-
	check "$sh" exact "--Lmac2" "$XTNFT" ebtables --Lm
	check "$sh" exact "--in-interface --in-if" "$eb" -A INPUT --in-
	check "$sh" has "-A -P -N -p -s -d -i -o -j -t" "$eb" -
	check "$sh" lacks "-m -b -g -S -R -n -x -4 -6" "$eb" -
	check "$sh" lacks "--match --goto --list-rules --fragments" "$eb" --
	check "$sh" exact "filter nat broute" "$eb" -t ''
	check "$sh" exact "LENGTH" "$eb" -p LEN
	check "$sh" exact "LENGTH" "$eb" -A FORWARD --proto LEN
	if grep -q '^IPv4[[:space:]]' /etc/ethertypes 2>/dev/null; then
		check "$sh" has "IPv4 IPv6" "$eb" -p IP
		check "$sh" has "IPv4" "$eb" -A FORWARD -p ! IPv
		check "$sh" has "ARP" "$eb" -p A
	fi
	check "$sh" exact "--logical-in --logical-out" "$eb" ! --logical-
	check "$sh" exact "--protocol --proto" "$eb" -A FORWARD ! --pro
	check "$sh" has "ACCEPT DROP CONTINUE RETURN" "$TMP/fail/ebtables" \
		-A FORWARD -j ''
	check "$sh" lacks "MASQUERADE SNAT LOG" "$TMP/fail/ebtables" \
		-A FORWARD -j ''
	check "$sh" exact "ACCEPT DROP RETURN" "$eb" -P INPUT ''
	check "$sh" exact "ACCEPT DROP RETURN" "$eb" -N FOO -P ''
	# listing fails: the bridge family's built-in chains
	check "$sh" exact "INPUT FORWARD OUTPUT" "$TMP/fail/ebtables" -A ''
	check "$sh" exact "PREROUTING OUTPUT POSTROUTING" \
		"$TMP/fail/ebtables" -t nat -I ''
	check "$sh" exact "BROUTING" "$TMP/fail/ebtables" -t broute -L ''
	check "$sh" exact "BROUTING" "$TMP/fail/ebtables" -t broute --check B
	[[ $sh == bash ]] &&
		check "$sh" has "lo" "$eb" -A FORWARD --logical-in l
	check "$sh" exact "--counters" "$B/ebtables-save" --cou
	check "$sh" exact "filter nat broute" "$B/ebtables-save" -t ''
	check "$sh" exact "filter nat broute" "$B/ebtables-nft-save" -t ''
	check "$sh" exact "--verbose --noflush -v -n" "$B/ebtables-restore" -
	check "$sh" exact "--noflush" "$XTNFT" ebtables-restore --n
	check "$sh" has "ebtables ebtables-save ebtables-restore" "$XTNFT" e
}

# arptables: its tables, verdicts and policies; its options once the
# arptables tool exists (it answers -h).
checks_arptables()
{
	local sh=$1 arp=$B/arptables

	check "$sh" exact "filter" "$B/arptables-save" -t ''
	check "$sh" has "arptables arptables-save arptables-restore" "$XTNFT" a
	if ! arptables_written; then
		return
	fi
	check "$sh" has "INPUT OUTPUT" "$TMP/fail/arptables" -A ''
	check "$sh" exact "filter" "$arp" -t ''
	check "$sh" exact "ACCEPT DROP" "$arp" -P INPUT ''
	check "$sh" has "ACCEPT DROP RETURN" "$TMP/fail/arptables" -A INPUT -j ''
	check "$sh" lacks "CONTINUE MASQUERADE" "$TMP/fail/arptables" -A INPUT -j ''
	check "$sh" exact "--opcode" "$arp" --opc
	check "$sh" exact "--h-type --h-length" "$arp" -A INPUT --h-
	check "$sh" lacks "-m --match -f" "$arp" -
	check "$sh" exact "Request Reply Request_Reverse Reply_Reverse \
DRARP_Request DRARP_Reply DRARP_Error InARP_Request ARP_NAK" \
		"$arp" -A INPUT --opcode ''
	check "$sh" exact "Request Request_Reverse" "$arp" --opcode ! Req
	check "$sh" exact "Ethernet" "$arp" --h-type ''
	check "$sh" exact "ipv4" "$arp" -A OUTPUT ! --proto-type ''
	check "$sh" exact "--opcode" "$arp" -A INPUT ! --opc
}

# The arptables tool exists once it answers -h (seam: a placeholder).
arptables_written()
{
	if "$XTNFT" arptables -h 2>/dev/null | grep -q -- --opcode; then
		return 0
	fi
	if [[ -z ${ARPT_SKIP_SAID:-} ]]; then
		echo "SKIP: arptables options (xtnft arptables is not written yet)"
		NSKIP=$((NSKIP + 1))
		ARPT_SKIP_SAID=1
	fi
	return 1
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
	check "$sh" has "INPUT FORWARD OUTPUT XTNFT_COMP_EB" "$B/ebtables" -A ''
	check "$sh" exact "XTNFT_COMP_EB" "$B/ebtables" -A INPUT -j X
	check "$sh" exact "XTNFT_COMP_EB" "$XTNFT" ebtables -X ''
	check "$sh" exact "PREROUTING OUTPUT POSTROUTING" \
		"$B/ebtables" -t nat -A ''
	if [[ -n $ARPT_CHAIN ]]; then
		check "$sh" has "INPUT OUTPUT XTNFT_COMP_ARP" "$B/arptables" -I ''
		check "$sh" exact "XTNFT_COMP_ARP" "$B/arptables" -A INPUT -j X
	fi
}

checks_kernel_setup()
{
	if [[ -z ${XTNFT_COMP_NETNS:-} ]]; then
		echo "SKIP: chains from the kernel (needs root and unshare -n)"
		NSKIP=$((NSKIP + 1))
		return 1
	fi
	ARPT_CHAIN=
	arptables_written && "$XTNFT" arptables -N XTNFT_COMP_ARP &&
		ARPT_CHAIN=1
	"$XTNFT" iptables -N XTNFT_COMP_USER &&
		"$XTNFT" ip6tables -N XTNFT_COMP_V6 &&
		"$XTNFT" ebtables -N XTNFT_COMP_EB && return 0
	result "" "creating user chains with $XTNFT"
	return 1
}

# The names offered as values must be ones the tool takes: each one is
# tried on a rule (in the private namespace).
checks_values()
{
	local w o ok

	comp_bash "$B/ebtables" -A FORWARD -p ''
	for w in "${COMPREPLY[@]}"; do
		ok=
		"$XTNFT" ebtables -A FORWARD -p "$w" >/dev/null 2>&1 && ok=ok
		result "$ok" "ebtables -p $w is taken"
	done
	[[ -n $ARPT_CHAIN ]] || return 0
	for o in --opcode --h-type --proto-type; do
		comp_bash "$B/arptables" -A INPUT "$o" ''
		((${#COMPREPLY[@]})) || result "" "arptables $o offers a name"
		for w in "${COMPREPLY[@]}"; do
			ok=
			"$XTNFT" arptables -A INPUT "$o" "$w" >/dev/null 2>&1 &&
				ok=ok
			result "$ok" "arptables $o $w is taken"
		done
	done
}

# conntrack's words: the parser must take each one.  A word it takes
# leaves the trailing unknown option as the error; nothing reaches the
# kernel, as parsing stops there.
checks_ct_values()
{
	local w opt proto cmd words err ok c o

	while read -r cmd opt proto words; do
		for w in $words; do
			[[ $w == -* ]] && continue	# options after a command
			if [[ $opt == - ]]; then
				set -- "$cmd" "$w"
			elif [[ $proto == - ]]; then
				set -- "$cmd" "$opt" "$w"
			else
				set -- "$cmd" -p "$proto" "$opt" "$w"
			fi
			err=$("$XTNFT" conntrack "$@" --xtnft-bogus 2>&1)
			ok=
			[[ $err == *"unknown option \`--xtnft-bogus'"* ]] && ok=ok
			result "$ok" "conntrack $* is taken"
		done
	done < <(
		for c in L I D G E F C S U A; do
			comp_bash "$B/conntrack" "-$c" ''
			echo "-$c - - ${COMPREPLY[*]}"
		done
		comp_bash "$B/conntrack" -L -p ''
		echo "-L -p - ${COMPREPLY[*]}"
		for o in -f -o -u -e; do
			comp_bash "$B/conntrack" -E "$o" ''
			echo "-E $o - ${COMPREPLY[*]}"
		done
		comp_bash "$B/conntrack" -L -p tcp --state ''
		echo "-L --state tcp ${COMPREPLY[*]}"
	)
}

# Every option the generator lists for a tool, match, watcher or target
# must complete where that tool takes it: iptables' matches after -m NAME,
# ebtables' matches and watchers from the start, targets after -j NAME.
checks_drift()
{
	local kind name fams opts o fam tool

	if [[ -z $XTNFT_GEN ]]; then
		echo "SKIP: drift check (set XTNFT_GEN=tools/xtnft-gen)"
		NSKIP=$((NSKIP + 1))
		return
	fi
	while read -r kind name fams opts; do
		[[ $fams == - ]] && continue	# an extension of no family
		for fam in ${fams//,/ }; do
			case $fam in
			ipv4) tool=iptables ;;
			ipv6) tool=ip6tables ;;
			bridge) tool=ebtables ;;
			arp) tool=arptables ;;
			*) result "" "drift: $kind $name: family $fam" && continue ;;
			esac
			[[ $opts == - ]] && opts=
			case $kind in
			match | watcher)
				if [[ $fam != bridge ]]; then
					check bash has "$name" "$B/$tool" -m ''
				fi
				for o in $opts; do
					o=${o#!} o=${o##*,} o=${o%%[[=]*}
					if [[ $fam == bridge ]]; then
						check bash has "$o" "$B/$tool" "$o"
					else
						check bash has "$o" "$B/$tool" -m "$name" "$o"
					fi
				done
				;;
			target)
				[[ $name == standard ]] && continue
				check bash has "$name" "$TMP/fail/$tool" -j ''
				for o in $opts; do
					o=${o#!} o=${o##*,} o=${o%%[[=]*}
					check bash has "$o" "$TMP/fail/$tool" -j "$name" "$o"
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
checks_ct_values
checks_kernel_setup && checks_kernel bash && checks_values
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
