/*
 * Asymmetric scenarios without vectors: generated keys (RSA with the
 * default and a given exponent, every curve, X25519) used both ways,
 * misuse that GP answers with a return code, and the panics.
 */
#include <crypt_ta.h>
#include <string.h>

#include "asym_priv.h"

static uint8_t b1[600], b2[600];

/* The first vector of @group: a fixed key for the misuse checks. */
static const struct akat *first(uint32_t group, uint32_t key_type)
{
	for (size_t i = 0; i < akat_count; i++)
		if (akat_vectors[i].group == group &&
		    akat_vectors[i].key_type == key_type)
			return &akat_vectors[i];
	return NULL;
}

static TEE_ObjectHandle vec_key(const struct akat *v)
{
	return asym_key(v->key_type, v->attr, v->nattrs);
}

/* Sign a digest and verify it; flip a bit: invalid. */
static void sign_verify(TEE_ObjectHandle k, uint32_t algo, size_t dlen,
			struct ck *ck)
{
	TEE_OperationHandle s = asym_op(algo, TEE_MODE_SIGN, k);
	TEE_OperationHandle v = asym_op(algo, TEE_MODE_VERIFY, k);
	size_t len = sizeof(b2);

	CHECK(s && v, algo);
	memset(b1, 0x5a, dlen);
	CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, b1, dlen, b2, &len),
		  TEE_SUCCESS);
	CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, b1, dlen, b2, len),
		  TEE_SUCCESS);
	b2[3] ^= 1;
	CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, b1, dlen, b2, len),
		  TEE_ERROR_SIGNATURE_INVALID);
	TEE_FreeOperation(s);
	TEE_FreeOperation(v);
}

static void gen_rsa(uint32_t bits, uint32_t e, struct ck *ck)
{
	TEE_ObjectHandle k;
	TEE_Attribute a;
	uint8_t eb[4] = {0, 0, 0, (uint8_t)e};
	size_t len = sizeof(b1);

	CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, bits, &k),
		  TEE_SUCCESS);
	TEE_InitRefAttribute(&a, TEE_ATTR_RSA_PUBLIC_EXPONENT, eb, sizeof(eb));
	CHECK_RES(TEE_GenerateKey(k, bits, &a, e ? 1 : 0), TEE_SUCCESS);
	CHECK_RES(TEE_GetObjectBufferAttribute(k, TEE_ATTR_RSA_PUBLIC_EXPONENT,
					       b1, &len),
		  TEE_SUCCESS);
	if (e)
		CHECK(len == 1 && b1[0] == e, len);
	else
		CHECK(len == 3 && b1[0] == 1 && b1[1] == 0 && b1[2] == 1, len);
	len = sizeof(b1);
	CHECK_RES(
		TEE_GetObjectBufferAttribute(k, TEE_ATTR_RSA_MODULUS, b1, &len),
		TEE_SUCCESS);
	CHECK(len == bits / 8 && (b1[0] & 0x80), len);
	sign_verify(k, TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, 32, ck);
	if (ck->line)
		return;
	sign_verify(k, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA1, 20, ck);
	TEE_FreeTransientObject(k);
}

static TEE_ObjectHandle gen_ecc(uint32_t type, uint32_t curve, uint32_t bits)
{
	TEE_ObjectHandle k;
	TEE_Attribute a;

	if (TEE_AllocateTransientObject(type, bits, &k))
		return TEE_HANDLE_NULL;
	TEE_InitValueAttribute(&a, TEE_ATTR_ECC_CURVE, curve, 0);
	if (TEE_GenerateKey(k, bits, &a, 1)) {
		TEE_FreeTransientObject(k);
		return TEE_HANDLE_NULL;
	}
	return k;
}

