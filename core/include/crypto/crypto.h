/*
 * The core's crypto interface. One backend today (mbedTLS, core/crypto/);
 * callers never see its types, so a hardware driver can replace a piece
 * without touching them. Every function returns a TEE_Result.
 */
#ifndef CRYPTO_CRYPTO_H
#define CRYPTO_CRYPTO_H

#include <rampart/types.h>

#ifndef TEE_ERROR_SIGNATURE_INVALID
#define TEE_ERROR_SIGNATURE_INVALID 0xFFFF3072u
#endif
#ifndef TEE_ERROR_MAC_INVALID
#define TEE_ERROR_MAC_INVALID 0xFFFF3071u
#endif

/*
 * Hooks the backend to the core heap and seeds the DRBG from
 * rng_get_seed(). Call once on the boot CPU after the heap is up; a second
 * call is a no-op. Logs the seed source.
 */
TEE_Result crypto_init(void);

/* --- SHA-256 ------------------------------------------------------------- */
#define CRYPTO_SHA256_SIZE 32

/* Opaque; large enough for the backend's state (checked at compile time). */
struct crypto_sha256_ctx {
	uint64_t opaque[16];
};

void crypto_sha256_init(struct crypto_sha256_ctx *ctx);
void crypto_sha256_update(struct crypto_sha256_ctx *ctx, const void *data,
			  size_t len);
/* Writes the digest and wipes the context. */
void crypto_sha256_final(struct crypto_sha256_ctx *ctx,
			 uint8_t digest[CRYPTO_SHA256_SIZE]);
void crypto_sha256(const void *data, size_t len,
		   uint8_t digest[CRYPTO_SHA256_SIZE]);

/* --- RSA signature verification ------------------------------------------ */
/* A raw public key: big-endian modulus (leading zeros allowed) and e. */
struct crypto_rsa_pubkey {
	const uint8_t *modulus;
	size_t modulus_len;
	uint32_t exponent;
};

enum crypto_rsa_padding {
	CRYPTO_RSA_PSS_MGF1_SHA256,  /* RSASSA-PSS, MGF1-SHA256 */
	CRYPTO_RSA_PKCS1_V15_SHA256, /* RSASSA-PKCS1-v1_5, SHA-256 DigestInfo */
};

/* Modulus size in bytes of a key crypto_rsa_verify_sha256() accepts, 0 if
 * the key is malformed (even or too small modulus, bad exponent). */
size_t crypto_rsa_pubkey_size(const struct crypto_rsa_pubkey *key);

/*
 * Verifies sig over a SHA-256 digest. salt_len is the exact PSS salt
 * length (32 for TA images) and is ignored for PKCS#1 v1.5. sig_len must be
 * the modulus size.
 * TEE_SUCCESS, TEE_ERROR_SIGNATURE_INVALID, TEE_ERROR_BAD_PARAMETERS (bad
 * key or arguments), TEE_ERROR_OUT_OF_MEMORY.
 */
TEE_Result crypto_rsa_verify_sha256(const struct crypto_rsa_pubkey *key,
				    enum crypto_rsa_padding padding,
				    size_t salt_len,
				    const uint8_t digest[CRYPTO_SHA256_SIZE],
				    const uint8_t *sig, size_t sig_len);

/* --- Hashes ----------------------------------------------------------------
 */
/*
 * Contexts below are opaque and allocated by the backend (core heap); a
 * NULL context is accepted by every *_free. Once a context exists, the
 * update/final calls cannot fail: callers validate arguments first.
 */
enum crypto_hash_alg {
	CRYPTO_HASH_MD5,
	CRYPTO_HASH_SHA1,
	CRYPTO_HASH_SHA224,
	CRYPTO_HASH_SHA256,
	CRYPTO_HASH_SHA384,
	CRYPTO_HASH_SHA512,
};
#define CRYPTO_HASH_MAX_SIZE 64

struct crypto_hash;

/* TEE_ERROR_NOT_SUPPORTED for an unknown @alg, TEE_ERROR_OUT_OF_MEMORY. */
TEE_Result crypto_hash_alloc(enum crypto_hash_alg alg,
			     struct crypto_hash **ctx);
/* Wipes and frees. */
void crypto_hash_free(struct crypto_hash *ctx);
/* Digest size in bytes, 0 for an unknown @alg. */
size_t crypto_hash_size(enum crypto_hash_alg alg);
void crypto_hash_init(struct crypto_hash *ctx);
void crypto_hash_update(struct crypto_hash *ctx, const void *data, size_t len);
/* Writes crypto_hash_size() bytes; init again before the next use. */
void crypto_hash_final(struct crypto_hash *ctx, uint8_t *digest);
/* @dst must have the same algorithm. */
void crypto_hash_copy(struct crypto_hash *dst, const struct crypto_hash *src);

