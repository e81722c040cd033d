/*
 * RSA for the GP asymmetric operations (crypto_asym.h) with mbedTLS:
 * PKCS#1 v1.5 and PSS signatures, v1.5 and OAEP encryption, raw RSA, key
 * generation. Private operations are blinded (mbedTLS does it when given
 * an RNG: the core DRBG).
 */
#include <crypto/crypto_asym.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/md.h>
#include <mbedtls/rsa.h>

int crypto_asym_rng(void *unused, unsigned char *buf, size_t len)
{
	(void)unused;
	return crypto_rng_read(buf, len) ? MBEDTLS_ERR_MPI_BAD_INPUT_DATA : 0;
}

int crypto_asym_md(uint32_t hash)
{
	switch (hash) {
	case CRYPTO_HASH_MD5:
		return MBEDTLS_MD_MD5;
	case CRYPTO_HASH_SHA1:
		return MBEDTLS_MD_SHA1;
	case CRYPTO_HASH_SHA224:
		return MBEDTLS_MD_SHA224;
	case CRYPTO_HASH_SHA256:
		return MBEDTLS_MD_SHA256;
	case CRYPTO_HASH_SHA384:
		return MBEDTLS_MD_SHA384;
	case CRYPTO_HASH_SHA512:
		return MBEDTLS_MD_SHA512;
	}
	return MBEDTLS_MD_NONE;
}

static TEE_Result error_of(int ret)
{
	int low = (-ret) & 0x7f;

	if (!ret)
		return TEE_SUCCESS;
	if (low == -MBEDTLS_ERR_MPI_ALLOC_FAILED ||
	    ret == MBEDTLS_ERR_MPI_ALLOC_FAILED ||
	    ret == MBEDTLS_ERR_MD_ALLOC_FAILED)
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_ERROR_BAD_PARAMETERS;
}

static const unsigned char *bn(const struct crypto_bn *b)
{
	return b->len ? b->p : NULL;
}

/* Loads @k (private parts only if @priv) into @ctx, initialised by caller. */
static TEE_Result load(mbedtls_rsa_context *ctx, const struct crypto_rsa_key *k,
		       bool priv)
{
	int ret;

	if (!k->n.len || !k->e.len || (priv && !k->d.len))
		return TEE_ERROR_BAD_PARAMETERS;
	if (priv)
		ret = mbedtls_rsa_import_raw(
			ctx, k->n.p, k->n.len, bn(&k->p), k->p.len, bn(&k->q),
			k->q.len, k->d.p, k->d.len, k->e.p, k->e.len);
	else
		ret = mbedtls_rsa_import_raw(ctx, k->n.p, k->n.len, NULL, 0,
					     NULL, 0, NULL, 0, k->e.p,
					     k->e.len);
	/* With n, e, d only, mbedTLS derives p and q for CRT. */
	if (!ret)
		ret = mbedtls_rsa_complete(ctx);
	if (!ret)
		ret = priv ? mbedtls_rsa_check_privkey(ctx)
			   : mbedtls_rsa_check_pubkey(ctx);
	return error_of(ret);
}

static TEE_Result setup(mbedtls_rsa_context *ctx,
			const struct crypto_rsa_key *k,
			enum crypto_rsa_scheme s, uint32_t hash, bool priv)
{
	bool v21 = s == CRYPTO_RSA_OAEP || s == CRYPTO_RSA_PSS;
	mbedtls_md_type_t md = (mbedtls_md_type_t)crypto_asym_md(hash);

	mbedtls_rsa_init(ctx, v21 ? MBEDTLS_RSA_PKCS_V21 : MBEDTLS_RSA_PKCS_V15,
			 v21 ? md : MBEDTLS_MD_NONE);
	if (v21 && md == MBEDTLS_MD_NONE)
		return TEE_ERROR_BAD_PARAMETERS;
	return load(ctx, k, priv);
}

