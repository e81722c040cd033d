/*
 * Object types and attribute rules (obj_attrs.c) and the object life
 * cycle (obj.c): sizes per type, mandatory and foreign attributes,
 * populate/generate/copy/reset, extractability, usage, handles, budget.
 */
#include <string.h>

#include "cryp_test.h"

static const struct cryp_type *T(uint32_t type)
{
	const struct cryp_type *ti = cryp_type_find(type);

	CHECK(ti != NULL);
	return ti;
}

TEST(cryp_type_max_sizes)
{
	static const struct {
		uint32_t type, bits;
		bool ok;
	} cases[] = {
		{TEE_TYPE_AES, 128, true},
		{TEE_TYPE_AES, 192, true},
		{TEE_TYPE_AES, 256, true},
		{TEE_TYPE_AES, 64, false},
		{TEE_TYPE_AES, 160, false},
		{TEE_TYPE_AES, 320, false},
		{TEE_TYPE_DES, 64, true},
		{TEE_TYPE_DES, 56, false},
		{TEE_TYPE_DES3, 128, true},
		{TEE_TYPE_DES3, 192, true},
		{TEE_TYPE_DES3, 168, false},
		{TEE_TYPE_DES3, 256, false},
		{TEE_TYPE_HMAC_MD5, 64, true},
		{TEE_TYPE_HMAC_MD5, 56, false},
		{TEE_TYPE_HMAC_MD5, 512, true},
		{TEE_TYPE_HMAC_MD5, 520, false},
		{TEE_TYPE_HMAC_SHA1, 80, true},
		{TEE_TYPE_HMAC_SHA1, 72, false},
		{TEE_TYPE_HMAC_SHA1, 84, false},
		{TEE_TYPE_HMAC_SHA224, 112, true},
		{TEE_TYPE_HMAC_SHA224, 104, false},
		{TEE_TYPE_HMAC_SHA256, 192, true},
		{TEE_TYPE_HMAC_SHA256, 184, false},
		{TEE_TYPE_HMAC_SHA256, 1024, true},
		{TEE_TYPE_HMAC_SHA256, 1032, false},
		{TEE_TYPE_HMAC_SHA384, 256, true},
		{TEE_TYPE_HMAC_SHA512, 248, false},
		{TEE_TYPE_GENERIC_SECRET, 8, true},
		{TEE_TYPE_GENERIC_SECRET, 4096, true},
		{TEE_TYPE_GENERIC_SECRET, 4, false},
		{TEE_TYPE_GENERIC_SECRET, 4104, false},
		{TEE_TYPE_RSA_KEYPAIR, 2048, true},
		{TEE_TYPE_RSA_KEYPAIR, 128, false},
		{TEE_TYPE_ECDSA_KEYPAIR, 521, true},
		{TEE_TYPE_X25519_KEYPAIR, 256, true},
		{TEE_TYPE_X25519_KEYPAIR, 255, false},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		bool ok = cryp_type_max_ok(T(cases[i].type), cases[i].bits);

		if (ok != cases[i].ok)
			fprintf(stderr, "  type 0x%x bits %u\n", cases[i].type,
				cases[i].bits);
		CHECK(ok == cases[i].ok);
	}
	/* ECC keys only come in the NIST curve sizes. */
	CHECK(!cryp_type_size_ok(T(TEE_TYPE_ECDH_KEYPAIR), 200));
	CHECK(cryp_type_size_ok(T(TEE_TYPE_ECDH_KEYPAIR), 384));
}

TEST(cryp_type_unsupported)
{
	struct cryp_inst *ci = new_inst();
	uint32_t h;

	/* DSA, Ed25519, SM2, SM4, HMAC-SM3, data objects: not here. */
	static const uint32_t no[] = {0xA0000031, 0xA1000043, 0xA1000045,
				      0xA0000014, 0xA0000007, 0xA00000BF,
				      0xA0000008, 0};

	for (size_t i = 0; i < ARRAY_SIZE(no); i++)
		CHECK_EQ(cryp_obj_alloc(ci, no[i], 256, &h),
			 TEE_ERROR_NOT_SUPPORTED);
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_AES, 100, &h),
		 TEE_ERROR_NOT_SUPPORTED);
	cryp_inst_free(ci);
}

