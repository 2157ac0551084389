# -j REDIRECT (nf_nat_range, revision 0)
@nat:PREROUTING -p tcp -j REDIRECT --to-ports 8080;=;OK
@nat:OUTPUT -p udp -j REDIRECT --to-ports 53-60 --random;=;OK
@nat:OUTPUT -j REDIRECT;=;OK
-j REDIRECT --to-ports 80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p tcp -j REDIRECT --to-ports 80-90/100;;FAIL;Shifted portmap ranges not supported with this kernel
