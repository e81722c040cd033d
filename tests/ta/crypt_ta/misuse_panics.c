/*
 * Misuse GP calls a "Panic Reason": each scenario sets up what it needs
 * correctly and then makes one wrong call, which must end the instance.
 * Returning from here means the API did not panic.
 */
#include <crypt_ta.h>
#include <string.h>

#include "asym_priv.h"
#include "crypt_priv.h"
#include "kat_data.h"

static void aes_op_with(TEE_OperationHandle *op, TEE_ObjectHandle *k,
			uint32_t algo)
{
	*k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
	*op = crypt_op(algo, TEE_MODE_ENCRYPT, 128, *k);
}

void crypt_misuse_panic(uint32_t scenario)
{
	uint8_t buf[64];
	size_t len = sizeof(buf);
	TEE_ObjectHandle k, o;
	TEE_OperationHandle op;
	TEE_Attribute a;

	switch (scenario) {
	case CRYPT_M_NOT_EXTRACTABLE_PANIC:
		k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
		TEE_RestrictObjectUsage(k, TEE_USAGE_ENCRYPT);
		TEE_GetObjectBufferAttribute(k, TEE_ATTR_SECRET_VALUE, buf,
					     &len);
		break;
	case CRYPT_M_WRONG_KEY_TYPE_PANIC:
		k = crypt_key(TEE_TYPE_DES, kat_aes128_key, 8);
		op = crypt_op(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128, 0);
		TEE_SetOperationKey(op, k);
		break;
	case CRYPT_M_KEY_TOO_BIG_PANIC:
		k = crypt_key(TEE_TYPE_AES, kat_sp800_38a_pt, 32);
		op = crypt_op(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128, 0);
		TEE_SetOperationKey(op, k);
		break;
	case CRYPT_M_KEY_USAGE_PANIC:
		k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
		TEE_RestrictObjectUsage(k, TEE_USAGE_DECRYPT);
		op = crypt_op(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128, 0);
		TEE_SetOperationKey(op, k);
		break;
	case CRYPT_M_UPDATE_BEFORE_INIT_PANIC:
		aes_op_with(&op, &k, TEE_ALG_AES_ECB_NOPAD);
		TEE_CipherUpdate(op, kat_sp800_38a_pt, 16, buf, &len);
		break;
	case CRYPT_M_FINAL_TWICE_PANIC:
		aes_op_with(&op, &k, TEE_ALG_AES_ECB_NOPAD);
		TEE_CipherInit(op, NULL, 0);
		TEE_CipherDoFinal(op, kat_sp800_38a_pt, 16, buf, &len);
		len = sizeof(buf);
		TEE_CipherDoFinal(op, kat_sp800_38a_pt, 16, buf, &len);
		break;
	case CRYPT_M_MAC_UPDATE_BEFORE_INIT_PANIC:
		aes_op_with(&op, &k, TEE_ALG_AES_CMAC);
		TEE_MACUpdate(op, buf, 16);
		break;
	case CRYPT_M_DIGEST_AFTER_EXTRACT_PANIC:
		op = crypt_op(TEE_ALG_SHA1, TEE_MODE_DIGEST, 0, 0);
		len = 4;
		TEE_DigestExtract(op, buf, &len);
		TEE_DigestUpdate(op, "x", 1);
		break;
	case CRYPT_M_AAD_AFTER_PAYLOAD_PANIC:
		aes_op_with(&op, &k, TEE_ALG_AES_GCM);
		TEE_AEInit(op, kat_cbc_iv, 12, 128, 0, 0);
		TEE_AEUpdate(op, kat_sp800_38a_pt, 16, buf, &len);
		TEE_AEUpdateAAD(op, "late", 4);
		break;
	case CRYPT_M_NOPAD_PARTIAL_PANIC:
		aes_op_with(&op, &k, TEE_ALG_AES_ECB_NOPAD);
		TEE_CipherInit(op, NULL, 0);
		TEE_CipherDoFinal(op, kat_sp800_38a_pt, 15, buf, &len);
		break;
	case CRYPT_M_BAD_HANDLE_PANIC:
		TEE_CipherInit((TEE_OperationHandle)(uintptr_t)0x12345678, NULL,
			       0);
		break;
	case CRYPT_M_STALE_HANDLE_PANIC:
		op = crypt_op(TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, 0);
		TEE_FreeOperation(op);
		TEE_DigestUpdate(op, "x", 1);
		break;
	case CRYPT_M_OBJ_AS_OP_PANIC:
		k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
		TEE_DigestUpdate((TEE_OperationHandle)(void *)k, "x", 1);
		break;
	case CRYPT_M_MISSING_ATTR_PANIC:
		if (TEE_AllocateTransientObject(TEE_TYPE_RSA_PUBLIC_KEY, 512,
						&o))
			return;
		TEE_InitRefAttribute(&a, TEE_ATTR_RSA_MODULUS, buf, 64);
		TEE_PopulateTransientObject(o, &a, 1);
		break;
	case CRYPT_M_POPULATE_TWICE_PANIC:
		k = crypt_key(TEE_TYPE_AES, kat_aes128_key, 16);
		TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, buf, 16);
		TEE_PopulateTransientObject(k, &a, 1);
		break;
	case CRYPT_M_RESET_NO_KEY_PANIC:
		op = crypt_op(TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128, 0);
		TEE_ResetOperation(op);
		break;
	case CRYPT_M_GENERATE_SIZE_PANIC:
		if (TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &o))
			return;
		TEE_GenerateKey(o, 100, NULL, 0);
		break;
	case CRYPT_M_WRONG_CLASS_PANIC:
		op = crypt_op(TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, 0);
		TEE_CipherInit(op, NULL, 0);
		break;
	case CRYPT_M_ASYM_PUBLIC_SIGN_PANIC:
	case CRYPT_M_ASYM_WRONG_KEY_TYPE_PANIC:
	case CRYPT_M_ASYM_WRONG_MODE_PANIC:
		asym_panic(scenario);
		break;
	}
}
