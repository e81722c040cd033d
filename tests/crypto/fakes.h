/* Stand-ins for the core services the crypto code uses on the host. */
#ifndef TESTS_CRYPTO_FAKES_H
#define TESTS_CRYPTO_FAKES_H

#include <stdbool.h>
#include <stddef.h>

/* The last core_log() line and how many there were. */
extern char fake_last_log[512];
extern unsigned long fake_log_count;

/* rng_get_seed(): deterministic bytes; fails while fake_seed_fail is set. */
extern bool fake_seed_fail;
extern unsigned long fake_seed_calls;

#endif
