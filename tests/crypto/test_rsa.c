/* RSA verification: committed known answers, OpenSSL cross-checks, bad
 * keys and arguments, allocation failure. */
#include "data/rsa_kat.h"
#include "harness.h"
#include "test_util.h"

#include <mbedtls/platform.h>
#include <stdlib.h>
#include <string.h>

static const struct crypto_rsa_pubkey kat_key = {
	.modulus = kat_modulus,
	.modulus_len = sizeof(kat_modulus),
	.exponent = KAT_EXPONENT,
};

TEST(crypto_rsa_known_answers)
{
	uint8_t d[32];

	tu_crypto_up();
	crypto_sha256(KAT_MSG, strlen(KAT_MSG), d);
	CHECK(!memcmp(d, kat_digest, 32));
	CHECK_EQ(crypto_rsa_pubkey_size(&kat_key), 256);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, d, kat_sig_pss, 256),
		 TEE_SUCCESS);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PKCS1_V15_SHA256,
					  0, d, kat_sig_pkcs1, 256),
		 TEE_SUCCESS);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  20, d, kat_sig_pss_salt20, 256),
		 TEE_SUCCESS);
}

TEST(crypto_rsa_rejects)
{
	uint8_t d[32], sig[257];

	tu_crypto_up();
	memcpy(d, kat_digest, 32);
	/* Padding swapped. */
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PKCS1_V15_SHA256,
					  0, d, kat_sig_pss, 256),
		 TEE_ERROR_SIGNATURE_INVALID);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, d, kat_sig_pkcs1, 256),
		 TEE_ERROR_SIGNATURE_INVALID);
	/* The salt length is exact. */
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, d, kat_sig_pss_salt20, 256),
		 TEE_ERROR_SIGNATURE_INVALID);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  20, d, kat_sig_pss, 256),
		 TEE_ERROR_SIGNATURE_INVALID);
	/* Every digest bit matters. */
	for (int bit = 0; bit < 256; bit += 7) {
		d[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		CHECK_EQ(crypto_rsa_verify_sha256(&kat_key,
						  CRYPTO_RSA_PSS_MGF1_SHA256,
						  32, d, kat_sig_pss, 256),
			 TEE_ERROR_SIGNATURE_INVALID);
		CHECK_EQ(crypto_rsa_verify_sha256(&kat_key,
						  CRYPTO_RSA_PKCS1_V15_SHA256,
						  0, d, kat_sig_pkcs1, 256),
			 TEE_ERROR_SIGNATURE_INVALID);
		d[bit / 8] ^= (uint8_t)(1 << (bit % 8));
	}
	/* Signature bits, lengths, values >= N. */
	memcpy(sig, kat_sig_pss, 256);
	for (int i = 0; i < 256; i += 5) {
		sig[i] ^= 0x10;
		CHECK_EQ(crypto_rsa_verify_sha256(&kat_key,
						  CRYPTO_RSA_PSS_MGF1_SHA256,
						  32, d, sig, 256),
			 TEE_ERROR_SIGNATURE_INVALID);
		sig[i] ^= 0x10;
	}
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, d, sig, 255),
		 TEE_ERROR_SIGNATURE_INVALID);
	sig[256] = 0;
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, d, sig, 257),
		 TEE_ERROR_SIGNATURE_INVALID);
	memset(sig, 0xff, 256);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PKCS1_V15_SHA256,
					  0, d, sig, 256),
		 TEE_ERROR_SIGNATURE_INVALID);
	memset(sig, 0, 256);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, d, sig, 256),
		 TEE_ERROR_SIGNATURE_INVALID);
}