static TEE_Result populate(uint32_t type, uint32_t max,
			   const struct cryp_attr_in *a, size_t n,
			   uint32_t *size)
{
	return cryp_type_check_populate(T(type), max, a, n, size);
}

TEST(cryp_populate_rules)
{
	uint8_t k[64] = {1};
	uint32_t size = 0;
	struct cryp_attr_in aes = {
		.id = TEE_ATTR_SECRET_VALUE, .buf = k, .len = 16};
	struct cryp_attr_in two[2] = {aes, aes};
	struct cryp_attr_in wrong = {
		.id = TEE_ATTR_RSA_MODULUS, .buf = k, .len = 16};

	CHECK_EQ(populate(TEE_TYPE_AES, 256, &aes, 1, &size), TEE_SUCCESS);
	CHECK_EQ(size, 128);
	/* Missing mandatory attribute, foreign attribute: panics. */
	CHECK_EQ(populate(TEE_TYPE_AES, 256, NULL, 0, &size),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(populate(TEE_TYPE_AES, 256, &wrong, 1, &size),
		 TEE_ERROR_BAD_FORMAT);
	/* Too big for the object: a panic; not a size of the type: error. */
	aes.len = 32;
	CHECK_EQ(populate(TEE_TYPE_AES, 128, &aes, 1, &size),
		 TEE_ERROR_BAD_FORMAT);
	aes.len = 20;
	CHECK_EQ(populate(TEE_TYPE_AES, 256, &aes, 1, &size),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(populate(TEE_TYPE_AES, 256, two, 2, &size),
		 TEE_ERROR_BAD_PARAMETERS);
	/* HMAC: min/max and multiples of 8 bits. */
	aes.len = 9;
	CHECK_EQ(populate(TEE_TYPE_HMAC_SHA1, 512, &aes, 1, &size),
		 TEE_ERROR_BAD_PARAMETERS);
	aes.len = 10;
	CHECK_EQ(populate(TEE_TYPE_HMAC_SHA1, 512, &aes, 1, &size),
		 TEE_SUCCESS);
	CHECK_EQ(size, 80);
	aes.len = 8;
	CHECK_EQ(populate(TEE_TYPE_DES, 64, &aes, 1, &size), TEE_SUCCESS);
	aes.len = 7;
	CHECK_EQ(populate(TEE_TYPE_DES, 64, &aes, 1, &size),
		 TEE_ERROR_BAD_PARAMETERS);
}

TEST(cryp_populate_asymmetric_generic)
{
	uint8_t n[256], e[3] = {1, 0, 1}, x[32] = {9};
	uint32_t size = 0;
	struct cryp_attr_in rsa[8] = {
		{.id = TEE_ATTR_RSA_MODULUS, .buf = n, .len = sizeof(n)},
		{.id = TEE_ATTR_RSA_PUBLIC_EXPONENT, .buf = e, .len = 3},
		{.id = TEE_ATTR_RSA_PRIVATE_EXPONENT, .buf = n, .len = 256},
		{.id = TEE_ATTR_RSA_PRIME1, .buf = n, .len = 128},
	};
	struct cryp_attr_in ecc[3] = {
		{.id = TEE_ATTR_ECC_PUBLIC_VALUE_X, .buf = x, .len = 32},
		{.id = TEE_ATTR_ECC_PUBLIC_VALUE_Y, .buf = x, .len = 32},
		{.id = TEE_ATTR_ECC_CURVE, .a = TEE_ECC_CURVE_NIST_P256},
	};
	struct cryp_attr_in x25519 = {
		.id = TEE_ATTR_X25519_PUBLIC_VALUE, .buf = x, .len = 31};

	memset(n, 0xff, sizeof(n));
	n[0] = 0x0f; /* 2044 bits */
	CHECK_EQ(populate(TEE_TYPE_RSA_PUBLIC_KEY, 2048, rsa, 2, &size),
		 TEE_SUCCESS);
	CHECK_EQ(size, 2044);
	CHECK_EQ(populate(TEE_TYPE_RSA_PUBLIC_KEY, 1024, rsa, 2, &size),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(populate(TEE_TYPE_RSA_KEYPAIR, 2048, rsa, 3, &size),
		 TEE_SUCCESS);
	/* One CRT parameter without the other four. */
	CHECK_EQ(populate(TEE_TYPE_RSA_KEYPAIR, 2048, rsa, 4, &size),
		 TEE_ERROR_BAD_PARAMETERS);
	/* The private exponent is not a public-key attribute. */
	CHECK_EQ(populate(TEE_TYPE_RSA_PUBLIC_KEY, 2048, rsa, 3, &size),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(populate(TEE_TYPE_ECDSA_PUBLIC_KEY, 521, ecc, 3, &size),
		 TEE_SUCCESS);
	CHECK_EQ(size, 256);
	ecc[2].a = 0x77;
	CHECK_EQ(populate(TEE_TYPE_ECDSA_PUBLIC_KEY, 521, ecc, 3, &size),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(populate(TEE_TYPE_X25519_PUBLIC_KEY, 256, &x25519, 1, &size),
		 TEE_ERROR_BAD_PARAMETERS);
	x25519.len = 32;
	CHECK_EQ(populate(TEE_TYPE_X25519_PUBLIC_KEY, 256, &x25519, 1, &size),
		 TEE_SUCCESS);
}

TEST(cryp_object_life_cycle)
{
	struct cryp_inst *ci = new_inst();
	uint8_t key[32], out[64];
	struct cryp_attr_in a = {
		.id = TEE_ATTR_SECRET_VALUE, .buf = key, .len = 32};
	const struct cryp_attr *got;
	struct utee_object_info info;
	struct cryp_obj *o, *pub, *cp;
	uint32_t h, h2, h3;

	prng_fill(key, sizeof(key));
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_AES, 256, &h), TEE_SUCCESS);
	CHECK(h != 0);
	CHECK_EQ(cryp_obj_get(ci, h, &o), TEE_SUCCESS);
	cryp_obj_info(o, &info);
	CHECK_EQ(info.obj_usage, 0xffffffffu);
	CHECK_EQ(info.handle_flags & TEE_HANDLE_FLAG_INITIALIZED, 0);
	CHECK_EQ(cryp_obj_read_attr(o, TEE_ATTR_SECRET_VALUE, &got),
		 TEE_ERROR_BAD_STATE);
	CHECK_EQ(cryp_obj_populate(ci, o, &a, 1), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_populate(ci, o, &a, 1), TEE_ERROR_BAD_STATE);
	cryp_obj_info(o, &info);
	CHECK_EQ(info.obj_size, 256);
	CHECK(info.handle_flags & TEE_HANDLE_FLAG_INITIALIZED);
	/* The key is extractable until the usage says otherwise. */
	CHECK_EQ(cryp_obj_read_attr(o, TEE_ATTR_SECRET_VALUE, &got),
		 TEE_SUCCESS);
	CHECK(got->len == 32 && !memcmp(got->buf, key, 32));
	CHECK_EQ(cryp_obj_read_attr(o, TEE_ATTR_RSA_MODULUS, &got),
		 TEE_ERROR_ITEM_NOT_FOUND);
	o->usage &= ~TEE_USAGE_EXTRACTABLE;
	CHECK_EQ(cryp_obj_read_attr(o, TEE_ATTR_SECRET_VALUE, &got),
		 TEE_ERROR_ACCESS_DENIED);
	/* Copy: same type, usage intersected, no more than the max size. */
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_AES, 256, &h2), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h2, &cp), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_copy_attrs(ci, cp, o), TEE_SUCCESS);
	CHECK_EQ(cp->usage, o->usage);
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_AES, 128, &h3), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h3, &pub), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_copy_attrs(ci, pub, o), TEE_ERROR_BAD_FORMAT);
	cryp_obj_close(ci, h3);
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_DES3, 192, &h3), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h3, &pub), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_copy_attrs(ci, pub, o), TEE_ERROR_BAD_FORMAT);
	/* Reset: uninitialized again, all usage back. */
	cryp_obj_reset(ci, o);
	cryp_obj_info(o, &info);
	CHECK_EQ(info.obj_size, 0);
	CHECK_EQ(info.obj_usage, 0xffffffffu);
	CHECK_EQ(info.handle_flags & TEE_HANDLE_FLAG_INITIALIZED, 0);
	/* Generate: random, DES with odd parity. */
	CHECK_EQ(cryp_obj_generate(ci, o, 192, NULL, 0), TEE_SUCCESS);
	CHECK_EQ(o->size, 192);
	cryp_obj_close(ci, h3);
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_DES3, 192, &h3), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h3, &pub), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_generate(ci, pub, 256, NULL, 0),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_obj_generate(ci, pub, 192, NULL, 0), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_read_attr(pub, TEE_ATTR_SECRET_VALUE, &got),
		 TEE_SUCCESS);
	for (size_t i = 0; i < got->len; i++)
		CHECK_EQ(__builtin_popcount(got->buf[i]) % 2, 1);
	(void)out;
	/* Closed handles are stale, not reused. */
	cryp_obj_close(ci, h);
	CHECK_EQ(cryp_obj_get(ci, h, &o), TEE_ERROR_BAD_STATE);
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_AES, 128, &h3), TEE_SUCCESS);
	CHECK(h3 != h);
	CHECK_EQ(cryp_obj_get(ci, h, &o), TEE_ERROR_BAD_STATE);
	/* Asymmetric generation: public keys never; DH needs its group. */
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_RSA_PUBLIC_KEY, 2048, &h),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h, &o), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_generate(ci, o, 2048, NULL, 0), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_DH_KEYPAIR, 2048, &h),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h, &o), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_generate(ci, o, 2048, NULL, 0), TEE_ERROR_BAD_FORMAT);
	cryp_inst_free(ci);
}

