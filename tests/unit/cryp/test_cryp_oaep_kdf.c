/*
 * RSAES-OAEP with a separate MGF1 hash (core/crypto/crypto_rsa_oaep.c),
 * OP-TEE's Concat KDF and GP 1.3.1's TEE_ALG_HKDF, against OpenSSL and
 * RFC 5869, and the refusals of bad paddings and bad parameters.
 */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <string.h>
#include <tee/tee_cryp_asym_defs.h>

#include "cryp_asym.h"
#include "cryp_test.h"

static const EVP_MD *md_of(uint32_t hash)
{
	static const EVP_MD *(*const mds[])(void) = {EVP_md5,	 EVP_sha1,
						     EVP_sha224, EVP_sha256,
						     EVP_sha384, EVP_sha512};

	return mds[hash]();
}

static struct cryp_obj *obj(struct cryp_inst *ci, uint32_t type, uint32_t bits,
			    const struct cryp_attr_in *a, size_t n, uint32_t *h)
{
	struct cryp_obj *o = NULL;

	CHECK_EQ(cryp_obj_alloc(ci, type, bits, h), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, *h, &o), TEE_SUCCESS);
	if (n)
		CHECK_EQ(cryp_obj_populate(ci, o, a, n), TEE_SUCCESS);
	return o;
}

static struct cryp_op *op_for(struct cryp_inst *ci, uint32_t algo,
			      uint32_t mode, const struct cryp_obj *k)
{
	struct cryp_op *op = NULL;
	uint32_t h;

	CHECK_EQ(cryp_op_alloc(ci, algo, mode, k->size, &h), TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, h, &op), TEE_SUCCESS);
	CHECK_EQ(cryp_op_set_key(ci, op, k, NULL, false), TEE_SUCCESS);
	return op;
}

static EVP_PKEY *openssl_key(const struct cryp_obj *k)
{
	static const uint32_t ids[] = {
		TEE_ATTR_RSA_MODULUS,	       TEE_ATTR_RSA_PUBLIC_EXPONENT,
		TEE_ATTR_RSA_PRIVATE_EXPONENT, TEE_ATTR_RSA_PRIME1,
		TEE_ATTR_RSA_PRIME2,	       TEE_ATTR_RSA_EXPONENT1,
		TEE_ATTR_RSA_EXPONENT2,	       TEE_ATTR_RSA_COEFFICIENT};
	static const char *const names[] = {OSSL_PKEY_PARAM_RSA_N,
					    OSSL_PKEY_PARAM_RSA_E,
					    OSSL_PKEY_PARAM_RSA_D,
					    OSSL_PKEY_PARAM_RSA_FACTOR1,
					    OSSL_PKEY_PARAM_RSA_FACTOR2,
					    OSSL_PKEY_PARAM_RSA_EXPONENT1,
					    OSSL_PKEY_PARAM_RSA_EXPONENT2,
					    OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
	OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	OSSL_PARAM *params;
	EVP_PKEY *pk = NULL;
	BIGNUM *v[8];

	for (int i = 0; i < 8; i++) {
		const struct cryp_attr *a = cryp_obj_attr(k, ids[i]);

		v[i] = BN_bin2bn(a->buf, (int)a->len, NULL);
		CHECK(OSSL_PARAM_BLD_push_BN(b, names[i], v[i]) == 1);
	}
	params = OSSL_PARAM_BLD_to_param(b);
	CHECK(ctx && params && EVP_PKEY_fromdata_init(ctx) == 1);
	CHECK(EVP_PKEY_fromdata(ctx, &pk, EVP_PKEY_KEYPAIR, params) == 1);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(b);
	for (int i = 0; i < 8; i++)
		BN_free(v[i]);
	return pk;
}

static EVP_PKEY_CTX *oaep_ctx(EVP_PKEY *pk, bool enc, uint32_t hash,
			      uint32_t mgf, const char *label)
{
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new(pk, NULL);

	CHECK(c &&
	      (enc ? EVP_PKEY_encrypt_init(c) : EVP_PKEY_decrypt_init(c)) == 1);
	CHECK(EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_OAEP_PADDING) == 1);
	CHECK(EVP_PKEY_CTX_set_rsa_oaep_md(c, md_of(hash)) == 1);
	CHECK(EVP_PKEY_CTX_set_rsa_mgf1_md(c, md_of(mgf)) == 1);
	if (*label)
		CHECK(EVP_PKEY_CTX_set0_rsa_oaep_label(
			      c, (void *)OPENSSL_strdup(label),
			      (int)strlen(label)) == 1);
	return c;
}

