/*
 * Asymmetric signatures and encryption (TEE_AsymmetricSignDigest,
 * VerifyDigest, Encrypt, Decrypt): the key's attributes and the call's
 * parameters become a call of core/crypto (crypto_asym.h). Operations are
 * one-shot: no state but the key, so the class hooks have nothing to do.
 */
#include <string.h>
#include <tee/tee_cryp_asym_defs.h>

#include "cryp_asym.h"

static TEE_Result asym_alloc(struct cryp_op *op)
{
	(void)op;
	return TEE_SUCCESS;
}

static void asym_free(struct cryp_op *op)
{
	(void)op;
}

static void asym_reset(struct cryp_inst *ci, struct cryp_op *op)
{
	(void)ci;
	op->op_state = TEE_OPERATION_STATE_INITIAL;
	op->handle_state &= ~TEE_HANDLE_FLAG_INITIALIZED;
}

static TEE_Result asym_copy(struct cryp_inst *ci, struct cryp_op *dst,
			    const struct cryp_op *src)
{
	(void)ci;
	(void)dst;
	(void)src;
	return TEE_SUCCESS;
}

const struct cryp_class_ops cryp_asym_ops = {
	.alloc = asym_alloc,
	.free = asym_free,
	.reset = asym_reset,
	.copy = asym_copy,
};

struct crypto_bn cryp_asym_bn(const struct cryp_obj *o, uint32_t id)
{
	const struct cryp_attr *a = cryp_obj_attr(o, id);

	return a ? (struct crypto_bn){a->buf, a->len} : (struct crypto_bn){0};
}

static const struct cryp_attr_in *param(const struct cryp_attr_in *p, size_t n,
					uint32_t id)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].id == id)
			return &p[i];
	return NULL;
}

static struct crypto_rsa_key rsa_key(const struct cryp_obj *k)
{
	return (struct crypto_rsa_key){
		.n = cryp_asym_bn(k, TEE_ATTR_RSA_MODULUS),
		.e = cryp_asym_bn(k, TEE_ATTR_RSA_PUBLIC_EXPONENT),
		.d = cryp_asym_bn(k, TEE_ATTR_RSA_PRIVATE_EXPONENT),
		.p = cryp_asym_bn(k, TEE_ATTR_RSA_PRIME1),
		.q = cryp_asym_bn(k, TEE_ATTR_RSA_PRIME2),
	};
}

static TEE_Result rsa_sig(const struct cryp_op *op, uint32_t mode,
			  const struct cryp_attr_in *params, size_t n,
			  const uint8_t *in, size_t in_len, uint8_t *out,
			  size_t *out_len)
{
	const struct cryp_alg *alg = op->alg;
	const struct cryp_attr_in *salt =
		param(params, n, TEE_ATTR_RSA_PSS_SALT_LENGTH);
	struct crypto_rsa_key k = rsa_key(op->key[0]);
	size_t salt_len = in_len; /* GP: the digest length by default */

	if (salt)
		salt_len = salt->a;
	if (mode == TEE_MODE_SIGN)
		return crypto_rsa_sign(&k, alg->cmode, alg->backend, salt_len,
				       in, in_len, out, out_len);
	return crypto_rsa_verify(&k, alg->cmode, alg->backend, salt_len, in,
				 in_len, out, *out_len);
}

static TEE_Result ecdsa(const struct cryp_op *op, uint32_t mode,
			const uint8_t *in, size_t in_len, uint8_t *out,
			size_t *out_len)
{
	const struct cryp_obj *k = op->key[0];
	const struct cryp_attr *curve = cryp_obj_attr(k, TEE_ATTR_ECC_CURVE);
	struct crypto_bn x = cryp_asym_bn(k, TEE_ATTR_ECC_PUBLIC_VALUE_X);
	struct crypto_bn y = cryp_asym_bn(k, TEE_ATTR_ECC_PUBLIC_VALUE_Y);
	struct crypto_bn d = cryp_asym_bn(k, TEE_ATTR_ECC_PRIVATE_VALUE);
	size_t size;
	TEE_Result res;

	if (!curve || !(size = crypto_ecc_bytes(curve->a)))
		return TEE_ERROR_BAD_STATE;
	if (!in_len || in_len > CRYPTO_HASH_MAX_SIZE)
		return TEE_ERROR_BAD_PARAMETERS;
	if (mode == TEE_MODE_VERIFY)
		return crypto_ecdsa_verify(curve->a, &x, &y, in, in_len, out,
					   *out_len);
	if (*out_len < 2 * size) {
		*out_len = 2 * size;
		return TEE_ERROR_SHORT_BUFFER;
	}
	res = crypto_ecdsa_sign(curve->a, &d, in, in_len, out);
	if (!res)
		*out_len = 2 * size;
	return res;
}

