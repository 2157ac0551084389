# -j SET (ip6): the same blob
#! ipset create foo hash:ip; ipset create bar hash:ip,port; ipset create six hash:ip family inet6; ipset create l list:set
-j SET --add-set six src,src --exist;=;OK
-j SET --del-set l dst;=;OK
