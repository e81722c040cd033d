"""The semantics of libutee's Arithmetical API as gen_vectors.py expects
them, on Python's exact integers: model() gives the (TEE_Result, scalar,
results) of one arith_ta call (include/arith_ta.h) or raises Panic.
"""
import math
import random

OVERFLOW = 0xFFFF300F
SHORT_BUFFER = 0xFFFF0010
S32_SENTINEL = 0x13579BDF
MAX_BITS = 8192

F = dict(DEST_IS_A=0x1, DEST_IS_B=0x2, B_IS_A=0x4, NULL_1=0x8, NULL_2=0x10,
         SAME_OUT=0x20, CTX=0x40, CTX_OTHER=0x80, CTX_SHORT=0x100,
         UNINIT_A=0x200, GP11=0x400)


class Panic(Exception):
    pass




def sgn(x):
    return (x > 0) - (x < 0)


def cap(dest):
    """Capacity in bits of a TEE_BigInt of TEE_BigIntSizeInU32(dest)."""
    return (dest + 31) // 32 * 32


def fits(x, dest):
    if abs(x).bit_length() > cap(dest):
        raise Panic()
    return x


def mag_bytes(x):
    x = abs(x)
    return x.to_bytes((x.bit_length() + 7) // 8, 'big')




def egcd(a, b):
    r0, r1, s0, s1, t0, t1 = abs(a), abs(b), 1, 0, 0, 1
    while r1:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        s0, s1 = s1, s0 - q * s1
        t0, t1 = t1, t0 - q * t1
    return r0, s0 * (-1 if a < 0 else 1), t0 * (-1 if b < 0 else 1)


SMALL_PRIMES = [p for p in range(2, 1000)
                if all(p % d for d in range(2, int(p ** 0.5) + 1))]


def is_prime(n, rng=random.Random(7)):
    n = abs(n)
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(64):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def random_prime(rng, bits):
    while True:
        p = rng.getrandbits(bits) | (1 << (bits - 1)) | 1
        if is_prime(p):
            return p


def trunc_div(a, b):
    q = abs(a) // abs(b) * sgn(a) * sgn(b)
    return q, a - q * b


def model(op, ins, dest, s1, s2, fl):
    """(res, scalar, outputs) or raises Panic."""
    default = min(2 * max([len(mag_bytes(x)) * 8 for x in ins] + [0]) + 64,
                  MAX_BITS)
    d = default if dest is None else dest
    a = ins[0] if ins else 0
    b = ins[1] if len(ins) > 1 else 0
    n = ins[2] if len(ins) > 2 else 0
    if fl & F['B_IS_A']:
        b = a
    if fl & F['UNINIT_A']:
        raise Panic()
    if fl & F['NULL_1'] and op not in ('div', 'egcd', 'to_octet'):
        raise Panic()
    if op == 'sizes':
        sz = (s2 + 31) // 32 + 2
        return 0, 2, [sz, sz, sz]
    if op == 'init':
        if s2 < 2 or s2 - 2 > MAX_BITS // 32 or (s1 and s2 == 2):
            raise Panic()
        return 0, 0, [s1]
    if op == 'from_octet':
        if a.bit_length() > cap(d):
            return OVERFLOW, 0, [7 if d else 0]
        return 0, 0, [-a if s1 < 0 else a]
    if op == 'to_octet':
        if fl & F['NULL_2']:
            raise Panic()
        need = len(mag_bytes(a))
        if need > s2:
            return SHORT_BUFFER, need, []
        if need and fl & F['NULL_1']:
            raise Panic()
        return 0, need, [abs(a)]
    if op == 'from_s32':
        return 0, 0, [fits(s1, d)]
    if op == 'to_s32':
        if -2 ** 31 <= a < 2 ** 31:
            return 0, a, []
        return OVERFLOW, S32_SENTINEL, []
    if op == 'cmp':
        return 0, sgn(a - b), []
    if op == 'cmp_s32':
        return 0, sgn(a - s1), []
    if op == 'shift_right':
        return 0, 0, [fits(sgn(a) * (abs(a) >> s2), d)]
    if op == 'get_bit':
        return 0, (abs(a) >> s2) & 1, []
    if op == 'bit_count':
        return 0, abs(a).bit_length(), []
    if op == 'set_bit':
        assert abs(a).bit_length() <= cap(d)
        if s2 >= cap(d):
            return OVERFLOW, 0, [a]
        m = abs(a) | (1 << s2) if s1 else abs(a) & ~(1 << s2)
        return 0, 0, [-m if a < 0 else m]
    if op in ('assign', 'abs'):
        v = a if op == 'assign' else abs(a)
        if v.bit_length() > cap(d):
            return OVERFLOW, 0, [7 if d else 0]
        return 0, 0, [v]
    simple = {'add': lambda: a + b, 'sub': lambda: a - b, 'neg': lambda: -a,
              'mul': lambda: a * b, 'square': lambda: a * a}
    if op in simple:
        return 0, 0, [fits(simple[op](), d)]
    if op == 'div':
        if b == 0 or (fl & F['SAME_OUT'] and not fl & F['NULL_1']):
            raise Panic()
        q, r = trunc_div(a, b)
        outs = [] if fl & F['NULL_1'] else [fits(q, d)]
        return 0, 0, outs + ([] if fl & F['NULL_2'] else [fits(r, d)])
    if op in ('mod', 'square_mod', 'inv_mod'):
        n = b
    if op in ('mod', 'add_mod', 'sub_mod', 'mul_mod', 'square_mod',
              'inv_mod', 'exp_mod', 'fmm') and n < 2:
        raise Panic()
    if op == 'mod':
        return 0, 0, [fits(a % n, d)]
    modular = {'add_mod': lambda: a + b, 'sub_mod': lambda: a - b,
               'mul_mod': lambda: a * b, 'square_mod': lambda: a * a}
    if op in modular:
        return 0, 0, [fits(modular[op]() % n, d)]
    if op == 'inv_mod':
        if math.gcd(a % n, n) != 1:
            raise Panic()
        return 0, 0, [fits(pow(a, -1, n), d)]
    if op == 'exp_mod':
        if fl & (F['CTX_OTHER'] | F['CTX_SHORT']) or b < 0:
            raise Panic()
        return 0, 0, [fits(pow(a, b, n), d)]
    if op == 'rel_prime':
        return 0, int(math.gcd(a, b) == 1), []
    if op == 'egcd':
        if a == 0 and b == 0:
            raise Panic()
        if fl & F['SAME_OUT'] and not fl & F['NULL_1']:
            raise Panic()
        g, u, v = egcd(a, b)
        outs = [fits(g, d)]
        if not fl & F['NULL_1']:
            outs.append(fits(u, d))
        if not fl & F['NULL_2']:
            outs.append(fits(v, d))
        return 0, 0, outs
    if op == 'is_prime':
        conf = max(s2, 80)
        if not is_prime(a):
            return 0, 0, []
        return 0, 1 if (conf + 1) // 2 <= 256 or abs(a) < 1000 else -1, []
    if op == 'fmm':
        if fl & (F['CTX_OTHER'] | F['CTX_SHORT']):
            raise Panic()
        return 0, 0, [a * b % n, a % n]
    raise ValueError(op)
