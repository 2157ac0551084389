# -j DSCP: xt_DSCP_info (target rev 0), mangle only
@mangle:POSTROUTING -j DSCP --set-dscp 10;-j DSCP --set-dscp 0x0a;OK
@mangle:POSTROUTING -j DSCP --set-dscp 0x3f;=;OK
@mangle:POSTROUTING -j DSCP --set-dscp-class EF;-j DSCP --set-dscp 0x2e;OK
@mangle:PREROUTING -j DSCP --set-dscp-class af41;-j DSCP --set-dscp 0x22;OK
@mangle:FORWARD -j DSCP --set-dscp-class cs7;-j DSCP --set-dscp 0x38;OK
@mangle:OUTPUT -j DSCP --set-dscp-class BE;-j DSCP --set-dscp 0x00;OK
-j DSCP --set-dscp 64;;FAIL;DSCP: bad value for option "--set-dscp", or out of range (0-63).\n
-j DSCP --set-dscp x;;FAIL;DSCP: bad value for option "--set-dscp", or out of range (0-63).\n
-j DSCP --set-dscp-class le;;FAIL;Invalid DSCP value `le'
-j DSCP --set-dscp-class EFX;;FAIL;Invalid DSCP value `EFX'
-j DSCP;;FAIL;DSCP target: Parameter --set-dscp is required
-j DSCP --set-dscp 1 --set-dscp-class EF;;FAIL;DSCP: option "--set-dscp" cannot be used together with "--set-dscp-class".\n
-j DSCP --set-dscp-class EF --set-dscp 1;;FAIL;DSCP: option "--set-dscp" cannot be used together with "--set-dscp-class".\n
-j DSCP ! --set-dscp 1;;FAIL;DSCP: option "--set-dscp" cannot be inverted.\n
