/*
 * AES, DES and 3DES in ECB, CBC, CTR, CTS (CS3) and XTS over mbedTLS's
 * block functions, behind crypto_cipher_* (crypto.h). CTS and XTS are
 * built here on single blocks: mbedTLS has no CTS, and its XTS takes a
 * whole data unit per call, which does not fit a streaming API.
 */
#include <crypto/aes_accel.h>
#include <crypto/crypto.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/aes.h>
#include <mbedtls/des.h>
#include <mbedtls/platform_util.h>

#define BLOCK_MAX CRYPTO_CIPHER_MAX_BLOCK

struct crypto_cipher {
	enum crypto_cipher_alg alg;
	enum crypto_cipher_mode mode;
	bool encrypt;
	size_t bs;
	/* The keys, to re-key a copy: an AES context points into itself. */
	uint8_t key[32], key2[32];
	size_t key_len;
	uint8_t iv[BLOCK_MAX];	   /* CBC/CTS chain, CTR counter, XTS tweak */
	uint8_t stream[BLOCK_MAX]; /* CTR key stream */
	size_t stream_off;
	union {
		mbedtls_aes_context aes;
		mbedtls_des_context des;
		mbedtls_des3_context des3;
	} k;
	mbedtls_aes_context tweak; /* XTS: the tweak key, encrypting */
};

size_t crypto_cipher_block_size(enum crypto_cipher_alg alg)
{
	switch (alg) {
	case CRYPTO_CIPHER_AES:
		return 16;
	case CRYPTO_CIPHER_DES:
	case CRYPTO_CIPHER_DES3:
		return 8;
	}
	return 0;
}

bool crypto_cipher_key_ok(enum crypto_cipher_alg alg, size_t len)
{
	switch (alg) {
	case CRYPTO_CIPHER_AES:
		return len == 16 || len == 24 || len == 32;
	case CRYPTO_CIPHER_DES:
		return len == 8;
	case CRYPTO_CIPHER_DES3:
		return len == 16 || len == 24;
	}
	return false;
}

TEE_Result crypto_cipher_alloc(enum crypto_cipher_alg alg,
			       enum crypto_cipher_mode mode,
			       struct crypto_cipher **ctx)
{
	struct crypto_cipher *c;
	size_t bs = crypto_cipher_block_size(alg);

	if (!bs || mode > CRYPTO_MODE_XTS ||
	    (alg != CRYPTO_CIPHER_AES && mode > CRYPTO_MODE_CBC))
		return TEE_ERROR_NOT_SUPPORTED;
	c = calloc(1, sizeof(*c));
	if (!c)
		return TEE_ERROR_OUT_OF_MEMORY;
	c->alg = alg;
	c->mode = mode;
	c->bs = bs;
	*ctx = c;
	return TEE_SUCCESS;
}

static void free_keys(struct crypto_cipher *c)
{
	if (c->alg == CRYPTO_CIPHER_AES) {
		mbedtls_aes_free(&c->k.aes);
		mbedtls_aes_free(&c->tweak);
	} else if (c->alg == CRYPTO_CIPHER_DES) {
		mbedtls_des_free(&c->k.des);
	} else {
		mbedtls_des3_free(&c->k.des3);
	}
}

void crypto_cipher_free(struct crypto_cipher *ctx)
{
	if (!ctx)
		return;
	free_keys(ctx);
	mbedtls_platform_zeroize(ctx, sizeof(*ctx));
	free(ctx);
}

/* CTR and XTS only ever run the block cipher forwards. */
static bool uses_decrypt_schedule(const struct crypto_cipher *c)
{
	return !c->encrypt && c->mode != CRYPTO_MODE_CTR;
}

