/*
 * The core's public-key primitives (GP asymmetric operations and key
 * derivation): RSA, ECDSA, ECDH over the NIST curves, X25519, finite-field
 * DH, HKDF and PBKDF2. Keys are the GP attributes as they are stored in
 * objects: big-endian numbers (X25519: the RFC 7748 little-endian strings).
 * Randomness (RSA blinding, ECDSA k, key generation) comes from the core
 * DRBG (crypto_rng_read).
 * Implementation (mbedTLS): core/crypto/crypto_rsa_ops.c, crypto_rsa_oaep.c,
 * crypto_ecc.c, crypto_dh.c, crypto_kdf.c.
 */
#ifndef CRYPTO_CRYPTO_ASYM_H
#define CRYPTO_CRYPTO_ASYM_H

#include <crypto/crypto.h>

/* A number: big-endian bytes (leading zeros allowed); len 0 = absent. */
struct crypto_bn {
	const uint8_t *p;
	size_t len;
};

/* n, e always; d for a private key; p, q optional (CRT, derived if absent). */
struct crypto_rsa_key {
	struct crypto_bn n, e, d, p, q;
};

enum crypto_rsa_scheme {
	CRYPTO_RSA_NOPAD, /* raw modular exponentiation */
	CRYPTO_RSA_PKCS1_V15,
	CRYPTO_RSA_OAEP, /* encryption only */
	CRYPTO_RSA_PSS,	 /* signatures only */
};

/* @hash: enum crypto_hash_alg, or CRYPTO_ASYM_NO_HASH (v1.5 raw digest). */
#define CRYPTO_ASYM_NO_HASH 0xffffffffu

/*
 * Results: BAD_PARAMETERS for a key or input the scheme refuses (wrong
 * digest length, message too long, malformed key), SHORT_BUFFER with
 * *out_len set to the size needed, SIGNATURE_INVALID, OUT_OF_MEMORY.
 */
TEE_Result crypto_rsa_sign(const struct crypto_rsa_key *k,
			   enum crypto_rsa_scheme s, uint32_t hash,
			   size_t salt_len, const uint8_t *digest, size_t dlen,
			   uint8_t *sig, size_t *sig_len);
TEE_Result crypto_rsa_verify(const struct crypto_rsa_key *k,
			     enum crypto_rsa_scheme s, uint32_t hash,
			     size_t salt_len, const uint8_t *digest,
			     size_t dlen, const uint8_t *sig, size_t sig_len);
TEE_Result crypto_rsa_encrypt(const struct crypto_rsa_key *k,
			      enum crypto_rsa_scheme s, uint32_t hash,
			      const uint8_t *label, size_t label_len,
			      const uint8_t *in, size_t in_len, uint8_t *out,
			      size_t *out_len);
TEE_Result crypto_rsa_decrypt(const struct crypto_rsa_key *k,
			      enum crypto_rsa_scheme s, uint32_t hash,
			      const uint8_t *label, size_t label_len,
			      const uint8_t *in, size_t in_len, uint8_t *out,
			      size_t *out_len);

/*
 * One block of exactly the modulus size through the raw RSA function
 * (private: blinded), for paddings built outside mbedTLS. The input must
 * be a number below n (BAD_PARAMETERS otherwise).
 */
TEE_Result crypto_rsa_raw(const struct crypto_rsa_key *k, bool priv,
			  const uint8_t *in, uint8_t *out, size_t len);

/*
 * RSAES-OAEP with an MGF1 hash of its own (GP 1.3.1's
 * TEE_ATTR_RSA_OAEP_MGF_HASH; mbedTLS 2.28 ties MGF1 to the label hash):
 * crypto_rsa_oaep.c. @hash, @mgf: enum crypto_hash_alg. Results as
 * crypto_rsa_encrypt/decrypt; a ciphertext that does not decode is
 * BAD_PARAMETERS, whatever the reason.
 */
TEE_Result crypto_rsa_oaep_encrypt(const struct crypto_rsa_key *k,
				   uint32_t hash, uint32_t mgf,
				   const uint8_t *label, size_t label_len,
				   const uint8_t *in, size_t in_len,
				   uint8_t *out, size_t *out_len);
TEE_Result crypto_rsa_oaep_decrypt(const struct crypto_rsa_key *k,
				   uint32_t hash, uint32_t mgf,
				   const uint8_t *label, size_t label_len,
				   const uint8_t *in, size_t in_len,
				   uint8_t *out, size_t *out_len);
/*
 * EME-OAEP (RFC 8017 7.1.1 step 2, 7.1.2 step 3) on an encoded message of
 * @k bytes; exposed for the host tests. Encode takes the hash-size @seed.
 * Decode works in place in @em and writes the message to @msg (room for
 * @k bytes), its length to *msg_len; the padding check takes the same
 * time whatever is wrong with it.
 */
