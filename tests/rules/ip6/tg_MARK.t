# -j MARK (ip6): the same xt_mark_tginfo2 blob
-j MARK --set-mark 1;-j MARK --set-xmark 0x1/0xffffffff;OK
-j MARK --set-xmark 0x1/0xff;=;OK
-j MARK --and-mark 0xf0;-j MARK --set-xmark 0x0/0xffffff0f;OK
-j MARK --or-mark 0xf0;-j MARK --set-xmark 0xf0/0xf0;OK
@mangle:PREROUTING -j MARK --xor-mark 0xf0;-j MARK --set-xmark 0xf0/0x0;OK
-j MARK;;FAIL;MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required
