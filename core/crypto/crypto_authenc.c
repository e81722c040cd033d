/*
 * AES-GCM and AES-CCM over mbedTLS 2.28, behind crypto_gcm_* / crypto_ccm_*
 * (crypto.h). mbedTLS takes GCM's AAD only at starts() and CCM only in one
 * call; the GP layer (core/tee/cryp/cryp_authenc.c) buffers for them.
 */
#include <crypto/crypto.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/ccm.h>
#include <mbedtls/gcm.h>
#include <mbedtls/platform_util.h>

struct crypto_gcm {
	mbedtls_gcm_context gcm;
	uint8_t key[32]; /* to re-key a copy */
	size_t key_len;
};

static bool aes_key_ok(size_t len)
{
	return len == 16 || len == 24 || len == 32;
}

TEE_Result crypto_gcm_alloc(struct crypto_gcm **ctx)
{
	struct crypto_gcm *g = calloc(1, sizeof(*g));

	if (!g)
		return TEE_ERROR_OUT_OF_MEMORY;
	mbedtls_gcm_init(&g->gcm);
	*ctx = g;
	return TEE_SUCCESS;
}

void crypto_gcm_free(struct crypto_gcm *ctx)
{
	if (!ctx)
		return;
	mbedtls_gcm_free(&ctx->gcm);
	mbedtls_platform_zeroize(ctx, sizeof(*ctx));
	free(ctx);
}

static TEE_Result gcm_setkey(struct crypto_gcm *g, const uint8_t *key,
			     size_t key_len)
{
	/* Re-keying frees and allocates mbedTLS's cipher context. */
	if (mbedtls_gcm_setkey(&g->gcm, MBEDTLS_CIPHER_ID_AES, key,
			       (unsigned int)key_len * 8))
		return TEE_ERROR_OUT_OF_MEMORY;
	if (g->key != key)
		memcpy(g->key, key, key_len);
	g->key_len = key_len;
	return TEE_SUCCESS;
}

TEE_Result crypto_gcm_init(struct crypto_gcm *ctx, const uint8_t *key,
			   size_t key_len)
{
	if (!aes_key_ok(key_len))
		return TEE_ERROR_BAD_PARAMETERS;
	return gcm_setkey(ctx, key, key_len);
}

void crypto_gcm_start(struct crypto_gcm *ctx, bool encrypt,
		      const uint8_t *nonce, size_t nonce_len,
		      const uint8_t *aad, size_t aad_len)
{
	/* Fails only for a zero-length nonce or a missing buffer. */
	(void)mbedtls_gcm_starts(
		&ctx->gcm, encrypt ? MBEDTLS_GCM_ENCRYPT : MBEDTLS_GCM_DECRYPT,
		nonce, nonce_len, aad, aad_len);
}

void crypto_gcm_update(struct crypto_gcm *ctx, const uint8_t *in, uint8_t *out,
		       size_t len)
{
	if (len)
		(void)mbedtls_gcm_update(&ctx->gcm, len, in, out);
}

void crypto_gcm_tag(struct crypto_gcm *ctx, uint8_t *tag, size_t tag_len)
{
	(void)mbedtls_gcm_finish(&ctx->gcm, tag, tag_len);
}

TEE_Result crypto_gcm_copy(struct crypto_gcm *dst, const struct crypto_gcm *src)
{
	const mbedtls_gcm_context *s = &src->gcm;
	mbedtls_gcm_context *d = &dst->gcm;
	TEE_Result res;

	if (dst == src || !src->key_len)
		return TEE_SUCCESS;
	res = gcm_setkey(dst, src->key, src->key_len);
	if (res)
		return res;
	/* The progress: mbedTLS 2.28's public fields besides the key. */
	d->len = s->len;
	d->add_len = s->add_len;
	memcpy(d->base_ectr, s->base_ectr, sizeof(d->base_ectr));
	memcpy(d->y, s->y, sizeof(d->y));
	memcpy(d->buf, s->buf, sizeof(d->buf));
	d->mode = s->mode;
	return TEE_SUCCESS;
}

bool crypto_ccm_sizes_ok(size_t key_len, size_t nonce_len, size_t tag_len,
			 size_t aad_len, size_t payload_len)
{
	size_t l = 15 - nonce_len; /* bytes of the length field */

	if (!aes_key_ok(key_len) || nonce_len < 7 || nonce_len > 13 ||
	    tag_len < 4 || tag_len > 16 || tag_len % 2 || aad_len >= 0xFF00)
		return false;
	return l >= sizeof(size_t) || payload_len >> (8 * l) == 0;
}

static TEE_Result ccm_run(bool encrypt, const uint8_t *key, size_t key_len,
			  const uint8_t *nonce, size_t nonce_len,
			  const uint8_t *aad, size_t aad_len, const uint8_t *in,
			  uint8_t *out, size_t len, uint8_t *tag,
			  size_t tag_len)
{
	mbedtls_ccm_context ccm;
	TEE_Result res = TEE_SUCCESS;
	int ret;

	if (!crypto_ccm_sizes_ok(key_len, nonce_len, tag_len, aad_len, len))
		return TEE_ERROR_BAD_PARAMETERS;
	mbedtls_ccm_init(&ccm);
	ret = mbedtls_ccm_setkey(&ccm, MBEDTLS_CIPHER_ID_AES, key,
				 (unsigned int)key_len * 8);
	if (ret) {
		res = TEE_ERROR_OUT_OF_MEMORY;
	} else if (encrypt) {
		if (mbedtls_ccm_encrypt_and_tag(&ccm, len, nonce, nonce_len,
						aad, aad_len, in, out, tag,
						tag_len))
			res = TEE_ERROR_BAD_PARAMETERS;
	} else {
		ret = mbedtls_ccm_auth_decrypt(&ccm, len, nonce, nonce_len, aad,
					       aad_len, in, out, tag, tag_len);
		if (ret == MBEDTLS_ERR_CCM_AUTH_FAILED)
			res = TEE_ERROR_MAC_INVALID; /* out is zeroed */
		else if (ret)
			res = TEE_ERROR_BAD_PARAMETERS;
	}
	mbedtls_ccm_free(&ccm);
	return res;
}

TEE_Result crypto_ccm_encrypt(const uint8_t *key, size_t key_len,
			      const uint8_t *nonce, size_t nonce_len,
			      const uint8_t *aad, size_t aad_len,
			      const uint8_t *in, uint8_t *out, size_t len,
			      uint8_t *tag, size_t tag_len)
{
	return ccm_run(true, key, key_len, nonce, nonce_len, aad, aad_len, in,
		       out, len, tag, tag_len);
}

TEE_Result crypto_ccm_decrypt(const uint8_t *key, size_t key_len,
			      const uint8_t *nonce, size_t nonce_len,
			      const uint8_t *aad, size_t aad_len,
			      const uint8_t *in, uint8_t *out, size_t len,
			      const uint8_t *tag, size_t tag_len)
{
	return ccm_run(false, key, key_len, nonce, nonce_len, aad, aad_len, in,
		       out, len, (uint8_t *)(uintptr_t)tag, tag_len);
}
