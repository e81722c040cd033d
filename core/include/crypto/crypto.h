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
	CRYPTO_RSA_PSS_MGF1_SHA256, /* RSASSA-PSS, MGF1-SHA256 */
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

/* --- Random numbers ------------------------------------------------------ */
/*
 * HMAC-DRBG (SHA-256) output, reseeded from rng_get_seed() by the DRBG's
 * schedule. Safe from any CPU or thread. TEE_ERROR_BAD_STATE before
 * crypto_init().
 */
TEE_Result crypto_rng_read(void *buf, size_t len);

/* --- Helpers --------------------------------------------------------------- */
/* Constant-time (in the data, not in n) equality of two buffers. */
bool crypto_ct_equal(const void *a, const void *b, size_t n);

/* The DRBG half of crypto_init() (crypto_rng.c). */
TEE_Result crypto_rng_init(void);

#endif