/* The digest must be exactly the hash's size (mbedTLS would not check). */
static bool digest_ok(uint32_t hash, size_t dlen)
{
	return hash == CRYPTO_ASYM_NO_HASH ? dlen > 0
					   : dlen == crypto_hash_size(hash);
}

/*
 * RFC 8017 9.1.1: the PSS encoding has modBits - 1 bits, a byte less than
 * the modulus when modBits is 8n + 1. mbedTLS 2.28 checks the salt against
 * the modulus' bytes, and at that one extra byte signs a broken encoding.
 */
static size_t pss_max_salt(const mbedtls_rsa_context *ctx, size_t hlen)
{
	size_t em_len = (mbedtls_mpi_bitlen(&ctx->N) + 6) / 8;

	return em_len < hlen + 2 ? 0 : em_len - hlen - 2;
}

TEE_Result crypto_rsa_sign(const struct crypto_rsa_key *k,
			   enum crypto_rsa_scheme s, uint32_t hash,
			   size_t salt_len, const uint8_t *digest, size_t dlen,
			   uint8_t *sig, size_t *sig_len)
{
	mbedtls_rsa_context ctx;
	mbedtls_md_type_t md = (mbedtls_md_type_t)crypto_asym_md(hash);
	TEE_Result res;
	size_t size;
	int ret;

	if (!digest_ok(hash, dlen) ||
	    (s != CRYPTO_RSA_PKCS1_V15 && s != CRYPTO_RSA_PSS))
		return TEE_ERROR_BAD_PARAMETERS;
	res = setup(&ctx, k, s, hash, true);
	if (res)
		goto out;
	size = mbedtls_rsa_get_len(&ctx);
	if (*sig_len < size) {
		*sig_len = size;
		res = TEE_ERROR_SHORT_BUFFER;
		goto out;
	}
	if (s == CRYPTO_RSA_PSS)
		ret = salt_len > pss_max_salt(&ctx, dlen)
			      ? MBEDTLS_ERR_RSA_BAD_INPUT_DATA
			      : mbedtls_rsa_rsassa_pss_sign_ext(
					&ctx, crypto_asym_rng, NULL, md,
					(unsigned int)dlen, digest,
					(int)salt_len, sig);
	else
		ret = mbedtls_rsa_rsassa_pkcs1_v15_sign(
			&ctx, crypto_asym_rng, NULL, MBEDTLS_RSA_PRIVATE, md,
			(unsigned int)dlen, digest, sig);
	res = error_of(ret);
	if (!res)
		*sig_len = size;
out:
	mbedtls_rsa_free(&ctx);
	return res;
}

TEE_Result crypto_rsa_verify(const struct crypto_rsa_key *k,
			     enum crypto_rsa_scheme s, uint32_t hash,
			     size_t salt_len, const uint8_t *digest,
			     size_t dlen, const uint8_t *sig, size_t sig_len)
{
	mbedtls_rsa_context ctx;
	mbedtls_md_type_t md = (mbedtls_md_type_t)crypto_asym_md(hash);
	TEE_Result res;
	int ret;

	if (!digest_ok(hash, dlen) ||
	    (s != CRYPTO_RSA_PKCS1_V15 && s != CRYPTO_RSA_PSS))
		return TEE_ERROR_BAD_PARAMETERS;
	res = setup(&ctx, k, s, hash, false);
	if (res)
		goto out;
	/* mbedTLS reads exactly modulus-size bytes of signature. */
	if (sig_len != mbedtls_rsa_get_len(&ctx)) {
		res = TEE_ERROR_SIGNATURE_INVALID;
		goto out;
	}
	if (s == CRYPTO_RSA_PSS)
		ret = salt_len > 0x7fffffff
			      ? MBEDTLS_ERR_RSA_VERIFY_FAILED
			      : mbedtls_rsa_rsassa_pss_verify_ext(
					&ctx, NULL, NULL, MBEDTLS_RSA_PUBLIC,
					md, (unsigned int)dlen, digest, md,
					(int)salt_len, sig);
	else
		ret = mbedtls_rsa_rsassa_pkcs1_v15_verify(
			&ctx, NULL, NULL, MBEDTLS_RSA_PUBLIC, md,
			(unsigned int)dlen, digest, sig);
	res = error_of(ret);
	if (res == TEE_ERROR_BAD_PARAMETERS)
		res = TEE_ERROR_SIGNATURE_INVALID;
out:
	mbedtls_rsa_free(&ctx);
	return res;
}

