/*
 * CRYPT_CMD_MISUSE: scenarios around the data path (short buffers leave
 * the operation as it was, MAC and tag mismatches, extractability, bad
 * pointers given straight to the system calls, allocation rules, info,
 * copies, generated keys, limits). Each check failing reports its line.
 */
#include <crypt_ta.h>
#include <rampart/abi/utee_cryp.h>
#include <string.h>

#include "crypt_priv.h"
#include "kat_data.h"

TEE_ObjectHandle crypt_key(uint32_t type, const void *key, size_t len)
{
	TEE_ObjectHandle o;
	TEE_Attribute a;

	if (TEE_AllocateTransientObject(type, len * 8, &o))
		TEE_Panic(TEE_ERROR_GENERIC);
	TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, key, len);
	if (TEE_PopulateTransientObject(o, &a, 1))
		TEE_Panic(TEE_ERROR_GENERIC);
	return o;
}

TEE_OperationHandle crypt_op(uint32_t algo, uint32_t mode, uint32_t max,
			     TEE_ObjectHandle key)
{
	TEE_OperationHandle op;

	if (TEE_AllocateOperation(&op, algo, mode, max))
		TEE_Panic(TEE_ERROR_GENERIC);
	if (key && TEE_SetOperationKey(op, key))
		TEE_Panic(TEE_ERROR_GENERIC);
	return op;
}