/* Every label hash x MGF1 hash pair, both ways against OpenSSL. */
TEST(cryp_oaep_mgf_vs_openssl)
{
	struct cryp_inst *ci = new_inst();
	struct cryp_obj *k;
	struct cryp_attr_in gp = {0};
	uint8_t msg[40], ct[256], pt[256];
	size_t len;
	uint32_t h;
	EVP_PKEY *pk;

	prng_seed(0x0a3e);
	k = obj(ci, TEE_TYPE_RSA_KEYPAIR, 2048, NULL, 0, &h);
	CHECK_EQ(cryp_obj_generate(ci, k, 2048, NULL, 0), TEE_SUCCESS);
	pk = openssl_key(k);
	for (uint32_t lh = CRYPTO_HASH_SHA1; lh <= CRYPTO_HASH_SHA512; lh++) {
		uint32_t algo = TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1 +
				(lh - CRYPTO_HASH_SHA1) * 0x00100000u;
		struct cryp_op *e = op_for(ci, algo, TEE_MODE_ENCRYPT, k);
		struct cryp_op *d = op_for(ci, algo, TEE_MODE_DECRYPT, k);

		for (uint32_t mh = CRYPTO_HASH_MD5; mh <= CRYPTO_HASH_SHA512;
		     mh++) {
			uint32_t mgf_alg = TEE_ALG_MD5 + mh;
			const char *label = mh % 2 ? "a label" : "";
			struct cryp_attr_in p[2] = {
				{.id = TEE_ATTR_RSA_OAEP_MGF_HASH,
				 .buf = (const uint8_t *)&mgf_alg,
				 .len = 4},
				{.id = TEE_ATTR_RSA_OAEP_LABEL,
				 .buf = (const uint8_t *)label,
				 .len = strlen(label)}};
			size_t n = *label ? 2 : 1, plen;
			EVP_PKEY_CTX *c;

			prng_fill(msg, sizeof(msg));
			len = sizeof(ct);
			CHECK_EQ(cryp_asym_run(e, TEE_MODE_ENCRYPT, p, n, msg,
					       sizeof(msg), ct, &len),
				 TEE_SUCCESS);
			CHECK_EQ(len, 256);
			c = oaep_ctx(pk, false, lh, mh, label);
			plen = sizeof(pt);
			CHECK(EVP_PKEY_decrypt(c, pt, &plen, ct, len) == 1);
			CHECK(plen == sizeof(msg) && !memcmp(pt, msg, plen));
			EVP_PKEY_CTX_free(c);
			/* OpenSSL's ciphertext, ours to decrypt. */
			c = oaep_ctx(pk, true, lh, mh, label);
			len = sizeof(ct);
			CHECK(EVP_PKEY_encrypt(c, ct, &len, msg, 17) == 1);
			EVP_PKEY_CTX_free(c);
			plen = sizeof(pt);
			CHECK_EQ(cryp_asym_run(d, TEE_MODE_DECRYPT, p, n, ct,
					       len, pt, &plen),
				 TEE_SUCCESS);
			CHECK(plen == 17 && !memcmp(pt, msg, 17));
			/* Another MGF1 hash does not decode it. */
			mgf_alg = TEE_ALG_MD5 + (mh + 1) % 6;
			plen = sizeof(pt);
			CHECK_EQ(cryp_asym_run(d, TEE_MODE_DECRYPT, p, n, ct,
					       len, pt, &plen),
				 TEE_ERROR_BAD_PARAMETERS);
		}
		/* Unknown hash (an OAEP algorithm ID), wrong size. */
		gp = (struct cryp_attr_in){.id = TEE_ATTR_RSA_OAEP_MGF_HASH,
					   .buf = (const uint8_t *)&algo,
					   .len = 4};
		len = sizeof(ct);
		CHECK_EQ(cryp_asym_run(e, TEE_MODE_ENCRYPT, &gp, 1, msg, 8, ct,
				       &len),
			 TEE_ERROR_NOT_SUPPORTED);
		gp.len = 8;
		CHECK_EQ(cryp_asym_run(e, TEE_MODE_ENCRYPT, &gp, 1, msg, 8, ct,
				       &len),
			 TEE_ERROR_BAD_PARAMETERS);
	}
	EVP_PKEY_free(pk);
	cryp_inst_free(ci);
}

