/*
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), for the RPMB emulation's
 * frame MACs. The guest has no crypto library, so this is self-contained.
 */
#ifndef SUPP_HMAC_SHA256_H
#define SUPP_HMAC_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_BLOCK_SIZE 64

struct sha256_ctx {
	uint32_t h[8];
	uint64_t total; /* bytes hashed so far */
	uint8_t block[SHA256_BLOCK_SIZE];
	size_t fill; /* bytes waiting in block */
};

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t len);
void sha256_final(struct sha256_ctx *c, uint8_t out[SHA256_DIGEST_SIZE]);
void sha256(const void *data, size_t len, uint8_t out[SHA256_DIGEST_SIZE]);

struct hmac_sha256_ctx {
	struct sha256_ctx inner;
	uint8_t opad_key[SHA256_BLOCK_SIZE];
};

void hmac_sha256_init(struct hmac_sha256_ctx *c, const void *key,
		      size_t key_len);
void hmac_sha256_update(struct hmac_sha256_ctx *c, const void *data,
			size_t len);
void hmac_sha256_final(struct hmac_sha256_ctx *c,
		       uint8_t out[SHA256_DIGEST_SIZE]);
void hmac_sha256(const void *key, size_t key_len, const void *data,
		 size_t len, uint8_t out[SHA256_DIGEST_SIZE]);

/* Compares n bytes in time independent of where they differ; 0 if equal. */
int supp_memcmp_ct(const void *a, const void *b, size_t n);

#endif
