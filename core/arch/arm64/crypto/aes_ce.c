/*
 * AES with the Armv8 crypto extension: the only C file of the core built
 * with FP/SIMD. Everything here runs inside fp_core_begin/fp_core_end
 * (aes_accel.c), and every function is an aes_ce_* symbol (helpers are
 * always inlined), which is what tests/host/test_secure_images.sh allows.
 *
 * AESE/AESD XOR the round key in first, so the rounds are
 * (AESE, AESMC) * (nr - 1), AESE, then a plain XOR with the last key; the
 * decryption side uses mbedTLS's equivalent-inverse-cipher schedule, which
 * is the one AESD/AESIMC want.
 */
#include <arm_neon.h>

#include "aes_ce.h"

#define INLINE static inline __attribute__((always_inline))

struct keys {
	uint8x16_t k[15];
	int nr;
};

INLINE void load_keys(struct keys *ks, const uint32_t *rk, int nr)
{
	ks->nr = nr;
	for (int i = 0; i <= nr; i++)
		ks->k[i] = vld1q_u8((const uint8_t *)(rk + 4 * i));
}

/* The copy of the schedule must not outlive the call on the stack. */
INLINE void wipe_keys(struct keys *ks)
{
	for (int i = 0; i < 15; i++)
		ks->k[i] = vdupq_n_u8(0);
	__asm__ volatile("" : : "r"(ks) : "memory");
}

INLINE uint8x16_t enc_block(const struct keys *ks, uint8x16_t b)
{
	int i;

	for (i = 0; i < ks->nr - 1; i++)
		b = vaesmcq_u8(vaeseq_u8(b, ks->k[i]));
	return veorq_u8(vaeseq_u8(b, ks->k[i]), ks->k[i + 1]);
}

INLINE uint8x16_t dec_block(const struct keys *ks, uint8x16_t b)
{
	int i;

	for (i = 0; i < ks->nr - 1; i++)
		b = vaesimcq_u8(vaesdq_u8(b, ks->k[i]));
	return veorq_u8(vaesdq_u8(b, ks->k[i]), ks->k[i + 1]);
}

void aes_ce_ecb(const uint32_t *rk, int nr, bool decrypt, uint8_t *state,
		const uint8_t *in, uint8_t *out, size_t blocks)
{
	struct keys ks;

	(void)state;
	load_keys(&ks, rk, nr);
	for (size_t i = 0; i < blocks; i++, in += 16, out += 16) {
		uint8x16_t b = vld1q_u8(in);

		vst1q_u8(out, decrypt ? dec_block(&ks, b) : enc_block(&ks, b));
	}
	wipe_keys(&ks);
}

void aes_ce_cbc(const uint32_t *rk, int nr, bool decrypt, uint8_t *iv,
		const uint8_t *in, uint8_t *out, size_t blocks)
{
	uint8x16_t chain = vld1q_u8(iv);
	struct keys ks;

	load_keys(&ks, rk, nr);
	for (size_t i = 0; i < blocks; i++, in += 16, out += 16) {
		uint8x16_t b = vld1q_u8(in);

		if (decrypt) {
			vst1q_u8(out, veorq_u8(dec_block(&ks, b), chain));
			chain = b; /* loaded before @out (maybe @in) was written
				    */
		} else {
			chain = enc_block(&ks, veorq_u8(b, chain));
			vst1q_u8(out, chain);
		}
	}
	vst1q_u8(iv, chain);
	wipe_keys(&ks);
}

INLINE uint8x16_t be128(uint64_t hi, uint64_t lo)
{
	return vreinterpretq_u8_u64(
		vcombine_u64(vcreate_u64(__builtin_bswap64(hi)),
			     vcreate_u64(__builtin_bswap64(lo))));
}

void aes_ce_ctr(const uint32_t *rk, int nr, bool decrypt, uint8_t *ctr,
		const uint8_t *in, uint8_t *out, size_t blocks)
{
	uint64_t hi, lo;
	struct keys ks;

	(void)decrypt; /* CTR runs the cipher forwards both ways */
	__builtin_memcpy(&hi, ctr, 8);
	__builtin_memcpy(&lo, ctr + 8, 8);
	hi = __builtin_bswap64(hi);
	lo = __builtin_bswap64(lo);
	load_keys(&ks, rk, nr);
	for (size_t i = 0; i < blocks; i++, in += 16, out += 16) {
		uint8x16_t ks_block = enc_block(&ks, be128(hi, lo));

		vst1q_u8(out, veorq_u8(vld1q_u8(in), ks_block));
		if (!++lo)
			hi++;
	}
	vst1q_u8(ctr, be128(hi, lo));
	wipe_keys(&ks);
}

void aes_ce_xts(const uint32_t *rk, int nr, bool decrypt, uint8_t *tweak,
		const uint8_t *in, uint8_t *out, size_t blocks)
{
	uint64_t lo, hi;
	struct keys ks;

	__builtin_memcpy(&lo, tweak, 8);
	__builtin_memcpy(&hi, tweak + 8, 8);
	load_keys(&ks, rk, nr);
	for (size_t i = 0; i < blocks; i++, in += 16, out += 16) {
		uint8x16_t t = vreinterpretq_u8_u64(
			vcombine_u64(vcreate_u64(lo), vcreate_u64(hi)));
		uint8x16_t b = veorq_u8(vld1q_u8(in), t);
		uint64_t carry = hi >> 63;

		b = decrypt ? dec_block(&ks, b) : enc_block(&ks, b);
		vst1q_u8(out, veorq_u8(b, t));
		/* T * x in GF(2^128), little-endian as IEEE 1619 has it */
		hi = hi << 1 | lo >> 63;
		lo = lo << 1 ^ (0x87 & (0 - carry));
	}
	__builtin_memcpy(tweak, &lo, 8);
	__builtin_memcpy(tweak + 8, &hi, 8);
	wipe_keys(&ks);
}
