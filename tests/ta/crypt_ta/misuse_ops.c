/*
 * CRYPT_CMD_MISUSE scenarios about operations: info, copies in the middle
 * of a message, generated keys, XTS key pairs, AE limits, the instance's
 * budget and the state an operation is in after each call.
 */
#include <crypt_ta.h>
#include <string.h>

#include "crypt_priv.h"
#include "kat_data.h"

void op_info(struct ck *ck)
{
	uint8_t k1[32], k2[32];
	TEE_ObjectHandle a, b;
	TEE_OperationHandle op = crypt_op(TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT,
					  512, TEE_HANDLE_NULL);
	TEE_OperationHandle d = crypt_op(TEE_ALG_SHA384, TEE_MODE_DIGEST, 0, 0);
	struct {
		TEE_OperationInfoMultiple m;
		TEE_OperationInfoKey k[2];
	} multi;
	TEE_OperationInfo info;
	size_t size = sizeof(multi.m) + sizeof(multi.k[0]);

	memset(k1, 1, sizeof(k1));
	memset(k2, 2, sizeof(k2));
	a = crypt_key(TEE_TYPE_AES, k1, 32);
	b = crypt_key(TEE_TYPE_AES, k2, 32);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.algorithm == TEE_ALG_AES_XTS, info.algorithm);
	CHECK(info.operationClass == TEE_OPERATION_CIPHER, 0);
	CHECK(info.maxKeySize == 512 && info.keySize == 0, info.maxKeySize);
	CHECK(info.handleState == TEE_HANDLE_FLAG_EXPECT_TWO_KEYS,
	      info.handleState);
	CHECK_RES(TEE_SetOperationKey2(op, a, b), TEE_SUCCESS);
	CHECK_RES(TEE_GetOperationInfoMultiple(op, &multi.m, &size),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(size == sizeof(multi), size);
	CHECK_RES(TEE_GetOperationInfoMultiple(op, &multi.m, &size),
		  TEE_SUCCESS);
	CHECK(multi.m.numberOfKeys == 2, multi.m.numberOfKeys);
	CHECK(multi.k[0].keySize == 256 && multi.k[1].keySize == 256,
	      multi.k[1].keySize);
	CHECK(multi.k[0].requiredKeyUsage == TEE_USAGE_ENCRYPT, 0);
	CHECK(multi.m.handleState == (TEE_HANDLE_FLAG_EXPECT_TWO_KEYS |
				      TEE_HANDLE_FLAG_KEY_SET),
	      multi.m.handleState);
	TEE_CipherInit(op, kat_cbc_iv, 16);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.handleState & TEE_HANDLE_FLAG_INITIALIZED, info.handleState);
	/* A digest: no key, always initialized, its digest length. */
	size = sizeof(multi);
	CHECK_RES(TEE_GetOperationInfoMultiple(d, &multi.m, &size),
		  TEE_SUCCESS);
	CHECK(multi.m.numberOfKeys == 0 && multi.m.digestLength == 48, 0);
	CHECK(multi.m.operationState == TEE_OPERATION_STATE_INITIAL, 0);
	CHECK(multi.m.handleState ==
		      (TEE_HANDLE_FLAG_KEY_SET | TEE_HANDLE_FLAG_INITIALIZED),
	      multi.m.handleState);
	TEE_DigestUpdate(d, "x", 1);
	CHECK_RES(TEE_GetOperationInfoMultiple(d, &multi.m, &size),
		  TEE_SUCCESS);
	CHECK(multi.m.operationState == TEE_OPERATION_STATE_ACTIVE, 0);
	TEE_FreeOperation(op);
	TEE_FreeOperation(d);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
}

