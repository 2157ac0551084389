# -m esp: xt_esp (rev 0); the kernel wants -p esp
-p esp -m esp --espspi 5;=;OK
-p esp -m esp ! --espspi 5:7;=;OK
-p esp -m esp;=;OK
