# -m ipv6header: ip6t_ipv6header_info (rev 0)
-m ipv6header --header hop-by-hop;=;OK
-m ipv6header ! --header ipv6-route,ipv6-frag,esp,ah,ipv6-nonxt,ipv6-opts,protocol --soft;-m ipv6header ! --header ipv6-opts,ipv6-route,ipv6-frag,ah,esp,ipv6-nonxt,protocol --soft;OK
-m ipv6header --header hop,dst,route,frag,auth,esp,none,prot;-m ipv6header --header hop-by-hop,ipv6-opts,ipv6-route,ipv6-frag,ah,esp,ipv6-nonxt,protocol;OK
-m ipv6header --header 0,60,43,44,51,50,59,255;-m ipv6header --header hop-by-hop,ipv6-opts,ipv6-route,ipv6-frag,ah,esp,ipv6-nonxt,protocol;OK
-m ipv6header --header ,ah,;-m ipv6header --header ah;OK
-m ipv6header --header foo;;FAIL;unknown header `foo' specified
-m ipv6header --header 256;;FAIL;unknown header `256' specified
-m ipv6header --header ,;;FAIL;ip6t_ipv6header: cannot parse header names
-m ipv6header --soft;;FAIL;ipv6header: option "--header" must be specified\n
