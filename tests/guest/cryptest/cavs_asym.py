#!/usr/bin/env python3
"""Converts NIST CAVS asymmetric known answers to cryptest's fips186 lines.

Sources (Debian package python3-cryptography-vectors, installed by
`make deps`; directory cryptography_vectors/asymmetric/):
  ECDSA/FIPS_186-3/SigVer.rsp   FIPS 186-3 ECDSA signature verification
                                (Result P/F, reason codes 1-4)
  ECDSA/FIPS_186-3/SigGen.txt   FIPS 186-3 ECDSA signatures (with d and k):
                                (R, S) must verify under Q
  ECDSA/FIPS_186-3/PKV.rsp      public key validation: used as the peer
                                key of an ECDH derive (the GP-observable
                                use of a bare public point)
  RSA/FIPS_186-2/SigVer15_186-3.rsp, SigVerPSS_186-3.rsp
                                RSA PKCS#1 v1.5 / PSS verification (P/F)
  RSA/FIPS_186-2/SigGen15_186-2.txt (with d): v1.5 signatures are
                                deterministic, the TA must produce S
  RSA/FIPS_186-2/SigGen15_186-3.rsp, SigGenPSS_186-3.rsp (salt 0),
  SigGenPSS_186-2.txt (with d, salt 20): S must verify with the salt
                                length; the TA's own PSS signature too
  ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_{init,resp}.fax
                                SP 800-56A ECC CDH shared secrets Z
The selection is deterministic (the first cases of every section and
verdict reason) so that one boot stays well under a minute of TA time.
K-/B- curves are not supported by the TEE: their cases are counted on
"skip" lines, which cryptest prints.

Output, one case per line (hex numbers, "-" for empty):
  <test> <label> <verdict> <algo> <mode> <key type> <nkey> id=val...
  <nparams> id=val... <input> <signature> <expected output>
verdict: P pass (TEE_SUCCESS, output == expected if given), F fail
(TEE_ERROR_SIGNATURE_INVALID; derive: refused or another secret),
S sign then verify the TA's own signature, K an off-curve public key to
verify with (refused at populate, or the signature found invalid). Value attributes are 4-byte
big-endian. "skip <test> <count> <reason>" counts skipped cases; "error
<message>" when the sources are missing (every test then fails).

Usage: cavs_asym.py [VECTOR_DIR] > fips186.txt
Plain python3 standard library only.
"""
import hashlib
import os
import sys

DEFAULT_DIR = "/usr/lib/python3/dist-packages/cryptography_vectors/asymmetric"

MODE_SIGN, MODE_VERIFY, MODE_DERIVE = 2, 3, 6
RSA_PUB, RSA_PAIR = 0xA0000030, 0xA1000030
ECDSA_PUB, ECDH_PAIR = 0xA0000041, 0xA1000042
ATTR_N, ATTR_E, ATTR_D = 0xD0000130, 0xD0000230, 0xC0000330
ATTR_SALT = 0xF0000A30
ATTR_X, ATTR_Y, ATTR_PRIV, ATTR_CURVE = 0xD0000141, 0xD0000241, \
    0xC0000341, 0xF0000441
ALG_ECDH = 0x80000042

HASHES = {"SHA1": "sha1", "SHA224": "sha224", "SHA256": "sha256",
          "SHA384": "sha384", "SHA512": "sha512"}
ECDSA_ALG = {"sha1": 0x70001042, "sha224": 0x70002042,
             "sha256": 0x70003042, "sha384": 0x70004042,
             "sha512": 0x70005042}
V15_ALG = {"sha1": 0x70002830, "sha224": 0x70003830, "sha256": 0x70004830,
           "sha384": 0x70005830, "sha512": 0x70006830}
PSS_ALG = {"sha1": 0x70212930, "sha224": 0x70313930, "sha256": 0x70414930,
           "sha384": 0x70515930, "sha512": 0x70616930}

# NIST prime curves: GP curve id, field prime, b (a = -3).
CURVES = {
    "P-192": (1, 2**192 - 2**64 - 1,
              0x64210519e59c80e70fa7e9ab72243049feb8deecc146b9b1),
    "P-224": (2, 2**224 - 2**96 + 1,
              0xb4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4),
    "P-256": (3, 2**256 - 2**224 + 2**192 + 2**96 - 1,
              0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b),
    "P-384": (4, 2**384 - 2**128 - 2**96 + 2**32 - 1,
              int("b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f"
                  "5013875ac656398d8a2ed19d2a85c8edd3ec2aef", 16)),
    "P-521": (5, 2**521 - 1,
              int("051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b48"
                  "9918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c3"
                  "4f1ef451fd46b503f00", 16)),
}
KAS_CURVE = {"EA": "P-192", "EB": "P-224", "EC": "P-256", "ED": "P-384",
             "EE": "P-521"}


