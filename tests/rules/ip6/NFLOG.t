# -j NFLOG: native log expression, as for ip
-j NFLOG;=;OK
-j NFLOG --nflog-prefix v6 --nflog-group 7 --nflog-size 64 --nflog-threshold 10;=;OK
