# -m connlimit (IPv6): xt_connlimit_info (rev 1)
-m connlimit --connlimit-upto 1;-m connlimit --connlimit-upto 1 --connlimit-mask 128 --connlimit-saddr;OK
-m connlimit --connlimit-above 10 --connlimit-mask 64 --connlimit-daddr;=;OK
-m connlimit --connlimit-upto 1 --connlimit-mask ffff::;-m connlimit --connlimit-upto 1 --connlimit-mask 16 --connlimit-saddr;OK
-m connlimit --connlimit-upto 1 --connlimit-mask 129;;FAIL;connlimit: bad value for option "--connlimit-mask", neither a valid network mask nor valid CIDR (0-128).\n
