# -j SNAT (nf_nat_range, revision 1)
@nat:POSTROUTING -j SNAT --to-source 2001:db8::1;=;OK
@nat:POSTROUTING -p tcp -j SNAT --to-source [2001:db8::1]:100-200 --random;=;OK
@nat:POSTROUTING -p tcp -j SNAT --to-source [2001:db8::1-2001:db8::9]:80 --persistent;=;OK
@nat:POSTROUTING -p udp -j SNAT --to-source 2001:db8::1-2001:db8::9 --random-fully;=;OK
@nat:POSTROUTING -p tcp -j SNAT --to-source [2001:db8::1];-p tcp -j SNAT --to-source 2001:db8::1;OK
@nat:POSTROUTING -p tcp -j SNAT --to-source []:80;-p tcp -j SNAT --to-source :80;OK
@nat:POSTROUTING -p tcp -j SNAT --to-source ::1:80;-p tcp -j SNAT --to-source ::0.1.0.128;OK
-j SNAT;;FAIL;SNAT: option "--to-source" must be specified\n
-p icmpv6 -j SNAT --to-source [::1]:80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p tcp -j SNAT --to-source [2001:db8::1]-[2001:db8::9]:80;;FAIL;Port `db8::9]:80' not valid
-p tcp -j SNAT --to-source 1.2.3.4;;FAIL;Bad IP address "1.2.3.4"
-p tcp -j SNAT --to-source [::1;;FAIL;Invalid address format
-p tcp -j SNAT --to-source [::1]:80:90;;FAIL;Invalid port:port syntax - use dash
-p tcp -j SNAT --to-source [];;FAIL;Bad IP address ""
# deliberate: 1.8.9 skips text outside the brackets
-p tcp -j SNAT --to-source x[::1]:80;;FAIL;Invalid address format
-p tcp -j SNAT --to-source [::1]x:80;;FAIL;Invalid address format
-p tcp -j SNAT --to-source [::1]x;;FAIL;Invalid address format
# deliberate: 1.8.9 keeps the shift flag without its base port ("/0")
-p tcp -j SNAT --to-source [::1]:80-90/100;;FAIL;Shifted portmap ranges are supported by DNAT only
