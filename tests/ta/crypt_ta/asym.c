/*
 * CRYPT_CMD_ASYM: the asymmetric known answers (asym_kat_data.c) of one
 * group, and the scenarios that need no vector (key generation, misuse:
 * asym_misuse.c).
 */
#include <crypt_ta.h>
#include <string.h>

#include "asym_kat.h"
#include "asym_priv.h"

/* The largest key size a type may have. */
static uint32_t max_bits(uint32_t type)
{
	switch (type) {
	case TEE_TYPE_RSA_KEYPAIR:
	case TEE_TYPE_RSA_PUBLIC_KEY:
		return 4096;
	case TEE_TYPE_X25519_KEYPAIR:
		return 256;
	case TEE_TYPE_DH_KEYPAIR:
		return 2048;
	case TEE_TYPE_HKDF_IKM:
	case TEE_TYPE_PBKDF2_PASSWORD:
	case TEE_TYPE_CONCAT_KDF_Z:
	case TEE_TYPE_HKDF:
		return 4096;
	}
	return 521;
}

TEE_ObjectHandle asym_key(uint32_t type, const struct akat_attr *at, uint32_t n)
{
	uint32_t bits = max_bits(type);
	TEE_Attribute a[8];
	TEE_ObjectHandle o = TEE_HANDLE_NULL;

	for (uint32_t i = 0; i < n && i < 8; i++) {
		if (at[i].id & TEE_ATTR_FLAG_VALUE)
			TEE_InitValueAttribute(&a[i], at[i].id, at[i].value, 0);
		else
			TEE_InitRefAttribute(&a[i], at[i].id, at[i].buf,
					     at[i].len);
	}
	if (TEE_AllocateTransientObject(type, bits, &o))
		return TEE_HANDLE_NULL;
	if (TEE_PopulateTransientObject(o, a, n)) {
		TEE_FreeTransientObject(o);
		return TEE_HANDLE_NULL;
	}
	return o;
}

TEE_OperationHandle asym_op(uint32_t algo, uint32_t mode, TEE_ObjectHandle k)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;

	if (TEE_GetObjectInfo1(k, &info))
		return TEE_HANDLE_NULL;
	if (TEE_AllocateOperation(&op, algo, mode, info.objectSize))
		return TEE_HANDLE_NULL;
	if (TEE_SetOperationKey(op, k)) {
		TEE_FreeOperation(op);
		return TEE_HANDLE_NULL;
	}
	return op;
}

static uint8_t sig[512], buf[512];

static size_t params_of(const struct akat *v, TEE_Attribute *p)
{
	size_t n = 0;

	if (v->salt)
		TEE_InitValueAttribute(&p[n++], TEE_ATTR_RSA_PSS_SALT_LENGTH,
				       v->salt, 0);
	if (v->label_len)
		TEE_InitRefAttribute(&p[n++], TEE_ATTR_RSA_OAEP_LABEL,
				     (void *)v->label, v->label_len);
	/* GP 1.3.1: a buffer holding the TEE_ALG_SHA* value. */
	if (v->mgf)
		TEE_InitRefAttribute(&p[n++], TEE_ATTR_RSA_OAEP_MGF_HASH,
				     (void *)&v->mgf, sizeof(v->mgf));
	return n;
}

static void sign_exact(const struct akat *v, TEE_ObjectHandle k, struct ck *ck)
{
	TEE_OperationHandle s = asym_op(v->algo, TEE_MODE_SIGN, k);
	TEE_OperationHandle ver = asym_op(v->algo, TEE_MODE_VERIFY, k);
	size_t len = sizeof(sig);

	CHECK(s && ver, 0);
	CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, v->in, v->in_len, sig,
					   &len),
		  TEE_SUCCESS);
	CHECK(len == v->out_len, len);
	CHECK(!memcmp(sig, v->out, len), 0);
	CHECK_RES(TEE_AsymmetricVerifyDigest(ver, NULL, 0, v->in, v->in_len,
					     v->out, v->out_len),
		  TEE_SUCCESS);
	sig[len / 2] ^= 0x10;
	CHECK_RES(TEE_AsymmetricVerifyDigest(ver, NULL, 0, v->in, v->in_len,
					     sig, len),
		  TEE_ERROR_SIGNATURE_INVALID);
	TEE_FreeOperation(s);
	TEE_FreeOperation(ver);
}

static void verify(const struct akat *v, TEE_ObjectHandle k, struct ck *ck)
{
	TEE_OperationHandle ver = asym_op(v->algo, TEE_MODE_VERIFY, k), s;
	TEE_Attribute p[3];
	size_t np = params_of(v, p), len = sizeof(sig);

	CHECK(ver, 0);
	CHECK_RES(TEE_AsymmetricVerifyDigest(ver, p, np, v->in, v->in_len,
					     v->out, v->out_len),
		  TEE_SUCCESS);
	memcpy(sig, v->out, v->out_len);
	sig[v->out_len - 1] ^= 0x01;
	CHECK_RES(TEE_AsymmetricVerifyDigest(ver, p, np, v->in, v->in_len, sig,
					     v->out_len),
		  TEE_ERROR_SIGNATURE_INVALID);
	memcpy(buf, v->in, v->in_len);
	buf[0] ^= 0x80;
	CHECK_RES(TEE_AsymmetricVerifyDigest(ver, p, np, buf, v->in_len, v->out,
					     v->out_len),
		  TEE_ERROR_SIGNATURE_INVALID);
	if (v->key_type != TEE_TYPE_RSA_PUBLIC_KEY) {
		/* Randomized schemes: our signature must verify too. */
		s = asym_op(v->algo, TEE_MODE_SIGN, k);
		CHECK(s, 0);
		CHECK_RES(TEE_AsymmetricSignDigest(s, p, np, v->in, v->in_len,
						   sig, &len),
			  TEE_SUCCESS);
		CHECK(len == v->out_len, len);
		CHECK_RES(TEE_AsymmetricVerifyDigest(ver, p, np, v->in,
						     v->in_len, sig, len),
			  TEE_SUCCESS);
		TEE_FreeOperation(s);
	}
	TEE_FreeOperation(ver);
}

