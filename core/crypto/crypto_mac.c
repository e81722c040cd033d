/*
 * MACs behind crypto_mac_* (crypto.h): HMAC with mbedTLS's md layer, CMAC
 * with mbedTLS's cmac (AES, 3DES), and CBC-MAC (not in mbedTLS) over our
 * CBC mode.
 *
 * Copying a context (TEE_CopyOperation) needs state mbedTLS has no clone
 * for: the HMAC pads and the CMAC progress are plain fields of mbedTLS
 * 2.28's public structures, copied here after re-keying the copy.
 */
#include <crypto/crypto.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/cipher.h>
#include <mbedtls/cmac.h>
#include <mbedtls/md.h>
#include <mbedtls/platform_util.h>

#define KEY_MAX 128 /* the largest key kept for re-keying a CMAC copy */

enum mac_kind { KIND_HMAC, KIND_CMAC, KIND_CBC_MAC };

struct crypto_mac {
	enum crypto_mac_alg alg;
	enum mac_kind kind;
	size_t size;
	union {
		mbedtls_md_context_t md;
		mbedtls_cipher_context_t cipher; /* CMAC */
		struct {
			struct crypto_cipher *cbc;
			uint8_t buf[CRYPTO_CIPHER_MAX_BLOCK];
			uint8_t last[CRYPTO_CIPHER_MAX_BLOCK];
			size_t buf_len;
			size_t bs;
			bool pkcs5;
		} cbc;
	} u;
	uint8_t key[KEY_MAX]; /* CMAC keys, 3DES ones as K1 K2 K3 */
	size_t key_len;
};

static const struct {
	enum crypto_mac_alg alg;
	enum mac_kind kind;
	int sub; /* mbedtls_md_type_t or crypto_cipher_alg */
	bool pkcs5;
} macs[] = {
	{CRYPTO_MAC_HMAC_MD5, KIND_HMAC, MBEDTLS_MD_MD5, false},
	{CRYPTO_MAC_HMAC_SHA1, KIND_HMAC, MBEDTLS_MD_SHA1, false},
	{CRYPTO_MAC_HMAC_SHA224, KIND_HMAC, MBEDTLS_MD_SHA224, false},
	{CRYPTO_MAC_HMAC_SHA256, KIND_HMAC, MBEDTLS_MD_SHA256, false},
	{CRYPTO_MAC_HMAC_SHA384, KIND_HMAC, MBEDTLS_MD_SHA384, false},
	{CRYPTO_MAC_HMAC_SHA512, KIND_HMAC, MBEDTLS_MD_SHA512, false},
	{CRYPTO_MAC_AES_CMAC, KIND_CMAC, CRYPTO_CIPHER_AES, false},
	{CRYPTO_MAC_DES3_CMAC, KIND_CMAC, CRYPTO_CIPHER_DES3, false},
	{CRYPTO_MAC_AES_CBC_MAC, KIND_CBC_MAC, CRYPTO_CIPHER_AES, false},
	{CRYPTO_MAC_DES_CBC_MAC, KIND_CBC_MAC, CRYPTO_CIPHER_DES, false},
	{CRYPTO_MAC_DES3_CBC_MAC, KIND_CBC_MAC, CRYPTO_CIPHER_DES3, false},
	{CRYPTO_MAC_AES_CBC_MAC_PKCS5, KIND_CBC_MAC, CRYPTO_CIPHER_AES, true},
	{CRYPTO_MAC_DES_CBC_MAC_PKCS5, KIND_CBC_MAC, CRYPTO_CIPHER_DES, true},
	{CRYPTO_MAC_DES3_CBC_MAC_PKCS5, KIND_CBC_MAC, CRYPTO_CIPHER_DES3, true},
};

static int find(enum crypto_mac_alg alg)
{
	for (size_t i = 0; i < ARRAY_SIZE(macs); i++)
		if (macs[i].alg == alg)
			return (int)i;
	return -1;
}

size_t crypto_mac_size(enum crypto_mac_alg alg)
{
	int i = find(alg);

	if (i < 0)
		return 0;
	if (macs[i].kind == KIND_HMAC)
		return mbedtls_md_get_size(
			mbedtls_md_info_from_type(macs[i].sub));
	return crypto_cipher_block_size(macs[i].sub);
}

