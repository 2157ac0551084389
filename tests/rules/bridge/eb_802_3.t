# --802_3-sap / --802_3-type: compat match "802_3" rev 0 (struct
# ebt_802_3_info: sap, type (BE), bitmask, invflags); the kernel wants
# "-p Length" (1.8.9 checks only the protocol value, not its "!").
# sap and type are read as hex, with or without 0x.
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-p Length --802_3-sap 0x42;-p Length --802_3-sap 0x42 -j CONTINUE;OK
-p Length --802_3-sap 42;-p Length --802_3-sap 0x42 -j CONTINUE;OK
-p Length --802_3-sap 010;-p Length --802_3-sap 0x10 -j CONTINUE;OK
-p Length --802_3-sap 0;-p Length --802_3-sap 0x00 -j CONTINUE;OK
-p Length --802_3-sap 0xff;-p Length --802_3-sap 0xff -j CONTINUE;OK
-p Length --802_3-sap ! 0xaa;-p Length --802_3-sap ! 0xaa -j CONTINUE;OK
-p Length ! --802_3-sap 0xaa;-p Length --802_3-sap ! 0xaa -j CONTINUE;OK
-p Length --802_3-type 0x0800;-p Length --802_3-type 0x0800 -j CONTINUE;OK
-p Length --802_3-type 800;-p Length --802_3-type 0x0800 -j CONTINUE;OK
-p Length --802_3-type 0;-p Length --802_3-type 0x0000 -j CONTINUE;OK
-p Length --802_3-type 0xffff;-p Length --802_3-type 0xffff -j CONTINUE;OK
-p Length --802_3-type ! 0x86dd;-p Length --802_3-type ! 0x86dd -j CONTINUE;OK
-p Length ! --802_3-type 0x86dd;-p Length --802_3-type ! 0x86dd -j CONTINUE;OK
-p Length --802_3-sap 0xaa --802_3-type 0x0806;-p Length --802_3-sap 0xaa --802_3-type 0x0806 -j CONTINUE;OK
-p Length --802_3-type 0x0806 --802_3-sap 0xaa -j DROP;-p Length --802_3-sap 0xaa --802_3-type 0x0806 -j DROP;OK
-p Length --802_3-sap ! 0xaa --802_3-type ! 0x0806 -j ACCEPT;=;OK
-p ! Length --802_3-sap 0x42;-p ! Length --802_3-sap 0x42 -j CONTINUE;OK
-p Length --802_3-sa 0x42;-p Length --802_3-sap 0x42 -j CONTINUE;OK
-p Length --802_3-t 0x800;-p Length --802_3-type 0x0800 -j CONTINUE;OK
# a repeated option: the last one counts
# 1.8.9 lets the last of a repeated option win: refused
-p Length --802_3-sap 0x42 --802_3-sap 0x43;;FAIL;Multiple use of same option not allowed
-p Length --802_3-sap 255;;FAIL;Problem with specified sap hex value, 255
-p Length --802_3-sap 0x100;;FAIL;Problem with specified sap hex value, 100
-p Length --802_3-sap -1;;FAIL;Problem with specified sap hex value, ffffffff
-p Length --802_3-sap foo;;FAIL;Problem with specified sap hex value, f
-p Length --802_3-sap 0x42x;;FAIL;Problem with specified sap hex value, 42
-p Length --802_3-sap 0x;;FAIL;Problem with specified sap hex value, 0
-p Length --802_3-sap;;FAIL;Unknown argument: '(null)'
-p Length --802_3-type 0x10000;;FAIL;Problem with the specified type hex value, 10000
-p Length --802_3-type IPv4;;FAIL;Problem with the specified type hex value, 0
-p Length --802_3-type 08x;;FAIL;Problem with the specified type hex value, 8
--802_3-sap 0x42;;FAIL;For 802.3 DSAP/SSAP filtering the protocol must be LENGTH
-p IPv4 --802_3-type 0x0800;;FAIL;For 802.3 DSAP/SSAP filtering the protocol must be LENGTH
# more values and errors
-p Length --802_3-sap " 5";-p Length --802_3-sap 0x05 -j CONTINUE;OK
--802_3-type 0x0800 -p Length;-p Length --802_3-type 0x0800 -j CONTINUE;OK
-p Length --802_3-type 1 --802_3-type 1;;FAIL;Multiple use of same option not allowed
-p Length --802_3-type -1;;FAIL;Problem with the specified type hex value, ffffffff
-p 0x0800 ! --802_3-sap 1;;FAIL;For 802.3 DSAP/SSAP filtering the protocol must be LENGTH
# 1.8.9 stores "" as 0 and wraps a number past 32 bits: refused
-p Length --802_3-sap "";;FAIL;Problem with specified sap hex value, 0
-p Length --802_3-type "";;FAIL;Problem with the specified type hex value, 0
-p Length --802_3-sap 100000042;;FAIL;Problem with specified sap hex value, 100000042
-p Length --802_3-type 100000800;;FAIL;Problem with the specified type hex value, 100000800
