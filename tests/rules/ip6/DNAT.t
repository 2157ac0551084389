# -j DNAT (nf_nat_range2, revision 2)
@nat:PREROUTING -j DNAT --to-destination 2001:db8::1;=;OK
@nat:PREROUTING -p tcp -j DNAT --to-destination [2001:db8::1]:80-90/100 --random --persistent;=;OK
@nat:PREROUTING -j DNAT --to-destination 2001:db8::1-2001:db8::3;=;OK
@nat:OUTPUT -p udp -j DNAT --to-destination [::1]:53;=;OK
-j DNAT;;FAIL;DNAT: option "--to-destination" must be specified\n
-j DNAT --to-destination [::1]:80;;FAIL;Need TCP, UDP, SCTP or DCCP with port specification
-p tcp -j DNAT --to-destination [2001:db8::1]-[2001:db8::2]:80;;FAIL;Port `db8::2]:80' not valid
-p tcp -j DNAT --to-destination [10.0.0.1]:80;;FAIL;Bad IP address "10.0.0.1"
# deliberate: 1.8.9 skips text outside the brackets
-p tcp -j DNAT --to-destination [::1]-:80;;FAIL;Invalid address format
