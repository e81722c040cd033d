/*
 * The algorithms the core implements (GP 1.3.1 table 6-11 subset): class,
 * key type, backend and how data is buffered. Everything absent is
 * TEE_ERROR_NOT_SUPPORTED: see docs/crypto.md for the list and why.
 */
#include "cryp_asym.h"

#define DIGEST(a, b, n)                                                        \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_DIGEST, .backend = (b), \
		.block = 1, .out_len = (n)                                     \
	}
#define CIPHER(a, t, b, m, f, bl)                                              \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_CIPHER,                 \
		.key_type = (t), .backend = (b), .cmode = (m), .flags = (f),   \
		.block = (bl)                                                  \
	}
#define MAC(a, t, b, f, bl, n)                                                 \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_MAC, .key_type = (t),   \
		.backend = (b), .flags = (f), .block = (bl), .out_len = (n)    \
	}
#define AE(a)                                                                  \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_AE,                     \
		.key_type = TEE_TYPE_AES, .block = 16                          \
	}

#define NOPAD CRYP_ALG_NOPAD
#define IV CRYP_ALG_IV

static const struct cryp_alg algs[] = {
	DIGEST(TEE_ALG_MD5, CRYPTO_HASH_MD5, 16),
	DIGEST(TEE_ALG_SHA1, CRYPTO_HASH_SHA1, 20),
	DIGEST(TEE_ALG_SHA224, CRYPTO_HASH_SHA224, 28),
	DIGEST(TEE_ALG_SHA256, CRYPTO_HASH_SHA256, 32),
	DIGEST(TEE_ALG_SHA384, CRYPTO_HASH_SHA384, 48),
	DIGEST(TEE_ALG_SHA512, CRYPTO_HASH_SHA512, 64),

	CIPHER(TEE_ALG_AES_ECB_NOPAD, TEE_TYPE_AES, CRYPTO_CIPHER_AES,
	       CRYPTO_MODE_ECB, NOPAD, 16),
	CIPHER(TEE_ALG_AES_CBC_NOPAD, TEE_TYPE_AES, CRYPTO_CIPHER_AES,
	       CRYPTO_MODE_CBC, NOPAD | IV, 16),
	CIPHER(TEE_ALG_AES_CTR, TEE_TYPE_AES, CRYPTO_CIPHER_AES,
	       CRYPTO_MODE_CTR, IV, 1),
	CIPHER(TEE_ALG_AES_CTS, TEE_TYPE_AES, CRYPTO_CIPHER_AES,
	       CRYPTO_MODE_CTS, IV | CRYP_ALG_HOLD_TWO, 16),
	CIPHER(TEE_ALG_AES_XTS, TEE_TYPE_AES, CRYPTO_CIPHER_AES,
	       CRYPTO_MODE_XTS, IV | CRYP_ALG_HOLD_TWO | CRYP_ALG_TWO_KEYS, 16),
	CIPHER(TEE_ALG_DES_ECB_NOPAD, TEE_TYPE_DES, CRYPTO_CIPHER_DES,
	       CRYPTO_MODE_ECB, NOPAD, 8),
	CIPHER(TEE_ALG_DES_CBC_NOPAD, TEE_TYPE_DES, CRYPTO_CIPHER_DES,
	       CRYPTO_MODE_CBC, NOPAD | IV, 8),
	CIPHER(TEE_ALG_DES3_ECB_NOPAD, TEE_TYPE_DES3, CRYPTO_CIPHER_DES3,
	       CRYPTO_MODE_ECB, NOPAD, 8),
	CIPHER(TEE_ALG_DES3_CBC_NOPAD, TEE_TYPE_DES3, CRYPTO_CIPHER_DES3,
	       CRYPTO_MODE_CBC, NOPAD | IV, 8),

	MAC(TEE_ALG_HMAC_MD5, TEE_TYPE_HMAC_MD5, CRYPTO_MAC_HMAC_MD5, 0, 1, 16),
	MAC(TEE_ALG_HMAC_SHA1, TEE_TYPE_HMAC_SHA1, CRYPTO_MAC_HMAC_SHA1, 0, 1,
	    20),
	MAC(TEE_ALG_HMAC_SHA224, TEE_TYPE_HMAC_SHA224, CRYPTO_MAC_HMAC_SHA224,
	    0, 1, 28),
	MAC(TEE_ALG_HMAC_SHA256, TEE_TYPE_HMAC_SHA256, CRYPTO_MAC_HMAC_SHA256,
	    0, 1, 32),
	MAC(TEE_ALG_HMAC_SHA384, TEE_TYPE_HMAC_SHA384, CRYPTO_MAC_HMAC_SHA384,
	    0, 1, 48),
	MAC(TEE_ALG_HMAC_SHA512, TEE_TYPE_HMAC_SHA512, CRYPTO_MAC_HMAC_SHA512,
	    0, 1, 64),
	MAC(TEE_ALG_AES_CMAC, TEE_TYPE_AES, CRYPTO_MAC_AES_CMAC, 0, 16, 16),
	MAC(TEE_ALG_DES3_CMAC, TEE_TYPE_DES3, CRYPTO_MAC_DES3_CMAC, 0, 8, 8),
	MAC(TEE_ALG_AES_CBC_MAC_NOPAD, TEE_TYPE_AES, CRYPTO_MAC_AES_CBC_MAC,
	    NOPAD, 16, 16),
	MAC(TEE_ALG_AES_CBC_MAC_PKCS5, TEE_TYPE_AES,
	    CRYPTO_MAC_AES_CBC_MAC_PKCS5, 0, 16, 16),
	MAC(TEE_ALG_DES_CBC_MAC_NOPAD, TEE_TYPE_DES, CRYPTO_MAC_DES_CBC_MAC,
	    NOPAD, 8, 8),
	MAC(TEE_ALG_DES_CBC_MAC_PKCS5, TEE_TYPE_DES,
	    CRYPTO_MAC_DES_CBC_MAC_PKCS5, 0, 8, 8),
	MAC(TEE_ALG_DES3_CBC_MAC_NOPAD, TEE_TYPE_DES3, CRYPTO_MAC_DES3_CBC_MAC,
	    NOPAD, 8, 8),
	MAC(TEE_ALG_DES3_CBC_MAC_PKCS5, TEE_TYPE_DES3,
	    CRYPTO_MAC_DES3_CBC_MAC_PKCS5, 0, 8, 8),

	AE(TEE_ALG_AES_GCM),
	AE(TEE_ALG_AES_CCM),
};

