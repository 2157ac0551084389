# -j CONNMARK (IPv6): xt_connmark_tginfo2 (rev 2)
-j CONNMARK --set-xmark 0x1/0xff;=;OK
-j CONNMARK --restore-mark --nfmask 0x1 --ctmask 0x2;=;OK