static TEE_Result rsa_cipher(const struct cryp_op *op, uint32_t mode,
			     const struct cryp_attr_in *params, size_t n,
			     const uint8_t *in, size_t in_len, uint8_t *out,
			     size_t *out_len)
{
	const struct cryp_alg *alg = op->alg;
	const struct cryp_attr_in *label =
		param(params, n, TEE_ATTR_RSA_OAEP_LABEL);
	const struct cryp_attr_in *mgf =
		param(params, n, TEE_ATTR_RSA_OAEP_MGF_HASH);
	struct crypto_rsa_key k = rsa_key(op->key[0]);
	const uint8_t *l = label ? label->buf : NULL;
	size_t l_len = label ? label->len : 0;

	/*
	 * GP 1.3.1's MGF1 hash: a 4-byte TEE_ALG_SHA* (or MD5) value. One
	 * other than the OAEP hash takes our own EME-OAEP (mbedTLS 2.28 has
	 * one hash per RSA context); an unknown one is NOT_SUPPORTED, as in
	 * OP-TEE, whose libutee returns that code to the TA.
	 */
	if (mgf) {
		uint32_t got = 0, hash;

		if (alg->cmode != CRYPTO_RSA_OAEP || mgf->len != sizeof(got))
			return TEE_ERROR_BAD_PARAMETERS;
		memcpy(&got, mgf->buf, sizeof(got));
		if (got < TEE_ALG_MD5 || got > TEE_ALG_SHA512)
			return TEE_ERROR_NOT_SUPPORTED;
		hash = CRYPTO_HASH_MD5 + (got - TEE_ALG_MD5);
		if (hash != alg->backend && mode == TEE_MODE_ENCRYPT)
			return crypto_rsa_oaep_encrypt(&k, alg->backend, hash,
						       l, l_len, in, in_len,
						       out, out_len);
		if (hash != alg->backend)
			return crypto_rsa_oaep_decrypt(&k, alg->backend, hash,
						       l, l_len, in, in_len,
						       out, out_len);
	}
	if (mode == TEE_MODE_ENCRYPT)
		return crypto_rsa_encrypt(&k, alg->cmode, alg->backend, l,
					  l_len, in, in_len, out, out_len);
	return crypto_rsa_decrypt(&k, alg->cmode, alg->backend, l, l_len, in,
				  in_len, out, out_len);
}

TEE_Result cryp_asym_run(struct cryp_op *op, uint32_t mode,
			 const struct cryp_attr_in *params, size_t n,
			 const uint8_t *in, size_t in_len, uint8_t *out,
			 size_t *out_len)
{
	uint32_t cls = mode == TEE_MODE_SIGN || mode == TEE_MODE_VERIFY
			       ? TEE_OPERATION_ASYMMETRIC_SIGNATURE
			       : TEE_OPERATION_ASYMMETRIC_CIPHER;

	/* GP: the wrong function for the operation's mode is a panic. */
	if (op->alg->op_class != cls || op->mode != mode)
		return TEE_ERROR_BAD_FORMAT;
	if (!(op->handle_state & TEE_HANDLE_FLAG_KEY_SET) || !op->key[0])
		return TEE_ERROR_BAD_STATE;
	if (cls == TEE_OPERATION_ASYMMETRIC_CIPHER)
		return rsa_cipher(op, mode, params, n, in, in_len, out,
				  out_len);
	if (op->alg->cmode == CRYP_ASYM_ECDSA)
		return ecdsa(op, mode, in, in_len, out, out_len);
	return rsa_sig(op, mode, params, n, in, in_len, out, out_len);
}
