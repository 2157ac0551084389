# -j TOS (ip6): the traffic class, same blob
@mangle:PREROUTING -j TOS --set-tos 0x10;-j TOS --set-tos 0x10/0xff;OK
@mangle:POSTROUTING -j TOS --set-tos Maximize-Throughput;-j TOS --set-tos 0x08/0x3f;OK
@mangle:FORWARD -j TOS --and-tos 0x0f;-j TOS --set-tos 0x00/0xf0;OK
