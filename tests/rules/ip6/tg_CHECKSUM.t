# -j CHECKSUM (ip6): same blob
@mangle:POSTROUTING -j CHECKSUM --checksum-fill;=;OK
@mangle:POSTROUTING -p udp -j CHECKSUM --checksum-fill;=;OK
