# --vlan-id, --vlan-prio, --vlan-encap: compat match "vlan" rev 0 (struct
# ebt_vlan_info: id, prio, encap (BE), bitmask, invflags); the kernel wants
# -p 802_1Q.  id 0-4094 and prio 0-7 are decimal; encap is hex 0x0001-0xffff
# or an /etc/ethertypes name, saved as 4 upper-case hex digits.
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-p 802_1Q --vlan-id 1;-p 802_1Q --vlan-id 1 -j CONTINUE;OK
-p 802_1Q --vlan-id 0;-p 802_1Q --vlan-id 0 -j CONTINUE;OK
-p 802_1Q --vlan-id 4094;-p 802_1Q --vlan-id 4094 -j CONTINUE;OK
-p 802_1Q --vlan-id 010;-p 802_1Q --vlan-id 10 -j CONTINUE;OK
-p 802_1Q --vlan-id ! 1;-p 802_1Q --vlan-id ! 1 -j CONTINUE;OK
-p 802_1Q ! --vlan-id 1;-p 802_1Q --vlan-id ! 1 -j CONTINUE;OK
-p 802_1Q --vlan-i 1;-p 802_1Q --vlan-id 1 -j CONTINUE;OK
-p 0x8100 --vlan-id 1;-p 802_1Q --vlan-id 1 -j CONTINUE;OK
-p 802_1Q --vlan-prio 0;-p 802_1Q --vlan-prio 0 -j CONTINUE;OK
-p 802_1Q --vlan-prio 7;-p 802_1Q --vlan-prio 7 -j CONTINUE;OK
-p 802_1Q --vlan-prio ! 3;-p 802_1Q --vlan-prio ! 3 -j CONTINUE;OK
-p 802_1Q ! --vlan-prio 3;-p 802_1Q --vlan-prio ! 3 -j CONTINUE;OK
-p 802_1Q --vlan-p 1;-p 802_1Q --vlan-prio 1 -j CONTINUE;OK
-p 802_1Q --vlan-id 0 --vlan-prio 3;-p 802_1Q --vlan-id 0 --vlan-prio 3 -j CONTINUE;OK
-p 802_1Q --vlan-encap IPv4;-p 802_1Q --vlan-encap 0800 -j CONTINUE;OK
-p 802_1Q --vlan-encap 0x0800;-p 802_1Q --vlan-encap 0800 -j CONTINUE;OK
-p 802_1Q --vlan-encap 0800;-p 802_1Q --vlan-encap 0800 -j CONTINUE;OK
-p 802_1Q --vlan-encap ARP;-p 802_1Q --vlan-encap 0806 -j CONTINUE;OK
-p 802_1Q --vlan-encap 0x1234;-p 802_1Q --vlan-encap 1234 -j CONTINUE;OK
-p 802_1Q --vlan-encap 0x05ff;-p 802_1Q --vlan-encap 05FF -j CONTINUE;OK
-p 802_1Q --vlan-encap 0xffff;-p 802_1Q --vlan-encap FFFF -j CONTINUE;OK
-p 802_1Q --vlan-encap ! IPv4;-p 802_1Q --vlan-encap ! 0800 -j CONTINUE;OK
-p 802_1Q ! --vlan-encap IPv4;-p 802_1Q --vlan-encap ! 0800 -j CONTINUE;OK
-p 802_1Q --vlan-e IPv6;-p 802_1Q --vlan-encap 86DD -j CONTINUE;OK
-p 802_1Q --vlan-id 10 --vlan-encap IPv6 -j ACCEPT;-p 802_1Q --vlan-id 10 --vlan-encap 86DD -j ACCEPT;OK
-p 802_1Q --vlan-encap IPv6 --vlan-prio 0 --vlan-id 0;-p 802_1Q --vlan-id 0 --vlan-prio 0 --vlan-encap 86DD -j CONTINUE;OK
-p ! 802_1Q --vlan-id 1;-p ! 802_1Q --vlan-id 1 -j CONTINUE;OK
-p 802_1Q --vlan-id 4095;;FAIL;Invalid --vlan-id range ('4095')
-p 802_1Q --vlan-id -1;;FAIL;Invalid --vlan-id range ('-1')
-p 802_1Q --vlan-id 0x10;;FAIL;Invalid --vlan-id range ('0x10')
-p 802_1Q --vlan-id foo;;FAIL;Invalid --vlan-id range ('foo')
-p 802_1Q --vlan-prio 8;;FAIL;Invalid --vlan-prio range ('8')
-p 802_1Q --vlan-prio foo;;FAIL;Invalid --vlan-prio range ('foo')
-p 802_1Q --vlan-encap 0x0000;;FAIL;Invalid --vlan-encap range ('0x0000')
-p 802_1Q --vlan-encap 0x10000;;FAIL;Invalid --vlan-encap range ('0x10000')
-p 802_1Q --vlan-encap foo;;FAIL;Unknown --vlan-encap value ('foo')
-p 802_1Q --vlan-encap Length;;FAIL;Unknown --vlan-encap value ('Length')
-p 802_1Q --vlan-id 1 --vlan-id 2;;FAIL;Multiple use of same option not allowed
-p 802_1Q --vlan-id;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: --vlan-prio with a non-zero --vlan-id is dropped (the prio
# value is stored but its bitmask bit is not: the rule ignores it)
# xtnft refuses it:
-p 802_1Q --vlan-id 5 --vlan-prio 3;;FAIL;--vlan-prio needs --vlan-id 0 (the kernel ignores the priority of VLAN 5)
-p 802_1Q --vlan-prio 3 --vlan-id ! 5;;FAIL;--vlan-prio needs --vlan-id 0 (the kernel ignores the priority of VLAN 5)
# the kernel refuses (RULE_APPEND failed, status 4) without -p 802_1Q
# --vlan-id 1
# -p IPv4 --vlan-id 1
# more values and errors
-p 802_1Q --vlan-id " 7";-p 802_1Q --vlan-id 7 -j CONTINUE;OK
-p 802_1Q --vlan-encap 3c;-p 802_1Q --vlan-encap 003C -j CONTINUE;OK
-p 802_1Q --vlan-encap ipv4;-p 802_1Q --vlan-encap 0800 -j CONTINUE;OK
-p 802_1Q --vlan-encap 3b;;FAIL;Invalid --vlan-encap range ('3b')
-p 802_1Q --vlan-encap 0x;;FAIL;Unknown --vlan-encap value ('0x')
-p 802_1Q --vlan-encap "";;FAIL;Invalid --vlan-encap range ('')
-p 802_1Q --vlan-prio 1 --vlan-prio 1;;FAIL;Multiple use of same option not allowed
-p 802_1Q --vlan-encap ARP --vlan-encap ARP;;FAIL;Multiple use of same option not allowed
# 1.8.9 reads into the narrower field before checking ("65541" is id 5,
# "257" prio 1, "10800" and "-1" encap 0800 and FFFF, "" id 0): refused
-p 802_1Q --vlan-id 65541;;FAIL;Invalid --vlan-id range ('65541')
-p 802_1Q --vlan-id -65535;;FAIL;Invalid --vlan-id range ('-65535')
-p 802_1Q --vlan-id "";;FAIL;Invalid --vlan-id range ('')
-p 802_1Q --vlan-prio 257;;FAIL;Invalid --vlan-prio range ('257')
-p 802_1Q --vlan-prio "";;FAIL;Invalid --vlan-prio range ('')
-p 802_1Q --vlan-encap 10800;;FAIL;Invalid --vlan-encap range ('10800')
-p 802_1Q --vlan-encap -1;;FAIL;Invalid --vlan-encap range ('-1')
