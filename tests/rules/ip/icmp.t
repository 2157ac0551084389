# -m icmp: always the ipt_icmp blob
-p icmp --icmp-type echo-request;-p icmp -m icmp --icmp-type 8;OK
-p icmp ! --icmp-type 3/4;-p icmp -m icmp ! --icmp-type 3/4;OK
-p icmp --icmp-type any;-p icmp -m icmp --icmp-type any;OK
-p icmp --icmp-type port-unreachable;-p icmp -m icmp --icmp-type 3/3;OK
-p icmp --icmp-type PING;-p icmp -m icmp --icmp-type 8;OK
-p icmp --icmp-type echo;;FAIL;Ambiguous ICMP type `echo': `echo-reply' or `echo-request'?
-p icmp --icmp-type 300;;FAIL;Unknown ICMP type `300'
-p icmp --icmp-type 3/x;;FAIL;Unknown ICMP code `3/x'
-p icmp -m icmp;;FAIL;icmp: option "--icmp-type" must be specified\n
