/*
 * Signed TA images (<uuid>.ta) in OP-TEE's format: a 20-byte signed header
 * (shdr), its SHA-256 hash and RSA signature, for img_type 1 (bootstrap) a
 * UUID + ta_version header, then the ELF. See docs: optee-compat.md §5.
 *
 * Two steps, so the parsing can be tested and fuzzed on its own:
 *   ta_image_decode()  bounds and format checks only, no crypto;
 *   ta_image_verify()  hash, signature and UUID against the core's key.
 * ta_image_open() does both. The buffer must be in secure memory and must
 * not change between decode and the use of the ELF (copy it first).
 */
#ifndef TEE_TA_IMAGE_H
#define TEE_TA_IMAGE_H

#include <crypto/crypto.h>
#include <rampart/types.h>

#define TA_IMAGE_SHDR_MAGIC 0x4f545348u /* "HSTO" on disk */

#define TA_IMAGE_TYPE_TA 0        /* legacy: shdr, hash, sig, ELF */
#define TA_IMAGE_TYPE_BOOTSTRAP 1 /* + uuid/ta_version before the ELF */
#define TA_IMAGE_TYPE_ENCRYPTED 2 /* not supported */
#define TA_IMAGE_TYPE_SUBKEY 3    /* not supported */

#define TA_IMAGE_ALGO_RSA_PSS_SHA256 0x70414930u /* PSS, MGF1-SHA256, salt 32 */
#define TA_IMAGE_ALGO_RSA_PKCS1_SHA256 0x70004830u

#define TA_IMAGE_SHDR_SIZE 20
#define TA_IMAGE_BOOTSTRAP_SIZE 20 /* uuid[16] + u32 ta_version */
#define TA_IMAGE_HASH_SIZE 32
#define TA_IMAGE_SIG_MIN 256 /* RSA-2048 */
#define TA_IMAGE_SIG_MAX 512 /* RSA-4096 */
#define TA_IMAGE_PSS_SALT_LEN 32

/* A decoded image; every pointer is into the caller's buffer. */
struct ta_image {
	const uint8_t *shdr; /* start of the image, TA_IMAGE_SHDR_SIZE bytes */
	uint32_t img_type;
	uint32_t algo;
	const uint8_t *hash; /* TA_IMAGE_HASH_SIZE bytes */
	const uint8_t *sig;
	size_t sig_size;
	/* img_type 1 only (has_uuid): the signed bootstrap header. */
	bool has_uuid;
	const uint8_t *bootstrap; /* TA_IMAGE_BOOTSTRAP_SIZE bytes or NULL */
	uint8_t uuid[16];         /* RFC 4122 octets */
	uint32_t ta_version;
	/* The payload. */
	const uint8_t *elf;
	size_t elf_size;
};

/*
 * Parses and bounds-checks buf[0..len). TEE_SUCCESS, TEE_ERROR_BAD_FORMAT
 * (malformed: magic, sizes, algo, lengths) or TEE_ERROR_NOT_SUPPORTED
 * (encrypted or subkey images). Logs why on failure.
 */
TEE_Result ta_image_decode(const void *buf, size_t len, struct ta_image *img);

/*
 * Checks a decoded image: SHA-256 over shdr ‖ bootstrap header ‖ ELF equals
 * the stored hash (constant time), the signature verifies with key, and for
 * img_type 1 the UUID equals uuid (RFC 4122 octets). A legacy img_type 0
 * image carries no signed UUID: the caller must check the ELF's ta_head.
 * TEE_SUCCESS, TEE_ERROR_SECURITY (mismatch, or signed with another key),
 * TEE_ERROR_BAD_PARAMETERS, TEE_ERROR_OUT_OF_MEMORY. Logs why on failure.
 */
TEE_Result ta_image_verify_with_key(const struct ta_image *img,
				    const uint8_t uuid[16],
				    const struct crypto_rsa_pubkey *key);

/* ta_image_verify_with_key() with the TA signing key built into the core. */
TEE_Result ta_image_verify(const struct ta_image *img, const uint8_t uuid[16]);

/* decode + verify with the built-in key. */
TEE_Result ta_image_open(const void *buf, size_t len, const uint8_t uuid[16],
			 struct ta_image *img);

/* The built-in key (from the build's TA_PUBLIC_KEY). */
const struct crypto_rsa_pubkey *ta_image_pubkey(void);

#endif
