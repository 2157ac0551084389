# --limit RATE[/second|/minute|/hour|/day], --limit-burst N: native nft
# limit (packets, like iptables -m limit) with no -m; save always prints
# --limit-burst (default 5).
# Rules go to filter FORWARD (or "@TABLE:CHAIN") with ebtables-nft 1.8.9
# (regen-payloads.sh).  Expected save form: what ebtables-nft-save prints
# after "-A CHAIN " (always ending in "-j TARGET"); "=" when identical to
# the args.  FAIL messages: stderr's first line after "ebtables v1.8.9
# (nf_tables): ", up to the "Try `ebtables -h'..." line (\n marks a newline
# of the message itself); a message without that prefix is the whole first
# line.  "# 1.8.9 bug:" lines are commented out: the oracle stores or saves
# something other than asked.
# args;expected save form (= same as args);OK|FAIL[;message]
--limit 3/hour;--limit 3/hour --limit-burst 5 -j CONTINUE;OK
--limit 10/second;--limit 10/sec --limit-burst 5 -j CONTINUE;OK
--limit 10/sec;--limit 10/sec --limit-burst 5 -j CONTINUE;OK
--limit 10/s;--limit 10/sec --limit-burst 5 -j CONTINUE;OK
--limit 10/SECOND;--limit 10/sec --limit-burst 5 -j CONTINUE;OK
--limit 10/minute;--limit 10/min --limit-burst 5 -j CONTINUE;OK
--limit 10/m;--limit 10/min --limit-burst 5 -j CONTINUE;OK
--limit 10/h;--limit 10/hour --limit-burst 5 -j CONTINUE;OK
--limit 10/d;--limit 10/day --limit-burst 5 -j CONTINUE;OK
--limit 10;--limit 10/sec --limit-burst 5 -j CONTINUE;OK
--limit 1/day;--limit 1/day --limit-burst 5 -j CONTINUE;OK
--limit 10000/second;--limit 10000/sec --limit-burst 5 -j CONTINUE;OK
--limit 86400/day;--limit 1/sec --limit-burst 5 -j CONTINUE;OK
--limit 3/hour --limit-burst 1;--limit 3/hour --limit-burst 1 -j CONTINUE;OK
--limit 3/hour --limit-burst 10000;--limit 3/hour --limit-burst 10000 -j CONTINUE;OK
--limit-burst 10;--limit 3/hour --limit-burst 10 -j CONTINUE;OK
--limit 1/min --limit-burst 3 -p IPv4;-p IPv4 --limit 1/min --limit-burst 3 -j CONTINUE;OK
--limit 10/sec -j ACCEPT;--limit 10/sec --limit-burst 5 -j ACCEPT;OK
--limit 0/second;;FAIL;bad rate `0/second'
--limit 10001/second;;FAIL;Rate too fast "10001/second"
--limit 10/week;;FAIL;bad rate `10/week'
--limit 10/seconds;;FAIL;bad rate `10/seconds'
--limit foo;;FAIL;bad rate `foo'
--limit 10/;;FAIL;bad rate `10/'
--limit /sec;;FAIL;bad rate `/sec'
--limit 3/hour --limit-burst 10001;;FAIL;bad --limit-burst `10001'
--limit 3/hour --limit-burst foo;;FAIL;bad --limit-burst `foo'
--limit ! 10/sec;;FAIL;Unexpected `!' after --limit
! --limit 10/sec;;FAIL;Unexpected `!' after --limit
--limit 10/sec --limit 20/sec;;FAIL;Multiple use of same option not allowed
--lim 10/sec;;FAIL;Unknown argument: '10/sec'
--limit;;FAIL;Unknown argument: '(null)'
# 1.8.9 bug: a burst of 0 is stored as the default 5
# --limit 3/hour --limit-burst 0;--limit 3/hour --limit-burst 5 -j CONTINUE;OK
