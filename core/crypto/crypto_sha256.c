/* SHA-256 over mbedTLS. */
#include <crypto/crypto.h>
#include <string.h>

#include <mbedtls/platform_util.h>
#include <mbedtls/sha256.h>

_Static_assert(sizeof(mbedtls_sha256_context) <=
		       sizeof(struct crypto_sha256_ctx),
	       "crypto_sha256_ctx too small for mbedTLS");
_Static_assert(_Alignof(mbedtls_sha256_context) <=
		       _Alignof(struct crypto_sha256_ctx),
	       "crypto_sha256_ctx under-aligned for mbedTLS");

static mbedtls_sha256_context *backend(struct crypto_sha256_ctx *ctx)
{
	return (mbedtls_sha256_context *)ctx->opaque;
}

/*
 * mbedTLS's software SHA-256 cannot fail once its arguments are valid (the
 * _ret variants only report hardware-accelerator errors), so these return
 * nothing.
 */
void crypto_sha256_init(struct crypto_sha256_ctx *ctx)
{
	mbedtls_sha256_init(backend(ctx));
	(void)mbedtls_sha256_starts_ret(backend(ctx), 0);
}

void crypto_sha256_update(struct crypto_sha256_ctx *ctx, const void *data,
			  size_t len)
{
	if (len)
		(void)mbedtls_sha256_update_ret(backend(ctx), data, len);
}

void crypto_sha256_final(struct crypto_sha256_ctx *ctx,
			 uint8_t digest[CRYPTO_SHA256_SIZE])
{
	(void)mbedtls_sha256_finish_ret(backend(ctx), digest);
	mbedtls_sha256_free(backend(ctx));
	mbedtls_platform_zeroize(ctx, sizeof(*ctx));
}

void crypto_sha256(const void *data, size_t len,
		   uint8_t digest[CRYPTO_SHA256_SIZE])
{
	struct crypto_sha256_ctx ctx;

	crypto_sha256_init(&ctx);
	crypto_sha256_update(&ctx, data, len);
	crypto_sha256_final(&ctx, digest);
}
