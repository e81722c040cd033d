/*
 * GP asymmetric operations and key derivation (§6.6, §6.7): the data and
 * parameters go to the core in one system call (rampart/abi/utee_cryp.h),
 * which keeps the key and does the arithmetic. GP's Panic Reasons panic.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "cryp_calls.h"

/* At most this many parameters go to the core (more: it panics the TA). */
#define MAX_PARAMS 16

static void to_utee(struct utee_attribute *ua, uint32_t id, uint64_t a,
		    uint64_t b)
{
	ua->attribute_id = id;
	ua->pad = 0;
	ua->a = a;
	ua->b = b;
}

static const struct utee_attribute *
from_params(struct utee_attribute ua[MAX_PARAMS], const TEE_Attribute *p,
	    uint32_t count)
{
	if (count > MAX_PARAMS || (count && !p))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t i = 0; i < count; i++) {
		if (p[i].attributeID & TEE_ATTR_FLAG_VALUE)
			to_utee(&ua[i], p[i].attributeID, p[i].content.value.a,
				p[i].content.value.b);
		else
			to_utee(&ua[i], p[i].attributeID,
				(uintptr_t)p[i].content.ref.buffer,
				p[i].content.ref.length);
	}
	return ua;
}

static const struct utee_attribute *
from_gp11_params(struct utee_attribute ua[MAX_PARAMS],
		 const __GP11_TEE_Attribute *p, uint32_t count)
{
	if (count > MAX_PARAMS || (count && !p))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t i = 0; i < count; i++) {
		if (p[i].attributeID & TEE_ATTR_FLAG_VALUE)
			to_utee(&ua[i], p[i].attributeID, p[i].content.value.a,
				p[i].content.value.b);
		else
			to_utee(&ua[i], p[i].attributeID,
				(uintptr_t)p[i].content.ref.buffer,
				p[i].content.ref.length);
	}
	return ua;
}

/* One call; *dst_len updated on success and SHORT_BUFFER. */
static TEE_Result asym_call(unsigned long nr, TEE_OperationHandle op,
			    const struct utee_attribute *ua, uint32_t count,
			    const void *src, size_t src_len, const void *dst,
			    uint64_t *dst_len)
{
	struct utee_asym_io io = {
		.params = (uintptr_t)ua,
		.num_params = count,
		.src = (uintptr_t)src,
		.src_len = src_len,
		.dst = (uintptr_t)dst,
		.dst_len = *dst_len,
	};
	TEE_Result res;

	if (op == TEE_HANDLE_NULL || (src_len && !src))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = CRYP(nr, op_h(op), &io, 0, 0, 0, 0);
	if (nr == UTEE_SYS_CRYP_ASYM_VERIFY)
		return ALLOW(res, TEE_ERROR_SIGNATURE_INVALID,
			     TEE_ERROR_BAD_PARAMETERS);
	if (nr == UTEE_SYS_CRYP_ASYM_SIGN)
		res = ALLOW(res, TEE_ERROR_SHORT_BUFFER,
			    TEE_ERROR_BAD_PARAMETERS);
	else /* as OP-TEE: e.g. an unknown TEE_ATTR_RSA_OAEP_MGF_HASH */
		res = ALLOW(
			res, TEE_ERROR_SHORT_BUFFER, TEE_ERROR_BAD_PARAMETERS,
			TEE_ERROR_CIPHERTEXT_INVALID, TEE_ERROR_NOT_SUPPORTED);
	if (!res || res == TEE_ERROR_SHORT_BUFFER)
		*dst_len = io.dst_len;
	return res;
}

