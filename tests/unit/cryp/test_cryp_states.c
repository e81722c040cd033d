/*
 * Operation states and refusals in the core (what libutee turns into
 * panics): calls in the wrong state, short buffers leaving everything as
 * it was, AE length rules and buffering limits, keys of the wrong type,
 * size or usage, copies, and the budget under AE buffering. Run under
 * ASan, so the error paths are checked for leaks and overruns too.
 */
#include <string.h>

#include "cryp_test.h"

static uint8_t key[32] = {1, 2, 3}, buf[4096], out[4200];

TEST(cryp_states_cipher)
{
	struct cryp_inst *ci = new_inst();
	uint32_t h;
	struct cryp_op *op =
		keyed_op(ci, TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT,
			 TEE_TYPE_AES, key, 16, NULL, &h);
	struct cryp_span in = span_of(buf, 40), o = span_of(out, sizeof(out));
	uint8_t iv[16] = {0}, first[48];
	size_t len = sizeof(out);

	/* Update or final before init. */
	CHECK_EQ(cryp_cipher_update(op, &in, &o, &len), TEE_ERROR_BAD_STATE);
	CHECK_EQ(cryp_cipher_final(op, &in, &o, &len), TEE_ERROR_BAD_STATE);
	/* Wrong IV size; ECB ignores one. */
	CHECK_EQ(cryp_cipher_init(op, iv, 8), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_cipher_init(op, iv, 16), TEE_SUCCESS);
	/* Short: the size needed, nothing consumed (the retry is right). */
	len = 16;
	CHECK_EQ(cryp_cipher_update(op, &in, &o, &len), TEE_ERROR_SHORT_BUFFER);
	CHECK_EQ(len, 32);
	CHECK_EQ(cryp_cipher_update(op, &in, &o, &len), TEE_SUCCESS);
	CHECK_EQ(len, 32);
	memcpy(first, out, 32);
	/* 8 bytes wait; a final with 7 more is not whole blocks. */
	in = span_of(buf + 40, 7);
	len = sizeof(out);
	CHECK_EQ(cryp_cipher_final(op, &in, &o, &len), TEE_ERROR_BAD_FORMAT);
	in = span_of(buf + 40, 8);
	len = 15;
	CHECK_EQ(cryp_cipher_final(op, &in, &o, &len), TEE_ERROR_SHORT_BUFFER);
	CHECK_EQ(len, 16);
	CHECK_EQ(cryp_cipher_final(op, &in, &o, &len), TEE_SUCCESS);
	memcpy(first + 32, out, 16);
	CHECK_EQ(ref_cipher(TEE_ALG_AES_CBC_NOPAD, true, key, 16, NULL, iv, buf,
			    48, out),
		 48);
	CHECK(!memcmp(first, out, 48));
	/* Final twice. */
	CHECK_EQ(cryp_cipher_final(op, &in, &o, &len), TEE_ERROR_BAD_STATE);
	/* Wrong class. */
	CHECK_EQ(cryp_mac_init(op), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_digest_update(op, &in), TEE_ERROR_BAD_FORMAT);
	cryp_inst_free(ci);
}

