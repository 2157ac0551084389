#!/bin/bash
# Generate an iptables-restore file shaped like a Kubernetes node's:
# about half of the rules in a nat table the way kube-proxy's iptables
# mode writes it, the other half a filter firewall.
#
# Usage: bench/kube-gen.sh --rules N [--family 4|6]   (file on stdout)
#
# nat (kube-proxy): KUBE-SERVICES, KUBE-NODEPORTS, KUBE-POSTROUTING and
# KUBE-MARK-MASQ, then per service (a cluster IP and port, three
# endpoints) one KUBE-SVC-* chain and three KUBE-SEP-* chains: the
# KUBE-SERVICES rule with a comment and -m tcp --dport, the mark for
# masquerade of traffic from outside the pod network, a -m statistic
# --mode random --probability rule per endpoint but the last, and per
# endpoint the hairpin mark and the DNAT --to-destination.  11 rules and
# 4 chains per service.
#
# filter (a host firewall): INPUT, FORWARD and OUTPUT jump to dispatch
# chains that jump to user chains of 100 rules each (addresses,
# interfaces, -m conntrack --ctstate, -m multiport --dports, comments, LOG
# and REJECT), and one long chain, FW-FORWARD, holds a fifth of the
# filter rules.
#
# The built-in chains hold only the jumps into the user chains, so the
# same file can be restored again with --noflush, as kube-proxy does on
# every sync: each user chain is declared again (and so emptied) and its
# rules added again; only the seven rules of built-in chains are appended
# a second time.
#
# Chain names and comments are derived from the numbers, like kube-proxy's
# hashed names (KUBE-SVC-0000A1B2...): 16 upper-case hex-like characters.

set -euo pipefail

N=
FAM=4
while (($#)); do
	case $1 in
	--rules) N=$2; shift 2 ;;
	--family) FAM=$2; shift 2 ;;
	-h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "kube-gen.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[[ $N =~ ^[0-9]+$ && $N -ge 100 ]] || { echo "kube-gen.sh: --rules N (>= 100) is required" >&2; exit 2; }
[[ $FAM == 4 || $FAM == 6 ]] || { echo "kube-gen.sh: --family is 4 or 6" >&2; exit 2; }

