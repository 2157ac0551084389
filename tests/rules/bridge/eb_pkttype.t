# ebtables --pkttype-type (the pkttype compat match, ebt_pkttype_info)
# args;expected save form (= same as args);OK|FAIL[;message]
--pkttype-type host;--pkttype-type host -j CONTINUE;OK
--pkttype-type ! broadcast;--pkttype-type ! broadcast -j CONTINUE;OK
! --pkttype-type multicast;--pkttype-type ! multicast -j CONTINUE;OK
--pkttype-type otherhost -j DROP;=;OK
--pkttype-type outgoing;--pkttype-type outgoing -j CONTINUE;OK
--pkttype-type loopback;--pkttype-type loopback -j CONTINUE;OK
--pkttype-type fastroute;--pkttype-type fastroute -j CONTINUE;OK
--pkttype-type HOST;--pkttype-type host -j CONTINUE;OK
--pkttype-type 3;--pkttype-type otherhost -j CONTINUE;OK
--pkttype-type 7;--pkttype-type 7 -j CONTINUE;OK
--pkttype-type bogus;;FAIL;Could not parse class 'bogus'
--pkttype-type 1g;;FAIL;Could not parse class '1g'
--pkttype-type "";;FAIL;Could not parse class ''
--pkttype-type 100;;FAIL;Problem with specified pkttype class
--pkttype-type -1;;FAIL;Problem with specified pkttype class
--pkttype-type 8;;FAIL;Problem with specified pkttype class
--pkttype-type 10;;FAIL;Problem with specified pkttype class
--pkttype-type host --pkttype-type broadcast;;FAIL;Multiple use of same option not allowed
