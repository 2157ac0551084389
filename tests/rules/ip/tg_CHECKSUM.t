# -j CHECKSUM: xt_CHECKSUM_info (target rev 0), mangle only
@mangle:POSTROUTING -p udp -j CHECKSUM --checksum-fill;=;OK
@mangle:POSTROUTING -p udp --dport 68 -j CHECKSUM --checksum-fill;-p udp -m udp --dport 68 -j CHECKSUM --checksum-fill;OK
-j CHECKSUM;;FAIL;CHECKSUM: option "--checksum-fill" must be specified\n
-j CHECKSUM --checksum-fill --checksum-fill;;FAIL;CHECKSUM: option "--checksum-fill" can only be used once.\n
-j CHECKSUM ! --checksum-fill;;FAIL;CHECKSUM: option "--checksum-fill" cannot be inverted.\n