TEE_Result crypto_mac_alloc(enum crypto_mac_alg alg, struct crypto_mac **ctx)
{
	int i = find(alg);
	struct crypto_mac *m;
	TEE_Result res = TEE_SUCCESS;

	if (i < 0 || !crypto_mac_size(alg))
		return TEE_ERROR_NOT_SUPPORTED;
	m = calloc(1, sizeof(*m));
	if (!m)
		return TEE_ERROR_OUT_OF_MEMORY;
	m->alg = alg;
	m->kind = macs[i].kind;
	m->size = crypto_mac_size(alg);
	switch (m->kind) {
	case KIND_HMAC:
		mbedtls_md_init(&m->u.md);
		if (mbedtls_md_setup(&m->u.md,
				     mbedtls_md_info_from_type(macs[i].sub), 1))
			res = TEE_ERROR_OUT_OF_MEMORY;
		break;
	case KIND_CMAC:
		mbedtls_cipher_init(&m->u.cipher);
		break;
	case KIND_CBC_MAC:
		m->u.cbc.bs = m->size;
		m->u.cbc.pkcs5 = macs[i].pkcs5;
		res = crypto_cipher_alloc(macs[i].sub, CRYPTO_MODE_CBC,
					  &m->u.cbc.cbc);
		break;
	}
	if (res) {
		crypto_mac_free(m);
		return res;
	}
	*ctx = m;
	return TEE_SUCCESS;
}

void crypto_mac_free(struct crypto_mac *ctx)
{
	if (!ctx)
		return;
	switch (ctx->kind) {
	case KIND_HMAC:
		mbedtls_md_free(&ctx->u.md);
		break;
	case KIND_CMAC:
		mbedtls_cipher_free(&ctx->u.cipher);
		break;
	case KIND_CBC_MAC:
		crypto_cipher_free(ctx->u.cbc.cbc);
		break;
	}
	mbedtls_platform_zeroize(ctx, sizeof(*ctx));
	free(ctx);
}

static const mbedtls_cipher_info_t *cmac_cipher(enum crypto_mac_alg alg,
						size_t key_len)
{
	if (alg == CRYPTO_MAC_DES3_CMAC)
		return mbedtls_cipher_info_from_type(
			MBEDTLS_CIPHER_DES_EDE3_ECB);
	if (key_len == 16)
		return mbedtls_cipher_info_from_type(
			MBEDTLS_CIPHER_AES_128_ECB);
	if (key_len == 24)
		return mbedtls_cipher_info_from_type(
			MBEDTLS_CIPHER_AES_192_ECB);
	return mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_256_ECB);
}

/*
 * (Re)starts a CMAC with ctx->key. mbedtls_cipher_cmac_starts() allocates
 * a fresh CMAC state every time, so it runs only on a fresh cipher context
 * (one per key size); later starts re-key and reset.
 */
static TEE_Result cmac_start(struct crypto_mac *m)
{
	const mbedtls_cipher_info_t *info = cmac_cipher(m->alg, m->key_len);
	mbedtls_cipher_context_t *c = &m->u.cipher;

	if (!info)
		return TEE_ERROR_NOT_SUPPORTED;
	if (c->cipher_info == info && c->cmac_ctx) {
		if (mbedtls_cipher_setkey(c, m->key, (int)m->key_len * 8,
					  MBEDTLS_ENCRYPT) ||
		    mbedtls_cipher_cmac_reset(c))
			return TEE_ERROR_BAD_PARAMETERS;
		return TEE_SUCCESS;
	}
	mbedtls_cipher_free(c);
	mbedtls_cipher_init(c);
	if (mbedtls_cipher_setup(c, info) ||
	    mbedtls_cipher_cmac_starts(c, m->key, m->key_len * 8))
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_SUCCESS;
}

TEE_Result crypto_mac_init(struct crypto_mac *ctx, const uint8_t *key,
			   size_t key_len)
{
	static const uint8_t zero_iv[CRYPTO_CIPHER_MAX_BLOCK];
	int i = find(ctx->alg);

	switch (ctx->kind) {
	case KIND_HMAC:
		if (mbedtls_md_hmac_starts(&ctx->u.md, key, key_len))
			return TEE_ERROR_BAD_PARAMETERS;
		return TEE_SUCCESS;
	case KIND_CMAC:
		if (!crypto_cipher_key_ok(macs[i].sub, key_len))
			return TEE_ERROR_BAD_PARAMETERS;
		memcpy(ctx->key, key, key_len);
		ctx->key_len = key_len;
		if (key_len == 16 && ctx->alg == CRYPTO_MAC_DES3_CMAC) {
			memcpy(ctx->key + 16, key, 8); /* K3 = K1 */
			ctx->key_len = 24;
		}
		return cmac_start(ctx);
	case KIND_CBC_MAC:
		ctx->u.cbc.buf_len = 0;
		memset(ctx->u.cbc.last, 0, sizeof(ctx->u.cbc.last));
		return crypto_cipher_init(ctx->u.cbc.cbc, true, key, key_len,
					  NULL, zero_iv, ctx->u.cbc.bs);
	}
	return TEE_ERROR_NOT_SUPPORTED;
}

