# -m socket (xt_socket_mtinfo3, revision 3)
@filter:INPUT -m socket;=;OK
@mangle:PREROUTING -m socket --transparent --nowildcard;=;OK
-m socket --nowildcard --nowildcard;;FAIL;socket: option "--nowildcard" can only be used once.\n
