/* MD5, SHA-1 and SHA-2 over mbedTLS, behind crypto_hash_* (crypto.h). */
#include <crypto/crypto.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/md5.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/sha1.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>

struct crypto_hash {
	enum crypto_hash_alg alg;
	/* Plain structures without pointers: copying one copies the state. */
	union {
		mbedtls_md5_context md5;
		mbedtls_sha1_context sha1;
		mbedtls_sha256_context sha256;
		mbedtls_sha512_context sha512;
	} u;
};

size_t crypto_hash_size(enum crypto_hash_alg alg)
{
	switch (alg) {
	case CRYPTO_HASH_MD5:
		return 16;
	case CRYPTO_HASH_SHA1:
		return 20;
	case CRYPTO_HASH_SHA224:
		return 28;
	case CRYPTO_HASH_SHA256:
		return 32;
	case CRYPTO_HASH_SHA384:
		return 48;
	case CRYPTO_HASH_SHA512:
		return 64;
	}
	return 0;
}

TEE_Result crypto_hash_alloc(enum crypto_hash_alg alg, struct crypto_hash **ctx)
{
	struct crypto_hash *h;

	if (!crypto_hash_size(alg))
		return TEE_ERROR_NOT_SUPPORTED;
	h = calloc(1, sizeof(*h));
	if (!h)
		return TEE_ERROR_OUT_OF_MEMORY;
	h->alg = alg;
	crypto_hash_init(h);
	*ctx = h;
	return TEE_SUCCESS;
}

void crypto_hash_free(struct crypto_hash *ctx)
{
	if (!ctx)
		return;
	mbedtls_platform_zeroize(ctx, sizeof(*ctx));
	free(ctx);
}

/*
 * mbedTLS's software hashes only fail for hardware-accelerator errors, so
 * their results are ignored (as in crypto_sha256.c).
 */
void crypto_hash_init(struct crypto_hash *ctx)
{
	switch (ctx->alg) {
	case CRYPTO_HASH_MD5:
		mbedtls_md5_init(&ctx->u.md5);
		(void)mbedtls_md5_starts_ret(&ctx->u.md5);
		break;
	case CRYPTO_HASH_SHA1:
		mbedtls_sha1_init(&ctx->u.sha1);
		(void)mbedtls_sha1_starts_ret(&ctx->u.sha1);
		break;
	case CRYPTO_HASH_SHA224:
	case CRYPTO_HASH_SHA256:
		mbedtls_sha256_init(&ctx->u.sha256);
		(void)mbedtls_sha256_starts_ret(&ctx->u.sha256,
						ctx->alg == CRYPTO_HASH_SHA224);
		break;
	case CRYPTO_HASH_SHA384:
	case CRYPTO_HASH_SHA512:
		mbedtls_sha512_init(&ctx->u.sha512);
		(void)mbedtls_sha512_starts_ret(&ctx->u.sha512,
						ctx->alg == CRYPTO_HASH_SHA384);
		break;
	}
}

void crypto_hash_update(struct crypto_hash *ctx, const void *data, size_t len)
{
	if (!len)
		return;
	switch (ctx->alg) {
	case CRYPTO_HASH_MD5:
		(void)mbedtls_md5_update_ret(&ctx->u.md5, data, len);
		break;
	case CRYPTO_HASH_SHA1:
		(void)mbedtls_sha1_update_ret(&ctx->u.sha1, data, len);
		break;
	case CRYPTO_HASH_SHA224:
	case CRYPTO_HASH_SHA256:
		(void)mbedtls_sha256_update_ret(&ctx->u.sha256, data, len);
		break;
	case CRYPTO_HASH_SHA384:
	case CRYPTO_HASH_SHA512:
		(void)mbedtls_sha512_update_ret(&ctx->u.sha512, data, len);
		break;
	}
}

void crypto_hash_final(struct crypto_hash *ctx, uint8_t *digest)
{
	/* SHA-224/384 write a full 32/64-byte state: truncate here. */
	uint8_t full[CRYPTO_HASH_MAX_SIZE];

	switch (ctx->alg) {
	case CRYPTO_HASH_MD5:
		(void)mbedtls_md5_finish_ret(&ctx->u.md5, full);
		break;
	case CRYPTO_HASH_SHA1:
		(void)mbedtls_sha1_finish_ret(&ctx->u.sha1, full);
		break;
	case CRYPTO_HASH_SHA224:
	case CRYPTO_HASH_SHA256:
		(void)mbedtls_sha256_finish_ret(&ctx->u.sha256, full);
		break;
	case CRYPTO_HASH_SHA384:
	case CRYPTO_HASH_SHA512:
		(void)mbedtls_sha512_finish_ret(&ctx->u.sha512, full);
		break;
	}
	memcpy(digest, full, crypto_hash_size(ctx->alg));
	mbedtls_platform_zeroize(full, sizeof(full));
	mbedtls_platform_zeroize(&ctx->u, sizeof(ctx->u));
}

void crypto_hash_copy(struct crypto_hash *dst, const struct crypto_hash *src)
{
	if (dst != src)
		*dst = *src;
}
