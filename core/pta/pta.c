/* The table of pseudo TAs built into the core. */
#include <string.h>
#include <tee/pta.h>

static const struct pta *const ptas[] = {
	&pta_device_enum,
	&pta_test,
	&pta_debug,
};

const struct pta *pta_find(const uint8_t uuid[16])
{
	for (size_t i = 0; i < ARRAY_SIZE(ptas); i++)
		if (!memcmp(ptas[i]->uuid, uuid, 16))
			return ptas[i];
	return NULL;
}