/* dst ^= MGF1(seed) over OpenSSL's digests: an independent masking. */
static void mask(uint8_t *dst, size_t len, const uint8_t *seed, size_t slen,
		 uint32_t mgf)
{
	uint8_t blk[64];
	unsigned int bl = 0;

	for (uint32_t c = 0; len; c++) {
		uint8_t be[4] = {(uint8_t)(c >> 24), (uint8_t)(c >> 16),
				 (uint8_t)(c >> 8), (uint8_t)c};
		EVP_MD_CTX *x = EVP_MD_CTX_new();
		size_t n;

		CHECK(EVP_DigestInit_ex(x, md_of(mgf), NULL) == 1);
		EVP_DigestUpdate(x, seed, slen);
		EVP_DigestUpdate(x, be, 4);
		EVP_DigestFinal_ex(x, blk, &bl);
		EVP_MD_CTX_free(x);
		n = len < bl ? len : bl;
		for (size_t i = 0; i < n; i++)
			dst[i] ^= blk[i];
		dst += n;
		len -= n;
	}
}

/* EM from a DB built by hand: 00 || seed ^ MGF(mDB) || DB ^ MGF(seed). */
static void build_em(uint8_t *em, size_t k, const uint8_t *db, size_t hlen,
		     uint32_t mgf)
{
	em[0] = 0;
	prng_fill(em + 1, hlen);
	memcpy(em + 1 + hlen, db, k - hlen - 1);
	mask(em + 1 + hlen, k - hlen - 1, em + 1, hlen, mgf);
	mask(em + 1, hlen, em + 1 + hlen, k - hlen - 1, mgf);
}

