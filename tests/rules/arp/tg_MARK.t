# -j MARK (family ARP): xt target "MARK" rev 2 (struct xt_mark_tginfo2:
# mark, mask) from arptables' own MARK parser: --set-mark V writes mark=V
# mask=0 (the kernel then XORs V in), --and-mark V mark=0 mask=~V,
# --or-mark V mark=V mask=V; there is no --set-xmark/--xor-mark.  Values
# are hex (strtoul base 16, "0x" allowed, a "/MASK" is ignored), saved in
# hex without 0x: "--set-mark V" for mask 0, "--and-mark ~MASK" for mark 0,
# "--or-mark V" for mark == mask.  Save: "-j MARK", the base match, then the
# option.  "-j MARK" alone is taken (mark 0, mask 0: saved as
# "--and-mark ffffffff").
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
-j MARK --set-mark 1;=;OK
-j MARK --set-mark 0x1;-j MARK --set-mark 1;OK
-j MARK --set-mark 010;-j MARK --set-mark 10;OK
-j MARK --set-mark ff;=;OK
-j MARK --set-mark 0xffffffff;-j MARK --set-mark ffffffff;OK
-j MARK --set-mark 0;-j MARK --and-mark ffffffff;OK
# ours: 1.8.9 reads the number before the "/" and drops the rest
# -j MARK --set-mark 1/0xffffffff;-j MARK --set-mark 1;OK
-j MARK --set-mark 1/0xffffffff;;FAIL;Bad mark value `1/0xffffffff'
-j MARK --and-mark 0xff;-j MARK --and-mark ff;OK
-j MARK --and-mark 0;=;OK
-j MARK --and-mark ffffffff;=;OK
-j MARK --or-mark 0x10;-j MARK --or-mark 10;OK
-j MARK --or-mark 0;-j MARK --and-mark ffffffff;OK
-j MARK;-j MARK --and-mark ffffffff;OK
-j MARK --set-m 1;-j MARK --set-mark 1;OK
-j MARK --and 1;-j MARK --and-mark 1;OK
-j MARK --or 1;-j MARK --or-mark 1;OK
-s 1.2.3.4 --opcode 1 -j MARK --set-mark 5;-j MARK -s 1.2.3.4 --opcode 1 --set-mark 5;OK
-i eth0 -j MARK --or-mark 3;-j MARK -i eth0 --or-mark 3;OK
@filter:OUTPUT -j MARK --set-mark 7;=;OK
@filter:USERCHAIN -j MARK --and-mark 0xf0;-j MARK --and-mark f0;OK
-j MARK --set-mark 1 --set-mark 2;;FAIL;MARK: Can't specify --set-mark twice
-j MARK --set-mark 1 --or-mark 2;;FAIL;MARK: Can't specify --or-mark twice
-j MARK --and-mark 1 --and-mark 2;;FAIL;MARK: Can't specify --and-mark twice
-j MARK --set-xmark 1;;FAIL;unknown option "--set-xmark"
-j MARK --xor-mark 0x3;;FAIL;unknown option "--xor-mark"
-j MARK --set-x 1;;FAIL;unknown option "--set-x"
-j MARK --xor 1;;FAIL;unknown option "--xor"
-j MARK --set-mark;;FAIL;option "--set-mark" requires an argument
--set-mark 1;;FAIL;unknown option "--set-mark"
-j mark --set-mark 1;;FAIL;unknown option "--set-mark"
# 1.8.9 bug: values are cut to 32 bits (4294967296 = 0x4294967296 stores
# 0x94967296; -1 stores ffffffff) and read up to the first non-hex
# character ("foo" stores f; "1/foo" and "0x10/0xf0" keep only the value)
# -j MARK --set-mark 4294967296;-j MARK --set-mark 94967296;OK
# -j MARK --set-mark -1;-j MARK --set-mark ffffffff;OK
# -j MARK --set-mark foo;-j MARK --set-mark f;OK
# -j MARK --set-mark 1/foo;-j MARK --set-mark 1;OK
# -j MARK --set-mark 0x10/0xf0;-j MARK --set-mark 10;OK
# 1.8.9 bug: a "!" before a target option is dropped
# -j MARK ! --set-mark 1;-j MARK --set-mark 1;OK

# xtnft (branch arpt): refused where 1.8.9 stores something else (sscanf
# "%x" takes a sign, trailing text and too many digits) or drops the !
-j MARK --set-mark 10x;;FAIL;Bad mark value `10x'
-j MARK --set-mark -1;;FAIL;Bad mark value `-1'
-j MARK --set-mark 123456789;;FAIL;Bad mark value `123456789'
-j MARK ! --set-mark 1;;FAIL;MARK: option "--set-mark" cannot be inverted.\n
