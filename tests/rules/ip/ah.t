# -m ah: ipt_ah (rev 0), --ahspi only; the kernel wants -p ah
-p ah -m ah --ahspi 5;=;OK
-p ah -m ah ! --ahspi 5:7;=;OK
-p ah -m ah --ahspi :7;-p ah -m ah --ahspi 0:7;OK
-p ah -m ah --ahspi 9:;-p ah -m ah --ahspi 9:4294967295;OK
-p ah -m ah;=;OK
-p ah -m ah ! --ahspi 0:4294967295;=;OK
-p ah -m ah --ahspi x;;FAIL;ah: bad value for option "--ahspi" near "x", or out of range (0-4294967295).\n
-p ah -m ah --ahlen 5;;FAIL;unknown option "--ahlen"
