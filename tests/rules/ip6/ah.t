# -m ah: ip6t_ah (rev 0), with --ahlen and --ahres
-m ah --ahspi 1:2 ! --ahlen 3 --ahres;=;OK
-m ah ! --ahspi 1;=;OK
-m ah --ahlen 0;-m ah;OK
-m ah ! --ahlen 0;=;OK
-m ah --ahres;=;OK
-m ah;=;OK
-m ah --ahlen 4294967296;;FAIL;ah: bad value for option "--ahlen", or out of range (0-4294967295).\n
-m ah --ahres --ahres;;FAIL;ah: option "--ahres" can only be used once.\n
-m ah ! --ahres;;FAIL;ah: option "--ahres" cannot be inverted.\n
