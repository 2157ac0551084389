# -m addrtype (ip6): the xt_addrtype_info_v1 blob (rev 1)
-m addrtype --src-type LOCAL;=;OK
-m addrtype ! --dst-type MULTICAST --limit-iface-in;=;OK
-m addrtype --src-type UNICAST,ANYCAST ! --dst-type LOCAL;=;OK
-m addrtype;;FAIL;addrtype: you must specify --src-type or --dst-type
