#!/usr/bin/env python3
"""Write the fuzzer's seed corpus (tests/fuzz/corpus) from the golden rule
lines (tests/rules/*/*.t) and the restore inputs of the differential
corpora and the iptables-xml samples: one file per input, its first byte
naming the fuzz target (0 iptables, 1 ip6tables, 2 iptables-restore,
3 ip6tables-restore, 4 iptables-xml, 5 ebtables, 6 ebtables-restore,
7 arptables, 8 arptables-restore).

usage: make-seeds.py   (adds to the corpus: seeds made by hand and the
inputs a run kept stay)
"""
import glob
import hashlib
import os
import re
import shlex

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(os.path.dirname(here))
out = os.path.join(here, "corpus")
seeds = set()

# the chain a golden line's rule goes to when it names none
chains = {"ip": "INPUT", "ip6": "INPUT", "bridge": "FORWARD", "arp": "INPUT"}
for fam, sel in (("ip", 0), ("ip6", 1), ("bridge", 5), ("arp", 7)):
    for t in glob.glob(os.path.join(top, "tests/rules", fam, "*.t")):
        for line in open(t):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith(":"):
                continue
            args = line.split(";")[0]
            where = ["-A", chains[fam]]
            m = re.match(r"@(\w+):(\S+) (.*)", args)
            if m:	# "@TABLE:CHAIN args": the rule goes there
                where = ["-t", m.group(1), "-A", m.group(2)]
                args = m.group(3)
            try:
                words = where + shlex.split(args)
            except ValueError:
                continue
            seeds.add(bytes([sel]) + b"\0".join(w.encode() for w in words))

for corpus, sel in (("corpus-restore.txt", 2), ("corpus-ip6.txt", 3),
                    ("corpus-eb.txt", 6), ("corpus-arp.txt", 8)):
    path = os.path.join(top, "tests/diff", corpus)
    if not os.path.exists(path):
        continue
    for line in open(path):
        for m in re.finditer(r"printf '([^']*)' \| run \$(?:IP6?T|EBT|ARPT)RESTORE", line):
            text = m.group(1).encode().decode("unicode_escape").encode("latin-1")
            seeds.add(bytes([sel]) + text)

for f in glob.glob(os.path.join(top, "tests/diff/xml", "*.save")):
    seeds.add(bytes([4]) + open(f, "rb").read())

os.makedirs(out, exist_ok=True)
for s in seeds:
    name = hashlib.sha1(s).hexdigest()[:16]
    with open(os.path.join(out, name), "wb") as f:
        f.write(s)
print(f"{len(seeds)} seeds in {out}")
