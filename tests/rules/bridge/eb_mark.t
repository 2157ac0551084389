# -j mark --mark-set/--set-mark, --mark-or, --mark-and, --mark-xor,
# --mark-target: compat target "mark" rev 0 (struct ebt_mark_t_info:
# unsigned long mark (64 bits here), int target = verdict | operation bits).
# Values are strtoul base 0, saved in hex; the default --mark-target is
# ACCEPT and is always saved.  A mark option without -j selects the target
# (see below).
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-j mark --mark-set 1;-j mark --mark-set 0x1 --mark-target ACCEPT;OK
-j mark --mark-set 0x1;-j mark --mark-set 0x1 --mark-target ACCEPT;OK
-j mark --mark-set 010;-j mark --mark-set 0x8 --mark-target ACCEPT;OK
-j mark --mark-set 0;-j mark --mark-set 0x0 --mark-target ACCEPT;OK
-j mark --mark-set 0xffffffff;-j mark --mark-set 0xffffffff --mark-target ACCEPT;OK
-j mark --mark-set 4294967295;-j mark --mark-set 0xffffffff --mark-target ACCEPT;OK
-j mark --set-mark 5;-j mark --mark-set 0x5 --mark-target ACCEPT;OK
-j mark --mark-or 0x10;-j mark --mark-or 0x10 --mark-target ACCEPT;OK
-j mark --mark-and 0xff;-j mark --mark-and 0xff --mark-target ACCEPT;OK
-j mark --mark-xor 0x3;-j mark --mark-xor 0x3 --mark-target ACCEPT;OK
-j mark --mark-set 1 --mark-target ACCEPT;-j mark --mark-set 0x1 --mark-target ACCEPT;OK
-j mark --mark-set 1 --mark-target DROP;-j mark --mark-set 0x1 --mark-target DROP;OK
-j mark --mark-set 1 --mark-target CONTINUE;-j mark --mark-set 0x1 --mark-target CONTINUE;OK
-j mark --mark-set 1 --mark-target RETURN;-j mark --mark-set 0x1 --mark-target RETURN;OK
-j mark --mark-or 2 --mark-target CONTINUE;-j mark --mark-or 0x2 --mark-target CONTINUE;OK
# xtnft: refused, 1.8.9 stores --mark-set 0x0 when no value is given
-j mark --mark-target DROP;;FAIL;No mark value supplied
-p IPv4 -i eth0 -j mark --mark-and 0xffff0000 --mark-target CONTINUE;=;OK
@filter:USERCHAIN -j mark --mark-set 1 --mark-target RETURN;-j mark --mark-set 0x1 --mark-target RETURN;OK
@nat:PREROUTING -j mark --mark-set 7;-j mark --mark-set 0x7 --mark-target ACCEPT;OK
@nat:POSTROUTING -j mark --mark-xor 7 --mark-target CONTINUE;-j mark --mark-xor 0x7 --mark-target CONTINUE;OK
# xtnft: refused, 1.8.9 takes a target option without -j as selecting
# the target but writes it before the counter, where watchers go, so the
# rule ends there; its save form ("-j NAME ...") reads back with the
# target after the counter
--mark-set 1;;FAIL;option "--mark-set" needs -j mark before it
--mark-or 1;;FAIL;option "--mark-or" needs -j mark before it
--mark-target DROP;;FAIL;option "--mark-target" needs -j mark before it
-j mark;;FAIL;You must specify some option
-j mark --mark-set foo;;FAIL;Bad MARK value 'foo'
-j mark --mark-set 1/2;;FAIL;Bad MARK value '1/2'
-j mark --mark-set 1 --mark-target accept;;FAIL;Illegal --mark-target target
-j mark --mark-set 1 --mark-target foo;;FAIL;Illegal --mark-target target
-j mark --mark-set 1 --mark-target USERCHAIN;;FAIL;Illegal --mark-target target
-j mark --mark-set 1 --mark-or 2;;FAIL;--mark-or cannot be used together with specific --mark option
-j mark --mark-xor 1 --mark-and 2;;FAIL;--mark-and cannot be used together with specific --mark option
-j mark --mark-set 1 --mark-set 2;;FAIL;Multiple use of same option not allowed
-j mark --mark-set 1 --mark-target DROP --mark-target ACCEPT;;FAIL;Multiple use of same option not allowed
-j mark --mark-s 1;;FAIL;Unknown argument: '1'
-j mark --mark-t DROP;;FAIL;Unknown argument: 'DROP'
-j mark --mark-set;;FAIL;Unknown argument: '(null)'
# xtnft: refused in other words, 1.8.9 loads iptables' MARK target for
# -j MARK ("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options
# is required"), which no ebtables option can set up
-j MARK --mark-set 1;;FAIL;option "--mark-set" needs -j mark before it
# 1.8.9 bug: a negative value wraps to 64 bits
# -j mark --mark-set -1;-j mark --mark-set 0xffffffffffffffff --mark-target ACCEPT;OK
# 1.8.9 bug: a "!" before or after a target option is dropped
# -j mark ! --mark-set 1;-j mark --mark-set 0x1 --mark-target ACCEPT;OK
# -j mark --mark-set ! 1;-j mark --mark-set 0x1 --mark-target ACCEPT;OK
# 1.8.9 bug: a value above 32 bits is stored in the 64-bit field; the
# kernel keeps its low 32 bits
# -j mark --mark-set 0x100000000;-j mark --mark-set 0x100000000 --mark-target ACCEPT;OK
