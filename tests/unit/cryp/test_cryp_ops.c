/*
 * The GP operations of the core (cryp_*.c over core/crypto and mbedTLS),
 * driven as the system call decoder drives them, against OpenSSL: random
 * keys, IVs and messages (fixed seed), input fed in random pieces, for
 * every algorithm and key size.
 */
#include <stdlib.h>
#include <string.h>

#include "cryp_test.h"

#define ROUNDS 150
#define MAX_MSG 1200

static uint8_t msg[MAX_MSG], got[MAX_MSG + 64], want[MAX_MSG + 64];

TEST(cryp_digest_vs_openssl)
{
	static const uint32_t algs[] = {TEE_ALG_MD5,	TEE_ALG_SHA1,
					TEE_ALG_SHA224, TEE_ALG_SHA256,
					TEE_ALG_SHA384, TEE_ALG_SHA512};
	struct cryp_inst *ci = new_inst();

	prng_seed(1);
	for (size_t a = 0; a < ARRAY_SIZE(algs); a++) {
		struct cryp_op *op;
		uint32_t h;

		CHECK_EQ(cryp_op_alloc(ci, algs[a], TEE_MODE_DIGEST, 0, &h),
			 TEE_SUCCESS);
		CHECK_EQ(cryp_op_get(ci, h, &op), TEE_SUCCESS);
		for (int i = 0; i < ROUNDS; i++) {
			size_t len = prng_below(MAX_MSG), parts[8], off = 0;
			size_t np = random_split(len, parts, 8), n, out_len;
			struct cryp_span out = span_of(got, sizeof(got));

			prng_fill(msg, len);
			n = ref_digest(algs[a], msg, len, want);
			for (size_t p = 0; p + 1 < np; p++) {
				struct cryp_span in =
					span_of(msg + off, parts[p]);

				CHECK_EQ(cryp_digest_update(op, &in),
					 TEE_SUCCESS);
				off += parts[p];
			}
			struct cryp_span last = span_of(msg + off, len - off);

			out_len = sizeof(got);
			CHECK_EQ(cryp_digest_final(op, &last, &out, &out_len),
				 TEE_SUCCESS);
			CHECK_EQ(out_len, n);
			CHECK(!memcmp(got, want, n));
		}
		cryp_op_free(ci, h);
	}
	cryp_inst_free(ci);
}

struct cipher_case {
	uint32_t algo, key_type;
	size_t key_len, block;
	bool any_len; /* CTR: any; CTS/XTS: >= one block */
};

static const struct cipher_case ciphers[] = {
	{TEE_ALG_AES_ECB_NOPAD, TEE_TYPE_AES, 16, 16, false},
	{TEE_ALG_AES_ECB_NOPAD, TEE_TYPE_AES, 24, 16, false},
	{TEE_ALG_AES_ECB_NOPAD, TEE_TYPE_AES, 32, 16, false},
	{TEE_ALG_AES_CBC_NOPAD, TEE_TYPE_AES, 16, 16, false},
	{TEE_ALG_AES_CBC_NOPAD, TEE_TYPE_AES, 24, 16, false},
	{TEE_ALG_AES_CBC_NOPAD, TEE_TYPE_AES, 32, 16, false},
	{TEE_ALG_AES_CTR, TEE_TYPE_AES, 16, 16, true},
	{TEE_ALG_AES_CTR, TEE_TYPE_AES, 24, 16, true},
	{TEE_ALG_AES_CTR, TEE_TYPE_AES, 32, 16, true},
	{TEE_ALG_AES_CTS, TEE_TYPE_AES, 16, 16, true},
	{TEE_ALG_AES_CTS, TEE_TYPE_AES, 32, 16, true},
	{TEE_ALG_AES_XTS, TEE_TYPE_AES, 16, 16, true},
	{TEE_ALG_AES_XTS, TEE_TYPE_AES, 32, 16, true},
	{TEE_ALG_DES_ECB_NOPAD, TEE_TYPE_DES, 8, 8, false},
	{TEE_ALG_DES_CBC_NOPAD, TEE_TYPE_DES, 8, 8, false},
	{TEE_ALG_DES3_ECB_NOPAD, TEE_TYPE_DES3, 16, 8, false},
	{TEE_ALG_DES3_ECB_NOPAD, TEE_TYPE_DES3, 24, 8, false},
	{TEE_ALG_DES3_CBC_NOPAD, TEE_TYPE_DES3, 16, 8, false},
	{TEE_ALG_DES3_CBC_NOPAD, TEE_TYPE_DES3, 24, 8, false},
};

