# -j redirect [--redirect-target T]: compat target "redirect" rev 0 (struct
# ebt_redirect_info: int target = verdict, default ACCEPT); the kernel takes
# it only in nat PREROUTING (and user chains).  Save: "-j redirect " with a
# trailing blank for ACCEPT, else "-j redirect --redirect-target T".
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
@nat:PREROUTING -j redirect;-j redirect ;OK
@nat:PREROUTING -j redirect --redirect-target ACCEPT;-j redirect ;OK
@nat:PREROUTING -j redirect --redirect-target DROP;=;OK
@nat:PREROUTING -j redirect --redirect-target CONTINUE;=;OK
@nat:PREROUTING -j redirect --redirect-target RETURN;=;OK
@nat:PREROUTING -p IPv4 -i eth0 -j redirect --redirect-target CONTINUE;=;OK
@nat:PREROUTING -d 00:11:22:33:44:55 -j redirect;-d 00:11:22:33:44:55 -j redirect ;OK
# xtnft: refused, 1.8.9 takes a target option without -j as selecting
# the target but writes it before the counter, where watchers go, so the
# rule ends there; its save form ("-j NAME ...") reads back with the
# target after the counter
@nat:PREROUTING --redirect-target DROP;;FAIL;option "--redirect-target" needs -j redirect before it
@nat:USERCHAIN -j redirect;-j redirect ;OK
@nat:USERCHAIN -j redirect --redirect-target RETURN;=;OK
@nat:PREROUTING -j redirect --redirect-target foo;;FAIL;Illegal --redirect-target target
@nat:PREROUTING -j redirect --redirect-target accept;;FAIL;Illegal --redirect-target target
@nat:PREROUTING -j redirect --redirect-target USERCHAIN;;FAIL;Illegal --redirect-target target
@nat:PREROUTING -j redirect --redirect-target DROP --redirect-target ACCEPT;;FAIL;Multiple use of same option not allowed
@nat:PREROUTING -j redirect --redirect-t DROP;;FAIL;Unknown argument: 'DROP'
@nat:PREROUTING -j redirect --redirect-target;;FAIL;Unknown argument: '(null)'
# -j REDIRECT ("Chain 'REDIRECT' does not exist") is refused when the
# command runs, not by the parser: tests/diff/ext/eb_redirect.txt has it
# the kernel refuses (RULE_APPEND failed, status 4) outside nat PREROUTING
# -j redirect
# @filter:INPUT -j redirect
# @nat:OUTPUT -j redirect
# @nat:POSTROUTING -j redirect
# 1.8.9 bug: a "!" before a target option is dropped
# @nat:PREROUTING -j redirect ! --redirect-target DROP;-j redirect --redirect-target DROP;OK