void copy_operation(struct ck *ck)
{
	TEE_OperationHandle d1 =
		crypt_op(TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, 0);
	TEE_OperationHandle d2 =
		crypt_op(TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, 0);
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	TEE_OperationHandle c1 =
		crypt_op(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 256, k);
	TEE_OperationHandle c2 =
		crypt_op(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 128, 0);
	uint8_t out[64], out2[64];
	size_t len = 32, len2 = 32;

	TEE_DigestUpdate(d1, "a", 1);
	TEE_CopyOperation(d2, d1);
	TEE_DigestUpdate(d1, "b", 1);
	TEE_DigestUpdate(d2, "b", 1);
	CHECK_RES(TEE_DigestDoFinal(d1, "c", 1, out, &len), TEE_SUCCESS);
	CHECK_RES(TEE_DigestDoFinal(d2, "c", 1, out2, &len2), TEE_SUCCESS);
	CHECK(!memcmp(out, kat_sha256_abc, 32), out[0]);
	CHECK(!memcmp(out2, kat_sha256_abc, 32), out2[0]);
	/* A cipher in the middle of a message; 15 bytes wait in it. */
	TEE_CipherInit(c1, kat_cbc_iv, 16);
	len = sizeof(out);
	CHECK_RES(TEE_CipherUpdate(c1, kat_sp800_38a_pt, 31, out, &len),
		  TEE_SUCCESS);
	CHECK(len == 16, len);
	TEE_CopyOperation(c2, c1);
	len = len2 = sizeof(out);
	CHECK_RES(TEE_CipherDoFinal(c1, kat_sp800_38a_pt + 31, 33, out, &len),
		  TEE_SUCCESS);
	CHECK_RES(TEE_CipherDoFinal(c2, kat_sp800_38a_pt + 31, 33, out2, &len2),
		  TEE_SUCCESS);
	CHECK(len == 48 && len2 == 48, len2);
	CHECK(!memcmp(out, kat_cbc128_ct + 16, 48), out[0]);
	CHECK(!memcmp(out2, kat_cbc128_ct + 16, 48), out2[0]);
	TEE_FreeOperation(d1);
	TEE_FreeOperation(d2);
	TEE_FreeOperation(c1);
	TEE_FreeOperation(c2);
	TEE_FreeTransientObject(k);
}

/*
 * By hand: __builtin_popcount would pull in libgcc's __paritysi2, which
 * has no BTI/PAC property and would leave the whole TA unprotected.
 */
static bool odd_parity(uint8_t b)
{
	b ^= b >> 4;
	b ^= b >> 2;
	b ^= b >> 1;
	return b & 1;
}

void generate(struct ck *ck)
{
	static const struct {
		uint32_t type, bits;
	} keys[] = {{TEE_TYPE_AES, 256},
		    {TEE_TYPE_DES, 64},
		    {TEE_TYPE_DES3, 192},
		    {TEE_TYPE_HMAC_SHA256, 200},
		    {TEE_TYPE_GENERIC_SECRET, 4096}};
	uint8_t a[512], b[512];

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		TEE_ObjectHandle o1, o2;
		TEE_ObjectInfo info;
		size_t n = keys[i].bits / 8, la = sizeof(a), lb = sizeof(b);
		bool des = keys[i].type != TEE_TYPE_AES &&
			   keys[i].type <= TEE_TYPE_DES3 &&
			   keys[i].type >= TEE_TYPE_DES;

		CHECK_RES(TEE_AllocateTransientObject(keys[i].type,
						      keys[i].bits, &o1),
			  TEE_SUCCESS);
		CHECK_RES(TEE_AllocateTransientObject(keys[i].type,
						      keys[i].bits, &o2),
			  TEE_SUCCESS);
		CHECK_RES(TEE_GenerateKey(o1, keys[i].bits, NULL, 0),
			  TEE_SUCCESS);
		CHECK_RES(TEE_GenerateKey(o2, keys[i].bits, NULL, 0),
			  TEE_SUCCESS);
		CHECK_RES(TEE_GetObjectInfo1(o1, &info), TEE_SUCCESS);
		CHECK(info.objectSize == keys[i].bits, info.objectSize);
		CHECK_RES(TEE_GetObjectBufferAttribute(
				  o1, TEE_ATTR_SECRET_VALUE, a, &la),
			  TEE_SUCCESS);
		CHECK_RES(TEE_GetObjectBufferAttribute(
				  o2, TEE_ATTR_SECRET_VALUE, b, &lb),
			  TEE_SUCCESS);
		CHECK(la == n && lb == n && memcmp(a, b, n), i);
		for (size_t j = 0; des && j < n; j++)
			CHECK(odd_parity(a[j]), j);
		TEE_FreeTransientObject(o1);
		TEE_FreeTransientObject(o2);
	}
}

void xts_same_keys(struct ck *ck)
{
	uint8_t key[16];
	TEE_ObjectHandle a, b;
	TEE_OperationHandle op = crypt_op(TEE_ALG_AES_XTS, TEE_MODE_DECRYPT,
					  256, TEE_HANDLE_NULL);

	memset(key, 0x33, sizeof(key));
	a = crypt_key(TEE_TYPE_AES, key, 16);
	b = crypt_key(TEE_TYPE_AES, key, 16);
	CHECK_RES(TEE_SetOperationKey2(op, a, b), TEE_ERROR_SECURITY);
	CHECK_RES(TEE_SetOperationKey2(op, a, a), TEE_ERROR_SECURITY);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
}

