# --stp-type, --stp-flags, --stp-root-prio, --stp-root-addr,
# --stp-root-cost, --stp-sender-prio, --stp-sender-addr, --stp-port,
# --stp-msg-age, --stp-max-age, --stp-hello-time, --stp-forward-delay:
# compat match "stp" rev 0 (struct ebt_stp_info: type, config_info, bitmask,
# invflags).  The man page wants -d BGA; 1.8.9 and the kernel do not check
# it.  type/flags: names or strtol base 0; ranges: decimal, "A:B", ":B",
# "A:"; a range with equal ends is saved as one number.
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
-d BGA --stp-type config;-d BGA --stp-type config -j CONTINUE;OK
-d BGA --stp-type 0;-d BGA --stp-type config -j CONTINUE;OK
-d BGA --stp-type tcn;-d BGA --stp-type tcn -j CONTINUE;OK
-d BGA --stp-type 0x80;-d BGA --stp-type tcn -j CONTINUE;OK
-d BGA --stp-type 010;-d BGA --stp-type 8 -j CONTINUE;OK
-d BGA --stp-type 255;-d BGA --stp-type 255 -j CONTINUE;OK
-d BGA --stp-type ! config;-d BGA --stp-type ! config -j CONTINUE;OK
-d BGA ! --stp-type tcn;-d BGA --stp-type ! tcn -j CONTINUE;OK
-d BGA --stp-t config;-d BGA --stp-type config -j CONTINUE;OK
-d BGA --stp-flags topology-change;-d BGA --stp-flags topology-change -j CONTINUE;OK
-d BGA --stp-flags 1;-d BGA --stp-flags topology-change -j CONTINUE;OK
-d BGA --stp-flags topology-change-ack;-d BGA --stp-flags topology-change-ack -j CONTINUE;OK
-d BGA --stp-flags 0x3;-d BGA --stp-flags 3 -j CONTINUE;OK
-d BGA --stp-flags ! 1;-d BGA --stp-flags ! topology-change -j CONTINUE;OK
-d BGA ! --stp-flags topology-change-ack;-d BGA --stp-flags ! topology-change-ack -j CONTINUE;OK
-d BGA --stp-root-prio 4096;-d BGA --stp-root-prio 4096 -j CONTINUE;OK
-d BGA --stp-root-prio 0:4096;-d BGA --stp-root-prio 0:4096 -j CONTINUE;OK
-d BGA --stp-root-prio :4096;-d BGA --stp-root-prio 0:4096 -j CONTINUE;OK
-d BGA --stp-root-prio 4096:;-d BGA --stp-root-prio 4096:65535 -j CONTINUE;OK
-d BGA --stp-root-prio 5:5;-d BGA --stp-root-prio 5 -j CONTINUE;OK
-d BGA --stp-root-prio 0:65535;-d BGA --stp-root-prio 0:65535 -j CONTINUE;OK
-d BGA --stp-root-prio 010;-d BGA --stp-root-prio 10 -j CONTINUE;OK
-d BGA --stp-root-prio ! 4096;-d BGA --stp-root-prio ! 4096 -j CONTINUE;OK
-d BGA ! --stp-root-prio 1:2;-d BGA --stp-root-prio ! 1:2 -j CONTINUE;OK
-d BGA --stp-root-p 1;-d BGA --stp-root-prio 1 -j CONTINUE;OK
-d BGA --stp-root-addr 00:11:22:33:44:55;-d BGA --stp-root-addr 00:11:22:33:44:55 -j CONTINUE;OK
-d BGA --stp-root-addr 00:11:22:33:44:55/ff:ff:ff:00:00:00;-d BGA --stp-root-addr 00:11:22:00:00:00/ff:ff:ff:00:00:00 -j CONTINUE;OK
-d BGA --stp-root-addr Broadcast;-d BGA --stp-root-addr ff:ff:ff:ff:ff:ff -j CONTINUE;OK
-d BGA --stp-root-addr ! 00:11:22:33:44:55;-d BGA --stp-root-addr ! 00:11:22:33:44:55 -j CONTINUE;OK
-d BGA ! --stp-root-addr 00:11:22:33:44:55;-d BGA --stp-root-addr ! 00:11:22:33:44:55 -j CONTINUE;OK
-d BGA --stp-root-cost 100;-d BGA --stp-root-cost 100 -j CONTINUE;OK
-d BGA --stp-root-cost 0:4294967295;-d BGA --stp-root-cost 0:4294967295 -j CONTINUE;OK
-d BGA --stp-root-cost 100:;-d BGA --stp-root-cost 100:4294967295 -j CONTINUE;OK
-d BGA --stp-root-cost ! 100:200;-d BGA --stp-root-cost ! 100:200 -j CONTINUE;OK
-d BGA ! --stp-root-cost 100;-d BGA --stp-root-cost ! 100 -j CONTINUE;OK
-d BGA --stp-sender-prio 32768;-d BGA --stp-sender-prio 32768 -j CONTINUE;OK
-d BGA --stp-sender-prio ! 1:2;-d BGA --stp-sender-prio ! 1:2 -j CONTINUE;OK
-d BGA ! --stp-sender-prio 32768;-d BGA --stp-sender-prio ! 32768 -j CONTINUE;OK
-d BGA --stp-sender-addr 00:11:22:33:44:55;-d BGA --stp-sender-addr 00:11:22:33:44:55 -j CONTINUE;OK
-d BGA --stp-sender-addr ! 00:11:22:33:44:55/ff:ff:ff:ff:ff:00;-d BGA --stp-sender-addr ! 00:11:22:33:44:00/ff:ff:ff:ff:ff:00 -j CONTINUE;OK
-d BGA ! --stp-sender-addr 00:11:22:33:44:55;-d BGA --stp-sender-addr ! 00:11:22:33:44:55 -j CONTINUE;OK
-d BGA --stp-port 1:65535;-d BGA --stp-port 1:65535 -j CONTINUE;OK
-d BGA --stp-port ! 1;-d BGA --stp-port ! 1 -j CONTINUE;OK
-d BGA ! --stp-port 1:2;-d BGA --stp-port ! 1:2 -j CONTINUE;OK
-d BGA --stp-msg-age 1:2;-d BGA --stp-msg-age 1:2 -j CONTINUE;OK
-d BGA ! --stp-msg-age 1;-d BGA --stp-msg-age ! 1 -j CONTINUE;OK
-d BGA --stp-max-age 6:40;-d BGA --stp-max-age 6:40 -j CONTINUE;OK
-d BGA --stp-max-age ! 20;-d BGA --stp-max-age ! 20 -j CONTINUE;OK
-d BGA --stp-hello-time 2;-d BGA --stp-hello-time 2 -j CONTINUE;OK
-d BGA ! --stp-hello-time 1:10;-d BGA --stp-hello-time ! 1:10 -j CONTINUE;OK
-d BGA --stp-forward-delay 4:30;-d BGA --stp-forward-delay 4:30 -j CONTINUE;OK
-d BGA --stp-forward-delay ! 15;-d BGA --stp-forward-delay ! 15 -j CONTINUE;OK
-d BGA --stp-type config --stp-flags 1 --stp-root-prio 1:2 --stp-root-addr 00:11:22:33:44:55 --stp-root-cost 3:4 --stp-sender-prio 5:6 --stp-sender-addr 00:11:22:33:44:66 --stp-port 7:8 --stp-msg-age 9:10 --stp-max-age 11:12 --stp-hello-time 13:14 --stp-forward-delay 15:16 -j DROP;-d BGA --stp-type config --stp-flags topology-change --stp-root-prio 1:2 --stp-root-addr 00:11:22:33:44:55 --stp-root-cost 3:4 --stp-sender-prio 5:6 --stp-sender-addr 00:11:22:33:44:66 --stp-port 7:8 --stp-msg-age 9:10 --stp-max-age 11:12 --stp-hello-time 13:14 --stp-forward-delay 15:16 -j DROP;OK
-d BGA --stp-forward-delay 15:16 --stp-hello-time 13:14 --stp-max-age 11:12 --stp-msg-age 9:10 --stp-port 7:8 --stp-sender-addr 00:11:22:33:44:66 --stp-sender-prio 5:6 --stp-root-cost 3:4 --stp-root-addr 00:11:22:33:44:55 --stp-root-prio 1:2 --stp-flags 1 --stp-type config;-d BGA --stp-type config --stp-flags topology-change --stp-root-prio 1:2 --stp-root-addr 00:11:22:33:44:55 --stp-root-cost 3:4 --stp-sender-prio 5:6 --stp-sender-addr 00:11:22:33:44:66 --stp-port 7:8 --stp-msg-age 9:10 --stp-max-age 11:12 --stp-hello-time 13:14 --stp-forward-delay 15:16 -j CONTINUE;OK
-d 01:80:c2:00:00:00 --stp-type config;-d BGA --stp-type config -j CONTINUE;OK
--stp-type config;--stp-type config -j CONTINUE;OK
-d ! BGA --stp-type tcn;-d ! BGA --stp-type tcn -j CONTINUE;OK
-d BGA --stp-type 256;;FAIL;Bad --stp-type argument
-d BGA --stp-type foo;;FAIL;Bad --stp-type argument
-d BGA --stp-flags 256;;FAIL;Bad --stp-flags argument
-d BGA --stp-flags foo;;FAIL;Bad --stp-flags argument
-d BGA --stp-root-prio 65536;;FAIL;Bad --stp-root-prio range
-d BGA --stp-root-prio 10:5;;FAIL;Bad --stp-root-prio range
-d BGA --stp-root-prio foo;;FAIL;Bad --stp-root-prio range
-d BGA --stp-root-addr foo;;FAIL;Bad --stp-root-addr address
-d BGA --stp-port 1:2:3;;FAIL;Bad --stp-port-range
-d BGA --stp-port 0x10;;FAIL;Bad --stp-port-range
-d BGA --stp-port -1;;FAIL;Bad --stp-port-range
-d BGA --stp-type config --stp-type tcn;;FAIL;Multiple use of same option not allowed
-d BGA --stp-f 1;;FAIL;Unknown argument: '1'
-d BGA --stp-type;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: a root cost above 32 bits wraps (4294967296 is stored as 0)
# xtnft refuses it:
-d BGA --stp-root-cost 4294967296;;FAIL;Bad --stp-root-cost range
# more values and errors
-d BGA --stp-type TCN;-d BGA --stp-type tcn -j CONTINUE;OK
-d BGA --stp-flags Topology-Change;-d BGA --stp-flags topology-change -j CONTINUE;OK
-d BGA --stp-flags 0200;-d BGA --stp-flags topology-change-ack -j CONTINUE;OK
-d BGA --stp-root-prio " 5";-d BGA --stp-root-prio 5 -j CONTINUE;OK
-d BGA --stp-root-prio :;-d BGA --stp-root-prio 0:65535 -j CONTINUE;OK
-d BGA --stp-sender-addr BGA;-d BGA --stp-sender-addr 01:80:c2:00:00:00 -j CONTINUE;OK
-d BGA --stp-root-addr multicast;-d BGA --stp-root-addr 01:00:00:00:00:00/01:00:00:00:00:00 -j CONTINUE;OK
-d BGA --stp-sender-addr foo;;FAIL;Bad --stp-sender-addr address
-d BGA --stp-root-cost 2:1;;FAIL;Bad --stp-root-cost range
-d BGA --stp-sender-prio 65536;;FAIL;Bad --stp-sender-prio range
-d BGA --stp-msg-age x;;FAIL;Bad --stp-msg-age range
-d BGA --stp-max-age 1:x;;FAIL;Bad --stp-max-age range
-d BGA --stp-hello-time 70000:;;FAIL;Bad --stp-hello-time range
-d BGA --stp-forward-delay 5:4;;FAIL;Bad --stp-forward-delay range
-d BGA --stp-port 1 --stp-port 1;;FAIL;Multiple use of same option not allowed
# 1.8.9 reads each bound with strtoul into 32 bits before checking it
# ("4294967296" is 0, "-1" is 4294967295, "" is 0): refused
-d BGA --stp-root-prio 4294967296;;FAIL;Bad --stp-root-prio range
-d BGA --stp-root-cost -1;;FAIL;Bad --stp-root-cost range
-d BGA --stp-root-cost 1:4294967296;;FAIL;Bad --stp-root-cost range
-d BGA --stp-port "";;FAIL;Bad --stp-port-range
-d BGA --stp-type "";;FAIL;Bad --stp-type argument
-d BGA --stp-flags "";;FAIL;Bad --stp-flags argument
# 1.8.9 ignores what follows the six bytes of a MAC: refused
-d BGA --stp-root-addr 00:11:22:33:44:55:66;;FAIL;Bad --stp-root-addr address
