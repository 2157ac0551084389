# ebtables -j redirect (compat target, ebt_redirect_info); nat PREROUTING
# args;expected save form (= same as args);OK|FAIL[;message]
@nat:PREROUTING -j redirect;-j redirect ;OK
@nat:PREROUTING -j redirect --redirect-target ACCEPT;-j redirect ;OK
@nat:PREROUTING -j redirect --redirect-target DROP;=;OK
@nat:PREROUTING -j redirect --redirect-target CONTINUE;=;OK
@nat:PREROUTING -j redirect --redirect-target RETURN;=;OK
@nat:PREROUTING -p IPv4 -d 00:11:22:33:44:55 -j redirect --redirect-target DROP;=;OK
@nat:PREROUTING -j redirect --redirect-target X;;FAIL;Illegal --redirect-target target
@nat:PREROUTING -j redirect --redirect-target drop;;FAIL;Illegal --redirect-target target
@nat:PREROUTING -j redirect --redirect-target DROP --redirect-target ACCEPT;;FAIL;Multiple use of same option not allowed
@nat:PREROUTING -j redirect --redirect-target ! DROP;;FAIL;Unexpected `!' after --redirect-target
@nat:PREROUTING --redirect-target DROP;;FAIL;option "--redirect-target" needs -j redirect before it
