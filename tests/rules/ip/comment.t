# -m comment: the xt_comment_info blob
-m comment --comment hello;=;OK
-m comment --comment "two words";=;OK
-m comment --comment "a \"b\" c";=;OK
-p tcp --dport 22 -m comment --comment ssh -j ACCEPT;-p tcp -m tcp --dport 22 -m comment --comment ssh -j ACCEPT;OK
-m comment --comment x -m comment --comment y;=;OK
-m comment;;FAIL;comment: option "--comment" must be specified\n
-m comment --comment a --comment b;;FAIL;comment: option "--comment" can only be used once.\n
-m comment ! --comment a;;FAIL;comment: option "--comment" cannot be inverted.\n
