# -j NETMAP (nf_nat_range, revision 0)
@nat:PREROUTING -j NETMAP --to 2001:db8::/64;=;OK
@nat:PREROUTING -j NETMAP --to 2001:db8::1;-j NETMAP --to 2001:db8::1/128;OK
@nat:POSTROUTING -j NETMAP --to 2001:db8:1::/ffff:ffff:ffff::;-j NETMAP --to 2001:db8:1::/48;OK
-j NETMAP;;FAIL;NETMAP: option "--to" must be specified\n
-j NETMAP --to ::1/129;;FAIL;NETMAP: bad value for option "--to", neither a valid network mask nor valid CIDR (0-128).\n
# deliberate: 1.8.9 takes a mask with holes as /128
-j NETMAP --to 2001:db8::/ffff::ff;;FAIL;NETMAP: bad value for option "--to", neither a valid network mask nor valid CIDR (0-128).\n