/* --- Block ciphers ------------------------------------------------------- */
enum crypto_cipher_alg {
	CRYPTO_CIPHER_AES,  /* keys of 16, 24, 32 bytes */
	CRYPTO_CIPHER_DES,  /* 8 bytes, parity bits ignored */
	CRYPTO_CIPHER_DES3, /* 16 (K1 K2 K1) or 24 bytes */
};
enum crypto_cipher_mode {
	CRYPTO_MODE_ECB,
	CRYPTO_MODE_CBC,
	CRYPTO_MODE_CTR, /* 128-bit big-endian counter block, AES only */
	CRYPTO_MODE_CTS, /* CBC with ciphertext stealing, CS3, AES only */
	CRYPTO_MODE_XTS, /* IEEE 1619, with ciphertext stealing, AES only */
};
#define CRYPTO_CIPHER_MAX_BLOCK 16

struct crypto_cipher;

TEE_Result crypto_cipher_alloc(enum crypto_cipher_alg alg,
			       enum crypto_cipher_mode mode,
			       struct crypto_cipher **ctx);
void crypto_cipher_free(struct crypto_cipher *ctx);
/* 16 or 8; 0 for an unknown @alg. */
size_t crypto_cipher_block_size(enum crypto_cipher_alg alg);
/* Whether @alg takes a key of @len bytes. */
bool crypto_cipher_key_ok(enum crypto_cipher_alg alg, size_t len);
/*
 * Starts a message. @key2 is the tweak key (XTS only, same length as @key).
 * @iv is a block (CBC, CTR, CTS, XTS tweak) or NULL (ECB).
 * TEE_ERROR_BAD_PARAMETERS for key or IV sizes the mode does not take.
 */
TEE_Result crypto_cipher_init(struct crypto_cipher *ctx, bool encrypt,
			      const uint8_t *key, size_t key_len,
			      const uint8_t *key2, const uint8_t *iv,
			      size_t iv_len);
/*
 * @len is a multiple of the block size, except for CTR. CTS and XTS hold
 * the last two blocks back for crypto_cipher_final(). @in == @out is fine.
 */
void crypto_cipher_update(struct crypto_cipher *ctx, const uint8_t *in,
			  uint8_t *out, size_t len);
/*
 * The message's end. CTS and XTS: @len 0 or at least one block and at most
 * two (stealing when not a multiple); others: as crypto_cipher_update().
 */
void crypto_cipher_final(struct crypto_cipher *ctx, const uint8_t *in,
			 uint8_t *out, size_t len);
/* @dst must have the same algorithm and mode. */
void crypto_cipher_copy(struct crypto_cipher *dst,
			const struct crypto_cipher *src);

/* --- MACs ---------------------------------------------------------------- */
enum crypto_mac_alg {
	CRYPTO_MAC_HMAC_MD5,
	CRYPTO_MAC_HMAC_SHA1,
	CRYPTO_MAC_HMAC_SHA224,
	CRYPTO_MAC_HMAC_SHA256,
	CRYPTO_MAC_HMAC_SHA384,
	CRYPTO_MAC_HMAC_SHA512,
	CRYPTO_MAC_AES_CMAC,
	CRYPTO_MAC_DES3_CMAC,
	CRYPTO_MAC_AES_CBC_MAC, /* zero IV, no padding: block multiples */
	CRYPTO_MAC_DES_CBC_MAC,
	CRYPTO_MAC_DES3_CBC_MAC,
	CRYPTO_MAC_AES_CBC_MAC_PKCS5, /* PKCS#5 padding at the end */
	CRYPTO_MAC_DES_CBC_MAC_PKCS5,
	CRYPTO_MAC_DES3_CBC_MAC_PKCS5,
};
#define CRYPTO_MAC_MAX_SIZE 64

struct crypto_mac;

TEE_Result crypto_mac_alloc(enum crypto_mac_alg alg, struct crypto_mac **ctx);
void crypto_mac_free(struct crypto_mac *ctx);
/* MAC size in bytes, 0 for an unknown @alg. */
size_t crypto_mac_size(enum crypto_mac_alg alg);
/* TEE_ERROR_BAD_PARAMETERS for a key size the algorithm does not take. */
TEE_Result crypto_mac_init(struct crypto_mac *ctx, const uint8_t *key,
			   size_t key_len);