/* Whole blocks through CBC; only the last ciphertext block is kept. */
static void cbc_mac_blocks(struct crypto_mac *m, const uint8_t *in, size_t len)
{
	uint8_t tmp[8 * CRYPTO_CIPHER_MAX_BLOCK];
	size_t bs = m->u.cbc.bs;

	while (len) {
		size_t n = len < sizeof(tmp) ? len : sizeof(tmp);

		n -= n % bs;
		crypto_cipher_update(m->u.cbc.cbc, in, tmp, n);
		memcpy(m->u.cbc.last, tmp + n - bs, bs);
		in += n;
		len -= n;
	}
	mbedtls_platform_zeroize(tmp, sizeof(tmp));
}

static void cbc_mac_update(struct crypto_mac *m, const uint8_t *in, size_t len)
{
	size_t bs = m->u.cbc.bs;

	/* A full buffered block waits until more data comes (PKCS#5). */
	while (len) {
		size_t n;

		if (m->u.cbc.buf_len == bs) {
			cbc_mac_blocks(m, m->u.cbc.buf, bs);
			m->u.cbc.buf_len = 0;
		}
		if (!m->u.cbc.buf_len && len > bs) {
			n = (len - 1) / bs * bs;
			cbc_mac_blocks(m, in, n);
		} else {
			n = bs - m->u.cbc.buf_len;
			if (n > len)
				n = len;
			memcpy(m->u.cbc.buf + m->u.cbc.buf_len, in, n);
			m->u.cbc.buf_len += n;
		}
		in += n;
		len -= n;
	}
}

void crypto_mac_update(struct crypto_mac *ctx, const void *data, size_t len)
{
	if (!len)
		return;
	switch (ctx->kind) {
	case KIND_HMAC:
		(void)mbedtls_md_hmac_update(&ctx->u.md, data, len);
		break;
	case KIND_CMAC:
		(void)mbedtls_cipher_cmac_update(&ctx->u.cipher, data, len);
		break;
	case KIND_CBC_MAC:
		cbc_mac_update(ctx, data, len);
		break;
	}
}

void crypto_mac_final(struct crypto_mac *ctx, uint8_t *mac)
{
	size_t bs = ctx->u.cbc.bs, n;

	switch (ctx->kind) {
	case KIND_HMAC:
		(void)mbedtls_md_hmac_finish(&ctx->u.md, mac);
		break;
	case KIND_CMAC:
		(void)mbedtls_cipher_cmac_finish(&ctx->u.cipher, mac);
		break;
	case KIND_CBC_MAC:
		n = ctx->u.cbc.buf_len;
		if (ctx->u.cbc.pkcs5) {
			if (n == bs) {
				cbc_mac_blocks(ctx, ctx->u.cbc.buf, bs);
				n = 0;
			}
			memset(ctx->u.cbc.buf + n, (int)(bs - n), bs - n);
			n = bs;
		}
		if (n == bs) /* NOPAD: a partial block is the caller's error */
			cbc_mac_blocks(ctx, ctx->u.cbc.buf, bs);
		memcpy(mac, ctx->u.cbc.last, bs);
		ctx->u.cbc.buf_len = 0;
		mbedtls_platform_zeroize(ctx->u.cbc.buf,
					 sizeof(ctx->u.cbc.buf));
		break;
	}
}

static void copy_hmac(struct crypto_mac *dst, const struct crypto_mac *src)
{
	/* hmac_ctx holds the inner and outer pads: two hash blocks. */
	size_t block = src->size > 32 ? 128 : 64;

	(void)mbedtls_md_clone(&dst->u.md, &src->u.md);
	memcpy(dst->u.md.hmac_ctx, src->u.md.hmac_ctx, 2 * block);
}

TEE_Result crypto_mac_copy(struct crypto_mac *dst, const struct crypto_mac *src)
{
	TEE_Result res;

	if (dst == src)
		return TEE_SUCCESS;
	switch (src->kind) {
	case KIND_HMAC:
		copy_hmac(dst, src);
		break;
	case KIND_CMAC:
		memcpy(dst->key, src->key, sizeof(dst->key));
		dst->key_len = src->key_len;
		if (!src->key_len || !src->u.cipher.cmac_ctx)
			break;
		/* Allocates only if dst never had a key of this size. */
		res = cmac_start(dst);
		if (res)
			return res;
		*dst->u.cipher.cmac_ctx = *src->u.cipher.cmac_ctx;
		break;
	case KIND_CBC_MAC:
		crypto_cipher_copy(dst->u.cbc.cbc, src->u.cbc.cbc);
		memcpy(dst->u.cbc.buf, src->u.cbc.buf, sizeof(dst->u.cbc.buf));
		memcpy(dst->u.cbc.last, src->u.cbc.last,
		       sizeof(dst->u.cbc.last));
		dst->u.cbc.buf_len = src->u.cbc.buf_len;
		break;
	}
	return TEE_SUCCESS;
}
