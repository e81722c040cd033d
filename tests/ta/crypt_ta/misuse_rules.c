/*
 * CRYPT_CMD_MISUSE scenarios about rules rather than data: system calls
 * given pointers the TA does not own, what may be allocated and
 * populated, operation info, copies, generated keys, XTS keys, AE limits,
 * the per-instance budget, operation states.
 */
#include <crypt_ta.h>
#include <rampart/abi/utee_cryp.h>
#include <string.h>

#include "crypt_priv.h"
#include "kat_data.h"

#define CALL(nr, a, b, c, d, e, f)                                             \
	((TEE_Result)_utee_cryp_call((nr), (unsigned long)(a),                 \
				     (unsigned long)(b), (unsigned long)(c),   \
				     (unsigned long)(d), (unsigned long)(e),   \
				     (unsigned long)(f)))

/* Never mapped in a TA; the core's own memory; the TA's read-only code. */
#define UNMAPPED 0x1000ul
#define CORE_RAM 0x0e100000ul

void syscall_bad_pointers(struct ck *ck)
{
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	TEE_OperationHandle d = crypt_op(TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, 0);
	TEE_OperationHandle c =
		crypt_op(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128, k);
	unsigned long code = (unsigned long)(uintptr_t)syscall_bad_pointers;
	unsigned long bad[] = {UNMAPPED, CORE_RAM};
	struct utee_attribute ua = {
		.attribute_id = TEE_ATTR_SECRET_VALUE, .a = UNMAPPED, .b = 16};
	struct utee_ae_final f = {0};
	uint8_t out[32];
	uint64_t len = sizeof(out);
	size_t sl;
	TEE_ObjectHandle o;

	if (TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &o))
		TEE_Panic(0);
	TEE_CipherInit(c, NULL, 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		unsigned long b = bad[i];

		CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_ALLOC, TEE_TYPE_AES, 128, b, 0,
			       0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_POPULATE, o, b, 1, 0, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		ua.a = b;
		CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_POPULATE, o, &ua, 1, 0, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_GET_INFO, k, b, 0, 0, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_GET_ATTR, k,
			       TEE_ATTR_SECRET_VALUE, b, &len, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_GET_ATTR, k,
			       TEE_ATTR_SECRET_VALUE, out, b, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_OP_ALLOC, TEE_ALG_SHA256,
			       TEE_MODE_DIGEST, 0, b, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_OP_GET_INFO, d, b, 0, 0, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_DIGEST_UPDATE, d, b, 16, 0, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_DIGEST_FINAL, d, 0, 0, b, &len, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_CIPHER_UPDATE, c, kat_sp800_38a_pt,
			       16, b, &len, 0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_CIPHER_UPDATE, c, b, 16, out, &len,
			       0),
			  TEE_ERROR_ACCESS_DENIED);
		CHECK_RES(CALL(UTEE_SYS_CRYP_AE_ENC_FINAL, c, b, 0, 0, 0, 0),
			  TEE_ERROR_ACCESS_DENIED);
	}
	/* Writing into the TA's own code: mapped, but not writable. */
	CHECK_RES(CALL(UTEE_SYS_CRYP_DIGEST_FINAL, d, 0, 0, code, &len, 0),
		  TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_GET_INFO, k, code, 0, 0, 0, 0),
		  TEE_ERROR_ACCESS_DENIED);
	/* Updates past the first chunk run on TA memory in place: same rule. */
	len = 8192;
	CHECK_RES(CALL(UTEE_SYS_CRYP_CIPHER_UPDATE, c, code, 4096, code, &len,
		       0),
		  TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(CALL(UTEE_SYS_CRYP_AE_DEC_FINAL, d, &f, 0, 0, 0, 0),
		  TEE_ERROR_BAD_FORMAT); /* a digest: refused before reading */
	/* Nothing changed: the operations still give the right answers. */
	len = sizeof(out);
	TEE_DigestUpdate(d, "abc", 3);
	CHECK_RES(CALL(UTEE_SYS_CRYP_DIGEST_FINAL, d, 0, 0, out, &len, 0),
		  TEE_SUCCESS);
	CHECK(len == 32 && !memcmp(out, kat_sha256_abc, 32), len);
	sl = sizeof(out);
	CHECK_RES(TEE_CipherDoFinal(c, kat_sp800_38a_pt, 16, out, &sl),
		  TEE_SUCCESS);
	CHECK(!memcmp(out, kat_ecb128_ct, 16), out[0]);
	/* A handle of the wrong kind, or made up, is not a handle. */
	CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_GET_INFO, d, out, 0, 0, 0, 0),
		  TEE_ERROR_BAD_STATE);
	CHECK_RES(CALL(UTEE_SYS_CRYP_OP_RESET, 0x12345678, 0, 0, 0, 0, 0),
		  TEE_ERROR_BAD_STATE);
	CHECK_RES(CALL(UTEE_SYS_CRYP_OBJ_CLOSE,
		       (unsigned long)(uintptr_t)k | 1ul << 32, 0, 0, 0, 0, 0),
		  TEE_ERROR_BAD_STATE);
	TEE_FreeOperation(d);
	TEE_FreeOperation(c);
	TEE_FreeTransientObject(k);
	TEE_FreeTransientObject(o);
}

