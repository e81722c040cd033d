/*
 * The crypto extension's AES checked against mbedTLS's portable AES in the
 * running core: random keys (128/192/256 bits), data, lengths and
 * chaining values, every mode and direction, outputs and the updated
 * IV/counter/tweak compared. The test PTA runs it for the in-guest suite
 * (cryptest's aes_accel_vs_mbedtls), so the path the TAs' operations take
 * is checked on the CPU model it runs on.
 */
#include <crypto/aes_accel.h>
#include <crypto/crypto.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/aes.h>

#define MAX_BLOCKS 300

struct check_bufs {
	uint8_t in[16 * MAX_BLOCKS], ref[16 * MAX_BLOCKS], acc[16 * MAX_BLOCKS];
};

static void xts_double(uint8_t t[16])
{
	uint8_t carry = t[15] >> 7;

	for (int i = 15; i > 0; i--)
		t[i] = (uint8_t)(t[i] << 1 | t[i - 1] >> 7);
	t[0] = (uint8_t)(t[0] << 1) ^ (carry ? 0x87 : 0);
}

/* The reference: mbedTLS, block by block where it has no such mode. */
static void reference(mbedtls_aes_context *k, int mode, bool dec,
		      uint8_t st[16], const uint8_t *in, uint8_t *out,
		      size_t blocks)
{
	int m = dec ? MBEDTLS_AES_DECRYPT : MBEDTLS_AES_ENCRYPT;
	uint8_t stream[16], x[16];
	size_t off = 0;

	switch (mode) {
	case 0:
		for (size_t i = 0; i < blocks; i++)
			(void)mbedtls_aes_crypt_ecb(k, m, in + 16 * i,
						    out + 16 * i);
		break;
	case 1:
		(void)mbedtls_aes_crypt_cbc(k, m, 16 * blocks, st, in, out);
		break;
	case 2:
		(void)mbedtls_aes_crypt_ctr(k, 16 * blocks, &off, st, stream,
					    in, out);
		break;
	default:
		for (size_t i = 0; i < blocks; i++) {
			for (int j = 0; j < 16; j++)
				x[j] = in[16 * i + j] ^ st[j];
			(void)mbedtls_aes_crypt_ecb(k, m, x, x);
			for (int j = 0; j < 16; j++)
				out[16 * i + j] = x[j] ^ st[j];
			xts_double(st);
		}
		break;
	}
}

static void accelerated(mbedtls_aes_context *k, int mode, bool dec,
			uint8_t st[16], const uint8_t *in, uint8_t *out,
			size_t blocks)
{
	switch (mode) {
	case 0:
		aes_accel_ecb(k->rk, k->nr, dec, in, out, blocks);
		break;
	case 1:
		aes_accel_cbc(k->rk, k->nr, dec, st, in, out, blocks);
		break;
	case 2:
		aes_accel_ctr(k->rk, k->nr, st, in, out, blocks);
		break;
	default:
		aes_accel_xts(k->rk, k->nr, dec, st, in, out, blocks);
		break;
	}
}

static TEE_Result one_case(struct check_bufs *b, uint32_t i, bool *same)
{
	static const unsigned int key_bits[] = {128, 192, 256};
	unsigned int bits = key_bits[i % 3];
	int mode = (int)(i / 3 % 4);
	/* CTR only ever runs the forward cipher. */
	bool dec = mode != 2 && (i / 12) % 2;
	uint8_t key[32], st_ref[16], st_acc[16], r[2];
	mbedtls_aes_context k;
	size_t blocks;
	TEE_Result res;

	res = crypto_rng_read(key, sizeof(key));
	if (!res)
		res = crypto_rng_read(st_ref, sizeof(st_ref));
	if (!res)
		res = crypto_rng_read(r, sizeof(r));
	if (res)
		return res;
	blocks = 1 + (r[0] | (size_t)r[1] << 8) % MAX_BLOCKS;
	res = crypto_rng_read(b->in, 16 * blocks);
	if (res)
		return res;
	if (mode == 2) /* a counter about to carry into its upper half */
		memset(st_ref + 8, 0xff, 7);
	memcpy(st_acc, st_ref, sizeof(st_acc));
	mbedtls_aes_init(&k);
	if (dec)
		(void)mbedtls_aes_setkey_dec(&k, key, bits);
	else
		(void)mbedtls_aes_setkey_enc(&k, key, bits);
	reference(&k, mode, dec, st_ref, b->in, b->ref, blocks);
	/* In place, as the core's in-place path runs it. */
	memcpy(b->acc, b->in, 16 * blocks);
	accelerated(&k, mode, dec, st_acc, b->acc, b->acc, blocks);
	*same = !memcmp(b->ref, b->acc, 16 * blocks) &&
		(mode == 0 || !memcmp(st_ref, st_acc, 16));
	mbedtls_aes_free(&k);
	crypto_wipe(key, sizeof(key));
	return TEE_SUCCESS;
}

TEE_Result aes_accel_check(uint32_t cases, uint32_t *mismatches)
{
	struct check_bufs *b;
	TEE_Result res = TEE_SUCCESS;

	*mismatches = 0;
	if (!aes_accel_available())
		return TEE_ERROR_NOT_SUPPORTED;
	b = malloc(sizeof(*b));
	if (!b)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (uint32_t i = 0; i < cases && !res; i++) {
		bool same = false;

		res = one_case(b, i, &same);
		if (!res && !same)
			(*mismatches)++;
	}
	free(b);
	return res;
}
