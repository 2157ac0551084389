# -j TCPMSS: xt_tcpmss_info (target rev 0); the kernel wants -p tcp
-p tcp -j TCPMSS --set-mss 1400;=;OK
-p tcp --syn -j TCPMSS --set-mss 1400;-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j TCPMSS --set-mss 1400;OK
-p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu;-p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu;OK
-p tcp -j TCPMSS --set-mss 0;=;OK
-p tcp -j TCPMSS --set-mss 65515;=;OK
@mangle:POSTROUTING -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu;-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j TCPMSS --clamp-mss-to-pmtu;OK
-p tcp -j TCPMSS;;FAIL;TCPMSS target: At least one parameter is required
-p tcp -j TCPMSS --set-mss 1400 --set-mss 1300;;FAIL;TCPMSS: option "--set-mss" can only be used once.\n
-p tcp -j TCPMSS --set-mss 65516;;FAIL;TCPMSS: bad value for option "--set-mss", or out of range (0-65515).\n
-p tcp -j TCPMSS --set-mss x;;FAIL;TCPMSS: bad value for option "--set-mss", or out of range (0-65515).\n
-p tcp -j TCPMSS ! --set-mss 0;;FAIL;TCPMSS: option "--set-mss" cannot be inverted.\n
-p tcp -j TCPMSS --set-mss 1400 --clamp-mss-to-pmtu;;FAIL;TCPMSS: option "--set-mss" cannot be used together with "--clamp-mss-to-pmtu".\n
-p tcp -j TCPMSS --clamp-mss-to-pmtu --set-mss 1400;;FAIL;TCPMSS: option "--set-mss" cannot be used together with "--clamp-mss-to-pmtu".\n
