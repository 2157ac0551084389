# -j CLASSIFY --set-class MAJOR:MINOR (family ARP): xt target "CLASSIFY"
# rev 0 (struct xt_classify_target_info: priority = MAJOR<<16 | MINOR); the
# kernel takes it in OUTPUT (and user chains), not INPUT.  Both parts are
# hex; save prints them "%x:%x" (no zero padding, unlike iptables) after the
# base match.
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
@filter:OUTPUT -j CLASSIFY --set-class 1:2;=;OK
@filter:OUTPUT -j CLASSIFY --set-class ffff:ffff;=;OK
@filter:OUTPUT -j CLASSIFY --set-class 0:0;=;OK
@filter:OUTPUT -j CLASSIFY --set-class 0x1:0x2;-j CLASSIFY --set-class 1:2;OK
@filter:OUTPUT -j CLASSIFY --set-class ABCD:ef;-j CLASSIFY --set-class abcd:ef;OK
@filter:OUTPUT -j CLASSIFY --set-class 10:20;=;OK
@filter:OUTPUT -j CLASSIFY --set-class 0010:0020;-j CLASSIFY --set-class 10:20;OK
@filter:OUTPUT -o eth0 -j CLASSIFY --set-class 10:20;-j CLASSIFY -o eth0 --set-class 10:20;OK
@filter:OUTPUT -d 1.2.3.4 --opcode 2 -j CLASSIFY --set-class 1:1;-j CLASSIFY -d 1.2.3.4 --opcode 2 --set-class 1:1;OK
@filter:USERCHAIN -j CLASSIFY --set-class 1:2;=;OK
@filter:OUTPUT -j CLASSIFY;;FAIL;CLASSIFY: option "--set-class" must be specified\n
@filter:OUTPUT -j CLASSIFY --set-class 1;;FAIL;Bad class value "1"
@filter:OUTPUT -j CLASSIFY --set-class 1:;;FAIL;Bad class value "1:"
@filter:OUTPUT -j CLASSIFY --set-class :1;;FAIL;Bad class value ":1"
@filter:OUTPUT -j CLASSIFY --set-class x:1;;FAIL;Bad class value "x:1"
@filter:OUTPUT -j CLASSIFY ! --set-class 1:2;;FAIL;CLASSIFY: option "--set-class" cannot be inverted.\n
@filter:OUTPUT -j CLASSIFY --set-class 1:2 --set-class 3:4;;FAIL;CLASSIFY: option "--set-class" can only be used once.\n
@filter:OUTPUT -j CLASSIFY --set-c 1:2;;FAIL;unknown option "--set-c"
@filter:OUTPUT -j CLASSIFY --set-class;;FAIL;option "--set-class" requires an argument
@filter:OUTPUT --set-class 1:2;;FAIL;unknown option "--set-class"
# 1.8.9 bug: each part is cut to 16 bits (10000 stores 0, -1 stores ffff)
# and anything after MAJOR:MINOR is ignored (1:2:3 stores 1:2)
# @filter:OUTPUT -j CLASSIFY --set-class 10000:0;-j CLASSIFY --set-class 0:0;OK
# @filter:OUTPUT -j CLASSIFY --set-class 1:10000;-j CLASSIFY --set-class 1:0;OK
# @filter:OUTPUT -j CLASSIFY --set-class -1:2;-j CLASSIFY --set-class ffff:2;OK
# @filter:OUTPUT -j CLASSIFY --set-class 1:2:3;-j CLASSIFY --set-class 1:2;OK
# the kernel refuses CLASSIFY in INPUT (RULE_APPEND failed, status 4)
# -j CLASSIFY --set-class 1:2