TEE_Result crypto_oaep_encode(uint32_t hash, uint32_t mgf, const uint8_t *label,
			      size_t label_len, const uint8_t *msg,
			      size_t msg_len, const uint8_t *seed, uint8_t *em,
			      size_t k);
TEE_Result crypto_oaep_decode(uint32_t hash, uint32_t mgf, const uint8_t *label,
			      size_t label_len, uint8_t *em, size_t k,
			      uint8_t *msg, size_t *msg_len);

/* A generated RSA key: each number in a buffer of bits/8 bytes, lengths. */
#define CRYPTO_RSA_GEN_PARTS 8 /* n e d p q dp dq qinv */
struct crypto_rsa_gen {
	uint8_t *part[CRYPTO_RSA_GEN_PARTS];
	size_t len[CRYPTO_RSA_GEN_PARTS];
};
/* @bits even, 256..4096; @e odd >= 3. Buffers: bits/8 bytes each. */
TEE_Result crypto_rsa_generate(uint32_t bits, uint32_t e,
			       struct crypto_rsa_gen *out);

/* ---- elliptic curves: @curve is a TEE_ECC_CURVE_NIST_* value ---------- */
/* Bytes of a coordinate or scalar of the curve; 0 if not supported. */
size_t crypto_ecc_bytes(uint32_t curve);
/* @sig: r || s, each crypto_ecc_bytes() long. */
TEE_Result crypto_ecdsa_sign(uint32_t curve, const struct crypto_bn *d,
			     const uint8_t *digest, size_t dlen, uint8_t *sig);
TEE_Result crypto_ecdsa_verify(uint32_t curve, const struct crypto_bn *x,
			       const struct crypto_bn *y, const uint8_t *digest,
			       size_t dlen, const uint8_t *sig, size_t sig_len);
/* The x coordinate of d * (x, y), crypto_ecc_bytes() bytes. */
TEE_Result crypto_ecdh(uint32_t curve, const struct crypto_bn *d,
		       const struct crypto_bn *x, const struct crypto_bn *y,
		       uint8_t *secret);
/* d, x, y: crypto_ecc_bytes() bytes each. */
TEE_Result crypto_ecc_generate(uint32_t curve, uint8_t *d, uint8_t *x,
			       uint8_t *y);

/* RFC 7748 X25519 (scalar clamped, u's top bit ignored). */
TEE_Result crypto_x25519(const uint8_t priv[32], const uint8_t pub[32],
			 uint8_t secret[32]);
TEE_Result crypto_x25519_generate(uint8_t priv[32], uint8_t pub[32]);

/* ---- finite-field Diffie-Hellman (crypto_dh.c) ------------------------ */
/*
 * A key pair for group (p, g): x of @xbits bits (0: 1 < x < p - 1),
 * y = g^x mod p; x and y in buffers of p's byte size, lengths written.
 */
TEE_Result crypto_dh_generate(const struct crypto_bn *p,
			      const struct crypto_bn *g, uint32_t xbits,
			      uint8_t *x, size_t *x_len, uint8_t *y,
			      size_t *y_len);
/*
 * peer^x mod p, left-padded to p's byte size (*len written), after
 * checking 1 < peer < p - 1.
 */
TEE_Result crypto_dh_shared(const struct crypto_bn *p,
			    const struct crypto_bn *x,
			    const struct crypto_bn *peer, uint8_t *out,
			    size_t *len);

/* ---- key derivation (crypto_kdf.c) ------------------------------------- */
/* RFC 5869 HKDF; @okm_len at most 255 hash lengths. */
TEE_Result crypto_hkdf(uint32_t hash, const uint8_t *salt, size_t salt_len,
		       const uint8_t *ikm, size_t ikm_len, const uint8_t *info,
		       size_t info_len, uint8_t *okm, size_t okm_len);
/* RFC 8018 PBKDF2 with HMAC-@hash. */
TEE_Result crypto_pbkdf2(uint32_t hash, const uint8_t *pw, size_t pw_len,
			 const uint8_t *salt, size_t salt_len, uint32_t iter,
			 uint8_t *out, size_t out_len);

/*
 * NIST SP 800-56A single-step KDF with a hash (OP-TEE's Concat KDF):
 * @out_len bytes of H(1 || Z || OtherInfo) || H(2 || ...) ..., the
 * counter 32-bit big-endian.
 */
TEE_Result crypto_concat_kdf(uint32_t hash, const uint8_t *z, size_t z_len,
			     const uint8_t *other, size_t other_len,
			     uint8_t *out, size_t out_len);

/* The mbedTLS md type (mbedtls_md_type_t) of an enum crypto_hash_alg. */
int crypto_asym_md(uint32_t hash);
/* The f_rng mbedTLS takes, over crypto_rng_read(). */
int crypto_asym_rng(void *unused, unsigned char *buf, size_t len);

#endif
