# --among-src / --among-dst [!] LIST, --among-src-file / --among-dst-file:
# native, an anonymous constant set and a lookup (interop.md 3.1).  MAC-only
# lists: key etheraddr, payload load 6b @ link header + 6 (src) / + 0 (dst);
# any MAC=IP entry makes it an etheraddr . ipv4_addr interval set with a
# "meta protocol == IPv4" check and the IP loaded into reg 10 (MAC entries
# without an IP match any IP).  Save prints each MAC with %x groups, the
# list sorted (by the kernel's element order).  Payload blocks end with the
# set elements as "#set" lines (regen-payloads.sh).
#! printf '00:11:22:33:44:55,00:00:00:00:00:01=10.0.0.1\n' >/tmp/xtnft-among-golden.txt
#! printf '00:11:22:33:44:55' >/tmp/xtnft-among-nonl.txt
#! printf '00:11:22:33:44:55\n00:11:22:33:44:56\n' >/tmp/xtnft-among-2l.txt
#! printf '\n' >/tmp/xtnft-among-nl.txt
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
--among-src 00:11:22:33:44:55;--among-src 0:11:22:33:44:55 -j CONTINUE;OK
--among-src 00:11:22:33:44:55,00:00:00:00:00:01;--among-src 0:0:0:0:0:1,0:11:22:33:44:55 -j CONTINUE;OK
--among-src 00:00:00:00:00:01,00:11:22:33:44:55 -j ACCEPT;--among-src 0:0:0:0:0:1,0:11:22:33:44:55 -j ACCEPT;OK
--among-src 0:1:2:3:4:5,AA:BB:CC:DD:EE:FF;--among-src 0:1:2:3:4:5,aa:bb:cc:dd:ee:ff -j CONTINUE;OK
--among-src 01:00:00:00:00:00,ff:ff:ff:ff:ff:ff,00:00:00:00:00:00;--among-src 0:0:0:0:0:0,1:0:0:0:0:0,ff:ff:ff:ff:ff:ff -j CONTINUE;OK
--among-src ! 00:11:22:33:44:55;--among-src ! 0:11:22:33:44:55 -j CONTINUE;OK
! --among-src 00:11:22:33:44:55;--among-src ! 0:11:22:33:44:55 -j CONTINUE;OK
--among-dst 00:11:22:33:44:55;--among-dst 0:11:22:33:44:55 -j CONTINUE;OK
--among-dst ! 00:11:22:33:44:55,00:11:22:33:44:56;--among-dst ! 0:11:22:33:44:55,0:11:22:33:44:56 -j CONTINUE;OK
! --among-dst 00:11:22:33:44:55 -j DROP;--among-dst ! 0:11:22:33:44:55 -j DROP;OK
--among-src 00:11:22:33:44:55 --among-dst 00:11:22:33:44:66;--among-src 0:11:22:33:44:55 --among-dst 0:11:22:33:44:66 -j CONTINUE;OK
-p IPv4 --among-src 00:11:22:33:44:55=10.0.0.1;-p IPv4 --among-src 0:11:22:33:44:55=10.0.0.1 -j CONTINUE;OK
-p IPv4 --among-dst 00:11:22:33:44:55=10.0.0.1,00:11:22:33:44:66;-p IPv4 --among-dst 0:11:22:33:44:55=10.0.0.1,0:11:22:33:44:66 -j CONTINUE;OK
-p IPv4 --among-src 00:11:22:33:44:55=10.0.0.1,00:11:22:33:44:55=10.0.0.2;-p IPv4 --among-src 0:11:22:33:44:55=10.0.0.1,0:11:22:33:44:55=10.0.0.2 -j CONTINUE;OK
-p IPv4 --among-src ! 00:11:22:33:44:55=10.0.0.1 --among-dst 00:11:22:33:44:66=10.0.0.2;-p IPv4 --among-src ! 0:11:22:33:44:55=10.0.0.1 --among-dst 0:11:22:33:44:66=10.0.0.2 -j CONTINUE;OK
-p IPv4 --among-src 00:11:22:33:44:55=10.0.0.1 --among-dst 00:11:22:33:44:66;-p IPv4 --among-src 0:11:22:33:44:55=10.0.0.1 --among-dst 0:11:22:33:44:66 -j CONTINUE;OK
# deliberate: a list of pairs none of which has an IP keeps "=0.0.0.0"
# (1.8.9 saves "--among-src 0:11:22:33:44:55", which reads back as a MAC
# list without the IPv4 check: another rule)
-p IPv4 --among-src 00:11:22:33:44:55=0.0.0.0;-p IPv4 --among-src 0:11:22:33:44:55=0.0.0.0 -j CONTINUE;OK
-p IPv4 --among-src 00:11:22:33:44:55=0.0.0.0,00:11:22:33:44:56=10.0.0.1;-p IPv4 --among-src 0:11:22:33:44:55,0:11:22:33:44:56=10.0.0.1 -j CONTINUE;OK
-p IPv4 --among-src 00:11:22:33:44:55=255.255.255.255;-p IPv4 --among-src 0:11:22:33:44:55=255.255.255.255 -j CONTINUE;OK
--among-src 00:11:22:33:44:55=10.0.0.1;--among-src 0:11:22:33:44:55=10.0.0.1 -j CONTINUE;OK
-p ARP --among-dst 00:11:22:33:44:55=10.0.0.1;-p ARP --among-dst 0:11:22:33:44:55=10.0.0.1 -j CONTINUE;OK
--among-src-file /tmp/xtnft-among-golden.txt;--among-src 0:0:0:0:0:1=10.0.0.1,0:11:22:33:44:55 -j CONTINUE;OK
--among-dst-file ! /tmp/xtnft-among-golden.txt;--among-dst ! 0:0:0:0:0:1=10.0.0.1,0:11:22:33:44:55 -j CONTINUE;OK
# deliberate: a second list for the same side is refused (1.8.9 keeps
# the last one, the file option's too)
--among-src 00:11:22:33:44:55 --among-src-file /tmp/xtnft-among-golden.txt;;FAIL;Multiple use of same option not allowed
--among-src 00:11:22:33:44:55 --among-src 00:11:22:33:44:56;;FAIL;Multiple use of same option not allowed
--among-dst-file /tmp/xtnft-among-golden.txt --among-dst ! 00:11:22:33:44:56;;FAIL;Multiple use of same option not allowed
--among-dst 00:11:22:33:44:55 ! --among-dst 00:11:22:33:44:56;;FAIL;Multiple use of same option not allowed
--among-src foo;;FAIL;Invalid MAC address 'foo'
--among-src 00:11:22:33:44;;FAIL;Invalid MAC address '00:11:22:33:44'
--among-src "00:11:22:33:44:55, 00:11:22:33:44:56";;FAIL;Invalid MAC address ' 00:11:22:33:44:56'
--among-src =1.2.3.4;;FAIL;Invalid MAC address ''
--among-src 00:11:22:33:44:55=1.2.3;;FAIL;Invalid IP address '1.2.3'
--among-src 00:11:22:33:44:55=1.2.3.400;;FAIL;Invalid IP address '1.2.3.400'
--among-src 00:11:22:33:44:55=foo;;FAIL;Invalid IP address 'foo'
--among-src 00:11:22:33:44:55=;;FAIL;Invalid IP address ''
--among-src 00:11:22:33:44:55=01.02.03.04;;FAIL;Invalid IP address '01.02.03.04'
--among-src 00:11:22:33:44:55=10.0.0.1/24;;FAIL;Invalid IP address '10.0.0.1/24'
--among-src 00:11:22:33:44:55=1.2.3.4=5.6.7.8;;FAIL;Invalid IP address '1.2.3.4=5.6.7.8'
--among-src "";;FAIL;Unknown argument: '(null)'
--among-dst-file /nonexistent;;FAIL;Couldn't open file '/nonexistent'
--among-src-file "";;FAIL;Couldn't open file ''
--among-src-file /dev/null;;FAIL;Couldn't map file to memory
--among-sr 00:11:22:33:44:55;;FAIL;Unknown argument: '00:11:22:33:44:55'
--among-src "" -j ACCEPT;;FAIL;Unknown argument: '-j'
--among-src-file /tmp/xtnft-among-nonl.txt;;FAIL;File should end with a newline
--among-src-file /tmp/xtnft-among-2l.txt;;FAIL;File should only contain one line
--among-src-file /tmp/xtnft-among-nl.txt -j DROP;;FAIL;Unknown argument: '-j'
# 1.8.9 bug: a trailing "," or an empty entry adds an element made of
# uninitialised memory (here 0:0:0:0:ba:40 and 1:0:0:0:0:0, varying).
# Deliberate: the one trailing comma the syntax allows ends the list; an
# empty entry is refused (expressions of the list without the comma)
--among-src 00:11:22:33:44:55,;--among-src 0:11:22:33:44:55 -j CONTINUE;OK;ours
--among-src 00:11:22:33:44:55,,00:11:22:33:44:56;;FAIL;Invalid MAC address ''
--among-src 00:11:22:33:44:55,,;;FAIL;Invalid MAC address ''
--among-src ,;;FAIL;Invalid MAC address ''
--among-src ,00:11:22:33:44:55;;FAIL;Invalid MAC address ''
# 1.8.9 bug: a MAC listed twice turns into the second entry 0:0:0:0:0:0.
# Deliberate: each entry once (the kernel's set holds it once)
--among-src 00:11:22:33:44:55,00:11:22:33:44:55;--among-src 0:11:22:33:44:55 -j CONTINUE;OK;ours
# 1.8.9 bug: a three-digit group is cut to two digits, and words after
# a blank are ignored.  Deliberate: refused
--among-src 00:11:22:33:44:555;;FAIL;Invalid MAC address '00:11:22:33:44:555'
--among-src "00:11:22:33:44:55 junk";;FAIL;Invalid MAC address '00:11:22:33:44:55 junk'
--among-src 0:1:2:3:4:5:6;;FAIL;Invalid MAC address '0:1:2:3:4:5:6'
# the kernel refuses (SET_ADD failed (File exists): set __set%d, status 4):
# the same MAC with and without an IP in one interval set
# --among-dst 00:11:22:33:44:55=10.0.0.1,00:11:22:33:44:55
