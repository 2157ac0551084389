# -j TTL (ip only): ipt_TTL_info (target rev 0), mangle only
@mangle:PREROUTING -j TTL --ttl-set 64;=;OK
@mangle:PREROUTING -j TTL --ttl-dec 1;=;OK
@mangle:POSTROUTING -j TTL --ttl-inc 2;=;OK
@mangle:OUTPUT -j TTL --ttl-set 0;=;OK
@mangle:FORWARD -j TTL --ttl-set 255;=;OK
-j TTL --ttl-dec 0;;FAIL;TTL: bad value for option "--ttl-dec", or out of range (1-255).\n
-j TTL --ttl-inc 0;;FAIL;TTL: bad value for option "--ttl-inc", or out of range (1-255).\n
-j TTL --ttl-set 256;;FAIL;TTL: bad value for option "--ttl-set", or out of range (0-255).\n
-j TTL;;FAIL;TTL: You must specify an action
-j TTL --ttl-set 1 --ttl-dec 1;;FAIL;TTL: option "--ttl-set" cannot be used together with "--ttl-dec".\n
-j TTL ! --ttl-set 1;;FAIL;TTL: option "--ttl-set" cannot be inverted.\n
-j HL --hl-set 1;;FAIL;unknown option "--hl-set"