/* Raw RSA: the input as a number below n, output without leading zeros. */
static TEE_Result nopad(mbedtls_rsa_context *ctx, bool priv, const uint8_t *in,
			size_t in_len, uint8_t *out, size_t *out_len)
{
	size_t size = mbedtls_rsa_get_len(ctx), skip = 0;
	uint8_t *buf;
	TEE_Result res;
	int ret;

	if (in_len > size)
		return TEE_ERROR_BAD_PARAMETERS;
	buf = calloc(2, size);
	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(buf + size - in_len, in, in_len);
	if (priv)
		ret = mbedtls_rsa_private(ctx, crypto_asym_rng, NULL, buf,
					  buf + size);
	else
		ret = mbedtls_rsa_public(ctx, buf, buf + size);
	res = error_of(ret);
	if (!res) {
		/* OP-TEE's convention: leading zeros dropped (one kept). */
		while (skip + 1 < size && !buf[size + skip])
			skip++;
		if (*out_len < size - skip) {
			res = TEE_ERROR_SHORT_BUFFER;
		} else {
			memcpy(out, buf + size + skip, size - skip);
		}
		*out_len = size - skip;
	}
	crypto_wipe(buf, 2 * size);
	free(buf);
	return res;
}

TEE_Result crypto_rsa_encrypt(const struct crypto_rsa_key *k,
			      enum crypto_rsa_scheme s, uint32_t hash,
			      const uint8_t *label, size_t label_len,
			      const uint8_t *in, size_t in_len, uint8_t *out,
			      size_t *out_len)
{
	mbedtls_rsa_context ctx;
	TEE_Result res;
	size_t size;
	int ret;

	if (s == CRYPTO_RSA_PSS)
		return TEE_ERROR_BAD_PARAMETERS;
	res = setup(&ctx, k, s, hash, false);
	if (res)
		goto out;
	if (s == CRYPTO_RSA_NOPAD) {
		res = nopad(&ctx, false, in, in_len, out, out_len);
		goto out;
	}
	size = mbedtls_rsa_get_len(&ctx);
	if (*out_len < size) {
		*out_len = size;
		res = TEE_ERROR_SHORT_BUFFER;
		goto out;
	}
	if (s == CRYPTO_RSA_OAEP)
		ret = mbedtls_rsa_rsaes_oaep_encrypt(
			&ctx, crypto_asym_rng, NULL, MBEDTLS_RSA_PUBLIC, label,
			label_len, in_len, in, out);
	else
		ret = mbedtls_rsa_rsaes_pkcs1_v15_encrypt(
			&ctx, crypto_asym_rng, NULL, MBEDTLS_RSA_PUBLIC, in_len,
			in, out);
	res = error_of(ret);
	if (!res)
		*out_len = size;
out:
	mbedtls_rsa_free(&ctx);
	return res;
}

