# -m recent (ip6): the xt_recent_mtinfo_v1 blob (rev 1)
-m recent --set;-m recent --set --name DEFAULT --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource;OK
-m recent --set --mask ffff:: --rsource;-m recent --set --name DEFAULT --mask ffff:: --rsource;OK
-m recent ! --update --seconds 5 --name ssh --rdest;-m recent ! --update --seconds 5 --name ssh --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rdest;OK
-m recent --rcheck --mask 255.255.255.0;;FAIL;getaddrinfo: Address family for hostname not supported\n
