# ebtables' log watcher (the log compat target, ebt_log_info, before the counter)
# args;expected save form (= same as args);OK|FAIL[;message]
--log;--log-level notice -j CONTINUE;OK
--log-prefix foo;--log-level notice --log-prefix "foo" -j CONTINUE;OK
--log-level 2 --log-ip --log-arp --log-ip6;--log-level crit --log-ip --log-arp --log-ip6 -j CONTINUE;OK
--log-level info;--log-level info -j CONTINUE;OK
--log-level 7;--log-level debug -j CONTINUE;OK
--log-level 0;--log-level emerg -j CONTINUE;OK
--log-level 0x3;--log-level error -j CONTINUE;OK
--log-level warning;--log-level warning -j CONTINUE;OK
--log-level alert;--log-level alert -j CONTINUE;OK
--log-prefix "";--log-level notice -j CONTINUE;OK
--log-prefix "a b" -j DROP;--log-level notice --log-prefix "a b" -j DROP;OK
--log-prefix 12345678901234567890123456789;--log-level notice --log-prefix "12345678901234567890123456789" -j CONTINUE;OK
--log --log --log-ip --log-ip;--log-level notice --log-ip -j CONTINUE;OK
-p IPv4 --mark 3 --log-ip;-p IPv4 --mark 0x3 --log-level notice --log-ip -j CONTINUE;OK
--log-level 8;;FAIL;Problem with the log-level
--log-level a;;FAIL;Problem with the log-level
--log-level warn;;FAIL;Problem with the log-level
--log-level panic;;FAIL;Problem with the log-level
--log-level "";;FAIL;Problem with the log-level
--log-prefix "a\"b";;FAIL;Use of \" is not allowed in the prefix
--log-prefix 123456789012345678901234567890;;FAIL;Prefix too long
--log-prefix a --log-prefix b;;FAIL;Multiple use of same option not allowed
--log-level 1 --log-level 2;;FAIL;Multiple use of same option not allowed
! --log;;FAIL;The use of '!' makes no sense for the nflog watcher
! --log-ip;;FAIL;The use of '!' makes no sense for the nflog watcher
--log-prefix ! x;;FAIL;The use of '!' makes no sense for the nflog watcher
