# -j REJECT: ipt_reject_info compat blob, rev 0
-j REJECT;-j REJECT --reject-with icmp-port-unreachable;OK
-j REJECT --reject-with icmp-net-unreachable;=;OK
-j REJECT --reject-with net-unreach;-j REJECT --reject-with icmp-net-unreachable;OK
-j REJECT --reject-with icmp-host-unreachable;=;OK
-j REJECT --reject-with host-unreach;-j REJECT --reject-with icmp-host-unreachable;OK
-j REJECT --reject-with icmp-proto-unreachable;=;OK
-j REJECT --reject-with proto-unreach;-j REJECT --reject-with icmp-proto-unreachable;OK
-j REJECT --reject-with icmp-port-unreachable;=;OK
-j REJECT --reject-with port-unreach;-j REJECT --reject-with icmp-port-unreachable;OK
-j REJECT --reject-with icmp-net-prohibited;=;OK
-j REJECT --reject-with net-prohib;-j REJECT --reject-with icmp-net-prohibited;OK
-j REJECT --reject-with icmp-host-prohibited;=;OK
-j REJECT --reject-with host-prohib;-j REJECT --reject-with icmp-host-prohibited;OK
-j REJECT --reject-with icmp-admin-prohibited;=;OK
-j REJECT --reject-with admin-prohib;-j REJECT --reject-with icmp-admin-prohibited;OK
-j REJECT --reject-with ICMP-Admin;-j REJECT --reject-with icmp-admin-prohibited;OK
-p tcp -j REJECT --reject-with tcp-reset;=;OK
-p tcp -j REJECT --reject-with tcp-rst;-p tcp -j REJECT --reject-with tcp-reset;OK
-p tcp --dport 113 -j REJECT --reject-with tcp;-p tcp -m tcp --dport 113 -j REJECT --reject-with tcp-reset;OK
@filter:INPUT -s 10.0.0.0/8 -j REJECT --reject-with icmp-host-prohibited;=;OK
@filter:OUTPUT -j REJECT --reject-with port-unreach;-j REJECT --reject-with icmp-port-unreachable;OK
-j REJECT --reject-with foo;;FAIL;unknown reject type "foo"
-j REJECT --reject-with icmp6-no-route;;FAIL;unknown reject type "icmp6-no-route"
-j REJECT --reject-with echo-reply;;FAIL;unknown reject type "echo-reply"
-j REJECT --reject-with icmp-host;;FAIL;unknown reject type "icmp-host"
-j REJECT --reject-with icmp;;FAIL;unknown reject type "icmp"
-j REJECT --reject-with "";;FAIL;unknown reject type ""
-j REJECT --reject-with tcp-reset --reject-with tcp-reset;;FAIL;REJECT: option "--reject-with" can only be used once.\n
-j REJECT ! --reject-with tcp-reset;;FAIL;REJECT: option "--reject-with" cannot be inverted.\n
