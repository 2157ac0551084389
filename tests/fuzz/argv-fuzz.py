#!/usr/bin/env python3
"""Random command lines and restore inputs for xtnft, from iptables'
vocabulary plus junk: every run must end with an iptables exit status
(0-4) and no sanitizer report.  Deterministic for a given seed.

usage: argv-fuzz.py XTNFT SEED COUNT   (root; runs inside one netns)
"""
import os
import random
import subprocess
import sys

WORDS = ["-A", "-I", "-D", "-R", "-C", "-L", "-S", "-F", "-Z", "-N", "-X",
         "-E", "-P", "-t", "-s", "-d", "-i", "-o", "-p", "-f", "-j", "-g",
         "-m", "-n", "-v", "-x", "-c", "-w", "-W", "-h", "-V", "-4", "-6",
         "--line-numbers", "!", "--dport", "--sport", "--syn", "--tcp-flags",
         "--tcp-option", "--icmp-type", "--icmpv6-type", "--comment",
         "--dp", "--so", "--", "-", "INPUT", "OUTPUT", "FORWARD", "X", "Y",
         "filter", "nat", "raw", "mangle", "security", "bogus", "tcp", "udp",
         "icmp", "icmpv6", "comment", "all", "0", "1", "2", "65535", "99999",
         "1:2", ":5", "5:", "ACCEPT", "DROP", "RETURN", "SYN,ACK", "ALL",
         "NONE", "1.2.3.4", "10.0.0.0/8", "1.2.3.4/33", "::1", "2001:db8::/32",
         "eth0", "eth+", "+", "", "x" * 40, "\"", "'", "\\", "%s%n",
         "echo-request", "3/4", "a,b", "1.1.1.1,2.2.2.2", "-AINPUT", "-nvL",
         "--app", "--list=INPUT", "-c1,2", "--set-counters"]

RESTORE_LINES = ["*filter", "*nat", "*bogus", "*", "COMMIT", ":INPUT DROP [0:0]",
                 ":X - [0:0]", ":INPUT ACCEPT", ":", "# comment", "",
                 "[1:2] -A INPUT -j ACCEPT", "[1:2 -A INPUT", "-A INPUT -j X",
                 "-D INPUT 1", "-I INPUT 3 -s 1.1.1.1", "-R INPUT 1 -j DROP",
                 "-A INPUT -m comment --comment \"unterminated",
                 "-N X", "-X X", "-E X Y", "-F", "-Z", "-L", "-t nat -A X",
                 "-A INPUT -p tcp --dport 99999"]


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=20)
    err = p.stderr.decode(errors="replace")
    if p.returncode not in (0, 1, 2, 3, 4) or "Sanitizer" in err \
            or "runtime error" in err:
        print("FAILED (%d): %r" % (p.returncode, cmd[1:] if stdin is None
                                   else stdin.decode(errors="replace")))
        print(err[:2000])
        return False
    return True


def main():
    xtnft, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rnd = random.Random(seed)
    ok = True
    for i in range(count):
        tool = rnd.choice(["iptables", "ip6tables"])
        argv = [rnd.choice(WORDS) for _ in range(rnd.randint(0, 9))]
        ok &= run([xtnft, tool] + argv)
        if i % 4 == 0:
            text = "\n".join(rnd.choice(RESTORE_LINES + [" ".join(argv)])
                             for _ in range(rnd.randint(0, 8))) + "\n"
            extra = rnd.choice([[], ["-n"], ["-c"], ["-t"], ["-T", "nat"]])
            ok &= run([xtnft, tool + "-restore"] + extra, text.encode())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