TEST(cryp_object_keypair_to_public)
{
	struct cryp_inst *ci = new_inst();
	uint8_t x[32] = {3}, d[32] = {4};
	struct cryp_attr_in a[4] = {
		{.id = TEE_ATTR_ECC_PUBLIC_VALUE_X, .buf = x, .len = 32},
		{.id = TEE_ATTR_ECC_PUBLIC_VALUE_Y, .buf = x, .len = 32},
		{.id = TEE_ATTR_ECC_PRIVATE_VALUE, .buf = d, .len = 32},
		{.id = TEE_ATTR_ECC_CURVE, .a = TEE_ECC_CURVE_NIST_P256},
	};
	const struct cryp_attr *got;
	struct cryp_obj *kp, *pub;
	uint32_t h1, h2;

	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_ECDSA_KEYPAIR, 256, &h1),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h1, &kp), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_populate(ci, kp, a, 4), TEE_SUCCESS);
	kp->usage &= ~TEE_USAGE_EXTRACTABLE;
	CHECK_EQ(cryp_obj_alloc(ci, TEE_TYPE_ECDSA_PUBLIC_KEY, 256, &h2),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, h2, &pub), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_copy_attrs(ci, pub, kp), TEE_SUCCESS);
	CHECK_EQ(pub->num_attrs, 3);
	CHECK(cryp_obj_attr(pub, TEE_ATTR_ECC_PRIVATE_VALUE) == NULL);
	/* Public parts stay readable without EXTRACTABLE; the curve too. */
	CHECK_EQ(cryp_obj_read_attr(kp, TEE_ATTR_ECC_PUBLIC_VALUE_X, &got),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_obj_read_attr(kp, TEE_ATTR_ECC_CURVE, &got), TEE_SUCCESS);
	CHECK_EQ(got->a, TEE_ECC_CURVE_NIST_P256);
	CHECK_EQ(cryp_obj_read_attr(kp, TEE_ATTR_ECC_PRIVATE_VALUE, &got),
		 TEE_ERROR_ACCESS_DENIED);
	/* A public key does not become a key pair. */
	cryp_obj_reset(ci, kp);
	CHECK_EQ(cryp_obj_copy_attrs(ci, kp, pub), TEE_ERROR_BAD_FORMAT);
	cryp_inst_free(ci);
}

TEST(cryp_budget_and_limits)
{
	struct cryp_inst *ci = new_inst();
	uint32_t h = 0, n = 0;
	TEE_Result res;

	while ((res = cryp_obj_alloc(ci, TEE_TYPE_GENERIC_SECRET, 4096, &h)) ==
	       TEE_SUCCESS)
		n++;
	CHECK_EQ(res, TEE_ERROR_OUT_OF_MEMORY);
	CHECK(n > 100 && n <= CRYP_MAX_OBJECTS);
	CHECK(ci->mem_used <= CRYP_MEM_BUDGET);
	cryp_inst_free(ci);
}
