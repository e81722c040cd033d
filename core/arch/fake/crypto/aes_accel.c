/*
 * crypto/aes_accel.h for host builds (unit tests): no AES instructions, so
 * every caller takes its portable path. The other entry points must then
 * never be reached.
 */
#include <crypto/aes_accel.h>
#include <stdlib.h>

bool aes_accel_available(void)
{
	return false;
}

void aes_accel_ecb(const uint32_t *rk, int nr, bool decrypt, const uint8_t *in,
		   uint8_t *out, size_t blocks)
{
	(void)rk, (void)nr, (void)decrypt, (void)in, (void)out, (void)blocks;
	abort();
}

void aes_accel_cbc(const uint32_t *rk, int nr, bool decrypt, uint8_t iv[16],
		   const uint8_t *in, uint8_t *out, size_t blocks)
{
	(void)rk, (void)nr, (void)decrypt, (void)iv, (void)in, (void)out;
	(void)blocks;
	abort();
}

void aes_accel_ctr(const uint32_t *rk, int nr, uint8_t ctr[16],
		   const uint8_t *in, uint8_t *out, size_t blocks)
{
	(void)rk, (void)nr, (void)ctr, (void)in, (void)out, (void)blocks;
	abort();
}

void aes_accel_xts(const uint32_t *rk, int nr, bool decrypt, uint8_t tweak[16],
		   const uint8_t *in, uint8_t *out, size_t blocks)
{
	(void)rk, (void)nr, (void)decrypt, (void)tweak, (void)in, (void)out;
	(void)blocks;
	abort();
}

TEE_Result aes_accel_check(uint32_t cases, uint32_t *mismatches)
{
	(void)cases;
	*mismatches = 0;
	return TEE_ERROR_NOT_SUPPORTED;
}
