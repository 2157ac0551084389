# watcher --nflog, --nflog-group, --nflog-prefix, --nflog-range,
# --nflog-threshold: compat TARGET "nflog" rev 0 (struct ebt_nflog_info:
# len, group, threshold, flags, pad, prefix[64]) placed before the counter,
# then the rule's own verdict.  Any --nflog* option turns it on; defaults
# group 1, threshold 1 (not saved), range 0 (not saved).  Save order:
# --nflog-prefix, --nflog-group, --nflog-range, --nflog-threshold.  The
# prefix takes 63 characters (the man page says 30).
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
--nflog;--nflog-group 1 -j CONTINUE;OK
--nflog -j ACCEPT;--nflog-group 1 -j ACCEPT;OK
--nflog-group 1;--nflog-group 1 -j CONTINUE;OK
--nflog-group 5;--nflog-group 5 -j CONTINUE;OK
--nflog-group 010;--nflog-group 8 -j CONTINUE;OK
--nflog-group 0x10;--nflog-group 16 -j CONTINUE;OK
--nflog-group 65535;--nflog-group 65535 -j CONTINUE;OK
--nflog-prefix foo;--nflog-prefix "foo" --nflog-group 1 -j CONTINUE;OK
--nflog-prefix "foo bar";--nflog-prefix "foo bar" --nflog-group 1 -j CONTINUE;OK
--nflog-prefix "";--nflog-group 1 -j CONTINUE;OK
--nflog-prefix 123456789012345678901234567890;--nflog-prefix "123456789012345678901234567890" --nflog-group 1 -j CONTINUE;OK
--nflog-prefix 123456789012345678901234567890123456789012345678901234567890123;--nflog-prefix "123456789012345678901234567890123456789012345678901234567890123" --nflog-group 1 -j CONTINUE;OK
--nflog-range 100;--nflog-group 1 --nflog-range 100 -j CONTINUE;OK
--nflog-range 0x10;--nflog-group 1 --nflog-range 16 -j CONTINUE;OK
--nflog-threshold 10;--nflog-group 1 --nflog-threshold 10 -j CONTINUE;OK
--nflog-threshold 1;--nflog-group 1 -j CONTINUE;OK
--nflog-threshold 010;--nflog-group 1 --nflog-threshold 8 -j CONTINUE;OK
--nflog-threshold 65535;--nflog-group 1 --nflog-threshold 65535 -j CONTINUE;OK
--nflog-group 2 --nflog-prefix "p" --nflog-range 64 --nflog-threshold 3 -j DROP;--nflog-prefix "p" --nflog-group 2 --nflog-range 64 --nflog-threshold 3 -j DROP;OK
--nflog-threshold 3 --nflog-range 64 --nflog-prefix "p" --nflog-group 2;--nflog-prefix "p" --nflog-group 2 --nflog-range 64 --nflog-threshold 3 -j CONTINUE;OK
-p IPv4 --nflog-group 3 --log -j ACCEPT;-p IPv4 --nflog-group 3 --log-level notice -j ACCEPT;OK
@nat:PREROUTING --nflog-prefix n -j ACCEPT;--nflog-prefix "n" --nflog-group 1 -j ACCEPT;OK
@nat:OUTPUT --nflog -j dnat --to-dst 00:11:22:33:44:55;--nflog-group 1 -j dnat --to-dst 00:11:22:33:44:55 --dnat-target ACCEPT;OK
--nflog-g 2;--nflog-group 2 -j CONTINUE;OK
--nflog-p x;--nflog-prefix "x" --nflog-group 1 -j CONTINUE;OK
--nflog-r 5;--nflog-group 1 --nflog-range 5 -j CONTINUE;OK
--nflog-t 5;--nflog-group 1 --nflog-threshold 5 -j CONTINUE;OK
--nflog-group 0;;FAIL;--nflog-group must be a number!
--nflog-group 4294967296;;FAIL;--nflog-group must be a number!
--nflog-group -1;;FAIL;--nflog-group must be a number!
--nflog-group foo;;FAIL;--nflog-group must be a number!
--nflog-prefix 1234567890123456789012345678901234567890123456789012345678901234;;FAIL;Prefix too long for nflog-prefix
--nflog-range 0;;FAIL;--nflog-range must be a number!
--nflog-range 4294967296;;FAIL;--nflog-range must be a number!
--nflog-range foo;;FAIL;--nflog-range must be a number!
--nflog-threshold 0;;FAIL;--nflog-threshold must be a number!
--nflog-threshold foo;;FAIL;--nflog-threshold must be a number!
! --nflog;;FAIL;The use of '!' makes no sense for the nflog watcher
--nflog-group ! 2;;FAIL;The use of '!' makes no sense for the nflog watcher
--nflog --nflog;;FAIL;Multiple use of same option not allowed
--nflog-group 1 --nflog-group 2;;FAIL;Multiple use of same option not allowed
--nflog-group;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: the group is stored in 16 bits: 65536 wraps to 0 (and a group
# 0 is not saved), 4294967295 to 65535
# --nflog-group 65536;-j CONTINUE;OK
# --nflog-group 4294967295;--nflog-group 65535 -j CONTINUE;OK
# 1.8.9 bug: the threshold is stored in 16 bits: 65536 wraps to 0
# --nflog-threshold 65536;--nflog-group 1 --nflog-threshold 0 -j CONTINUE;OK
# 1.8.9 not a fixed point: a range from 2^31 on is saved as a negative
# number, which is refused
# --nflog-range 4294967295;--nflog-group 1 --nflog-range -1 -j CONTINUE;OK
# 1.8.9 not a fixed point: a '"' in the prefix is saved unescaped
# --nflog-prefix "a\"b";--nflog-prefix "a"b" --nflog-group 1 -j CONTINUE;OK
