# -j DNAT (nf_nat_range2, revision 2)
@nat:PREROUTING -j DNAT --to-destination 1.2.3.4;=;OK
@nat:PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4-1.2.3.5:80-90/100 --random --persistent;=;OK
@nat:PREROUTING -p tcp -j DNAT --to-destination :80;=;OK
@nat:OUTPUT -p udp -j DNAT --to-destination 192.168.0.1:53-53;-p udp -j DNAT --to-destination 192.168.0.1:53;OK
@nat:PREROUTING -p sctp -j DNAT --to-destination 10.0.0.1:1000-1999/1;=;OK
-j DNAT;;FAIL;DNAT: option "--to-destination" must be specified\n
-j DNAT --to-destination 1.2.3.4:80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p tcp -j DNAT --to-destination 1.2.3.4:70000;;FAIL;Port `70000' not valid
-p tcp -j DNAT --to-destination 1.2.3.4:80-90/0;;FAIL;Port `0' not valid
-p tcp -j DNAT --to-destination 1.2.3.4:80-90/70000;;FAIL;Port `70000' not valid
# deliberate: 1.8.9 prints a one-port range with a base as PORT/BASE and
# refuses to read it back; read here as PORT-PORT/BASE
@nat:PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80/10;=;OK
-j DNAT --to-destination [1.2.3.4]:80;;FAIL;Invalid address format
-j DNAT --to-destination 1.2.3.4 --random-fully;;FAIL;unknown option "--random-fully"
# deliberate: 1.8.9 reads "/10x" as base port 10
-p tcp -j DNAT --to-destination 1.2.3.4:80-90/10x;;FAIL;Port `10x' not valid
