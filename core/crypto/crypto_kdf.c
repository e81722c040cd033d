/*
 * Key derivation functions for TEE_DeriveKey (OP-TEE's extension
 * algorithms): HKDF (RFC 5869) and PBKDF2 (RFC 8018) over mbedTLS.
 */
#include <crypto/crypto_asym.h>

#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <mbedtls/pkcs5.h>

static TEE_Result error_of(int ret)
{
	if (!ret)
		return TEE_SUCCESS;
	if (ret == MBEDTLS_ERR_MD_ALLOC_FAILED)
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_ERROR_BAD_PARAMETERS;
}

TEE_Result crypto_hkdf(uint32_t hash, const uint8_t *salt, size_t salt_len,
		       const uint8_t *ikm, size_t ikm_len, const uint8_t *info,
		       size_t info_len, uint8_t *okm, size_t okm_len)
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(
		(mbedtls_md_type_t)crypto_asym_md(hash));

	if (!md || !okm_len)
		return TEE_ERROR_BAD_PARAMETERS;
	return error_of(mbedtls_hkdf(md, salt, salt_len, ikm, ikm_len, info,
				     info_len, okm, okm_len));
}

TEE_Result crypto_pbkdf2(uint32_t hash, const uint8_t *pw, size_t pw_len,
			 const uint8_t *salt, size_t salt_len, uint32_t iter,
			 uint8_t *out, size_t out_len)
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(
		(mbedtls_md_type_t)crypto_asym_md(hash));
	mbedtls_md_context_t ctx;
	int ret;

	if (!md || !iter || !out_len || out_len > UINT32_MAX)
		return TEE_ERROR_BAD_PARAMETERS;
	mbedtls_md_init(&ctx);
	ret = mbedtls_md_setup(&ctx, md, 1);
	if (!ret)
		ret = mbedtls_pkcs5_pbkdf2_hmac(&ctx, pw, pw_len, salt,
						salt_len, iter,
						(uint32_t)out_len, out);
	mbedtls_md_free(&ctx);
	return error_of(ret);
}
