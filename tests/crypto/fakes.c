/*
 * core_log/panic and the RNG seed driver for host builds of the crypto code.
 * Set RAMPART_TEST_LOG=1 to see the log lines.
 */
#include "fakes.h"

#include <drivers/rng_seed.h>
#include <kernel/log.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char fake_last_log[512];
unsigned long fake_log_count;
bool fake_seed_fail;
unsigned long fake_seed_calls;
static unsigned char seed_counter;

void core_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(fake_last_log, sizeof(fake_last_log), fmt, ap);
	va_end(ap);
	fake_log_count++;
	if (getenv("RAMPART_TEST_LOG"))
		fprintf(stderr, "  log: %s\n", fake_last_log);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	abort();
}

TEE_Result rng_get_seed(void *buf, size_t len)
{
	unsigned char *p = buf;

	fake_seed_calls++;
	if (fake_seed_fail)
		return TEE_ERROR_GENERIC;
	for (size_t i = 0; i < len; i++)
		p[i] = seed_counter++;
	return TEE_SUCCESS;
}

enum rng_seed_source rng_seed_source(void)
{
	return RNG_SEED_NONE;
}

const char *rng_seed_source_name(void)
{
	return "test fake";
}
