# -j TRACE: native meta nftrace set 1 (1 byte immediate in register 9)
@raw:PREROUTING -j TRACE;=;OK
@raw:OUTPUT -p tcp -j TRACE;=;OK
-j TRACE;=;OK
-j TRACE --foo;;FAIL;unknown option "--foo"
