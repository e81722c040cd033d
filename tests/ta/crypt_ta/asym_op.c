/*
 * CRYPT_CMD_ASYM_OP: one asymmetric operation on a key and input the
 * client gives, for the randomized differential test against OpenSSL
 * (tests/guest/cryptest/asym_diff.c). Request layout (native-endian u32s):
 *   algo, mode, key_type, nattrs, nparams, in_len, aux_len,
 *   then nattrs + nparams times {id, len, bytes (value attributes: 4
 *   bytes, the value)}, then in, then aux (the signature to verify).
 * Output: the signature, ciphertext, plaintext or derived secret.
 */
#include <crypt_ta.h>
#include <string.h>

#include "asym_priv.h"

#define MAX_ATTRS 8

static uint8_t req[CRYPT_ASYM_OP_MAX], out[1024];

struct reader {
	const uint8_t *p;
	size_t left;
	bool bad;
};

static const uint8_t *take(struct reader *r, size_t n)
{
	const uint8_t *p = r->p;

	if (r->bad || n > r->left) {
		r->bad = true;
		return NULL;
	}
	r->p += n;
	r->left -= n;
	return p;
}

static uint32_t take_u32(struct reader *r)
{
	const uint8_t *p = take(r, 4);
	uint32_t v = 0;

	if (p)
		memcpy(&v, p, 4);
	return v;
}

static bool take_attrs(struct reader *r, struct akat_attr *a, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		a[i].id = take_u32(r);
		a[i].len = take_u32(r);
		a[i].buf = take(r, a[i].len);
		a[i].value = 0;
		if (a[i].buf && (a[i].id & TEE_ATTR_FLAG_VALUE)) {
			if (a[i].len != 4)
				return false;
			memcpy(&a[i].value, a[i].buf, 4);
		}
	}
	return !r->bad;
}

static void to_params(const struct akat_attr *a, uint32_t n, TEE_Attribute *p)
{
	for (uint32_t i = 0; i < n; i++) {
		if (a[i].id & TEE_ATTR_FLAG_VALUE)
			TEE_InitValueAttribute(&p[i], a[i].id, a[i].value, 0);
		else
			TEE_InitRefAttribute(&p[i], a[i].id, (void *)a[i].buf,
					     a[i].len);
	}
}

static TEE_Result derive(TEE_OperationHandle op, TEE_Attribute *p, uint32_t np,
			 size_t *len)
{
	TEE_ObjectHandle s = TEE_HANDLE_NULL;
	TEE_Result res;

	res = TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, 4096, &s);
	if (res)
		return res;
	TEE_DeriveKey(op, p, np, s);
	res = TEE_GetObjectBufferAttribute(s, TEE_ATTR_SECRET_VALUE, out, len);
	TEE_FreeTransientObject(s);
	return res;
}

TEE_Result crypt_asym_op(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	struct akat_attr key[MAX_ATTRS], prm[MAX_ATTRS];
	TEE_Attribute tp[MAX_ATTRS];
	struct reader r = {.p = req};
	uint32_t algo, mode, type, nkey, nprm, in_len, aux_len;
	const uint8_t *in, *aux;
	TEE_ObjectHandle k;
	TEE_OperationHandle op;
	size_t len = sizeof(out);
	TEE_Result res;

	if (pt != P(MEMREF_INPUT, MEMREF_OUTPUT, VALUE_OUTPUT, NONE) ||
	    p[0].memref.size > sizeof(req))
		return TEE_ERROR_BAD_PARAMETERS;
	/* A private copy: the client's buffer may change under us. */
	memcpy(req, p[0].memref.buffer, p[0].memref.size);
	r.left = p[0].memref.size;
	algo = take_u32(&r);
	mode = take_u32(&r);
	type = take_u32(&r);
	nkey = take_u32(&r);
	nprm = take_u32(&r);
	in_len = take_u32(&r);
	aux_len = take_u32(&r);
	if (r.bad || nkey > MAX_ATTRS || nprm > MAX_ATTRS ||
	    !take_attrs(&r, key, nkey) || !take_attrs(&r, prm, nprm))
		return TEE_ERROR_BAD_FORMAT;
	in = take(&r, in_len);
	aux = take(&r, aux_len);
	if (r.bad)
		return TEE_ERROR_BAD_FORMAT;
	to_params(prm, nprm, tp);
	k = asym_key(type, key, nkey);
	if (!k)
		return TEE_ERROR_BAD_STATE;
	op = asym_op(algo, mode, k);
	if (!op) {
		TEE_FreeTransientObject(k);
		return TEE_ERROR_BAD_STATE;
	}
	switch (mode) {
	case TEE_MODE_SIGN:
		res = TEE_AsymmetricSignDigest(op, tp, nprm, in, in_len, out,
					       &len);
		break;
	case TEE_MODE_VERIFY:
		res = TEE_AsymmetricVerifyDigest(op, tp, nprm, in, in_len, aux,
						 aux_len);
		len = 0;
		break;
	case TEE_MODE_ENCRYPT:
		res = TEE_AsymmetricEncrypt(op, tp, nprm, in, in_len, out,
					    &len);
		break;
	case TEE_MODE_DECRYPT:
		res = TEE_AsymmetricDecrypt(op, tp, nprm, in, in_len, out,
					    &len);
		break;
	default:
		res = derive(op, tp, nprm, &len);
		break;
	}
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
	p[2].value.a = res;
	if (res)
		len = 0;
	if (len > p[1].memref.size)
		return TEE_ERROR_SHORT_BUFFER;
	memcpy(p[1].memref.buffer, out, len);
	p[1].memref.size = len;
	return TEE_SUCCESS;
}
