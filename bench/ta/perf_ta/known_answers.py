#!/usr/bin/env python3
"""The known answers of `cryptobench check` (bench/guest/cryptobench.c):
perf_ta's chains (include/perf_ta.h) recomputed with OpenSSL through
Python's cryptography and hashlib, printed as FNV-1a 64 of the output.
Run: python3 bench/ta/perf_ta/known_answers.py"""
import hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
SIZE=1024; N=3
def fnv(b):
    h=0xcbf29ce484222325
    for x in b:
        h^=x; h=(h*0x100000001b3)&0xffffffffffffffff
    return h
buf=bytes(i&0xff for i in range(SIZE))
key=bytes(range(16)); key2=bytes(0x80+i for i in range(16)); iv=bytes(0xa0+i for i in range(16))
res={}
for name,mode in (("ecb",modes.ECB()),("cbc",modes.CBC(iv)),("ctr",modes.CTR(iv))):
    e=Cipher(algorithms.AES(key),mode).encryptor(); b=buf
    for n in range(N): b=e.update(b)
    res["aes_"+name]=b
b=buf
for n in range(N):
    e=Cipher(algorithms.AES(key+key2),modes.XTS(iv)).encryptor(); b=e.update(b)+e.finalize()
res["aes_xts"]=b
b=buf
for n in range(N):
    nonce=iv[:8]+n.to_bytes(4,'big'); o=AESGCM(key).encrypt(nonce,b,None); b,tag=o[:-16],o[-16:]
res["aes_gcm"]=b+tag
for name in ("sha1","sha256","sha512"):
    b=bytearray(buf)
    for n in range(N):
        d=hashlib.new(name,bytes(b)).digest(); b[:len(d)]=d
    res[name]=d
for k,v in res.items(): print(k, "0x%016xull"%fnv(v), len(v), v[:8].hex())
