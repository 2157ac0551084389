# --ip6-src/--ip6-source, --ip6-dst/--ip6-destination, --ip6-tclass,
# --ip6-proto/--ip6-protocol, --ip6-sport/--ip6-source-port, --ip6-dport/
# --ip6-destination-port, --ip6-icmp-type: compat match "ip6" rev 0 (struct
# ebt_ip6_info); the kernel wants -p IPv6, and --ip6-proto
# tcp/udp/udplite/dccp/sctp for ports, ipv6-icmp for --ip6-icmp-type.
# A repeated option is refused (1.8.9: the last one counts).
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-p IPv6 --ip6-src 2001:db8::1;-p IPv6 --ip6-src 2001:db8::1 -j CONTINUE;OK
-p IPv6 --ip6-source 2001:db8::1;-p IPv6 --ip6-src 2001:db8::1 -j CONTINUE;OK
-p IPv6 --ip6-src 2001:db8::/32;-p IPv6 --ip6-src 2001:db8::/32 -j CONTINUE;OK
-p IPv6 --ip6-src 2001:db8::1/64;-p IPv6 --ip6-src 2001:db8::/64 -j CONTINUE;OK
-p IPv6 --ip6-src 2001:db8::1/128;-p IPv6 --ip6-src 2001:db8::1 -j CONTINUE;OK
-p IPv6 --ip6-src ::/0;-p IPv6 --ip6-src ::/0 -j CONTINUE;OK
-p IPv6 --ip6-src 2001:db8::1/ffff:ffff::;-p IPv6 --ip6-src 2001:db8::/32 -j CONTINUE;OK
-p IPv6 --ip6-src 2001:db8::1/ffff:0:ffff::;-p IPv6 --ip6-src 2001::/ffff:0:ffff:: -j CONTINUE;OK
-p IPv6 --ip6-src ::ffff:1.2.3.4;-p IPv6 --ip6-src ::ffff:1.2.3.4 -j CONTINUE;OK
-p IPv6 --ip6-src 2001:DB8::1;-p IPv6 --ip6-src 2001:db8::1 -j CONTINUE;OK
-p IPv6 --ip6-src ! 2001:db8::1;-p IPv6 --ip6-src ! 2001:db8::1 -j CONTINUE;OK
-p IPv6 ! --ip6-src 2001:db8::1;-p IPv6 --ip6-src ! 2001:db8::1 -j CONTINUE;OK
-p IPv6 --ip6-destination fe80::/10;-p IPv6 --ip6-dst fe80::/10 -j CONTINUE;OK
-p IPv6 --ip6-dst ! fe80::/10;-p IPv6 --ip6-dst ! fe80::/10 -j CONTINUE;OK
-p IPv6 ! --ip6-dst fe80::/10;-p IPv6 --ip6-dst ! fe80::/10 -j CONTINUE;OK
# 1.8.9 lets the last of a repeated option win: refused
-p IPv6 --ip6-src 2001:db8::1 --ip6-src 2001:db8::2;;FAIL;Multiple use of same option not allowed
-p IPv6 --ip6-sr 2001:db8::1;-p IPv6 --ip6-src 2001:db8::1 -j CONTINUE;OK
-p IPv6 --ip6-tclass 0x10;-p IPv6 --ip6-tclass 0x10 -j CONTINUE;OK
-p IPv6 --ip6-tclass 16;-p IPv6 --ip6-tclass 0x10 -j CONTINUE;OK
-p IPv6 --ip6-tclass 0;-p IPv6 --ip6-tclass 0x00 -j CONTINUE;OK
-p IPv6 --ip6-tclass 0xff;-p IPv6 --ip6-tclass 0xFF -j CONTINUE;OK
-p IPv6 --ip6-tclass ! 0x10;-p IPv6 --ip6-tclass ! 0x10 -j CONTINUE;OK
-p IPv6 ! --ip6-tclass 0x10;-p IPv6 --ip6-tclass ! 0x10 -j CONTINUE;OK
-p IPv6 --ip6-t 0x10;-p IPv6 --ip6-tclass 0x10 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp;-p IPv6 --ip6-proto tcp -j CONTINUE;OK
-p IPv6 --ip6-protocol udp;-p IPv6 --ip6-proto udp -j CONTINUE;OK
-p IPv6 --ip6-proto 58;-p IPv6 --ip6-proto ipv6-icmp -j CONTINUE;OK
-p IPv6 --ip6-proto icmpv6;-p IPv6 --ip6-proto ipv6-icmp -j CONTINUE;OK
-p IPv6 --ip6-proto 0;-p IPv6 --ip6-proto ip -j CONTINUE;OK
-p IPv6 --ip6-proto 255;-p IPv6 --ip6-proto 255 -j CONTINUE;OK
-p IPv6 --ip6-proto ! tcp;-p IPv6 --ip6-proto ! tcp -j CONTINUE;OK
-p IPv6 ! --ip6-proto tcp;-p IPv6 --ip6-proto ! tcp -j CONTINUE;OK
-p IPv6 --ip6-proto tcp --ip6-sport 80;-p IPv6 --ip6-proto tcp --ip6-sport 80 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp --ip6-source-port 80:90;-p IPv6 --ip6-proto tcp --ip6-sport 80:90 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp --ip6-sport :90;-p IPv6 --ip6-proto tcp --ip6-sport 0:90 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp --ip6-sport 80:;-p IPv6 --ip6-proto tcp --ip6-sport 80:65535 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp --ip6-sport ssh;-p IPv6 --ip6-proto tcp --ip6-sport 22 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp --ip6-sport ! 80;-p IPv6 --ip6-proto tcp --ip6-sport ! 80 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp ! --ip6-sport 80;-p IPv6 --ip6-proto tcp --ip6-sport ! 80 -j CONTINUE;OK
-p IPv6 --ip6-proto udp --ip6-dport 53;-p IPv6 --ip6-proto udp --ip6-dport 53 -j CONTINUE;OK
-p IPv6 --ip6-proto udp --ip6-destination-port 53;-p IPv6 --ip6-proto udp --ip6-dport 53 -j CONTINUE;OK
-p IPv6 --ip6-proto udp --ip6-dport ! 1:1023;-p IPv6 --ip6-proto udp --ip6-dport ! 1:1023 -j CONTINUE;OK
-p IPv6 --ip6-proto udp ! --ip6-dport 1:1023;-p IPv6 --ip6-proto udp --ip6-dport ! 1:1023 -j CONTINUE;OK
-p IPv6 --ip6-proto sctp --ip6-dport 5000;-p IPv6 --ip6-proto sctp --ip6-dport 5000 -j CONTINUE;OK
-p IPv6 --ip6-proto dccp --ip6-dport 5000;-p IPv6 --ip6-proto dccp --ip6-dport 5000 -j CONTINUE;OK
-p IPv6 --ip6-proto udplite --ip6-sport 5000;-p IPv6 --ip6-proto udplite --ip6-sport 5000 -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type echo-request;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type echo-request -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 128;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type echo-request -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type ping;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type echo-request -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type neighbor-solicitation;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type neighbour-solicitation -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type no-route;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type no-route -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 128/0;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 128/0 -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1/0:3;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1/0:3 -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1:4;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1:4/0:255 -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 255/255;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 255/255 -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type ! echo-reply;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type ! echo-reply -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp ! --ip6-icmp-type echo-reply;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type ! echo-reply -j CONTINUE;OK
-p IPv6 --ip6-src 2001:db8::1 --ip6-dst 2001:db8::2 --ip6-tclass 0x08 --ip6-proto tcp --ip6-sport 1:2 --ip6-dport 3:4 -j DROP;=;OK
-p IPv6 --ip6-dport 3:4 --ip6-sport 1:2 --ip6-proto tcp --ip6-tclass 0x08 --ip6-dst 2001:db8::2 --ip6-src 2001:db8::1;-p IPv6 --ip6-src 2001:db8::1 --ip6-dst 2001:db8::2 --ip6-tclass 0x08 --ip6-proto tcp --ip6-sport 1:2 --ip6-dport 3:4 -j CONTINUE;OK
-p IPv6 --ip6-src 2001:db8::g;;FAIL;host/network `2001:db8::g' not found
-p IPv6 --ip6-src 2001:db8::1/129;;FAIL;invalid mask `129' specified
-p IPv6 --ip6-src foo;;FAIL;host/network `foo' not found
-p IPv6 --ip6-tclass 256;;FAIL;Problem with specified IPv6 traffic class '256'
-p IPv6 --ip6-tclass foo;;FAIL;Problem with specified IPv6 traffic class 'foo'
-p IPv6 --ip6-proto 256;;FAIL;unknown protocol "256" specified
-p IPv6 --ip6-proto foo;;FAIL;unknown protocol "foo" specified
-p IPv6 --ip6-proto tcp --ip6-sport 90:80;;FAIL;invalid portrange (min > max)
-p IPv6 --ip6-proto tcp --ip6-sport 70000;;FAIL;invalid port/service `70000' specified
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 256;;FAIL;Unknown ICMPv6 type `256'
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type foo;;FAIL;Unknown ICMPv6 type `foo'
-p IPv6 --ip6-d 2001:db8::1;;FAIL;Unknown argument: '2001:db8::1'
-p IPv6 --ip6-src;;FAIL;Unknown argument: '(null)'
# the kernel refuses (RULE_APPEND failed, status 4):
# --ip6-src 2001:db8::1
# -p IPv4 --ip6-src 2001:db8::1
# -p IPv6 --ip6-dport 5000
# -p IPv6 --ip6-icmp-type 128
# more values, words and errors
-p IPv6 --ip6-tclass 010;-p IPv6 --ip6-tclass 0x08 -j CONTINUE;OK
-p IPv6 --ip6-tclass " 5";-p IPv6 --ip6-tclass 0x05 -j CONTINUE;OK
-p IPv6 --ip6-proto tcp --ip6-dport :;-p IPv6 --ip6-proto tcp --ip6-dport 0:65535 -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type beyond-scope;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type beyond-scope -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1/2;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type beyond-scope -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 130;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 130/0:255 -j CONTINUE;OK
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1:2/3:4;-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1:2/3:4 -j CONTINUE;OK
-p IPv6 --ip6-src ::1/ffff::;-p IPv6 --ip6-src ::/16 -j CONTINUE;OK
-p IPv6 --ip6-src bad/0;-p IPv6 --ip6-src ::/0 -j CONTINUE;OK
-p IPv6 --ip6-src 1.2.3.4;;FAIL;host/network `1.2.3.4' not found
-p IPv6 --ip6-src 2001:db8::1,2001:db8::2;;FAIL;host/network `2001:db8::1,2001:db8::2' not found
-p IPv6 --ip6-src 2001:db8::1/x;;FAIL;invalid mask `x' specified
-p IPv6 --ip6-tclass "";;FAIL;Problem with specified IPv6 traffic class ''
-p IPv6 --ip6-tclass -1;;FAIL;Problem with specified IPv6 traffic class '-1'
# 1.8.9 takes "5x" as 5: refused
-p IPv6 --ip6-tclass 5x;;FAIL;Problem with specified IPv6 traffic class '5x'
-p IPv6 --ip6-proto tcp --ip6-sport -1;;FAIL;invalid port/service `-1' specified
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type mld-listener-query;;FAIL;Unknown ICMPv6 type `mld-listener-query'
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1/x;;FAIL;Unknown ICMPv6 code `1/x'
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type 1/2x;;FAIL;unknown character x
-p IPv6 --ip6-proto ipv6-icmp --ip6-icmp-type n;;FAIL;Ambiguous ICMPv6 type `n': `no-route' or `neighbour-solicitation'?
-p IPv6 --ip6-proto tcp --ip6-proto udp;;FAIL;Multiple use of same option not allowed
-p IPv6 --ip6-tclass 1 --ip6-tclass 1;;FAIL;Multiple use of same option not allowed
-p IPv6 --ip6-src !;;FAIL;option "--ip6-src" requires an argument
