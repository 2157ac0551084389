# -j mangle --mangle-ip-s, --mangle-ip-d, --mangle-mac-s, --mangle-mac-d,
# --mangle-target: compat target "mangle" rev 0 (struct arpt_mangle:
# src_devaddr[16], tgt_devaddr[16], u_s, u_t, flags, target), no
# NFTA_RULE_COMPAT.  Save: "-j mangle", the base match, then
# --mangle-ip-s --mangle-mac-s --mangle-ip-d --mangle-mac-d, then
# --mangle-target unless ACCEPT (ACCEPT, DROP or CONTINUE only).  The
# addresses are saved through a reverse lookup (hosts, /etc/networks), so
# only addresses without a name are golden here.  A repeated option: the
# last one counts.
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
-j mangle --mangle-ip-s 1.2.3.4;=;OK
-j mangle --mangle-ip-d 1.2.3.4;=;OK
-j mangle --mangle-ip-s 1.2.3;-j mangle --mangle-ip-s 1.2.3.0;OK
-j mangle --mangle-ip-s 255.255.255.255;=;OK
-j mangle --mangle-mac-s 00:11:22:33:44:55;=;OK
-j mangle --mangle-mac-d 00:11:22:33:44:55;=;OK
-j mangle --mangle-mac-d 0:1:2:3:4:5;-j mangle --mangle-mac-d 00:01:02:03:04:05;OK
-j mangle --mangle-mac-d AA:BB:CC:DD:EE:FF;-j mangle --mangle-mac-d aa:bb:cc:dd:ee:ff;OK
-j mangle --mangle-mac-s 00:00:00:00:00:00;=;OK
-j mangle --mangle-ip-s 1.2.3.4 --mangle-target ACCEPT;-j mangle --mangle-ip-s 1.2.3.4;OK
-j mangle --mangle-ip-s 1.2.3.4 --mangle-target DROP;=;OK
-j mangle --mangle-ip-s 1.2.3.4 --mangle-target CONTINUE;=;OK
-j mangle --mangle-ip-s 1.2.3.4 --mangle-ip-d 5.6.7.8 --mangle-mac-s 00:11:22:33:44:55 --mangle-mac-d 66:77:88:99:aa:bb --mangle-target CONTINUE;-j mangle --mangle-ip-s 1.2.3.4 --mangle-mac-s 00:11:22:33:44:55 --mangle-ip-d 5.6.7.8 --mangle-mac-d 66:77:88:99:aa:bb --mangle-target CONTINUE;OK
-j mangle --mangle-target CONTINUE --mangle-mac-d 66:77:88:99:aa:bb --mangle-mac-s 00:11:22:33:44:55 --mangle-ip-d 5.6.7.8 --mangle-ip-s 1.2.3.4;-j mangle --mangle-ip-s 1.2.3.4 --mangle-mac-s 00:11:22:33:44:55 --mangle-ip-d 5.6.7.8 --mangle-mac-d 66:77:88:99:aa:bb --mangle-target CONTINUE;OK
-s 10.0.0.1 --opcode 2 -j mangle --mangle-mac-s 00:11:22:33:44:55;-j mangle -s 10.0.0.1 --opcode 2 --mangle-mac-s 00:11:22:33:44:55;OK
-i eth0 -j mangle --mangle-ip-d 10.0.0.2 --mangle-target DROP;-j mangle -i eth0 --mangle-ip-d 10.0.0.2 --mangle-target DROP;OK
@filter:OUTPUT -j mangle --mangle-ip-d 1.2.3.4;=;OK
@filter:USERCHAIN -j mangle --mangle-mac-d 00:11:22:33:44:55;=;OK
-j mangle --mangle-ip-s 1.2.3.4 --mangle-ip-s 1.2.3.5;-j mangle --mangle-ip-s 1.2.3.5;OK
-j mangle --mangle-t DROP --mangle-ip-s 1.2.3.4;-j mangle --mangle-ip-s 1.2.3.4 --mangle-target DROP;OK
-j mangle --mangle-ip-s 1.2.3.400;;FAIL;host/network `1.2.3.400' not found
-j mangle --mangle-ip-s foo;;FAIL;host/network `foo' not found
-j mangle --mangle-ip-s 1.1.1.1,2.2.2.2;;FAIL;host/network `1.1.1.1,2.2.2.2' not found
-j mangle --mangle-ip-s ! 1.2.3.4;;FAIL;host/network `!' not found
-j mangle --mangle-mac-s foo;;FAIL;invalid source MAC
-j mangle --mangle-mac-s 00:11:22:33:44;;FAIL;invalid source MAC
-j mangle --mangle-mac-s Broadcast;;FAIL;invalid source MAC
-j mangle --mangle-mac-d foo;;FAIL;invalid target MAC
-j mangle --mangle-ip-s 1.2.3.4 --mangle-target RETURN;;FAIL;bad target for --mangle-target
-j mangle --mangle-ip-s 1.2.3.4 --mangle-target foo;;FAIL;bad target for --mangle-target
-j mangle --mangle-ip-s 1.2.3.4 --mangle-target accept;;FAIL;bad target for --mangle-target
-j mangle --mangle-i 1.2.3.4;;FAIL;unknown option "--mangle-i"
-j mangle --mangle-ip 1.2.3.4;;FAIL;unknown option "--mangle-ip"
-j mangle --mangle-m 00:11:22:33:44:55;;FAIL;unknown option "--mangle-m"
--mangle-ip-s 1.2.3.4;;FAIL;unknown option "--mangle-ip-s"
-j MANGLE --mangle-ip-s 1.2.3.4;;FAIL;unknown option "--mangle-ip-s"
-j mangle --mangle-ip-s;;FAIL;option "--mangle-ip-s" requires an argument
# 1.8.9 bug: a mask is applied and dropped (1.2.3.4/24 stores 1.2.3.0)
# -j mangle --mangle-ip-s 1.2.3.4/24;-j mangle --mangle-ip-s 1.2.3.0;OK
# 1.8.9 bug: a MAC with more than six groups, or with a mask, is cut to its
# first six groups
# -j mangle --mangle-mac-s 00:11:22:33:44:55:66;-j mangle --mangle-mac-s 00:11:22:33:44:55;OK
# -j mangle --mangle-mac-s 00:11:22:33:44:55/ff:ff:ff:ff:ff:ff;-j mangle --mangle-mac-s 00:11:22:33:44:55;OK
# name lookups in save (not offline): 0.0.0.0 is saved as "default"
# (/etc/networks), 127.0.0.1 as "localhost" (/etc/hosts)
# -j mangle --mangle-ip-s 0.0.0.0;-j mangle --mangle-ip-s default;OK
# -j mangle --mangle-ip-d localhost;=;OK
# the kernel refuses (RULE_APPEND failed, status 4) a mangle without a
# --mangle-ip/mac option
# -j mangle --mangle-target DROP
# 1.8.9 bug: a "!" before a target option is dropped
# -j mangle ! --mangle-ip-s 1.2.3.4;-j mangle --mangle-ip-s 1.2.3.4;OK

# xtnft (branch arpt): a mask, or a ! before a target option, is refused
# (1.8.9 applies the mask and keeps the address, and drops the !); the
# save is numeric (1.8.9's prints host names)
-j mangle --mangle-ip-s 1.2.3.4/24;;FAIL;host/network `1.2.3.4/24' not found
-j mangle --mangle-mac-s 00:11:22:33:44:55:66;;FAIL;invalid source MAC
-j mangle ! --mangle-ip-s 1.2.3.4;;FAIL;mangle: option "--mangle-ip-s" cannot be inverted.\n
-j mangle --mangle-ip-s 0.0.0.0;=;OK