/* Derives with @mine and the public part of @peer into b1/b2 at @out. */
static size_t derive(TEE_ObjectHandle mine, TEE_ObjectHandle peer,
		     uint32_t algo, uint8_t *out)
{
	TEE_OperationHandle op = asym_op(algo, TEE_MODE_DERIVE, mine);
	static uint8_t x[80], y[80];
	size_t xl = sizeof(x), yl = sizeof(y), len = 80;
	TEE_ObjectHandle s;
	TEE_Attribute p[2];
	uint32_t n = 1;

	if (!op)
		return 0;
	if (algo == TEE_ALG_X25519) {
		TEE_GetObjectBufferAttribute(peer, TEE_ATTR_X25519_PUBLIC_VALUE,
					     x, &xl);
		TEE_InitRefAttribute(&p[0], TEE_ATTR_X25519_PUBLIC_VALUE, x,
				     xl);
	} else {
		TEE_GetObjectBufferAttribute(peer, TEE_ATTR_ECC_PUBLIC_VALUE_X,
					     x, &xl);
		TEE_GetObjectBufferAttribute(peer, TEE_ATTR_ECC_PUBLIC_VALUE_Y,
					     y, &yl);
		TEE_InitRefAttribute(&p[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, x, xl);
		TEE_InitRefAttribute(&p[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, y, yl);
		n = 2;
	}
	if (TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, 528, &s))
		return 0;
	TEE_DeriveKey(op, p, n, s);
	if (TEE_GetObjectBufferAttribute(s, TEE_ATTR_SECRET_VALUE, out, &len))
		len = 0;
	TEE_FreeTransientObject(s);
	TEE_FreeOperation(op);
	return len;
}

static void gen_ecdh(uint32_t type, uint32_t algo, uint32_t curve,
		     uint32_t bits, struct ck *ck)
{
	TEE_ObjectHandle a, b;
	size_t la, lb;

	if (type == TEE_TYPE_X25519_KEYPAIR) {
		CHECK_RES(TEE_AllocateTransientObject(type, 256, &a),
			  TEE_SUCCESS);
		CHECK_RES(TEE_AllocateTransientObject(type, 256, &b),
			  TEE_SUCCESS);
		CHECK_RES(TEE_GenerateKey(a, 256, NULL, 0), TEE_SUCCESS);
		CHECK_RES(TEE_GenerateKey(b, 256, NULL, 0), TEE_SUCCESS);
	} else {
		a = gen_ecc(type, curve, bits);
		b = gen_ecc(type, curve, bits);
		CHECK(a && b, curve);
	}
	la = derive(a, b, algo, b1);
	lb = derive(b, a, algo, b2);
	CHECK(la && la == lb && la == (bits + 7) / 8, la);
	CHECK(!memcmp(b1, b2, la), 0);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
}

/* Two DH keys in a vector's group (private values of 160 bits): equal. */
static void gen_dh(struct ck *ck)
{
	const struct akat *v = first(ASYM_G_DH, TEE_TYPE_DH_KEYPAIR);
	TEE_ObjectHandle k[2];
	TEE_OperationHandle op;
	TEE_Attribute a[3];
	uint8_t y[2][128];
	size_t yl[2] = {sizeof(y[0]), sizeof(y[1])}, len = sizeof(b1);
	uint32_t bits = v->attr[0].len * 8;

	TEE_InitRefAttribute(&a[0], TEE_ATTR_DH_PRIME, v->attr[0].buf,
			     v->attr[0].len);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_DH_BASE, v->attr[1].buf,
			     v->attr[1].len);
	TEE_InitValueAttribute(&a[2], TEE_ATTR_DH_X_BITS, 160, 0);
	for (int i = 0; i < 2; i++) {
		CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_DH_KEYPAIR, bits,
						      &k[i]),
			  TEE_SUCCESS);
		CHECK_RES(TEE_GenerateKey(k[i], bits, a, 3), TEE_SUCCESS);
		CHECK_RES(TEE_GetObjectBufferAttribute(
				  k[i], TEE_ATTR_DH_PUBLIC_VALUE, y[i], &yl[i]),
			  TEE_SUCCESS);
	}
	len = sizeof(b1);
	CHECK_RES(TEE_GetObjectBufferAttribute(k[0], TEE_ATTR_DH_PRIVATE_VALUE,
					       b1, &len),
		  TEE_SUCCESS);
	CHECK(len == 20 && (b1[0] & 0x80), len); /* exactly 160 bits */
	for (int i = 0; i < 2; i++) {
		TEE_ObjectHandle s;

		op = asym_op(TEE_ALG_DH_DERIVE_SHARED_SECRET, TEE_MODE_DERIVE,
			     k[i]);
		CHECK(op, i);
		CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET,
						      bits, &s),
			  TEE_SUCCESS);
		TEE_InitRefAttribute(&a[0], TEE_ATTR_DH_PUBLIC_VALUE, y[1 - i],
				     yl[1 - i]);
		TEE_DeriveKey(op, a, 1, s);
		len = sizeof(b1);
		CHECK_RES(TEE_GetObjectBufferAttribute(s, TEE_ATTR_SECRET_VALUE,
						       i ? b2 : b1, &len),
			  TEE_SUCCESS);
		CHECK(len == bits / 8, len);
		TEE_FreeTransientObject(s);
		TEE_FreeOperation(op);
	}
	CHECK(!memcmp(b1, b2, bits / 8), 0);
	TEE_FreeTransientObject(k[0]);
	TEE_FreeTransientObject(k[1]);
}

