/* Fakes, helpers and OpenSSL references for the cryp host tests. */
#include <mbedtls/platform.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdlib.h>
#include <string.h>

#include "cryp_test.h"

/* ---- fakes ------------------------------------------------------------- */
/* What crypto_init() does in the core: mbedTLS on the heap. */
__attribute__((constructor)) static void hook_mbedtls(void)
{
	mbedtls_platform_set_calloc_free(calloc, free);
}

void cryp_read(void *dst, const struct cryp_span *s, size_t off, size_t n)
{
	if (!n)
		return;
	CHECK(off <= s->len && n <= s->len - off);
	memcpy(dst, (const uint8_t *)(uintptr_t)s->addr + off, n);
}

void cryp_write(const struct cryp_span *s, size_t off, const void *src,
		size_t n)
{
	if (!n)
		return;
	CHECK(off <= s->len && n <= s->len - off);
	memcpy((uint8_t *)(uintptr_t)s->addr + off, src, n);
}

void cryp_run_on_user(cryp_stream_fn fn, void *ctx, const struct cryp_span *src,
		      size_t src_off, const struct cryp_span *dst,
		      size_t dst_off, size_t n)
{
	if (!n)
		return;
	CHECK(src_off <= src->len && n <= src->len - src_off);
	CHECK(!dst || (dst_off <= dst->len && n <= dst->len - dst_off));
	fn(ctx, (const uint8_t *)(uintptr_t)src->addr + src_off,
	   dst ? (uint8_t *)(uintptr_t)dst->addr + dst_off : NULL, n);
}

TEE_Result crypto_rng_read(void *buf, size_t len)
{
	prng_fill(buf, len);
	return TEE_SUCCESS;
}

struct cryp_span span_of(const void *p, size_t len)
{
	return (struct cryp_span){.addr = (uint64_t)(uintptr_t)p, .len = len};
}

/* ---- PRNG -------------------------------------------------------------- */
static uint64_t prng_state = 0x9e3779b97f4a7c15ull;

void prng_seed(uint64_t seed)
{
	prng_state = seed ? seed : 1;
}

uint64_t prng(void)
{
	prng_state ^= prng_state >> 12;
	prng_state ^= prng_state << 25;
	prng_state ^= prng_state >> 27;
	return prng_state * 0x2545f4914f6cdd1dull;
}

size_t prng_below(size_t n)
{
	return n ? (size_t)(prng() % n) : 0;
}

void prng_fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)prng();
}

size_t random_split(size_t len, size_t *parts, size_t max_parts)
{
	size_t n = 0, left = len;

	while (left && n + 1 < max_parts) {
		size_t p = prng_below(left + 1);

		if (prng_below(4) == 0)
			p = prng_below(3); /* small pieces, empty ones too */
		if (p > left)
			p = left;
		parts[n++] = p;
		left -= p;
	}
	parts[n++] = left;
	return n;
}

/* ---- driving the service ------------------------------------------------- */
struct cryp_inst *new_inst(void)
{
	void *state = NULL;
	struct cryp_inst *ci = cryp_inst_get(&state);

	CHECK(ci != NULL);
	return ci;
}

struct cryp_obj *secret_obj(struct cryp_inst *ci, uint32_t type,
			    const uint8_t *key, size_t len, uint32_t *h)
{
	struct cryp_attr_in a = {
		.id = TEE_ATTR_SECRET_VALUE, .buf = key, .len = len};
	struct cryp_obj *o = NULL;

	CHECK_EQ(cryp_obj_alloc(ci, type, (uint32_t)len * 8, h), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_get(ci, *h, &o), TEE_SUCCESS);
	CHECK_EQ(cryp_obj_populate(ci, o, &a, 1), TEE_SUCCESS);
	return o;
}

struct cryp_op *keyed_op(struct cryp_inst *ci, uint32_t algo, uint32_t mode,
			 uint32_t key_type, const uint8_t *key, size_t len,
			 const uint8_t *key2, uint32_t *h)
{
	uint32_t h1, h2 = 0;
	struct cryp_obj *k1, *k2 = NULL;
	struct cryp_op *op = NULL;
	uint32_t max = (uint32_t)len * 8 * (key2 ? 2 : 1);

	CHECK_EQ(cryp_op_alloc(ci, algo, mode, max, h), TEE_SUCCESS);
	CHECK_EQ(cryp_op_get(ci, *h, &op), TEE_SUCCESS);
	if (!op)
		return NULL;
	k1 = secret_obj(ci, key_type, key, len, &h1);
	if (key2)
		k2 = secret_obj(ci, key_type, key2, len, &h2);
	CHECK_EQ(cryp_op_set_key(ci, op, k1, k2, false), TEE_SUCCESS);
	/* The operation keeps its own copies. */
	cryp_obj_close(ci, h1);
	if (key2)
		cryp_obj_close(ci, h2);
	return op;
}

