# arptables base match and standard targets: -s/-d (--source-ip/
# --destination-ip), --source-mac/--destination-mac, -i/-o, --opcode,
# --h-type, --proto-type, --h-length (-l); -j ACCEPT/DROP/RETURN/chain.
# Every rule starts with the implicit "--h-type 1 --h-length 6" compares and
# "protocol length 4" (interop.md 3.2), which save leaves out.  1.8.9 reads
# a mask after --opcode/--h-type/--proto-type/--h-length and drops it.
# --opcode: names or decimal; --h-type: hex (with or without 0x), saved in
# decimal; --proto-type: strtol base 0, saved in hex.  -p is taken and
# ignored; there is no -m, -g or CONTINUE.
# Rules go to filter INPUT (or "@filter:CHAIN") with arptables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what arptables-nft-save prints
# after "-A CHAIN " (the target comes first, then the base match, then the
# target's options; empty when everything is default); "=" when identical
# to the args.  FAIL messages: stderr's first line after "arptables v1.8.9
# (nf_tables): ", up to the "Try `arptables -h'..." line (\n marks a
# newline of the message itself); a message without that prefix is the
# whole first line.  An intrapositioned "!" ("-s ! ADDR") makes 1.8.9 print
# "Using intrapositioned negation (`--option ! this`) is deprecated in favor
# of extrapositioned (`! --option this`)." to stderr first, also when the
# rule is accepted; that warning line is not part of a FAIL message.
# "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-j ACCEPT;=;OK
-j DROP;=;OK
-j RETURN;=;OK
-j USERCHAIN;=;OK
-s 1.2.3.4;=;OK
-s 1.2.3.4/24;-s 1.2.3.0/24;OK
-s 1.2.3.4/32;-s 1.2.3.4;OK
-s 1.2.3.4/255.0.255.0;-s 1.0.3.0/255.0.255.0;OK
-s 1.2.3.4/0;;OK
-s 10;-s 10.0.0.0;OK
-s ! 1.2.3.4;! -s 1.2.3.4;OK
! -s 1.2.3.4;=;OK
--source-ip 1.2.3.4;-s 1.2.3.4;OK
--src-ip 1.2.3.4;-s 1.2.3.4;OK
-d 10.0.0.0/8;=;OK
-d ! 10.0.0.0/8;! -d 10.0.0.0/8;OK
! -d 10.0.0.0/8;=;OK
--destination-ip 10.0.0.1;-d 10.0.0.1;OK
--dst-ip 10.0.0.1;-d 10.0.0.1;OK
--source-mac 00:11:22:33:44:55;--src-mac 00:11:22:33:44:55;OK
--src-mac 00:11:22:33:44:55;=;OK
--source-mac 0:1:2:3:4:5;--src-mac 00:01:02:03:04:05;OK
--source-mac AA:BB:CC:DD:EE:FF;--src-mac aa:bb:cc:dd:ee:ff;OK
--source-mac 00:11:22:33:44:55/ff:ff:ff:ff:ff:ff;--src-mac 00:11:22:33:44:55;OK
--source-mac 00:11:22:33:44:55/ff:00:ff:00:ff:00;--src-mac 00:00:22:00:44:00/ff:00:ff:00:ff:00;OK
--source-mac ! 00:11:22:33:44:55;! --src-mac 00:11:22:33:44:55;OK
! --source-mac 00:11:22:33:44:55;! --src-mac 00:11:22:33:44:55;OK
--source-mac Unicast;--src-mac 00:00:00:00:00:00/01:00:00:00:00:00;OK
--source-mac Multicast;--src-mac 01:00:00:00:00:00/01:00:00:00:00:00;OK
--source-mac Broadcast;--src-mac ff:ff:ff:ff:ff:ff;OK
--source-mac BGA;--src-mac 01:80:c2:00:00:00;OK
--destination-mac 00:11:22:33:44:55;--dst-mac 00:11:22:33:44:55;OK
--dst-mac ff:ff:ff:ff:ff:ff;=;OK
--destination-mac ! 00:11:22:33:44:55;! --dst-mac 00:11:22:33:44:55;OK
! --dst-mac 00:11:22:33:44:55;=;OK
-i eth0;=;OK
-i eth+;=;OK
# ours: 1.8.9 leaves a dangling "meta load" without a compare for "+"
# (interop.md 2.9, 3); xtnft writes nothing for it
-i +;;OK;ours
-i ! eth0;! -i eth0;OK
! -i eth0;=;OK
-i verylongname123;=;OK
--in-interface eth0;-i eth0;OK
@filter:OUTPUT -o eth0;=;OK
@filter:OUTPUT ! -o eth+;=;OK
@filter:OUTPUT --out-interface eth0;-o eth0;OK
--opcode 1;=;OK
--opcode Request;--opcode 1;OK
--opcode request;--opcode 1;OK
--opcode Reply_Reverse;--opcode 4;OK
--opcode DRARP_Error;--opcode 7;OK
--opcode ARP_NAK;--opcode 9;OK
--opcode 10;=;OK
--opcode 65535;=;OK
--opcode ! 1;! --opcode 1;OK
! --opcode 1;=;OK
--opc 1;--opcode 1;OK
--h-type 1;;OK
--h-type Ethernet;;OK
--h-type 6;=;OK
--h-type 0x6;--h-type 6;OK
--h-type ! 6;! --h-type 6;OK
--h-type 6/0xffff;--h-type 6;OK
--h-type ! 0;! --h-type 0;OK
--proto-type 0x800;=;OK
--proto-type 0x0800;--proto-type 0x800;OK
--proto-type IPv4;--proto-type 0x800;OK
--proto-type ipv4;--proto-type 0x800;OK
--proto-type 800;--proto-type 0x320;OK
--proto-type 0x86dd;=;OK
--proto-type 0xffff;=;OK
--proto-type ! 0x800;! --proto-type 0x800;OK
! --proto-type 0x800;=;OK
--proto 0x800;--proto-type 0x800;OK
--h-length 6;;OK
-l 6;;OK
-p 1;;OK
-p tcp;;OK
-j ACCEPT -s 1.2.3.4 -d 5.6.7.8 --source-mac 00:11:22:33:44:55 --destination-mac 66:77:88:99:aa:bb -i eth0 --opcode 2 --h-type 6 --proto-type 0x800;-j ACCEPT -i eth0 -s 1.2.3.4 --src-mac 00:11:22:33:44:55 -d 5.6.7.8 --dst-mac 66:77:88:99:aa:bb --opcode 2 --h-type 6 --proto-type 0x800;OK
--proto-type 0x800 --h-type 6 --opcode 2 -i eth0 --destination-mac 66:77:88:99:aa:bb --source-mac 00:11:22:33:44:55 -d 5.6.7.8 -s 1.2.3.4 -j DROP;-j DROP -i eth0 -s 1.2.3.4 --src-mac 00:11:22:33:44:55 -d 5.6.7.8 --dst-mac 66:77:88:99:aa:bb --opcode 2 --h-type 6 --proto-type 0x800;OK
-c 5 10 -j ACCEPT;-j ACCEPT;OK
# ours: xtnft looks the chain up when it runs the command, not while it
# parses it (the same words, tests/diff/corpus-arp.txt)
# -j CONTINUE;;FAIL;Chain 'CONTINUE' does not exist
# -j FOO;;FAIL;Chain 'FOO' does not exist
-s 1.2.3.400;;FAIL;host/network `1.2.3.400' not found
-s 1.2.3.4/33;;FAIL;invalid mask `33' specified
-s foo;;FAIL;host/network `foo' not found
-s 1.1.1.1 -s 2.2.2.2;;FAIL;multiple -s flags not allowed
-s ! ! 1.2.3.4;;FAIL;Bad argument `1.2.3.4'\n
! -s ! 1.2.3.4;;FAIL;Multiple `!' flags not allowed
--source-mac foo;;FAIL;Problem with specified source mac
--source-mac 00:11:22:33:44;;FAIL;Problem with specified source mac
-i verylongname1234;;FAIL;interface name `verylongname1234' must be shorter than IFNAMSIZ (15)
-o eth0;;FAIL;Can't use -o with INPUT\n
--opcode 65536;;FAIL;Problem with specified opcode
--opcode foo;;FAIL;Problem with specified opcode
--opcode 0x1;;FAIL;Problem with specified opcode
--opcode 1/0xff;;FAIL;Problem with specified opcode
--opcode 1 --opcode 2;;FAIL;multiple - flags not allowed
--h-type 65535;;FAIL;Problem with specified hardware type
--h-type 0x10000;;FAIL;Problem with specified hardware type
--h-type foo;;FAIL;Problem with specified hardware type
--h-type 6 --h-type 7;;FAIL;multiple - flags not allowed
--proto-type 0x10000;;FAIL;Problem with specified protocol type
--proto-type foo;;FAIL;Problem with specified protocol type
--h-length 4;;FAIL;Only harware address length of 6 is supported currently.
--h-length 0;;FAIL;Only harware address length of 6 is supported currently.
--h-length 6 --h-length 6;;FAIL;multiple -l flags not allowed
-m mark --mark 1;;FAIL;unknown option "-m"
-g USERCHAIN;;FAIL;unknown option "-g"
-s;;FAIL;option "-s" requires an argument
--src 1.2.3.4;;FAIL;unknown option "--src"
--source 1.2.3.4;;FAIL;unknown option "--source"
-j ACCEPT !;;FAIL;nothing appropriate following !
# "-s A,B" appends one rule per address: not a one-rule golden line
# -s 1.1.1.1,2.2.2.2
# 1.8.9 bug: a MAC with more than six groups is cut to its first six
# --source-mac 00:11:22:33:44:55:66;--src-mac 00:11:22:33:44:55;OK
# 1.8.9 bug: a MAC compare shorter than 6 bytes (a mask ending in zero
# bytes) is written but not read back: save drops it
# --source-mac 00:11:22:33:44:55/ff:ff:ff:00:00:00;;OK
# 1.8.9 bug: masks are dropped: --h-type 1/0 and --opcode 1/0 compare
# all bits; --opcode 0, --proto-type 0 (with any mask) and --h-type 0 write
# no compare at all (and --h-type 0 saves as "--h-type 0/0")
# --h-type 1/0;;OK
# --opcode 1/0;--opcode 1;OK
# --h-type 6/0xff;--h-type 6;OK
# --proto-type 0x800/0xff00;--proto-type 0x800;OK
# --opcode 0;;OK
# --proto-type 0;;OK
# --h-type 0;--h-type 0/0;OK
# --h-type 0/0;=;OK
# 1.8.9 bug: the "!" of --h-type 1 / --h-length 6 (the defaults) is
# written (cmp neq) but save leaves the option out
# --h-type ! 1;;OK
# --h-length ! 6;;OK
# 1.8.9 bug: --h-length takes anything that is not a number 0-255 and keeps
# the default 6
# --h-length 256;;OK
# --h-length foo;;OK
# 1.8.9 not a fixed point: --h-type is read as hex and saved in decimal
# --h-type 10;--h-type 16;OK
# --h-type 0xffff;--h-type 65535;OK
# the kernel refuses -j mangle without a --mangle-* option (status 4)
# -j mangle