/* One message through an operation in random pieces; the output length. */
static size_t run_cipher(struct cryp_op *op, const uint8_t *iv, size_t iv_len,
			 const uint8_t *in, size_t len, uint8_t *out)
{
	size_t parts[8], np = random_split(len, parts, 8), off = 0, o = 0;

	CHECK_EQ(cryp_cipher_init(op, iv, iv_len), TEE_SUCCESS);
	for (size_t p = 0; p + 1 < np; p++) {
		struct cryp_span s = span_of(in + off, parts[p]);
		struct cryp_span d = span_of(out + o, MAX_MSG + 64 - o);
		size_t dl = d.len;

		CHECK_EQ(cryp_cipher_update(op, &s, &d, &dl), TEE_SUCCESS);
		off += parts[p];
		o += dl;
		CHECK(o <= off); /* never more out than in */
	}
	struct cryp_span s = span_of(in + off, len - off);
	struct cryp_span d = span_of(out + o, MAX_MSG + 64 - o);
	size_t dl = d.len;

	CHECK_EQ(cryp_cipher_final(op, &s, &d, &dl), TEE_SUCCESS);
	return o + dl;
}

TEST(cryp_cipher_vs_openssl)
{
	struct cryp_inst *ci = new_inst();

	prng_seed(2);
	for (size_t c = 0; c < ARRAY_SIZE(ciphers); c++) {
		const struct cipher_case *cc = &ciphers[c];
		bool xts = cc->algo == TEE_ALG_AES_XTS;

		for (int i = 0; i < ROUNDS; i++) {
			uint8_t key[32], key2[32], iv[16], back[MAX_MSG + 64];
			size_t len = prng_below(MAX_MSG), n, m;
			uint32_t he, hd;
			struct cryp_op *enc, *dec;

			if (!cc->any_len)
				len -= len % cc->block;
			else if (cc->algo != TEE_ALG_AES_CTR && len < 16)
				len = 16 + prng_below(20);
			prng_fill(key, sizeof(key));
			prng_fill(key2, sizeof(key2));
			prng_fill(iv, sizeof(iv));
			prng_fill(msg, len);
			enc = keyed_op(ci, cc->algo, TEE_MODE_ENCRYPT,
				       cc->key_type, key, cc->key_len,
				       xts ? key2 : NULL, &he);
			dec = keyed_op(ci, cc->algo, TEE_MODE_DECRYPT,
				       cc->key_type, key, cc->key_len,
				       xts ? key2 : NULL, &hd);
			n = run_cipher(enc, iv, cc->block, msg, len, got);
			CHECK_EQ(n, len);
			m = ref_cipher(cc->algo, true, key, cc->key_len,
				       xts ? key2 : NULL, iv, msg, len, want);
			CHECK_EQ(m, len);
			if (memcmp(got, want, len)) {
				fprintf(stderr, "  alg 0x%x key %zu len %zu\n",
					cc->algo, cc->key_len, len);
				CHECK(!"ciphertext differs from OpenSSL");
			}
			CHECK_EQ(run_cipher(dec, iv, cc->block, got, len, back),
				 len);
			CHECK(!memcmp(back, msg, len));
			cryp_op_free(ci, he);
			cryp_op_free(ci, hd);
		}
	}
	CHECK_EQ(ci->mem_used, 0);
	cryp_inst_free(ci);
}

struct mac_case {
	uint32_t algo, key_type;
	size_t key_min, key_max, block;
	bool nopad;
};

static const struct mac_case macs[] = {
	{TEE_ALG_HMAC_MD5, TEE_TYPE_HMAC_MD5, 8, 64, 1, false},
	{TEE_ALG_HMAC_SHA1, TEE_TYPE_HMAC_SHA1, 10, 64, 1, false},
	{TEE_ALG_HMAC_SHA224, TEE_TYPE_HMAC_SHA224, 14, 64, 1, false},
	{TEE_ALG_HMAC_SHA256, TEE_TYPE_HMAC_SHA256, 24, 128, 1, false},
	{TEE_ALG_HMAC_SHA384, TEE_TYPE_HMAC_SHA384, 32, 128, 1, false},
	{TEE_ALG_HMAC_SHA512, TEE_TYPE_HMAC_SHA512, 32, 128, 1, false},
	{TEE_ALG_AES_CMAC, TEE_TYPE_AES, 16, 16, 1, false},
	{TEE_ALG_AES_CMAC, TEE_TYPE_AES, 24, 24, 1, false},
	{TEE_ALG_AES_CMAC, TEE_TYPE_AES, 32, 32, 1, false},
	{TEE_ALG_DES3_CMAC, TEE_TYPE_DES3, 24, 24, 1, false},
	{TEE_ALG_DES3_CMAC, TEE_TYPE_DES3, 16, 16, 1, false},
	{TEE_ALG_AES_CBC_MAC_NOPAD, TEE_TYPE_AES, 16, 16, 16, true},
	{TEE_ALG_AES_CBC_MAC_NOPAD, TEE_TYPE_AES, 32, 32, 16, true},
	{TEE_ALG_AES_CBC_MAC_PKCS5, TEE_TYPE_AES, 24, 24, 1, false},
	{TEE_ALG_DES_CBC_MAC_NOPAD, TEE_TYPE_DES, 8, 8, 8, true},
	{TEE_ALG_DES_CBC_MAC_PKCS5, TEE_TYPE_DES, 8, 8, 1, false},
	{TEE_ALG_DES3_CBC_MAC_NOPAD, TEE_TYPE_DES3, 16, 16, 8, true},
	{TEE_ALG_DES3_CBC_MAC_PKCS5, TEE_TYPE_DES3, 24, 24, 1, false},
};

