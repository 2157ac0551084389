/*
 * THE list of descriptors: the registry, the man page, the completions and
 * tests/check-registry.sh are all built from or checked against it.  One
 * line per descriptor file lib/ext/FILE.c defining `xtn_FILE`; where 1.8.9
 * needs another kernel struct per family (SNAT: ip rev 0, ip6 rev 1), the
 * same file defines a second descriptor of the same name for the other
 * family, listed as XTN_EXT_ALSO(FILE, SYMBOL) right after it.
 *
 * Order matters for decoding only: native relations go to the family base
 * match first, then to the claiming descriptors in this order.
 */
XTN_EXT(base_ip)
XTN_EXT(base_eb)
XTN_EXT(base_arp)
XTN_EXT(mt_tcp)
XTN_EXT(mt_udp)
XTN_EXT(mt_icmp)
XTN_EXT(mt_icmp6)
XTN_EXT(mt_mark)
XTN_EXT(mt_comment)
XTN_EXT(tg_standard)

/* stateful */
XTN_EXT(mt_conntrack)
XTN_EXT(mt_state)
XTN_EXT(mt_helper)
XTN_EXT(mt_connmark)
XTN_EXT(mt_connlimit)
XTN_EXT(tg_CONNMARK)
XTN_EXT(tg_CT)
XTN_EXT(tg_NOTRACK)

/* nat */
XTN_EXT(tg_SNAT)
XTN_EXT_ALSO(tg_SNAT, tg_SNAT6)
XTN_EXT(tg_DNAT)
XTN_EXT(tg_MASQUERADE)
XTN_EXT_ALSO(tg_MASQUERADE, tg_MASQUERADE6)
XTN_EXT(tg_REDIRECT)
XTN_EXT_ALSO(tg_REDIRECT, tg_REDIRECT6)
XTN_EXT(tg_NETMAP)
XTN_EXT_ALSO(tg_NETMAP, tg_NETMAP6)
XTN_EXT(tg_TPROXY)
XTN_EXT(mt_socket)

/* log */
XTN_EXT(tg_REJECT)
XTN_EXT_ALSO(tg_REJECT, tg_REJECT6)
XTN_EXT(tg_LOG)
XTN_EXT(tg_NFLOG)
XTN_EXT(tg_TRACE)
XTN_EXT(tg_NFQUEUE)
XTN_EXT(tg_CLASSIFY)
XTN_EXT_ALSO(tg_CLASSIFY, tg_CLASSIFY_arp)

/* mangle */
XTN_EXT(tg_MARK)
XTN_EXT_ALSO(tg_MARK, tg_MARK_arp)
XTN_EXT(tg_TCPMSS)
XTN_EXT_ALSO(tg_TCPMSS, tg_TCPMSS6)
XTN_EXT(tg_TOS)
XTN_EXT(tg_DSCP)
XTN_EXT(tg_TTL)
XTN_EXT(tg_HL)
XTN_EXT(tg_CHECKSUM)
XTN_EXT(mt_set)
XTN_EXT(tg_SET)

/* match1 */
XTN_EXT(mt_multiport)
XTN_EXT(mt_limit)
XTN_EXT(mt_iprange)
XTN_EXT(mt_mac)
XTN_EXT(mt_addrtype)
XTN_EXT(mt_pkttype)
XTN_EXT(mt_recent)
XTN_EXT(mt_hashlimit)

/* match2 */
XTN_EXT(mt_length)
XTN_EXT(mt_ttl)
XTN_EXT_ALSO(mt_ttl, mt_hl)
XTN_EXT(mt_dscp)
XTN_EXT(mt_tos)
XTN_EXT(mt_ecn)
XTN_EXT(mt_statistic)
XTN_EXT(mt_physdev)
XTN_EXT(mt_string)
XTN_EXT(mt_owner)
XTN_EXT(mt_time)

/* ipsec_ip6 */
XTN_EXT(mt_sctp)
XTN_EXT(mt_esp)
XTN_EXT(mt_ah)
XTN_EXT_ALSO(mt_ah, mt_ah6)
XTN_EXT(mt_frag)
XTN_EXT(mt_hbh)
XTN_EXT(mt_dst)
XTN_EXT(mt_rt)
XTN_EXT(mt_ipv6header)
XTN_EXT(mt_policy)

/* ebtables: protocol matches */
XTN_EXT(eb_ip)
XTN_EXT(eb_ip6)
XTN_EXT(eb_arp)
XTN_EXT(eb_vlan)
XTN_EXT(eb_802_3)
XTN_EXT(eb_stp)

/* ebtables: marks, limit, watchers, targets */
XTN_EXT(eb_mark_m)
XTN_EXT(eb_pkttype)
XTN_EXT(eb_limit)
XTN_EXT(eb_redirect)
XTN_EXT(eb_arpreply)
XTN_EXT(eb_nat)
XTN_EXT_ALSO(eb_nat, eb_dnat)
XTN_EXT(eb_mark)
XTN_EXT(eb_nflog)
XTN_EXT(eb_log)

/* ebtables: among */
XTN_EXT(eb_among)

/* arp */
XTN_EXT(arp_mangle)
