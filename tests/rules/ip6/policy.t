# -m policy: xt_policy_info (rev 0); tunnel addresses kept unmasked
-m policy --dir out --pol ipsec --mode tunnel --tunnel-src 2001:db8::1/64 ! --tunnel-dst ::1 --spi 0xffffffff;-m policy --dir out --pol ipsec --spi 0xffffffff --mode tunnel ! --tunnel-dst ::1 --tunnel-src 2001:db8::1/64;OK
-m policy --dir in --pol ipsec --strict --mode tunnel --tunnel-src ::/0 --next --proto esp;=;OK
-m policy --dir in --pol none;=;OK
-m policy --dir in --mode tunnel --tunnel-src 2001:db8::/ffff:0::ffff;;FAIL;policy: bad value for option "--tunnel-src", neither a valid network mask nor valid CIDR (0-128).\n
