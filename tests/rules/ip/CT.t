# -j CT: xt_ct_target_info_v1 as rev 2; the kernel takes it in raw only
@raw:PREROUTING -j CT --notrack;=;OK
@raw:PREROUTING -j CT --zone 5;=;OK
@raw:PREROUTING -j CT --zone-orig 5;=;OK
@raw:PREROUTING -j CT --zone-reply mark;=;OK
@raw:PREROUTING -j CT --zone MARK;-j CT --zone mark;OK
@raw:PREROUTING -j CT --zone 0;-j CT;OK
@raw:PREROUTING -j CT --ctevents new,related,destroy,reply,assured,protoinfo,helper,mark,natseqinfo,secmark;=;OK
@raw:PREROUTING -j CT --ctevents mark,new;-j CT --ctevents new,mark;OK
@raw:PREROUTING -j CT --expevents new;=;OK
@raw:PREROUTING -j CT --notrack --zone 1;=;OK
@raw:PREROUTING -j CT;=;OK
@raw:OUTPUT -p udp --dport 53 -j CT --notrack;-p udp -m udp --dport 53 -j CT --notrack;OK
-j CT --zone x;;FAIL;Cannot parse x as a zone ID
-j CT --zone 65536;;FAIL;Cannot parse 65536 as a zone ID
-j CT --ctevents foo,new;;FAIL;Unknown event type "foo"
-j CT --ctevents NEW;;FAIL;Unknown event type "NEW"
-j CT --expevents destroy;;FAIL;Unknown event type "destroy"
-j CT ! --notrack;;FAIL;CT: option "--notrack" cannot be inverted.\n
-j CT --helper 1234567890123456;;FAIL;Argument must have a maximum length of 15 characters\n
