# ebtables --mark (the mark_m compat match, ebt_mark_m_info)
# args;expected save form (= same as args);OK|FAIL[;message]
--mark 1;--mark 0x1 -j CONTINUE;OK
--mark 0x10/0xff;--mark 0x10/0xff -j CONTINUE;OK
--mark ! 5;--mark ! 0x5 -j CONTINUE;OK
! --mark 5/7;--mark ! 0x5/0x7 -j CONTINUE;OK
--mark /0xff;--mark /0xff -j CONTINUE;OK
--mark ! /3;--mark ! /0x3 -j CONTINUE;OK
--mark 0/0;--mark 0x0/0x0 -j CONTINUE;OK
--mark 0xffffffff;--mark 0xffffffff -j CONTINUE;OK
--mark 5/0xffffffff;--mark 0x5 -j CONTINUE;OK
--mark 010 -j DROP;--mark 0x8 -j DROP;OK
-p IPv4 --mark 3 -j ACCEPT;-p IPv4 --mark 0x3 -j ACCEPT;OK
--mark x;;FAIL;Bad mark value 'x'
--mark 1/x;;FAIL;Bad mark value '1/x'
--mark "";;FAIL;Bad mark value ''
--mark 1/;;FAIL;Bad mark value '1/'
--mark /;;FAIL;Bad mark value '/'
--mark 0x100000000;;FAIL;Bad mark value '0x100000000'
--mark -1;;FAIL;Bad mark value '-1'
--mark 1/0x100000000;;FAIL;Bad mark value '1/0x100000000'
--mark 1 --mark 2;;FAIL;Multiple use of same option not allowed
