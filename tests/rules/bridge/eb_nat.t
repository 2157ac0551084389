# ebtables -j snat / -j dnat (compat targets, ebt_nat_info); the kernel takes
# snat in nat POSTROUTING, dnat in nat PREROUTING and OUTPUT
# args;expected save form (= same as args);OK|FAIL[;message]
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55;-j snat --to-src 00:11:22:33:44:55 --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-src 0:1:2:3:4:5 --snat-arp;-j snat --to-src 00:01:02:03:04:05 --snat-arp --snat-target ACCEPT;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target DROP;-j snat --to-src 00:11:22:33:44:55 --snat-target DROP;OK
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target CONTINUE --snat-arp;-j snat --to-src 00:11:22:33:44:55 --snat-arp --snat-target CONTINUE;OK
@nat:POSTROUTING -j snat --snat-arp --to-source 00:11:22:33:44:55 --snat-target RETURN;-j snat --to-src 00:11:22:33:44:55 --snat-arp --snat-target RETURN;OK
@nat:POSTROUTING -j snat --to-source AA:BB:CC:DD:EE:FF;-j snat --to-src aa:bb:cc:dd:ee:ff --snat-target ACCEPT;OK
@nat:POSTROUTING -p ARP -j snat --to-src 00:11:22:33:44:55 --snat-arp;-p ARP -j snat --to-src 00:11:22:33:44:55 --snat-arp --snat-target ACCEPT;OK
@nat:PREROUTING -j dnat --to-destination 00:11:22:33:44:55;-j dnat --to-dst 00:11:22:33:44:55 --dnat-target ACCEPT;OK
@nat:PREROUTING -j dnat --to-dst 0:1:2:3:4:5 --dnat-target DROP;-j dnat --to-dst 00:01:02:03:04:05 --dnat-target DROP;OK
@nat:PREROUTING -j dnat --to-dst 0:1:2:3:4:5 --dnat-target CONTINUE;-j dnat --to-dst 00:01:02:03:04:05 --dnat-target CONTINUE;OK
@nat:OUTPUT -j dnat --to-dst ff:ff:ff:ff:ff:ff --dnat-target RETURN;=;OK
@nat:POSTROUTING -j snat;;FAIL;You must specify proper arguments
@nat:POSTROUTING -j snat --snat-arp;;FAIL;No snat address supplied
@nat:POSTROUTING -j snat --snat-target DROP;;FAIL;No snat address supplied
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44;;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55:66;;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-src 00:11:22:33:44:5g;;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-source 000:11:22:33:44:55;;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-source "";;FAIL;Problem with specified --to-source mac
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --to-src 00:11:22:33:44:56;;FAIL;Multiple use of same option not allowed
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-arp --snat-arp;;FAIL;Multiple use of same option not allowed
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 --snat-target foo;;FAIL;Illegal --snat-target target
@nat:POSTROUTING -j snat --to-source ! 00:11:22:33:44:55;;FAIL;Unexpected `!' after --to-source
@nat:POSTROUTING -j snat --to-source 00:11:22:33:44:55 ! --snat-arp;;FAIL;Unexpected `!' after --snat-arp
@nat:PREROUTING -j dnat;;FAIL;You must specify proper arguments
@nat:PREROUTING -j dnat --dnat-target DROP;;FAIL;No dnat address supplied
@nat:PREROUTING -j dnat --to-dst x;;FAIL;Problem with specified --to-destination mac
@nat:PREROUTING -j dnat --to-dst 0:1:2:3:4:5 --dnat-target bad;;FAIL;Illegal --dnat-target target
@nat:PREROUTING -j dnat --to-dst 0:1:2:3:4:5 --to-dst 0:1:2:3:4:6;;FAIL;Multiple use of same option not allowed
@nat:PREROUTING -j dnat --to-dst 0:1:2:3:4:5 --dnat-target ! DROP;;FAIL;Unexpected `!' after --dnat-target
@nat:PREROUTING --to-dst 0:1:2:3:4:5;;FAIL;option "--to-dst" needs -j dnat before it
