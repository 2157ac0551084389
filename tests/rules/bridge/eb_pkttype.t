# --pkttype-type [!] TYPE: compat match "pkttype" rev 0 (struct
# ebt_pkttype_info: pkt_type, invert).  Names host(0) broadcast(1)
# multicast(2) otherhost(3) outgoing(4) loopback(5) fastroute(6), any case,
# or a HEX number up to ff (strtol base 16, "0x" allowed); save prints the
# name when it has one, else the number in decimal.  A repeated option:
# 1.8.9 keeps the last one, xtnft refuses it.
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
--pkttype-type host;--pkttype-type host -j CONTINUE;OK
--pkttype-type broadcast;--pkttype-type broadcast -j CONTINUE;OK
--pkttype-type multicast;--pkttype-type multicast -j CONTINUE;OK
--pkttype-type otherhost;--pkttype-type otherhost -j CONTINUE;OK
--pkttype-type outgoing;--pkttype-type outgoing -j CONTINUE;OK
--pkttype-type loopback;--pkttype-type loopback -j CONTINUE;OK
--pkttype-type fastroute;--pkttype-type fastroute -j CONTINUE;OK
--pkttype-type Host;--pkttype-type host -j CONTINUE;OK
--pkttype-type BROADCAST;--pkttype-type broadcast -j CONTINUE;OK
--pkttype-type 0;--pkttype-type host -j CONTINUE;OK
--pkttype-type 0x2;--pkttype-type multicast -j CONTINUE;OK
--pkttype-type 3;--pkttype-type otherhost -j CONTINUE;OK
--pkttype-type 7;--pkttype-type 7 -j CONTINUE;OK
--pkttype-type 9;--pkttype-type 9 -j CONTINUE;OK
--pkttype-type ! host;--pkttype-type ! host -j CONTINUE;OK
! --pkttype-type host;--pkttype-type ! host -j CONTINUE;OK
--pkttype-type ! 5;--pkttype-type ! loopback -j CONTINUE;OK
# xtnft: refused, 1.8.9 keeps the last type (saves --pkttype-type broadcast)
--pkttype-type host --pkttype-type broadcast;;FAIL;Multiple use of same option not allowed
--pkttype host;--pkttype-type host -j CONTINUE;OK
--pkttype-type host -j DROP;=;OK
--pkttype-type 255;;FAIL;Problem with specified pkttype class
--pkttype-type 100;;FAIL;Problem with specified pkttype class
--pkttype-type 1x;;FAIL;Could not parse class '1x'
--pkttype-type 256;;FAIL;Problem with specified pkttype class
--pkttype-type -1;;FAIL;Problem with specified pkttype class
--pkttype-type foo;;FAIL;Could not parse class 'foo'
--pkttype-type;;FAIL;Unknown argument: '(null)'
# 1.8.9 not a fixed point: a number from 10 (hex) on is saved in decimal,
# which reads back as hex ("10" is saved as 16, which reads back as 22;
# "ff" is saved as 255, which is refused)
# --pkttype-type 10;--pkttype-type 16 -j CONTINUE;OK
# --pkttype-type a;--pkttype-type 10 -j CONTINUE;OK
# --pkttype-type ff;--pkttype-type 255 -j CONTINUE;OK