TEST(cryp_states_keys)
{
	struct cryp_inst *ci = new_inst();
	struct cryp_obj *aes, *des, *big, *gen;
	struct cryp_op *op, *x, *d;
	uint32_t h1, h2, h3, h4, ho, hx, hd;

	aes = secret_obj(ci, TEE_TYPE_AES, key, 16, &h1);
	des = secret_obj(ci, TEE_TYPE_DES, key, 8, &h2);
	big = secret_obj(ci, TEE_TYPE_AES, key, 32, &h3);
	gen = secret_obj(ci, TEE_TYPE_GENERIC_SECRET, key, 24, &h4);
	CHECK_EQ(cryp_op_alloc(ci, TEE_ALG_AES_ECB_NOPAD, TEE_MODE_DECRYPT, 128,
			       &ho),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, ho, &op), TEE_SUCCESS);
	CHECK_EQ(cryp_op_set_key(ci, op, des, NULL, false),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_set_key(ci, op, big, NULL, false),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_set_key(ci, op, gen, NULL, false),
		 TEE_ERROR_BAD_FORMAT);
	aes->usage = TEE_USAGE_ENCRYPT;
	CHECK_EQ(cryp_op_set_key(ci, op, aes, NULL, false),
		 TEE_ERROR_ACCESS_DENIED);
	aes->usage = TEE_USAGE_DECRYPT;
	CHECK_EQ(cryp_op_reset(ci, op), TEE_ERROR_BAD_STATE); /* no key */
	CHECK_EQ(cryp_op_set_key(ci, op, aes, NULL, false), TEE_SUCCESS);
	CHECK_EQ(cryp_cipher_init(op, NULL, 0), TEE_SUCCESS);
	/* GP 1.3: not while initialized; GP 1.1: not while active. */
	CHECK_EQ(cryp_op_set_key(ci, op, aes, NULL, false),
		 TEE_ERROR_BAD_STATE);
	CHECK_EQ(cryp_op_set_key(ci, op, aes, NULL, true), TEE_ERROR_BAD_STATE);
	CHECK_EQ(cryp_op_reset(ci, op), TEE_SUCCESS);
	CHECK_EQ(cryp_op_set_key(ci, op, NULL, NULL, false), TEE_SUCCESS);
	CHECK_EQ(op->handle_state, 0);
	/* XTS: two keys, equal sizes, different. */
	CHECK_EQ(cryp_op_alloc(ci, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 512, &hx),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, hx, &x), TEE_SUCCESS);
	aes->usage = 0xffffffff;
	CHECK_EQ(cryp_op_set_key(ci, x, aes, NULL, false),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_set_key(ci, x, aes, big, false), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_set_key(ci, x, aes, aes, false), TEE_ERROR_SECURITY);
	/* A digest takes no key; copies need the same algorithm. */
	CHECK_EQ(cryp_op_alloc(ci, TEE_ALG_SHA1, TEE_MODE_DIGEST, 0, &hd),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, hd, &d), TEE_SUCCESS);
	CHECK_EQ(cryp_op_set_key(ci, d, aes, NULL, false),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_copy(ci, d, op), TEE_ERROR_BAD_FORMAT);
	/* An XTS key pair; a copy onto an operation too small for a key. */
	CHECK_EQ(cryp_op_set_key(ci, x, aes,
				 secret_obj(ci, TEE_TYPE_AES, buf, 16, &h2),
				 false),
		 TEE_SUCCESS);
	CHECK_EQ(x->key_size, 128);
	big->usage = TEE_USAGE_DECRYPT;
	CHECK_EQ(cryp_op_alloc(ci, TEE_ALG_AES_ECB_NOPAD, TEE_MODE_DECRYPT, 256,
			       &hd),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, hd, &d), TEE_SUCCESS);
	CHECK_EQ(cryp_op_set_key(ci, d, big, NULL, false), TEE_SUCCESS);
	CHECK_EQ(cryp_op_copy(ci, op, d), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_op_copy(ci, d, op), TEE_SUCCESS); /* op has no key */
	CHECK_EQ(d->handle_state & TEE_HANDLE_FLAG_KEY_SET, 0);
	cryp_inst_free(ci);
}

TEST(cryp_states_digest_extract)
{
	struct cryp_inst *ci = new_inst();
	struct cryp_op *op;
	uint32_t h;
	uint8_t want[32], got[32];
	struct cryp_span in = span_of("abc", 3), none = span_of(NULL, 0);
	struct cryp_span o = span_of(got, sizeof(got));
	size_t len;

	CHECK_EQ(cryp_op_alloc(ci, TEE_ALG_SHA256, TEE_MODE_DIGEST, 0, &h),
		 TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, h, &op), TEE_SUCCESS);
	ref_digest(TEE_ALG_SHA256, (const uint8_t *)"abc", 3, want);
	CHECK_EQ(cryp_digest_update(op, &in), TEE_SUCCESS);
	for (size_t off = 0; off < 30; off += 10) {
		struct cryp_span p = span_of(got + off, 10);

		len = 10;
		CHECK_EQ(cryp_digest_extract(op, &p, &len), TEE_SUCCESS);
		CHECK_EQ(len, 10);
	}
	CHECK_EQ(cryp_digest_update(op, &in), TEE_ERROR_BAD_STATE);
	len = 1;
	CHECK_EQ(cryp_digest_final(op, &in, &o, &len), TEE_ERROR_BAD_STATE);
	CHECK_EQ(cryp_digest_final(op, &none, &o, &len),
		 TEE_ERROR_SHORT_BUFFER);
	CHECK_EQ(len, 2);
	o = span_of(got + 30, 2);
	CHECK_EQ(cryp_digest_final(op, &none, &o, &len), TEE_SUCCESS);
	CHECK(!memcmp(got, want, 32));
	/* Back to a fresh digest. */
	o = span_of(got, sizeof(got));
	len = sizeof(got);
	CHECK_EQ(cryp_digest_final(op, &in, &o, &len), TEE_SUCCESS);
	CHECK(!memcmp(got, want, 32));
	cryp_inst_free(ci);
}