static TEE_Result with_len(unsigned long nr, TEE_OperationHandle op,
			   const struct utee_attribute *ua, uint32_t count,
			   const void *src, size_t src_len, void *dst,
			   size_t *dst_len)
{
	uint64_t len;
	TEE_Result res;

	if (!dst_len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = *dst_len;
	res = asym_call(nr, op, ua, count, src, src_len, dst, &len);
	if (!res || res == TEE_ERROR_SHORT_BUFFER)
		*dst_len = (size_t)len;
	return res;
}

/* The GP 1.1 twin of with_len: uint32_t sizes. */
static TEE_Result with_len32(unsigned long nr, TEE_OperationHandle op,
			     const struct utee_attribute *ua, uint32_t count,
			     const void *src, uint32_t src_len, void *dst,
			     uint32_t *dst_len)
{
	size_t len;
	TEE_Result res;

	if (!dst_len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = *dst_len;
	res = with_len(nr, op, ua, count, src, src_len, dst, &len);
	*dst_len = (uint32_t)len;
	return res;
}

TEE_Result TEE_AsymmetricEncrypt(TEE_OperationHandle operation,
				 const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData,
				 size_t srcLen, void *destData, size_t *destLen)
{
	struct utee_attribute ua[MAX_PARAMS];

	return with_len(UTEE_SYS_CRYP_ASYM_ENCRYPT, operation,
			from_params(ua, params, paramCount), paramCount,
			srcData, srcLen, destData, destLen);
}

TEE_Result TEE_AsymmetricDecrypt(TEE_OperationHandle operation,
				 const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData,
				 size_t srcLen, void *destData, size_t *destLen)
{
	struct utee_attribute ua[MAX_PARAMS];

	return with_len(UTEE_SYS_CRYP_ASYM_DECRYPT, operation,
			from_params(ua, params, paramCount), paramCount,
			srcData, srcLen, destData, destLen);
}

TEE_Result TEE_AsymmetricSignDigest(TEE_OperationHandle operation,
				    const TEE_Attribute *params,
				    uint32_t paramCount, const void *digest,
				    size_t digestLen, void *signature,
				    size_t *signatureLen)
{
	struct utee_attribute ua[MAX_PARAMS];

	return with_len(UTEE_SYS_CRYP_ASYM_SIGN, operation,
			from_params(ua, params, paramCount), paramCount, digest,
			digestLen, signature, signatureLen);
}

TEE_Result TEE_AsymmetricVerifyDigest(TEE_OperationHandle operation,
				      const TEE_Attribute *params,
				      uint32_t paramCount, const void *digest,
				      size_t digestLen, const void *signature,
				      size_t signatureLen)
{
	struct utee_attribute ua[MAX_PARAMS];
	uint64_t len = signatureLen;

	if (signatureLen && !signature)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return asym_call(UTEE_SYS_CRYP_ASYM_VERIFY, operation,
			 from_params(ua, params, paramCount), paramCount,
			 digest, digestLen, signature, &len);
}

void TEE_DeriveKey(TEE_OperationHandle operation, const TEE_Attribute *params,
		   uint32_t paramCount, TEE_ObjectHandle derivedKey)
{
	struct utee_attribute ua[MAX_PARAMS];

	if (operation == TEE_HANDLE_NULL || derivedKey == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	MUST(CRYP(UTEE_SYS_CRYP_DERIVE_KEY, op_h(operation),
		  from_params(ua, params, paramCount), paramCount,
		  obj_h(derivedKey), 0, 0));
}

/* ---- GP 1.1 prototypes (uint32_t lengths, 1.1 attributes) ------------ */
TEE_Result __GP11_TEE_AsymmetricEncrypt(TEE_OperationHandle operation,
					const __GP11_TEE_Attribute *params,
					uint32_t paramCount,
					const void *srcData, uint32_t srcLen,
					void *destData, uint32_t *destLen)
{
	struct utee_attribute ua[MAX_PARAMS];

	return with_len32(UTEE_SYS_CRYP_ASYM_ENCRYPT, operation,
			  from_gp11_params(ua, params, paramCount), paramCount,
			  srcData, srcLen, destData, destLen);
}

TEE_Result __GP11_TEE_AsymmetricDecrypt(TEE_OperationHandle operation,
					const __GP11_TEE_Attribute *params,
					uint32_t paramCount,
					const void *srcData, uint32_t srcLen,
					void *destData, uint32_t *destLen)
{
	struct utee_attribute ua[MAX_PARAMS];

	return with_len32(UTEE_SYS_CRYP_ASYM_DECRYPT, operation,
			  from_gp11_params(ua, params, paramCount), paramCount,
			  srcData, srcLen, destData, destLen);
}

TEE_Result __GP11_TEE_AsymmetricSignDigest(TEE_OperationHandle operation,
					   const __GP11_TEE_Attribute *params,
					   uint32_t paramCount,
					   const void *digest,
					   uint32_t digestLen, void *signature,
					   uint32_t *signatureLen)
{
	struct utee_attribute ua[MAX_PARAMS];

	return with_len32(UTEE_SYS_CRYP_ASYM_SIGN, operation,
			  from_gp11_params(ua, params, paramCount), paramCount,
			  digest, digestLen, signature, signatureLen);
}

TEE_Result __GP11_TEE_AsymmetricVerifyDigest(
	TEE_OperationHandle operation, const __GP11_TEE_Attribute *params,
	uint32_t paramCount, const void *digest, uint32_t digestLen,
	const void *signature, uint32_t signatureLen)
{
	struct utee_attribute ua[MAX_PARAMS];
	uint64_t len = signatureLen;

	if (signatureLen && !signature)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return asym_call(UTEE_SYS_CRYP_ASYM_VERIFY, operation,
			 from_gp11_params(ua, params, paramCount), paramCount,
			 digest, digestLen, signature, &len);
}

void __GP11_TEE_DeriveKey(TEE_OperationHandle operation,
			  const __GP11_TEE_Attribute *params,
			  uint32_t paramCount, TEE_ObjectHandle derivedKey)
{
	struct utee_attribute ua[MAX_PARAMS];

	if (operation == TEE_HANDLE_NULL || derivedKey == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	MUST(CRYP(UTEE_SYS_CRYP_DERIVE_KEY, op_h(operation),
		  from_gp11_params(ua, params, paramCount), paramCount,
		  obj_h(derivedKey), 0, 0));
}
