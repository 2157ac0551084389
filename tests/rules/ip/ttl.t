# -m ttl: ipt_ttl_info
-m ttl --ttl-eq 3;=;OK
-m ttl ! --ttl-eq 3;=;OK
-m ttl --ttl-lt 3;=;OK
-m ttl --ttl-gt 255;=;OK
-m ttl --ttl-eq 0x10;-m ttl --ttl-eq 16;OK
-m ttl;;FAIL;TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt
-m ttl ! --ttl-lt 3;;FAIL;ttl: option "--ttl-lt" cannot be inverted.\n
-m ttl --ttl-eq 3 --ttl-lt 4;;FAIL;ttl: option "--ttl-lt" cannot be used together with "--ttl-eq".\n
-m ttl --ttl-eq 256;;FAIL;ttl: bad value for option "--ttl-eq", or out of range (0-255).\n
