/*
 * CRYPT_CMD_GP11: the GP 1.1 prototypes (uint32_t lengths, as hotp and
 * other optee_examples TAs use them). This translation unit is compiled
 * with __OPTEE_CORE_API_COMPAT_1_1=1 (sub.mk), so the plain names below
 * are the __GP11_ variants; -Werror-free compilation with uint32_t
 * pointers is part of the test.
 */
#include <crypt_ta.h>
#include <string.h>

#include "crypt_priv.h"

_Static_assert(sizeof(((TEE_Attribute *)0)->content.ref.length) == 4,
	       "GP 1.1 attributes have uint32_t lengths");

TEE_Result crypt_gp11(uint32_t pt, __GP13_TEE_Param p[TEE_NUM_PARAMS])
{
	static const uint8_t zero[32];
	TEE_ObjectHandle hk, ak;
	TEE_OperationHandle mac, enc;
	TEE_Attribute attr;
	TEE_ObjectInfo info;
	uint8_t *out = p[1].memref.buffer;
	uint32_t len, cap;

	if (pt != P(MEMREF_INPUT, MEMREF_OUTPUT, NONE, NONE) ||
	    p[0].memref.size != 16 || p[1].memref.size < 52)
		return TEE_ERROR_BAD_PARAMETERS;
	cap = p[1].memref.size;
	if (TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA1, 128, &hk) ||
	    TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &ak) ||
	    TEE_AllocateOperation(&mac, TEE_ALG_HMAC_SHA1, TEE_MODE_MAC, 128) ||
	    TEE_AllocateOperation(&enc, TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT,
				  128))
		return TEE_ERROR_OUT_OF_MEMORY;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, p[0].memref.buffer,
			     p[0].memref.size);
	if (TEE_PopulateTransientObject(hk, &attr, 1) ||
	    TEE_PopulateTransientObject(ak, &attr, 1) ||
	    TEE_SetOperationKey(mac, hk) || TEE_SetOperationKey(enc, ak))
		return TEE_ERROR_GENERIC;
	TEE_GetObjectInfo1(hk, &info);
	if (info.keySize != 128 || info.maxKeySize != 128 || info.dataSize)
		return TEE_ERROR_GENERIC;
	TEE_MACInit(mac, NULL, 0);
	TEE_MACUpdate(mac, "Sample", 6);
	len = cap;
	if (TEE_MACComputeFinal(mac, " #1", 3, out, &len) || len != 20)
		return TEE_ERROR_GENERIC;
	TEE_CipherInit(enc, zero, 16);
	len = cap - 20;
	if (TEE_CipherUpdate(enc, zero, 20, out + 20, &len) || len != 16)
		return TEE_ERROR_GENERIC;
	cap = p[1].memref.size - 36;
	if (TEE_CipherDoFinal(enc, zero, 12, out + 36, &cap) || cap != 16)
		return TEE_ERROR_GENERIC;
	p[1].memref.size = 52;
	TEE_FreeOperation(mac);
	TEE_FreeOperation(enc);
	TEE_FreeTransientObject(hk);
	TEE_FreeTransientObject(ak);
	return TEE_SUCCESS;
}
