# -j DSCP (ip6): same blob
@mangle:POSTROUTING -j DSCP --set-dscp 46;-j DSCP --set-dscp 0x2e;OK
@mangle:PREROUTING -j DSCP --set-dscp-class AF11;-j DSCP --set-dscp 0x0a;OK
