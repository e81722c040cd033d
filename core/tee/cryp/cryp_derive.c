/*
 * TEE_DeriveKey: ECDH over the NIST curves, X25519, finite-field DH,
 * OP-TEE's HKDF, PBKDF2 and Concat KDF extensions and GP 1.3.1's HKDF. The
 * result becomes the TEE_ATTR_SECRET_VALUE of the TA's (generic secret) object,
 * with the object rules of TEE_PopulateTransientObject.
 */
#include <tee/tee_cryp_asym_defs.h>

#include "cryp_asym.h"

static const struct cryp_attr_in *param(const struct cryp_attr_in *p, size_t n,
					uint32_t id)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].id == id)
			return &p[i];
	return NULL;
}

static TEE_Result ecdh(const struct cryp_obj *k,
		       const struct cryp_attr_in *params, size_t n,
		       uint8_t *secret, size_t *len)
{
	const struct cryp_attr *curve = cryp_obj_attr(k, TEE_ATTR_ECC_CURVE);
	const struct cryp_attr_in *px =
		param(params, n, TEE_ATTR_ECC_PUBLIC_VALUE_X);
	const struct cryp_attr_in *py =
		param(params, n, TEE_ATTR_ECC_PUBLIC_VALUE_Y);
	struct crypto_bn d = cryp_asym_bn(k, TEE_ATTR_ECC_PRIVATE_VALUE);
	struct crypto_bn x, y;

	if (!curve || !crypto_ecc_bytes(curve->a))
		return TEE_ERROR_BAD_STATE;
	/* GP: the peer's public value is mandatory (a panic without it). */
	if (!px || !py)
		return TEE_ERROR_BAD_FORMAT;
	x = (struct crypto_bn){px->buf, px->len};
	y = (struct crypto_bn){py->buf, py->len};
	*len = crypto_ecc_bytes(curve->a);
	return crypto_ecdh(curve->a, &d, &x, &y, secret);
}

static TEE_Result x25519(const struct cryp_obj *k,
			 const struct cryp_attr_in *params, size_t n,
			 uint8_t *secret, size_t *len)
{
	const struct cryp_attr *priv =
		cryp_obj_attr(k, TEE_ATTR_X25519_PRIVATE_VALUE);
	const struct cryp_attr_in *pub =
		param(params, n, TEE_ATTR_X25519_PUBLIC_VALUE);

	if (!priv || priv->len != 32)
		return TEE_ERROR_BAD_STATE;
	if (!pub)
		return TEE_ERROR_BAD_FORMAT;
	if (pub->len != 32)
		return TEE_ERROR_BAD_PARAMETERS;
	*len = 32;
	return crypto_x25519(priv->buf, pub->buf, secret);
}

static TEE_Result dh(const struct cryp_obj *k,
		     const struct cryp_attr_in *params, size_t n,
		     uint8_t *secret, size_t *len)
{
	const struct cryp_attr_in *pub =
		param(params, n, TEE_ATTR_DH_PUBLIC_VALUE);
	struct crypto_bn p = cryp_asym_bn(k, TEE_ATTR_DH_PRIME);
	struct crypto_bn x = cryp_asym_bn(k, TEE_ATTR_DH_PRIVATE_VALUE);
	struct crypto_bn y;

	if (!pub)
		return TEE_ERROR_BAD_FORMAT;
	if (p.len > CRYP_ASYM_MAX_BLOCK)
		return TEE_ERROR_BAD_STATE;
	y = (struct crypto_bn){pub->buf, pub->len};
	return crypto_dh_shared(&p, &x, &y, secret, len);
}

/* A buffer parameter under either of two IDs (NULL, 0 if absent). */
static struct crypto_bn buf_param(const struct cryp_attr_in *p, size_t n,
				  uint32_t id, uint32_t id2)
{
	const struct cryp_attr_in *a = param(p, n, id);

	if (!a)
		a = param(p, n, id2);
	return a ? (struct crypto_bn){a->buf, a->len} : (struct crypto_bn){0};
}

/* The output length parameter: BAD_FORMAT (a panic) if absent. */
static TEE_Result out_len(const struct cryp_attr_in *p, size_t n, uint32_t id,
			  size_t *len)
{
	const struct cryp_attr_in *a = param(p, n, id);

	if (!a)
		return TEE_ERROR_BAD_FORMAT;
	if (!a->a || a->a > CRYP_ASYM_MAX_BLOCK)
		return TEE_ERROR_BAD_PARAMETERS;
	*len = a->a;
	return TEE_SUCCESS;
}

