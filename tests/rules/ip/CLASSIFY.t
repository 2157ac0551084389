# -j CLASSIFY: xt_classify_target_info compat blob, rev 0 (mangle OUTPUT/FORWARD/POSTROUTING)
@mangle:POSTROUTING -j CLASSIFY --set-class 1:2;-j CLASSIFY --set-class 0001:0002;OK
@mangle:POSTROUTING -j CLASSIFY --set-class ffff:ffff;=;OK
@mangle:POSTROUTING -j CLASSIFY --set-class 0:0;-j CLASSIFY --set-class 0000:0000;OK
@mangle:POSTROUTING -j CLASSIFY --set-class 0x1:0x2;-j CLASSIFY --set-class 0001:0002;OK
@mangle:FORWARD -o eth0 -j CLASSIFY --set-class 10:20;-o eth0 -j CLASSIFY --set-class 0010:0020;OK
@mangle:OUTPUT -p tcp -j CLASSIFY --set-class ABCD:ef;-p tcp -j CLASSIFY --set-class abcd:00ef;OK
@mangle:POSTROUTING -j CLASSIFY;;FAIL;CLASSIFY: option "--set-class" must be specified\n
@mangle:POSTROUTING -j CLASSIFY --set-class 1;;FAIL;Bad class value "1"
@mangle:POSTROUTING -j CLASSIFY --set-class 1:;;FAIL;Bad class value "1:"
@mangle:POSTROUTING -j CLASSIFY --set-class :1;;FAIL;Bad class value ":1"
@mangle:POSTROUTING -j CLASSIFY --set-class x:1;;FAIL;Bad class value "x:1"
@mangle:POSTROUTING -j CLASSIFY --set-class 10000:0;;FAIL;Bad class value "10000:0"
@mangle:POSTROUTING -j CLASSIFY --set-class 1:10000;;FAIL;Bad class value "1:10000"
@mangle:POSTROUTING -j CLASSIFY --set-class 1:2:3;;FAIL;Bad class value "1:2:3"
@mangle:POSTROUTING -j CLASSIFY --set-class -1:2;;FAIL;Bad class value "-1:2"
@mangle:POSTROUTING -j CLASSIFY ! --set-class 1:2;;FAIL;CLASSIFY: option "--set-class" cannot be inverted.\n
