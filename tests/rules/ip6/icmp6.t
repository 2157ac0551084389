# -m icmp6
-p icmpv6 --icmpv6-type echo-request;-p ipv6-icmp -m icmp6 --icmpv6-type 128;OK
-p ipv6-icmp ! --icmpv6-type 1/3;-p ipv6-icmp -m icmp6 ! --icmpv6-type 1/3;OK
-p icmpv6 --icmpv6-type neighbor-solicitation;-p ipv6-icmp -m icmp6 --icmpv6-type 135;OK
-p icmpv6 --icmpv6-type e;;FAIL;Ambiguous ICMPv6 type `e': `echo-request' or `echo-reply'?
-p icmpv6 --icmpv6-type 1/0:3;-p ipv6-icmp -m icmp6 --icmpv6-type 1/0;OK
-p icmpv6 --icmpv6-type 1/3:0;-p ipv6-icmp -m icmp6 --icmpv6-type 1/3;OK
-p icmpv6 --icmpv6-type 1:2;;FAIL;ICMPv6 type range not supported
-p icmpv6 --icmpv6-type 1/0:;;FAIL;Unknown ICMPv6 code `1/0:'
