# --ip-src/--ip-source, --ip-dst/--ip-destination, --ip-tos, --ip-proto/
# --ip-protocol, --ip-sport/--ip-source-port, --ip-dport/
# --ip-destination-port, --ip-icmp-type, --ip-igmp-type: compat match "ip"
# rev 0 (struct ebt_ip_info); the kernel wants -p IPv4, and --ip-proto
# tcp/udp/udplite/dccp/sctp for ports, icmp for --ip-icmp-type, igmp for
# --ip-igmp-type.  A repeated option is refused (1.8.9: the last one counts).
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-p IPv4 --ip-src 1.2.3.4;-p IPv4 --ip-src 1.2.3.4 -j CONTINUE;OK
-p IPv4 --ip-source 1.2.3.4;-p IPv4 --ip-src 1.2.3.4 -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3.4/24;-p IPv4 --ip-src 1.2.3.0/24 -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3.4/32;-p IPv4 --ip-src 1.2.3.4 -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3.4/0;-p IPv4 --ip-src 0.0.0.0/0 -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3.4/255.0.255.0;-p IPv4 --ip-src 1.0.3.0/255.0.255.0 -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3;-p IPv4 --ip-src 1.2.3.0 -j CONTINUE;OK
-p IPv4 --ip-src ! 1.2.3.4;-p IPv4 --ip-src ! 1.2.3.4 -j CONTINUE;OK
-p IPv4 ! --ip-src 1.2.3.4;-p IPv4 --ip-src ! 1.2.3.4 -j CONTINUE;OK
-p IPv4 --ip-destination 10.0.0.0/8;-p IPv4 --ip-dst 10.0.0.0/8 -j CONTINUE;OK
-p IPv4 --ip-dst ! 10.0.0.0/8;-p IPv4 --ip-dst ! 10.0.0.0/8 -j CONTINUE;OK
-p IPv4 ! --ip-dst 10.0.0.0/8;-p IPv4 --ip-dst ! 10.0.0.0/8 -j CONTINUE;OK
# 1.8.9 lets the last of a repeated option win: refused
-p IPv4 --ip-src 1.2.3.4 --ip-src 1.2.3.5;;FAIL;Multiple use of same option not allowed
-p IPv4 --ip-sr 1.2.3.4;-p IPv4 --ip-src 1.2.3.4 -j CONTINUE;OK
-p IPv4 --ip-tos 0x10;-p IPv4 --ip-tos 0x10 -j CONTINUE;OK
-p IPv4 --ip-tos 0;-p IPv4 --ip-tos 0x00 -j CONTINUE;OK
-p IPv4 --ip-tos 255;-p IPv4 --ip-tos 0xFF -j CONTINUE;OK
-p IPv4 --ip-tos ! 0x10;-p IPv4 --ip-tos ! 0x10 -j CONTINUE;OK
-p IPv4 ! --ip-tos 0x10;-p IPv4 --ip-tos ! 0x10 -j CONTINUE;OK
-p IPv4 --ip-proto tcp;-p IPv4 --ip-proto tcp -j CONTINUE;OK
-p IPv4 --ip-protocol udp;-p IPv4 --ip-proto udp -j CONTINUE;OK
-p IPv4 --ip-proto 47;-p IPv4 --ip-proto gre -j CONTINUE;OK
-p IPv4 --ip-proto 0;-p IPv4 --ip-proto ip -j CONTINUE;OK
-p IPv4 --ip-proto 255;-p IPv4 --ip-proto 255 -j CONTINUE;OK
-p IPv4 --ip-proto TCP;-p IPv4 --ip-proto tcp -j CONTINUE;OK
-p IPv4 --ip-proto ! tcp;-p IPv4 --ip-proto ! tcp -j CONTINUE;OK
-p IPv4 ! --ip-proto tcp;-p IPv4 --ip-proto ! tcp -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-sport 80;-p IPv4 --ip-proto tcp --ip-sport 80 -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-source-port 80:90;-p IPv4 --ip-proto tcp --ip-sport 80:90 -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-sport :90;-p IPv4 --ip-proto tcp --ip-sport 0:90 -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-sport 80:;-p IPv4 --ip-proto tcp --ip-sport 80:65535 -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-sport http;-p IPv4 --ip-proto tcp --ip-sport 80 -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-sport ! 80;-p IPv4 --ip-proto tcp --ip-sport ! 80 -j CONTINUE;OK
-p IPv4 --ip-proto tcp ! --ip-sport 80;-p IPv4 --ip-proto tcp --ip-sport ! 80 -j CONTINUE;OK
-p IPv4 --ip-proto udp --ip-dport 53;-p IPv4 --ip-proto udp --ip-dport 53 -j CONTINUE;OK
-p IPv4 --ip-proto udp --ip-destination-port 53;-p IPv4 --ip-proto udp --ip-dport 53 -j CONTINUE;OK
-p IPv4 --ip-proto udp --ip-dport ! 1:1023;-p IPv4 --ip-proto udp --ip-dport ! 1:1023 -j CONTINUE;OK
-p IPv4 --ip-proto udp ! --ip-dport 1:1023;-p IPv4 --ip-proto udp --ip-dport ! 1:1023 -j CONTINUE;OK
-p IPv4 --ip-proto sctp --ip-dport 5000;-p IPv4 --ip-proto sctp --ip-dport 5000 -j CONTINUE;OK
-p IPv4 --ip-proto dccp --ip-dport 5000;-p IPv4 --ip-proto dccp --ip-dport 5000 -j CONTINUE;OK
-p IPv4 --ip-proto udplite --ip-sport 5000;-p IPv4 --ip-proto udplite --ip-sport 5000 -j CONTINUE;OK
-p IPv4 --ip-dport 5000 --ip-proto 132;-p IPv4 --ip-proto sctp --ip-dport 5000 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type echo-request;-p IPv4 --ip-proto icmp --ip-icmp-type echo-request -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 8;-p IPv4 --ip-proto icmp --ip-icmp-type echo-request -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type ping;-p IPv4 --ip-proto icmp --ip-icmp-type echo-request -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type port-unreachable;-p IPv4 --ip-proto icmp --ip-icmp-type port-unreachable -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 8/0;-p IPv4 --ip-proto icmp --ip-icmp-type 8/0 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 3/1:3;-p IPv4 --ip-proto icmp --ip-icmp-type 3/1:3 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 1:3;-p IPv4 --ip-proto icmp --ip-icmp-type 1:3/0:255 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 255/255;-p IPv4 --ip-proto icmp --ip-icmp-type 255/255 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type ! echo-reply;-p IPv4 --ip-proto icmp --ip-icmp-type ! echo-reply -j CONTINUE;OK
-p IPv4 --ip-proto icmp ! --ip-icmp-type echo-reply;-p IPv4 --ip-proto icmp --ip-icmp-type ! echo-reply -j CONTINUE;OK
-p IPv4 --ip-proto igmp --ip-igmp-type membership-query;-p IPv4 --ip-proto igmp --ip-igmp-type membership-query -j CONTINUE;OK
-p IPv4 --ip-proto igmp --ip-igmp-type 0x11;-p IPv4 --ip-proto igmp --ip-igmp-type membership-query -j CONTINUE;OK
-p IPv4 --ip-proto igmp --ip-igmp-type 34;-p IPv4 --ip-proto igmp --ip-igmp-type membership-report-v3 -j CONTINUE;OK
-p IPv4 --ip-proto igmp --ip-igmp-type ! leave-group;-p IPv4 --ip-proto igmp --ip-igmp-type ! leave-group -j CONTINUE;OK
-p IPv4 --ip-proto igmp ! --ip-igmp-type leave-group;-p IPv4 --ip-proto igmp --ip-igmp-type ! leave-group -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3.4 --ip-dst 5.6.7.8 --ip-tos 0x08 --ip-proto tcp --ip-sport 1:2 --ip-dport 3:4 -j DROP;=;OK
-p IPv4 --ip-dport 3:4 --ip-sport 1:2 --ip-proto tcp --ip-tos 0x08 --ip-dst 5.6.7.8 --ip-src 1.2.3.4;-p IPv4 --ip-src 1.2.3.4 --ip-dst 5.6.7.8 --ip-tos 0x08 --ip-proto tcp --ip-sport 1:2 --ip-dport 3:4 -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3.400;;FAIL;host/network `1.2.3.400' not found
-p IPv4 --ip-src 1.2.3.4/33;;FAIL;invalid mask `33' specified
-p IPv4 --ip-src foo;;FAIL;host/network `foo' not found
-p IPv4 --ip-tos 256;;FAIL;Problem with specified IP tos
-p IPv4 --ip-tos foo;;FAIL;Problem with specified IP tos
-p IPv4 --ip-proto 256;;FAIL;unknown protocol "256" specified
-p IPv4 --ip-proto foo;;FAIL;unknown protocol "foo" specified
-p IPv4 --ip-proto tcp --ip-sport 90:80;;FAIL;invalid portrange (min > max)
-p IPv4 --ip-proto tcp --ip-sport 70000;;FAIL;invalid port/service `70000' specified
-p IPv4 --ip-proto tcp --ip-sport foo;;FAIL;invalid port/service `foo' specified
-p IPv4 --ip-proto icmp --ip-icmp-type 256;;FAIL;Unknown ICMP type `256'
-p IPv4 --ip-proto icmp --ip-icmp-type foo;;FAIL;Unknown ICMP type `foo'
-p IPv4 --ip-proto igmp --ip-igmp-type foo;;FAIL;Unknown IGMP type `foo'
-p IPv4 --ip-d 1.2.3.4;;FAIL;Unknown argument: '1.2.3.4'
-p IPv4 --ip-src;;FAIL;Unknown argument: '(null)'
# 1.8.9 not a fixed point: an igmp type range is saved without the blank
# before the next option ("--ip-igmp-type 17:18-j CONTINUE")
# xtnft prints the blank (a deliberate difference)
-p IPv4 --ip-proto igmp --ip-igmp-type 17:18;-p IPv4 --ip-proto igmp --ip-igmp-type 17:18 -j CONTINUE;OK
# the kernel refuses (RULE_APPEND failed, status 4):
# --ip-src 1.2.3.4
# -p ! IPv4 --ip-src 1.2.3.4
# -p IPv4 --ip-dport 5000
# -p IPv4 --ip-proto icmp --ip-dport 5000
# -p IPv4 --ip-icmp-type 8
# -p IPv4 --ip-proto tcp --ip-icmp-type 8
# more values, words and errors
-p IPv4 --ip-src 10.1.2.3;-p IPv4 --ip-src 10.1.2.3 -j CONTINUE;OK
-p IPv4 --ip-source 10.1.2.3/24;-p IPv4 --ip-src 10.1.2.0/24 -j CONTINUE;OK
-p IPv4 --ip-src ! 10.1.2.3/255.0.255.0 -j DROP;-p IPv4 --ip-src ! 10.0.2.0/255.0.255.0 -j DROP;OK
-p IPv4 ! --ip-src 10.1.2.3/32;-p IPv4 --ip-src ! 10.1.2.3 -j CONTINUE;OK
-p IPv4 --ip-src 10.1.2.3/0;-p IPv4 --ip-src 0.0.0.0/0 -j CONTINUE;OK
-p IPv4 --ip-src 10.1;-p IPv4 --ip-src 10.1.0.0 -j CONTINUE;OK
-p IPv4 --ip-dst 192.168.0.0/16 -j ACCEPT;=;OK
-p IPv4 --ip-destination ! 192.168.0.1;-p IPv4 --ip-dst ! 192.168.0.1 -j CONTINUE;OK
-p IPv4 --ip-tos ! 255;-p IPv4 --ip-tos ! 0xFF -j CONTINUE;OK
-p IPv4 --ip-tos 010;-p IPv4 --ip-tos 0x08 -j CONTINUE;OK
-p IPv4 --ip-protocol ! 17;-p IPv4 --ip-proto ! udp -j CONTINUE;OK
-p IPv4 --ip-proto all;-p IPv4 --ip-proto ip -j CONTINUE;OK
-p IPv4 --ip-proto 253;-p IPv4 --ip-proto 253 -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-source-port ! 20:30;-p IPv4 --ip-proto tcp --ip-sport ! 20:30 -j CONTINUE;OK
-p IPv4 --ip-proto udp --ip-dport :1023;-p IPv4 --ip-proto udp --ip-dport 0:1023 -j CONTINUE;OK
-p IPv4 --ip-proto udp --ip-destination-port 1024:;-p IPv4 --ip-proto udp --ip-dport 1024:65535 -j CONTINUE;OK
-p IPv4 --ip-proto tcp --ip-dport https;-p IPv4 --ip-proto tcp --ip-dport 443 -j CONTINUE;OK
-p IPv4 --ip-proto tcp ! --ip-sport 1 --ip-dport 2:2;-p IPv4 --ip-proto tcp --ip-sport ! 1 --ip-dport 2 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type ! port-unr;-p IPv4 --ip-proto icmp --ip-icmp-type ! port-unreachable -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 3;-p IPv4 --ip-proto icmp --ip-icmp-type destination-unreachable -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 3/3;-p IPv4 --ip-proto icmp --ip-icmp-type port-unreachable -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 3/1:4;-p IPv4 --ip-proto icmp --ip-icmp-type 3/1:4 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 3:5/1;-p IPv4 --ip-proto icmp --ip-icmp-type 3:5/1 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 3:5;-p IPv4 --ip-proto icmp --ip-icmp-type 3:5/0:255 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type 50;-p IPv4 --ip-proto icmp --ip-icmp-type 50/0:255 -j CONTINUE;OK
-p IPv4 --ip-proto icmp --ip-icmp-type any;-p IPv4 --ip-proto icmp --ip-icmp-type any -j CONTINUE;OK
-p IPv4 --ip-proto igmp --ip-igmp-type ! leave;-p IPv4 --ip-proto igmp --ip-igmp-type ! leave-group -j CONTINUE;OK
-p IPv4 --ip-proto igmp --ip-igmp-type 0x22;-p IPv4 --ip-proto igmp --ip-igmp-type membership-report-v3 -j CONTINUE;OK
-p IPv4 --ip-src 1.2.3.4 --ip-dst 5.6.7.8 --ip-tos 1 --ip-proto 6 --ip-sport 1 --ip-dport 2 -j ACCEPT;-p IPv4 --ip-src 1.2.3.4 --ip-dst 5.6.7.8 --ip-tos 0x01 --ip-proto tcp --ip-sport 1 --ip-dport 2 -j ACCEPT;OK
--ip-dport 2 --ip-proto 6 -p IPv4 --ip-dst 5.6.7.8;-p IPv4 --ip-dst 5.6.7.8 --ip-proto tcp --ip-dport 2 -j CONTINUE;OK
-p IPv4 --ip-src bad;;FAIL;host/network `bad' not found
-p IPv4 --ip-src 1.2.3.4,5.6.7.8;;FAIL;host/network `1.2.3.4,5.6.7.8' not found
-p IPv4 --ip-dst 1.2.3.4/x;;FAIL;invalid mask `x' specified
-p IPv4 --ip-tos -1;;FAIL;Problem with specified IP tos
-p IPv4 --ip-tos x;;FAIL;Problem with specified IP tos
-p IPv4 --ip-sport 65536;;FAIL;invalid port/service `65536' specified
-p IPv4 --ip-dport 30:20;;FAIL;invalid portrange (min > max)
-p IPv4 --ip-dport nosuchservice;;FAIL;invalid port/service `nosuchservice' specified
-p IPv4 --ip-icmp-type bogus;;FAIL;Unknown ICMP type `bogus'
-p IPv4 --ip-icmp-type 256;;FAIL;Unknown ICMP type `256'
-p IPv4 --ip-icmp-type p;;FAIL;Ambiguous ICMP type `p': `pong' or `protocol-unreachable'?
-p IPv4 --ip-icmp-type 3/x;;FAIL;Unknown ICMP code `3/x'
-p IPv4 --ip-icmp-type 3/2x;;FAIL;unknown character x
-p IPv4 --ip-icmp-type 3x;;FAIL;unknown character x
-p IPv4 --ip-igmp-type foo;;FAIL;Unknown IGMP type `foo'
-p IPv4 --ip-igmp-type 17x;;FAIL;unknown character x
-p IPv4 --ip-igmp-type 17/3;;FAIL;unknown character /
-p IPv4 --ip-src 1.2.3.4 --ip-src 5.6.7.8;;FAIL;Multiple use of same option not allowed
-p IPv4 --ip-src 1.2.3.4 --ip-source 5.6.7.8;;FAIL;Multiple use of same option not allowed
-p IPv4 --ip-proto tcp --ip-proto udp;;FAIL;Multiple use of same option not allowed
-p IPv4 --ip-src !;;FAIL;option "--ip-src" requires an argument
-p IPv4 --ip-dst ! !;;FAIL;host/network `!' not found
