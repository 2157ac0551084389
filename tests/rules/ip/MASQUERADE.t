# -j MASQUERADE (nf_nat_ipv4_multi_range_compat, revision 0)
@nat:POSTROUTING -j MASQUERADE;=;OK
@nat:POSTROUTING -p udp -j MASQUERADE --to-ports 1000-2000 --random --random-fully;=;OK
@nat:POSTROUTING -p tcp -j MASQUERADE --to-ports 0;=;OK
@nat:POSTROUTING -p tcp -j MASQUERADE --to-ports 5-5;-p tcp -j MASQUERADE --to-ports 5;OK
@nat:POSTROUTING -j MASQUERADE --random-fully;=;OK
-j MASQUERADE --to-ports 80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p tcp -j MASQUERADE --to-ports 1.2.3.4:80;;FAIL;Garbage after port value: `.2.3.4:80'
-p tcp -j MASQUERADE --to-ports 80:90;;FAIL;Invalid port:port syntax - use dash
-p tcp -j MASQUERADE --to-ports 65536;;FAIL;Port `65536' not valid
-j MASQUERADE --persistent;;FAIL;unknown option "--persistent"
-j MASQUERADE --random --random;;FAIL;MASQUERADE: option "--random" can only be used once.\n
# deliberate: 1.8.9 keeps the shift flag without its base port ("/0")
-p tcp -j MASQUERADE --to-ports 80-90/100;;FAIL;Shifted portmap ranges are supported by DNAT only
