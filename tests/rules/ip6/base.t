# ip6 base match
-s 2001:db8::/32 -d ::1 -j ACCEPT;-s 2001:db8::/32 -d ::1/128 -j ACCEPT;OK
-s 2001:db8::1/65;-s 2001:db8::/65;OK
! -d fe80::/ffff:ffff:0:ffff::;=;OK
-i eth0 ! -p udp;=;OK
-p ipv6-icmp;=;OK
-f;;FAIL;`-f' is not supported in IPv6, use -m frag instead
-s 1.2.3.4;;FAIL;host/network `1.2.3.4' not found
