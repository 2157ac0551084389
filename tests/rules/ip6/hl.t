# -m hl: ip6t_hl_info
-m hl --hl-eq 3;=;OK
-m hl ! --hl-eq 4;=;OK
-m hl --hl-lt 5;=;OK
-m hl --hl-gt 64;=;OK
-m hl;;FAIL;HL match: You must specify one of `--hl-eq', `--hl-lt', `--hl-gt'
-m hl ! --hl-lt 2;;FAIL;hl: option "--hl-lt" cannot be inverted.\n
-m hl --hl-eq 1 --hl-gt 2;;FAIL;hl: option "--hl-gt" cannot be used together with "--hl-eq".\n
-m hl --hl-eq 256;;FAIL;hl: bad value for option "--hl-eq", or out of range (0-255).\n
