/*
 * ASYM_G_KDF_MISUSE: what the core refuses in OP-TEE's Concat KDF, GP
 * 1.3.1's TEE_ALG_HKDF and the OAEP MGF1 hash parameter. TEE_DeriveKey
 * returns void and panics on any error, so derivations and the wrong-key
 * refusal go through the system call, where the code can be seen; the
 * OAEP codes come back through TEE_AsymmetricEncrypt/Decrypt as in
 * OP-TEE.
 */
#include <crypt_ta.h>
#include <rampart/abi/utee_cryp.h>
#include <string.h>

#include "asym_priv.h"

#define CALL(nr, a, b, c, d)                                                   \
	((TEE_Result)_utee_cryp_call((nr), (unsigned long)(uintptr_t)(a),      \
				     (unsigned long)(uintptr_t)(b),            \
				     (unsigned long)(c),                       \
				     (unsigned long)(uintptr_t)(d), 0, 0))

static const uint8_t z[32] = {0x5a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
static uint8_t buf[600];

static struct utee_attribute val(uint32_t id, uint32_t a)
{
	return (struct utee_attribute){.a = a, .attribute_id = id};
}

static struct utee_attribute ref(uint32_t id, const void *p, size_t len)
{
	return (struct utee_attribute){
		.a = (uintptr_t)p, .b = len, .attribute_id = id};
}

/* The derivation's code, into a fresh generic secret of @bits. */
static TEE_Result derive(TEE_OperationHandle op,
			 const struct utee_attribute *ua, size_t n,
			 uint32_t bits)
{
	TEE_ObjectHandle s;
	TEE_Result res =
		TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, bits, &s);

	if (res)
		return res;
	res = CALL(UTEE_SYS_CRYP_DERIVE_KEY, op, ua, n, s);
	TEE_FreeTransientObject(s);
	return res;
}

static TEE_ObjectHandle key(uint32_t type, uint32_t id)
{
	TEE_ObjectHandle o = TEE_HANDLE_NULL;
	TEE_Attribute a;

	TEE_InitRefAttribute(&a, id, z, sizeof(z));
	if (TEE_AllocateTransientObject(type, 8 * sizeof(z), &o))
		return TEE_HANDLE_NULL;
	if (TEE_PopulateTransientObject(o, &a, 1)) {
		TEE_FreeTransientObject(o);
		return TEE_HANDLE_NULL;
	}
	return o;
}

static void concat_kdf(struct ck *ck)
{
	TEE_ObjectHandle k = key(TEE_TYPE_CONCAT_KDF_Z, TEE_ATTR_CONCAT_KDF_Z);
	TEE_OperationHandle op = asym_op(TEE_ALG_CONCAT_KDF_SHA256_DERIVE_KEY,
					 TEE_MODE_DERIVE, k);
	struct utee_attribute ua[2] = {val(TEE_ATTR_CONCAT_KDF_DKM_LENGTH, 0),
				       ref(TEE_ATTR_HKDF_SALT, z, 4)};

	CHECK(k && op, 0);
	/* OP-TEE: the DKM length is mandatory; BAD_PARAMETERS without. */
	CHECK_RES(derive(op, NULL, 0, 256), TEE_ERROR_BAD_PARAMETERS);
	CHECK_RES(derive(op, ua, 1, 256), TEE_ERROR_BAD_PARAMETERS);
	ua[0].a = 33; /* more than the 256-bit output object */
	CHECK_RES(derive(op, ua, 1, 256), TEE_ERROR_BAD_PARAMETERS);
	ua[0].a = 32;
	CHECK_RES(derive(op, ua, 1, 256), TEE_SUCCESS);
	/* A parameter of another algorithm. */
	CHECK_RES(derive(op, ua, 2, 256), TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t h = 0x2000; h <= 0x6000; h += 0x1000)
		CHECK_RES(
			TEE_IsAlgorithmSupported(
				TEE_ALG_CONCAT_KDF_SHA1_DERIVE_KEY - 0x2000 + h,
				TEE_OPTIONAL_ELEMENT_NONE),
			TEE_SUCCESS);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

static void hkdf_gp(struct ck *ck)
{
	TEE_ObjectHandle k = key(TEE_TYPE_HKDF, TEE_ATTR_SECRET_VALUE);
	TEE_ObjectHandle ikm = key(TEE_TYPE_HKDF_IKM, TEE_ATTR_HKDF_IKM);
	TEE_ObjectHandle gs =
		key(TEE_TYPE_GENERIC_SECRET, TEE_ATTR_SECRET_VALUE);
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	struct utee_attribute ua[2] = {
		val(TEE_ATTR_KDF_KEY_SIZE, 0),
		val(TEE_ATTR_HKDF_HASH_ALGORITHM, TEE_ALG_AES_ECB_NOPAD)};

	CHECK(k && ikm && gs, 0);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_HKDF,
					   TEE_OPTIONAL_ELEMENT_NONE),
		  TEE_SUCCESS);
	CHECK_RES(
		TEE_AllocateOperation(&op, TEE_ALG_HKDF, TEE_MODE_ENCRYPT, 256),
		TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(
		TEE_AllocateOperation(&op, TEE_ALG_HKDF, TEE_MODE_DERIVE, 256),
		TEE_SUCCESS);
	/* A key of another type: BAD_FORMAT, which libutee makes a panic. */
	CHECK_RES(CALL(UTEE_SYS_CRYP_OP_SET_KEY, op, ikm, 0, 0),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(CALL(UTEE_SYS_CRYP_OP_SET_KEY, op, gs, 0, 0),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(TEE_SetOperationKey(op, k), TEE_SUCCESS);
	/* The key size is mandatory, not 0; the hash must be one. */
	CHECK_RES(derive(op, NULL, 0, 512), TEE_ERROR_BAD_PARAMETERS);
	CHECK_RES(derive(op, ua, 1, 512), TEE_ERROR_BAD_PARAMETERS);
	ua[0].a = 65; /* more than the 512-bit output object */
	CHECK_RES(derive(op, ua, 1, 512), TEE_ERROR_BAD_PARAMETERS);
	ua[0].a = 64;
	CHECK_RES(derive(op, ua, 2, 512), TEE_ERROR_BAD_PARAMETERS);
	ua[1].a = TEE_ALG_SHA512;
	CHECK_RES(derive(op, ua, 2, 512), TEE_SUCCESS);
	/* The type's sizes: 8..4096 bits. */
	TEE_FreeTransientObject(gs);
	CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_HKDF, 4104, &gs),
		  TEE_ERROR_NOT_SUPPORTED);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
	TEE_FreeTransientObject(ikm);
}

