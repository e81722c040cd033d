/*
 * Key derivation functions for TEE_DeriveKey: HKDF (RFC 5869, OP-TEE's
 * and GP 1.3.1's algorithms), PBKDF2 (RFC 8018) and OP-TEE's Concat KDF
 * (NIST SP 800-56A section 5.8.1, single-step with a hash) over mbedTLS.
 */
#include <crypto/crypto_asym.h>
#include <string.h>

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

TEE_Result crypto_concat_kdf(uint32_t hash, const uint8_t *z, size_t z_len,
			     const uint8_t *other, size_t other_len,
			     uint8_t *out, size_t out_len)
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(
		(mbedtls_md_type_t)crypto_asym_md(hash));
	uint8_t block[MBEDTLS_MD_MAX_SIZE];
	mbedtls_md_context_t ctx;
	size_t hlen, done = 0;
	uint32_t counter = 1;
	int ret;

	if (!md || !out_len || (!z && z_len) || (!other && other_len))
		return TEE_ERROR_BAD_PARAMETERS;
	hlen = mbedtls_md_get_size(md);
	/* SP 800-56A: at most 2^32 - 1 blocks (the counter is 32 bits). */
	if (out_len / hlen >= UINT32_MAX)
		return TEE_ERROR_BAD_PARAMETERS;
	mbedtls_md_init(&ctx);
	ret = mbedtls_md_setup(&ctx, md, 0);
	while (!ret && done < out_len) {
		/* K(i) = H(counter_i || Z || OtherInfo), counter big-endian. */
		uint8_t be[4] = {(uint8_t)(counter >> 24),
				 (uint8_t)(counter >> 16),
				 (uint8_t)(counter >> 8), (uint8_t)counter};
		size_t n = out_len - done < hlen ? out_len - done : hlen;

		ret = mbedtls_md_starts(&ctx);
		if (!ret)
			ret = mbedtls_md_update(&ctx, be, sizeof(be));
		if (!ret && z_len)
			ret = mbedtls_md_update(&ctx, z, z_len);
		if (!ret && other_len)
			ret = mbedtls_md_update(&ctx, other, other_len);
		if (!ret)
			ret = mbedtls_md_finish(&ctx, block);
		if (!ret)
			memcpy(out + done, block, n);
		done += n;
		counter++;
	}
	mbedtls_md_free(&ctx);
	crypto_wipe(block, sizeof(block));
	if (ret)
		crypto_wipe(out, out_len);
	return error_of(ret);
}
