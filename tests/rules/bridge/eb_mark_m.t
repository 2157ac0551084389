# --mark [!] [VALUE][/MASK]: compat match "mark_m" rev 0 (struct
# ebt_mark_m_info: unsigned long mark, mask (64 bits here), invert,
# bitmask EBT_MARK_AND (value and mask) / EBT_MARK_OR ("/MASK" only));
# values are strtoul base 0 and printed in hex.  A repeated --mark:
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
--mark 1;--mark 0x1 -j CONTINUE;OK
--mark 0x1;--mark 0x1 -j CONTINUE;OK
--mark 010;--mark 0x8 -j CONTINUE;OK
--mark 0;--mark 0x0 -j CONTINUE;OK
--mark 0xffffffff;--mark 0xffffffff -j CONTINUE;OK
--mark 4294967295;--mark 0xffffffff -j CONTINUE;OK
--mark 1/0xff;--mark 0x1/0xff -j CONTINUE;OK
--mark 0x10/0xf0;--mark 0x10/0xf0 -j CONTINUE;OK
--mark 0x10/0x10;--mark 0x10/0x10 -j CONTINUE;OK
--mark 5/1;--mark 0x5/0x1 -j CONTINUE;OK
--mark 0/0;--mark 0x0/0x0 -j CONTINUE;OK
--mark 5/0;--mark 0x5/0x0 -j CONTINUE;OK
--mark 1/0xffffffff;--mark 0x1 -j CONTINUE;OK
--mark 0xffffffff/0xffffffff;--mark 0xffffffff -j CONTINUE;OK
--mark /0xff;--mark /0xff -j CONTINUE;OK
--mark /0;--mark /0x0 -j CONTINUE;OK
--mark ! 1;--mark ! 0x1 -j CONTINUE;OK
! --mark 1;--mark ! 0x1 -j CONTINUE;OK
--mark ! 1/0xff;--mark ! 0x1/0xff -j CONTINUE;OK
! --mark /0xff;--mark ! /0xff -j CONTINUE;OK
--mark 1 -j ACCEPT;--mark 0x1 -j ACCEPT;OK
# xtnft: refused, 1.8.9 keeps the last value (saves --mark 0x2)
--mark 1 --mark 2;;FAIL;Multiple use of same option not allowed
--mark foo;;FAIL;Bad mark value 'foo'
--mark 1/foo;;FAIL;Bad mark value '1/foo'
--mark 1x;;FAIL;Bad mark value '1x'
--mar 1;;FAIL;Unknown argument: '1'
--mark;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: a negative value wraps to 64 bits
# --mark -1;--mark 0xffffffffffffffff -j CONTINUE;OK
# 1.8.9 bug: an empty mask after "/" is taken as 0 (never matches)
# --mark 1/;--mark 0x1/0x0 -j CONTINUE;OK
# 1.8.9 bug: a value above 32 bits is stored in the 64-bit field and
# never matches the 32-bit packet mark
# --mark 0x100000000;--mark 0x100000000 -j CONTINUE;OK
