# -j HL (ip6 only): ip6t_HL_info (target rev 0), mangle only
@mangle:PREROUTING -j HL --hl-set 64;=;OK
@mangle:PREROUTING -j HL --hl-dec 1;=;OK
@mangle:POSTROUTING -j HL --hl-inc 1;=;OK
@mangle:OUTPUT -j HL --hl-set 0;=;OK
-j HL --hl-inc 0;;FAIL;HL: bad value for option "--hl-inc", or out of range (1-255).\n
-j HL --hl-set 256;;FAIL;HL: bad value for option "--hl-set", or out of range (0-255).\n
-j HL;;FAIL;HL: You must specify an action
-j HL --hl-set 1 --hl-inc 3;;FAIL;HL: option "--hl-set" cannot be used together with "--hl-inc".\n
-j TTL --ttl-set 1;;FAIL;unknown option "--ttl-set"