TEST(cryp_oaep_decode_refusals)
{
	const size_t k = 128, hlen = 32, dlen = k - hlen - 1;
	uint8_t db[128], em[128], out[128], seed[32], em2[128];
	size_t n = 0;

	prng_seed(0x0ae9);
	/* A good DB: lHash("") || zeros || 01 || "hi". */
	memset(db, 0, sizeof(db));
	CHECK(EVP_Digest("", 0, db, NULL, EVP_sha256(), NULL) == 1);
	memcpy(db + dlen - 2, "hi", 2);
	db[dlen - 3] = 1;
	build_em(em, k, db, hlen, CRYPTO_HASH_SHA1);
	CHECK_EQ(crypto_oaep_decode(CRYPTO_HASH_SHA256, CRYPTO_HASH_SHA1, NULL,
				    0, em, k, out, &n),
		 TEE_SUCCESS);
	CHECK(n == 2 && !memcmp(out, "hi", 2));
	/* Our encoder, OpenSSL-style masking: the same DB comes back. */
	prng_fill(seed, sizeof(seed));
	CHECK_EQ(crypto_oaep_encode(CRYPTO_HASH_SHA256, CRYPTO_HASH_SHA1, NULL,
				    0, (const uint8_t *)"hi", 2, seed, em2, k),
		 TEE_SUCCESS);
	mask(em2 + 1, hlen, em2 + 1 + hlen, dlen, CRYPTO_HASH_SHA1);
	CHECK(!memcmp(em2 + 1, seed, hlen));
	mask(em2 + 1 + hlen, dlen, em2 + 1, hlen, CRYPTO_HASH_SHA1);
	CHECK(em2[0] == 0 && !memcmp(em2 + 1 + hlen, db, dlen));
	/* Empty message: the separator is DB's last byte. */
	memset(db + hlen, 0, dlen - hlen);
	db[dlen - 1] = 1;
	build_em(em, k, db, hlen, CRYPTO_HASH_SHA1);
	CHECK_EQ(crypto_oaep_decode(CRYPTO_HASH_SHA256, CRYPTO_HASH_SHA1, NULL,
				    0, em, k, out, &n),
		 TEE_SUCCESS);
	CHECK_EQ(n, 0);
	/* Each defect alone is refused, with the same code. */
	for (int defect = 0; defect < 5; defect++) {
		memset(db + hlen, 0, dlen - hlen);
		db[dlen - 5] = 1;
		CHECK(EVP_Digest("", 0, db, NULL, EVP_sha256(), NULL) == 1);
		if (defect == 1)
			db[hlen - 1] ^= 0x40; /* label hash */
		if (defect == 2)
			db[dlen - 5] = 0; /* no separator */
		if (defect == 3)
			db[hlen + 3] = 2; /* PS not zero */
		if (defect == 4)
			db[dlen - 5] = 0x81; /* separator not 01 */
		build_em(em, k, db, hlen, CRYPTO_HASH_SHA1);
		if (defect == 0)
			em[0] = 1; /* leading byte */
		CHECK_EQ(crypto_oaep_decode(CRYPTO_HASH_SHA256,
					    CRYPTO_HASH_SHA1, NULL, 0, em, k,
					    out, &n),
			 TEE_ERROR_BAD_PARAMETERS);
	}
	/* k too small for the hash: 2 * 64 + 2 > 128. */
	CHECK_EQ(crypto_oaep_encode(CRYPTO_HASH_SHA512, CRYPTO_HASH_SHA1, NULL,
				    0, out, 0, seed, em, k),
		 TEE_ERROR_BAD_PARAMETERS);
	/* The longest message fits, one more does not. */
	CHECK_EQ(crypto_oaep_encode(CRYPTO_HASH_SHA256, CRYPTO_HASH_SHA1, NULL,
				    0, out, k - 66, seed, em, k),
		 TEE_SUCCESS);
	CHECK_EQ(crypto_oaep_encode(CRYPTO_HASH_SHA256, CRYPTO_HASH_SHA1, NULL,
				    0, out, k - 65, seed, em, k),
		 TEE_ERROR_BAD_PARAMETERS);
}

/* SP 800-56A's single-step KDF with OpenSSL digests. */
static void ref_concat(uint32_t hash, const uint8_t *z, size_t zl,
		       const uint8_t *oi, size_t ol, uint8_t *out, size_t len)
{
	uint8_t blk[64];
	unsigned int bl;

	for (uint32_t c = 1, done = 0; done < len; c++) {
		uint8_t be[4] = {(uint8_t)(c >> 24), (uint8_t)(c >> 16),
				 (uint8_t)(c >> 8), (uint8_t)c};
		EVP_MD_CTX *x = EVP_MD_CTX_new();

		CHECK(EVP_DigestInit_ex(x, md_of(hash), NULL) == 1);
		EVP_DigestUpdate(x, be, 4);
		EVP_DigestUpdate(x, z, zl);
		EVP_DigestUpdate(x, oi, ol);
		EVP_DigestFinal_ex(x, blk, &bl);
		EVP_MD_CTX_free(x);
		memcpy(out + done, blk, len - done < bl ? len - done : bl);
		done += len - done < bl ? (uint32_t)(len - done) : bl;
	}
}

/* Derive into a fresh generic secret of @max bits: the result code. */
static TEE_Result derive(struct cryp_inst *ci, struct cryp_op *op,
			 const struct cryp_attr_in *p, size_t n, uint32_t max,
			 uint8_t *out, size_t *len)
{
	uint32_t h;
	struct cryp_obj *s = obj(ci, TEE_TYPE_GENERIC_SECRET, max, NULL, 0, &h);
	TEE_Result res = cryp_derive(ci, op, p, n, s);
	const struct cryp_attr *a = cryp_obj_attr(s, TEE_ATTR_SECRET_VALUE);

	if (!res && a) {
		memcpy(out, a->buf, a->len);
		*len = a->len;
	}
	cryp_obj_close(ci, h);
	return res;
}

