# -m helper (IPv6): the xt_helper_info blob (rev 0)
-m helper --helper ftp;=;OK
-m helper ! --helper sip;=;OK
