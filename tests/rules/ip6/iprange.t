# -m iprange (ip6): the xt_iprange_mtinfo blob (rev 1)
-m iprange --src-range ::1-::5;=;OK
-m iprange ! --dst-range fe80::1;-m iprange ! --dst-range fe80::1-fe80::1;OK
-m iprange --src-range 2001:db8::1-2001:db8::ffff ! --dst-range ::5-::1;=;OK
-m iprange;;FAIL;iprange match: You must specify `--src-range' or `--dst-range'
-m iprange --src-range 1.2.3.4;;FAIL;iprange: Bad value for "--src-range" option: "1.2.3.4"
-m iprange --dst-range fe80::/64;;FAIL;iprange: Bad value for "--dst-range" option: "fe80::/64"