static int set_keys(struct crypto_cipher *c)
{
	bool dec = uses_decrypt_schedule(c);
	unsigned int bits = (unsigned int)c->key_len * 8;
	int ret;

	free_keys(c);
	switch (c->alg) {
	case CRYPTO_CIPHER_AES:
		mbedtls_aes_init(&c->k.aes);
		mbedtls_aes_init(&c->tweak);
		ret = dec ? mbedtls_aes_setkey_dec(&c->k.aes, c->key, bits)
			  : mbedtls_aes_setkey_enc(&c->k.aes, c->key, bits);
		if (!ret && c->mode == CRYPTO_MODE_XTS)
			ret = mbedtls_aes_setkey_enc(&c->tweak, c->key2, bits);
		return ret;
	case CRYPTO_CIPHER_DES:
		mbedtls_des_init(&c->k.des);
		return dec ? mbedtls_des_setkey_dec(&c->k.des, c->key)
			   : mbedtls_des_setkey_enc(&c->k.des, c->key);
	case CRYPTO_CIPHER_DES3:
		mbedtls_des3_init(&c->k.des3);
		if (c->key_len == 16)
			return dec ? mbedtls_des3_set2key_dec(&c->k.des3,
							      c->key)
				   : mbedtls_des3_set2key_enc(&c->k.des3,
							      c->key);
		return dec ? mbedtls_des3_set3key_dec(&c->k.des3, c->key)
			   : mbedtls_des3_set3key_enc(&c->k.des3, c->key);
	}
	return -1;
}

TEE_Result crypto_cipher_init(struct crypto_cipher *ctx, bool encrypt,
			      const uint8_t *key, size_t key_len,
			      const uint8_t *key2, const uint8_t *iv,
			      size_t iv_len)
{
	bool need_iv = ctx->mode != CRYPTO_MODE_ECB;

	if (!crypto_cipher_key_ok(ctx->alg, key_len) ||
	    (ctx->mode == CRYPTO_MODE_XTS && !key2) ||
	    (need_iv && (!iv || iv_len != ctx->bs)))
		return TEE_ERROR_BAD_PARAMETERS;
	ctx->encrypt = encrypt;
	memcpy(ctx->key, key, key_len);
	if (ctx->mode == CRYPTO_MODE_XTS)
		memcpy(ctx->key2, key2, key_len);
	ctx->key_len = key_len;
	if (set_keys(ctx))
		return TEE_ERROR_BAD_PARAMETERS;
	memset(ctx->iv, 0, sizeof(ctx->iv));
	memset(ctx->stream, 0, sizeof(ctx->stream));
	ctx->stream_off = 0;
	if (need_iv)
		memcpy(ctx->iv, iv, ctx->bs);
	if (ctx->mode == CRYPTO_MODE_XTS) /* T = E_K2(i) */
		(void)mbedtls_aes_crypt_ecb(&ctx->tweak, MBEDTLS_AES_ENCRYPT,
					    ctx->iv, ctx->iv);
	return TEE_SUCCESS;
}

/* One block through the raw cipher, in the context's direction. */
static void ecb_block(struct crypto_cipher *c, const uint8_t *in, uint8_t *out)
{
	bool dec = uses_decrypt_schedule(c);

	switch (c->alg) {
	case CRYPTO_CIPHER_AES:
		(void)mbedtls_aes_crypt_ecb(&c->k.aes,
					    dec ? MBEDTLS_AES_DECRYPT
						: MBEDTLS_AES_ENCRYPT,
					    in, out);
		break;
	case CRYPTO_CIPHER_DES:
		(void)mbedtls_des_crypt_ecb(&c->k.des, in, out);
		break;
	case CRYPTO_CIPHER_DES3:
		(void)mbedtls_des3_crypt_ecb(&c->k.des3, in, out);
		break;
	}
}

/*
 * 16-byte blocks as two words. __builtin_memcpy because -ffreestanding
 * turns plain memcpy into a call; this file is built without
 * -mstrict-align (crypto.mk), so each is one load or store.
 */
