# -j TCPMSS (ip6): the same blob; the largest MSS leaves room for 40 bytes
-p tcp -j TCPMSS --set-mss 1400;=;OK
-p tcp -j TCPMSS --set-mss 65495;=;OK
@mangle:POSTROUTING -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu;-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j TCPMSS --clamp-mss-to-pmtu;OK
-p tcp -j TCPMSS --set-mss 65496;;FAIL;TCPMSS: bad value for option "--set-mss", or out of range (0-65495).\n
-p tcp -j TCPMSS;;FAIL;TCPMSS target: At least one parameter is required