TEST(cryp_mac_vs_openssl)
{
	struct cryp_inst *ci = new_inst();

	prng_seed(3);
	for (size_t c = 0; c < ARRAY_SIZE(macs); c++) {
		const struct mac_case *mc = &macs[c];

		for (int i = 0; i < ROUNDS; i++) {
			uint8_t key[128];
			size_t klen = mc->key_min +
				      prng_below(mc->key_max - mc->key_min + 1);
			size_t len = prng_below(MAX_MSG), parts[8], off = 0;
			size_t np, n, ol = sizeof(got);
			struct cryp_span out = span_of(got, sizeof(got));
			struct cryp_op *op;
			uint32_t h;

			if (mc->nopad)
				len = (len - len % mc->block) + mc->block;
			prng_fill(key, klen);
			prng_fill(msg, len);
			op = keyed_op(ci, mc->algo, TEE_MODE_MAC, mc->key_type,
				      key, klen, NULL, &h);
			CHECK_EQ(cryp_mac_init(op), TEE_SUCCESS);
			np = random_split(len, parts, 8);
			for (size_t p = 0; p + 1 < np; p++) {
				struct cryp_span s =
					span_of(msg + off, parts[p]);

				CHECK_EQ(cryp_mac_update(op, &s), TEE_SUCCESS);
				off += parts[p];
			}
			struct cryp_span s = span_of(msg + off, len - off);

			CHECK_EQ(cryp_mac_final(op, &s, &out, &ol),
				 TEE_SUCCESS);
			n = ref_mac(mc->algo, key, klen, msg, len, want);
			CHECK_EQ(ol, n);
			if (memcmp(got, want, n)) {
				fprintf(stderr, "  alg 0x%x key %zu len %zu\n",
					mc->algo, klen, len);
				CHECK(!"MAC differs from OpenSSL");
			}
			/* Compare after the same pieces of updates. */
			CHECK_EQ(cryp_mac_init(op), TEE_SUCCESS);
			off = 0;
			for (size_t p = 0; p + 1 < np; p++) {
				struct cryp_span u =
					span_of(msg + off, parts[p]);

				CHECK_EQ(cryp_mac_update(op, &u), TEE_SUCCESS);
				off += parts[p];
			}
			s = span_of(msg + off, len - off);
			CHECK_EQ(cryp_mac_compare(op, &s, want, n),
				 TEE_SUCCESS);
			/* Compare: right MAC, a flipped bit, a short one. */
			s = span_of(msg, len);
			CHECK_EQ(cryp_mac_init(op), TEE_SUCCESS);
			CHECK_EQ(cryp_mac_compare(op, &s, want, n),
				 TEE_SUCCESS);
			want[prng_below(n)] ^= 1;
			CHECK_EQ(cryp_mac_init(op), TEE_SUCCESS);
			CHECK_EQ(cryp_mac_compare(op, &s, want, n),
				 TEE_ERROR_MAC_INVALID);
			CHECK_EQ(cryp_mac_init(op), TEE_SUCCESS);
			CHECK_EQ(cryp_mac_compare(op, &s, got, n - 1),
				 TEE_ERROR_MAC_INVALID);
			cryp_op_free(ci, h);
		}
	}
	cryp_inst_free(ci);
}