void crypto_mac_update(struct crypto_mac *ctx, const void *data, size_t len);
/*
 * Writes crypto_mac_size() bytes; init again before the next use. The
 * no-padding CBC-MACs need a block multiple in total (callers check).
 */
void crypto_mac_final(struct crypto_mac *ctx, uint8_t *mac);
/* TEE_ERROR_OUT_OF_MEMORY if @dst needs a new backend context. */
TEE_Result crypto_mac_copy(struct crypto_mac *dst,
			   const struct crypto_mac *src);

/* --- Authenticated encryption (AES-GCM, AES-CCM) ------------------------- */
/*
 * GCM streams the payload but takes the whole AAD at init; CCM is one-shot.
 * Callers buffer what the backend cannot take piecewise.
 */
struct crypto_gcm;

TEE_Result crypto_gcm_alloc(struct crypto_gcm **ctx);
void crypto_gcm_free(struct crypto_gcm *ctx);
/* Sets the AES key: TEE_ERROR_BAD_PARAMETERS, TEE_ERROR_OUT_OF_MEMORY. */
TEE_Result crypto_gcm_init(struct crypto_gcm *ctx, const uint8_t *key,
			   size_t key_len);
/*
 * Starts a message (after crypto_gcm_init). Nonce of at least one byte.
 * Cannot fail with a nonce and the AAD present.
 */
void crypto_gcm_start(struct crypto_gcm *ctx, bool encrypt,
		      const uint8_t *nonce, size_t nonce_len,
		      const uint8_t *aad, size_t aad_len);
/* @len is a multiple of 16 except in the last call before the tag. */
void crypto_gcm_update(struct crypto_gcm *ctx, const uint8_t *in, uint8_t *out,
		       size_t len);
/* The first @tag_len (4..16) bytes of the tag. */
void crypto_gcm_tag(struct crypto_gcm *ctx, uint8_t *tag, size_t tag_len);
/* @dst must have been allocated; it gets @src's key and progress. */
TEE_Result crypto_gcm_copy(struct crypto_gcm *dst,
			   const struct crypto_gcm *src);

/* Nonce 7..13 bytes, tag 4..16 (even), AAD < 0xFF00 bytes. */
bool crypto_ccm_sizes_ok(size_t key_len, size_t nonce_len, size_t tag_len,
			 size_t aad_len, size_t payload_len);
/* One shot; TEE_ERROR_MAC_INVALID from decrypt leaves @out zeroed. */
TEE_Result crypto_ccm_encrypt(const uint8_t *key, size_t key_len,
			      const uint8_t *nonce, size_t nonce_len,
			      const uint8_t *aad, size_t aad_len,
			      const uint8_t *in, uint8_t *out, size_t len,
			      uint8_t *tag, size_t tag_len);
TEE_Result crypto_ccm_decrypt(const uint8_t *key, size_t key_len,
			      const uint8_t *nonce, size_t nonce_len,
			      const uint8_t *aad, size_t aad_len,
			      const uint8_t *in, uint8_t *out, size_t len,
			      const uint8_t *tag, size_t tag_len);

/* DES keys: sets each byte's parity bit (odd parity) for generated keys. */
void crypto_des_set_parity(uint8_t *key, size_t len);

/* --- Random numbers ------------------------------------------------------ */
/*
 * HMAC-DRBG (SHA-256) output, reseeded from rng_get_seed() by the DRBG's
 * schedule. Safe from any CPU or thread. TEE_ERROR_BAD_STATE before
 * crypto_init().
 */
TEE_Result crypto_rng_read(void *buf, size_t len);

/*
 * What that output is worth to a client that credits it as entropy, from
 * the source of the DRBG's latest (re)seed (rng_info.c).
 */
struct crypto_rng_info {
	bool hw_seed;	    /* seeded from the CPU's RNDR */
	uint32_t quality;   /* entropy bits per 1024 output bits, 1..1024 */
	const char *source; /* the seed source's name, for logs */
};
void crypto_rng_get_info(struct crypto_rng_info *info);

/* --- Helpers ---------------------------------------------------------------
 */
/* Constant-time (in the data, not in n) equality of two buffers. */
bool crypto_ct_equal(const void *a, const void *b, size_t n);
/* Zeroes secrets in a way the compiler cannot drop. */
void crypto_wipe(void *p, size_t n);

/* The DRBG half of crypto_init() (crypto_rng.c). */
TEE_Result crypto_rng_init(void);

#endif
