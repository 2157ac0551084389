# -j NOTRACK (IPv6): CT rev 2 with the NOTRACK alias flag, raw table
@raw:PREROUTING -j NOTRACK;=;OK
