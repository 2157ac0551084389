# -m ecn: xt_ecn_info
-p tcp -m ecn --ecn-tcp-cwr;=;OK
-p tcp -m ecn ! --ecn-tcp-ece --ecn-ip-ect 2;=;OK
-p tcp -m ecn --ecn-tcp-cwr --ecn-tcp-ece ! --ecn-ip-ect 3;-p tcp -m ecn --ecn-tcp-ece --ecn-tcp-cwr ! --ecn-ip-ect 3;OK
-m ecn ! --ecn-ip-ect 1;=;OK
-m ecn;;FAIL;ECN match: some option required
-m ecn --ecn-ip-ect 4;;FAIL;ecn: bad value for option "--ecn-ip-ect", or out of range (0-3).\n
