# -j LOG: xt_log_info compat blob, rev 0 (the same struct as ip)
-j LOG;=;OK
-j LOG --log-level debug --log-prefix "v6: ";-j LOG --log-prefix "v6: " --log-level 7;OK
-j LOG --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid --log-macdecode;=;OK
-j LOG --log-level 9;;FAIL;log level "9" unknown\n