def curve_bytes(name):
    return (CURVES[name][1].bit_length() + 7) // 8


def on_curve(name, x, y):
    _, p, b = CURVES[name]
    return x < p and y < p and (y * y - x * x * x + 3 * x - b) % p == 0


def ec_mul(name, k, x, y):
    """k * (x, y) on a NIST curve, affine; None for the point at infinity."""
    _, p, _ = CURVES[name]

    def add(a, c):
        if a is None:
            return c
        if c is None:
            return a
        if a[0] == c[0]:
            if (a[1] + c[1]) % p == 0:
                return None
            lam = (3 * a[0] * a[0] - 3) * pow(2 * a[1], -1, p) % p
        else:
            lam = (c[1] - a[1]) * pow(c[0] - a[0], -1, p) % p
        rx = (lam * lam - a[0] - c[0]) % p
        return rx, (lam * (a[0] - rx) - a[1]) % p

    r, q = None, (x, y)
    while k:
        if k & 1:
            r = add(r, q)
        q = add(q, q)
        k >>= 1
    return r


def records(path, last):
    """(section, fields) per case of a CAVS file; a case ends at `last`.
    Fields persist across cases (the key precedes its messages)."""
    sect, state = "", {}
    with open(path) as f:
        for raw in f:
            line = raw.strip()
            if line.startswith("["):
                if " = " not in line or line.startswith("[mod"):
                    sect = line.strip("[]")
                if line.startswith("[mod"):
                    state = {}
                continue
            if not line or line.startswith("#") or " = " not in line:
                continue
            k, v = (s.strip() for s in line.split("=", 1))
            state[k] = v
            if k == last:
                yield sect, dict(state)


def reason(fields):
    """The verdict and its reason code (Result = F (3 - S changed))."""
    res = fields.get("Result", "P")
    code = res.split("(")[1].split("-")[0].strip(" )") if "(" in res else ""
    return res[0], code or "0"


def hx(v, size=0):
    """Normalized hex: even length, exactly size bytes when the value fits
    (the KAS files write P-521 values on 68 bytes)."""
    v = v.lower()
    if size and len(v) > 2 * size:
        v = v[len(v) - 2 * size:] if not v[:len(v) - 2 * size].strip("0") \
            else v
    if len(v) % 2:
        v = "0" + v
    return v.rjust(2 * size, "0")


def trim(v):
    v = hx(v).lstrip("0")
    return hx(v) if v else "00"


def attrs(pairs):
    return " ".join([str(len(pairs))] +
                    ["%x=%s" % (i, v) for i, v in pairs])


def u32(v):
    return "%08x" % v


class Out:
    def __init__(self):
        self.lines = []
        self.skips = {}

    def case(self, test, label, verdict, algo, mode, ktype, key, prm, data,
             sig, want):
        self.lines.append(" ".join([
            test, label, verdict, "%x" % algo, "%x" % mode, "%x" % ktype,
            attrs(key), attrs(prm), data or "-", sig or "-", want or "-"]))

    def skip(self, test, why, n=1):
        self.skips[(test, why)] = self.skips.get((test, why), 0) + n

    def write(self):
        for (test, why), n in sorted(self.skips.items()):
            print("skip %s %d %s" % (test, n, why.replace(" ", "_")))
        for line in self.lines:
            print(line)


def pick(seen, key, limit):
    """True for the first `limit` cases of a key (section, verdict...)."""
    seen[key] = seen.get(key, 0) + 1
    return seen[key] <= limit


def ecdsa_sigver(o, d):
    test, seen = "fips186_ecdsa_sigver", {}
    for sect, f in records(os.path.join(d, "ECDSA/FIPS_186-3/SigVer.rsp"),
                           "Result"):
        curve, sha = sect.split(",")
        if curve not in CURVES:
            o.skip(test, "binary curve (K-/B-) not supported")
            continue
        verdict, code = reason(f)
        if not pick(seen, (sect, verdict, code), 2 if code == "0" else 1):
            continue
        h = sha.replace("-", "").lower()
        n = curve_bytes(curve)
        label = "%s/%s/%d/r%s" % (curve, h, seen[(sect, verdict, code)], code)
        if not on_curve(curve, int(f["Qx"], 16), int(f["Qy"], 16)):
            verdict = "K"  # no valid key to verify with
        o.case(test, label, verdict, ECDSA_ALG[h], MODE_VERIFY, ECDSA_PUB,
               [(ATTR_X, hx(f["Qx"], n)), (ATTR_Y, hx(f["Qy"], n)),
                (ATTR_CURVE, u32(CURVES[curve][0]))], [],
               hashlib.new(h, bytes.fromhex(f["Msg"])).hexdigest(),
               hx(f["R"], n) + hx(f["S"], n), "")


