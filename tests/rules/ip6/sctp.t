# -m sctp: xt_sctp_info (rev 0), ports included; -p sctp loads it
-p sctp --dport 80;-p sctp -m sctp --dport 80;OK
-p sctp -m sctp ! --sport 1:2 --chunk-types only INIT,INIT_ACK;=;OK