TEST(crypto_rsa_bad_keys)
{
	uint8_t mod[257];
	struct crypto_rsa_pubkey k = kat_key;

	tu_crypto_up();
	/* Leading zero bytes are fine. */
	mod[0] = 0;
	memcpy(mod + 1, kat_modulus, 256);
	k.modulus = mod;
	k.modulus_len = 257;
	CHECK_EQ(crypto_rsa_pubkey_size(&k), 256);
	CHECK_EQ(crypto_rsa_verify_sha256(&k, CRYPTO_RSA_PSS_MGF1_SHA256, 32,
					  kat_digest, kat_sig_pss, 256),
		 TEE_SUCCESS);
	/* Even modulus. */
	mod[256] &= 0xfe;
	CHECK_EQ(crypto_rsa_pubkey_size(&k), 0);
	CHECK_EQ(crypto_rsa_verify_sha256(&k, CRYPTO_RSA_PSS_MGF1_SHA256, 32,
					  kat_digest, kat_sig_pss, 256),
		 TEE_ERROR_BAD_PARAMETERS);
	/* Exponents 0, 1, 2 and a tiny modulus. */
	k = kat_key;
	for (uint32_t e = 0; e < 3; e++) {
		k.exponent = e;
		CHECK_EQ(crypto_rsa_pubkey_size(&k), 0);
	}
	k = kat_key;
	k.modulus_len = 8;
	k.modulus = kat_modulus + 248;
	CHECK_EQ(crypto_rsa_pubkey_size(&k), 0);
	k.modulus_len = 0;
	CHECK_EQ(crypto_rsa_pubkey_size(&k), 0);
	k.modulus = NULL;
	k.modulus_len = 256;
	CHECK_EQ(crypto_rsa_pubkey_size(&k), 0);
	CHECK_EQ(crypto_rsa_pubkey_size(NULL), 0);
	CHECK_EQ(crypto_rsa_verify_sha256(NULL, CRYPTO_RSA_PSS_MGF1_SHA256, 32,
					  kat_digest, kat_sig_pss, 256),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, 7, 32, kat_digest,
					  kat_sig_pss, 256),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, NULL, kat_sig_pss, 256),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, kat_digest, NULL, 256),
		 TEE_ERROR_BAD_PARAMETERS);
}

/* Fresh OpenSSL signatures with every test key size and both paddings. */
TEST(crypto_rsa_matches_openssl)
{
	static const char *keys[] = {"test_only_key_2048.pem",
				     "test_only_key_a_3072.pem",
				     "test_only_key_4096.pem"};
	uint8_t d[32], sig[512];

	tu_crypto_up();
	for (size_t k = 0; k < 3; k++) {
		struct tu_key *key = tu_key(keys[k]);

		for (int i = 0; i < 8; i++) {
			size_t n;

			for (int j = 0; j < 32; j++)
				d[j] = (uint8_t)(i * 37 + j * (int)k);
			n = tu_sign(key, 32, d, sig, sizeof(sig));
			CHECK_EQ(n, key->pub.modulus_len);
			CHECK_EQ(crypto_rsa_verify_sha256(
					 &key->pub, CRYPTO_RSA_PSS_MGF1_SHA256,
					 32, d, sig, n),
				 TEE_SUCCESS);
			n = tu_sign(key, -1, d, sig, sizeof(sig));
			CHECK_EQ(crypto_rsa_verify_sha256(
					 &key->pub, CRYPTO_RSA_PKCS1_V15_SHA256,
					 0, d, sig, n),
				 TEE_SUCCESS);
			/* Right signature, other key. */
			CHECK(crypto_rsa_verify_sha256(
				      &tu_key("test_only_key_b_3072.pem")->pub,
				      CRYPTO_RSA_PKCS1_V15_SHA256, 0, d, sig,
				      n) != TEE_SUCCESS);
		}
	}
}

static void *no_calloc(size_t n, size_t s)
{
	(void)n;
	(void)s;
	return NULL;
}

TEST(crypto_rsa_out_of_memory)
{
	TEE_Result res;

	tu_crypto_up();
	mbedtls_platform_set_calloc_free(no_calloc, free);
	res = crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
				       32, kat_digest, kat_sig_pss, 256);
	mbedtls_platform_set_calloc_free(calloc, free);
	CHECK_EQ(res, TEE_ERROR_OUT_OF_MEMORY);
	CHECK_EQ(crypto_rsa_verify_sha256(&kat_key, CRYPTO_RSA_PSS_MGF1_SHA256,
					  32, kat_digest, kat_sig_pss, 256),
		 TEE_SUCCESS);
}