def ecdsa_siggen(o, d):
    test, seen = "fips186_ecdsa_siggen_verify", {}
    for sect, f in records(os.path.join(d, "ECDSA/FIPS_186-3/SigGen.txt"),
                           "S"):
        curve, sha = sect.split(",")
        if curve not in CURVES:
            o.skip(test, "binary curve (K-/B-) not supported")
            continue
        if not pick(seen, sect, 2):
            continue
        h = sha.replace("-", "").lower()
        n = curve_bytes(curve)
        o.case(test, "%s/%s/%d" % (curve, h, seen[sect]), "P",
               ECDSA_ALG[h], MODE_VERIFY, ECDSA_PUB,
               [(ATTR_X, hx(f["Qx"], n)), (ATTR_Y, hx(f["Qy"], n)),
                (ATTR_CURVE, u32(CURVES[curve][0]))], [],
               hashlib.new(h, bytes.fromhex(f["Msg"])).hexdigest(),
               hx(f["R"], n) + hx(f["S"], n), "")


def rsa_key(f, private):
    key = [(ATTR_N, trim(f["n"])), (ATTR_E, trim(f["e"]))]
    if private:
        key.append((ATTR_D, trim(f["d"])))
    return key


def rsa_sigver(o, d, name, test, pss):
    seen = {}
    for sect, f in records(os.path.join(d, "RSA/FIPS_186-2", name),
                           "Result"):
        h = HASHES[f["SHAAlg"]]
        verdict, code = reason(f)
        if not pick(seen, (sect, h, verdict, code), 1):
            continue
        prm = [(ATTR_SALT, u32(len(f["SaltVal"]) // 2))] if pss else []
        o.case(test, "%s/%s/r%s" % (sect.split()[-1], h, code), verdict,
               (PSS_ALG if pss else V15_ALG)[h], MODE_VERIFY, RSA_PUB,
               rsa_key(f, False), prm,
               hashlib.new(h, bytes.fromhex(f["Msg"])).hexdigest(),
               hx(f["S"]), "")


def rsa_siggen(o, d):
    """v1.5: exact signatures with d; both files' S must verify."""
    test, seen = "fips186_rsa_siggen15", {}
    for sect, f in records(os.path.join(d, "RSA/FIPS_186-2/SigGen15_186-2.txt"),
                           "S"):
        h = HASHES[f["SHAAlg"]]
        if not pick(seen, (sect, h), 1):
            continue
        o.case(test, "%s/%s/sign" % (sect.split()[-1], h), "P", V15_ALG[h],
               MODE_SIGN, RSA_PAIR, rsa_key(f, True), [],
               hashlib.new(h, bytes.fromhex(f["Msg"])).hexdigest(), "",
               hx(f["S"]))
    for sect, f in records(os.path.join(d, "RSA/FIPS_186-2/SigGen15_186-3.rsp"),
                           "S"):
        h = HASHES[f["SHAAlg"]]
        if not pick(seen, ("186-3", sect, h), 2):
            continue
        o.case(test, "%s/%s/%d/verify" % (sect.split()[-1], h,
                                          seen[("186-3", sect, h)]),
               "P", V15_ALG[h], MODE_VERIFY, RSA_PUB, rsa_key(f, False), [],
               hashlib.new(h, bytes.fromhex(f["Msg"])).hexdigest(),
               hx(f["S"]), "")


def rsa_siggen_pss(o, d):
    """S verifies with the file's salt length and not with another; the
    TA's own signature (with d, SHA-256) verifies."""
    test, seen = "fips186_rsa_siggenpss_verify", {}
    for name, last in (("SigGenPSS_186-2.txt", "S"),
                       ("SigGenPSS_186-3.rsp", "S")):
        for sect, f in records(os.path.join(d, "RSA/FIPS_186-2", name),
                               last):
            h = HASHES[f["SHAAlg"]]
            if not pick(seen, (name, sect, h), 1):
                continue
            salt = len(f.get("SaltVal", "")) // 2
            mod = sect.split()[-1]
            digest = hashlib.new(h, bytes.fromhex(f["Msg"])).hexdigest()
            for verdict, s in (("P", salt), ("F", salt + 1)):
                o.case(test, "%s/%s/salt%d" % (mod, h, s), verdict,
                       PSS_ALG[h], MODE_VERIFY, RSA_PUB, rsa_key(f, False),
                       [(ATTR_SALT, u32(s))], digest, hx(f["S"]), "")
            if "d" in f and h == "sha256":
                o.case(test, "%s/%s/salt%d/ta-sign" % (mod, h, salt), "S",
                       PSS_ALG[h], MODE_SIGN, RSA_PAIR, rsa_key(f, True),
                       [(ATTR_SALT, u32(salt))], digest, "", "")


def kas_keys(d):
    """Per curve: the first valid IUT key pair of the KAS init file."""
    keys = {}
    path = os.path.join(
        d, "ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_init.fax")
    for sect, f in records(path, "Result"):
        curve = KAS_CURVE.get(sect.split()[0])
        if curve and reason(f)[0] == "P" and curve not in keys:
            keys[curve] = f
    return keys


def ecdh_key(curve, f):
    n = curve_bytes(curve)
    return [(ATTR_PRIV, hx(f["dsIUT"], n)), (ATTR_X, hx(f["QsIUTx"], n)),
            (ATTR_Y, hx(f["QsIUTy"], n)),
            (ATTR_CURVE, u32(CURVES[curve][0]))]


def kas_cdh(o, d):
    test, seen = "kas_ecc_cdh", {}
    for role in ("init", "resp"):
        path = os.path.join(
            d, "ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_%s.fax" %
            role)
        for sect, f in records(path, "Result"):
            curve = KAS_CURVE.get(sect.split()[0])
            if not curve:
                o.skip(test, "unknown parameter set")
                continue
            verdict, code = reason(f)
            if not pick(seen, (role, curve, code), 1):
                continue
            n = curve_bytes(curve)
            o.case(test, "%s/%s/%s/r%s" % (role, curve, f["COUNT"], code),
                   verdict, ALG_ECDH, MODE_DERIVE, ECDH_PAIR,
                   ecdh_key(curve, f),
                   [(ATTR_X, hx(f["QsCAVSx"], n)),
                    (ATTR_Y, hx(f["QsCAVSy"], n))], "", "", hx(f["Z"], n))


def ecc_pkv(o, d):
    """PKV points as the peer of an ECDH derive with a valid key pair:
    valid ones give d * Q, invalid ones must be refused."""
    test, seen, keys = "fips186_ecc_pkv", {}, kas_keys(d)
    for sect, f in records(os.path.join(d, "ECDSA/FIPS_186-3/PKV.rsp"),
                           "Result"):
        if sect not in CURVES:
            o.skip(test, "binary curve (K-/B-) not supported")
            continue
        verdict, code = reason(f)
        if not pick(seen, (sect, code), 2):
            continue
        n = curve_bytes(sect)
        k = keys[sect]
        want = ""
        if verdict == "P":
            z = ec_mul(sect, int(k["dsIUT"], 16), int(f["Qx"], 16),
                       int(f["Qy"], 16))
            want = "%0*x" % (2 * n, z[0])
        o.case(test, "%s/%d/r%s" % (sect, seen[(sect, code)], code), verdict,
               ALG_ECDH, MODE_DERIVE, ECDH_PAIR, ecdh_key(sect, k),
               [(ATTR_X, hx(f["Qx"], n)), (ATTR_Y, hx(f["Qy"], n))], "", "",
               want)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    o = Out()
    try:
        ecdsa_sigver(o, d)
        ecdsa_siggen(o, d)
        rsa_sigver(o, d, "SigVer15_186-3.rsp", "fips186_rsa_sigver15", False)
        rsa_sigver(o, d, "SigVerPSS_186-3.rsp", "fips186_rsa_sigverpss",
                   True)
        rsa_siggen(o, d)
        rsa_siggen_pss(o, d)
        kas_cdh(o, d)
        ecc_pkv(o, d)
    except (OSError, KeyError, ValueError) as e:
        print("error CAVS vectors unusable (%s: %s); python3-cryptography-"
              "vectors missing? (make deps)" % (type(e).__name__, e))
        return 1
    print("# NIST CAVS vectors from %s (tests/guest/cryptest/cavs_asym.py)"
          % d)
    o.write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
