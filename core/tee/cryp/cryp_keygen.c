/*
 * TEE_GenerateKey for the asymmetric types: RSA (core DRBG, e = 65537
 * unless TEE_ATTR_RSA_PUBLIC_EXPONENT says otherwise), ECDSA/ECDH key pairs
 * on the curve TEE_ATTR_ECC_CURVE names, X25519, DH key pairs in the group
 * the TA passes (prime, base, optional subprime and private value size).
 * The generated attributes
 * go through cryp_obj_populate(), so they obey the same rules as a TA's.
 */
#include <stdlib.h>
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

static TEE_Result exponent_of(const struct cryp_attr_in *a, uint32_t *e)
{
	*e = 65537;
	if (!a)
		return TEE_SUCCESS;
	if (!a->len || a->len > 4)
		return TEE_ERROR_BAD_PARAMETERS; /* more than mbedTLS takes */
	*e = 0;
	for (size_t i = 0; i < a->len; i++)
		*e = *e << 8 | a->buf[i];
	return TEE_SUCCESS;
}

static TEE_Result gen_rsa(struct cryp_inst *ci, struct cryp_obj *o,
			  uint32_t bits, const struct cryp_attr_in *params,
			  size_t n)
{
	static const uint32_t ids[CRYPTO_RSA_GEN_PARTS] = {
		TEE_ATTR_RSA_MODULUS,	       TEE_ATTR_RSA_PUBLIC_EXPONENT,
		TEE_ATTR_RSA_PRIVATE_EXPONENT, TEE_ATTR_RSA_PRIME1,
		TEE_ATTR_RSA_PRIME2,	       TEE_ATTR_RSA_EXPONENT1,
		TEE_ATTR_RSA_EXPONENT2,	       TEE_ATTR_RSA_COEFFICIENT};
	struct cryp_attr_in in[CRYPTO_RSA_GEN_PARTS] = {0};
	struct crypto_rsa_gen g;
	size_t part = bits / 8;
	uint8_t *mem;
	uint32_t e;
	TEE_Result res;

	if (bits % 8 || o->type != TEE_TYPE_RSA_KEYPAIR)
		return TEE_ERROR_BAD_FORMAT;
	res = exponent_of(param(params, n, TEE_ATTR_RSA_PUBLIC_EXPONENT), &e);
	if (res)
		return res;
	mem = calloc(CRYPTO_RSA_GEN_PARTS, part);
	if (!mem)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (int i = 0; i < CRYPTO_RSA_GEN_PARTS; i++)
		g.part[i] = mem + i * part;
	res = crypto_rsa_generate(bits, e, &g);
	for (int i = 0; i < CRYPTO_RSA_GEN_PARTS; i++)
		in[i] = (struct cryp_attr_in){
			.id = ids[i], .buf = g.part[i], .len = g.len[i]};
	if (!res)
		res = cryp_obj_populate(ci, o, in, CRYPTO_RSA_GEN_PARTS);
	crypto_wipe(mem, CRYPTO_RSA_GEN_PARTS * part);
	free(mem);
	return res;
}

static TEE_Result gen_ecc(struct cryp_inst *ci, struct cryp_obj *o,
			  uint32_t bits, const struct cryp_attr_in *params,
			  size_t n)
{
	const struct cryp_attr_in *curve = param(params, n, TEE_ATTR_ECC_CURVE);
	uint8_t d[66], x[66], y[66];
	size_t len;
	TEE_Result res;

	if (o->type != TEE_TYPE_ECDSA_KEYPAIR &&
	    o->type != TEE_TYPE_ECDH_KEYPAIR)
		return TEE_ERROR_BAD_FORMAT;
	/* GP: the curve is a mandatory parameter and fixes the size. */
	if (!curve)
		return TEE_ERROR_BAD_FORMAT;
	len = crypto_ecc_bytes(curve->a);
	if (!len)
		return TEE_ERROR_BAD_PARAMETERS;
	if ((bits + 7) / 8 != len || (bits == 521) != (len == 66))
		return TEE_ERROR_BAD_PARAMETERS;
	res = crypto_ecc_generate(curve->a, d, x, y);
	if (!res) {
		struct cryp_attr_in in[] = {
			{.id = TEE_ATTR_ECC_PUBLIC_VALUE_X,
			 .buf = x,
			 .len = len},
			{.id = TEE_ATTR_ECC_PUBLIC_VALUE_Y,
			 .buf = y,
			 .len = len},
			{.id = TEE_ATTR_ECC_PRIVATE_VALUE,
			 .buf = d,
			 .len = len},
			{.id = TEE_ATTR_ECC_CURVE, .a = curve->a},
		};

		res = cryp_obj_populate(ci, o, in, ARRAY_SIZE(in));
	}
	crypto_wipe(d, sizeof(d));
	return res;
}

