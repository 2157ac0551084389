# -j SNAT (nf_nat_ipv4_multi_range_compat, revision 0)
@nat:POSTROUTING -j SNAT --to-source 1.2.3.4;=;OK
@nat:POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4-1.2.3.9:100-200 --random --random-fully --persistent;=;OK
@nat:POSTROUTING -p udp -j SNAT --to-source :1024;=;OK
@nat:POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:80-80;-p tcp -j SNAT --to-source 1.2.3.4:80;OK
@nat:POSTROUTING -p icmp -j SNAT --to-source 10.0.0.1:5;=;OK
@nat:POSTROUTING -p sctp -j SNAT --to-source 10.0.0.1:0-65535;=;OK
@nat:POSTROUTING ! -p tcp -j SNAT --to-source 10.0.0.1:5;=;OK
@nat:POSTROUTING -j SNAT --to-source 1.2.3.9-1.2.3.4 --persistent;=;OK
-j SNAT;;FAIL;SNAT: option "--to-source" must be specified\n
-j SNAT --to-source 1.2.3.4:80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p all -j SNAT --to-source 1.2.3.4:80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p tcp -j SNAT --to-source 1.2.3.4:70000;;FAIL;Port `70000' not valid
-p tcp -j SNAT --to-source 1.2.3.4:80:90;;FAIL;Bad IP address "1.2.3.4:80:90"
-p tcp -j SNAT --to-source 1.2.3.4:90-80;;FAIL;Port range `80' funky
-p tcp -j SNAT --to-source 1.2.3.4:80-x;;FAIL;Port `x' not valid
-p tcp -j SNAT --to-source 1.2.3.4:80x;;FAIL;Garbage after port value: `x'
-p tcp -j SNAT --to-source 1.2.3.4:80-90x;;FAIL;Garbage after port range: `x'
-p tcp -j SNAT --to-source 1.2.3.4:80/9;;FAIL;Garbage after port value: `/9'
-p tcp -j SNAT --to-source 1.2.3.4:80-90/0;;FAIL;Port `0' not valid
-j SNAT --to-source 1.2.3.400;;FAIL;Bad IP address "1.2.3.400"
-j SNAT --to-source 1.2.3.4-;;FAIL;Bad IP address ""
-j SNAT --to-source [1.2.3.4];;FAIL;Invalid address format
-j SNAT --to-source 1.2.3.4 --to-source 1.2.3.6;;FAIL;SNAT: option "--to-source" can only be used once.\n
-j SNAT --to-source 1.2.3.4 ! --random;;FAIL;SNAT: option "--random" cannot be inverted.\n
# deliberate: 1.8.9 keeps the shift flag without its base port ("/0")
-p tcp -j SNAT --to-source 1.2.3.4:80-90/100;;FAIL;Shifted portmap ranges are supported by DNAT only
# deliberate: 1.8.9 takes "12:80" as ":80" (the address is dropped)
-p tcp -j SNAT --to-source 12:80;;FAIL;Bad IP address "12"