/* ---- OpenSSL references -------------------------------------------------- */
size_t ref_digest(uint32_t algo, const uint8_t *msg, size_t len, uint8_t *out)
{
	const char *name = NULL;
	unsigned int n = 0;

	switch (algo) {
	case TEE_ALG_MD5:
		name = "MD5";
		break;
	case TEE_ALG_SHA1:
		name = "SHA1";
		break;
	case TEE_ALG_SHA224:
		name = "SHA224";
		break;
	case TEE_ALG_SHA256:
		name = "SHA256";
		break;
	case TEE_ALG_SHA384:
		name = "SHA384";
		break;
	case TEE_ALG_SHA512:
		name = "SHA512";
		break;
	}
	if (!name ||
	    !EVP_Digest(msg, len, out, &n, EVP_get_digestbyname(name), NULL))
		return 0;
	return n;
}

/* 3DES with K1 = K2 = K3 is single DES (OpenSSL 3 keeps DES "legacy"). */
static size_t des_key(const uint8_t *key, size_t klen, uint8_t k24[24])
{
	if (klen == 8) {
		for (int i = 0; i < 3; i++)
			memcpy(k24 + 8 * i, key, 8);
	} else if (klen == 16) {
		memcpy(k24, key, 16);
		memcpy(k24 + 16, key, 8);
	} else {
		memcpy(k24, key, 24);
	}
	return 24;
}

static const char *cipher_name(uint32_t algo, size_t klen)
{
	bool des = (algo & 0xff) == 0x11 || (algo & 0xff) == 0x13;
	static char name[32];
	uint32_t chain = (algo >> 8) & 0xf;

	if (des)
		return chain == 0 ? "DES-EDE3-ECB" : "DES-EDE3-CBC";
	snprintf(name, sizeof(name), "AES-%zu-%s", klen * 8,
		 chain == 0   ? "ECB"
		 : chain == 2 ? "CTR"
		 : chain == 3 ? "CBC-CTS"
		 : chain == 4 ? "XTS"
			      : "CBC");
	return name;
}

static size_t evp_run(const char *name, bool enc, const uint8_t *key,
		      const uint8_t *iv, const uint8_t *in, size_t len,
		      uint8_t *out, const char *cts_mode)
{
	EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, name, NULL);
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int n1 = 0, n2 = 0;
	size_t res = 0;
	OSSL_PARAM p[2] = {OSSL_PARAM_END, OSSL_PARAM_END};

	if (cts_mode)
		p[0] = OSSL_PARAM_construct_utf8_string(
			OSSL_CIPHER_PARAM_CTS_MODE, (char *)cts_mode, 0);
	if (c && ctx && EVP_CipherInit_ex2(ctx, c, key, iv, enc, p) &&
	    EVP_CIPHER_CTX_set_padding(ctx, 0) &&
	    EVP_CipherUpdate(ctx, out, &n1, in, (int)len) &&
	    EVP_CipherFinal_ex(ctx, out + n1, &n2))
		res = (size_t)(n1 + n2);
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(c);
	return res;
}

size_t ref_cipher(uint32_t algo, bool enc, const uint8_t *key, size_t klen,
		  const uint8_t *key2, const uint8_t *iv, const uint8_t *in,
		  size_t len, uint8_t *out)
{
	uint8_t k[64];
	const char *name = cipher_name(algo, klen);

	if (!len)
		return 0;
	if ((algo & 0xff) == 0x11 || (algo & 0xff) == 0x13) {
		des_key(key, klen, k);
		return evp_run(name, enc, k, iv, in, len, out, NULL);
	}
	if (key2) {
		memcpy(k, key, klen);
		memcpy(k + klen, key2, klen);
		return evp_run(name, enc, k, iv, in, len, out, NULL);
	}
	return evp_run(name, enc, key, iv, in, len, out,
		       algo == TEE_ALG_AES_CTS ? "CS3" : NULL);
}

