# -j CLASSIFY: rev 0, as for ip
@mangle:POSTROUTING -j CLASSIFY --set-class 1:10;-j CLASSIFY --set-class 0001:0010;OK
@mangle:OUTPUT -d 2001:db8::/64 -j CLASSIFY --set-class 0002:0001;=;OK
