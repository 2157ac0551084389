# -m socket (xt_socket_mtinfo3, revision 3)
@filter:INPUT -m socket;=;OK
@filter:INPUT -m socket --transparent;=;OK
@filter:INPUT -m socket --restore-skmark --nowildcard;-m socket --nowildcard --restore-skmark;OK
@mangle:PREROUTING -p tcp -m socket --transparent --nowildcard --restore-skmark -j ACCEPT;=;OK
-m socket ! --transparent;;FAIL;socket: option "--transparent" cannot be inverted.\n
-m socket --transparent --transparent;;FAIL;socket: option "--transparent" can only be used once.\n
