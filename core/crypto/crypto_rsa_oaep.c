/*
 * RSAES-OAEP (RFC 8017 section 7.1) with the MGF1 hash chosen apart from
 * the label hash, as GP 1.3.1's TEE_ATTR_RSA_OAEP_MGF_HASH allows. The
 * mbedTLS 2.28 RSA context has a single hash for both, so the encoding
 * is done here and only the raw RSA function (blinded for the private
 * key) comes from crypto_rsa_ops.c.
 *
 * Decoding is written so that its time and memory accesses do not depend
 * on what is wrong with a bad padding: telling "first byte not zero"
 * apart from "label hash differs" or "no 0x01 separator" is what
 * Manger's and Bleichenbacher-style attacks need to decrypt without the
 * key. Only the final verdict (and, for a good padding, the message
 * length, which the caller learns anyway) leaves as a branch.
 */
#include <crypto/crypto_asym.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/md.h>

static const mbedtls_md_info_t *md_of(uint32_t hash)
{
	return mbedtls_md_info_from_type(
		(mbedtls_md_type_t)crypto_asym_md(hash));
}

/* All ones if @x is 0, else 0, without a branch on @x. */
static size_t mask_zero(size_t x)
{
	/* The top bit of (x | -x) is set exactly when x != 0. */
	return ((x | (0 - x)) >> (sizeof(size_t) * 8 - 1)) - 1;
}

/* dst ^= MGF1(seed, len) (RFC 8017 B.2.1). */
static int mgf1_xor(const mbedtls_md_info_t *md, const uint8_t *seed,
		    size_t seed_len, uint8_t *dst, size_t len)
{
	uint8_t block[MBEDTLS_MD_MAX_SIZE];
	size_t hlen = mbedtls_md_get_size(md);
	mbedtls_md_context_t ctx;
	uint32_t counter = 0;
	int ret;

	mbedtls_md_init(&ctx);
	ret = mbedtls_md_setup(&ctx, md, 0);
	while (!ret && len) {
		uint8_t be[4] = {(uint8_t)(counter >> 24),
				 (uint8_t)(counter >> 16),
				 (uint8_t)(counter >> 8), (uint8_t)counter};
		size_t n = len < hlen ? len : hlen;

		ret = mbedtls_md_starts(&ctx);
		if (!ret)
			ret = mbedtls_md_update(&ctx, seed, seed_len);
		if (!ret)
			ret = mbedtls_md_update(&ctx, be, sizeof(be));
		if (!ret)
			ret = mbedtls_md_finish(&ctx, block);
		for (size_t i = 0; !ret && i < n; i++)
			dst[i] ^= block[i];
		dst += n;
		len -= n;
		counter++;
	}
	mbedtls_md_free(&ctx);
	crypto_wipe(block, sizeof(block));
	return ret;
}

