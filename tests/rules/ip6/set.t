# -m set (ip6): the same blob; a set's family must fit
#! ipset create foo hash:ip; ipset create bar hash:ip,port; ipset create six hash:ip family inet6; ipset create l list:set
-m set --match-set six src,dst -j DROP;=;OK
-m set --match-set l dst;=;OK
-m set --match-set foo src;;FAIL;The protocol family of set foo is IPv4, which is not applicable.\n
