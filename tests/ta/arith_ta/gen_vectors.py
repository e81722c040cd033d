#!/usr/bin/env python3
"""Test vectors for arith_ta (the GP Arithmetical API), with the expected
results computed here by Python's exact integers.

Usage: gen_vectors.py OUT [--seed N] [--panics FILE]

Writes one vector per line (tests/guest/tatest/arith.c runs them):
  group op flags dest s1 s2 inputs res scalar outputs
group   the tatest test that runs it (arith_<group>)
op      an ARITH_OP_* name in lower case
flags   ARITH_F_* bits, hex;  dest  destination bits or "d" (default)
inputs  "-" or comma-separated "+hex"/"-hex" (exact bytes, leading zeros
        allowed; "+" alone is zero)
res     the call's TEE_Result (hex) or PANIC (the TA must die)
scalar  decimal;  outputs  like inputs, minimal bytes
The known-answer groups are fixed; "random" is drawn from --seed (default:
a fresh one, written in the "# seed" line so a failure can be replayed).
--panics FILE lists, in order, the message the API must log (after "E/TA: ")
for each PANIC vector; check_panics.py compares it with the secure log.
"""
import math
import random
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from arith_model import (F, Panic, is_prime, mag_bytes, model,  # noqa: E402
                         random_prime)


def flags(*names):
    v = 0
    for n in names:
        v |= F[n]
    return v


def enc(x, pad=0):
    """An operand: sign and exact bytes, pad leading zero bytes."""
    return ('-' if x < 0 else '+') + (b'\0' * pad + mag_bytes(x)).hex()


class Out:
    def __init__(self, f):
        self.f = f
        self.count = {}
        self.panic_whys = []

    def v(self, group, op, ins=(), dest=None, s1=0, s2=0, fl=0, pads=None,
          expect_panic=None):
        """One vector; expect_panic asserts what the model decides."""
        ins = list(ins)
        try:
            res, scalar, outs = model(op, ins, dest, s1, s2, fl)
            panic = False
        except Panic:
            panic = True
        if expect_panic is not None:
            assert panic == expect_panic, (group, op, ins, dest, s1, s2, fl)
        pads = pads or [0] * len(ins)
        line = [group, op, '%x' % fl, 'd' if dest is None else str(dest),
                str(s1), str(s2),
                ','.join(enc(x, p) for x, p in zip(ins, pads)) or '-']
        if panic:
            line += ['PANIC', '0', '-']
        else:
            line += ['%08x' % res, str(scalar),
                     ','.join(enc(x) for x in outs) or '-']
        self.f.write(' '.join(line) + '\n')
        self.count[group] = self.count.get(group, 0) + 1

    def pair(self, group, why, op, bad, good, **kw):
        """A panic (the API logging why) and the nearly identical call that
        must not panic."""
        self.v(group, op, expect_panic=True, **dict(kw, **bad))
        self.v(group, op, expect_panic=False, **dict(kw, **good))
        self.panic_whys.append(why)


