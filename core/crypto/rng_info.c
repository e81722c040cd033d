/*
 * What the DRBG's output is worth as entropy to a client that credits it
 * (Linux's hwrng core, through the RNG pseudo TA).
 *
 * The output is HMAC-DRBG output: what counts is the entropy of its seed.
 * RNDR (FEAT_RNG) is the CPU's conditioned source, so the output is worth
 * full entropy. The jitter fallback is little more than emulator scheduling
 * noise and nobody has measured it, so it is claimed as the smallest
 * non-zero value: 0 would be worse than honest, since Linux from 6.2 on
 * reads a quality of 0 as "full entropy" (6.1 as "use the default", 0).
 *
 * The answer follows the source of the latest (re)seed: if RNDR ever fails
 * and a reseed falls back to jitter, the claim drops at once.
 */
#include <crypto/crypto.h>
#include <drivers/rng_seed.h>

#define QUALITY_FULL 1024u
#define QUALITY_WEAK 1u

void crypto_rng_get_info(struct crypto_rng_info *info)
{
	enum rng_seed_source src = rng_seed_source();

	info->hw_seed = src == RNG_SEED_RNDR;
	info->quality = info->hw_seed ? QUALITY_FULL : QUALITY_WEAK;
	info->source = rng_seed_source_name();
}
