/*
 * Seed material for the core's DRBG. On CPUs with FEAT_RNG the seed comes
 * from RNDR; otherwise from timing jitter, which is weak and logged as such.
 */
#ifndef DRIVERS_RNG_SEED_H
#define DRIVERS_RNG_SEED_H

#include <rampart/types.h>

enum rng_seed_source {
	RNG_SEED_NONE,   /* not used yet */
	RNG_SEED_RNDR,   /* FEAT_RNG: the CPU's architected random number */
	RNG_SEED_JITTER, /* counter jitter folded through SHA-256: WEAK */
};

/*
 * Fills buf with seed material (len any size). Chooses the source on the
 * first call. TEE_ERROR_GENERIC only if no source produced usable data.
 * Not reentrant: its one caller, the DRBG, holds its lock around it.
 */
TEE_Result rng_get_seed(void *buf, size_t len);

/* The source the last rng_get_seed() call used, and a name to log. */
enum rng_seed_source rng_seed_source(void);
const char *rng_seed_source_name(void);

#endif