/* BAD_PARAMETERS for a parameter not in @ids (OP-TEE's rule for these). */
static TEE_Result only(const struct cryp_attr_in *p, size_t n,
		       const uint32_t *ids, size_t nids)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;

		while (j < nids && ids[j] != p[i].id)
			j++;
		if (j == nids)
			return TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_SUCCESS;
}

/*
 * A mandatory length in bytes (OP-TEE's DKM length, GP's KDF key size):
 * absent, 0 or more than the output object holds is BAD_PARAMETERS.
 */
static TEE_Result dkm_len(const struct cryp_attr_in *p, size_t n, uint32_t id,
			  const struct cryp_obj *dst, size_t *len)
{
	const struct cryp_attr_in *a = param(p, n, id);

	if (!a || !a->a || a->a > dst->max_size / 8 ||
	    a->a > CRYP_ASYM_MAX_BLOCK)
		return TEE_ERROR_BAD_PARAMETERS;
	*len = a->a;
	return TEE_SUCCESS;
}

static TEE_Result concat_kdf(const struct cryp_alg *alg,
			     const struct cryp_obj *k,
			     const struct cryp_attr_in *p, size_t n,
			     const struct cryp_obj *dst, uint8_t *secret,
			     size_t *len)
{
	static const uint32_t ids[] = {TEE_ATTR_CONCAT_KDF_OTHER_INFO,
				       TEE_ATTR_CONCAT_KDF_DKM_LENGTH};
	const struct cryp_attr *z = cryp_obj_attr(k, TEE_ATTR_CONCAT_KDF_Z);
	struct crypto_bn info = buf_param(p, n, TEE_ATTR_CONCAT_KDF_OTHER_INFO,
					  TEE_ATTR_CONCAT_KDF_OTHER_INFO);
	TEE_Result res = only(p, n, ids, ARRAY_SIZE(ids));

	if (!z)
		return TEE_ERROR_BAD_STATE;
	if (!res)
		res = dkm_len(p, n, TEE_ATTR_CONCAT_KDF_DKM_LENGTH, dst, len);
	return res ? res
		   : crypto_concat_kdf(alg->backend, z->buf, z->len, info.p,
				       info.len, secret, *len);
}

/* TEE_ATTR_HKDF_HASH_ALGORITHM: a digest or an HMAC algorithm ID. */
static TEE_Result gp_hash(const struct cryp_attr_in *p, size_t n, uint32_t dflt,
			  uint32_t *hash)
{
	const struct cryp_attr_in *a =
		param(p, n, TEE_ATTR_HKDF_HASH_ALGORITHM);
	uint32_t cls, low;

	*hash = dflt;
	if (!a)
		return TEE_SUCCESS;
	/* TEE_ALG_MD5..SHA512 (0x5000000x), TEE_ALG_HMAC_* (0x3000000x). */
	cls = a->a & 0xf0000000u;
	low = a->a & 0x0fffffffu;
	if ((cls != 0x50000000u && cls != 0x30000000u) || low < 1 || low > 6)
		return TEE_ERROR_BAD_PARAMETERS;
	*hash = CRYPTO_HASH_MD5 + (low - 1);
	return TEE_SUCCESS;
}

/* GP 1.3.1's TEE_ALG_HKDF: RFC 5869 over the key's secret value. */
static TEE_Result hkdf_gp(const struct cryp_alg *alg, const struct cryp_obj *k,
			  const struct cryp_attr_in *p, size_t n,
			  const struct cryp_obj *dst, uint8_t *secret,
			  size_t *len)
{
	static const uint32_t ids[] = {TEE_ATTR_HKDF_SALT, TEE_ATTR_HKDF_INFO,
				       TEE_ATTR_HKDF_HASH_ALGORITHM,
				       TEE_ATTR_KDF_KEY_SIZE};
	const struct cryp_attr *ikm = cryp_obj_attr(k, TEE_ATTR_SECRET_VALUE);
	struct crypto_bn salt =
		buf_param(p, n, TEE_ATTR_HKDF_SALT, TEE_ATTR_HKDF_SALT);
	struct crypto_bn info =
		buf_param(p, n, TEE_ATTR_HKDF_INFO, TEE_ATTR_HKDF_INFO);
	uint32_t hash = 0;
	TEE_Result res = only(p, n, ids, ARRAY_SIZE(ids));

	if (!ikm)
		return TEE_ERROR_BAD_STATE;
	if (!res)
		res = gp_hash(p, n, alg->backend, &hash);
	if (!res)
		res = dkm_len(p, n, TEE_ATTR_KDF_KEY_SIZE, dst, len);
	return res ? res
		   : crypto_hkdf(hash, salt.p, salt.len, ikm->buf, ikm->len,
				 info.p, info.len, secret, *len);
}

