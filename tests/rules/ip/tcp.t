# -m tcp: native ports and flags, the xt_tcp blob otherwise
-p tcp --dport 22;-p tcp -m tcp --dport 22;OK
-p tcp -m tcp --sport 1024:65535 --dport 80;=;OK
-p tcp --sport 5 --dport 6;-p tcp -m tcp --sport 5 --dport 6;OK
-p tcp ! --sport 5 --dport 6;-p tcp -m tcp ! --sport 5 --dport 6;OK
-p tcp --dport :1000;-p tcp -m tcp --dport 0:1000;OK
-p tcp ! --dport :1000;-p tcp -m tcp --dport 1001:65535;OK
-p tcp --dport 1000:;-p tcp -m tcp --dport 1000:65535;OK
-p tcp ! --dport 1000:2000;-p tcp -m tcp ! --dport 1000:2000;OK
-p tcp --sport 0;-p tcp -m tcp --sport 0;OK
-p tcp --syn;-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN;OK
-p tcp ! --syn;-p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN;OK
-p tcp --tcp-flags ALL NONE;-p tcp -m tcp --tcp-flags FIN,SYN,RST,PSH,ACK,URG NONE;OK
-p tcp --tcp-flags syn,ack syn --dport 443;-p tcp -m tcp --dport 443 --tcp-flags SYN,ACK SYN;OK
-p tcp --tcp-option 2;-p tcp -m tcp --tcp-option 2;OK
-p tcp ! --tcp-option 8 --dport 5:6;-p tcp -m tcp --dport 5:6 ! --tcp-option 8;OK
-p tcp -m tcp;=;OK
-p tcp --dport ssh;-p tcp -m tcp --dport 22;OK
-p tcp --dport 99999;;FAIL;invalid port/service `99999' specified
-p tcp --dport 5:3;;FAIL;invalid portrange (min > max)
-p tcp --dport 22 --dport 23;;FAIL;Only one `--destination-port' allowed
-p tcp --syn --syn;;FAIL;Only one of `--syn' or `--tcp-flags'  allowed
-p tcp --tcp-flags SYN;;FAIL;--tcp-flags requires two args.
-p tcp --tcp-flags SYN,FOO SYN;;FAIL;Unknown TCP flag `FOO'
-p tcp --tcp-option 0;;FAIL;Bad TCP option "0"
-m tcp --dport 22;;FAIL;TCP match requires '-p tcp'
--dport 22;;FAIL;unknown option "--dport"
# a port given again is a second match, not an overwrite (1.8.9 shows only the last)
-p tcp -m tcp --dport 22 -m tcp --dport 23;=;OK
-p tcp -m tcp --sport 1 --dport 2 -m tcp --dport 3;=;OK
# 1.8.9's encoding bugs, written as upstream does now (interop.md 2.9 #8, #9)
-p tcp ! --sport 5 ! --dport 6;-p tcp -m tcp ! --sport 5 ! --dport 6;OK;ours
-p tcp ! --dport 0:65535;-p tcp -m tcp ! --dport 0:65535;OK;ours
# the tcp fields of "! -p tcp": 1.8.9 writes and reads them (a fuzz finding)
! -p tcp ! --syn;! -p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN;OK
! -p tcp --dport 22;! -p tcp -m tcp --dport 22;OK