exec awk -v n="$N" -v fam="$FAM" '
# an address of a /16 (v4: a.b.x.y; v6: prefix::x:y) for number i
function addr(net, i) {
	if (fam == 4)
		return sprintf("%s.%d.%d", net, int(i / 250) % 250, i % 250 + 1)
	return sprintf("%s::%x:%x", net, int(i / 65536) % 65536, i % 65536 + 1)
}
function hostmask() { return fam == 4 ? "/32" : "/128" }
# a kube-proxy-like chain name: prefix and 16 characters from i
function kname(prefix, i,   h, s, k) {
	h = (i * 2654435761 + 12345) % 4294967296
	s = sprintf("%08X%08X", h, (h * 40503 + i) % 4294967296)
	return prefix "-" s
}
function portspec(a, p) { return fam == 4 ? a ":" p : "[" a "]:" p }
BEGIN {
	if (fam == 4) {
		svcnet = "10.96"; podnet = "10.244"; podcidr = "10.244.0.0/16"
		hostnet = "198.51"; masq_reject = "icmp-port-unreachable"
		adm = "icmp-admin-prohibited"
	} else {
		svcnet = "fd00:96"; podnet = "fd00:244"; podcidr = "fd00:244::/32"
		hostnet = "2001:db8"; masq_reject = "icmp6-port-unreachable"
		adm = "icmp6-adm-prohibited"
	}
	nat_rules = int(n / 2)
	nsvc = int((nat_rules - 8) / 11)
	if (nsvc < 1) nsvc = 1
	filter_rules = n - (8 + 11 * nsvc)
	if (filter_rules < 20) filter_rules = 20

	# ---- nat ----------------------------------------------------------
	print "*nat"
	print ":PREROUTING ACCEPT [0:0]"
	print ":INPUT ACCEPT [0:0]"
	print ":OUTPUT ACCEPT [0:0]"
	print ":POSTROUTING ACCEPT [0:0]"
	print ":KUBE-SERVICES - [0:0]"
	print ":KUBE-NODEPORTS - [0:0]"
	print ":KUBE-POSTROUTING - [0:0]"
	print ":KUBE-MARK-MASQ - [0:0]"
	for (s = 0; s < nsvc; s++) {
		print ":" kname("KUBE-SVC", s) " - [0:0]"
		for (e = 0; e < 3; e++)
			print ":" kname("KUBE-SEP", s * 3 + e) " - [0:0]"
	}
	print "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES"
	print "-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES"
	print "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING"
	print "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000"
	print "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN"
	print "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0"
	print "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully"
	for (s = 0; s < nsvc; s++) {
		svc = kname("KUBE-SVC", s)
		ns = "ns" (s % 50); name = "svc" s; port = 80 + (s % 7) * 1000 + s % 3
		id = ns "/" name ":http"
		cip = addr(svcnet, s)
		print "-A KUBE-SERVICES -d " cip hostmask() " -p tcp -m comment --comment \"" id " cluster IP\" -m tcp --dport " port " -j " svc
		print "-A " svc " ! -s " podcidr " -d " cip hostmask() " -p tcp -m comment --comment \"" id " cluster IP\" -m tcp --dport " port " -j KUBE-MARK-MASQ"
		for (e = 0; e < 3; e++) {
			sep = kname("KUBE-SEP", s * 3 + e)
			ep = addr(podnet, s * 3 + e)
			stat = ""
			if (e == 0) stat = " -m statistic --mode random --probability 0.33333333349"
			if (e == 1) stat = " -m statistic --mode random --probability 0.50000000000"
			print "-A " svc " -m comment --comment \"" id " -> " portspec(ep, 8080) "\"" stat " -j " sep
			print "-A " sep " -s " ep hostmask() " -m comment --comment \"" id "\" -j KUBE-MARK-MASQ"
			print "-A " sep " -p tcp -m comment --comment \"" id "\" -m tcp -j DNAT --to-destination " portspec(ep, 8080)
		}
	}
	print "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS"
	print "COMMIT"

	# ---- filter -------------------------------------------------------
	# FW-FORWARD: a fifth; the rest in leaf chains of 100 rules, each
	# reached from one of three dispatch chains (FW-IN, FW-FWD, FW-OUT)
	# that INPUT, FORWARD and OUTPUT jump to: two levels, far from the
	# limit of 16 nested jumps that the kernel checks on every change
	# (deep nesting costs kernel time in both tools)
	nfwd = int(filter_rules / 5)
	nleaf = int((filter_rules - nfwd - 7 + 100) / 101)
	if (nleaf < 1) nleaf = 1
	nrest = filter_rules - nfwd - 7 - nleaf
	print "*filter"
	print ":INPUT ACCEPT [0:0]"
	print ":FORWARD DROP [0:0]"
	print ":OUTPUT ACCEPT [0:0]"
	print ":FW-FORWARD - [0:0]"
	print ":FW-IN - [0:0]"
	print ":FW-FWD - [0:0]"
	print ":FW-OUT - [0:0]"
	for (c = 0; c < nleaf; c++)
		print ":" leaf(c) " - [0:0]"
	print "-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
	print "-A INPUT -i lo -j ACCEPT"
	print "-A INPUT -j FW-IN"
	print "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
	print "-A FORWARD -j FW-FWD"
	print "-A FORWARD -j FW-FORWARD"
	print "-A OUTPUT -j FW-OUT"
	for (c = 0; c < nleaf; c++)
		print "-A FW-" (c % 3 == 0 ? "IN" : c % 3 == 1 ? "FWD" : "OUT") " -j " leaf(c)
	left = nrest
	for (c = 0; c < nleaf && left > 0; c++)
		for (r = 0; r < 100 && left > 0; r++) {
			fw_rule(leaf(c), c * 100 + r, c % 3)
			left--
		}
	for (r = 0; r < nfwd; r++)
		fw_rule("FW-FORWARD", 1000000 + r, 1)
	print "COMMIT"
}
function leaf(c) { return "FW-" (c % 3 == 0 ? "IN" : c % 3 == 1 ? "FWD" : "OUT") "-" c }
# one firewall rule of eight shapes
function fw_rule(ch, i, dir,   k, io, a) {
	k = i % 8
	io = dir == 0 ? "-i eth" (i % 4) : dir == 2 ? "-o eth" (i % 4) : "-i eth" (i % 4) " -o eth" ((i + 1) % 4)
	a = addr(hostnet, i)
	if (k == 0)
		print "-A " ch " -s " a hostmask() " " io " -p tcp -m multiport --dports 80,443,8080 -m comment --comment \"web " i "\" -j ACCEPT"
	else if (k == 1)
		print "-A " ch " -d " a hostmask() " -p udp -m udp --dport " (1000 + i % 5000) " -j ACCEPT"
	else if (k == 2)
		print "-A " ch " " io " -m conntrack --ctstate NEW -p tcp -m tcp --dport " (2000 + i % 3000) " -j ACCEPT"
	else if (k == 3)
		print "-A " ch " -s " a hostmask() " -m comment --comment \"blocked " i "\" -j DROP"
	else if (k == 4)
		print "-A " ch " -s " a hostmask() " -p tcp -m multiport --dports 22,2222 -j LOG --log-prefix \"ssh " (i % 1000) ": \" --log-level 4"
	else if (k == 5)
		print "-A " ch " -d " a hostmask() " -p tcp -m tcp --dport " (3000 + i % 2000) " -j REJECT --reject-with " masq_reject
	else if (k == 6)
		print "-A " ch " " io " -m conntrack --ctstate INVALID -j DROP"
	else
		print "-A " ch " -s " a hostmask() " -p icmp" (fam == 6 ? "v6" : "") " -j REJECT --reject-with " adm
}'
