/* RSA signature verification (PSS and PKCS#1 v1.5 over SHA-256) with mbedTLS. */
#include <crypto/crypto.h>

#include <mbedtls/bignum.h>
#include <mbedtls/md.h>
#include <mbedtls/rsa.h>

/* mbedTLS adds a low-level code (bits 0..6) to a high-level one. */
static bool out_of_memory(int ret)
{
	int low = (-ret) & 0x7f;

	return low == -MBEDTLS_ERR_MPI_ALLOC_FAILED ||
	       ret == MBEDTLS_ERR_MD_ALLOC_FAILED ||
	       ret + low == MBEDTLS_ERR_MD_ALLOC_FAILED;
}

/* Loads a public key into ctx (initialised by the caller). */
static TEE_Result load_key(mbedtls_rsa_context *ctx,
			   const struct crypto_rsa_pubkey *key)
{
	uint8_t e[4];
	int ret;

	if (!key || !key->modulus || !key->modulus_len ||
	    key->modulus_len > MBEDTLS_MPI_MAX_SIZE)
		return TEE_ERROR_BAD_PARAMETERS;
	e[0] = key->exponent >> 24;
	e[1] = key->exponent >> 16;
	e[2] = key->exponent >> 8;
	e[3] = key->exponent;
	ret = mbedtls_rsa_import_raw(ctx, key->modulus, key->modulus_len, NULL,
				     0, NULL, 0, NULL, 0, e, sizeof(e));
	if (!ret)
		ret = mbedtls_rsa_complete(ctx);
	/* N odd and >= 128 bits, 1 < e < N, e odd. */
	if (!ret)
		ret = mbedtls_rsa_check_pubkey(ctx);
	if (ret)
		return out_of_memory(ret) ? TEE_ERROR_OUT_OF_MEMORY
					  : TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

size_t crypto_rsa_pubkey_size(const struct crypto_rsa_pubkey *key)
{
	mbedtls_rsa_context ctx;
	size_t size = 0;

	mbedtls_rsa_init(&ctx, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	if (!load_key(&ctx, key))
		size = mbedtls_rsa_get_len(&ctx);
	mbedtls_rsa_free(&ctx);
	return size;
}

TEE_Result crypto_rsa_verify_sha256(const struct crypto_rsa_pubkey *key,
				    enum crypto_rsa_padding padding,
				    size_t salt_len,
				    const uint8_t digest[CRYPTO_SHA256_SIZE],
				    const uint8_t *sig, size_t sig_len)
{
	mbedtls_rsa_context ctx;
	TEE_Result res;
	int ret;

	if (!digest || !sig)
		return TEE_ERROR_BAD_PARAMETERS;
	if (padding == CRYPTO_RSA_PSS_MGF1_SHA256) {
		if (salt_len > 0x7fffffff)
			return TEE_ERROR_BAD_PARAMETERS;
		mbedtls_rsa_init(&ctx, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
	} else if (padding == CRYPTO_RSA_PKCS1_V15_SHA256) {
		mbedtls_rsa_init(&ctx, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	} else {
		return TEE_ERROR_BAD_PARAMETERS;
	}

	res = load_key(&ctx, key);
	if (res)
		goto out;
	/* mbedTLS reads exactly modulus-size bytes of signature. */
	if (sig_len != mbedtls_rsa_get_len(&ctx)) {
		res = TEE_ERROR_SIGNATURE_INVALID;
		goto out;
	}
	if (padding == CRYPTO_RSA_PSS_MGF1_SHA256)
		ret = mbedtls_rsa_rsassa_pss_verify_ext(
			&ctx, NULL, NULL, MBEDTLS_RSA_PUBLIC, MBEDTLS_MD_SHA256,
			CRYPTO_SHA256_SIZE, digest, MBEDTLS_MD_SHA256,
			(int)salt_len, sig);
	else
		ret = mbedtls_rsa_rsassa_pkcs1_v15_verify(
			&ctx, NULL, NULL, MBEDTLS_RSA_PUBLIC, MBEDTLS_MD_SHA256,
			CRYPTO_SHA256_SIZE, digest, sig);
	if (!ret)
		res = TEE_SUCCESS;
	else if (out_of_memory(ret))
		res = TEE_ERROR_OUT_OF_MEMORY;
	else
		res = TEE_ERROR_SIGNATURE_INVALID;
out:
	mbedtls_rsa_free(&ctx);
	return res;
}
