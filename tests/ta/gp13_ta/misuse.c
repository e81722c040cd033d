/*
 * GP13_CMD_MISUSE: API calls GP says panic the TA (the client must see
 * TEE_ERROR_TARGET_DEAD). Returning from here at all is the failure.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "misuse.h"

static const uint32_t ro_value = 7;

static void use_enumerator_after_free(void)
{
	TEE_PropSetHandle e = TEE_HANDLE_NULL;

	if (TEE_AllocatePropertyEnumerator(&e) != TEE_SUCCESS)
		return;
	TEE_StartPropertyEnumerator(e, TEE_PROPSET_CURRENT_TA);
	TEE_FreePropertyEnumerator(e);
	TEE_GetNextProperty(e);
}

static void start_on_bad_set(void)
{
	TEE_PropSetHandle e = TEE_HANDLE_NULL;

	if (TEE_AllocatePropertyEnumerator(&e) != TEE_SUCCESS)
		return;
	TEE_StartPropertyEnumerator(e, (TEE_PropSetHandle)7);
}

void gp13_misuse(uint32_t what)
{
	/* A handle that looks like an enumerator: a live heap block. */
	void *forged = TEE_Malloc(32, TEE_MALLOC_FILL_ZERO);
	char s[16];
	size_t len = sizeof(s);
	uint32_t v;
	bool b;

	switch (what) {
	case GP13_MISUSE_BAD_PROPSET:
		TEE_GetPropertyAsU32((TEE_PropSetHandle)0x1234, "x", &v);
		break;
	case GP13_MISUSE_FREED_ENUM:
		use_enumerator_after_free();
		break;
	case GP13_MISUSE_START_BAD_SET:
		start_on_bad_set();
		break;
	case GP13_MISUSE_NULL_NAME:
		TEE_GetPropertyAsBool(TEE_PROPSET_CURRENT_TA, NULL, &b);
		break;
	case GP13_MISUSE_NULL_VALUE:
		TEE_GetPropertyAsBool(TEE_PROPSET_CURRENT_TA,
				      "gpd.ta.singleInstance", NULL);
		break;
	case GP13_MISUSE_NULL_LEN:
		TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA,
					"gpd.ta.version", s, NULL);
		break;
	case GP13_MISUSE_FREE_BAD_ENUM:
		TEE_FreePropertyEnumerator((TEE_PropSetHandle)forged);
		break;
	case GP13_MISUSE_NAME_BAD_ENUM:
		TEE_GetPropertyName(TEE_PROPSET_CURRENT_TA, s, &len);
		break;
	case GP13_MISUSE_RESET_BAD_ENUM:
		TEE_ResetPropertyEnumerator((TEE_PropSetHandle)forged);
		break;
	case GP13_MISUSE_ALLOC_NULL:
		TEE_AllocatePropertyEnumerator(NULL);
		break;
	case GP13_MISUSE_RANDOM_NULL:
		TEE_GenerateRandom(NULL, 16);
		break;
	case GP13_MISUSE_SET_TIME_MILLIS:
		TEE_SetTAPersistentTime(&(const TEE_Time){0, 1000});
		break;
	case GP13_MISUSE_GET_TIME_NULL:
		TEE_GetTAPersistentTime(NULL);
		break;
	case GP13_MISUSE_SET_TIME_NULL:
		TEE_SetTAPersistentTime(NULL);
		break;
	case GP13_MISUSE_SYSTIME_NULL:
		TEE_GetSystemTime(NULL);
		break;
	case GP13_MISUSE_REETIME_NULL:
		TEE_GetREETime(NULL);
		break;
	case GP13_MISUSE_FREE_WILD:
		TEE_Free(s);
		break;
	case GP13_MISUSE_REALLOC_WILD:
		TEE_Realloc((uint8_t *)forged + 16, 64);
		break;
	case GP13_MISUSE_PANIC_ZERO:
		TEE_Panic(0);
	case GP13_MISUSE_BINARY_NULL_LEN:
		TEE_GetPropertyAsBinaryBlock(TEE_PROPSET_CURRENT_TA,
					     "gp13.binary", s, NULL);
		break;
	case GP13_MISUSE_VALUE_RODATA:
		TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "gpd.ta.dataSize",
				     (uint32_t *)&ro_value);
		break;
	default:
		break;
	}
	TEE_Free(forged);
}