void alloc_rules(struct ck *ck)
{
	static const struct {
		uint32_t type, size;
		TEE_Result want;
	} objs[] = {
		{TEE_TYPE_AES, 128, TEE_SUCCESS},
		{TEE_TYPE_AES, 100, TEE_ERROR_NOT_SUPPORTED},
		{TEE_TYPE_DES, 64, TEE_SUCCESS},
		{TEE_TYPE_DES3, 168, TEE_ERROR_NOT_SUPPORTED},
		{TEE_TYPE_HMAC_SHA256, 184, TEE_ERROR_NOT_SUPPORTED},
		{TEE_TYPE_HMAC_SHA256, 1024, TEE_SUCCESS},
		{TEE_TYPE_GENERIC_SECRET, 4096, TEE_SUCCESS},
		{TEE_TYPE_RSA_KEYPAIR, 2048, TEE_SUCCESS},
		{TEE_TYPE_ECDSA_KEYPAIR, 256, TEE_SUCCESS},
		{TEE_TYPE_ED25519_KEYPAIR, 256, TEE_ERROR_NOT_SUPPORTED},
		{TEE_TYPE_DSA_KEYPAIR, 1024, TEE_ERROR_NOT_SUPPORTED},
		{TEE_TYPE_SM4, 128, TEE_ERROR_NOT_SUPPORTED},
	};
	static const struct {
		uint32_t algo, mode, max;
		TEE_Result want;
	} ops[] = {
		{TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, TEE_SUCCESS},
		{TEE_ALG_SHA3_256, TEE_MODE_DIGEST, 0, TEE_ERROR_NOT_SUPPORTED},
		{TEE_ALG_SM3, TEE_MODE_DIGEST, 0, TEE_ERROR_NOT_SUPPORTED},
		{TEE_ALG_SHA256, TEE_MODE_MAC, 0, TEE_ERROR_NOT_SUPPORTED},
		{TEE_ALG_AES_ECB_NOPAD, TEE_MODE_MAC, 128,
		 TEE_ERROR_NOT_SUPPORTED},
		{TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 100,
		 TEE_ERROR_NOT_SUPPORTED},
		{TEE_ALG_AES_XTS, TEE_MODE_DECRYPT, 512, TEE_SUCCESS},
		{TEE_ALG_HMAC_SHA1, TEE_MODE_MAC, 40, TEE_ERROR_NOT_SUPPORTED},
		{TEE_ALG_SM4_CBC_NOPAD, TEE_MODE_ENCRYPT, 128,
		 TEE_ERROR_NOT_SUPPORTED},
		{TEE_ALG_ED25519, TEE_MODE_SIGN, 256, TEE_ERROR_NOT_SUPPORTED},
	};
	static const uint32_t yes[] = {
		TEE_ALG_MD5,
		TEE_ALG_SHA1,
		TEE_ALG_SHA224,
		TEE_ALG_SHA256,
		TEE_ALG_SHA384,
		TEE_ALG_SHA512,
		TEE_ALG_AES_ECB_NOPAD,
		TEE_ALG_AES_CBC_NOPAD,
		TEE_ALG_AES_CTR,
		TEE_ALG_AES_CTS,
		TEE_ALG_AES_XTS,
		TEE_ALG_DES_ECB_NOPAD,
		TEE_ALG_DES_CBC_NOPAD,
		TEE_ALG_DES3_ECB_NOPAD,
		TEE_ALG_DES3_CBC_NOPAD,
		TEE_ALG_HMAC_MD5,
		TEE_ALG_HMAC_SHA1,
		TEE_ALG_HMAC_SHA224,
		TEE_ALG_HMAC_SHA256,
		TEE_ALG_HMAC_SHA384,
		TEE_ALG_HMAC_SHA512,
		TEE_ALG_AES_CMAC,
		TEE_ALG_AES_CBC_MAC_NOPAD,
		TEE_ALG_AES_CBC_MAC_PKCS5,
		TEE_ALG_DES_CBC_MAC_NOPAD,
		TEE_ALG_DES3_CBC_MAC_NOPAD,
		TEE_ALG_AES_GCM,
		TEE_ALG_AES_CCM,
	};
	static const uint32_t no[] = {
		TEE_ALG_SHA3_224, TEE_ALG_SHAKE128,	 TEE_ALG_SM3,
		TEE_ALG_HMAC_SM3, TEE_ALG_SM4_ECB_NOPAD, TEE_ALG_ED25519,
		TEE_ALG_SM2_PKE,  TEE_ALG_ILLEGAL_VALUE,
	};
	TEE_ObjectHandle o;
	TEE_OperationHandle op;

	for (size_t i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
		CHECK_RES(TEE_AllocateTransientObject(objs[i].type,
						      objs[i].size, &o),
			  objs[i].want);
		CHECK(!objs[i].want || o == TEE_HANDLE_NULL, i);
		TEE_FreeTransientObject(o);
	}
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		CHECK_RES(TEE_AllocateOperation(&op, ops[i].algo, ops[i].mode,
						ops[i].max),
			  ops[i].want);
		TEE_FreeOperation(op);
	}
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		CHECK_RES(TEE_IsAlgorithmSupported(yes[i],
						   TEE_OPTIONAL_ELEMENT_NONE),
			  TEE_SUCCESS);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK_RES(TEE_IsAlgorithmSupported(no[i],
						   TEE_OPTIONAL_ELEMENT_NONE),
			  TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_AES_GCM,
					   TEE_ECC_CURVE_NIST_P256),
		  TEE_ERROR_NOT_SUPPORTED);
}

