/*
 * Object types and their attribute rules (GP 1.3.1 tables 5-9 and 6-14):
 * the key sizes each type allows, which attributes it has, which are
 * mandatory, and where the object size comes from. Pure functions over
 * constant tables, unit-tested on the host.
 *
 * Types whose operations are not implemented yet (RSA, DH, ECC, X25519)
 * are here too: their objects can be populated, copied and read back, so
 * the asymmetric operations only have to add the arithmetic. Types this
 * core cannot use at all (DSA, Ed25519, SM2, X448/Ed448, SM3/SHA-3 HMACs,
 * SM4) are absent, so TEE_AllocateTransientObject answers NOT_SUPPORTED.
 */
#include <string.h>

#include <tee/tee_cryp_asym_defs.h>

#include "cryp.h"

/* Rule flags. */
#define R_REQ 0x1  /* mandatory in TEE_PopulateTransientObject */
#define R_SIZE 0x2 /* the object size comes from this attribute */
#define R_CRT 0x4  /* RSA CRT parameters: all or none */

enum size_kind {
	SIZE_SECRET, /* 8 * length of the secret value */
	SIZE_BIGNUM, /* bit length of the R_SIZE number */
	SIZE_CURVE,  /* the TEE_ATTR_ECC_CURVE value's field size */
	SIZE_FIXED,  /* min_size, every buffer attribute exactly that long */
};

struct attr_rule {
	uint32_t id;
	uint32_t flags;
};

struct cryp_type {
	uint32_t type;
	uint16_t min_size, max_size, step;
	bool curve_sizes; /* key sizes only those of the NIST curves */
	enum size_kind kind;
	bool generate; /* TEE_GenerateKey implemented */
	const struct attr_rule *rules;
	size_t num_rules;
};

static const struct attr_rule secret_rules[] = {
	{TEE_ATTR_SECRET_VALUE, R_REQ | R_SIZE},
};
static const struct attr_rule hkdf_ikm_rules[] = {
	{TEE_ATTR_HKDF_IKM, R_REQ | R_SIZE},
};
static const struct attr_rule concat_z_rules[] = {
	{TEE_ATTR_CONCAT_KDF_Z, R_REQ | R_SIZE},
};
static const struct attr_rule pbkdf2_rules[] = {
	{TEE_ATTR_PBKDF2_PASSWORD, R_REQ | R_SIZE},
};
static const struct attr_rule rsa_pub_rules[] = {
	{TEE_ATTR_RSA_MODULUS, R_REQ | R_SIZE},
	{TEE_ATTR_RSA_PUBLIC_EXPONENT, R_REQ},
};
static const struct attr_rule rsa_pair_rules[] = {
	{TEE_ATTR_RSA_MODULUS, R_REQ | R_SIZE},
	{TEE_ATTR_RSA_PUBLIC_EXPONENT, R_REQ},
	{TEE_ATTR_RSA_PRIVATE_EXPONENT, R_REQ},
	{TEE_ATTR_RSA_PRIME1, R_CRT},
	{TEE_ATTR_RSA_PRIME2, R_CRT},
	{TEE_ATTR_RSA_EXPONENT1, R_CRT},
	{TEE_ATTR_RSA_EXPONENT2, R_CRT},
	{TEE_ATTR_RSA_COEFFICIENT, R_CRT},
};
static const struct attr_rule dh_pair_rules[] = {
	{TEE_ATTR_DH_PRIME, R_REQ | R_SIZE}, {TEE_ATTR_DH_BASE, R_REQ},
	{TEE_ATTR_DH_PUBLIC_VALUE, R_REQ},   {TEE_ATTR_DH_PRIVATE_VALUE, R_REQ},
	{TEE_ATTR_DH_SUBPRIME, 0},	     {TEE_ATTR_DH_X_BITS, 0},
};
static const struct attr_rule ecc_pub_rules[] = {
	{TEE_ATTR_ECC_PUBLIC_VALUE_X, R_REQ},
	{TEE_ATTR_ECC_PUBLIC_VALUE_Y, R_REQ},
	{TEE_ATTR_ECC_CURVE, R_REQ | R_SIZE},
};
static const struct attr_rule ecc_pair_rules[] = {
	{TEE_ATTR_ECC_PUBLIC_VALUE_X, R_REQ},
	{TEE_ATTR_ECC_PUBLIC_VALUE_Y, R_REQ},
	{TEE_ATTR_ECC_PRIVATE_VALUE, R_REQ},
	{TEE_ATTR_ECC_CURVE, R_REQ | R_SIZE},
};
static const struct attr_rule x25519_pub_rules[] = {
	{TEE_ATTR_X25519_PUBLIC_VALUE, R_REQ},
};
static const struct attr_rule x25519_pair_rules[] = {
	{TEE_ATTR_X25519_PUBLIC_VALUE, R_REQ},
	{TEE_ATTR_X25519_PRIVATE_VALUE, R_REQ},
};

