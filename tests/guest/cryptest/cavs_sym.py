#!/usr/bin/env python3
"""Turns NIST CAVS response files (and the RFC example files next to them)
from Debian's python3-cryptography-vectors into cryptest vector lines, for
the cavs_* tests of tests/guest/cryptest (vectors.c).

Output (stdout): one line per case in the format of vectors.c
    label algo mode key_type max_key key key2 iv aad data tag flags
    result expected seed
and, for the guest's report, '#skip <class> <family> <count> <reason>'
lines. The selection is deterministic (no randomness): large files are
subsampled evenly or by the first cases of every section, so that every
file, section, key size, tag and nonce length still appears. A summary
(cases per family, skipped ones and why) goes to stderr.

Sources (under --root): hashes/{MD5/rfc-1321.txt, SHA1, SHA2} (SHAVS
ShortMsg/LongMsg; Monte Carlo, SHA-512/t, SHA-3 not used), HMAC/rfc-*.txt
(RFC 2202/4231: the package has no CAVS HMAC.rsp), CMAC/nist-800-38b-*.txt,
ciphers/AES/{ECB,CBC} (AESVS KAT and MMT), ciphers/AES/CTR (RFC 3686),
ciphers/AES/XTS (XTSGenAES), ciphers/3DES/{ECB,CBC} (TDES KAT and MMT;
CBC-I skipped), ciphers/AES/GCM (gcmEncryptExtIV, gcmDecrypt),
ciphers/AES/CCM (VADT, VNT, VPT, VTT, DVPT).

Usage: cavs_sym.py [--root DIR] > cavs_vectors.txt
Plain python3, standard library only.
"""

import argparse
import collections
import os
import sys

DEFAULT_ROOT = "/usr/lib/python3/dist-packages/cryptography_vectors"

# Classes as in the top nibble of GP algorithm identifiers.
CLS_CIPHER, CLS_MAC, CLS_AE, CLS_DIGEST = 1, 3, 4, 5

ENC, DEC, MAC, DIGEST = 0, 1, 4, 5
MAC_INVALID = 0xFFFF3071
NOT_SUPPORTED = 0xFFFF000A
F_COMPARE, F_COPY = 0x1, 0x4

T_AES, T_DES, T_DES3 = 0xA0000010, 0xA0000011, 0xA0000013
T_GENERIC = 0xA0000000

DIGESTS = {  # CAVS/RFC file prefix: GP algorithm
    "MD5": 0x50000001,
    "SHA1": 0x50000002,
    "SHA224": 0x50000003,
    "SHA256": 0x50000004,
    "SHA384": 0x50000005,
    "SHA512": 0x50000006,
}
# HMAC: algorithm, key type, the type's key sizes in bits (GP 1.3.1 table
# 5-9, core/tee/cryp/obj_attrs.c).
HMACS = {
    "md5": (0x30000001, 0xA0000001, 64, 512),
    "sha1": (0x30000002, 0xA0000002, 80, 512),
    "sha224": (0x30000003, 0xA0000003, 112, 512),
    "sha256": (0x30000004, 0xA0000004, 192, 1024),
    "sha384": (0x30000005, 0xA0000005, 256, 1024),
    "sha512": (0x30000006, 0xA0000006, 256, 1024),
}
AES_ECB, AES_CBC = 0x10000010, 0x10000110
AES_CTR, AES_XTS = 0x10000210, 0x10000410
DES_ECB, DES_CBC = 0x10000011, 0x10000111
DES3_ECB, DES3_CBC = 0x10000013, 0x10000113
AES_CMAC, DES3_CMAC = 0x30000610, 0xF0000613
AES_CCM, AES_GCM = 0x40000710, 0x40000810

# Subsampling (the whole file must stay under ~60 s per boot on
# cortex-a57 under TCG).
LONGMSG_PER_FILE = 32  # SHAVS LongMsg: evenly spaced, first and last
AES_KAT_PER_FILE = 128  # AESVS VarKey/VarTxt per direction
TDES_KAT_PER_FILE = 64  # TDES KATs (single-key DES) per direction
XTS_PER_SECTION = 20  # per direction and data unit length
GCM_ENC_PER_SECTION = 2
GCM_DEC_PASS_PER_SECTION = 2
GCM_DEC_FAIL_PER_SECTION = 2
CCM_ENC_PER_SECTION = 4  # VADT/VNT/VPT/VTT, one in two also decrypted
CCM_DVPT_PER_SECTION = 16  # DVPT: the first 8 Pass and the first 8 Fail