TEST(cryp_concat_kdf)
{
	static const size_t lens[] = {1, 19, 20, 21, 64, 65, 200, 512};
	struct cryp_inst *ci = new_inst();
	uint8_t z[48], oi[30], out[512], want[512];
	size_t len = 0;
	uint32_t h;

	prng_seed(0xc0c);
	prng_fill(z, sizeof(z));
	prng_fill(oi, sizeof(oi));
	for (uint32_t hs = CRYPTO_HASH_SHA1; hs <= CRYPTO_HASH_SHA512; hs++) {
		struct cryp_attr_in za = {
			.id = TEE_ATTR_CONCAT_KDF_Z, .buf = z, .len = 48};
		struct cryp_obj *k =
			obj(ci, TEE_TYPE_CONCAT_KDF_Z, 384, &za, 1, &h);
		struct cryp_op *op =
			op_for(ci,
			       TEE_ALG_CONCAT_KDF_SHA1_DERIVE_KEY +
				       (hs - CRYPTO_HASH_SHA1) * 0x1000u,
			       TEE_MODE_DERIVE, k);

		for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
			struct cryp_attr_in p[2] = {
				{.id = TEE_ATTR_CONCAT_KDF_DKM_LENGTH,
				 .a = (uint32_t)lens[i]},
				{.id = TEE_ATTR_CONCAT_KDF_OTHER_INFO,
				 .buf = oi,
				 .len = i % 2 ? sizeof(oi) : 0}};

			CHECK_EQ(crypto_concat_kdf(hs, z, 48, oi, p[1].len, out,
						   lens[i]),
				 TEE_SUCCESS);
			ref_concat(hs, z, 48, oi, p[1].len, want, lens[i]);
			CHECK(!memcmp(out, want, lens[i]));
			memset(out, 0, sizeof(out));
			CHECK_EQ(derive(ci, op, p, 2, 4096, out, &len),
				 TEE_SUCCESS);
			CHECK(len == lens[i] && !memcmp(out, want, len));
		}
		cryp_obj_close(ci, h);
	}
	cryp_inst_free(ci);
}