#define TYPE(t, lo, hi, st, k, gen, r)                                         \
	{                                                                      \
		.type = (t), .min_size = (lo), .max_size = (hi), .step = (st), \
		.kind = (k), .generate = (gen), .rules = (r),                  \
		.num_rules = ARRAY_SIZE(r)                                     \
	}
#define SECRET(t, lo, hi, st)                                                  \
	TYPE(t, lo, hi, st, SIZE_SECRET, true, secret_rules)

static const struct cryp_type types[] = {
	SECRET(TEE_TYPE_AES, 128, 256, 64),
	/* DES keys carry their parity bits: 64 (3DES 128, 192) bits. */
	SECRET(TEE_TYPE_DES, 64, 64, 64),
	SECRET(TEE_TYPE_DES3, 128, 192, 64),
	SECRET(TEE_TYPE_HMAC_MD5, 64, 512, 8),
	SECRET(TEE_TYPE_HMAC_SHA1, 80, 512, 8),
	SECRET(TEE_TYPE_HMAC_SHA224, 112, 512, 8),
	SECRET(TEE_TYPE_HMAC_SHA256, 192, 1024, 8),
	SECRET(TEE_TYPE_HMAC_SHA384, 256, 1024, 8),
	SECRET(TEE_TYPE_HMAC_SHA512, 256, 1024, 8),
	SECRET(TEE_TYPE_GENERIC_SECRET, 8, 4096, 8),
	TYPE(TEE_TYPE_HKDF_IKM, 8, 4096, 8, SIZE_SECRET, true, hkdf_ikm_rules),
	TYPE(TEE_TYPE_CONCAT_KDF_Z, 8, 4096, 8, SIZE_SECRET, true,
	     concat_z_rules),
	TYPE(TEE_TYPE_PBKDF2_PASSWORD, 8, 4096, 8, SIZE_SECRET, true,
	     pbkdf2_rules),
	/* GP 1.3.1's HKDF input key: a plain secret value. */
	SECRET(TEE_TYPE_HKDF, 8, 4096, 8),
	TYPE(TEE_TYPE_RSA_PUBLIC_KEY, 256, 4096, 0, SIZE_BIGNUM, false,
	     rsa_pub_rules),
	TYPE(TEE_TYPE_RSA_KEYPAIR, 256, 4096, 0, SIZE_BIGNUM, false,
	     rsa_pair_rules),
	TYPE(TEE_TYPE_DH_KEYPAIR, 256, 2048, 0, SIZE_BIGNUM, false,
	     dh_pair_rules),
	TYPE(TEE_TYPE_ECDSA_PUBLIC_KEY, 192, 521, 0, SIZE_CURVE, false,
	     ecc_pub_rules),
	TYPE(TEE_TYPE_ECDSA_KEYPAIR, 192, 521, 0, SIZE_CURVE, false,
	     ecc_pair_rules),
	TYPE(TEE_TYPE_ECDH_PUBLIC_KEY, 192, 521, 0, SIZE_CURVE, false,
	     ecc_pub_rules),
	TYPE(TEE_TYPE_ECDH_KEYPAIR, 192, 521, 0, SIZE_CURVE, false,
	     ecc_pair_rules),
	TYPE(TEE_TYPE_X25519_PUBLIC_KEY, 256, 256, 0, SIZE_FIXED, false,
	     x25519_pub_rules),
	TYPE(TEE_TYPE_X25519_KEYPAIR, 256, 256, 0, SIZE_FIXED, false,
	     x25519_pair_rules),
};

const struct cryp_type *cryp_type_find(uint32_t type)
{
	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		if (types[i].type == type)
			return &types[i];
	return NULL;
}

bool cryp_type_max_ok(const struct cryp_type *ti, uint32_t bits)
{
	return bits >= ti->min_size && bits <= ti->max_size &&
	       (!ti->step || bits % ti->step == 0);
}

static uint32_t curve_bits(uint32_t curve)
{
	switch (curve) {
	case TEE_ECC_CURVE_NIST_P192:
		return 192;
	case TEE_ECC_CURVE_NIST_P224:
		return 224;
	case TEE_ECC_CURVE_NIST_P256:
		return 256;
	case TEE_ECC_CURVE_NIST_P384:
		return 384;
	case TEE_ECC_CURVE_NIST_P521:
		return 521;
	}
	return 0;
}

