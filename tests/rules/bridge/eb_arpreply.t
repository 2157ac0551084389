# -j arpreply [--arpreply-mac MAC] [--arpreply-target T]: compat target
# "arpreply" rev 0 (struct ebt_arpreply_info: mac[6], int target = verdict,
# default DROP); the kernel wants -p ARP and takes it only in nat
# PREROUTING (and user chains).  Save: "-j arpreply --arpreply-mac MAC"
# (always; 1.8.9 stores 00:..:00 when not given, xtnft refuses), then
# "--arpreply-target T" unless DROP.
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 0:1:2:3:4:5;-p ARP -j arpreply --arpreply-mac 00:01:02:03:04:05;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac AA:BB:CC:DD:EE:FF;-p ARP -j arpreply --arpreply-mac aa:bb:cc:dd:ee:ff;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac ff:ff:ff:ff:ff:ff;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:00:00:00:00:00;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target DROP;-p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target ACCEPT;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target CONTINUE;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target RETURN;=;OK
# xtnft: refused, 1.8.9 stores --arpreply-mac 00:00:00:00:00:00 when no
# MAC is given
@nat:PREROUTING -p ARP -j arpreply;;FAIL;No arpreply mac supplied
@nat:PREROUTING -p ARP -j arpreply --arpreply-target ACCEPT;;FAIL;No arpreply mac supplied
@nat:PREROUTING -p ARP -i eth0 -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target CONTINUE;=;OK
@nat:PREROUTING -p ARP --arp-ip-dst 10.0.0.1 -j arpreply --arpreply-mac 00:11:22:33:44:55;=;OK
# xtnft: refused, 1.8.9 takes a target option without -j as selecting
# the target but writes it before the counter, where watchers go, so the
# rule ends there; its save form ("-j NAME ...") reads back with the
# target after the counter
@nat:PREROUTING -p ARP --arpreply-mac 00:11:22:33:44:55;;FAIL;option "--arpreply-mac" needs -j arpreply before it
@nat:USERCHAIN -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac foo;;FAIL;Problem with specified --arpreply-mac mac
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44;;FAIL;Problem with specified --arpreply-mac mac
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac Broadcast;;FAIL;Problem with specified --arpreply-mac mac
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target foo;;FAIL;Illegal --arpreply-target target
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-mac 00:11:22:33:44:66;;FAIL;Multiple use of same option not allowed
@nat:PREROUTING -p ARP -j arpreply --arpreply-m 00:11:22:33:44:55;;FAIL;Unknown argument: '00:11:22:33:44:55'
@nat:PREROUTING -p ARP -j arpreply --arpreply-t DROP;;FAIL;Unknown argument: 'DROP'
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: a MAC with more than six groups is cut to its first six
# @nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55:66;-p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55;OK
# the kernel refuses (RULE_APPEND failed, status 4) without -p ARP or
# outside nat PREROUTING
# @nat:PREROUTING -j arpreply --arpreply-mac 00:11:22:33:44:55
# @nat:PREROUTING -p ! ARP -j arpreply --arpreply-mac 00:11:22:33:44:55
# @nat:OUTPUT -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55
# -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55
# 1.8.9 bug: a "!" before a target option is dropped
# @nat:PREROUTING -p ARP -j arpreply ! --arpreply-mac 00:11:22:33:44:55;-p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55;OK
