# -m tos: xt_tos_match_info rev 1
-m tos --tos 0x10;-m tos --tos 0x10/0xff;OK
-m tos ! --tos Minimize-Delay;-m tos ! --tos 0x10/0x3f;OK
-m tos --tos 0x10/0x3f;=;OK
-m tos --tos normal-service;-m tos --tos 0x00/0x3f;OK
-m tos --tos 0/0;-m tos --tos 0x00/0x00;OK
-m tos;;FAIL;tos: option "--tos" must be specified\n
-m tos --tos x;;FAIL;Symbolic name "x" is unknown
-m tos --tos 0x100;;FAIL;Symbolic name "0x100" is unknown