void ae_limits(struct ck *ck)
{
	static const uint8_t nonce[70];
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	TEE_OperationHandle gcm =
		crypt_op(TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT, 128, k);
	TEE_OperationHandle ccm =
		crypt_op(TEE_ALG_AES_CCM, TEE_MODE_ENCRYPT, 128, k);
	uint8_t out[16], tag[16];
	size_t len = sizeof(out), tl = sizeof(tag);

	CHECK_RES(TEE_AEInit(gcm, nonce, 12, 64, 0, 0),
		  TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(TEE_AEInit(gcm, nonce, 65, 128, 0, 0),
		  TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(TEE_AEInit(ccm, nonce, 13, 40, 0, 0),
		  TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(TEE_AEInit(ccm, nonce, 11, 128, 0, 100000),
		  TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(TEE_AEInit(ccm, nonce, 11, 128, 40000, 16),
		  TEE_ERROR_NOT_SUPPORTED);
	/* After the refusals the operation still works. */
	CHECK_RES(TEE_AEInit(ccm, nonce, 11, 64, 0, 16), TEE_SUCCESS);
	CHECK_RES(TEE_AEEncryptFinal(ccm, kat_sp800_38a_pt, 16, out, &len, tag,
				     &tl),
		  TEE_SUCCESS);
	CHECK(len == 16 && tl == 8, tl);
	TEE_FreeOperation(gcm);
	TEE_FreeOperation(ccm);
	TEE_FreeTransientObject(k);
}

void budget(struct ck *ck)
{
	static TEE_ObjectHandle o[1024];
	size_t n = 0;
	TEE_Result res = TEE_SUCCESS;

	while (n < 1024 && !(res = TEE_AllocateTransientObject(
				     TEE_TYPE_GENERIC_SECRET, 4096, &o[n])))
		n++;
	CHECK(res == TEE_ERROR_OUT_OF_MEMORY, res);
	CHECK(n >= 256, n);
	while (n)
		TEE_FreeTransientObject(o[--n]);
	CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &o[0]),
		  TEE_SUCCESS);
	TEE_FreeTransientObject(o[0]);
}

void states(struct ck *ck)
{
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	TEE_OperationHandle op =
		crypt_op(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128, k);
	TEE_OperationInfo info;
	uint8_t out[16];
	size_t len = sizeof(out);

	/* Init on an active operation starts over. */
	TEE_CipherInit(op, NULL, 0);
	CHECK_RES(TEE_CipherUpdate(op, kat_sp800_38a_pt + 3, 7, out, &len),
		  TEE_SUCCESS);
	TEE_CipherInit(op, NULL, 0);
	len = sizeof(out);
	CHECK_RES(TEE_CipherDoFinal(op, kat_sp800_38a_pt, 16, out, &len),
		  TEE_SUCCESS);
	CHECK(len == 16 && !memcmp(out, kat_ecb128_ct, 16), len);
	TEE_GetOperationInfo(op, &info);
	CHECK(!(info.handleState & TEE_HANDLE_FLAG_INITIALIZED),
	      info.handleState);
	/* A key may change once the message is done; reset keeps the key. */
	CHECK_RES(TEE_SetOperationKey(op, k), TEE_SUCCESS);
	TEE_CipherInit(op, NULL, 0);
	TEE_ResetOperation(op);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.handleState == TEE_HANDLE_FLAG_KEY_SET, info.handleState);
	CHECK(info.keySize == 128, info.keySize);
	/* The operation has its own copy of the key. */
	TEE_FreeTransientObject(k);
	TEE_CipherInit(op, NULL, 0);
	len = sizeof(out);
	CHECK_RES(TEE_CipherDoFinal(op, kat_sp800_38a_pt, 16, out, &len),
		  TEE_SUCCESS);
	CHECK(!memcmp(out, kat_ecb128_ct, 16), out[0]);
	/* Clearing the key. */
	CHECK_RES(TEE_SetOperationKey(op, TEE_HANDLE_NULL), TEE_SUCCESS);
	TEE_GetOperationInfo(op, &info);
	CHECK(info.handleState == 0 && info.keySize == 0, info.handleState);
	TEE_FreeOperation(op);
}
