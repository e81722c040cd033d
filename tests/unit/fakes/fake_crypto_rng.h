/* Controls of the fake DRBG (fake_crypto_rng.c). */
#ifndef FAKE_CRYPTO_RNG_H
#define FAKE_CRYPTO_RNG_H

#include <rampart/types.h>

extern bool fake_rng_hw_seed;		/* what get_info claims */
extern TEE_Result fake_rng_read_result; /* non-zero: reads fail with it */
extern unsigned long fake_rng_reads;

#endif
