# --arp-opcode/--arp-op, --arp-htype, --arp-ptype, --arp-ip-src/-dst,
# --arp-mac-src/-dst, --arp-gratuitous: compat match "arp" rev 0 (struct
# ebt_arp_info); the kernel wants -p ARP or -p RARP.  Save spells the
# opcode by name when it has one (--arp-op NAME), the hardware type in
# decimal and the protocol type in hex.
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-p ARP --arp-opcode 1;-p ARP --arp-op Request -j CONTINUE;OK
-p ARP --arp-opcode Request;-p ARP --arp-op Request -j CONTINUE;OK
-p ARP --arp-opcode reply;-p ARP --arp-op Reply -j CONTINUE;OK
-p ARP --arp-opcode ARP_NAK;-p ARP --arp-op ARP_NAK -j CONTINUE;OK
-p ARP --arp-opcode InARP_Request;-p ARP --arp-op InARP_Request -j CONTINUE;OK
-p RARP --arp-opcode 3;-p RARP --arp-op Request_Reverse -j CONTINUE;OK
-p ARP --arp-opcode 10;-p ARP --arp-op 10 -j CONTINUE;OK
-p ARP --arp-opcode 0;-p ARP --arp-op 0 -j CONTINUE;OK
-p ARP --arp-opcode 65535;-p ARP --arp-op 65535 -j CONTINUE;OK
-p ARP --arp-opcode ! 1;-p ARP --arp-op ! Request -j CONTINUE;OK
-p ARP ! --arp-opcode Reply;-p ARP --arp-op ! Reply -j CONTINUE;OK
-p ARP --arp-op 2;-p ARP --arp-op Reply -j CONTINUE;OK
-p ARP --arp-o 1;-p ARP --arp-op Request -j CONTINUE;OK
-p ARP --arp-htype 1;-p ARP --arp-htype 1 -j CONTINUE;OK
-p ARP --arp-htype Ethernet;-p ARP --arp-htype 1 -j CONTINUE;OK
-p ARP --arp-htype 0;-p ARP --arp-htype 0 -j CONTINUE;OK
-p ARP --arp-htype 65535;-p ARP --arp-htype 65535 -j CONTINUE;OK
-p ARP --arp-htype ! 6;-p ARP --arp-htype ! 6 -j CONTINUE;OK
-p ARP ! --arp-htype Ethernet;-p ARP --arp-htype ! 1 -j CONTINUE;OK
-p ARP --arp-h 1;-p ARP --arp-htype 1 -j CONTINUE;OK
-p ARP --arp-ptype 0x0800;-p ARP --arp-ptype 0x800 -j CONTINUE;OK
-p ARP --arp-ptype IPv4;-p ARP --arp-ptype 0x800 -j CONTINUE;OK
-p ARP --arp-ptype 800;-p ARP --arp-ptype 0x800 -j CONTINUE;OK
-p ARP --arp-ptype 0x86dd;-p ARP --arp-ptype 0x86dd -j CONTINUE;OK
-p ARP --arp-ptype ! IPv4;-p ARP --arp-ptype ! 0x800 -j CONTINUE;OK
-p ARP ! --arp-ptype 0x1234;-p ARP --arp-ptype ! 0x1234 -j CONTINUE;OK
-p ARP --arp-ip-src 1.2.3.4;-p ARP --arp-ip-src 1.2.3.4 -j CONTINUE;OK
-p ARP --arp-ip-src 1.2.3.4/24;-p ARP --arp-ip-src 1.2.3.0/24 -j CONTINUE;OK
-p ARP --arp-ip-src 1.2.3.4/255.0.255.0;-p ARP --arp-ip-src 1.0.3.0/255.0.255.0 -j CONTINUE;OK
-p ARP --arp-ip-src 1.2.3.4/32;-p ARP --arp-ip-src 1.2.3.4 -j CONTINUE;OK
-p ARP --arp-ip-src 1.2.3.4/0;-p ARP --arp-ip-src 0.0.0.0/0 -j CONTINUE;OK
-p ARP --arp-ip-src 1.2.3;-p ARP --arp-ip-src 1.2.3.0 -j CONTINUE;OK
-p ARP --arp-ip-src ! 1.2.3.4;-p ARP --arp-ip-src ! 1.2.3.4 -j CONTINUE;OK
-p ARP ! --arp-ip-src 1.2.3.4;-p ARP --arp-ip-src ! 1.2.3.4 -j CONTINUE;OK
-p ARP --arp-ip-dst ! 10.0.0.0/8;-p ARP --arp-ip-dst ! 10.0.0.0/8 -j CONTINUE;OK
-p ARP ! --arp-ip-dst 10.0.0.0/8;-p ARP --arp-ip-dst ! 10.0.0.0/8 -j CONTINUE;OK
-p ARP --arp-ip-s 1.2.3.4;-p ARP --arp-ip-src 1.2.3.4 -j CONTINUE;OK
-p ARP --arp-mac-src 00:11:22:33:44:55;-p ARP --arp-mac-src 00:11:22:33:44:55 -j CONTINUE;OK
-p ARP --arp-mac-src 00:11:22:33:44:55/ff:ff:ff:00:00:00;-p ARP --arp-mac-src 00:11:22:00:00:00/ff:ff:ff:00:00:00 -j CONTINUE;OK
-p ARP --arp-mac-src Broadcast;-p ARP --arp-mac-src ff:ff:ff:ff:ff:ff -j CONTINUE;OK
-p ARP --arp-mac-src Multicast;-p ARP --arp-mac-src 01:00:00:00:00:00/01:00:00:00:00:00 -j CONTINUE;OK
-p ARP --arp-mac-src ! 00:11:22:33:44:55;-p ARP --arp-mac-src ! 00:11:22:33:44:55 -j CONTINUE;OK
-p ARP ! --arp-mac-dst 00:11:22:33:44:55;-p ARP --arp-mac-dst ! 00:11:22:33:44:55 -j CONTINUE;OK
-p ARP --arp-mac-dst BGA;-p ARP --arp-mac-dst 01:80:c2:00:00:00 -j CONTINUE;OK
-p ARP --arp-gratuitous;-p ARP --arp-gratuitous -j CONTINUE;OK
-p ARP ! --arp-gratuitous;-p ARP ! --arp-gratuitous -j CONTINUE;OK
-p ARP --arp-g;-p ARP --arp-gratuitous -j CONTINUE;OK
-p ARP --arp-opcode 1 --arp-htype 1 --arp-ptype 0x0800 --arp-ip-src 1.2.3.4 --arp-ip-dst 5.6.7.8 --arp-mac-src 00:11:22:33:44:55 --arp-mac-dst 66:77:88:99:aa:bb --arp-gratuitous -j ACCEPT;-p ARP --arp-op Request --arp-htype 1 --arp-ptype 0x800 --arp-ip-src 1.2.3.4 --arp-ip-dst 5.6.7.8 --arp-mac-src 00:11:22:33:44:55 --arp-mac-dst 66:77:88:99:aa:bb --arp-gratuitous -j ACCEPT;OK
-p ARP --arp-gratuitous --arp-mac-dst 66:77:88:99:aa:bb --arp-mac-src 00:11:22:33:44:55 --arp-ip-dst 5.6.7.8 --arp-ip-src 1.2.3.4 --arp-ptype 0x0800 --arp-htype 1 --arp-opcode 1;-p ARP --arp-op Request --arp-htype 1 --arp-ptype 0x800 --arp-ip-src 1.2.3.4 --arp-ip-dst 5.6.7.8 --arp-mac-src 00:11:22:33:44:55 --arp-mac-dst 66:77:88:99:aa:bb --arp-gratuitous -j CONTINUE;OK
-p ARP --arp-opcode 65536;;FAIL;Problem with specified ARP opcode
-p ARP --arp-opcode foo;;FAIL;Problem with specified ARP opcode
-p ARP --arp-opcode 1 --arp-opcode 2;;FAIL;Multiple use of same option not allowed
-p ARP --arp-htype 65536;;FAIL;Problem with specified ARP hardware type
-p ARP --arp-htype foo;;FAIL;Problem with specified ARP hardware type
-p ARP --arp-ptype foo;;FAIL;Problem with specified ARP protocol type
-p ARP --arp-ptype 0x10000;;FAIL;Problem with specified ARP protocol type
-p ARP --arp-ip-src 1.2.3.400;;FAIL;host/network `1.2.3.400' not found
-p ARP --arp-ip-src 1.2.3.4/33;;FAIL;invalid mask `33' specified
-p ARP --arp-ip-src foo;;FAIL;host/network `foo' not found
-p ARP --arp-mac-dst foo;;FAIL;Problem with ARP MAC address argument
-p ARP --arp-mac-src 00:11:22:33:44;;FAIL;Problem with ARP MAC address argument
-p ARP --arp-opcode;;FAIL;Unknown argument: '(null)'
# the kernel refuses (RULE_APPEND failed, status 4) without -p ARP/RARP
# --arp-opcode 1
# -p IPv4 --arp-opcode 1
# -p ! ARP --arp-opcode 1
# 1.8.9 drops a "!" after --arp-gratuitous (no argument): refused
-p ARP --arp-gratuitous !;;FAIL;nothing appropriate following !
# more values, words and errors
-p RARP --arp-op 3;-p RARP --arp-op Request_Reverse -j CONTINUE;OK
-p ARP --arp-op arp_nak;-p ARP --arp-op ARP_NAK -j CONTINUE;OK
-p ARP --arp-op 0;-p ARP --arp-op 0 -j CONTINUE;OK
-p ARP --arp-op 10;-p ARP --arp-op 10 -j CONTINUE;OK
-p ARP --arp-op " 2";-p ARP --arp-op Reply -j CONTINUE;OK
-p ARP --arp-htype ethernet;-p ARP --arp-htype 1 -j CONTINUE;OK
-p ARP --arp-htype 65535;-p ARP --arp-htype 65535 -j CONTINUE;OK
-p ARP --arp-ptype ipv6;-p ARP --arp-ptype 0x86dd -j CONTINUE;OK
-p ARP --arp-ptype 800;-p ARP --arp-ptype 0x800 -j CONTINUE;OK
-p ARP --arp-ip-dst 10.1;-p ARP --arp-ip-dst 10.1.0.0 -j CONTINUE;OK
-p ARP --arp-mac-src unicast;-p ARP --arp-mac-src 00:00:00:00:00:00/01:00:00:00:00:00 -j CONTINUE;OK
-p ARP --arp-mac-src 0:1:2:a:B:c;-p ARP --arp-mac-src 00:01:02:0a:0b:0c -j CONTINUE;OK
-p ARP --arp-op 0x10;;FAIL;Problem with specified ARP opcode
-p ARP --arp-op -1;;FAIL;Problem with specified ARP opcode
-p ARP --arp-op 1x;;FAIL;Problem with specified ARP opcode
-p ARP --arp-htype -1;;FAIL;Problem with specified ARP hardware type
-p ARP --arp-ptype -1;;FAIL;Problem with specified ARP protocol type
-p ARP --arp-ip-src 1.2.3.4,5.6.7.8;;FAIL;host/network `1.2.3.4,5.6.7.8' not found
-p ARP --arp-ip-dst 1.2.3.4/x;;FAIL;invalid mask `x' specified
-p ARP --arp-mac-src 00:11:22:33:44:55/ff;;FAIL;Problem with ARP MAC address argument
-p ARP --arp-op 1 --arp-op 1;;FAIL;Multiple use of same option not allowed
-p ARP --arp-gratuitous --arp-gratuitous;;FAIL;Multiple use of same option not allowed
-p ARP --arp-ip-src 1.1.1.1 --arp-ip-src 2.2.2.2;;FAIL;Multiple use of same option not allowed
# 1.8.9 stores an empty value as 0: refused
-p ARP --arp-op "";;FAIL;Problem with specified ARP opcode
-p ARP --arp-htype "";;FAIL;Problem with specified ARP hardware type
-p ARP --arp-ptype "";;FAIL;Problem with specified ARP protocol type
# 1.8.9 ignores what follows the six bytes of a MAC: refused
-p ARP --arp-mac-src 00:11:22:33:44:55:66;;FAIL;Problem with ARP MAC address argument
-p ARP --arp-mac-dst 00:11:22:33:44:55/ff:ff:ff:ff:ff:00:77;;FAIL;Problem with ARP MAC address argument
-p ARP --arp-mac-dst 00:11:22:33:44:55xyz;;FAIL;Problem with ARP MAC address argument