void populate_rules(struct ck *ck)
{
	uint8_t key[64] = {7}, e[3] = {1, 0, 1};
	TEE_Attribute a[5];
	TEE_ObjectInfo info;
	TEE_ObjectHandle o;

	if (TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &o))
		TEE_Panic(0);
	TEE_InitRefAttribute(&a[0], TEE_ATTR_SECRET_VALUE, key, 20);
	CHECK_RES(TEE_PopulateTransientObject(o, a, 1),
		  TEE_ERROR_BAD_PARAMETERS);
	CHECK_RES(TEE_GetObjectInfo1(o, &info), TEE_SUCCESS);
	CHECK(!(info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED), 0);
	a[1] = a[0];
	CHECK_RES(TEE_PopulateTransientObject(o, a, 2),
		  TEE_ERROR_BAD_PARAMETERS); /* the same attribute twice */
	TEE_InitRefAttribute(&a[0], TEE_ATTR_SECRET_VALUE, key, 24);
	CHECK_RES(TEE_PopulateTransientObject(o, a, 1), TEE_SUCCESS);
	CHECK_RES(TEE_GetObjectInfo1(o, &info), TEE_SUCCESS);
	CHECK(info.objectSize == 192, info.objectSize);
	TEE_FreeTransientObject(o);
	/* HMAC-SHA1 keys: 80 bits at least. */
	if (TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA1, 512, &o))
		TEE_Panic(0);
	TEE_InitRefAttribute(&a[0], TEE_ATTR_SECRET_VALUE, key, 9);
	CHECK_RES(TEE_PopulateTransientObject(o, a, 1),
		  TEE_ERROR_BAD_PARAMETERS);
	TEE_FreeTransientObject(o);
	/* RSA: held generically; CRT parameters all or none. */
	if (TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, 512, &o))
		TEE_Panic(0);
	key[0] = 0xc1;
	TEE_InitRefAttribute(&a[0], TEE_ATTR_RSA_MODULUS, key, 64);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_RSA_PUBLIC_EXPONENT, e, 3);
	TEE_InitRefAttribute(&a[2], TEE_ATTR_RSA_PRIVATE_EXPONENT, key, 64);
	TEE_InitRefAttribute(&a[3], TEE_ATTR_RSA_PRIME1, key, 32);
	CHECK_RES(TEE_PopulateTransientObject(o, a, 4),
		  TEE_ERROR_BAD_PARAMETERS);
	CHECK_RES(TEE_PopulateTransientObject(o, a, 3), TEE_SUCCESS);
	CHECK_RES(TEE_GetObjectInfo1(o, &info), TEE_SUCCESS);
	CHECK(info.objectSize == 512, info.objectSize);
	TEE_RestrictObjectUsage(o, TEE_USAGE_SIGN);
	{
		uint8_t buf[64];
		size_t sz = sizeof(buf);
		uint32_t va = 0;

		/* Public parts stay readable, secret ones absent or not. */
		CHECK_RES(TEE_GetObjectBufferAttribute(o, TEE_ATTR_RSA_MODULUS,
						       buf, &sz),
			  TEE_SUCCESS);
		CHECK(sz == 64 && !memcmp(buf, key, 64), sz);
		CHECK_RES(TEE_GetObjectBufferAttribute(o, TEE_ATTR_RSA_PRIME1,
						       buf, &sz),
			  TEE_ERROR_ITEM_NOT_FOUND);
		CHECK_RES(TEE_GetObjectValueAttribute(o, TEE_ATTR_ECC_CURVE,
						      &va, NULL),
			  TEE_ERROR_ITEM_NOT_FOUND);
	}
	TEE_FreeTransientObject(o);
	/* ECC: the curve gives the size; a value attribute reads back. */
	if (TEE_AllocateTransientObject(TEE_TYPE_ECDH_PUBLIC_KEY, 521, &o))
		TEE_Panic(0);
	TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, key, 48);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, key, 48);
	TEE_InitValueAttribute(&a[2], TEE_ATTR_ECC_CURVE,
			       TEE_ECC_CURVE_NIST_P384, 0);
	CHECK_RES(TEE_PopulateTransientObject(o, a, 3), TEE_SUCCESS);
	CHECK_RES(TEE_GetObjectInfo1(o, &info), TEE_SUCCESS);
	CHECK(info.objectSize == 384, info.objectSize);
	{
		uint32_t va = 0, vb = 1;

		CHECK_RES(TEE_GetObjectValueAttribute(o, TEE_ATTR_ECC_CURVE,
						      &va, &vb),
			  TEE_SUCCESS);
		CHECK(va == TEE_ECC_CURVE_NIST_P384 && vb == 0, va);
	}
	TEE_FreeTransientObject(o);
}
