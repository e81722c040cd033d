/*
 * AES in the CPU's own instructions where the architecture has them (Arm's
 * crypto extension), over mbedTLS's expanded keys: @rk and @nr are an
 * mbedtls_aes_context's rk and nr, set up for the direction used (the
 * decryption schedule for decrypting ECB/CBC; XTS and CTR data keys as
 * mbedTLS would use them). aes_accel_available() is false where there is
 * no such support, and nothing else here may be called then. All work on
 * whole 16-byte blocks; @in and @out may be the same buffer.
 */
#ifndef CRYPTO_AES_ACCEL_H
#define CRYPTO_AES_ACCEL_H

#include <rampart/types.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool aes_accel_available(void);
void aes_accel_ecb(const uint32_t *rk, int nr, bool decrypt, const uint8_t *in,
		   uint8_t *out, size_t blocks);
/* @iv: the chaining value, updated. */
void aes_accel_cbc(const uint32_t *rk, int nr, bool decrypt, uint8_t iv[16],
		   const uint8_t *in, uint8_t *out, size_t blocks);
/* @ctr: a 128-bit big-endian counter, advanced by @blocks. */
void aes_accel_ctr(const uint32_t *rk, int nr, uint8_t ctr[16],
		   const uint8_t *in, uint8_t *out, size_t blocks);
/* @tweak: IEEE 1619's T for the first block, advanced past the last. */
void aes_accel_xts(const uint32_t *rk, int nr, bool decrypt, uint8_t tweak[16],
		   const uint8_t *in, uint8_t *out, size_t blocks);

/*
 * Checks the functions above against mbedTLS's AES on @cases random cases
 * (keys, data, lengths, every mode and direction); *@mismatches counts the
 * cases that differ. NOT_SUPPORTED where there is no acceleration.
 */
TEE_Result aes_accel_check(uint32_t cases, uint32_t *mismatches);

#endif