def known_answers(o, rng):
    big = [rng.getrandbits(4096) | 1 << 4095 for _ in range(4)]
    p1024 = [random_prime(rng, 1024) for _ in range(2)]

    # --- conversions and sizes --------------------------------------------
    g = 'convert'
    for bits in (0, 1, 31, 32, 33, 2048, 8192):
        o.v(g, 'sizes', s2=bits)
        o.v(g, 'sizes', s2=bits, fl=flags('GP11'))
    for x in (0, 1, 0xff, 0x100, 2 ** 64 - 1, 2 ** 64, big[0], -big[1],
              2 ** 8191 + 12345):
        for sign in (1, 0, -1):
            o.v(g, 'from_octet', [abs(x)], s1=sign)
        o.v(g, 'from_octet', [abs(x)], s1=-5, pads=[3])
        o.v(g, 'from_octet', [abs(x)], s1=1, fl=flags('GP11'), pads=[1])
        need = len(mag_bytes(x))
        for size in (need, need + 1, max(need - 1, 0), 0, 1024):
            o.v(g, 'to_octet', [x], s2=size)
        o.v(g, 'to_octet', [x], s2=need, fl=flags('GP11'))
        o.v(g, 'to_octet', [x], s2=max(need - 1, 0), fl=flags('GP11'))
    o.v(g, 'to_octet', [0], s2=0, fl=flags('NULL_1'))
    o.v(g, 'to_octet', [12345], s2=0, fl=flags('NULL_1'))  # size query
    # TEE_ERROR_OVERFLOW: significant bytes beyond the destination.
    o.v(g, 'from_octet', [2 ** 64 - 1], dest=64, s1=1)
    o.v(g, 'from_octet', [2 ** 64], dest=64, s1=1)
    o.v(g, 'from_octet', [2 ** 64 - 1], dest=64, s1=1, pads=[40])
    o.v(g, 'from_octet', [2 ** 32], dest=33, s1=-1)
    o.v(g, 'from_octet', [2 ** 64], dest=65, s1=-1)
    o.v(g, 'from_octet', [1], dest=0, s1=1)
    o.v(g, 'from_octet', [0], dest=0, s1=-1, pads=[5])
    o.v(g, 'from_octet', [big[2]], dest=4064, s1=1)
    for v in (0, 1, -1, 2 ** 31 - 1, -2 ** 31, 1000, -1000):
        o.v(g, 'from_s32', s1=v)
        o.v(g, 'from_s32', s1=v, dest=32)
        o.v(g, 'to_s32', [v])
    for v in (2 ** 31, -2 ** 31 - 1, 2 ** 32 - 1, -2 ** 32 + 1, 2 ** 32,
              2 ** 63, -2 ** 64, big[0], -big[0]):
        o.v(g, 'to_s32', [v])
    for ln, v in ((2, 0), (3, -7), (258, 2 ** 31 - 1), (40, -2 ** 31)):
        o.v(g, 'init', s2=ln, s1=v)
        o.v(g, 'init', s2=ln, s1=v, fl=flags('GP11'))

    # --- comparisons, shifts, bits, assignment ----------------------------
    g = 'logic'
    vals = [0, 1, -1, 2, -2, 2 ** 32 - 1, 2 ** 32, -2 ** 32, 2 ** 64 + 1,
            big[0], -big[0], big[1], big[0] + 1]
    for x in vals:
        for y in vals[::3] + [x]:
            o.v(g, 'cmp', [x, y])
        for s in (0, 1, -1, 2 ** 31 - 1, -2 ** 31):
            o.v(g, 'cmp_s32', [x], s1=s)
        o.v(g, 'bit_count', [x])
        o.v(g, 'assign', [x])
        o.v(g, 'abs', [x])
    o.v(g, 'cmp', [big[0], big[0]], fl=flags('B_IS_A'))
    for x in (0, 1, -1, 0xf0f0, -(2 ** 100 + 2 ** 64 + 5), big[0], -big[1]):
        for k in (0, 1, 4, 31, 32, 33, 63, 64, 65, 100, 4095, 4096, 4097,
                  10000, 2 ** 32 - 1):
            o.v(g, 'shift_right', [x], s2=k)
            o.v(g, 'get_bit', [x], s2=k)
        o.v(g, 'shift_right', [x], s2=3, fl=flags('DEST_IS_A'))
        o.v(g, 'shift_right', [x], s2=33, fl=flags('GP11'))
    o.v(g, 'shift_right', [2 ** 95 + 1], s2=32, dest=64)
    # SetBit: grows the magnitude within the capacity, TEE_ERROR_OVERFLOW
    # beyond it; clearing the only bit of a negative number gives +0.
    for x, dest in ((0, 64), (5, 64), (-5, 64), (2 ** 63, 64), (-1, 32),
                    (big[0], 4096), (0, 0)):
        for k in (0, 2, 31, 32, 63, 64, 65, 4095, 4096, 2 ** 32 - 1):
            for bit in (1, 0):
                o.v(g, 'set_bit', [x], dest=dest, s1=bit, s2=k)
    for x, dest in ((2 ** 64 - 1, 64), (2 ** 64, 64), (-2 ** 64, 64),
                    (-(2 ** 64 - 1), 64), (1, 0), (0, 0), (big[0], 4096),
                    (big[0], 4095), (-big[0], 4064)):
        o.v(g, 'assign', [x], dest=dest)
        o.v(g, 'abs', [x], dest=dest)

    # --- basic arithmetic ---------------------------------------------------
    g = 'basic'
    vals = [0, 1, -1, 7, -7, 2 ** 32 - 1, 2 ** 32, 2 ** 64 - 1, -(2 ** 64),
            2 ** 96 + 2 ** 32 + 1, big[0], -big[1], big[2], -big[3]]
    for x in vals:
        o.v(g, 'neg', [x])
        o.v(g, 'square', [x])
        for y in vals[::2] + [x, -x]:
            for op in ('add', 'sub', 'mul'):
                o.v(g, op, [x, y])
            if y:
                o.v(g, 'div', [x, y])
    for x, y in ((7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3),
                 (1, big[0]), (-1, big[0]), (big[0] * 3 + 5, -big[0])):
        o.v(g, 'div', [x, y])
        o.v(g, 'div', [x, y], fl=flags('NULL_1'))
        o.v(g, 'div', [x, y], fl=flags('NULL_2'))
    for op in ('add', 'sub', 'mul'):
        o.v(g, op, [big[0], big[1]], fl=flags('DEST_IS_A'))
        o.v(g, op, [big[0], big[1]], fl=flags('DEST_IS_B'))
        o.v(g, op, [big[0], big[0]], fl=flags('B_IS_A'))
        o.v(g, op, [big[0], big[0]], fl=flags('B_IS_A', 'DEST_IS_A'))
    o.v(g, 'div', [big[0], 12345], fl=flags('DEST_IS_A'))
    o.v(g, 'div', [big[0], big[0]], fl=flags('B_IS_A'))
    o.v(g, 'mul', [big[0], big[1]], dest=8192)
    o.v(g, 'mul', [2 ** 4096 - 1, 2 ** 4096 - 1], dest=8192)
    o.v(g, 'add', [2 ** 64 - 1, 1], dest=96)

    # --- modular arithmetic --------------------------------------------------
    g = 'mod'
    mods = [2, 3, 2 ** 32 - 5, 2 ** 64, 2 ** 127 - 1, p1024[0],
            big[0] | 1, big[1] & ~1]
    for n in mods:
        for x in (0, 1, -1, n - 1, n, n + 1, -n, 2 * n + 3, -(2 * n + 3),
                  big[2], -big[3]):
            o.v(g, 'mod', [x, n])
            o.v(g, 'square_mod', [x, n])
            y = (x * 7 + 11) % n
            for op in ('add_mod', 'sub_mod', 'mul_mod'):
                o.v(g, op, [x % n, y, n])
                o.v(g, op, [x, -y, n])  # unreduced operands are reduced
            if math.gcd(x, n) == 1:
                o.v(g, 'inv_mod', [x, n])
    o.v(g, 'inv_mod', [3, 7])
    o.v(g, 'inv_mod', [-3, 7])
    o.v(g, 'inv_mod', [p1024[1], p1024[0]])
    o.v(g, 'inv_mod', [65537, big[0] | 1], fl=flags('DEST_IS_A'))
    o.v(g, 'mul_mod', [big[0], big[1], p1024[0]], fl=flags('DEST_IS_A'))
    o.v(g, 'add_mod', [5, 5, 7], fl=flags('B_IS_A'))

    # --- modular exponentiation ---------------------------------------------
    g = 'expmod'
    n4096 = big[3] | 1 | 1 << 4095
    o.v(g, 'exp_mod', [big[0], 65537, n4096])
    o.v(g, 'exp_mod', [big[1] % n4096, big[2] >> 1, n4096])
    o.v(g, 'exp_mod', [big[1], big[2] >> 2048, n4096], fl=flags('CTX'))
    rsa_n = p1024[0] * p1024[1]
    rsa_d = pow(65537, -1, (p1024[0] - 1) * (p1024[1] - 1))
    m = rng.getrandbits(2000)
    o.v(g, 'exp_mod', [m, 65537, rsa_n])
    o.v(g, 'exp_mod', [pow(m, 65537, rsa_n), rsa_d, rsa_n], fl=flags('CTX'))
    for n in (2, 3, 4, 1 << 64, (1 << 64) + 1, 2 ** 127 - 1, 1000, p1024[0],
              big[1] & ~1 & (2 ** 1024 - 1)):
        for x, e in ((0, 0), (5, 0), (0, 5), (1, 12345), (-2, 3), (-2, 4),
                     (n - 1, 2), (n + 5, 3), (big[2], 1000003),
                     (big[0], 2 ** 200 + 1)):
            o.v(g, 'exp_mod', [x, e, n])
        o.v(g, 'exp_mod', [7, 10, n], fl=flags('DEST_IS_A'))
        o.v(g, 'exp_mod', [7, 7, n], fl=flags('B_IS_A', 'CTX'))
    o.v(g, 'exp_mod', [3, big[0] >> 3072, (big[1] | 1) >> 2048],
        fl=flags('CTX', 'GP11'))

    # --- gcd -----------------------------------------------------------------
    g = 'gcd'
    pairs = [(240, 46), (-240, 46), (240, -46), (-240, -46), (0, 5), (5, 0),
             (0, -5), (-5, 0), (7, 7), (-7, 7), (1, 1), (12, 18), (17, 1),
             (2 ** 64, 2 ** 32), (3 * p1024[0], 5 * p1024[0]),
             (big[0], big[1]), (-big[2], big[3]), (big[0], big[0] * 3),
             (p1024[0], p1024[1])]
    for a, b in pairs:
        o.v(g, 'egcd', [a, b])
        o.v(g, 'egcd', [a, b], fl=flags('NULL_1'))
        o.v(g, 'egcd', [a, b], fl=flags('NULL_2'))
        o.v(g, 'egcd', [a, b], fl=flags('NULL_1', 'NULL_2'))
        o.v(g, 'rel_prime', [a, b])
    o.v(g, 'egcd', [big[0], big[0]], fl=flags('B_IS_A'))
    o.v(g, 'rel_prime', [0, 0])
    o.v(g, 'rel_prime', [0, 1])
    # One operand zero: the gcd is |other|, whatever the other's sign.
    for a, b in ((-1, 0), (0, -1), (1, 0), (-2, 0), (0, -7), (-1, 1)):
        o.v(g, 'rel_prime', [a, b])
        o.v(g, 'egcd', [a, b])
    o.v(g, 'rel_prime', [big[0], big[0]], fl=flags('B_IS_A'))

    # --- primality ---------------------------------------------------------
    g = 'prime'
    # Carmichael numbers (Fermat liars to every coprime base): the small
    # ones fall to trial division, the Chernick ones (6k+1)(12k+1)(18k+1)
    # with three large prime factors need Miller-Rabin.
    carmichael = [561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265]
    k = 2 ** 40
    while len(carmichael) < 12:
        k += 1
        if all(is_prime(m * k + 1) for m in (6, 12, 18)):
            carmichael.append((6 * k + 1) * (12 * k + 1) * (18 * k + 1))
    # Strong pseudoprimes to the bases 2, 3, 5, 7 (and 2..11, 2..13).
    spsp = [3215031751, 2152302898747, 3474749660383, 341550071728321]
    primes = [2, 3, 5, 997, 1009, 65537, 2 ** 31 - 1, 2 ** 61 - 1,
              2 ** 89 - 1, 2 ** 127 - 1, 2 ** 521 - 1, p1024[0],
              random_prime(rng, 256), random_prime(rng, 2048)]
    composites = [0, 1, 4, 9, 1001, 2 ** 32 + 1, 2 ** 67 - 1,
                  p1024[0] * p1024[1], big[0] & ~1, (2 ** 127 - 1) ** 2]
    for x in carmichael + spsp + composites + primes:
        o.v(g, 'is_prime', [x], s2=80)
    for x in (-7, -(2 ** 127 - 1), -561):
        o.v(g, 'is_prime', [x], s2=80)
    for conf in (0, 1, 79, 100, 512, 513, 2 ** 32 - 1):
        o.v(g, 'is_prime', [2 ** 89 - 1], s2=conf)
        o.v(g, 'is_prime', [carmichael[-1]], s2=conf)
    o.v(g, 'is_prime', [997], s2=2 ** 32 - 1)

    # --- fast modular multiplication -----------------------------------------
    g = 'fmm'
    for n in (2, 3, 2 ** 64, 2 ** 127 - 1, p1024[0], big[0] | 1, big[1] & ~1):
        for a, b in ((0, 0), (1, n - 1), (n - 1, n - 1), (n + 3, -5),
                     (big[2], -big[3])):
            o.v(g, 'fmm', [a, b, n])
        o.v(g, 'fmm', [n - 2, n - 1, n], fl=flags('GP11'))
        o.v(g, 'fmm', [n - 1, n - 1, n], fl=flags('B_IS_A'))


