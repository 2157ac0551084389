#!/bin/bash
# Regenerate the .payload goldens from the oracle: each OK line of a .t file
# is appended with Debian's 1.8.9 tool of its family in a fresh network
# namespace and its expressions are read back with `nft --debug=netlink`:
#   ip/     iptables-nft   table filter, chain FORWARD
#   ip6/    ip6tables-nft  table filter, chain FORWARD
#   bridge/ ebtables-nft   table filter, chain FORWARD
#   arp/    arptables-nft  table filter, chain INPUT
# Lines whose 4th field is "ours" keep their hand-written payload: there
# xtnft writes upstream's corrected encoding on purpose (interop.md
# section 2.9).
#
# bridge/ and arp/ blocks carry two more kinds of lines after the rule's
# expressions (the runner reads a block only up to its first line that
# does not start with a blank, so they are extra data, not expressions):
#   #set LINE   the rule's anonymous sets as `nft --debug=netlink` prints
#               them, e.g. "#set bridge filter @__set0" then one
#               "#set element KEY...  : 0 [end]" per element (the tab
#               before "element" dropped, elements sorted as text)
#   #xt KIND NAME: HEX
#               the info blob of each match/target expression (KIND is
#               match or target), as the kernel dumps it, in 4-byte
#               groups; `nft --debug` shows only the name and revision
#
# Usage (root, a C compiler and libnftnl/libmnl headers for bridge/ and
# arp/): tests/rules/regen-payloads.sh [FILE.t...]
set -eu
cd "$(dirname "$0")"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(ip/*.t ip6/*.t bridge/*.t arp/*.t)

# The blob dumper for #xt lines, built on first use.
xtdump=
xtdir=
cleanup() { [ -z "$xtdir" ] || rm -rf "$xtdir"; }
trap cleanup EXIT
build_xtdump() {
	[ -z "$xtdump" ] || return 0
	xtdir=$(mktemp -d)
	cat >"$xtdir/xtdump.c" <<'EOF'
/* xtdump FAMILY TABLE CHAIN: "KIND NAME: HEX" for every match/target
 * expression of the chain's rules, in order. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <libmnl/libmnl.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>

static const char *want_table, *want_chain;

static int print_blob(struct nftnl_expr *e, void *data)
{
	const char *kind = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);
	const unsigned char *p;
	uint32_t len, i;
	int is_match = strcmp(kind, "match") == 0;

	(void)data;
	if (!is_match && strcmp(kind, "target") != 0)
		return 0;
	p = nftnl_expr_get(e, is_match ? NFTNL_EXPR_MT_INFO : NFTNL_EXPR_TG_INFO, &len);
	printf("%s %s:", kind, nftnl_expr_get_str(e, is_match ? NFTNL_EXPR_MT_NAME
							      : NFTNL_EXPR_TG_NAME));
	for (i = 0; p && i < len; i++)
		printf("%s%02x", i % 4 ? "" : " ", p[i]);
	printf("\n");
	return 0;
}

static int rule_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nftnl_rule *r = nftnl_rule_alloc();

	(void)data;
	if (r && nftnl_rule_nlmsg_parse(nlh, r) == 0 &&
	    strcmp(nftnl_rule_get_str(r, NFTNL_RULE_TABLE), want_table) == 0 &&
	    strcmp(nftnl_rule_get_str(r, NFTNL_RULE_CHAIN), want_chain) == 0)
		nftnl_expr_foreach(r, print_blob, NULL);
	nftnl_rule_free(r);
	return MNL_CB_OK;
}

int main(int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct mnl_socket *nl;
	struct nlmsghdr *nlh;
	uint32_t seq = (uint32_t)time(NULL), portid;
	int family, ret;

	if (argc != 4)
		return 2;
	family = strcmp(argv[1], "bridge") == 0 ? NFPROTO_BRIDGE : NFPROTO_ARP;
	want_table = argv[2];
	want_chain = argv[3];
	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		return 1;
	portid = mnl_socket_get_portid(nl);
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETRULE, family, NLM_F_DUMP, seq);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return 1;
	while ((ret = mnl_socket_recvfrom(nl, buf, sizeof(buf))) > 0) {
		ret = mnl_cb_run(buf, ret, seq, portid, rule_cb, NULL);
		if (ret <= 0)
			break;
	}
	mnl_socket_close(nl);
	return ret < 0;
}
EOF
	${CC:-cc} -o "$xtdir/xtdump" "$xtdir/xtdump.c" -lnftnl -lmnl ||
		{ echo "cannot build the #xt dumper (libnftnl/libmnl headers?)" >&2; exit 1; }
	xtdump=$xtdir/xtdump
}

# Tool, nft family and default chain of a golden directory.
family_of() {	# dir
	case $1 in
	ip) echo "/usr/sbin/iptables-nft ip FORWARD" ;;
	ip6) echo "/usr/sbin/ip6tables-nft ip6 FORWARD" ;;
	bridge) echo "/usr/sbin/ebtables-nft bridge FORWARD" ;;
	arp) echo "/usr/sbin/arptables-nft arp INPUT" ;;
	*) echo "unknown golden family '$1'" >&2; exit 1 ;;
	esac
}

# Set lines of `nft --debug=netlink list chain` numbered for sorting: the
# header "FAMILY TABLE @NAME", then its "\telement ..." lines; the elements
# get sorted as text (the kernel lists a hash set in no fixed order).
setlines='
	index($0, fam " " tab " @") == 1 { n++; print n "\t0\t" $0; next }
	/^\telement / { sub(/^\t/, ""); print n "\t1\t" $0 }'

# args may start with "@TABLE:CHAIN " (NAT targets, REJECT...): the rule
# goes there instead of the family's default chain.  Lines "#! COMMAND" of
# a .t file run in each rule's namespace first (e.g. "#! ipset create foo
# hash:ip"; tests/unit/test-rules.c answers set names with a stub of its
# own).
payload_of() {	# dir args
	local tool fam table=filter chain dump=
	local args=$2 where
	read -r tool fam chain <<<"$(family_of "$1")"
	[ -n "$chain" ] || exit 1
	case $1 in bridge|arp) dump=$xtdump ;; esac
	if [ "${args#@}" != "$args" ]; then
		where=${args%% *}
		args=${args#* }
		where=${where#@}
		table=${where%%:*}
		chain=${where#*:}
	fi
	unshare -n env TOOL="$tool" FAM="$fam" ARGS="$args" TABLE="$table" \
		CHAIN="$chain" SETUP="$setup" XTDUMP="$dump" SETLINES="$setlines" bash -c '
		eval "$SETUP" >/dev/null 2>&1
		$TOOL -t $TABLE -N USERCHAIN
		eval "set -- $ARGS"
		$TOOL -t $TABLE -A $CHAIN "$@" >/dev/null 2>&1 || exit 1
		out=$(/usr/sbin/nft --debug=netlink list chain $FAM $TABLE $CHAIN 2>/dev/null)
		# only the rule appended: ebtables-nft adds a user chain'"'"'s
		# policy rule (counter, verdict) after it
		awk -v h="$FAM $TABLE $CHAIN " "index(\$0, h) == 1 { n++ }
			n <= 1 && /^  \[/" <<<"$out" | grep . || exit 1
		[ -n "$XTDUMP" ] || exit 0
		awk -v fam="$FAM" -v tab="$TABLE" "$SETLINES" <<<"$out" |
			LC_ALL=C sort -t "	" -k1,1n -k2,2n -k3 | cut -f3- | sed "s/^/#set /"
		$XTDUMP $FAM $TABLE $CHAIN | sed "s/^/#xt /"'
}

for t in "${files[@]}"; do
	fam=${t%%/*}
	read -r tool _ _ <<<"$(family_of "$fam")"
	[ -n "$tool" ] || exit 1
	case $fam in
	bridge|arp) build_xtdump ;;
	*) tool=/usr/sbin/iptables-nft ;;	# the ip6 goldens name it too
	esac
	out=$t.payload
	old=$(mktemp)
	[ -f "$out" ] && cp "$out" "$old"
	setup=$(sed -n 's/^#! //p' "$t")
	{
		echo "# generated by regen-payloads.sh from ${tool##*/} $($tool -V | cut -d' ' -f2)"
		while IFS= read -r line; do
			case "$line" in ''|'#'*) continue ;; esac
			IFS=';' read -r args expect status note <<<"$line"
			[ "$status" = OK ] || continue
			echo "# $args"
			if [ "${note:-}" = ours ]; then
				# keep the hand-written block
				awk -v k="# $args" '$0 == k {on = 1; next} /^# / {on = 0} on' "$old"
			else
				payload_of "$fam" "$args" ||
					{ echo "oracle refused: $t: $args" >&2; exit 1; }
			fi
		done <"$t"
	} >"$out.new"
	mv "$out.new" "$out"
	rm -f "$old"
	echo "wrote $out"
done