# xtnft (branch arpt): what 1.8.9 reads wrongly is read back as written
--h-type ! 1;! --h-type 1;OK
--h-length ! 6;! --h-length 6;OK
! -l 6 --opcode 1;! --h-length 6 --opcode 1;OK
--source-mac 00:11:22:33:44:55/ff:ff:ff:00:00:00;--src-mac 00:11:22:00:00:00/ff:ff:ff:00:00:00;OK
--dst-mac 01:80:c2:00:00:00/ff:ff:ff:ff:ff:00;=;OK
--opcode ! 0;! --opcode 0;OK
--proto-type ! 0;! --proto-type 0x0;OK
# xtnft saves --h-type 10 and up in hexadecimal (0x), which it reads as it
# was given (1.8.9's decimal would restore another value)
--h-type 10;--h-type 0x10;OK
--h-type 0xffff;=;OK
--h-type 0x9;--h-type 9;OK
# xtnft refuses what 1.8.9 takes and stores as something else, in 1.8.9's
# words for a bad value: a mask (it writes the value alone), a value 0
# (it writes no compare), a length other than 6 (it keeps 6), a MAC with
# more than six groups (it keeps six)
--opcode 0;;FAIL;Problem with specified opcode
--opcode 1/0;;FAIL;Problem with specified opcode
--opcode Request/1;;FAIL;Problem with specified opcode
--h-type 0;;FAIL;Problem with specified hardware type
--h-type 1/0;;FAIL;Problem with specified hardware type
--proto-type 0;;FAIL;Problem with specified protocol type
--proto-type 0x800/0xff00;;FAIL;Problem with specified protocol type
--h-length 256;;FAIL;Only harware address length of 6 is supported currently.
--h-length foo;;FAIL;Only harware address length of 6 is supported currently.
--h-length 6/0;;FAIL;Only harware address length of 6 is supported currently.
-l7;;FAIL;Only harware address length of 6 is supported currently.
--source-mac 00:11:22:33:44:55:66;;FAIL;Problem with specified source mac
--source-mac 00:11:22:33:44:55x;;FAIL;Problem with specified source mac
# xtnft refuses what 1.8.9 takes and drops from the rule: a ! before -p
# (it compares the protocol type with 0), --match (arptables has no
# matches) and the targets it loads for which no kernel has an ARP version
! -p tcp;;FAIL;cannot have ! before -p
-p ! tcp;;FAIL;cannot have ! before -p
--match mark --mark 1;;FAIL;unknown option "--match"
-j LOG;;FAIL;target `LOG' is not supported by xtnft yet
-j CONNMARK --set-mark 1;;FAIL;target `CONNMARK' is not supported by xtnft yet
