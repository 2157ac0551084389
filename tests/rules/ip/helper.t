# -m helper: the xt_helper_info blob (rev 0)
-m helper --helper ftp;=;OK
-m helper ! --helper sip;=;OK
-m helper --helper "";=;OK
-m helper --helper ftp-2121 -j ACCEPT;=;OK
-m helper --helper 12345678901234567890123456789;=;OK
-m helper;;FAIL;helper: option "--helper" must be specified\n
-m helper --helper 123456789012345678901234567890;;FAIL;Argument must have a maximum length of 29 characters\n
-m helper --helper a --helper b;;FAIL;helper: option "--helper" can only be used once.\n