void asym_keygen(bool rsa2048, struct ck *ck)
{
	static const uint32_t curves[][2] = {{TEE_ECC_CURVE_NIST_P192, 192},
					     {TEE_ECC_CURVE_NIST_P224, 224},
					     {TEE_ECC_CURVE_NIST_P256, 256},
					     {TEE_ECC_CURVE_NIST_P384, 384},
					     {TEE_ECC_CURVE_NIST_P521, 521}};
	TEE_ObjectHandle k;

	if (rsa2048) {
		gen_rsa(2048, 0, ck);
		return;
	}
	gen_rsa(512, 0, ck);
	if (!ck->line)
		gen_rsa(1024, 3, ck);
	for (size_t i = 0; i < 5 && !ck->line; i++) {
		k = gen_ecc(TEE_TYPE_ECDSA_KEYPAIR, curves[i][0], curves[i][1]);
		CHECK(k, curves[i][1]);
		sign_verify(k, TEE_ALG_ECDSA_SHA256, 32, ck);
		TEE_FreeTransientObject(k);
		if (!ck->line)
			gen_ecdh(TEE_TYPE_ECDH_KEYPAIR,
				 TEE_ALG_ECDH_DERIVE_SHARED_SECRET,
				 curves[i][0], curves[i][1], ck);
	}
	if (!ck->line)
		gen_ecdh(TEE_TYPE_X25519_KEYPAIR, TEE_ALG_X25519, 0, 256, ck);
	if (!ck->line)
		gen_dh(ck);
	if (ck->line)
		return;
	/* A curve that is not the key size: BAD_PARAMETERS. */
	CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_ECDSA_KEYPAIR, 256, &k),
		  TEE_SUCCESS);
	{
		TEE_Attribute a;

		TEE_InitValueAttribute(&a, TEE_ATTR_ECC_CURVE,
				       TEE_ECC_CURVE_NIST_P384, 0);
		CHECK_RES(TEE_GenerateKey(k, 256, &a, 1),
			  TEE_ERROR_BAD_PARAMETERS);
	}
	TEE_FreeTransientObject(k);
}

static void supported(struct ck *ck)
{
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_ECDSA_SHA256,
					   TEE_ECC_CURVE_NIST_P256),
		  TEE_SUCCESS);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_ECDH_DERIVE_SHARED_SECRET,
					   TEE_ECC_CURVE_NIST_P521),
		  TEE_SUCCESS);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512,
					   TEE_OPTIONAL_ELEMENT_NONE),
		  TEE_SUCCESS);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA384,
					   TEE_OPTIONAL_ELEMENT_NONE),
		  TEE_SUCCESS);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_X25519,
					   TEE_OPTIONAL_ELEMENT_NONE),
		  TEE_SUCCESS);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_RSA_NOPAD,
					   TEE_ECC_CURVE_NIST_P256),
		  TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_ECDSA_SHA256,
					   TEE_ECC_CURVE_25519),
		  TEE_ERROR_NOT_SUPPORTED);
	CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_ECDSA_SHA3_256,
					   TEE_OPTIONAL_ELEMENT_NONE),
		  TEE_ERROR_NOT_SUPPORTED);
}

/* A public point off the curve (populate takes it) verifies nothing. */
static void off_curve_verify(struct ck *ck)
{
	static const uint8_t one[32] = {[31] = 1};
	TEE_ObjectHandle pk = TEE_HANDLE_NULL;
	TEE_OperationHandle op;
	TEE_Attribute a[3];

	TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, one, 32);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, one, 32);
	TEE_InitValueAttribute(&a[2], TEE_ATTR_ECC_CURVE,
			       TEE_ECC_CURVE_NIST_P256, 0);
	CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_ECDSA_PUBLIC_KEY, 256,
					      &pk),
		  TEE_SUCCESS);
	CHECK_RES(TEE_PopulateTransientObject(pk, a, 3), TEE_SUCCESS);
	op = asym_op(TEE_ALG_ECDSA_SHA256, TEE_MODE_VERIFY, pk);
	CHECK_RES(TEE_AsymmetricVerifyDigest(op, NULL, 0, b1, 32, b2, 64),
		  TEE_ERROR_SIGNATURE_INVALID);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(pk);
}