def panics(o):
    """Every panic of the API, each next to a call that must not panic; the
    second argument is the message the API logs (E/TA: ...) before it."""
    g = 'panic'
    init, fit = 'TEE_BigIntInit: ', ': result does not fit its destination'
    # TEE_BigIntInit: len beyond 8192 bits, below the header, NULL.
    o.pair(g, init + 'len above TEE_BigIntSizeInU32(8192)', 'init',
           dict(s2=259), dict(s2=258), s1=9)
    o.pair(g, init + 'len below TEE_BigIntSizeInU32(0)', 'init',
           dict(s2=1), dict(s2=2), s1=0)
    o.pair(g, init + 'NULL TEE_BigInt', 'init',
           dict(fl=flags('NULL_1')), dict(fl=0), s2=3, s1=1)
    o.pair(g, init + 'len above TEE_BigIntSizeInU32(8192)', 'init',
           dict(s2=259, fl=flags('GP11')), dict(s2=258, fl=flags('GP11')))
    # Uninitialised operand, NULL destination.
    uninit = ': TEE_BigInt not initialised by TEE_BigIntInit'
    o.pair(g, 'TEE_BigIntAdd' + uninit, 'add',
           dict(fl=flags('UNINIT_A')), dict(fl=0), ins=[5, 6])
    o.pair(g, 'TEE_BigIntCmp' + uninit, 'cmp',
           dict(fl=flags('UNINIT_A')), dict(fl=0), ins=[5, 6])
    o.pair(g, 'TEE_BigIntAdd: NULL TEE_BigInt', 'add',
           dict(fl=flags('NULL_1')), dict(fl=0), ins=[5, 6])
    # Results that do not fit their destination.
    o.pair(g, 'TEE_BigIntConvertFromS32' + fit, 'from_s32',
           dict(s1=5), dict(s1=0), dest=0)
    o.pair(g, 'TEE_BigIntConvertFromS32' + fit, 'from_s32',
           dict(dest=0), dict(dest=1), s1=-2 ** 31)
    o.pair(g, 'TEE_BigIntShiftRight' + fit, 'shift_right',
           dict(s2=31), dict(s2=32), ins=[2 ** 95 + 1], dest=64)
    o.pair(g, 'TEE_BigIntNeg' + fit, 'neg',
           dict(ins=[2 ** 64]), dict(ins=[2 ** 64 - 1]), dest=64)
    o.pair(g, 'TEE_BigIntAdd' + fit, 'add',
           dict(dest=64), dict(dest=65), ins=[2 ** 64 - 1, 1])
    o.pair(g, 'TEE_BigIntSub' + fit, 'sub',
           dict(dest=64), dict(dest=96), ins=[-(2 ** 64 - 1), 1])
    o.pair(g, 'TEE_BigIntMul' + fit, 'mul', dict(ins=[2 ** 32, 2 ** 32]),
           dict(ins=[2 ** 32 - 1, 2 ** 32 + 1]), dest=64)
    o.pair(g, 'TEE_BigIntSquare' + fit, 'square',
           dict(ins=[2 ** 32]), dict(ins=[2 ** 32 - 1]), dest=64)
    o.pair(g, 'TEE_BigIntMul' + fit, 'mul', dict(dest=8160),
           dict(dest=8192), ins=[2 ** 4096 - 1, 2 ** 4096 - 1])
    # Division: zero divisor, quotient or remainder too large, q == r.
    o.pair(g, 'TEE_BigIntDiv: division by zero', 'div',
           dict(ins=[5, 0]), dict(ins=[5, 1]))
    o.pair(g, 'TEE_BigIntDiv: division by zero', 'div',
           dict(ins=[0, 0]), dict(ins=[0, -1]))
    o.pair(g, 'TEE_BigIntDiv' + fit, 'div',
           dict(dest=64), dict(dest=99), ins=[2 ** 100, 3])
    o.pair(g, 'TEE_BigIntDiv' + fit, 'div', dict(dest=64), dict(dest=96),
           ins=[2 ** 100 + 2 ** 70 + 5, 2 ** 99])
    o.pair(g, 'TEE_BigIntDiv: dest_q and dest_r are the same TEE_BigInt',
           'div', dict(fl=flags('SAME_OUT')), dict(fl=0), ins=[100, 7])
    # Modulus below 2.
    small = ': modulus smaller than 2'
    for n in (1, 0, -7):
        o.pair(g, 'TEE_BigIntMod' + small, 'mod',
               dict(ins=[10, n]), dict(ins=[10, 2]))
        o.pair(g, 'TEE_BigIntSquareMod' + small, 'square_mod',
               dict(ins=[10, n]), dict(ins=[10, 3]))
        o.pair(g, 'TEE_BigIntInvMod' + small, 'inv_mod',
               dict(ins=[10, n]), dict(ins=[10, 3]))
        for op, f in (('add_mod', 'AddMod'), ('sub_mod', 'SubMod'),
                      ('mul_mod', 'MulMod')):
            o.pair(g, 'TEE_BigInt' + f + small, op,
                   dict(ins=[1, 1, n]), dict(ins=[1, 1, 2]))
        o.pair(g, 'TEE_BigIntExpMod' + small, 'exp_mod',
               dict(ins=[3, 5, n]), dict(ins=[3, 5, 2]))
        o.pair(g, 'TEE_BigIntInitFMMContext1' + small, 'fmm',
               dict(ins=[3, 5, n]), dict(ins=[3, 5, 2]))
    o.pair(g, 'TEE_BigIntMod' + fit, 'mod', dict(dest=64), dict(dest=100),
           ins=[2 ** 99 + 1, 2 ** 100])
    o.pair(g, 'TEE_BigIntMulMod' + fit, 'mul_mod', dict(dest=32),
           dict(dest=64), ins=[2 ** 40, 2 ** 40, 2 ** 63 + 1])
    # Inverse: op = 0 mod n, no inverse.
    zero, none = 'TEE_BigIntInvMod: op is 0 modulo n', \
        'TEE_BigIntInvMod: op has no inverse modulo n'
    o.pair(g, zero, 'inv_mod', dict(ins=[0, 9]), dict(ins=[1, 9]))
    o.pair(g, zero, 'inv_mod', dict(ins=[9, 9]), dict(ins=[10, 9]))
    o.pair(g, none, 'inv_mod', dict(ins=[6, 9]), dict(ins=[5, 9]))
    o.pair(g, none, 'inv_mod', dict(ins=[2 ** 64, 2 ** 65 + 2]),
           dict(ins=[2 ** 64 + 3, 2 ** 65 + 2]))
    # Exponentiation: negative exponent, small destination, wrong context.
    neg = 'TEE_BigIntExpMod: negative exponent'
    o.pair(g, neg, 'exp_mod', dict(ins=[3, -1, 7]), dict(ins=[3, 1, 7]))
    o.pair(g, neg, 'exp_mod', dict(ins=[3, -1, 8]), dict(ins=[3, 0, 8]))
    o.pair(g, 'TEE_BigIntExpMod' + fit, 'exp_mod', dict(dest=32),
           dict(dest=64), ins=[3, 100, 2 ** 64 - 59])
    other = ': TEE_BigIntFMMContext set up for another modulus'
    short = ('TEE_BigIntInitFMMContext1: '
             'len below TEE_BigIntFMMContextSizeInU32()')
    o.pair(g, 'TEE_BigIntExpMod' + other, 'exp_mod',
           dict(fl=flags('CTX_OTHER')), dict(fl=flags('CTX')),
           ins=[3, 100, 1009])
    o.pair(g, short, 'exp_mod', dict(fl=flags('CTX_SHORT')),
           dict(fl=flags('CTX')), ins=[3, 100, 1009])
    # Extended gcd: (0, 0), aliased outputs, outputs too small.
    gcd = 'TEE_BigIntComputeExtendedGcd'
    o.pair(g, gcd + ': op1 and op2 are both zero', 'egcd',
           dict(ins=[0, 0]), dict(ins=[0, 1]))
    o.pair(g, gcd + ': gcd, u and v must be distinct TEE_BigInts', 'egcd',
           dict(fl=flags('SAME_OUT')), dict(fl=flags('NULL_2')),
           ins=[240, 46])
    o.pair(g, gcd + fit, 'egcd', dict(dest=32), dict(dest=64),
           ins=[2 ** 64 - 59, 2 ** 63 + 12345])
    # FMM: context too short, for another modulus.
    o.pair(g, short, 'fmm', dict(fl=flags('CTX_SHORT')), dict(fl=0),
           ins=[3, 5, 11])
    o.pair(g, 'TEE_BigIntConvertToFMM' + other, 'fmm',
           dict(fl=flags('CTX_OTHER')), dict(fl=0), ins=[3, 5, 11])
    # Conversions: NULL length or output, NULL buffer with room claimed.
    o.pair(g, 'TEE_BigIntConvertToOctetString: NULL bufferLen', 'to_octet',
           dict(fl=flags('NULL_2')), dict(fl=0), ins=[5], s2=4)
    o.pair(g, 'TEE_BigIntConvertToOctetString: NULL buffer', 'to_octet',
           dict(s2=4), dict(s2=0), ins=[5], fl=flags('NULL_1'))
    o.pair(g, 'TEE_BigIntConvertToS32: NULL dest', 'to_s32',
           dict(fl=flags('NULL_1')), dict(fl=0), ins=[5])


