/* The table of pseudo TAs built into the core. */
#include <string.h>
#include <tee/pta.h>

/*
 * The Makefile passes 0 for `make CFG_DEBUG_PTA=n` (and then leaves
 * debug_pta.c out). Builds without the switch, such as the host unit
 * tests, get the development default.
 */
#ifndef CFG_DEBUG_PTA
#define CFG_DEBUG_PTA 1
#endif

static const struct pta *const ptas[] = {
	&pta_device_enum,
	&pta_rng,
	&pta_test,
#if CFG_DEBUG_PTA
	&pta_debug,
#endif
};

const struct pta *pta_find(const uint8_t uuid[16])
{
	for (size_t i = 0; i < ARRAY_SIZE(ptas); i++)
		if (!memcmp(ptas[i]->uuid, uuid, 16))
			return ptas[i];
	return NULL;
}
