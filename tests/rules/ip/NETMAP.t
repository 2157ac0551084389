# -j NETMAP (nf_nat_ipv4_multi_range_compat, revision 0)
@nat:PREROUTING -j NETMAP --to 10.0.0.0/8;=;OK
@nat:PREROUTING -j NETMAP --to 10.1.2.3/255.255.0.0;-j NETMAP --to 10.1.0.0/16;OK
@nat:POSTROUTING -j NETMAP --to 10.1.2.3;-j NETMAP --to 10.1.2.3/32;OK
@nat:POSTROUTING -j NETMAP --to 10.1.2.3/0;-j NETMAP --to 0.0.0.0/0;OK
-j NETMAP;;FAIL;NETMAP: option "--to" must be specified\n
-j NETMAP --to 1.2.3.4/x;;FAIL;NETMAP: bad value for option "--to", neither a valid network mask nor valid CIDR (0-32).\n
-j NETMAP ! --to 1.2.3.4;;FAIL;NETMAP: option "--to" cannot be inverted.\n
-j NETMAP --to 1.2.3.4 --to 1.2.3.5;;FAIL;NETMAP: option "--to" can only be used once.\n
# deliberate: 1.8.9 takes /33 and masks with holes as /32
-j NETMAP --to 1.2.3.4/33;;FAIL;NETMAP: bad value for option "--to", neither a valid network mask nor valid CIDR (0-32).\n
-j NETMAP --to 10.1.2.3/255.0.255.0;;FAIL;NETMAP: bad value for option "--to", neither a valid network mask nor valid CIDR (0-32).\n
