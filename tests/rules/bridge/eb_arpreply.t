# ebtables -j arpreply (compat target, ebt_arpreply_info); nat PREROUTING, -p ARP
# args;expected save form (= same as args);OK|FAIL[;message]
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target ACCEPT;=;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target DROP;-p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 0:1:2:3:4:5 --arpreply-target CONTINUE;-p ARP -j arpreply --arpreply-mac 00:01:02:03:04:05 --arpreply-target CONTINUE;OK
@nat:PREROUTING -p ARP -j arpreply --arpreply-target RETURN --arpreply-mac 00:11:22:33:44:5;-p ARP -j arpreply --arpreply-mac 00:11:22:33:44:05 --arpreply-target RETURN;OK
@nat:PREROUTING -p ARP -i eth0 -j arpreply --arpreply-mac 02:00:00:00:00:01;=;OK
@nat:PREROUTING -p ARP -j arpreply;;FAIL;No arpreply mac supplied
@nat:PREROUTING -p ARP -j arpreply --arpreply-target RETURN;;FAIL;No arpreply mac supplied
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac x;;FAIL;Problem with specified --arpreply-mac mac
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55:66;;FAIL;Problem with specified --arpreply-mac mac
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00-11-22-33-44-55;;FAIL;Problem with specified --arpreply-mac mac
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-mac 00:11:22:33:44:56;;FAIL;Multiple use of same option not allowed
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target bad;;FAIL;Illegal --arpreply-target target
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac 00:11:22:33:44:55 --arpreply-target DROP --arpreply-target ACCEPT;;FAIL;Multiple use of same option not allowed
@nat:PREROUTING -p ARP -j arpreply --arpreply-mac ! 00:11:22:33:44:55;;FAIL;Unexpected `!' after --arpreply-mac
@nat:PREROUTING -p ARP -j arpreply ! --arpreply-mac 00:11:22:33:44:55;;FAIL;Unexpected `!' after --arpreply-mac
