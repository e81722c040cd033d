/*
 * The core's DRBG interface (crypto/crypto.h) for host builds of the
 * message layer, whose PTA table holds the RNG pseudo TA. Deterministic
 * bytes; tests set what crypto_rng_get_info() claims and make reads fail.
 */
#include <crypto/crypto.h>

#include "fake_crypto_rng.h"

bool fake_rng_hw_seed = true;
TEE_Result fake_rng_read_result = TEE_SUCCESS;
unsigned long fake_rng_reads;

static uint64_t state = 0x9e3779b97f4a7c15ull;

TEE_Result crypto_rng_read(void *buf, size_t len)
{
	uint8_t *p = buf;

	fake_rng_reads++;
	if (fake_rng_read_result)
		return fake_rng_read_result;
	for (size_t i = 0; i < len; i++) {
		state ^= state >> 12;
		state ^= state << 25;
		state ^= state >> 27;
		p[i] = (uint8_t)((state * 0x2545F4914F6CDD1Dull) >> 56);
	}
	return TEE_SUCCESS;
}

void crypto_rng_get_info(struct crypto_rng_info *info)
{
	info->hw_seed = fake_rng_hw_seed;
	info->quality = fake_rng_hw_seed ? 1024 : 1;
	info->source = fake_rng_hw_seed ? "fake RNDR" : "fake jitter";
}