bool cryp_type_size_ok(const struct cryp_type *ti, uint32_t bits)
{
	if (!cryp_type_max_ok(ti, bits))
		return false;
	if (ti->kind == SIZE_CURVE)
		return bits == 192 || bits == 224 || bits == 256 ||
		       bits == 384 || bits == 521;
	return true;
}

bool cryp_type_can_generate(const struct cryp_type *ti)
{
	return ti->generate;
}

bool cryp_type_is_des(const struct cryp_type *ti)
{
	return ti->type == TEE_TYPE_DES || ti->type == TEE_TYPE_DES3;
}

static const struct attr_rule *rule_of(const struct cryp_type *ti, uint32_t id)
{
	for (size_t i = 0; i < ti->num_rules; i++)
		if (ti->rules[i].id == id)
			return &ti->rules[i];
	return NULL;
}

bool cryp_type_has_attr(const struct cryp_type *ti, uint32_t id)
{
	return rule_of(ti, id) != NULL;
}

/* Bit length of a big-endian unsigned number. */
static uint32_t bignum_bits(const uint8_t *p, size_t len)
{
	while (len && !*p) {
		p++;
		len--;
	}
	if (!len)
		return 0;
	return (uint32_t)(len * 8 - (size_t)__builtin_clz(*p) + 24);
}

static TEE_Result size_of(const struct cryp_type *ti,
			  const struct cryp_attr_in *a, uint32_t *size)
{
	switch (ti->kind) {
	case SIZE_FIXED:
		*size = ti->min_size;
		return TEE_SUCCESS;
	case SIZE_SECRET:
		if (a->len > UINT32_MAX / 8)
			return TEE_ERROR_BAD_PARAMETERS;
		*size = (uint32_t)a->len * 8;
		return TEE_SUCCESS;
	case SIZE_BIGNUM:
		*size = bignum_bits(a->buf, a->len);
		return TEE_SUCCESS;
	case SIZE_CURVE:
		*size = curve_bits(a->a);
		return *size ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_ERROR_BAD_PARAMETERS;
}

/* Lengths of the other attributes, once the size is known. */
static bool lengths_ok(const struct cryp_type *ti, uint32_t size,
		       const struct cryp_attr_in *attrs, size_t n)
{
	size_t bytes = (size + 7) / 8;

	for (size_t i = 0; i < n; i++) {
		if (attrs[i].id & TEE_ATTR_FLAG_VALUE)
			continue;
		if (ti->kind == SIZE_FIXED && attrs[i].len != bytes)
			return false;
		if (ti->kind == SIZE_CURVE && attrs[i].len > bytes)
			return false;
		if (ti->kind == SIZE_BIGNUM && !attrs[i].len)
			return false;
	}
	return true;
}

TEE_Result cryp_type_check_populate(const struct cryp_type *ti,
				    uint32_t max_size,
				    const struct cryp_attr_in *attrs, size_t n,
				    uint32_t *size)
{
	const struct cryp_attr_in *sized = NULL;
	size_t crt = 0;
	TEE_Result res;

	for (size_t i = 0; i < n; i++) {
		const struct attr_rule *r = rule_of(ti, attrs[i].id);

		if (!r)
			return TEE_ERROR_BAD_FORMAT;
		for (size_t j = 0; j < i; j++)
			if (attrs[j].id == attrs[i].id)
				return TEE_ERROR_BAD_PARAMETERS;
		if (r->flags & R_SIZE)
			sized = &attrs[i];
		if (r->flags & R_CRT)
			crt++;
	}
	for (size_t k = 0; k < ti->num_rules; k++) {
		bool found = false;

		if (!(ti->rules[k].flags & R_REQ))
			continue;
		for (size_t i = 0; i < n && !found; i++)
			found = attrs[i].id == ti->rules[k].id;
		if (!found)
			return TEE_ERROR_BAD_FORMAT;
	}
	if (crt && crt != 5)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!sized && ti->kind != SIZE_FIXED)
		return TEE_ERROR_BAD_FORMAT;
	res = size_of(ti, sized, size);
	if (res)
		return res;
	if (*size > max_size)
		return TEE_ERROR_BAD_FORMAT; /* GP: "too big": a panic */
	if (!cryp_type_size_ok(ti, *size) || !lengths_ok(ti, *size, attrs, n))
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

bool cryp_type_copy_ok(const struct cryp_type *dst, const struct cryp_type *src)
{
	/* A key pair type is its public-key type with bit 24 set. */
	return dst == src || (src->type == (dst->type | 0x01000000u) &&
			      dst->type != src->type);
}