/* The hashes and k fit: k >= 2 hLen + 2 (RFC 8017 7.1.1 step 1). */
static TEE_Result check_sizes(uint32_t hash, uint32_t mgf, size_t k,
			      const mbedtls_md_info_t **lmd,
			      const mbedtls_md_info_t **mmd, size_t *hlen)
{
	*lmd = md_of(hash);
	*mmd = md_of(mgf);
	if (!*lmd || !*mmd)
		return TEE_ERROR_BAD_PARAMETERS;
	*hlen = mbedtls_md_get_size(*lmd);
	if (k < 2 * *hlen + 2)
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

TEE_Result crypto_oaep_encode(uint32_t hash, uint32_t mgf, const uint8_t *label,
			      size_t label_len, const uint8_t *msg,
			      size_t msg_len, const uint8_t *seed, uint8_t *em,
			      size_t k)
{
	const mbedtls_md_info_t *lmd, *mmd;
	size_t hlen, db_len;
	uint8_t *db;
	TEE_Result res = check_sizes(hash, mgf, k, &lmd, &mmd, &hlen);
	int ret;

	if (res)
		return res;
	if (msg_len > k - 2 * hlen - 2)
		return TEE_ERROR_BAD_PARAMETERS;
	/* EM = 0x00 || maskedSeed || maskedDB, DB = lHash || PS || 01 || M */
	db = em + 1 + hlen;
	db_len = k - hlen - 1;
	memset(em, 0, k);
	memcpy(em + 1, seed, hlen);
	ret = mbedtls_md(lmd, label, label_len, db);
	db[db_len - msg_len - 1] = 0x01;
	if (msg_len)
		memcpy(db + db_len - msg_len, msg, msg_len);
	if (!ret)
		ret = mgf1_xor(mmd, em + 1, hlen, db, db_len);
	if (!ret)
		ret = mgf1_xor(mmd, db, db_len, em + 1, hlen);
	if (ret) {
		crypto_wipe(em, k);
		return TEE_ERROR_OUT_OF_MEMORY; /* md setup: no other cause */
	}
	return TEE_SUCCESS;
}

TEE_Result crypto_oaep_decode(uint32_t hash, uint32_t mgf, const uint8_t *label,
			      size_t label_len, uint8_t *em, size_t k,
			      uint8_t *msg, size_t *msg_len)
{
	uint8_t lhash[MBEDTLS_MD_MAX_SIZE];
	const mbedtls_md_info_t *lmd, *mmd;
	size_t hlen, db_len, bad, looking = ~(size_t)0, sep = 0;
	uint8_t *db;
	TEE_Result res = check_sizes(hash, mgf, k, &lmd, &mmd, &hlen);

	if (res)
		return res;
	db = em + 1 + hlen;
	db_len = k - hlen - 1;
	/* Unmasking needs no secret-dependent branch: always done. */
	if (mbedtls_md(lmd, label, label_len, lhash) ||
	    mgf1_xor(mmd, db, db_len, em + 1, hlen) ||
	    mgf1_xor(mmd, em + 1, hlen, db, db_len))
		return TEE_ERROR_OUT_OF_MEMORY;
	/* Every defect ORs into @bad; nothing returns early. */
	bad = em[0];
	for (size_t i = 0; i < hlen; i++)
		bad |= (size_t)(db[i] ^ lhash[i]);
	/*
	 * PS is zeros up to the 0x01 separator. Walk all of DB: while still
	 * @looking, a zero byte keeps looking, a 0x01 is the separator (its
	 * index kept by mask) and anything else is bad.
	 */
	for (size_t i = hlen; i < db_len; i++) {
		size_t zero = mask_zero(db[i]);
		size_t one = mask_zero((size_t)db[i] ^ 1);

		sep |= looking & one & i;
		bad |= looking & ~zero & ~one;
		looking &= zero;
	}
	bad |= looking; /* no separator at all */
	crypto_wipe(lhash, sizeof(lhash));
	if (bad)
		return TEE_ERROR_BAD_PARAMETERS;
	*msg_len = db_len - sep - 1;
	memcpy(msg, db + sep + 1, *msg_len);
	return TEE_SUCCESS;
}

/* The modulus size in bytes (what mbedTLS calls the key length). */
static size_t modulus_size(const struct crypto_rsa_key *k)
{
	size_t skip = 0;

	while (skip < k->n.len && !k->n.p[skip])
		skip++;
	return k->n.len - skip;
}

TEE_Result crypto_rsa_oaep_encrypt(const struct crypto_rsa_key *k,
				   uint32_t hash, uint32_t mgf,
				   const uint8_t *label, size_t label_len,
				   const uint8_t *in, size_t in_len,
				   uint8_t *out, size_t *out_len)
{
	uint8_t seed[MBEDTLS_MD_MAX_SIZE];
	size_t size = modulus_size(k), hlen = crypto_hash_size(hash);
	uint8_t *em;
	TEE_Result res;

	if (!hlen || !crypto_hash_size(mgf) || !size)
		return TEE_ERROR_BAD_PARAMETERS;
	if (*out_len < size) {
		*out_len = size;
		return TEE_ERROR_SHORT_BUFFER;
	}
	em = malloc(size);
	if (!em)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = crypto_rng_read(seed, hlen);
	if (!res)
		res = crypto_oaep_encode(hash, mgf, label, label_len, in,
					 in_len, seed, em, size);
	if (!res)
		res = crypto_rsa_raw(k, false, em, out, size);
	if (!res)
		*out_len = size;
	crypto_wipe(seed, sizeof(seed));
	crypto_wipe(em, size);
	free(em);
	return res;
}

TEE_Result crypto_rsa_oaep_decrypt(const struct crypto_rsa_key *k,
				   uint32_t hash, uint32_t mgf,
				   const uint8_t *label, size_t label_len,
				   const uint8_t *in, size_t in_len,
				   uint8_t *out, size_t *out_len)
{
	size_t size = modulus_size(k), n = 0;
	uint8_t *buf;
	TEE_Result res;

	if (!crypto_hash_size(hash) || !crypto_hash_size(mgf) || !size ||
	    in_len != size)
		return TEE_ERROR_BAD_PARAMETERS;
	/* The encoded message, then the decoded one: in the core first. */
	buf = malloc(2 * size);
	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = crypto_rsa_raw(k, true, in, buf, size);
	if (!res)
		res = crypto_oaep_decode(hash, mgf, label, label_len, buf, size,
					 buf + size, &n);
	if (!res) {
		if (*out_len < n)
			res = TEE_ERROR_SHORT_BUFFER;
		else
			memcpy(out, buf + size, n);
		*out_len = n;
	}
	crypto_wipe(buf, 2 * size);
	free(buf);
	return res;
}