class Out:
    def __init__(self):
        self.lines = []
        self.ran = collections.Counter()
        self.skip = collections.Counter()
        self.n = 0

    def emit(self, cls, family, label, algo, mode, key_type, key, data,
             want, max_key=0, key2=b"", iv=b"", aad=b"", tag=b"",
             flags=0, result=0):
        def h(b):
            return b.hex() if b else "-"

        self.n += 1
        # Every fourth case in one piece, the others cut by the TA; every
        # seventh finished on a TEE_CopyOperation copy.
        seed = 0 if self.n % 4 == 0 else (self.n * 2654435761) % 0x7FFFFFFF
        if self.n % 7 == 0:
            flags |= F_COPY
        self.lines.append(
            "%s 0x%08x %d 0x%08x %d %s %s %s %s %s %s %d 0x%x %s %d" %
            (label[:63], algo, mode, key_type, max_key, h(key), h(key2),
             h(iv), h(aad), h(data), h(tag), flags, result, h(want), seed))
        self.ran[(cls, family)] += 1

    def skipped(self, cls, family, reason, n=1):
        if n:
            self.skip[(cls, family, reason)] += n


current_file = None


def parse(path):
    """The cases of a response file: (section number, dict) in order.

    A case starts at COUNT/Count (or Len in the hash and HMAC files) and
    ends at a blank line or a header; 'name = value' lines outside a case
    (CCM's Key, Nonce, Plen...) and '[...]' headers are inherited. Names
    are lower-cased; a bare word inside a case (GCM's FAIL) is a flag."""
    global current_file
    current_file = path
    cases = []
    glob, hdr = {}, {}
    cur = None
    section = 0
    last_was_header = False
    with open(path) as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                if not line:
                    cur = None
                continue
            if line.startswith("["):
                if not last_was_header:
                    section += 1
                last_was_header = True
                cur = None
                for item in line.strip("[]").split(","):
                    if "=" in item:
                        k, v = item.split("=", 1)
                        hdr[k.strip().lower()] = v.strip()
                    else:
                        hdr["dir"] = item.strip()
                continue
            last_was_header = False
            if "=" in line:
                k, v = line.split("=", 1)
                k, v = k.strip().lower(), v.strip()
                if k in ("count", "len") and (cur is None or k in cur):
                    cur = dict(glob)
                    cur.update(hdr)
                    cases.append((section, cur))
                if cur is None:
                    glob[k] = v
                else:
                    cur[k] = v
            elif cur is not None:
                cur[line.lower()] = True
    return cases


def unhex(s, nbytes=None):
    b = bytes.fromhex(s) if s else b""
    return b[:nbytes] if nbytes is not None else b


