# -m hashlimit (ip6): the xt_hashlimit_mtinfo3 blob (rev 3)
-m hashlimit --hashlimit-upto 5/sec --hashlimit-name a;-m hashlimit --hashlimit-upto 5/sec --hashlimit-burst 5 --hashlimit-name a;OK
-m hashlimit --hashlimit-upto 5/s --hashlimit-name a --hashlimit-srcmask 64 --hashlimit-dstmask ffff:: --hashlimit-mode srcip,dstip;-m hashlimit --hashlimit-upto 5/sec --hashlimit-burst 5 --hashlimit-mode srcip,dstip --hashlimit-name a --hashlimit-srcmask 64 --hashlimit-dstmask 16;OK
-m hashlimit --hashlimit-above 2kb/s --hashlimit-burst 8kb --hashlimit-name b;=;OK
-m hashlimit --hashlimit-upto 5/s --hashlimit-srcmask 129 --hashlimit-name a;;FAIL;hashlimit: bad value for option "--hashlimit-srcmask", neither a valid network mask nor valid CIDR (0-128).\n
