/*
 * The asymmetric algorithms and key derivations the core implements (GP
 * 1.3.1 table 6-11 subset, plus OP-TEE's raw PKCS#1 v1.5 signature, MD5
 * PSS/OAEP, HKDF, PBKDF2 and Concat KDF extensions). For these,
 * cryp_alg.key_type is the public-key type (or the key-pair type when only
 * a pair is any use; the secret type for the KDFs), .backend the hash
 * (enum crypto_hash_alg or CRYPTO_ASYM_NO_HASH) and .cmode the scheme
 * (enum crypto_rsa_scheme, or one of CRYP_ASYM_* for the others).
 */
#include <tee/tee_cryp_asym_defs.h>

#include "cryp_asym.h"

#define SIG(a, t, h, s)                                                        \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_ASYMMETRIC_SIGNATURE,   \
		.key_type = (t), .backend = (h), .cmode = (s), .block = 1      \
	}
#define ENC(a, h, s)                                                           \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_ASYMMETRIC_CIPHER,      \
		.key_type = TEE_TYPE_RSA_PUBLIC_KEY, .backend = (h),           \
		.cmode = (s), .block = 1                                       \
	}
#define KDF(a, t, s)                                                           \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_KEY_DERIVATION,         \
		.key_type = (t), .backend = CRYPTO_ASYM_NO_HASH, .cmode = (s), \
		.block = 1                                                     \
	}
#define HKDF(a, h)                                                             \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_KEY_DERIVATION,         \
		.key_type = TEE_TYPE_HKDF_IKM, .backend = (h),                 \
		.cmode = CRYP_ASYM_HKDF, .block = 1                            \
	}
#define PBKDF2(a, h)                                                           \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_KEY_DERIVATION,         \
		.key_type = TEE_TYPE_PBKDF2_PASSWORD, .backend = (h),          \
		.cmode = CRYP_ASYM_PBKDF2, .block = 1                          \
	}
#define CONCAT_KDF(a, h)                                                       \
	{                                                                      \
		.algo = (a), .op_class = TEE_OPERATION_KEY_DERIVATION,         \
		.key_type = TEE_TYPE_CONCAT_KDF_Z, .backend = (h),             \
		.cmode = CRYP_ASYM_CONCAT_KDF, .block = 1                      \
	}
#define RSA TEE_TYPE_RSA_PUBLIC_KEY
#define V15 CRYPTO_RSA_PKCS1_V15
#define PSS CRYPTO_RSA_PSS
#define OAEP CRYPTO_RSA_OAEP
#define ECDSA(a, h) SIG(a, TEE_TYPE_ECDSA_PUBLIC_KEY, h, CRYP_ASYM_ECDSA)

