# -j TPROXY (xt_tproxy_target_info_v1, revision 1)
@mangle:PREROUTING -p tcp -j TPROXY --on-port 80 --on-ip 2001:db8::1 --tproxy-mark 0x1/0x3;=;OK
@mangle:PREROUTING -p udp -j TPROXY --on-port 80;-p udp -j TPROXY --on-port 80 --on-ip :: --tproxy-mark 0x0/0x0;OK
-p tcp -j TPROXY;;FAIL;TPROXY: option "--on-port" must be specified\n
-p tcp -j TPROXY --on-port 80 --on-ip 1.2.3.4;;FAIL;getaddrinfo: Address family for hostname not supported\n
