# -j snat --to-source/--to-src MAC [--snat-target T] [--snat-arp] and
# -j dnat --to-destination/--to-dst MAC [--dnat-target T]: compat targets
# "snat" / "dnat" rev 0 (struct ebt_nat_info: mac[6], int target = verdict
# ACCEPT -1 ... RETURN -4; --snat-arp clears NAT_ARP_BIT 0x10 in it).  The
# kernel takes snat only in nat POSTROUTING, dnat in nat PREROUTING/OUTPUT
# (and both in user chains).  Save: "-j snat --to-src MAC [--snat-arp]
# --snat-target T", "-j dnat --to-dst MAC --dnat-target T" (the default
# ACCEPT is saved).  An option giving only the verdict leaves the MAC
# 00:00:00:00:00:00 in 1.8.9; xtnft refuses it.
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55;-j snat --to-src 00:11:22:33:44:55 --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-src 0:1:2:3:4:5;-j snat --to-src 00:01:02:03:04:05 --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-source AA:BB:CC:DD:EE:FF;-j snat --to-src aa:bb:cc:dd:ee:ff --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-source ff:ff:ff:ff:ff:ff;-j snat --to-src ff:ff:ff:ff:ff:ff --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-source 00:00:00:00:00:00;-j snat --to-src 00:00:00:00:00:00 --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target ACCEPT;-j snat --to-src 00:11:22:33:44:55 --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target DROP;-j snat --to-src 00:11:22:33:44:55 --snat-target DROP;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target CONTINUE;-j snat --to-src 00:11:22:33:44:55 --snat-target CONTINUE;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target RETURN;-j snat --to-src 00:11:22:33:44:55 --snat-target RETURN;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-arp;-j snat --to-src 00:11:22:33:44:55 --snat-arp --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-arp --snat-target DROP;-j snat --to-src 00:11:22:33:44:55 --snat-arp --snat-target DROP;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-arp --snat-target CONTINUE;-j snat --to-src 00:11:22:33:44:55 --snat-arp --snat-target CONTINUE;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-arp --snat-target RETURN;-j snat --to-src 00:11:22:33:44:55 --snat-arp --snat-target RETURN;OK
# xtnft: refused, 1.8.9 stores --to-src 00:00:00:00:00:00 when other
# options but no MAC are given
@nat:POSTROUTING -j snat --snat-target DROP;;FAIL;No snat address supplied
@nat:POSTROUTING -j snat --snat-arp;;FAIL;No snat address supplied
@nat:POSTROUTING -p IPv4 -o eth0 -j snat --to-src 00:11:22:33:44:55 --snat-target CONTINUE;=;OK
# xtnft: refused, 1.8.9 takes a target option without -j as selecting
# the target but writes it before the counter, where watchers go, so the
# rule ends there; its save form ("-j NAME ...") reads back with the
# target after the counter
@nat:POSTROUTING --to-source 00:11:22:33:44:55;;FAIL;option "--to-source" needs -j snat before it
@nat:USERCHAIN -j snat --to-src 00:11:22:33:44:55 --snat-target RETURN;=;OK
@nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target ACCEPT;OK
@nat:PREROUTING -j dnat --to-dst 0:1:2:3:4:5;-j dnat --to-dst 00:01:02:03:04:05 --dnat-target ACCEPT;OK
@nat:OUTPUT -j dnat --to-destination ff:ff:ff:ff:ff:ff;-j dnat --to-dst ff:ff:ff:ff:ff:ff --dnat-target ACCEPT;OK
@nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55 --dnat-target ACCEPT;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target ACCEPT;OK
@nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55 --dnat-target DROP;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target DROP;OK
@nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55 --dnat-target CONTINUE;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target CONTINUE;OK
@nat:OUTPUT -j dnat --to-destination 00:11:22:33:44:55 --dnat-target RETURN;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target RETURN;OK
# xtnft: refused, 1.8.9 stores --to-dst 00:00:00:00:00:00
@nat:PREROUTING -j dnat --dnat-target DROP;;FAIL;No dnat address supplied
@nat:PREROUTING -p IPv4 -i eth0 -j dnat --to-dst 00:11:22:33:44:55 --dnat-target CONTINUE;=;OK
# xtnft: refused, 1.8.9 takes a target option without -j as selecting
# the target but writes it before the counter, where watchers go, so the
# rule ends there; its save form ("-j NAME ...") reads back with the
# target after the counter
@nat:PREROUTING --to-destination 00:11:22:33:44:55;;FAIL;option "--to-destination" needs -j dnat before it
@nat:USERCHAIN -j dnat --to-destination 00:11:22:33:44:55;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target ACCEPT;OK
@nat:POSTROUTING -j snat;;FAIL;You must specify proper arguments
@nat:POSTROUTING -j snat --to-source Broadcast;;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44;;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-source foo;;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target foo;;FAIL;Illegal --snat-target target
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target accept;;FAIL;Illegal --snat-target target
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --to-source 00:11:22:33:44:66;;FAIL;Multiple use of same option not allowed
@nat:POSTROUTING -j snat --to 00:11:22:33:44:55;;FAIL;Unknown argument: '00:11:22:33:44:55'
@nat:POSTROUTING -j snat --to-s 00:11:22:33:44:55;;FAIL;Unknown argument: '00:11:22:33:44:55'
@nat:POSTROUTING -j snat --snat-a --to-src 00:11:22:33:44:55;;FAIL;Unknown argument: '--to-src'
@nat:POSTROUTING -j snat --snat-t DROP --to-src 00:11:22:33:44:55;;FAIL;Unknown argument: 'DROP'
@nat:POSTROUTING -j snat --to-source;;FAIL;Unknown argument: '(null)'
@nat:PREROUTING -j dnat;;FAIL;You must specify proper arguments
@nat:PREROUTING -j dnat --to-destination foo;;FAIL;Problem with specified --to-destination mac
@nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55 --dnat-target foo;;FAIL;Illegal --dnat-target target
@nat:PREROUTING -j dnat --to-dst 00:11:22:33:44:55 --to-dst 00:11:22:33:44:66;;FAIL;Multiple use of same option not allowed
@nat:PREROUTING -j dnat --to-d 00:11:22:33:44:55;;FAIL;Unknown argument: '00:11:22:33:44:55'
@nat:PREROUTING -j dnat --dnat-t DROP --to-dst 00:11:22:33:44:55;;FAIL;Unknown argument: 'DROP'
# 1.8.9 bug: a MAC with more than six groups, or with a mask, is cut to its
# first six groups without a word
# @nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55:66;-j snat --to-src 00:11:22:33:44:55 --snat-target ACCEPT;OK
# @nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55/ff:ff:ff:ff:ff:ff;-j snat --to-src 00:11:22:33:44:55 --snat-target ACCEPT;OK
# @nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55:66;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target ACCEPT;OK
# the kernel refuses (RULE_APPEND failed, status 4): snat outside nat
# POSTROUTING, dnat outside nat PREROUTING/OUTPUT, --snat-arp with dnat
# -j snat --to-source 00:11:22:33:44:55
# @nat:PREROUTING -j snat --to-source 00:11:22:33:44:55
# -j dnat --to-destination 00:11:22:33:44:55
# @nat:POSTROUTING -j dnat --to-destination 00:11:22:33:44:55
# @nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55 --snat-arp
# 1.8.9 bug: a "!" before a target option is dropped
# @nat:POSTROUTING -j snat ! --to-source 00:11:22:33:44:55;-j snat --to-src 00:11:22:33:44:55 --snat-target ACCEPT;OK
# @nat:PREROUTING -j dnat ! --to-destination 00:11:22:33:44:55;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target ACCEPT;OK
