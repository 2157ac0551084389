# -j REDIRECT (nf_nat_ipv4_multi_range_compat, revision 0)
@nat:PREROUTING -p tcp -j REDIRECT;=;OK
@nat:PREROUTING -p tcp -j REDIRECT --to-ports 3128;=;OK
@nat:OUTPUT -p udp -j REDIRECT --to-ports 8080-8090 --random;=;OK
@nat:OUTPUT -j REDIRECT --random;=;OK
-j REDIRECT --to-ports 80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p tcp -j REDIRECT --to-ports 80-90/100;;FAIL;Shifted portmap ranges not supported with this kernel
-p tcp -j REDIRECT --to-ports 90-80;;FAIL;Port range `80' funky
-j REDIRECT --random-fully;;FAIL;unknown option "--random-fully"
