# ip base match: -s -d -i -o -p -f
# args;expected save form (= same as args);OK|FAIL[;message]
-j ACCEPT;=;OK
-s 10.0.0.0/8 -j DROP;=;OK
-s 1.2.3.4;-s 1.2.3.4/32;OK
-s 1.2.3.4/24;-s 1.2.3.0/24;OK
-s 10.1.2.3/30 -d 192.168.0.0/255.255.0.255;-s 10.1.2.0/30 -d 192.168.0.0/255.255.0.255;OK
! -s 1.2.3.4 ! -d 5.6.7.0/24;! -s 1.2.3.4/32 ! -d 5.6.7.0/24;OK
-s 10 -d 10.1;-s 10.0.0.0/32 -d 10.1.0.0/32;OK
-d 0.0.0.0/1;=;OK
-i eth0;=;OK
-i eth+;=;OK
! -i lo+ -o eth1;=;OK
! -i +;=;OK
-i +;;OK;ours
-o verylongname123;=;OK
-p tcp;=;OK
! -p udp;=;OK
-p 47;-p gre;OK
-p sctp -j DROP;=;OK
-p all;;OK
-f;=;OK
! -f -i a;-i a ! -f;OK
-s 1.2.3.4/33;;FAIL;invalid mask `33' specified
-s 1.2.3.4/x;;FAIL;invalid mask `x' specified
-p foo;;FAIL;unknown protocol "foo" specified
! -p all;;FAIL;rule would never match protocol
-i verylongname1234;;FAIL;interface name `verylongname1234' must be shorter than IFNAMSIZ (15)
-s 1.1.1.1 -s 2.2.2.2;;FAIL;multiple -s flags not allowed
! -s 1.1.1.1,2.2.2.2;;FAIL;! not allowed with multiple source or destination IP addresses
