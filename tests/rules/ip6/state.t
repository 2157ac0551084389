# -m state (IPv6): conntrack rev 3 with XT_CONNTRACK_STATE_ALIAS
-m state --state RELATED,ESTABLISHED;=;OK
-m state ! --state NEW;=;OK
