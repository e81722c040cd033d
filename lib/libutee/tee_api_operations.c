/*
 * GP cryptographic operations (§6.2-6.5): generic functions, digests,
 * symmetric ciphers and MACs over the core's system calls
 * (rampart/abi/utee_cryp.h); authenticated encryption is in
 * tee_api_authenc.c. Operation state lives in the Trusted OS, which
 * checks it on every call; TEE_ERROR_SHORT_BUFFER comes back with the
 * size needed and the operation unchanged. GP's Panic Reasons panic.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "cryp_calls.h"

static void check_op(TEE_OperationHandle operation)
{
	if (operation == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

/* ---- generic operation functions -------------------------------------- */
TEE_Result TEE_AllocateOperation(TEE_OperationHandle *operation,
				 uint32_t algorithm, uint32_t mode,
				 uint32_t maxKeySize)
{
	uint32_t h = 0;
	TEE_Result res;

	if (!operation)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = ALLOW(CRYP(UTEE_SYS_CRYP_OP_ALLOC, algorithm, mode, maxKeySize,
			 &h, 0, 0),
		    TEE_ERROR_OUT_OF_MEMORY, TEE_ERROR_NOT_SUPPORTED);
	*operation = res ? TEE_HANDLE_NULL : (TEE_OperationHandle)(uintptr_t)h;
	return res;
}

void TEE_FreeOperation(TEE_OperationHandle operation)
{
	if (operation == TEE_HANDLE_NULL)
		return;
	MUST(CRYP(UTEE_SYS_CRYP_OP_FREE, op_h(operation), 0, 0, 0, 0, 0));
}

void __GP11_TEE_FreeOperation(TEE_OperationHandle operation)
{
	check_op(operation); /* GP 1.1: NULL is a programmer error */
	TEE_FreeOperation(operation);
}

static void op_info(TEE_OperationHandle operation,
		    struct utee_operation_info *i)
{
	check_op(operation);
	MUST(CRYP(UTEE_SYS_CRYP_OP_GET_INFO, op_h(operation), i, 0, 0, 0, 0));
}

