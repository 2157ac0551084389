# -m connmark (IPv6): xt_connmark_mtinfo1 (rev 1)
-m connmark --mark 0x1/0x1;=;OK
-m connmark ! --mark 0x10;=;OK