static const struct akat *first_oaep_mgf(void)
{
	for (size_t i = 0; i < akat_count; i++)
		if (akat_vectors[i].group == ASYM_G_RSA_OAEP_MGF)
			return &akat_vectors[i];
	return NULL;
}

static void oaep_mgf(struct ck *ck)
{
	const struct akat *v = first_oaep_mgf();
	TEE_OperationHandle e, d, v15;
	uint32_t mgf = 0x50000007; /* SM3: not implemented */
	TEE_ObjectHandle k;
	TEE_Attribute a;
	size_t len = sizeof(buf);

	CHECK(v, 0);
	k = asym_key(v->key_type, v->attr, v->nattrs);
	CHECK(k, 0);
	e = asym_op(v->algo, TEE_MODE_ENCRYPT, k);
	d = asym_op(v->algo, TEE_MODE_DECRYPT, k);
	v15 = asym_op(TEE_ALG_RSAES_PKCS1_V1_5, TEE_MODE_ENCRYPT, k);
	CHECK(e && d && v15, 0);
	TEE_InitRefAttribute(&a, TEE_ATTR_RSA_OAEP_MGF_HASH, &mgf, 4);
	/* OP-TEE answers an unknown hash NOT_SUPPORTED (no panic). */
	CHECK_RES(TEE_AsymmetricEncrypt(e, &a, 1, z, 8, buf, &len),
		  TEE_ERROR_NOT_SUPPORTED);
	mgf = TEE_ALG_AES_CBC_NOPAD;
	CHECK_RES(TEE_AsymmetricDecrypt(d, &a, 1, v->in, v->in_len, buf, &len),
		  TEE_ERROR_NOT_SUPPORTED);
	/* Not a 4-byte value. */
	mgf = TEE_ALG_SHA256;
	a.content.ref.length = 2;
	CHECK_RES(TEE_AsymmetricEncrypt(e, &a, 1, z, 8, buf, &len),
		  TEE_ERROR_BAD_PARAMETERS);
	/* Only OAEP has an MGF1. */
	a.content.ref.length = 4;
	CHECK_RES(TEE_AsymmetricEncrypt(v15, &a, 1, z, 8, buf, &len),
		  TEE_ERROR_BAD_PARAMETERS);
	/* The vector under another MGF1 hash than its own: no message. */
	mgf = v->mgf == TEE_ALG_SHA1 ? TEE_ALG_SHA224 : TEE_ALG_SHA1;
	len = sizeof(buf);
	CHECK_RES(TEE_AsymmetricDecrypt(d, &a, 1, v->in, v->in_len, buf, &len),
		  TEE_ERROR_BAD_PARAMETERS);
	/* Without the attribute, the algorithm's own hash: no message. */
	CHECK_RES(
		TEE_AsymmetricDecrypt(d, NULL, 0, v->in, v->in_len, buf, &len),
		TEE_ERROR_BAD_PARAMETERS);
	/* Its own: the message, and a short buffer learns its size. */
	mgf = v->mgf;
	len = 1;
	CHECK_RES(TEE_AsymmetricDecrypt(d, &a, 1, v->in, v->in_len, buf, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == v->out_len, len);
	TEE_FreeOperation(e);
	TEE_FreeOperation(d);
	TEE_FreeOperation(v15);
	TEE_FreeTransientObject(k);
}

void asym_kdf_misuse(struct ck *ck)
{
	concat_kdf(ck);
	if (!ck->line)
		hkdf_gp(ck);
	if (!ck->line)
		oaep_mgf(ck);
}