static TEE_Result gen_x25519(struct cryp_inst *ci, struct cryp_obj *o,
			     uint32_t bits)
{
	uint8_t priv[32], pub[32];
	TEE_Result res;

	if (o->type != TEE_TYPE_X25519_KEYPAIR || bits != 256)
		return TEE_ERROR_BAD_FORMAT;
	res = crypto_x25519_generate(priv, pub);
	if (!res) {
		struct cryp_attr_in in[] = {
			{.id = TEE_ATTR_X25519_PUBLIC_VALUE,
			 .buf = pub,
			 .len = 32},
			{.id = TEE_ATTR_X25519_PRIVATE_VALUE,
			 .buf = priv,
			 .len = 32},
		};

		res = cryp_obj_populate(ci, o, in, ARRAY_SIZE(in));
	}
	crypto_wipe(priv, sizeof(priv));
	return res;
}

static uint32_t bit_length(const struct crypto_bn *b)
{
	size_t i = 0;

	while (i < b->len && !b->p[i])
		i++;
	if (i == b->len)
		return 0;
	return (uint32_t)((b->len - i) * 8) - (uint32_t)__builtin_clz(b->p[i]) +
	       24;
}

static TEE_Result gen_dh(struct cryp_inst *ci, struct cryp_obj *o,
			 uint32_t bits, const struct cryp_attr_in *params,
			 size_t n)
{
	const struct cryp_attr_in *p = param(params, n, TEE_ATTR_DH_PRIME);
	const struct cryp_attr_in *g = param(params, n, TEE_ATTR_DH_BASE);
	const struct cryp_attr_in *q = param(params, n, TEE_ATTR_DH_SUBPRIME);
	const struct cryp_attr_in *xb = param(params, n, TEE_ATTR_DH_X_BITS);
	struct cryp_attr_in in[6];
	struct crypto_bn pb, gb;
	uint8_t *mem;
	size_t xl = 0, yl = 0, k = 0;
	TEE_Result res;

	if (!p || !g)
		return TEE_ERROR_BAD_FORMAT; /* mandatory parameters */
	pb = (struct crypto_bn){p->buf, p->len};
	gb = (struct crypto_bn){g->buf, g->len};
	/* The prime's size is the key size. */
	if (p->len > CRYP_ASYM_MAX_BLOCK || bit_length(&pb) != bits)
		return TEE_ERROR_BAD_PARAMETERS;
	mem = calloc(2, p->len);
	if (!mem)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = crypto_dh_generate(&pb, &gb, xb ? xb->a : 0, mem, &xl,
				 mem + p->len, &yl);
	if (!res) {
		in[k++] = *p;
		in[k++] = *g;
		in[k++] = (struct cryp_attr_in){
			.id = TEE_ATTR_DH_PRIVATE_VALUE, .buf = mem, .len = xl};
		in[k++] = (struct cryp_attr_in){.id = TEE_ATTR_DH_PUBLIC_VALUE,
						.buf = mem + p->len,
						.len = yl};
		if (q)
			in[k++] = *q;
		if (xb)
			in[k++] = *xb;
		res = cryp_obj_populate(ci, o, in, k);
	}
	crypto_wipe(mem, 2 * p->len);
	free(mem);
	return res;
}

TEE_Result cryp_obj_generate_asym(struct cryp_inst *ci, struct cryp_obj *o,
				  uint32_t key_size,
				  const struct cryp_attr_in *params, size_t n)
{
	/* GP: a size the type does not allow is a panic. */
	if (key_size > o->max_size || !cryp_type_size_ok(o->ti, key_size))
		return TEE_ERROR_BAD_FORMAT;
	switch (o->type) {
	case TEE_TYPE_RSA_KEYPAIR:
		return gen_rsa(ci, o, key_size, params, n);
	case TEE_TYPE_ECDSA_KEYPAIR:
	case TEE_TYPE_ECDH_KEYPAIR:
		return gen_ecc(ci, o, key_size, params, n);
	case TEE_TYPE_X25519_KEYPAIR:
		return gen_x25519(ci, o, key_size);
	case TEE_TYPE_DH_KEYPAIR:
		return gen_dh(ci, o, key_size, params, n);
	}
	return TEE_ERROR_BAD_FORMAT; /* public keys cannot be generated */
}
