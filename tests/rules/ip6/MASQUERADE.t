# -j MASQUERADE (nf_nat_range, revision 0)
@nat:POSTROUTING -j MASQUERADE;=;OK
@nat:POSTROUTING -p tcp -j MASQUERADE --to-ports 5 --random;=;OK
@nat:POSTROUTING -p udp -j MASQUERADE --to-ports 1000-2000 --random-fully;=;OK
-j MASQUERADE --to-ports 80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
# deliberate: 1.8.9 keeps the shift flag without its base port ("/0")
-p tcp -j MASQUERADE --to-ports 80-90/100;;FAIL;Shifted portmap ranges are supported by DNAT only
