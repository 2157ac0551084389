# -j MARK: xt_mark_tginfo2 (target rev 2); save is always --set-xmark
# args;expected save form (= same as args);OK|FAIL[;message]
-j MARK --set-mark 1;-j MARK --set-xmark 0x1/0xffffffff;OK
-j MARK --set-mark 0x1/0xff;-j MARK --set-xmark 0x1/0xff;OK
-j MARK --set-mark 0x10/0x1;-j MARK --set-xmark 0x10/0x11;OK
-j MARK --set-xmark 1;-j MARK --set-xmark 0x1/0xffffffff;OK
-j MARK --set-xmark 0x1/0xff;=;OK
-j MARK --set-xmark 0x0/0x0;=;OK
-j MARK --set-xmark 0x5/0x0;=;OK
-j MARK --and-mark 0xf0;-j MARK --set-xmark 0x0/0xffffff0f;OK
-j MARK --or-mark 0xf0;-j MARK --set-xmark 0xf0/0xf0;OK
-j MARK --xor-mark 0xf0;-j MARK --set-xmark 0xf0/0x0;OK
-j MARK --and-mark 0xffffffff;-j MARK --set-xmark 0x0/0x0;OK
-p tcp --dport 22 -j MARK --set-mark 0x2;-p tcp -m tcp --dport 22 -j MARK --set-xmark 0x2/0xffffffff;OK
@mangle:PREROUTING -j MARK --set-mark 7;-j MARK --set-xmark 0x7/0xffffffff;OK
@mangle:POSTROUTING -m mark --mark 0x1 -j MARK --xor-mark 3;-m mark --mark 0x1 -j MARK --set-xmark 0x3/0x0;OK
-j MARK;;FAIL;MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required
-j MARK --set-mark 1 --and-mark 2;;FAIL;MARK: option "--set-mark" cannot be used together with "--and-mark".\n
-j MARK --xor-mark 1 --set-xmark 1;;FAIL;MARK: option "--set-xmark" cannot be used together with "--xor-mark".\n
-j MARK --set-mark 1 --set-mark 2;;FAIL;MARK: option "--set-mark" can only be used once.\n
-j MARK --set-mark x;;FAIL;MARK: bad integer value for option "--set-mark", or out of range.\n
-j MARK --set-xmark 1/;;FAIL;MARK: bad integer value for option "--set-xmark", or out of range.\n
-j MARK --and-mark 1/2;;FAIL;MARK: bad value for option "--and-mark", or out of range (0-4294967295).\n
-j MARK --or-mark 0x100000000;;FAIL;MARK: bad value for option "--or-mark", or out of range (0-4294967295).\n
-j MARK ! --set-mark 1;;FAIL;MARK: option "--set-mark" cannot be inverted.\n
