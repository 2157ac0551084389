# -m conntrack (IPv6): the xt_conntrack_mtinfo3 blob (rev 3)
-m conntrack --ctstate RELATED,ESTABLISHED;=;OK
-m conntrack ! --ctorigsrc ::1;=;OK
-m conntrack --ctorigdst 2001:db8::/32;=;OK
-m conntrack --ctreplsrc ::/0;=;OK
-m conntrack --ctrepldst 2001:db8::1/ffff:ffff:ffff:ffff::;-m conntrack --ctrepldst 2001:db8::1/64;OK
-m conntrack --ctproto ipv6-icmp --ctdir REPLY;-m conntrack --ctproto 58 --ctdir REPLY;OK
-m conntrack --ctorigsrc 1.2.3.4;;FAIL;getaddrinfo: Address family for hostname not supported\n
-m conntrack --ctorigsrc ::1/129;;FAIL;conntrack: bad value for option "--ctorigsrc", neither a valid network mask nor valid CIDR (0-128).\n
