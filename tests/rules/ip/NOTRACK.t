# -j NOTRACK: CT rev 2 with XT_CT_NOTRACK | XT_CT_NOTRACK_ALIAS, raw table
@raw:PREROUTING -j NOTRACK;=;OK
@raw:OUTPUT -o lo -j NOTRACK;=;OK
-j NOTRACK --notrack;;FAIL;unknown option "--notrack"
