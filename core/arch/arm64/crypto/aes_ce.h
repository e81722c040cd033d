/* The FP/SIMD half of aes_accel.c (aes_ce.c); see crypto/aes_accel.h. */
#ifndef ARM64_CRYPTO_AES_CE_H
#define ARM64_CRYPTO_AES_CE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * One signature for every mode: @state is the CBC chaining value, the CTR
 * counter or the XTS tweak, updated (NULL and unused for ECB); @decrypt is
 * unused for CTR.
 */
typedef void (*aes_ce_fn)(const uint32_t *rk, int nr, bool decrypt,
			  uint8_t *state, const uint8_t *in, uint8_t *out,
			  size_t blocks);

void aes_ce_ecb(const uint32_t *rk, int nr, bool decrypt, uint8_t *state,
		const uint8_t *in, uint8_t *out, size_t blocks);
void aes_ce_cbc(const uint32_t *rk, int nr, bool decrypt, uint8_t *iv,
		const uint8_t *in, uint8_t *out, size_t blocks);
void aes_ce_ctr(const uint32_t *rk, int nr, bool decrypt, uint8_t *ctr,
		const uint8_t *in, uint8_t *out, size_t blocks);
void aes_ce_xts(const uint32_t *rk, int nr, bool decrypt, uint8_t *tweak,
		const uint8_t *in, uint8_t *out, size_t blocks);

#endif
