# -m tcp over IPv6 (meta l4proto, like IPv4 in 1.8.9)
-p tcp --dport 22;-p tcp -m tcp --dport 22;OK
-p udp --sport 547 --dport 546;-p udp -m udp --sport 547 --dport 546;OK