static inline uint64_t load64(const uint8_t *p)
{
	uint64_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static inline void store64(uint8_t *p, uint64_t v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void xor16(uint8_t *out, const uint8_t *a, const uint8_t *b)
{
	store64(out, load64(a) ^ load64(b));
	store64(out + 8, load64(a + 8) ^ load64(b + 8));
}

/*
 * AES-CBC here rather than mbedtls_aes_crypt_cbc, whose byte-wise XOR and
 * memcpy calls cost about a sixth of the block function itself.
 */
static void aes_cbc(struct crypto_cipher *c, const uint8_t *in, uint8_t *out,
		    size_t len)
{
	uint64_t c0, c1;

	if (c->encrypt) {
		for (; len >= 16; len -= 16, in += 16, out += 16) {
			xor16(out, in, c->iv);
			(void)mbedtls_internal_aes_encrypt(&c->k.aes, out, out);
			__builtin_memcpy(c->iv, out, 16);
		}
		return;
	}
	for (; len >= 16; len -= 16, in += 16, out += 16) {
		c0 = load64(in); /* before @out (maybe @in) is written */
		c1 = load64(in + 8);
		(void)mbedtls_internal_aes_decrypt(&c->k.aes, in, out);
		xor16(out, out, c->iv);
		store64(c->iv, c0);
		store64(c->iv + 8, c1);
	}
}

static void cbc(struct crypto_cipher *c, const uint8_t *in, uint8_t *out,
		size_t len)
{
	int m = c->encrypt ? MBEDTLS_DES_ENCRYPT : MBEDTLS_DES_DECRYPT;

	if (!len)
		return;
	switch (c->alg) {
	case CRYPTO_CIPHER_AES:
		aes_cbc(c, in, out, len);
		break;
	case CRYPTO_CIPHER_DES:
		(void)mbedtls_des_crypt_cbc(&c->k.des, m, len, c->iv, in, out);
		break;
	case CRYPTO_CIPHER_DES3:
		(void)mbedtls_des3_crypt_cbc(&c->k.des3, m, len, c->iv, in,
					     out);
		break;
	}
}

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "XTS tweaks are little-endian words");

/* T = T * x in GF(2^128), IEEE 1619's little-endian convention. */
static void xts_next_tweak(uint8_t t[16])
{
	uint64_t lo = load64(t), hi = load64(t + 8);
	uint64_t carry = hi >> 63;

	hi = hi << 1 | lo >> 63;
	lo = lo << 1 ^ (0x87 & (0 - carry));
	store64(t, lo);
	store64(t + 8, hi);
}

static void xts_block(struct crypto_cipher *c, const uint8_t t[16],
		      const uint8_t *in, uint8_t *out)
{
	uint8_t x[16];

	xor16(x, in, t);
	ecb_block(c, x, x);
	xor16(out, x, t);
}

/*
 * Whole blocks through the CPU's AES instructions; false to leave the call
 * to mbedTLS (a CTR key stream block already part-used).
 */
static bool accel_update(struct crypto_cipher *c, const uint8_t *in,
			 uint8_t *out, size_t len)
{
	const uint32_t *rk = c->k.aes.rk;
	int nr = c->k.aes.nr;
	bool dec = uses_decrypt_schedule(c);
	size_t blocks = len / 16;

	switch (c->mode) {
	case CRYPTO_MODE_ECB:
		aes_accel_ecb(rk, nr, dec, in, out, blocks);
		return true;
	case CRYPTO_MODE_CBC:
	case CRYPTO_MODE_CTS:
		aes_accel_cbc(rk, nr, dec, c->iv, in, out, blocks);
		return true;
	case CRYPTO_MODE_XTS:
		aes_accel_xts(rk, nr, dec, c->iv, in, out, blocks);
		return true;
	case CRYPTO_MODE_CTR:
		if (c->stream_off)
			return false;
		aes_accel_ctr(rk, nr, c->iv, in, out, blocks);
		if (len % 16) /* the tail starts a key stream block */
			(void)mbedtls_aes_crypt_ctr(
				&c->k.aes, len % 16, &c->stream_off, c->iv,
				c->stream, in + 16 * blocks, out + 16 * blocks);
		return true;
	}
	return false;
}

void crypto_cipher_update(struct crypto_cipher *ctx, const uint8_t *in,
			  uint8_t *out, size_t len)
{
	if (ctx->alg == CRYPTO_CIPHER_AES && aes_accel_available() &&
	    accel_update(ctx, in, out, len))
		return;
	switch (ctx->mode) {
	case CRYPTO_MODE_ECB:
		for (size_t i = 0; i + ctx->bs <= len; i += ctx->bs)
			ecb_block(ctx, in + i, out + i);
		break;
	case CRYPTO_MODE_CBC:
	case CRYPTO_MODE_CTS:
		cbc(ctx, in, out, len);
		break;
	case CRYPTO_MODE_CTR:
		if (len)
			(void)mbedtls_aes_crypt_ctr(&ctx->k.aes, len,
						    &ctx->stream_off, ctx->iv,
						    ctx->stream, in, out);
		break;
	case CRYPTO_MODE_XTS:
		for (size_t i = 0; i + 16 <= len; i += 16) {
			xts_block(ctx, ctx->iv, in + i, out + i);
			xts_next_tweak(ctx->iv);
		}
		break;
	}
}

/* CS3: the last two blocks swapped, the (new) last one cut to size. */
static void cts_final(struct crypto_cipher *c, const uint8_t *in, uint8_t *out,
		      size_t len)
{
	size_t bs = c->bs, d = len - bs;
	uint8_t a[BLOCK_MAX], b[BLOCK_MAX];

	if (c->encrypt) {
		cbc(c, in, a, bs); /* C(n-1) */
		memset(b, 0, bs);
		memcpy(b, in + bs, d);
		cbc(c, b, b, bs); /* C(n) over the zero-padded tail */
		memcpy(out, b, bs);
		memcpy(out + bs, a, d);
	} else {
		ecb_block(c, in, a); /* raw D(C(n)) = P(n)|0 ^ C(n-1) */
		memcpy(b, in + bs, d);
		memcpy(b + d, a + d, bs - d); /* the whole C(n-1) */
		for (size_t i = 0; i < d; i++)
			a[i] ^= b[i]; /* P(n) */
		memcpy(out + bs, a, d);
		cbc(c, b, out, bs); /* P(n-1) */
	}
	mbedtls_platform_zeroize(a, sizeof(a));
	mbedtls_platform_zeroize(b, sizeof(b));
}

/* Ciphertext stealing over the last full block and a partial one. */
static void xts_final(struct crypto_cipher *c, const uint8_t *in, uint8_t *out,
		      size_t len)
{
	size_t m = len - 16;
	uint8_t t2[16], x[16], tail[16];

	memcpy(t2, c->iv, 16);
	xts_next_tweak(t2);
	memcpy(tail, in + 16, m); /* before @out (maybe @in) is written */
	/* Encrypting uses tweaks i, i+1 in order; decrypting i+1 first. */
	xts_block(c, c->encrypt ? c->iv : t2, in, x);
	memcpy(out + 16, x, m);
	memcpy(x, tail, m);
	xts_block(c, c->encrypt ? t2 : c->iv, x, out);
	memcpy(c->iv, t2, 16);
	xts_next_tweak(c->iv);
	mbedtls_platform_zeroize(x, sizeof(x));
	mbedtls_platform_zeroize(tail, sizeof(tail));
}

void crypto_cipher_final(struct crypto_cipher *ctx, const uint8_t *in,
			 uint8_t *out, size_t len)
{
	size_t bs = ctx->bs;

	if ((ctx->mode == CRYPTO_MODE_CTS || ctx->mode == CRYPTO_MODE_XTS) &&
	    len > bs && len % bs) {
		if (ctx->mode == CRYPTO_MODE_CTS)
			cts_final(ctx, in, out, len);
		else
			xts_final(ctx, in, out, len);
		return;
	}
	if (ctx->mode == CRYPTO_MODE_CTS && len == 2 * bs) {
		cts_final(ctx, in, out, len); /* CS3 swaps full blocks too */
		return;
	}
	crypto_cipher_update(ctx, in, out, len);
}

void crypto_cipher_copy(struct crypto_cipher *dst,
			const struct crypto_cipher *src)
{
	if (dst == src)
		return;
	dst->encrypt = src->encrypt;
	memcpy(dst->key, src->key, sizeof(dst->key));
	memcpy(dst->key2, src->key2, sizeof(dst->key2));
	dst->key_len = src->key_len;
	memcpy(dst->iv, src->iv, sizeof(dst->iv));
	memcpy(dst->stream, src->stream, sizeof(dst->stream));
	dst->stream_off = src->stream_off;
	if (src->key_len)
		(void)set_keys(dst); /* the key was accepted for src */
}

void crypto_des_set_parity(uint8_t *key, size_t len)
{
	for (size_t i = 0; i + MBEDTLS_DES_KEY_SIZE <= len;
	     i += MBEDTLS_DES_KEY_SIZE)
		mbedtls_des_key_set_parity(key + i);
}
