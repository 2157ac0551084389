# -m mark (native: meta mark, host byte order)
# args;expected save form (= same as args);OK|FAIL[;message]
-m mark --mark 1;-m mark --mark 0x1;OK
-m mark --mark 0x1/0xff;=;OK
-m mark ! --mark 0x1/0xff;=;OK
-m mark --mark 0/0;-m mark --mark 0x0/0x0;OK
-m mark --mark 0xffffffff;=;OK
-m mark --mark 5/0xffffffff;-m mark --mark 0x5;OK
-m mark --mark 5/1;-m mark --mark 0x5/0x1;OK
-m mark --mark 0x8000/0x8000 -j DROP;=;OK
-m mark --mark 1 -m mark --mark 2;-m mark --mark 0x1 -m mark --mark 0x2;OK
-m mark;;FAIL;mark: option "--mark" must be specified\n
-m mark --mark x;;FAIL;mark: bad integer value for option "--mark", or out of range.\n
-m mark --mark 1/x;;FAIL;mark: bad integer value for option "--mark", or out of range.\n
-m mark --mark 0x100000000;;FAIL;mark: bad integer value for option "--mark", or out of range.\n
-m mark --mark 1 --mark 2;;FAIL;mark: option "--mark" can only be used once.\n
