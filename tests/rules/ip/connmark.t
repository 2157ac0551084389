# -m connmark: xt_connmark_mtinfo1 (rev 1)
-m connmark --mark 5;-m connmark --mark 0x5;OK
-m connmark ! --mark 0x5/0xff;=;OK
-m connmark --mark 5/0xffffffff;-m connmark --mark 0x5;OK
-m connmark --mark 0/0 -j ACCEPT;-m connmark --mark 0x0/0x0 -j ACCEPT;OK
-m connmark;;FAIL;connmark: option "--mark" must be specified\n
-m connmark --mark x;;FAIL;connmark: bad integer value for option "--mark", or out of range.\n