void TEE_GetOperationInfo(TEE_OperationHandle operation,
			  TEE_OperationInfo *operationInfo)
{
	struct utee_operation_info i;

	op_info(operation, &i);
	if (!operationInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	operationInfo->algorithm = i.algorithm;
	operationInfo->operationClass = i.operation_class;
	operationInfo->mode = i.mode;
	operationInfo->digestLength = i.digest_length;
	operationInfo->maxKeySize = i.max_key_size;
	/* Two-key operations report their keys only through ...Multiple. */
	operationInfo->keySize = i.number_of_keys == 2 ? 0 : i.key_size[0];
	operationInfo->requiredKeyUsage =
		i.number_of_keys == 2 ? 0 : i.required_key_usage;
	operationInfo->handleState = i.handle_state;
}

TEE_Result
TEE_GetOperationInfoMultiple(TEE_OperationHandle operation,
			     TEE_OperationInfoMultiple *operationInfoMultiple,
			     size_t *operationSize)
{
	TEE_OperationInfoMultiple *m = operationInfoMultiple;
	struct utee_operation_info i;
	size_t need;

	op_info(operation, &i);
	if (!operationSize || !m || *operationSize < sizeof(*m))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	need = sizeof(*m) + i.number_of_keys * sizeof(m->keyInformation[0]);
	if (*operationSize < need) {
		*operationSize = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	memset(m, 0, need);
	m->algorithm = i.algorithm;
	m->operationClass = i.operation_class;
	m->mode = i.mode;
	m->digestLength = i.digest_length;
	m->maxKeySize = i.max_key_size;
	m->handleState = i.handle_state;
	m->operationState = i.operation_state;
	m->numberOfKeys = i.number_of_keys;
	for (uint32_t k = 0; k < i.number_of_keys; k++) {
		m->keyInformation[k].keySize = i.key_size[k];
		m->keyInformation[k].requiredKeyUsage = i.required_key_usage;
	}
	*operationSize = need;
	return TEE_SUCCESS;
}

TEE_Result __GP11_TEE_GetOperationInfoMultiple(
	TEE_OperationHandle operation,
	TEE_OperationInfoMultiple *operationInfoMultiple,
	uint32_t *operationSize)
{
	size_t s;
	TEE_Result res;

	if (!operationSize)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	s = *operationSize;
	res = TEE_GetOperationInfoMultiple(operation, operationInfoMultiple,
					   &s);
	*operationSize = (uint32_t)s;
	return res;
}

void TEE_ResetOperation(TEE_OperationHandle operation)
{
	check_op(operation);
	MUST(CRYP(UTEE_SYS_CRYP_OP_RESET, op_h(operation), 0, 0, 0, 0, 0));
}

static TEE_Result set_key(TEE_OperationHandle operation, TEE_ObjectHandle k1,
			  TEE_ObjectHandle k2, unsigned long flags)
{
	check_op(operation);
	return ALLOW(CRYP(UTEE_SYS_CRYP_OP_SET_KEY, op_h(operation), obj_h(k1),
			  obj_h(k2), flags, 0, 0),
		     TEE_ERROR_SECURITY, TEE_ERROR_CORRUPT_OBJECT,
		     TEE_ERROR_CORRUPT_OBJECT_2,
		     TEE_ERROR_STORAGE_NOT_AVAILABLE,
		     TEE_ERROR_STORAGE_NOT_AVAILABLE_2);
}

TEE_Result TEE_SetOperationKey(TEE_OperationHandle operation,
			       TEE_ObjectHandle key)
{
	return set_key(operation, key, TEE_HANDLE_NULL, 0);
}

TEE_Result __GP11_TEE_SetOperationKey(TEE_OperationHandle operation,
				      TEE_ObjectHandle key)
{
	return set_key(operation, key, TEE_HANDLE_NULL, UTEE_CRYP_SET_KEY_GP11);
}

/* TEE_ERROR_SECURITY when both keys are the same (IEEE 1619). */
TEE_Result TEE_SetOperationKey2(TEE_OperationHandle operation,
				TEE_ObjectHandle key1, TEE_ObjectHandle key2)
{
	if ((key1 == TEE_HANDLE_NULL) != (key2 == TEE_HANDLE_NULL))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return set_key(operation, key1, key2, 0);
}

TEE_Result __GP11_TEE_SetOperationKey2(TEE_OperationHandle operation,
				       TEE_ObjectHandle key1,
				       TEE_ObjectHandle key2)
{
	if ((key1 == TEE_HANDLE_NULL) != (key2 == TEE_HANDLE_NULL))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return set_key(operation, key1, key2, UTEE_CRYP_SET_KEY_GP11);
}

void TEE_CopyOperation(TEE_OperationHandle dstOperation,
		       TEE_OperationHandle srcOperation)
{
	check_op(dstOperation);
	check_op(srcOperation);
	MUST(CRYP(UTEE_SYS_CRYP_OP_COPY, op_h(dstOperation), op_h(srcOperation),
		  0, 0, 0, 0));
}

TEE_Result TEE_IsAlgorithmSupported(uint32_t algId, uint32_t element)
{
	TEE_Result res =
		CRYP(UTEE_SYS_CRYP_ALG_SUPPORTED, algId, element, 0, 0, 0, 0);

	return res ? TEE_ERROR_NOT_SUPPORTED : TEE_SUCCESS;
}

/* ---- data calls ---------------------------------------------------------- */
static void check_in(const void *buf, size_t len)
{
	if (!buf && len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

/* (op, src, src_len, dst, *dst_len): SUCCESS or SHORT_BUFFER. */
static TEE_Result data_call(unsigned long nr, TEE_OperationHandle operation,
			    const void *src, size_t src_len, void *dst,
			    size_t *dst_len)
{
	uint64_t dl = dst_len ? *dst_len : 0;
	TEE_Result res;

	check_op(operation);
	check_in(src, src_len);
	res = ALLOW(CRYP(nr, op_h(operation), src, src_len, dst, &dl, 0),
		    TEE_ERROR_SHORT_BUFFER);
	if (dst_len)
		*dst_len = (size_t)dl;
	return res;
}

/* The GP 1.1 twin of data_call: uint32_t sizes. */
static TEE_Result data_call11(unsigned long nr, TEE_OperationHandle operation,
			      const void *src, uint32_t src_len, void *dst,
			      uint32_t *dst_len)
{
	size_t dl = dst_len ? *dst_len : 0;
	TEE_Result res = data_call(nr, operation, src, src_len, dst, &dl);

	if (dst_len)
		*dst_len = (uint32_t)dl;
	return res;
}

static void update_call(unsigned long nr, TEE_OperationHandle operation,
			const void *chunk, size_t len)
{
	check_op(operation);
	check_in(chunk, len);
	MUST(CRYP(nr, op_h(operation), chunk, len, 0, 0, 0));
}

/* ---- message digests ------------------------------------------------------
 */
void TEE_DigestUpdate(TEE_OperationHandle operation, const void *chunk,
		      size_t chunkSize)
{
	update_call(UTEE_SYS_CRYP_DIGEST_UPDATE, operation, chunk, chunkSize);
}

void __GP11_TEE_DigestUpdate(TEE_OperationHandle operation, const void *chunk,
			     uint32_t chunkSize)
{
	TEE_DigestUpdate(operation, chunk, chunkSize);
}

TEE_Result TEE_DigestDoFinal(TEE_OperationHandle operation, const void *chunk,
			     size_t chunkLen, void *hash, size_t *hashLen)
{
	if (!hashLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return data_call(UTEE_SYS_CRYP_DIGEST_FINAL, operation, chunk, chunkLen,
			 hash, hashLen);
}

TEE_Result __GP11_TEE_DigestDoFinal(TEE_OperationHandle operation,
				    const void *chunk, uint32_t chunkLen,
				    void *hash, uint32_t *hashLen)
{
	if (!hashLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return data_call11(UTEE_SYS_CRYP_DIGEST_FINAL, operation, chunk,
			   chunkLen, hash, hashLen);
}

TEE_Result TEE_DigestExtract(TEE_OperationHandle operation, void *hash,
			     size_t *hashLen)
{
	uint64_t hl;

	check_op(operation);
	if (!hashLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	hl = *hashLen;
	MUST(CRYP(UTEE_SYS_CRYP_DIGEST_EXTRACT, op_h(operation), hash, &hl, 0,
		  0, 0));
	*hashLen = (size_t)hl;
	return TEE_SUCCESS;
}

/* ---- symmetric ciphers -------------------------------------------------- */
void TEE_CipherInit(TEE_OperationHandle operation, const void *IV, size_t IVLen)
{
	check_op(operation);
	MUST(CRYP(UTEE_SYS_CRYP_CIPHER_INIT, op_h(operation), IV, IVLen, 0, 0,
		  0));
}

void __GP11_TEE_CipherInit(TEE_OperationHandle operation, const void *IV,
			   uint32_t IVLen)
{
	TEE_CipherInit(operation, IV, IVLen);
}

TEE_Result TEE_CipherUpdate(TEE_OperationHandle operation, const void *srcData,
			    size_t srcLen, void *destData, size_t *destLen)
{
	if (!destLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return data_call(UTEE_SYS_CRYP_CIPHER_UPDATE, operation, srcData,
			 srcLen, destData, destLen);
}

TEE_Result __GP11_TEE_CipherUpdate(TEE_OperationHandle operation,
				   const void *srcData, uint32_t srcLen,
				   void *destData, uint32_t *destLen)
{
	if (!destLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return data_call11(UTEE_SYS_CRYP_CIPHER_UPDATE, operation, srcData,
			   srcLen, destData, destLen);
}

/* destLen may be NULL when nothing is left to output (OP-TEE's reading). */
TEE_Result TEE_CipherDoFinal(TEE_OperationHandle operation, const void *srcData,
			     size_t srcLen, void *destData, size_t *destLen)
{
	return data_call(UTEE_SYS_CRYP_CIPHER_FINAL, operation, srcData, srcLen,
			 destData, destLen);
}

TEE_Result __GP11_TEE_CipherDoFinal(TEE_OperationHandle operation,
				    const void *srcData, uint32_t srcLen,
				    void *destData, uint32_t *destLen)
{
	return data_call11(UTEE_SYS_CRYP_CIPHER_FINAL, operation, srcData,
			   srcLen, destData, destLen);
}

/* ---- MACs ---------------------------------------------------------------- */
/* No MAC here takes an IV: HMAC and CMAC have none, CBC-MAC starts at 0. */
void TEE_MACInit(TEE_OperationHandle operation, const void *IV, size_t IVLen)
{
	(void)IV;
	(void)IVLen;
	check_op(operation);
	MUST(CRYP(UTEE_SYS_CRYP_MAC_INIT, op_h(operation), 0, 0, 0, 0, 0));
}

void __GP11_TEE_MACInit(TEE_OperationHandle operation, const void *IV,
			uint32_t IVLen)
{
	TEE_MACInit(operation, IV, IVLen);
}

void TEE_MACUpdate(TEE_OperationHandle operation, const void *chunk,
		   size_t chunkSize)
{
	update_call(UTEE_SYS_CRYP_MAC_UPDATE, operation, chunk, chunkSize);
}

void __GP11_TEE_MACUpdate(TEE_OperationHandle operation, const void *chunk,
			  uint32_t chunkSize)
{
	TEE_MACUpdate(operation, chunk, chunkSize);
}

TEE_Result TEE_MACComputeFinal(TEE_OperationHandle operation,
			       const void *message, size_t messageLen,
			       void *mac, size_t *macLen)
{
	if (!macLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return data_call(UTEE_SYS_CRYP_MAC_FINAL, operation, message,
			 messageLen, mac, macLen);
}

TEE_Result __GP11_TEE_MACComputeFinal(TEE_OperationHandle operation,
				      const void *message, uint32_t messageLen,
				      void *mac, uint32_t *macLen)
{
	if (!macLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return data_call11(UTEE_SYS_CRYP_MAC_FINAL, operation, message,
			   messageLen, mac, macLen);
}

TEE_Result TEE_MACCompareFinal(TEE_OperationHandle operation,
			       const void *message, size_t messageLen,
			       const void *mac, size_t macLen)
{
	check_op(operation);
	check_in(message, messageLen);
	check_in(mac, macLen);
	return ALLOW(CRYP(UTEE_SYS_CRYP_MAC_COMPARE, op_h(operation), message,
			  messageLen, mac, macLen, 0),
		     TEE_ERROR_MAC_INVALID);
}

TEE_Result __GP11_TEE_MACCompareFinal(TEE_OperationHandle operation,
				      const void *message, uint32_t messageLen,
				      const void *mac, uint32_t macLen)
{
	return TEE_MACCompareFinal(operation, message, messageLen, mac, macLen);
}