TEE_Result crypto_rsa_decrypt(const struct crypto_rsa_key *k,
			      enum crypto_rsa_scheme s, uint32_t hash,
			      const uint8_t *label, size_t label_len,
			      const uint8_t *in, size_t in_len, uint8_t *out,
			      size_t *out_len)
{
	mbedtls_rsa_context ctx;
	uint8_t *buf = NULL;
	TEE_Result res;
	size_t size, n = 0;
	int ret;

	if (s == CRYPTO_RSA_PSS)
		return TEE_ERROR_BAD_PARAMETERS;
	res = setup(&ctx, k, s, hash, true);
	if (res)
		goto out;
	if (s == CRYPTO_RSA_NOPAD) {
		res = nopad(&ctx, true, in, in_len, out, out_len);
		goto out;
	}
	size = mbedtls_rsa_get_len(&ctx);
	if (in_len != size) {
		res = TEE_ERROR_BAD_PARAMETERS;
		goto out;
	}
	/* Decrypted into the core first: the TA learns the size it needs. */
	buf = malloc(size);
	if (!buf) {
		res = TEE_ERROR_OUT_OF_MEMORY;
		goto out;
	}
	if (s == CRYPTO_RSA_OAEP)
		ret = mbedtls_rsa_rsaes_oaep_decrypt(
			&ctx, crypto_asym_rng, NULL, MBEDTLS_RSA_PRIVATE, label,
			label_len, &n, in, buf, size);
	else
		ret = mbedtls_rsa_rsaes_pkcs1_v15_decrypt(
			&ctx, crypto_asym_rng, NULL, MBEDTLS_RSA_PRIVATE, &n,
			in, buf, size);
	res = error_of(ret);
	if (!res) {
		if (*out_len < n)
			res = TEE_ERROR_SHORT_BUFFER;
		else
			memcpy(out, buf, n);
		*out_len = n;
	}
	crypto_wipe(buf, size);
out:
	free(buf);
	mbedtls_rsa_free(&ctx);
	return res;
}

TEE_Result crypto_rsa_raw(const struct crypto_rsa_key *k, bool priv,
			  const uint8_t *in, uint8_t *out, size_t len)
{
	mbedtls_rsa_context ctx;
	TEE_Result res =
		setup(&ctx, k, CRYPTO_RSA_NOPAD, CRYPTO_ASYM_NO_HASH, priv);

	if (!res && len != mbedtls_rsa_get_len(&ctx))
		res = TEE_ERROR_BAD_PARAMETERS;
	/* Both refuse an input not below n. */
	if (!res && priv)
		res = error_of(mbedtls_rsa_private(&ctx, crypto_asym_rng, NULL,
						   in, out));
	else if (!res)
		res = error_of(mbedtls_rsa_public(&ctx, in, out));
	mbedtls_rsa_free(&ctx);
	return res;
}

static int export_mpi(const mbedtls_mpi *m, struct crypto_rsa_gen *out, int i)
{
	out->len[i] = mbedtls_mpi_size(m);
	return mbedtls_mpi_write_binary(m, out->part[i], out->len[i]);
}

TEE_Result crypto_rsa_generate(uint32_t bits, uint32_t e,
			       struct crypto_rsa_gen *out)
{
	mbedtls_rsa_context ctx;
	mbedtls_mpi m[CRYPTO_RSA_GEN_PARTS];
	int ret;

	if (bits < 256 || bits > 4096 || bits % 2 || e < 3 || !(e & 1) ||
	    e > 0x7fffffff)
		return TEE_ERROR_BAD_PARAMETERS;
	mbedtls_rsa_init(&ctx, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	for (int i = 0; i < CRYPTO_RSA_GEN_PARTS; i++)
		mbedtls_mpi_init(&m[i]);
	ret = mbedtls_rsa_gen_key(&ctx, crypto_asym_rng, NULL, bits, (int)e);
	if (!ret)
		ret = mbedtls_rsa_export(&ctx, &m[0], &m[3], &m[4], &m[2],
					 &m[1]);
	if (!ret)
		ret = mbedtls_rsa_export_crt(&ctx, &m[5], &m[6], &m[7]);
	for (int i = 0; i < CRYPTO_RSA_GEN_PARTS && !ret; i++)
		ret = export_mpi(&m[i], out, i);
	for (int i = 0; i < CRYPTO_RSA_GEN_PARTS; i++)
		mbedtls_mpi_free(&m[i]);
	mbedtls_rsa_free(&ctx);
	return error_of(ret);
}
