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
XTN_EXT(mt_tcp)
XTN_EXT(mt_udp)
XTN_EXT(mt_icmp)
XTN_EXT(mt_icmp6)
XTN_EXT(mt_mark)
XTN_EXT(mt_comment)
XTN_EXT(tg_standard)

/* stateful */

/* nat */

/* log */

/* mangle */

/* match1 */

/* match2 */

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
