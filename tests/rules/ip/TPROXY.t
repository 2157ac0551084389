# -j TPROXY (xt_tproxy_target_info_v1, revision 1)
@mangle:PREROUTING -p tcp -j TPROXY --on-port 80 --on-ip 1.2.3.4 --tproxy-mark 1/3;-p tcp -j TPROXY --on-port 80 --on-ip 1.2.3.4 --tproxy-mark 0x1/0x3;OK
@mangle:PREROUTING -p tcp -j TPROXY --on-port 0;-p tcp -j TPROXY --on-port 0 --on-ip 0.0.0.0 --tproxy-mark 0x0/0x0;OK
@mangle:PREROUTING -p udp -j TPROXY --on-port 5353 --tproxy-mark 5;-p udp -j TPROXY --on-port 5353 --on-ip 0.0.0.0 --tproxy-mark 0x5/0xffffffff;OK
-p tcp -j TPROXY;;FAIL;TPROXY: option "--on-port" must be specified\n
-p tcp -j TPROXY --on-port 80 --tproxy-mark x;;FAIL;TPROXY: bad integer value for option "--tproxy-mark", or out of range.\n
-p tcp -j TPROXY --on-port 80 --on-ip ::1;;FAIL;getaddrinfo: Address family for hostname not supported\n
-p tcp -j TPROXY ! --on-port 80;;FAIL;TPROXY: option "--on-port" cannot be inverted.\n
# deliberate: 1.8.9 wraps the port into 16 bits
-p tcp -j TPROXY --on-port 70000;;FAIL;Port "70000" does not resolve to anything.\n