static size_t cbc_mac(uint32_t algo, const uint8_t *key, size_t klen,
		      const uint8_t *msg, size_t len, uint8_t *out)
{
	bool des = (algo & 0xff) != 0x10;
	size_t bs = des ? 8 : 16, plen = len;
	uint8_t iv[16] = {0}, k[24], *buf, *enc;
	size_t n;

	if ((algo >> 8 & 0xf) == 5)
		plen = len / bs * bs + bs; /* PKCS#5 */
	buf = calloc(1, plen + 1);
	enc = calloc(1, plen + 1);
	memcpy(buf, msg, len);
	memset(buf + len, (int)(plen - len), plen - len);
	if (des) {
		des_key(key, klen, k);
		n = evp_run("DES-EDE3-CBC", true, k, iv, buf, plen, enc, NULL);
	} else {
		n = evp_run(cipher_name(TEE_ALG_AES_CBC_NOPAD, klen), true, key,
			    iv, buf, plen, enc, NULL);
	}
	if (n)
		memcpy(out, enc + n - bs, bs);
	free(buf);
	free(enc);
	return n ? bs : 0;
}

size_t ref_mac(uint32_t algo, const uint8_t *key, size_t klen,
	       const uint8_t *msg, size_t len, uint8_t *out)
{
	const char *md = NULL, *cipher = NULL;
	EVP_MAC *mac;
	EVP_MAC_CTX *ctx;
	OSSL_PARAM p[2];
	uint8_t k[24];
	size_t n = 0;

	switch (algo) {
	case TEE_ALG_HMAC_MD5:
		md = "MD5";
		break;
	case TEE_ALG_HMAC_SHA1:
		md = "SHA1";
		break;
	case TEE_ALG_HMAC_SHA224:
		md = "SHA224";
		break;
	case TEE_ALG_HMAC_SHA256:
		md = "SHA256";
		break;
	case TEE_ALG_HMAC_SHA384:
		md = "SHA384";
		break;
	case TEE_ALG_HMAC_SHA512:
		md = "SHA512";
		break;
	case TEE_ALG_AES_CMAC:
		cipher = cipher_name(TEE_ALG_AES_CBC_NOPAD, klen);
		break;
	case TEE_ALG_DES3_CMAC:
		cipher = "DES-EDE3-CBC";
		klen = des_key(key, klen, k);
		key = k;
		break;
	default:
		return cbc_mac(algo, key, klen, msg, len, out);
	}
	mac = EVP_MAC_fetch(NULL, md ? "HMAC" : "CMAC", NULL);
	ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
	p[0] = md ? OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
						     (char *)md, 0)
		  : OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
						     (char *)cipher, 0);
	p[1] = OSSL_PARAM_construct_end();
	if (!ctx || !EVP_MAC_init(ctx, key, klen, p) ||
	    !EVP_MAC_update(ctx, msg, len) || !EVP_MAC_final(ctx, out, &n, 64))
		n = 0;
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return n;
}

bool ref_ae(uint32_t algo, bool enc, const uint8_t *key, size_t klen,
	    const uint8_t *nonce, size_t nlen, const uint8_t *aad, size_t alen,
	    const uint8_t *in, size_t len, uint8_t *out, uint8_t *tag,
	    size_t tag_len)
{
	bool ccm = algo == TEE_ALG_AES_CCM;
	char name[32];
	EVP_CIPHER *c;
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int n = 0;
	bool ok;

	snprintf(name, sizeof(name), "AES-%zu-%s", klen * 8,
		 ccm ? "CCM" : "GCM");
	c = EVP_CIPHER_fetch(NULL, name, NULL);
	ok = c && ctx && EVP_CipherInit_ex(ctx, c, NULL, NULL, NULL, enc) &&
	     EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, (int)nlen, NULL);
	if (ok && ccm)
		ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG,
					 (int)tag_len, enc ? NULL : tag);
	ok = ok && EVP_CipherInit_ex(ctx, NULL, NULL, key, nonce, enc);
	if (ok && ccm)
		ok = EVP_CipherUpdate(ctx, NULL, &n, NULL, (int)len);
	if (ok && alen)
		ok = EVP_CipherUpdate(ctx, NULL, &n, aad, (int)alen);
	if (ok && (len || !ccm))
		ok = EVP_CipherUpdate(ctx, out, &n, in, (int)len);
	if (ok && !ccm && !enc)
		ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG,
					 (int)tag_len, tag);
	if (ok && !ccm)
		ok = EVP_CipherFinal_ex(ctx, out + n, &n);
	if (ok && enc)
		ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG,
					 (int)tag_len, tag);
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(c);
	return ok;
}
