/*
 * GP authenticated encryption (§6.6) over the core's system calls
 * (rampart/abi/utee_cryp.h). The core buffers what mbedTLS cannot take
 * piecewise: AES-CCM returns all its output from the final call.
 */
#include <tee_internal_api.h>

#include "cryp_calls.h"

static void check_op(TEE_OperationHandle operation)
{
	if (operation == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

static void check_in(const void *buf, size_t len)
{
	if (!buf && len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

TEE_Result TEE_AEInit(TEE_OperationHandle operation, const void *nonce,
		      size_t nonceLen, uint32_t tagLen, size_t AADLen,
		      size_t payloadLen)
{
	check_op(operation);
	if (!nonce)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return ALLOW(CRYP(UTEE_SYS_CRYP_AE_INIT, op_h(operation), nonce,
			  nonceLen, tagLen, AADLen, payloadLen),
		     TEE_ERROR_NOT_SUPPORTED);
}

TEE_Result __GP11_TEE_AEInit(TEE_OperationHandle operation, const void *nonce,
			     uint32_t nonceLen, uint32_t tagLen,
			     uint32_t AADLen, uint32_t payloadLen)
{
	return TEE_AEInit(operation, nonce, nonceLen, tagLen, AADLen,
			  payloadLen);
}

void TEE_AEUpdateAAD(TEE_OperationHandle operation, const void *AADdata,
		     size_t AADdataLen)
{
	check_op(operation);
	check_in(AADdata, AADdataLen);
	MUST(CRYP(UTEE_SYS_CRYP_AE_UPDATE_AAD, op_h(operation), AADdata,
		  AADdataLen, 0, 0, 0));
}

void __GP11_TEE_AEUpdateAAD(TEE_OperationHandle operation, const void *AADdata,
			    uint32_t AADdataLen)
{
	TEE_AEUpdateAAD(operation, AADdata, AADdataLen);
}

TEE_Result TEE_AEUpdate(TEE_OperationHandle operation, const void *srcData,
			size_t srcLen, void *destData, size_t *destLen)
{
	uint64_t dl;
	TEE_Result res;

	check_op(operation);
	check_in(srcData, srcLen);
	if (!destLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	dl = *destLen;
	res = ALLOW(CRYP(UTEE_SYS_CRYP_AE_UPDATE, op_h(operation), srcData,
			 srcLen, destData, &dl, 0),
		    TEE_ERROR_SHORT_BUFFER);
	*destLen = (size_t)dl;
	return res;
}

TEE_Result __GP11_TEE_AEUpdate(TEE_OperationHandle operation,
			       const void *srcData, uint32_t srcLen,
			       void *destData, uint32_t *destLen)
{
	size_t dl;
	TEE_Result res;

	if (!destLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	dl = *destLen;
	res = TEE_AEUpdate(operation, srcData, srcLen, destData, &dl);
	*destLen = (uint32_t)dl;
	return res;
}

static TEE_Result final(unsigned long nr, TEE_OperationHandle operation,
			const void *src, size_t src_len, void *dst,
			size_t *dst_len, void *tag, size_t *tag_len)
{
	struct utee_ae_final f = {
		.src = (uintptr_t)src,
		.src_len = src_len,
		.dst = (uintptr_t)dst,
		.dst_len = *dst_len,
		.tag = (uintptr_t)tag,
		.tag_len = *tag_len,
	};
	TEE_Result res;

	check_op(operation);
	check_in(src, src_len);
	res = CRYP(nr, op_h(operation), &f, 0, 0, 0, 0);
	if (nr == UTEE_SYS_CRYP_AE_DEC_FINAL)
		ALLOW(res, TEE_ERROR_SHORT_BUFFER, TEE_ERROR_MAC_INVALID);
	else
		ALLOW(res, TEE_ERROR_SHORT_BUFFER);
	if (!res || res == TEE_ERROR_SHORT_BUFFER) {
		*dst_len = (size_t)f.dst_len;
		*tag_len = (size_t)f.tag_len;
	}
	return res;
}

TEE_Result TEE_AEEncryptFinal(TEE_OperationHandle operation,
			      const void *srcData, size_t srcLen,
			      void *destData, size_t *destLen, void *tag,
			      size_t *tagLen)
{
	if (!destLen || !tagLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return final(UTEE_SYS_CRYP_AE_ENC_FINAL, operation, srcData, srcLen,
		     destData, destLen, tag, tagLen);
}

TEE_Result __GP11_TEE_AEEncryptFinal(TEE_OperationHandle operation,
				     const void *srcData, uint32_t srcLen,
				     void *destData, uint32_t *destLen,
				     void *tag, uint32_t *tagLen)
{
	size_t dl, tl;
	TEE_Result res;

	if (!destLen || !tagLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	dl = *destLen;
	tl = *tagLen;
	res = TEE_AEEncryptFinal(operation, srcData, srcLen, destData, &dl, tag,
				 &tl);
	*destLen = (uint32_t)dl;
	*tagLen = (uint32_t)tl;
	return res;
}

TEE_Result TEE_AEDecryptFinal(TEE_OperationHandle operation,
			      const void *srcData, size_t srcLen,
			      void *destData, size_t *destLen, void *tag,
			      size_t tagLen)
{
	if (!destLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	check_in(tag, tagLen);
	return final(UTEE_SYS_CRYP_AE_DEC_FINAL, operation, srcData, srcLen,
		     destData, destLen, tag, &tagLen);
}

TEE_Result __GP11_TEE_AEDecryptFinal(TEE_OperationHandle operation,
				     const void *srcData, uint32_t srcLen,
				     void *destData, uint32_t *destLen,
				     void *tag, uint32_t tagLen)
{
	size_t dl;
	TEE_Result res;

	if (!destLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	dl = *destLen;
	res = TEE_AEDecryptFinal(operation, srcData, srcLen, destData, &dl, tag,
				 tagLen);
	*destLen = (uint32_t)dl;
	return res;
}