void asym_misuse(struct ck *ck)
{
	const struct akat *v15 =
		first(ASYM_G_RSA_V15_SIG, TEE_TYPE_RSA_KEYPAIR);
	const struct akat *ec = first(ASYM_G_ECDSA, TEE_TYPE_ECDSA_KEYPAIR);
	TEE_ObjectHandle rk = vec_key(v15), ek = vec_key(ec);
	TEE_OperationHandle op;
	size_t len = 10, mod;
	TEE_Attribute a;

	CHECK(rk && ek, 0);
	mod = v15->out_len;
	/* Short buffers: the size needed comes back. */
	op = asym_op(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_SIGN, rk);
	CHECK_RES(TEE_AsymmetricSignDigest(op, NULL, 0, b1, 32, b2, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == mod, len);
	/* A digest of the wrong size. */
	len = sizeof(b2);
	CHECK_RES(TEE_AsymmetricSignDigest(op, NULL, 0, b1, 31, b2, &len),
		  TEE_ERROR_BAD_PARAMETERS);
	TEE_FreeOperation(op);
	op = asym_op(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_VERIFY, rk);
	CHECK_RES(TEE_AsymmetricVerifyDigest(op, NULL, 0, b1, 32, b2, mod - 1),
		  TEE_ERROR_SIGNATURE_INVALID);
	CHECK_RES(
		TEE_AsymmetricVerifyDigest(op, NULL, 0, b1, 32, b2, sizeof(b2)),
		TEE_ERROR_SIGNATURE_INVALID);
	TEE_FreeOperation(op);
	len = 1;
	op = asym_op(TEE_ALG_ECDSA_SHA256, TEE_MODE_SIGN, ek);
	CHECK_RES(TEE_AsymmetricSignDigest(op, NULL, 0, b1, 32, b2, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == ec->out_len, len);
	TEE_FreeOperation(op);
	off_curve_verify(ck);
	/* Encryption: short output, too long a message, wrong label. */
	op = asym_op(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1, TEE_MODE_ENCRYPT, rk);
	len = 5;
	CHECK_RES(TEE_AsymmetricEncrypt(op, NULL, 0, b1, 16, b2, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == mod, len);
	len = sizeof(b2);
	CHECK_RES(TEE_AsymmetricEncrypt(op, NULL, 0, b1, mod - 41, b2, &len),
		  TEE_ERROR_BAD_PARAMETERS);
	len = sizeof(b2);
	memset(b1, 7, 16);
	CHECK_RES(TEE_AsymmetricEncrypt(op, NULL, 0, b1, 16, b2, &len),
		  TEE_SUCCESS);
	TEE_FreeOperation(op);
	op = asym_op(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1, TEE_MODE_DECRYPT, rk);
	len = 3;
	CHECK_RES(TEE_AsymmetricDecrypt(op, NULL, 0, b2, mod, b1, &len),
		  TEE_ERROR_SHORT_BUFFER);
	CHECK(len == 16, len);
	TEE_InitRefAttribute(&a, TEE_ATTR_RSA_OAEP_LABEL, "x", 1);
	len = sizeof(b1);
	CHECK_RES(TEE_AsymmetricDecrypt(op, &a, 1, b2, mod, b1, &len),
		  TEE_ERROR_BAD_PARAMETERS);
	TEE_FreeOperation(op);
	/* No such mode for a signature algorithm. */
	CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_RSASSA_PKCS1_V1_5_SHA256,
					TEE_MODE_ENCRYPT, 1024),
		  TEE_ERROR_NOT_SUPPORTED);
	TEE_FreeTransientObject(rk);
	TEE_FreeTransientObject(ek);
	supported(ck);
}

void asym_panic(uint32_t scenario)
{
	const struct akat *v15 =
		first(ASYM_G_RSA_V15_SIG, TEE_TYPE_RSA_KEYPAIR);
	const struct akat *ec = first(ASYM_G_ECDSA, TEE_TYPE_ECDSA_KEYPAIR);
	TEE_OperationHandle op;
	TEE_ObjectHandle k, pub;
	size_t len = sizeof(b2);

	switch (scenario) {
	case CRYPT_M_ASYM_PUBLIC_SIGN_PANIC:
		k = vec_key(v15);
		if (TEE_AllocateTransientObject(TEE_TYPE_RSA_PUBLIC_KEY, 4096,
						&pub) ||
		    TEE_CopyObjectAttributes1(pub, k))
			return;
		if (TEE_AllocateOperation(&op, TEE_ALG_RSASSA_PKCS1_V1_5_SHA256,
					  TEE_MODE_SIGN, 4096))
			return;
		TEE_SetOperationKey(op, pub);
		break;
	case CRYPT_M_ASYM_WRONG_KEY_TYPE_PANIC:
		k = vec_key(ec);
		if (TEE_AllocateOperation(&op, TEE_ALG_RSASSA_PKCS1_V1_5_SHA256,
					  TEE_MODE_VERIFY, 4096))
			return;
		TEE_SetOperationKey(op, k);
		break;
	case CRYPT_M_ASYM_WRONG_MODE_PANIC:
		k = vec_key(ec);
		op = asym_op(TEE_ALG_ECDSA_SHA256, TEE_MODE_VERIFY, k);
		if (!op)
			return;
		TEE_AsymmetricSignDigest(op, NULL, 0, b1, 32, b2, &len);
		break;
	}
}