const struct cryp_alg *cryp_alg_find(uint32_t algo)
{
	for (size_t i = 0; i < ARRAY_SIZE(algs); i++)
		if (algs[i].algo == algo)
			return &algs[i];
	return cryp_asym_alg_find(algo);
}

bool cryp_alg_key_type_ok(const struct cryp_alg *alg, uint32_t type)
{
	/* Asymmetric: the public-key type or its pair (mode: cryp_state.c). */
	if (cryp_asym_class(alg->op_class))
		return cryp_asym_key_ok(alg, TEE_MODE_VERIFY, type);
	/* HMAC also takes generic secrets (key derivation output). */
	return type == alg->key_type ||
	       (alg->op_class == TEE_OPERATION_MAC &&
		alg->key_type >= TEE_TYPE_HMAC_MD5 &&
		alg->key_type <= TEE_TYPE_HMAC_SHA512 &&
		type == TEE_TYPE_GENERIC_SECRET);
}

TEE_Result cryp_alg_supported(uint32_t algo, uint32_t element)
{
	const struct cryp_alg *alg = cryp_alg_find(algo);

	if (!alg)
		return TEE_ERROR_NOT_SUPPORTED;
	if (element == TEE_OPTIONAL_ELEMENT_NONE)
		return TEE_SUCCESS;
	/* ECDSA and ECDH take the NIST curves as their element. */
	if ((alg->key_type == TEE_TYPE_ECDSA_PUBLIC_KEY ||
	     alg->key_type == TEE_TYPE_ECDH_KEYPAIR) &&
	    crypto_ecc_bytes(element))
		return TEE_SUCCESS;
	return TEE_ERROR_NOT_SUPPORTED;
}