TEST(cryp_states_ae)
{
	struct cryp_inst *ci = new_inst();
	uint8_t nonce[13] = {9}, tag[16];
	uint32_t h, hg;
	struct cryp_op *ccm = keyed_op(ci, TEE_ALG_AES_CCM, TEE_MODE_ENCRYPT,
				       TEE_TYPE_AES, key, 16, NULL, &h);
	struct cryp_op *gcm = keyed_op(ci, TEE_ALG_AES_GCM, TEE_MODE_DECRYPT,
				       TEE_TYPE_AES, key, 16, NULL, &hg);
	struct cryp_span a = span_of(buf, 10), p = span_of(buf, 100);
	struct cryp_span o = span_of(out, sizeof(out)), t = span_of(tag, 16);
	size_t len = sizeof(out), tl = 16;

	CHECK_EQ(cryp_ae_update_aad(ci, ccm, &a), TEE_ERROR_BAD_STATE);
	CHECK_EQ(cryp_ae_init(ci, ccm, nonce, 13, 40, 0, 0),
		 TEE_ERROR_NOT_SUPPORTED);
	CHECK_EQ(cryp_ae_init(ci, ccm, nonce, 6, 128, 0, 0),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_ae_init(ci, ccm, nonce, 13, 128, 10,
			      CRYP_CCM_MAX_PAYLOAD + 1),
		 TEE_ERROR_NOT_SUPPORTED);
	/* Nonce 13: a 2-byte length field, payloads below 64 KiB. */
	CHECK_EQ(cryp_ae_init(ci, ccm, nonce, 13, 128, 10, 65536),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_ae_init(ci, ccm, nonce, 13, 128, 10, 200), TEE_SUCCESS);
	CHECK(ci->mem_used > 210);
	CHECK_EQ(cryp_ae_update_aad(ci, ccm, &a), TEE_SUCCESS);
	CHECK_EQ(cryp_ae_update_aad(ci, ccm, &a), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(cryp_ae_update(ccm, &p, &o, &len), TEE_SUCCESS);
	CHECK_EQ(len, 0); /* CCM: all output from the final call */
	CHECK_EQ(cryp_ae_update_aad(ci, ccm, &a), TEE_ERROR_BAD_STATE);
	/* Less payload than declared; then a short tag buffer. */
	p = span_of(buf, 99);
	CHECK_EQ(cryp_ae_encrypt_final(ci, ccm, &p, &o, &len, &t, &tl),
		 TEE_ERROR_BAD_FORMAT);
	p = span_of(buf, 100);
	len = sizeof(out);
	tl = 8;
	CHECK_EQ(cryp_ae_encrypt_final(ci, ccm, &p, &o, &len, &t, &tl),
		 TEE_ERROR_SHORT_BUFFER);
	CHECK_EQ(tl, 16);
	CHECK_EQ(cryp_ae_encrypt_final(ci, ccm, &p, &o, &len, &t, &tl),
		 TEE_SUCCESS);
	CHECK_EQ(len, 200);
	CHECK_EQ(cryp_ae_decrypt_final(ci, ccm, &p, &o, &len, tag, 16),
		 TEE_ERROR_BAD_STATE);
	/* GCM: AAD grows up to its limit, then the budget says no. */
	CHECK_EQ(cryp_ae_init(ci, gcm, nonce, 12, 128, 0, 0), TEE_SUCCESS);
	a = span_of(buf, sizeof(buf));
	for (size_t n = 0; n < CRYP_AE_MAX_AAD / sizeof(buf); n++)
		CHECK_EQ(cryp_ae_update_aad(ci, gcm, &a), TEE_SUCCESS);
	a = span_of(buf, 1);
	CHECK_EQ(cryp_ae_update_aad(ci, gcm, &a), TEE_ERROR_OUT_OF_MEMORY);
	/* A wrong tag length is a mismatch; output stays clean. */
	memset(out, 0xee, sizeof(out));
	len = sizeof(out);
	p = span_of(buf, 50);
	CHECK_EQ(cryp_ae_decrypt_final(ci, gcm, &p, &o, &len, tag, 12),
		 TEE_ERROR_MAC_INVALID);
	for (size_t i = 0; i < 50; i++)
		CHECK(out[i] == 0);
	cryp_op_free(ci, h);
	cryp_op_free(ci, hg);
	CHECK_EQ(ci->mem_used, 0);
	cryp_inst_free(ci);
}