static void ae_round(struct cryp_inst *ci, uint32_t algo, size_t klen)
{
	bool ccm = algo == TEE_ALG_AES_CCM;
	uint8_t key[32], nonce[16], aad[300], tag[16], wtag[16], back[MAX_MSG];
	size_t nlen = ccm ? 7 + prng_below(7) : 1 + prng_below(16);
	size_t tlen = ccm ? 4 + 2 * prng_below(7) : 12 + prng_below(5);
	size_t alen = prng_below(sizeof(aad)), len = prng_below(MAX_MSG);
	size_t parts[8], np, off = 0, o = 0, dl, tl;
	struct cryp_op *enc, *dec;
	uint32_t he, hd;

	prng_fill(key, klen);
	prng_fill(nonce, nlen);
	prng_fill(aad, alen);
	prng_fill(msg, len);
	CHECK(ref_ae(algo, true, key, klen, nonce, nlen, aad, alen, msg, len,
		     want, wtag, tlen));
	enc = keyed_op(ci, algo, TEE_MODE_ENCRYPT, TEE_TYPE_AES, key, klen,
		       NULL, &he);
	CHECK_EQ(cryp_ae_init(ci, enc, nonce, nlen, (uint32_t)tlen * 8, alen,
			      len),
		 TEE_SUCCESS);
	np = random_split(alen, parts, 8);
	for (size_t p = 0; p < np; p++) {
		struct cryp_span a = span_of(aad + off, parts[p]);

		CHECK_EQ(cryp_ae_update_aad(ci, enc, &a), TEE_SUCCESS);
		off += parts[p];
	}
	np = random_split(len, parts, 8);
	off = 0;
	for (size_t p = 0; p + 1 < np; p++) {
		struct cryp_span s = span_of(msg + off, parts[p]);
		struct cryp_span d = span_of(got + o, sizeof(got) - o);

		dl = d.len;
		CHECK_EQ(cryp_ae_update(enc, &s, &d, &dl), TEE_SUCCESS);
		off += parts[p];
		o += dl;
	}
	struct cryp_span s = span_of(msg + off, len - off);
	struct cryp_span d = span_of(got + o, sizeof(got) - o);
	struct cryp_span t = span_of(tag, sizeof(tag));

	dl = d.len;
	tl = sizeof(tag);
	CHECK_EQ(cryp_ae_encrypt_final(ci, enc, &s, &d, &dl, &t, &tl),
		 TEE_SUCCESS);
	CHECK_EQ(o + dl, len);
	CHECK_EQ(tl, tlen);
	if (memcmp(got, want, len) || memcmp(tag, wtag, tlen)) {
		fprintf(stderr,
			"  alg 0x%x key %zu nonce %zu aad %zu len %zu\n", algo,
			klen, nlen, alen, len);
		CHECK(!"AE output differs from OpenSSL");
	}
	/* Decrypt in one final call; then with a flipped tag bit. */
	dec = keyed_op(ci, algo, TEE_MODE_DECRYPT, TEE_TYPE_AES, key, klen,
		       NULL, &hd);
	for (int bad = 0; bad < 2; bad++) {
		struct cryp_span a = span_of(aad, alen);
		struct cryp_span c = span_of(got, len);
		struct cryp_span b = span_of(back, sizeof(back));

		if (bad)
			tag[prng_below(tlen)] ^= 0x10;
		memset(back, 0xee, sizeof(back));
		CHECK_EQ(cryp_ae_init(ci, dec, nonce, nlen, (uint32_t)tlen * 8,
				      alen, len),
			 TEE_SUCCESS);
		CHECK_EQ(cryp_ae_update_aad(ci, dec, &a), TEE_SUCCESS);
		dl = sizeof(back);
		CHECK_EQ(cryp_ae_decrypt_final(ci, dec, &c, &b, &dl, tag, tlen),
			 bad ? TEE_ERROR_MAC_INVALID : TEE_SUCCESS);
		if (!bad) {
			CHECK(!memcmp(back, msg, len));
			continue;
		}
		/* No plaintext left behind on a mismatch. */
		for (size_t i = 0; i < len; i++)
			if (back[i] != 0 && back[i] != 0xee)
				CHECK(!"plaintext released");
	}
	cryp_op_free(ci, he);
	cryp_op_free(ci, hd);
}

TEST(cryp_ae_vs_openssl)
{
	struct cryp_inst *ci = new_inst();

	prng_seed(4);
	for (int i = 0; i < ROUNDS; i++)
		for (size_t k = 16; k <= 32; k += 8) {
			ae_round(ci, TEE_ALG_AES_GCM, k);
			ae_round(ci, TEE_ALG_AES_CCM, k);
		}
	CHECK_EQ(ci->mem_used, 0);
	cryp_inst_free(ci);
}