static TEE_Result kdf(const struct cryp_alg *alg, const struct cryp_obj *k,
		      const struct cryp_attr_in *p, size_t n,
		      const struct cryp_obj *dst, uint8_t *secret, size_t *len)
{
	const struct cryp_attr_in *iter;
	const struct cryp_attr *in;
	struct crypto_bn salt, info;
	TEE_Result res;

	if (alg->cmode == CRYP_ASYM_CONCAT_KDF)
		return concat_kdf(alg, k, p, n, dst, secret, len);
	if (alg->cmode == CRYP_ASYM_HKDF_GP)
		return hkdf_gp(alg, k, p, n, dst, secret, len);
	in = cryp_obj_attr(k, alg->cmode == CRYP_ASYM_HKDF
				      ? TEE_ATTR_HKDF_IKM
				      : TEE_ATTR_PBKDF2_PASSWORD);
	if (!in)
		return TEE_ERROR_BAD_STATE;
	if (alg->cmode == CRYP_ASYM_HKDF) {
		res = out_len(p, n, TEE_ATTR_HKDF_OKM_LENGTH, len);
		salt = buf_param(p, n, TEE_ATTR_HKDF_SALT_OPTEE,
				 TEE_ATTR_HKDF_SALT);
		info = buf_param(p, n, TEE_ATTR_HKDF_INFO_OPTEE,
				 TEE_ATTR_HKDF_INFO);
		return res ? res
			   : crypto_hkdf(alg->backend, salt.p, salt.len,
					 in->buf, in->len, info.p, info.len,
					 secret, *len);
	}
	iter = param(p, n, TEE_ATTR_PBKDF2_ITERATION_COUNT);
	res = out_len(p, n, TEE_ATTR_PBKDF2_DKM_LENGTH, len);
	if (!res && !iter)
		res = TEE_ERROR_BAD_FORMAT;
	salt = buf_param(p, n, TEE_ATTR_PBKDF2_SALT, TEE_ATTR_PBKDF2_SALT);
	return res ? res
		   : crypto_pbkdf2(alg->backend, in->buf, in->len, salt.p,
				   salt.len, iter->a, secret, *len);
}

TEE_Result cryp_derive(struct cryp_inst *ci, struct cryp_op *op,
		       const struct cryp_attr_in *params, size_t n,
		       struct cryp_obj *dst)
{
	uint8_t secret[CRYP_ASYM_MAX_BLOCK];
	struct cryp_attr_in out = {.id = TEE_ATTR_SECRET_VALUE, .buf = secret};
	TEE_Result res;

	if (op->alg->op_class != TEE_OPERATION_KEY_DERIVATION)
		return TEE_ERROR_BAD_FORMAT;
	if (!(op->handle_state & TEE_HANDLE_FLAG_KEY_SET) || !op->key[0])
		return TEE_ERROR_BAD_STATE;
	/* GP: the derived key is an uninitialized generic secret. */
	if (dst->type != TEE_TYPE_GENERIC_SECRET)
		return TEE_ERROR_BAD_FORMAT;
	if (dst->flags & TEE_HANDLE_FLAG_INITIALIZED)
		return TEE_ERROR_BAD_STATE;
	switch (op->alg->cmode) {
	case CRYP_ASYM_X25519:
		res = x25519(op->key[0], params, n, secret, &out.len);
		break;
	case CRYP_ASYM_ECDH:
		res = ecdh(op->key[0], params, n, secret, &out.len);
		break;
	case CRYP_ASYM_DH:
		res = dh(op->key[0], params, n, secret, &out.len);
		break;
	default:
		res = kdf(op->alg, op->key[0], params, n, dst, secret,
			  &out.len);
	}
	if (!res)
		res = cryp_obj_populate(ci, dst, &out, 1);
	crypto_wipe(secret, sizeof(secret));
	return res;
}