def interesting(rng, bits):
    """A value of at most bits bits, often with carry-prone patterns."""
    if bits == 0:
        return 0
    kind = rng.randrange(6)
    if kind == 0:
        v = (1 << bits) - 1
    elif kind == 1:
        v = 1 << (bits - 1)
    elif kind == 2:
        words = (bits + 31) // 32
        v = sum(rng.choice((0, 0xFFFFFFFF, 1, 0x80000000)) << (32 * i)
                for i in range(words)) & ((1 << bits) - 1)
    else:
        v = rng.getrandbits(bits)
    return v


def rand_bits(rng, limit):
    return rng.choice([0, 1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129,
                       rng.randint(1, 256), rng.randint(1, limit),
                       rng.randint(1, limit)])


def rand_int(rng, limit, signed=True):
    v = interesting(rng, rand_bits(rng, limit))
    return -v if signed and rng.random() < 0.5 else v


def differential(o, rng, count):
    g = 'random'
    ops = ['add', 'sub', 'mul', 'neg', 'square', 'div', 'mod', 'add_mod',
           'sub_mod', 'mul_mod', 'square_mod', 'inv_mod', 'exp_mod', 'cmp',
           'shift_right', 'get_bit', 'bit_count', 'set_bit', 'egcd',
           'rel_prime', 'from_octet', 'to_octet', 'fmm', 'to_s32']
    for i in range(count):
        op = ops[i % len(ops)]
        fl = 0
        pads = None
        s1 = s2 = 0
        limit = 4096
        if op in ('add', 'sub', 'mul', 'cmp', 'rel_prime'):
            ins = [rand_int(rng, limit), rand_int(rng, limit)]
            fl = rng.choice([0, 0, flags('DEST_IS_A'), flags('DEST_IS_B')])
            if op == 'rel_prime':
                fl = 0
        elif op in ('neg', 'square', 'bit_count', 'to_s32'):
            ins = [rand_int(rng, limit if op != 'to_s32' else 40)]
        elif op == 'div':
            ins = [rand_int(rng, limit), rand_int(rng, limit) or 3]
            fl = rng.choice([0, 0, flags('DEST_IS_A'), flags('NULL_1'),
                             flags('NULL_2')])
        elif op in ('mod', 'square_mod', 'inv_mod'):
            n = abs(rand_int(rng, 2048)) | 2
            if op == 'inv_mod':
                n |= 1
                a = rand_int(rng, 2048)
                while math.gcd(a, n) != 1:
                    a += 1
                ins = [a, n]
            else:
                ins = [rand_int(rng, limit), n]
        elif op in ('add_mod', 'sub_mod', 'mul_mod', 'fmm'):
            n = abs(rand_int(rng, 2048)) | 2
            ins = [rand_int(rng, 2048), rand_int(rng, 2048), n]
            if op != 'fmm':
                fl = rng.choice([0, flags('DEST_IS_A')])
        elif op == 'exp_mod':
            n = abs(rand_int(rng, 1024)) | 2
            if rng.random() < 0.7:
                n |= 1
            e = abs(rand_int(rng, 512 if n % 2 == 0 else 1024))
            ins = [rand_int(rng, 2048), e, n]
            fl = rng.choice([0, flags('CTX')])
        elif op in ('shift_right', 'get_bit'):
            ins = [rand_int(rng, limit)]
            s2 = rng.choice([0, 1, 31, 32, 64, rng.randrange(4200)])
        elif op == 'set_bit':
            ins = [rand_int(rng, 2048)]
            s2 = rng.randrange(2200)
            s1 = rng.randrange(2)
            o.v(g, op, ins, dest=2112, s1=s1, s2=s2)
            continue
        elif op == 'egcd':
            ins = [rand_int(rng, 2048), rand_int(rng, 2048)]
            if ins == [0, 0]:
                ins = [0, 1]
            if rng.random() < 0.3:
                c = abs(rand_int(rng, 512)) | 1
                ins = [ins[0] * c, ins[1] * c or c]
        elif op == 'from_octet':
            ins = [abs(rand_int(rng, limit))]
            s1 = rng.choice([1, -1, 0])
            pads = [rng.choice([0, 0, 1, 7])]
            o.v(g, op, ins, dest=rng.choice([None, rand_bits(rng, limit)]),
                s1=s1, pads=pads)
            continue
        elif op == 'to_octet':
            ins = [rand_int(rng, limit)]
            need = len(mag_bytes(ins[0]))
            s2 = rng.choice([need, need + 3, max(need - 1, 0), 1024])
        o.v(g, op, ins, s1=s1, s2=s2, fl=fl, pads=pads, expect_panic=False)


def main():
    args = sys.argv[1:]
    opts = {'--seed': None, '--panics': None}
    for opt in opts:
        if opt in args:
            i = args.index(opt)
            opts[opt] = args[i + 1]
            del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    seed = opts['--seed']
    seed = int(seed) if seed else random.SystemRandom().randrange(2 ** 32)
    with open(args[0], 'w') as f:
        f.write('# arith_ta vectors; seed %d\n' % seed)
        o = Out(f)
        known_answers(o, random.Random(20251126))
        panics(o)
        differential(o, random.Random(seed), 360)
    if opts['--panics']:
        with open(opts['--panics'], 'w') as f:
            f.writelines(w + '\n' for w in o.panic_whys)
    print('arith vectors: seed %d, %s' % (
        seed, ' '.join('%s=%d' % kv for kv in sorted(o.count.items()))))


if __name__ == '__main__':
    main()
