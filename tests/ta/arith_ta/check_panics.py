#!/usr/bin/env python3
"""Checks that arith_ta's panics were the API's own, for the right reasons.

Usage: check_panics.py EXPECTED SECURE_LOG NAME

EXPECTED (gen_vectors.py --panics) lists the message libutee's Arithmetical
API logs ("E/TA: <function>: <reason>") before each TEE_Panic the "panic"
vectors provoke, in order. The TEE_BigInt* messages of SECURE_LOG must be
exactly that list: a TA that died of a fault, or panicked in another
function or for another reason, does not match. Prints PASS NAME or
FAIL NAME (tests/run-all.sh counts them).
"""
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    expected_path, log_path, name = sys.argv[1:]
    try:
        want = open(expected_path).read().split('\n')[:-1]
        got = [line.split('E/TA: ', 1)[1].rstrip('\r\n')
               for line in open(log_path, errors='replace')
               if 'E/TA: TEE_BigInt' in line]
    except OSError as e:
        print('FAIL %s (%s)' % (name, e))
        return
    if got == want:
        print('PASS %s (%d panics, each with its reason)' % (name, len(got)))
        return
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            print('FAIL %s (panic %d: "%s", want "%s")' % (name, i + 1, g, w))
            return
    print('FAIL %s (%d panic messages, want %d)' % (name, len(got),
                                                   len(want)))


if __name__ == '__main__':
    main()
