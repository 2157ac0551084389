# -j TRACE: native meta nftrace set 1
@raw:PREROUTING -j TRACE;=;OK
@raw:OUTPUT -s 2001:db8::1 -j TRACE;-s 2001:db8::1/128 -j TRACE;OK