static const struct cryp_alg asym_algs[] = {
	SIG(TEE_ALG_RSASSA_PKCS1_V1_5_MD5, RSA, CRYPTO_HASH_MD5, V15),
	SIG(TEE_ALG_RSASSA_PKCS1_V1_5_SHA1, RSA, CRYPTO_HASH_SHA1, V15),
	SIG(TEE_ALG_RSASSA_PKCS1_V1_5_SHA224, RSA, CRYPTO_HASH_SHA224, V15),
	SIG(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, RSA, CRYPTO_HASH_SHA256, V15),
	SIG(TEE_ALG_RSASSA_PKCS1_V1_5_SHA384, RSA, CRYPTO_HASH_SHA384, V15),
	SIG(TEE_ALG_RSASSA_PKCS1_V1_5_SHA512, RSA, CRYPTO_HASH_SHA512, V15),
	SIG(TEE_ALG_RSASSA_PKCS1_V1_5, RSA, CRYPTO_ASYM_NO_HASH, V15),
	SIG(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_MD5, RSA, CRYPTO_HASH_MD5, PSS),
	SIG(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA1, RSA, CRYPTO_HASH_SHA1, PSS),
	SIG(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA224, RSA, CRYPTO_HASH_SHA224, PSS),
	SIG(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256, RSA, CRYPTO_HASH_SHA256, PSS),
	SIG(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA384, RSA, CRYPTO_HASH_SHA384, PSS),
	SIG(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512, RSA, CRYPTO_HASH_SHA512, PSS),
	ECDSA(TEE_ALG_ECDSA_SHA1, CRYPTO_HASH_SHA1),
	ECDSA(TEE_ALG_ECDSA_SHA224, CRYPTO_HASH_SHA224),
	ECDSA(TEE_ALG_ECDSA_SHA256, CRYPTO_HASH_SHA256),
	ECDSA(TEE_ALG_ECDSA_SHA384, CRYPTO_HASH_SHA384),
	ECDSA(TEE_ALG_ECDSA_SHA512, CRYPTO_HASH_SHA512),

	ENC(TEE_ALG_RSAES_PKCS1_V1_5, CRYPTO_ASYM_NO_HASH, V15),
	ENC(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_MD5, CRYPTO_HASH_MD5, OAEP),
	ENC(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1, CRYPTO_HASH_SHA1, OAEP),
	ENC(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA224, CRYPTO_HASH_SHA224, OAEP),
	ENC(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256, CRYPTO_HASH_SHA256, OAEP),
	ENC(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA384, CRYPTO_HASH_SHA384, OAEP),
	ENC(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512, CRYPTO_HASH_SHA512, OAEP),
	ENC(TEE_ALG_RSA_NOPAD, CRYPTO_ASYM_NO_HASH, CRYPTO_RSA_NOPAD),

	KDF(TEE_ALG_ECDH_DERIVE_SHARED_SECRET, TEE_TYPE_ECDH_KEYPAIR,
	    CRYP_ASYM_ECDH),
	KDF(TEE_ALG_X25519, TEE_TYPE_X25519_KEYPAIR, CRYP_ASYM_X25519),
	KDF(TEE_ALG_DH_DERIVE_SHARED_SECRET, TEE_TYPE_DH_KEYPAIR, CRYP_ASYM_DH),
	HKDF(TEE_ALG_HKDF_MD5_DERIVE_KEY, CRYPTO_HASH_MD5),
	HKDF(TEE_ALG_HKDF_SHA1_DERIVE_KEY, CRYPTO_HASH_SHA1),
	HKDF(TEE_ALG_HKDF_SHA224_DERIVE_KEY, CRYPTO_HASH_SHA224),
	HKDF(TEE_ALG_HKDF_SHA256_DERIVE_KEY, CRYPTO_HASH_SHA256),
	HKDF(TEE_ALG_HKDF_SHA384_DERIVE_KEY, CRYPTO_HASH_SHA384),
	HKDF(TEE_ALG_HKDF_SHA512_DERIVE_KEY, CRYPTO_HASH_SHA512),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA1_DERIVE_KEY, CRYPTO_HASH_SHA1),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA224_DERIVE_KEY, CRYPTO_HASH_SHA224),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA256_DERIVE_KEY, CRYPTO_HASH_SHA256),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA384_DERIVE_KEY, CRYPTO_HASH_SHA384),
	PBKDF2(TEE_ALG_PBKDF2_HMAC_SHA512_DERIVE_KEY, CRYPTO_HASH_SHA512),
	CONCAT_KDF(TEE_ALG_CONCAT_KDF_SHA1_DERIVE_KEY, CRYPTO_HASH_SHA1),
	CONCAT_KDF(TEE_ALG_CONCAT_KDF_SHA224_DERIVE_KEY, CRYPTO_HASH_SHA224),
	CONCAT_KDF(TEE_ALG_CONCAT_KDF_SHA256_DERIVE_KEY, CRYPTO_HASH_SHA256),
	CONCAT_KDF(TEE_ALG_CONCAT_KDF_SHA384_DERIVE_KEY, CRYPTO_HASH_SHA384),
	CONCAT_KDF(TEE_ALG_CONCAT_KDF_SHA512_DERIVE_KEY, CRYPTO_HASH_SHA512),
	/* GP 1.3.1: backend is the hash when no parameter names one. */
	{.algo = TEE_ALG_HKDF,
	 .op_class = TEE_OPERATION_KEY_DERIVATION,
	 .key_type = TEE_TYPE_HKDF,
	 .backend = CRYPTO_HASH_SHA256,
	 .cmode = CRYP_ASYM_HKDF_GP,
	 .block = 1},
};

const struct cryp_alg *cryp_asym_alg_find(uint32_t algo)
{
	for (size_t i = 0; i < ARRAY_SIZE(asym_algs); i++)
		if (asym_algs[i].algo == algo)
			return &asym_algs[i];
	return NULL;
}

bool cryp_asym_class(uint32_t op_class)
{
	return op_class == TEE_OPERATION_ASYMMETRIC_SIGNATURE ||
	       op_class == TEE_OPERATION_ASYMMETRIC_CIPHER ||
	       op_class == TEE_OPERATION_KEY_DERIVATION;
}

/* A key pair type is its public-key type with bit 24 set. */
#define KEYPAIR_BIT 0x01000000u

bool cryp_asym_key_ok(const struct cryp_alg *alg, uint32_t mode, uint32_t type)
{
	bool priv = mode == TEE_MODE_SIGN || mode == TEE_MODE_DECRYPT ||
		    mode == TEE_MODE_DERIVE;

	/* GP 1.3.1's HKDF key is a secret type without a key-pair twin. */
	if (alg->key_type == TEE_TYPE_HKDF)
		return type == TEE_TYPE_HKDF;
	if (type == (alg->key_type | KEYPAIR_BIT))
		return true;
	return !priv && type == alg->key_type;
}

bool cryp_asym_mode_ok(const struct cryp_alg *alg, uint32_t mode)
{
	switch (alg->op_class) {
	case TEE_OPERATION_ASYMMETRIC_SIGNATURE:
		return mode == TEE_MODE_SIGN || mode == TEE_MODE_VERIFY;
	case TEE_OPERATION_ASYMMETRIC_CIPHER:
		return mode == TEE_MODE_ENCRYPT || mode == TEE_MODE_DECRYPT;
	case TEE_OPERATION_KEY_DERIVATION:
		return mode == TEE_MODE_DERIVE;
	}
	return false;
}

uint32_t cryp_asym_usage(uint32_t mode)
{
	switch (mode) {
	case TEE_MODE_SIGN:
		return TEE_USAGE_SIGN;
	case TEE_MODE_VERIFY:
		return TEE_USAGE_VERIFY;
	case TEE_MODE_ENCRYPT:
		return TEE_USAGE_ENCRYPT;
	case TEE_MODE_DECRYPT:
		return TEE_USAGE_DECRYPT;
	}
	return TEE_USAGE_DERIVE;
}
