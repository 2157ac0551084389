# -j TOS: xt_tos_target_info (target rev 1), mangle only; save is value/mask
@mangle:PREROUTING -j TOS --set-tos 0x10;-j TOS --set-tos 0x10/0xff;OK
@mangle:PREROUTING -j TOS --set-tos 0x10/0x3f;=;OK
@mangle:PREROUTING -j TOS --set-tos Minimize-Delay;-j TOS --set-tos 0x10/0x3f;OK
@mangle:PREROUTING -j TOS --set-tos minimize-cost;-j TOS --set-tos 0x02/0x3f;OK
@mangle:PREROUTING -j TOS --set-tos Normal-Service;-j TOS --set-tos 0x00/0x3f;OK
@mangle:PREROUTING -j TOS --and-tos 0x0f;-j TOS --set-tos 0x00/0xf0;OK
@mangle:PREROUTING -j TOS --or-tos 0x0f;-j TOS --set-tos 0x0f/0x0f;OK
@mangle:PREROUTING -j TOS --xor-tos 0x0f;-j TOS --set-tos 0x0f/0x00;OK
@mangle:POSTROUTING -j TOS --set-tos 0/0;-j TOS --set-tos 0x00/0x00;OK
@mangle:OUTPUT -p tcp -j TOS --set-tos 0x12/0x12;-p tcp -j TOS --set-tos 0x12/0x12;OK
-j TOS --set-tos 0x100;;FAIL;Symbolic name "0x100" is unknown
-j TOS --set-tos bogus;;FAIL;Symbolic name "bogus" is unknown
-j TOS --set-tos -1;;FAIL;Symbolic name "-1" is unknown
-j TOS --set-tos 1/x;;FAIL;Illegal value: "1/x"
-j TOS --set-tos 16abc;;FAIL;Illegal value: "16abc"
-j TOS --set-tos 1/0x100;;FAIL;Illegal value: "1/0x100"
-j TOS;;FAIL;TOS: An action is required
-j TOS --set-tos 1 --and-tos 2;;FAIL;TOS: option "--set-tos" cannot be used together with "--and-tos".\n
-j TOS --and-tos 256;;FAIL;TOS: bad value for option "--and-tos", or out of range (0-255).\n
-j TOS ! --set-tos 1;;FAIL;TOS: option "--set-tos" cannot be inverted.\n
