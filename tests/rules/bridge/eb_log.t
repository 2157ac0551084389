# watcher --log, --log-level, --log-prefix, --log-ip, --log-ip6, --log-arp:
# compat TARGET "log" rev 0 (struct ebt_log_info: loglevel, bitmask,
# prefix[30]) placed before the counter, then the rule's own verdict.  Any
# --log* option turns the watcher on; the default level is notice (5), not
# the man page's info.  Save: --log-level always, --log-prefix "P" when not
# empty, then --log-ip --log-arp --log-ip6 in that order.  A repeated
# option: 1.8.9 keeps the last one, xtnft refuses a second level or
# prefix ("--log --log" is taken by both).
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
--log;--log-level notice -j CONTINUE;OK
--log -j ACCEPT;--log-level notice -j ACCEPT;OK
--log-level info;--log-level info -j CONTINUE;OK
--log-level emerg;--log-level emerg -j CONTINUE;OK
--log-level alert;--log-level alert -j CONTINUE;OK
--log-level crit;--log-level crit -j CONTINUE;OK
--log-level error;--log-level error -j CONTINUE;OK
--log-level warning;--log-level warning -j CONTINUE;OK
--log-level notice;--log-level notice -j CONTINUE;OK
--log-level debug;--log-level debug -j CONTINUE;OK
--log-level 0;--log-level emerg -j CONTINUE;OK
--log-level 7;--log-level debug -j CONTINUE;OK
--log-prefix foo;--log-level notice --log-prefix "foo" -j CONTINUE;OK
--log-prefix "foo bar";--log-level notice --log-prefix "foo bar" -j CONTINUE;OK
--log-prefix "%s";--log-level notice --log-prefix "%s" -j CONTINUE;OK
--log-prefix "";--log-level notice -j CONTINUE;OK
--log-prefix 12345678901234567890123456789;--log-level notice --log-prefix "12345678901234567890123456789" -j CONTINUE;OK
--log-ip;--log-level notice --log-ip -j CONTINUE;OK
--log-ip6;--log-level notice --log-ip6 -j CONTINUE;OK
--log-arp;--log-level notice --log-arp -j CONTINUE;OK
--log-ip --log-ip6 --log-arp;--log-level notice --log-ip --log-arp --log-ip6 -j CONTINUE;OK
--log-arp --log-ip6 --log-ip --log-prefix x --log-level debug;--log-level debug --log-prefix "x" --log-ip --log-arp --log-ip6 -j CONTINUE;OK
--log --log-level debug --log-prefix "X " --log-ip --log-arp --log-ip6 -j DROP;--log-level debug --log-prefix "X " --log-ip --log-arp --log-ip6 -j DROP;OK
-p IPv4 --log-ip --log-prefix "ip: " -j ACCEPT;-p IPv4 --log-level notice --log-prefix "ip: " --log-ip -j ACCEPT;OK
@nat:PREROUTING --log-prefix n -j ACCEPT;--log-level notice --log-prefix "n" -j ACCEPT;OK
@nat:POSTROUTING --log-level debug -j snat --to-src 00:11:22:33:44:55;--log-level debug -j snat --to-src 00:11:22:33:44:55 --snat-target ACCEPT;OK
--log --nflog -j DROP;--log-level notice --nflog-group 1 -j DROP;OK
--log --log;--log-level notice -j CONTINUE;OK
# xtnft: refused, 1.8.9 keeps the last level (saves --log-level debug)
--log-level info --log-level debug;;FAIL;Multiple use of same option not allowed
# xtnft: refused, 1.8.9 keeps the last prefix (saves --log-prefix "b")
--log-prefix a --log-prefix b;;FAIL;Multiple use of same option not allowed
--log-p x;--log-level notice --log-prefix "x" -j CONTINUE;OK
--log-l 3;--log-level error -j CONTINUE;OK
--log-a;--log-level notice --log-arp -j CONTINUE;OK
--log-level err;;FAIL;Problem with the log-level
--log-level warn;;FAIL;Problem with the log-level
--log-level 8;;FAIL;Problem with the log-level
--log-level 010;;FAIL;Problem with the log-level
--log-level foo;;FAIL;Problem with the log-level
--log-prefix 123456789012345678901234567890;;FAIL;Prefix too long
--log-prefix "a\"b";;FAIL;Use of \" is not allowed in the prefix
! --log;;FAIL;The use of '!' makes no sense for the nflog watcher
--log-level ! info;;FAIL;The use of '!' makes no sense for the nflog watcher
--log-i;;FAIL;Unknown argument: '(null)'
--log-level;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: a "!" after --log (no argument) is dropped
# --log !;--log-level notice -j CONTINUE;OK
