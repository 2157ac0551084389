# -j CT (IPv6): xt_ct_target_info_v1 as rev 2, raw table
@raw:PREROUTING -j CT --notrack;=;OK
@raw:OUTPUT -j CT --zone-reply mark --ctevents new,reply;-j CT --ctevents new,reply --zone-reply mark;OK