static void short_digest(struct ck *ck)
{
	TEE_OperationHandle op =
		crypt_op(TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, 0);
	uint8_t out[64];
	size_t len = 5;

	TEE_DigestUpdate(op, "ab", 2);
	CHECK_RES(TEE_DigestDoFinal(op, "c", 1, out, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 32, len);
	len = 0;
	CHECK_RES(TEE_DigestDoFinal(op, "c", 1, NULL, &len),
		  TEE_ERROR_SHORT_BUFFER);
	len = sizeof(out);
	CHECK_RES(TEE_DigestDoFinal(op, "c", 1, out, &len), TEE_SUCCESS);
	CHECK(len == 32 && !memcmp(out, kat_sha256_abc, 32), len);
	TEE_FreeOperation(op);
}

static void short_cipher(struct ck *ck)
{
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	TEE_OperationHandle op =
		crypt_op(TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 128, k);
	uint8_t out[48];
	size_t len = 16;

	TEE_CipherInit(op, kat_cbc_iv, 16);
	CHECK_RES(TEE_CipherUpdate(op, kat_sp800_38a_pt, 32, out, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 32, len);
	len = 32;
	CHECK_RES(TEE_CipherUpdate(op, kat_sp800_38a_pt, 32, out, &len),
		  TEE_SUCCESS);
	CHECK(len == 32 && !memcmp(out, kat_cbc128_ct, 32), len);
	/* 15 bytes wait for the block; the final call needs 16 then. */
	len = sizeof(out);
	CHECK_RES(TEE_CipherUpdate(op, kat_sp800_38a_pt + 32, 15, out, &len),
		  TEE_SUCCESS);
	CHECK(len == 0, len);
	len = 0;
	CHECK_RES(TEE_CipherDoFinal(op, kat_sp800_38a_pt + 47, 1, out, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 16, len);
	CHECK_RES(TEE_CipherDoFinal(op, kat_sp800_38a_pt + 47, 1, out, &len),
		  TEE_SUCCESS);
	CHECK(len == 16 && !memcmp(out, kat_cbc128_ct + 32, 16), len);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

static void short_ae(struct ck *ck)
{
	static const uint8_t zero[16];
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, zero, 16);
	TEE_OperationHandle op =
		crypt_op(TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT, 128, k);
	uint8_t out[16], tag[16];
	size_t len = sizeof(out), tl = 4;

	CHECK_RES(TEE_AEInit(op, zero, 12, 128, 0, 16), TEE_SUCCESS);
	CHECK_RES(TEE_AEEncryptFinal(op, zero, 16, out, &len, tag, &tl),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(tl == 16, tl);
	len = 8;
	CHECK_RES(TEE_AEEncryptFinal(op, zero, 16, out, &len, tag, &tl),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 16, len);
	CHECK_RES(TEE_AEEncryptFinal(op, zero, 16, out, &len, tag, &tl),
		  TEE_SUCCESS);
	CHECK(!memcmp(out, kat_gcm_tc2_ct, 16), out[0]);
	CHECK(!memcmp(tag, kat_gcm_tc2_tag, 16), tag[0]);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

/* RFC 4231's 160-bit key is under GP's HMAC-SHA256 minimum: generic. */
static void short_mac(struct ck *ck)
{
	TEE_ObjectHandle k =
		crypt_key(TEE_TYPE_GENERIC_SECRET, kat_hmac_key1, 20);
	TEE_OperationHandle op =
		crypt_op(TEE_ALG_HMAC_SHA256, TEE_MODE_MAC, 256, k);
	uint8_t mac[32];
	size_t len = 10;

	TEE_MACInit(op, NULL, 0);
	TEE_MACUpdate(op, "Hi ", 3);
	CHECK_RES(TEE_MACComputeFinal(op, "There", 5, mac, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 32, len);
	CHECK_RES(TEE_MACComputeFinal(op, "There", 5, mac, &len), TEE_SUCCESS);
	CHECK(!memcmp(mac, kat_hmac256_case1, 32), mac[0]);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

static void mac_invalid(struct ck *ck)
{
	TEE_ObjectHandle k =
		crypt_key(TEE_TYPE_GENERIC_SECRET, kat_hmac_key1, 20);
	TEE_OperationHandle op =
		crypt_op(TEE_ALG_HMAC_SHA256, TEE_MODE_MAC, 256, k);
	uint8_t mac[32];

	memcpy(mac, kat_hmac256_case1, 32);
	mac[31] ^= 1;
	TEE_MACInit(op, NULL, 0);
	CHECK_RES(TEE_MACCompareFinal(op, "Hi There", 8, mac, 32),
		  TEE_ERROR_MAC_INVALID);
	TEE_MACInit(op, NULL, 0);
	CHECK_RES(TEE_MACCompareFinal(op, "Hi There", 8, kat_hmac256_case1, 31),
		  TEE_ERROR_MAC_INVALID);
	TEE_MACInit(op, NULL, 0);
	CHECK_RES(TEE_MACCompareFinal(op, "Hi There", 8, kat_hmac256_case1, 32),
		  TEE_SUCCESS);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

/* Decrypting with a wrong tag leaves no plaintext in the output. */
static void ae_tag_invalid_one(struct ck *ck, uint32_t algo, size_t nlen)
{
	uint8_t key[16], nonce[13], msg[100], ct[100], out[100], tag[16];
	size_t len = sizeof(ct), tl = sizeof(tag);
	TEE_ObjectHandle k;
	TEE_OperationHandle enc, dec;

	TEE_GenerateRandom(key, sizeof(key));
	TEE_GenerateRandom(nonce, sizeof(nonce));
	memset(msg, 0x42, sizeof(msg));
	k = crypt_key(TEE_TYPE_AES, key, 16);
	enc = crypt_op(algo, TEE_MODE_ENCRYPT, 128, k);
	dec = crypt_op(algo, TEE_MODE_DECRYPT, 128, k);
	CHECK_RES(TEE_AEInit(enc, nonce, nlen, 128, 5, sizeof(msg)),
		  TEE_SUCCESS);
	TEE_AEUpdateAAD(enc, "hello", 5);
	CHECK_RES(TEE_AEEncryptFinal(enc, msg, sizeof(msg), ct, &len, tag, &tl),
		  TEE_SUCCESS);
	for (int bad = 1; bad >= 0; bad--) {
		tag[3] ^= (uint8_t)bad;
		memset(out, 0xaa, sizeof(out));
		len = sizeof(out);
		CHECK_RES(TEE_AEInit(dec, nonce, nlen, 128, 5, sizeof(msg)),
			  TEE_SUCCESS);
		TEE_AEUpdateAAD(dec, "hello", 5);
		CHECK_RES(TEE_AEDecryptFinal(dec, ct, sizeof(ct), out, &len,
					     tag, tl),
			  bad ? TEE_ERROR_MAC_INVALID : TEE_SUCCESS);
		tag[3] ^= (uint8_t)bad;
		for (size_t i = 0; bad && i < sizeof(out); i++)
			CHECK(out[i] != 0x42, i);
		CHECK(bad || !memcmp(out, msg, sizeof(msg)), out[0]);
	}
	TEE_FreeOperation(enc);
	TEE_FreeOperation(dec);
	TEE_FreeTransientObject(k);
}

static void ae_tag_invalid(struct ck *ck)
{
	ae_tag_invalid_one(ck, TEE_ALG_AES_GCM, 12);
	if (!ck->line)
		ae_tag_invalid_one(ck, TEE_ALG_AES_CCM, 13);
}

static void extractable(struct ck *ck)
{
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	TEE_ObjectInfo info;
	uint8_t buf[32];
	size_t size = 0;

	CHECK_RES(TEE_GetObjectInfo1(k, &info), TEE_SUCCESS);
	CHECK(info.objectSize == 128 && info.maxObjectSize == 128, 0);
	CHECK(info.objectUsage == 0xffffffff, info.objectUsage);
	CHECK(info.handleFlags == TEE_HANDLE_FLAG_INITIALIZED,
	      info.handleFlags);
	CHECK(info.dataSize == 0 && info.dataPosition == 0, 0);
	CHECK_RES(TEE_GetObjectBufferAttribute(k, TEE_ATTR_SECRET_VALUE, NULL,
					       &size),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(size == 16, size);
	size = sizeof(buf);
	CHECK_RES(TEE_GetObjectBufferAttribute(k, TEE_ATTR_SECRET_VALUE, buf,
					       &size),
		  TEE_SUCCESS);
	CHECK(size == 16 && !memcmp(buf, kat_aes128_key, 16), size);
	CHECK_RES(TEE_GetObjectBufferAttribute(k, TEE_ATTR_RSA_MODULUS, buf,
					       &size),
		  TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_RES(TEE_RestrictObjectUsage1(k, TEE_USAGE_ENCRYPT), TEE_SUCCESS);
	CHECK_RES(TEE_GetObjectInfo1(k, &info), TEE_SUCCESS);
	CHECK(info.objectUsage == TEE_USAGE_ENCRYPT, info.objectUsage);
	TEE_FreeTransientObject(k);
}

/* Straight to the core: a non-extractable secret is refused, no panic. */
static void syscall_not_extractable(struct ck *ck)
{
	TEE_ObjectHandle k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	uint8_t buf[16] = {0};
	uint64_t len = sizeof(buf);

	TEE_RestrictObjectUsage(k, TEE_USAGE_ENCRYPT | TEE_USAGE_DECRYPT);
	CHECK_RES(_utee_cryp_call(UTEE_SYS_CRYP_OBJ_GET_ATTR,
				  (unsigned long)(uintptr_t)k,
				  TEE_ATTR_SECRET_VALUE,
				  (unsigned long)(uintptr_t)buf,
				  (unsigned long)(uintptr_t)&len, 0, 0),
		  TEE_ERROR_ACCESS_DENIED);
	for (size_t i = 0; i < sizeof(buf); i++)
		CHECK(buf[i] == 0, i);
	TEE_FreeTransientObject(k);
}

/* Keeps a key alive in this instance and reports its handle. */
static void make_key(struct ck *ck, uint32_t arg)
{
	static TEE_ObjectHandle kept;

	(void)arg;
	if (!kept)
		kept = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	CHECK(kept != TEE_HANDLE_NULL, 0);
	ck->value = (uint32_t)(uintptr_t)kept;
}

/* Another instance's handle names nothing here (or one of ours). */
static void peek_handle(struct ck *ck, uint32_t handle)
{
	uint8_t buf[16] = {0};
	uint64_t len = sizeof(buf);

	CHECK_RES(_utee_cryp_call(UTEE_SYS_CRYP_OBJ_GET_ATTR, handle,
				  TEE_ATTR_SECRET_VALUE,
				  (unsigned long)(uintptr_t)buf,
				  (unsigned long)(uintptr_t)&len, 0, 0),
		  TEE_ERROR_BAD_STATE);
	CHECK(!memcmp(buf, (uint8_t[16]){0}, 16), buf[0]);
}

TEE_Result crypt_misuse(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	static void (*const fn[])(struct ck *) = {
		[CRYPT_M_SHORT_DIGEST] = short_digest,
		[CRYPT_M_SHORT_CIPHER] = short_cipher,
		[CRYPT_M_SHORT_AE] = short_ae,
		[CRYPT_M_SHORT_MAC] = short_mac,
		[CRYPT_M_MAC_INVALID] = mac_invalid,
		[CRYPT_M_AE_TAG_INVALID] = ae_tag_invalid,
		[CRYPT_M_EXTRACTABLE] = extractable,
		[CRYPT_M_SYSCALL_NOT_EXTRACTABLE] = syscall_not_extractable,
		[CRYPT_M_SYSCALL_BAD_POINTERS] = syscall_bad_pointers,
		[CRYPT_M_ALLOC_RULES] = alloc_rules,
		[CRYPT_M_POPULATE_RULES] = populate_rules,
		[CRYPT_M_INFO] = op_info,
		[CRYPT_M_COPY_OPERATION] = copy_operation,
		[CRYPT_M_GENERATE] = generate,
		[CRYPT_M_XTS_SAME_KEYS] = xts_same_keys,
		[CRYPT_M_AE_LIMITS] = ae_limits,
		[CRYPT_M_BUDGET] = budget,
		[CRYPT_M_STATES] = states,
	};
	struct ck ck = {0, 0, 0};
	uint32_t s;

	if (pt != P(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	s = p[0].value.a;
	if (s >= CRYPT_M_FIRST_PANIC && s < CRYPT_M_COUNT) {
		crypt_misuse_panic(s);
		return TEE_ERROR_GENERIC; /* the API should have panicked */
	}
	if (s == CRYPT_M_MAKE_KEY || s == CRYPT_M_PEEK_HANDLE)
		(s == CRYPT_M_MAKE_KEY ? make_key : peek_handle)(&ck,
								 p[0].value.b);
	else if (s < sizeof(fn) / sizeof(fn[0]) && fn[s])
		fn[s](&ck);
	else
		return TEE_ERROR_NOT_SUPPORTED;
	p[1].value.a = ck.line ? ck.line : ck.done;
	p[1].value.b = ck.value;
	return ck.line ? TEE_ERROR_GENERIC : TEE_SUCCESS;
}
