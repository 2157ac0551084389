# -m udp
-p udp --dport 53;-p udp -m udp --dport 53;OK
-p udp --sport 53 --dport 1024:65535;-p udp -m udp --sport 53 --dport 1024:65535;OK
-p udp ! --sport 67:68;-p udp -m udp ! --sport 67:68;OK
-p udp -m udp;=;OK
-p udp --sport 22 --sport 23;;FAIL;Only one `--source-port' allowed
-p tcp -m udp --dport 22;;FAIL;UDP match requires '-p udp'
-p udp -m udp --sport 53 -m udp --sport 54;=;OK
-p udp ! --sport 5 ! --dport 6;-p udp -m udp ! --sport 5 ! --dport 6;OK;ours
! -p udp --sport 53;! -p udp -m udp --sport 53;OK
