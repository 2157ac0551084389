# -j NFQUEUE: rev 3, as for ip
-j NFQUEUE --queue-num 7;=;OK
-j NFQUEUE --queue-balance 10:20 --queue-bypass --queue-cpu-fanout;=;OK
