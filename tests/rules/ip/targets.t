# verdicts, jumps and gotos
-j ACCEPT;=;OK
-j DROP;=;OK
-j RETURN;=;OK
-j USERCHAIN;=;OK
-g USERCHAIN;=;OK
-j ACCEPT -j DROP;;FAIL;multiple -j flags not allowed
-j "a b";;FAIL;Invalid target name `a b'
