# -m udp
-p udp --dport 53;-p udp -m udp --dport 53;OK
-p udp --sport 53 --dport 1024:65535;-p udp -m udp --sport 53 --dport 1024:65535;OK
-p udp ! --sport 67:68;-p udp -m udp ! --sport 67:68;OK
-p udp -m udp;=;OK
-p udp --sport 22 --sport 23;;FAIL;udp: option "--source-port" can only be used once.\n
-p tcp -m udp --dport 22;;FAIL;UDP match requires '-p udp'
-p udp -m udp --sport 53 -m udp --sport 54;=;OK
-p udp ! --sport 5 ! --dport 6;-p udp -m udp ! --sport 5 ! --dport 6;OK;ours
! -p udp --sport 53;! -p udp -m udp --sport 53;OK
# udp ports are read by libxtables' option engine: any protocol's service
# names (ssh is tcp-only in /etc/services), getaddrinfo's numbers, lo > hi
-p udp --dport ssh;-p udp -m udp --dport 22;OK
-p udp --sport ssh:domain;-p udp -m udp --sport 22:53;OK
-p udp --dport 99999;-p udp -m udp --dport 34463;OK
-p udp --dport 5:3;-p udp -m udp --dport 5:3;OK
-p udp --dport 0x10;;FAIL;Port "0x10" does not resolve to anything.\n
-p udp --dport 22:no-such-service;;FAIL;Port "no-such-service" does not resolve to anything.\n
-p udp --dport 1:2:3;;FAIL;udp: Too many components for option "--destination-port" (max: 2)\n
