/* What crypt_ta's asymmetric test files share (asym.c, asym_misuse.c). */
#ifndef ASYM_PRIV_H
#define ASYM_PRIV_H

#include "asym_kat.h"
#include "crypt_priv.h"

TEE_Result crypt_asym(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS]);
TEE_Result crypt_asym_bench(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS]);
TEE_Result crypt_asym_export(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS]);
TEE_Result crypt_asym_op(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS]);
/* A populated key of the type's largest size; NULL on failure. */
TEE_ObjectHandle asym_key(uint32_t type, const struct akat_attr *at,
			  uint32_t n);
/* An operation of the key's size with the key set; NULL on failure. */
TEE_OperationHandle asym_op(uint32_t algo, uint32_t mode, TEE_ObjectHandle k);
void asym_keygen(bool rsa2048, struct ck *ck);
void asym_misuse(struct ck *ck);
/* asym_kdf_misuse.c: Concat KDF, TEE_ALG_HKDF and OAEP MGF1 refusals. */
void asym_kdf_misuse(struct ck *ck);
/* CRYPT_M_ASYM_*_PANIC; returns only if the API did not panic. */
void asym_panic(uint32_t scenario);

#endif
