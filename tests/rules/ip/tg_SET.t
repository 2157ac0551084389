# -j SET: xt_set_info_target_v3 (target rev 3); unused sets are index 65535
#! ipset create foo hash:ip; ipset create bar hash:ip,port; ipset create six hash:ip family inet6; ipset create l list:set
-j SET --add-set foo src;=;OK
-j SET --del-set bar src,dst;=;OK
-j SET --add-set foo src --exist --timeout 60;=;OK
-j SET --add-set foo src --del-set bar dst,dst --exist;-j SET --add-set foo src --exist --del-set bar dst,dst;OK
-p tcp -j SET --add-set l dst --timeout 0;=;OK
@mangle:FORWARD -j SET --map-set foo src --map-mark --map-prio --map-queue;=;OK
-j SET;;FAIL;You must specify either `--add-set' or `--del-set' or `--map-set'
-j SET --add-set nope src;;FAIL;Set nope doesn't exist.\n
-j SET --add-set six src;;FAIL;The protocol family of set six is IPv6, which is not applicable.\n
-j SET --add-set foo;;FAIL;--add-set requires two args.
-j SET --add-set foo src --add-set foo dst;;FAIL;--add-set can be specified only once
-j SET --del-set foo src --exist;;FAIL;Flag `--exist' can be used with `--add-set' only
-j SET --del-set foo src --timeout 5;;FAIL;Option `--timeout' can be used with `--add-set' only
-j SET --add-set foo src --timeout 4294967295;;FAIL;Invalid value for option --timeout or out of range 0-4294967294
-j SET --add-set foo src --map-mark;;FAIL;Flag `--map-mark' can be used with `--map-set' only
-j SET --map-set foo src;;FAIL;You must specify flags `--map-mark' or '--map-prio` or `--map-queue'
-j SET ! --add-set foo src;;FAIL;--add-set option cannot be inverted
