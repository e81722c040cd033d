/* Helpers for the crypto tests: test data files and OpenSSL-made images. */
#ifndef TESTS_CRYPTO_TEST_UTIL_H
#define TESTS_CRYPTO_TEST_UTIL_H

#include <crypto/crypto.h>
#include <stdint.h>
#include <stddef.h>

#define TU_UUID                                                                \
	{                                                                      \
		0x8a, 0xaa, 0xf2, 0x00, 0x24, 0x50, 0x11, 0xe4, 0xab, 0xe2,    \
			0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b                     \
	}
#define TU_TA_VERSION 7

/* crypto_init() once (mbedTLS needs the heap hooks). */
void tu_crypto_up(void);

/* A file from the build-time test data (out/tests/crypto); aborts if absent. */
uint8_t *tu_read(const char *name, size_t *len);

struct tu_key {
	void *pkey; /* EVP_PKEY */
	uint8_t modulus[512];
	struct crypto_rsa_pubkey pub;
};
/* Loads (once, cached) a test key by file name. */
struct tu_key *tu_key(const char *name);

/* OpenSSL signature over a digest. salt_len < 0: PKCS#1 v1.5. */
size_t tu_sign(struct tu_key *k, int salt_len, const uint8_t digest[32],
	       uint8_t *sig, size_t cap);

/*
 * A signed image made by OpenSSL: img_type 0 or 1 (uuid used for 1), algo
 * field as given, signature PSS with salt_len or PKCS#1 v1.5 (salt_len<0).
 * The caller frees.
 */
uint8_t *tu_make_image(struct tu_key *k, uint32_t img_type, uint32_t algo,
		       int salt_len, const uint8_t uuid[16], uint32_t version,
		       const uint8_t *elf, size_t elf_len, size_t *len);

/* Recomputes the stored hash of an image in place (no new signature). */
void tu_rehash(uint8_t *img, size_t len);

void tu_put_le32(uint8_t *p, uint32_t v);
void tu_put_le16(uint8_t *p, uint16_t v);

#endif
