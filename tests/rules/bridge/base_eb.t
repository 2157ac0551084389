# ebtables base match: -p, -s, -d, -i, -o, --logical-in/--logical-out (native
# payload/meta compares) and the standard targets -j ACCEPT/DROP/RETURN/
# CONTINUE/chain (immediate verdict; CONTINUE writes nothing).
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-j ACCEPT;=;OK
-j DROP;=;OK
-j CONTINUE;=;OK
-j RETURN;=;OK
-j USERCHAIN;=;OK
-p IPv4;-p IPv4 -j CONTINUE;OK
-p ipv4;-p IPv4 -j CONTINUE;OK
-p ARP -j ACCEPT;=;OK
-p 800;-p IPv4 -j CONTINUE;OK
-p 86DD;-p IPv6 -j CONTINUE;OK
-p 0x1234;-p 0x1234 -j CONTINUE;OK
-p 0xffff;-p 0xffff -j CONTINUE;OK
-p 0x0601;-p 0x601 -j CONTINUE;OK
-p 1536;-p 0x1536 -j CONTINUE;OK
-p 8021q;-p 802_1Q -j CONTINUE;OK
-p LoWPAN;-p LoWPAN -j CONTINUE;OK
-p S-TAG;-p S-TAG -j CONTINUE;OK
-p ! IPv4;-p ! IPv4 -j CONTINUE;OK
! -p IPv4;-p ! IPv4 -j CONTINUE;OK
! -p ARP -j DROP;-p ! ARP -j DROP;OK
-p ! 0x9999;-p ! 0x9999 -j CONTINUE;OK
-p LENGTH;-p Length -j CONTINUE;OK
-p length;-p Length -j CONTINUE;OK
-p ! Length;-p ! Length -j CONTINUE;OK
! -p Length;-p ! Length -j CONTINUE;OK
--proto IPv6;-p IPv6 -j CONTINUE;OK
--protocol ARP;-p ARP -j CONTINUE;OK
--prot IPv4;-p IPv4 -j CONTINUE;OK
-s 00:11:22:33:44:55;-s 00:11:22:33:44:55 -j CONTINUE;OK
-s 0:1:2:3:4:5;-s 00:01:02:03:04:05 -j CONTINUE;OK
-s AA:BB:CC:DD:EE:FF;-s aa:bb:cc:dd:ee:ff -j CONTINUE;OK
-s aa:bb:cc:dd:ee:ff/ff:ff:ff:00:00:00;-s aa:bb:cc:00:00:00/ff:ff:ff:00:00:00 -j CONTINUE;OK
-s aa:bb:cc:dd:ee:ff/ff:ff:ff:ff:ff:ff;-s aa:bb:cc:dd:ee:ff -j CONTINUE;OK
-s aa:bb:cc:dd:ee:ff/ff:00:ff:00:ff:00;-s aa:00:cc:00:ee:00/ff:00:ff:00:ff:00 -j CONTINUE;OK
-s aa:bb:cc:dd:ee:ff/ff:ff:ff:ff:ff:fe;-s aa:bb:cc:dd:ee:fe/ff:ff:ff:ff:ff:fe -j CONTINUE;OK
-s aa:bb:cc:dd:ee:ff/80:00:00:00:00:00;-s 80:00:00:00:00:00/80:00:00:00:00:00 -j CONTINUE;OK
-s 1:2:3:4:5:6/0:0:0:0:0:1;-s 00:00:00:00:00:00/00:00:00:00:00:01 -j CONTINUE;OK
-s ! 00:11:22:33:44:55;-s ! 00:11:22:33:44:55 -j CONTINUE;OK
-s 00:11:22:33:44:55:66;;FAIL;Problem with specified source mac '00:11:22:33:44:55:66'
-d 00:11:22:33:44:55x;;FAIL;Problem with specified destination mac '00:11:22:33:44:55x'
-s 00:11:22:33:44:55/ff:ff:ff:ff:ff:ff:ff;;FAIL;Problem with specified source mac '00:11:22:33:44:55'
! -s 00:11:22:33:44:55;-s ! 00:11:22:33:44:55 -j CONTINUE;OK
-s Unicast;-s Unicast -j CONTINUE;OK
-s multicast;-s Multicast -j CONTINUE;OK
-s Broadcast;-s Broadcast -j CONTINUE;OK
-s BGA;-s BGA -j CONTINUE;OK
! -s Unicast;-s ! Unicast -j CONTINUE;OK
-s 01:00:00:00:00:00/01:00:00:00:00:00;-s Multicast -j CONTINUE;OK
-s 01:00:00:00:00:00/ff:00:00:00:00:00;-s 01:00:00:00:00:00/ff:00:00:00:00:00 -j CONTINUE;OK
--src 00:11:22:33:44:55;-s 00:11:22:33:44:55 -j CONTINUE;OK
--source 00:11:22:33:44:55;-s 00:11:22:33:44:55 -j CONTINUE;OK
--sour 00:11:22:33:44:55;-s 00:11:22:33:44:55 -j CONTINUE;OK
-d 01:80:c2:00:00:00;-d BGA -j CONTINUE;OK
-d ff:ff:ff:ff:ff:ff;-d Broadcast -j CONTINUE;OK
-d Multicast;-d Multicast -j CONTINUE;OK
-d 00:00:00:00:00:00;-d 00:00:00:00:00:00 -j CONTINUE;OK
-d ! ff:ff:ff:ff:ff:ff;-d ! Broadcast -j CONTINUE;OK
! -d 01:00:00:00:00:00/01:00:00:00:00:00;-d ! Multicast -j CONTINUE;OK
-s ! BGA -d ! Unicast;-s ! BGA -d ! Unicast -j CONTINUE;OK
--dst 00:11:22:33:44:55;-d 00:11:22:33:44:55 -j CONTINUE;OK
--destination 00:11:22:33:44:55;-d 00:11:22:33:44:55 -j CONTINUE;OK
-i eth0;-i eth0 -j CONTINUE;OK
-i eth+;-i eth+ -j CONTINUE;OK
# ours: 1.8.9 leaves a dangling "meta load" without a compare for "+"
# (interop.md 2.9, 3); xtnft writes nothing for it
-i +;-j CONTINUE;OK;ours
-i "";-j CONTINUE;OK
-i ! eth0;-i ! eth0 -j CONTINUE;OK
! -i eth0;-i ! eth0 -j CONTINUE;OK
-i ! eth+;-i ! eth+ -j CONTINUE;OK
-i eth*;-i eth* -j CONTINUE;OK
-i verylongname123;-i verylongname123 -j CONTINUE;OK
-o eth1;-o eth1 -j CONTINUE;OK
! -o br+;-o ! br+ -j CONTINUE;OK
# ours: as for "-i +"
-o +;-j CONTINUE;OK;ours
--in-if eth0;-i eth0 -j CONTINUE;OK
--in-interface eth0;-i eth0 -j CONTINUE;OK
--out-if eth0;-o eth0 -j CONTINUE;OK
--out-interface eth0;-o eth0 -j CONTINUE;OK
--in-i eth0;-i eth0 -j CONTINUE;OK
@filter:INPUT -i eth0 -j ACCEPT;=;OK
@filter:OUTPUT -o eth0 -j DROP;=;OK
-p IPv4 -s 00:11:22:33:44:55 -d ff:ff:ff:ff:ff:ff -i eth0 -o eth1 -j DROP;-p IPv4 -s 00:11:22:33:44:55 -d Broadcast -i eth0 -o eth1 -j DROP;OK
-j DROP -o eth1 -i eth0 -d ff:ff:ff:ff:ff:ff -s 00:11:22:33:44:55 -p IPv4;-p IPv4 -s 00:11:22:33:44:55 -d Broadcast -i eth0 -o eth1 -j DROP;OK
--jump ACCEPT;-j ACCEPT;OK
# -c sets the new rule's counters (the payload shows them); save leaves them out
-c 5 10 -j ACCEPT;-j ACCEPT;OK
-p 0x05ff;;FAIL;Sorry, protocols have values above or equal to 0x0600
-p 0;;FAIL;Sorry, protocols have values above or equal to 0x0600
-p foo;;FAIL;Problem with the specified Ethernet protocol 'foo', perhaps /etc/ethertypes is missing
-p 0x10000;;FAIL;Problem with the specified protocol
-p -1;;FAIL;Problem with the specified protocol
-p 65535;;FAIL;Problem with the specified protocol
-p 0x800x;;FAIL;Problem with the specified Ethernet protocol '0x800x', perhaps /etc/ethertypes is missing
-p;;FAIL;Unknown argument: '(null)'
-p ! ! IPv4;;FAIL;Problem with the specified Ethernet protocol '!', perhaps /etc/ethertypes is missing
! -p ! IPv4;;FAIL;Double use of '!' not allowed
-p IPv4 -p ARP;;FAIL;Multiple use of same option not allowed
-s 00:11:22:33:44;;FAIL;Problem with specified source mac '00:11:22:33:44'
-s 00:11:22:33:44:gg;;FAIL;Problem with specified source mac '00:11:22:33:44:gg'
-s 00:11:22:33:44:55/ff;;FAIL;Problem with specified source mac '00:11:22:33:44:55'
-s 00:11:22:33:44:55/24;;FAIL;Problem with specified source mac '00:11:22:33:44:55'
-s 00:11:22:33:44:55/;;FAIL;Problem with specified source mac '00:11:22:33:44:55'
-s /ff:ff:ff:ff:ff:ff;;FAIL;Problem with specified source mac ''
-s foo;;FAIL;Problem with specified source mac 'foo'
-s 00:11:22:33:44:55 -s 00:11:22:33:44:56;;FAIL;Multiple use of same option not allowed
-i verylongname1234;;FAIL;interface name `verylongname1234' must be shorter than IFNAMSIZ (15)
-i a -i b;;FAIL;Multiple use of same option not allowed
--in eth0;;FAIL;Unknown argument: 'eth0'
--logical-in verylongname1234;;FAIL;interface name `verylongname1234' must be shorter than IFNAMSIZ (15)
--logical-out a --logical-out b;;FAIL;Multiple use of same option not allowed
--logical-in;;FAIL;Unknown argument: '(null)'
# -j FOO and -j accept ("Chain 'FOO' does not exist") are refused when the
# command runs, not by the parser: tests/diff/corpus-eb.txt has them
-j ACCEPT -j DROP;;FAIL;Multiple use of same option not allowed
--bogus;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: the kernel is asked for "-p 0x0600" (cmp eq 0x0600) but save
# prints "-p Length", which reads back as cmp lt 0x0600
# -p 0x0600;-p Length -j CONTINUE;OK
# -p 0x600;-p Length -j CONTINUE;OK
# 1.8.9 bug: a MAC with more than six groups or a three-digit group is cut
# to its first six groups / two digits without a word
# -s 00:11:22:33:44:55:66;-s 00:11:22:33:44:55 -j CONTINUE;OK
# -s 00:11:22:33:44:555;-s 00:11:22:33:44:55 -j CONTINUE;OK
# -s 00:11:22:33:44:55/ff:ff:ff:ff:ff:ff:ff;-s 00:11:22:33:44:55 -j CONTINUE;OK
# 1.8.9 bug: "-i !" crashes (SIGSEGV, status 139)
# -i !
# 1.8.9 bug: "! -o +" / "-i ! +" (never match) write the interface name
# "INVAL/D" and ebtables-save then crashes (SIGSEGV) on the rule
# ! -o +
# -i ! +
# 1.8.9 not a fixed point: a blank in an interface name is saved unquoted
# -i "a b";-i a b -j CONTINUE;OK
# the kernel refuses (RULE_APPEND failed, status 4):
# an all-zero mask (a zero-length payload load)
# -s aa:bb:cc:dd:ee:ff/00:00:00:00:00:00
# --logical-in/--logical-out: this kernel lacks CONFIG_NFT_BRIDGE_META
# (Operation not supported); they load meta BRI_IIFNAME (17) / BRI_OIFNAME (18)
# --logical-in br0
# --logical-out ! br+
# 1.8.9 bug: a "!" before -j, or one that nothing follows, is dropped
# ! -j ACCEPT;-j ACCEPT;OK
# ! -j ACCEPT -p IPv4;-p IPv4 -j ACCEPT;OK
# -p IPv4 !;-p IPv4 -j CONTINUE;OK