def spread(items, n):
    """n evenly spaced items, the first and the last included."""
    if len(items) <= n:
        return list(items)
    if n == 1:
        return [items[0]]
    return [items[(i * (len(items) - 1)) // (n - 1)] for i in range(n)]


def count_cases(root, *dirs, match=("",)):
    """Cases in the files of @dirs whose names contain all of @match."""
    n = 0
    for d in dirs:
        d = os.path.join(root, *d.split("/"))
        for fn in sorted(os.listdir(d)):
            if all(m in fn for m in match) and fn.endswith((".rsp", ".txt")):
                n += len(parse(os.path.join(d, fn)))
    return n


def by_section(cases):
    sec = collections.OrderedDict()
    for s, c in cases:
        sec.setdefault(s, []).append(c)
    return sec


# --- digests -------------------------------------------------------------


def digests(root, o):
    for name, algo in DIGESTS.items():
        fam = "md5" if name == "MD5" else "sha"
        if name == "MD5":
            files = [("rfc-1321.txt", None)]
            d = os.path.join(root, "hashes", "MD5")
        else:
            d = os.path.join(root, "hashes",
                             "SHA1" if name == "SHA1" else "SHA2")
            files = [(name + "ShortMsg.rsp", None),
                     (name + "LongMsg.rsp", LONGMSG_PER_FILE)]
        for fn, limit in files:
            cases = [c for _, c in parse(os.path.join(d, fn))]
            pick = cases if limit is None else spread(cases, limit)
            o.skipped(CLS_DIGEST, fam, "LongMsg subsampled",
                      len(cases) - len(pick))
            for c in pick:
                nbits = int(c["len"])
                if nbits % 8:
                    o.skipped(CLS_DIGEST, fam, "bit-length message")
                    continue
                o.emit(CLS_DIGEST, fam,
                       "%s_%s_len%d" % (fam, fn.split(".")[0], nbits), algo,
                       DIGEST, 0, b"", unhex(c["msg"], nbits // 8),
                       unhex(c["md"]))
    o.skipped(CLS_DIGEST, "sha", "Monte Carlo (MCT) not used",
              count_cases(root, "hashes/SHA1", "hashes/SHA2",
                          match=("Monte.rsp",)))
    o.skipped(CLS_DIGEST, "sha", "SHA-512/224, /256: not implemented",
              count_cases(root, "hashes/SHA2", match=("SHA512_", "Msg")))
    o.skipped(CLS_DIGEST, "sha", "SHA-3/SHAKE: not supported (mbedTLS 2.28)",
              count_cases(root, "hashes/SHA3", "hashes/SHAKE",
                          match=("Msg",)))


# --- MACs ----------------------------------------------------------------


def mac_line(o, fam, label, algo, key_type, key, msg, mac, max_key=0):
    o.emit(CLS_MAC, fam, label, algo, MAC, key_type, key, msg, mac, max_key)
    # TEE_MACCompareFinal with the right MAC, then with a flipped bit.
    o.emit(CLS_MAC, fam, label + "_cmp", algo, MAC, key_type, key, msg, b"",
           max_key, tag=mac, flags=F_COMPARE)
    bad = bytes([mac[0] ^ 0x80]) + mac[1:]
    o.emit(CLS_MAC, fam, label + "_bad", algo, MAC, key_type, key, msg, b"",
           max_key, tag=bad, flags=F_COMPARE, result=MAC_INVALID)


def hmacs(root, o):
    for fn in sorted(os.listdir(os.path.join(root, "HMAC"))):
        hname = fn.split("-")[-1].split(".")[0]
        if hname not in HMACS:
            o.skipped(CLS_MAC, "hmac", "%s: not a GP algorithm" % hname,
                      len(parse(os.path.join(root, "HMAC", fn))))
            continue
        algo, ktype, kmin, kmax = HMACS[hname]
        for i, (_, c) in enumerate(parse(os.path.join(root, "HMAC", fn))):
            key, bits = unhex(c["key"]), len(c["key"]) * 4
            if bits > kmax:
                o.skipped(CLS_MAC, "hmac",
                          "key longer than GP's HMAC maximum")
                continue
            # Shorter than the HMAC type allows: a generic secret.
            t, mk = (ktype, 0) if bits >= kmin else (T_GENERIC, kmax)
            mac_line(o, "hmac", "hmac_%s_%d" % (fn.split(".")[0], i), algo,
                     t, key, unhex(c["msg"]), unhex(c["md"]), mk)


def cmacs(root, o):
    for fn in sorted(os.listdir(os.path.join(root, "CMAC"))):
        for _, c in parse(os.path.join(root, "CMAC", fn)):
            label = "cmac_%s_%s" % (fn.split("-")[-1].split(".")[0],
                                    c["count"])
            msg, mac = unhex(c.get("message", "")), unhex(c["output"])
            if "key" in c:
                mac_line(o, "cmac", label, AES_CMAC, T_AES, unhex(c["key"]),
                         msg, mac)
                continue
            k1, k2, k3 = (unhex(c[k]) for k in ("key1", "key2", "key3"))
            key = k1 + k2 if k1 == k3 else k1 + k2 + k3
            mac_line(o, "cmac", label + "_%dk" % (len(key) // 8), DES3_CMAC,
                     T_DES3, key, msg, mac)


# --- ciphers -------------------------------------------------------------


def cipher_dir(c, default=None):
    d = c.get("dir", default)
    if d not in ("ENCRYPT", "DECRYPT"):
        raise ValueError("no direction")
    return d


def cipher_case(o, fam, label, algo, key_type, key, c, key2=b"", iv=None):
    d = cipher_dir(c)
    pt, ct = unhex(c.get("plaintext", c.get("pt"))), unhex(
        c.get("ciphertext", c.get("ct")))
    if iv is None:
        iv = unhex(c.get("iv", ""))
    if d == "ENCRYPT":
        o.emit(CLS_CIPHER, fam, label + "_e", algo, ENC, key_type, key, pt,
               ct, key2=key2, iv=iv)
    else:
        o.emit(CLS_CIPHER, fam, label + "_d", algo, DEC, key_type, key, ct,
               pt, key2=key2, iv=iv)


def aes_blockmodes(root, o):
    for mode, algo in (("ECB", AES_ECB), ("CBC", AES_CBC)):
        d = os.path.join(root, "ciphers", "AES", mode)
        for fn in sorted(os.listdir(d)):
            cases = parse(os.path.join(d, fn))
            test = fn[len(mode):-len(".rsp")]
            if "VarKey" in test or "VarTxt" in test:
                pick = []
                for dr in ("ENCRYPT", "DECRYPT"):
                    pick += spread([c for _, c in cases if c["dir"] == dr],
                                   AES_KAT_PER_FILE)
            else:
                pick = [c for _, c in cases]
            o.skipped(CLS_CIPHER, "aes", "AESVS VarKey/VarTxt subsampled",
                      len(cases) - len(pick))
            for c in pick:
                cipher_case(o, "aes", "aes_%s_%s_%s" %
                            (mode.lower(), test, c["count"]), algo, T_AES,
                            unhex(c["key"]), c)
    o.skipped(CLS_CIPHER, "aes", "CFB/OFB/OCB3/SIV: not GP algorithms",
              count_cases(root, *("ciphers/AES/" + m
                                  for m in ("CFB", "OFB", "OCB3", "SIV"))))
    # RFC 3686 counter blocks (CAVS has no CTR files): both directions.
    d = os.path.join(root, "ciphers", "AES", "CTR")
    for fn in sorted(os.listdir(d)):
        for _, c in parse(os.path.join(d, fn)):
            key, iv = unhex(c["key"]), unhex(c["iv"])
            pt, ct = unhex(c["plaintext"]), unhex(c["ciphertext"])
            label = "aes_ctr_rfc3686_%d_%s" % (len(key) * 8, c["count"])
            o.emit(CLS_CIPHER, "aes", label + "_e", AES_CTR, ENC, T_AES, key,
                   pt, ct, iv=iv)
            o.emit(CLS_CIPHER, "aes", label + "_d", AES_CTR, DEC, T_AES, key,
                   ct, pt, iv=iv)


def xts(root, o):
    for sub in ("tweak-128hexstr", "tweak-dataunitseqno"):
        d = os.path.join(root, "ciphers", "AES", "XTS", sub)
        for fn in sorted(os.listdir(d)):
            groups = collections.OrderedDict()
            for _, c in parse(os.path.join(d, fn)):
                groups.setdefault((c["dir"], c["dataunitlen"]), []).append(c)
            for (dr, dul), cs in groups.items():
                if int(dul) % 8:
                    o.skipped(CLS_CIPHER, "xts",
                              "data unit not whole bytes", len(cs))
                    continue
                pick = cs[:XTS_PER_SECTION]
                o.skipped(CLS_CIPHER, "xts", "XTS subsampled",
                          len(cs) - len(pick))
                for c in pick:
                    k = unhex(c["key"])
                    if "i" in c:
                        tweak = unhex(c["i"])
                    else:  # IEEE 1619: the sequence number, little endian
                        seq = int(c["dataunitseqnumber"])
                        tweak = seq.to_bytes(16, "little")
                    cipher_case(o, "xts", "xts_%d_%s_%s_%s" %
                                (len(k) * 4, sub[6:9], dul, c["count"]),
                                AES_XTS, T_AES, k[:len(k) // 2], c,
                                key2=k[len(k) // 2:], iv=tweak)


def tdes(root, o):
    for mode, des, des3 in (("ECB", DES_ECB, DES3_ECB),
                            ("CBC", DES_CBC, DES3_CBC)):
        d = os.path.join(root, "ciphers", "3DES", mode)
        for fn in sorted(os.listdir(d)):
            cases = parse(os.path.join(d, fn))
            test = fn[len("T" + mode):-len(".rsp")]
            if test.startswith("I"):  # TCBCI*: the interleaved mode
                o.skipped(CLS_CIPHER, "tdes", "CBC-I: not a GP mode",
                          len(cases))
                continue
            if "MMT" in test:
                pick = [c for _, c in cases]
            else:
                pick = []
                for dr in ("ENCRYPT", "DECRYPT"):
                    pick += spread([c for _, c in cases if c["dir"] == dr],
                                   TDES_KAT_PER_FILE)
            o.skipped(CLS_CIPHER, "tdes", "TDES KAT subsampled",
                      len(cases) - len(pick))
            for c in pick:
                if "keys" in c:
                    k1 = k2 = k3 = unhex(c["keys"])
                else:
                    k1, k2, k3 = (unhex(c[k])
                                  for k in ("key1", "key2", "key3"))
                label = "tdes_%s_%s_%s" % (mode.lower(), test, c["count"])
                if k1 == k2 == k3:
                    # Keying option 3 is single DES; also run as 3DES.
                    cipher_case(o, "tdes", label + "_des", des, T_DES, k1, c)
                    if "MMT" in test:
                        cipher_case(o, "tdes", label + "_3k", des3, T_DES3,
                                    k1 + k2 + k3, c)
                elif k1 == k3:
                    cipher_case(o, "tdes", label + "_2k", des3, T_DES3,
                                k1 + k2, c)
                else:
                    cipher_case(o, "tdes", label + "_3k", des3, T_DES3,
                                k1 + k2 + k3, c)


# --- AE ------------------------------------------------------------------


def tdes_unused(root, o):
    o.skipped(CLS_CIPHER, "tdes", "CFB/OFB: not GP modes",
              count_cases(root, "ciphers/3DES/CFB", "ciphers/3DES/OFB"))


def gcm(root, o):
    d = os.path.join(root, "ciphers", "AES", "GCM")
    for fn in sorted(os.listdir(d)):
        enc = "Encrypt" in fn
        tag_refused = set()
        for cs in by_section(parse(os.path.join(d, fn))).values():
            h = cs[0]
            ivb, tagb = int(h["ivlen"]), int(h["taglen"])
            ptb, aadb = int(h["ptlen"]), int(h["aadlen"])
            sec = "gcm_%s%s_iv%d_p%d_a%d_t%d" % ("e" if enc else "d",
                                                h["keylen"], ivb, ptb, aadb,
                                                tagb)
            if ivb % 8 or ptb % 8 or aadb % 8:
                o.skipped(CLS_AE, "gcm", "bit lengths", len(cs))
                continue
            if ivb // 8 > 64:
                # The core keeps GCM nonces up to CRYP_AE_MAX_NONCE bytes.
                o.skipped(CLS_AE, "gcm", "IV > 64 bytes (core limit)", len(cs))
                continue
            if tagb < 96:
                # GP allows 96..128-bit GCM tags: TEE_AEInit must refuse
                # the others; checked once per file and tag length.
                n = 0
                if (tagb, enc) not in tag_refused:
                    tag_refused.add((tagb, enc))
                    c = cs[0]
                    o.emit(CLS_AE, "gcm", sec + "_refused", AES_GCM,
                           ENC if enc else DEC, T_AES, unhex(c["key"]),
                           unhex(c.get("pt" if enc else "ct", "")), b"",
                           iv=unhex(c["iv"]), aad=unhex(c.get("aad", "")),
                           tag=unhex(c["tag"]), result=NOT_SUPPORTED)
                    n = 1
                o.skipped(CLS_AE, "gcm", "tag < 96 bits (not GP)", len(cs) - n)
                continue
            if enc:
                pick = cs[:GCM_ENC_PER_SECTION]
            else:
                good = [c for c in cs if "fail" not in c]
                bad = [c for c in cs if "fail" in c]
                pick = (good[:GCM_DEC_PASS_PER_SECTION] +
                        bad[:GCM_DEC_FAIL_PER_SECTION])
            o.skipped(CLS_AE, "gcm", "GCM subsampled", len(cs) - len(pick))
            for c in pick:
                key, iv = unhex(c["key"]), unhex(c["iv"])
                aad, tag = unhex(c.get("aad", "")), unhex(c["tag"])
                pt, ct = unhex(c.get("pt", "")), unhex(c.get("ct", ""))
                label = "%s_%s" % (sec, c["count"])
                if enc:
                    o.emit(CLS_AE, "gcm", label, AES_GCM, ENC, T_AES, key, pt,
                           ct + tag, iv=iv, aad=aad, tag=bytes(len(tag)))
                elif "fail" in c:
                    o.emit(CLS_AE, "gcm", label + "_fail", AES_GCM, DEC,
                           T_AES, key, ct, b"", iv=iv, aad=aad, tag=tag,
                           result=MAC_INVALID)
                else:
                    o.emit(CLS_AE, "gcm", label, AES_GCM, DEC, T_AES, key, ct,
                           pt, iv=iv, aad=aad, tag=tag)


def ccm(root, o):
    d = os.path.join(root, "ciphers", "AES", "CCM")
    for fn in sorted(f for f in os.listdir(d) if f.endswith(".rsp")):
        cases = parse(os.path.join(d, fn))
        dvpt = fn.startswith("DVPT")
        pick = []
        for cs in by_section(cases).values():
            if dvpt:
                n = CCM_DVPT_PER_SECTION // 2
                sel = [c for c in cs if c["result"].startswith("Pass")][:n]
                sel += [c for c in cs if c["result"].startswith("Fail")][:n]
            else:
                sel = cs[:CCM_ENC_PER_SECTION]
            pick += sel
        o.skipped(CLS_AE, "ccm", "CCM subsampled", len(cases) - len(pick))
        for i, c in enumerate(pick):
            plen, alen, tlen = int(c["plen"]), int(c["alen"]), int(c["tlen"])
            key, nonce = unhex(c["key"]), unhex(c["nonce"])
            aad, ct = unhex(c["adata"], alen), unhex(c["ct"])
            label = "ccm_%s_n%d_a%d_p%d_t%d_%s" % (fn[:-4], len(nonce), alen,
                                                  plen, tlen, c["count"])
            if dvpt and c["result"].startswith("Fail"):
                o.emit(CLS_AE, "ccm", label + "_fail", AES_CCM, DEC, T_AES,
                       key, ct[:plen], b"", iv=nonce, aad=aad,
                       tag=ct[plen:], result=MAC_INVALID)
                continue
            pt = unhex(c["payload"], plen)
            if not dvpt:
                o.emit(CLS_AE, "ccm", label + "_e", AES_CCM, ENC, T_AES, key,
                       pt, ct, iv=nonce, aad=aad, tag=bytes(tlen))
            if dvpt or i % 2 == 0:
                o.emit(CLS_AE, "ccm", label + "_d", AES_CCM, DEC, T_AES, key,
                       ct[:plen], pt, iv=nonce, aad=aad, tag=ct[plen:])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=DEFAULT_ROOT)
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.root, "ciphers")):
        sys.stderr.write("cavs_sym: no CAVS files in %s (install "
                         "python3-cryptography-vectors: make deps)\n" %
                         args.root)
        return 1
    o = Out()
    try:
        for step in (digests, hmacs, cmacs, aes_blockmodes, xts, tdes,
                     tdes_unused, gcm, ccm):
            step(args.root, o)
    except (OSError, KeyError, ValueError) as e:
        sys.stderr.write("cavs_sym: %s: %s: %s\n" %
                         (current_file, type(e).__name__, e))
        return 1
    print("# cavs_sym.py from %s" % args.root)
    for line in o.lines:
        print(line)
    for (cls, fam, why), n in sorted(o.skip.items()):
        print("#skip %d %s %d %s" % (cls, fam, n, why))
    fams = sorted(set(k for k in o.ran) | set(k[:2] for k in o.skip))
    for cls, fam in fams:
        why = ["%d %s" % (n, w) for (c, f, w), n in sorted(o.skip.items())
               if (c, f) == (cls, fam)]
        sys.stderr.write("cavs %s: %d cases%s\n" %
                         (fam, o.ran[(cls, fam)],
                          "; skipped " + ", ".join(why) if why else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