TEST(cryp_kdf_refusals)
{
	struct cryp_inst *ci = new_inst();
	uint8_t z[16] = {1}, out[512];
	struct cryp_attr_in za = {
		.id = TEE_ATTR_CONCAT_KDF_Z, .buf = z, .len = 16};
	struct cryp_attr_in sv = {
		.id = TEE_ATTR_SECRET_VALUE, .buf = z, .len = 16};
	struct cryp_attr_in ik = {.id = TEE_ATTR_HKDF_IKM, .buf = z, .len = 16};
	struct cryp_attr_in p[2] = {{.id = TEE_ATTR_CONCAT_KDF_DKM_LENGTH}};
	uint32_t h1, h2, h3, oh;
	struct cryp_obj *k = obj(ci, TEE_TYPE_CONCAT_KDF_Z, 128, &za, 1, &h1);
	struct cryp_obj *hk = obj(ci, TEE_TYPE_HKDF, 128, &sv, 1, &h2);
	struct cryp_obj *ikm = obj(ci, TEE_TYPE_HKDF_IKM, 128, &ik, 1, &h3);
	struct cryp_op *op = op_for(ci, TEE_ALG_CONCAT_KDF_SHA256_DERIVE_KEY,
				    TEE_MODE_DERIVE, k);
	struct cryp_op *gp;
	size_t len;

	/* Concat KDF: DKM length absent, 0, more than the object holds. */
	CHECK_EQ(derive(ci, op, NULL, 0, 256, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(derive(ci, op, p, 1, 256, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	p[0].a = 33;
	CHECK_EQ(derive(ci, op, p, 1, 256, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	p[0].a = 32;
	CHECK_EQ(derive(ci, op, p, 1, 256, out, &len), TEE_SUCCESS);
	p[1] = (struct cryp_attr_in){
		.id = TEE_ATTR_HKDF_SALT, .buf = z, .len = 4};
	CHECK_EQ(derive(ci, op, p, 2, 256, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	/* TEE_ALG_HKDF: only a TEE_TYPE_HKDF key (BAD_FORMAT: a panic). */
	CHECK_EQ(cryp_op_alloc(ci, TEE_ALG_HKDF, TEE_MODE_DERIVE, 128, &oh),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, oh, &gp), TEE_SUCCESS);
	CHECK_EQ(cryp_op_set_key(ci, gp, ikm, NULL, false),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_set_key(ci, gp, k, NULL, false), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_set_key(ci, gp, hk, NULL, false), TEE_SUCCESS);
	/* ... a key size, a known hash. */
	p[0] = (struct cryp_attr_in){.id = TEE_ATTR_KDF_KEY_SIZE, .a = 0};
	CHECK_EQ(derive(ci, gp, p, 1, 256, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(derive(ci, gp, NULL, 0, 256, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	p[0].a = 42;
	p[1] = (struct cryp_attr_in){.id = TEE_ATTR_HKDF_HASH_ALGORITHM,
				     .a = TEE_ALG_AES_CBC_NOPAD};
	CHECK_EQ(derive(ci, gp, p, 2, 512, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	p[1].a = 0x50000007u; /* SM3: not here */
	CHECK_EQ(derive(ci, gp, p, 2, 512, out, &len),
		 TEE_ERROR_BAD_PARAMETERS);
	p[1].a = TEE_ALG_HMAC_SHA256;
	CHECK_EQ(derive(ci, gp, p, 2, 512, out, &len), TEE_SUCCESS);
	CHECK_EQ(len, 42);
	cryp_inst_free(ci);
}

/* RFC 5869 A.1 through TEE_ALG_HKDF, the hash named both ways. */
TEST(cryp_hkdf_gp_rfc5869)
{
	static const char okm_hex[] =
		"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5"
		"bf34007208d5b887185865";
	uint8_t ikm[22], salt[13], info[10], okm[42], out[512];
	struct cryp_inst *ci = new_inst();
	struct cryp_attr_in sv = {
		.id = TEE_ATTR_SECRET_VALUE, .buf = ikm, .len = 22};
	uint32_t h;
	struct cryp_obj *k;
	struct cryp_op *op;
	size_t len = 0;

	memset(ikm, 0x0b, sizeof(ikm));
	for (int i = 0; i < 13; i++)
		salt[i] = (uint8_t)i;
	for (int i = 0; i < 10; i++)
		info[i] = (uint8_t)(0xf0 + i);
	for (int i = 0; i < 42; i++)
		CHECK(sscanf(okm_hex + 2 * i, "%2hhx", &okm[i]) == 1);
	k = obj(ci, TEE_TYPE_HKDF, 176, &sv, 1, &h);
	op = op_for(ci, TEE_ALG_HKDF, TEE_MODE_DERIVE, k);
	for (int named = 0; named < 2; named++) {
		struct cryp_attr_in p[4] = {
			{.id = TEE_ATTR_KDF_KEY_SIZE, .a = 42},
			{.id = TEE_ATTR_HKDF_SALT, .buf = salt, .len = 13},
			{.id = TEE_ATTR_HKDF_INFO, .buf = info, .len = 10},
			{.id = TEE_ATTR_HKDF_HASH_ALGORITHM,
			 .a = TEE_ALG_SHA256}};

		/* Without the hash attribute: SHA-256, the default. */
		CHECK_EQ(derive(ci, op, p, named ? 4 : 3, 336, out, &len),
			 TEE_SUCCESS);
		CHECK(len == 42 && !memcmp(out, okm, 42));
		p[3].a = TEE_ALG_SHA1;
		CHECK_EQ(derive(ci, op, p, 4, 336, out, &len), TEE_SUCCESS);
		CHECK(len == 42 && memcmp(out, okm, 42));
	}
	cryp_inst_free(ci);
}