static void decrypt(const struct akat *v, TEE_ObjectHandle k, struct ck *ck)
{
	TEE_OperationHandle d = asym_op(v->algo, TEE_MODE_DECRYPT, k);
	TEE_OperationHandle e = asym_op(v->algo, TEE_MODE_ENCRYPT, k);
	TEE_Attribute p[3];
	size_t np = params_of(v, p), len = sizeof(buf), clen = sizeof(sig);

	CHECK(d && e, 0);
	CHECK_RES(TEE_AsymmetricDecrypt(d, p, np, v->in, v->in_len, buf, &len),
		  TEE_SUCCESS);
	CHECK(len == v->out_len, len);
	CHECK(!memcmp(buf, v->out, len), 0);
	CHECK_RES(
		TEE_AsymmetricEncrypt(e, p, np, v->out, v->out_len, sig, &clen),
		TEE_SUCCESS);
	CHECK(clen == v->in_len, clen);
	CHECK(memcmp(sig, v->in, clen), 0); /* randomized padding */
	len = sizeof(buf);
	CHECK_RES(TEE_AsymmetricDecrypt(d, p, np, sig, clen, buf, &len),
		  TEE_SUCCESS);
	CHECK(len == v->out_len && !memcmp(buf, v->out, len), len);
	TEE_FreeOperation(d);
	TEE_FreeOperation(e);
}

static void nopad(const struct akat *v, TEE_ObjectHandle k, struct ck *ck)
{
	TEE_OperationHandle d = asym_op(v->algo, TEE_MODE_DECRYPT, k);
	TEE_OperationHandle e = asym_op(v->algo, TEE_MODE_ENCRYPT, k);
	size_t len = sizeof(buf);

	CHECK(d && e, 0);
	CHECK_RES(
		TEE_AsymmetricEncrypt(e, NULL, 0, v->in, v->in_len, buf, &len),
		TEE_SUCCESS);
	CHECK(len == v->out_len && !memcmp(buf, v->out, len), len);
	len = sizeof(buf);
	CHECK_RES(TEE_AsymmetricDecrypt(d, NULL, 0, v->out, v->out_len, buf,
					&len),
		  TEE_SUCCESS);
	CHECK(len == v->in_len && !memcmp(buf, v->in, len), len);
	TEE_FreeOperation(d);
	TEE_FreeOperation(e);
}

static void derive(const struct akat *v, TEE_ObjectHandle k, struct ck *ck)
{
	TEE_OperationHandle op = asym_op(v->algo, TEE_MODE_DERIVE, k);
	TEE_ObjectHandle s = TEE_HANDLE_NULL;
	TEE_Attribute p[4];
	size_t len = sizeof(buf);

	CHECK(op, 0);
	for (uint32_t i = 0; i < v->npeer && i < 4; i++) {
		if (v->peer[i].id & TEE_ATTR_FLAG_VALUE)
			TEE_InitValueAttribute(&p[i], v->peer[i].id,
					       v->peer[i].value, 0);
		else
			TEE_InitRefAttribute(&p[i], v->peer[i].id,
					     v->peer[i].buf, v->peer[i].len);
	}
	CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET,
					      v->out_len * 8, &s),
		  TEE_SUCCESS);
	TEE_DeriveKey(op, p, v->npeer, s);
	CHECK_RES(TEE_GetObjectBufferAttribute(s, TEE_ATTR_SECRET_VALUE, buf,
					       &len),
		  TEE_SUCCESS);
	CHECK(len == v->out_len && !memcmp(buf, v->out, len), len);
	TEE_FreeTransientObject(s);
	TEE_FreeOperation(op);
}

static void run_vector(const struct akat *v, struct ck *ck)
{
	TEE_ObjectHandle k = asym_key(v->key_type, v->attr, v->nattrs);

	CHECK(k, 0);
	switch (v->kind) {
	case AK_SIGN_EXACT:
		sign_exact(v, k, ck);
		break;
	case AK_VERIFY:
		verify(v, k, ck);
		break;
	case AK_DECRYPT:
		decrypt(v, k, ck);
		break;
	case AK_NOPAD:
		nopad(v, k, ck);
		break;
	case AK_DERIVE:
		derive(v, k, ck);
		break;
	}
	TEE_FreeTransientObject(k);
}

TEE_Result crypt_asym(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	struct ck ck = {0};
	uint32_t group, ran = 0, failed = 0;

	if (pt != P(VALUE_INPUT, VALUE_OUTPUT, VALUE_OUTPUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	group = p[0].value.a;
	if (group == ASYM_G_KEYGEN || group == ASYM_G_KEYGEN_2048)
		asym_keygen(group == ASYM_G_KEYGEN_2048, &ck);
	else if (group == ASYM_G_MISUSE)
		asym_misuse(&ck);
	else if (group == ASYM_G_KDF_MISUSE)
		asym_kdf_misuse(&ck);
	for (size_t i = 0; i < akat_count && !ck.line; i++) {
		if (akat_vectors[i].group != group)
			continue;
		failed = i;
		run_vector(&akat_vectors[i], &ck);
		ran++;
	}
	p[1].value.a = ck.line ? ck.line : ck.done;
	p[1].value.b = ck.value;
	p[2].value.a = failed;
	p[2].value.b = ran;
	return ck.line ? TEE_ERROR_GENERIC : TEE_SUCCESS;
}
