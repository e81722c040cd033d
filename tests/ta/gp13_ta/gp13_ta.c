/*
 * gp13_ta: exercises the dev kit in GP 1.3 mode (see include/gp13_ta.h):
 * size_t memref sizes written back to the client (including the
 * SHORT_BUFFER protocol), the heap, random numbers, properties, time and
 * traces.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <gp13_ta.h>

#include "mem_checks.h"

_Static_assert(sizeof(((TEE_Param *)0)->memref.size) == sizeof(size_t),
	       "GP 1.3 mode: memref sizes are size_t");

TEE_Result TA_CreateEntryPoint(void)
{
	DMSG("instance created");
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	DMSG("instance destroyed");
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param params[TEE_NUM_PARAMS],
				    void **sess_ctx)
{
	(void)params;
	*sess_ctx = NULL;
	IMSG("session opened (param types %#x)", (unsigned int)param_types);
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	(void)sess_ctx;
	IMSG("session closed");
}

static TEE_Result cmd_reverse(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	size_t n = p[0].memref.size;
	const uint8_t *in = p[0].memref.buffer;
	uint8_t *out = p[1].memref.buffer;
	uint8_t *tmp;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!out || p[1].memref.size < n) {
		DMSG("need %zu bytes, have %zu", n, p[1].memref.size);
		p[1].memref.size = n;
		return TEE_ERROR_SHORT_BUFFER;
	}
	/* Through the heap, so input and output may overlap. */
	tmp = TEE_Malloc(n, TEE_MALLOC_NO_FILL);
	if (!tmp && n)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (size_t i = 0; i < n; i++)
		tmp[i] = in[n - 1 - i];
	TEE_MemMove(out, tmp, n);
	TEE_Free(tmp);
	p[1].memref.size = n;
	return TEE_SUCCESS;
}

static TEE_Result cmd_random(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_GenerateRandom(p[0].memref.buffer, p[0].memref.size);
	DMSG("%zu random bytes", p[0].memref.size);
	return TEE_SUCCESS;
}

static TEE_Result cmd_heap(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	uint32_t passed = 0, run = 0;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE) ||
	    !p[0].value.a || p[0].value.a > 8192)
		return TEE_ERROR_BAD_PARAMETERS;
	gp13_heap_checks(p[0].value.a, &passed, &run);
	p[1].value.a = passed;
	p[1].value.b = run;
	IMSG("heap checks: %" PRIu32 "/%" PRIu32 " passed", passed, run);
	return passed == run ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

static TEE_Result cmd_props(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	const TEE_UUID me = GP13_TA_UUID;
	TEE_UUID uuid;
	uint32_t data_size = 0;
	char desc[64];
	size_t desc_len = sizeof(desc);
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "gpd.ta.dataSize",
				   &data_size);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GetPropertyAsUUID(TEE_PROPSET_CURRENT_TA, "gpd.ta.appID",
				    &uuid);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA,
				      "gpd.ta.description", desc, &desc_len);
	if (res != TEE_SUCCESS)
		return res;
	DMSG("description '%s' (%zu bytes)", desc, desc_len);
	p[0].value.a = data_size;
	p[0].value.b = !TEE_MemCompare(&uuid, &me, sizeof(me));
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t pt,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	const uint32_t value_out = TEE_PARAM_TYPES(
		TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
		TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);
	TEE_Time t;

	(void)sess_ctx;
	switch (cmd_id) {
	case GP13_CMD_REVERSE:
		return cmd_reverse(pt, params);
	case GP13_CMD_RANDOM:
		return cmd_random(pt, params);
	case GP13_CMD_HEAP:
		return cmd_heap(pt, params);
	case GP13_CMD_PROPS:
		return cmd_props(pt, params);
	case GP13_CMD_SIZES:
		if (pt != value_out)
			return TEE_ERROR_BAD_PARAMETERS;
		params[0].value.a = sizeof(params[0].memref.size);
		params[0].value.b = sizeof(TEE_Param);
		return TEE_SUCCESS;
	case GP13_CMD_TIME:
		if (pt != value_out)
			return TEE_ERROR_BAD_PARAMETERS;
		TEE_GetSystemTime(&t);
		params[0].value.a = t.seconds;
		params[0].value.b = t.millis;
		return TEE_SUCCESS;
	case GP13_CMD_PANIC:
		EMSG("panicking with %#x on request", params[0].value.a);
		TEE_Panic(params[0].value.a);
	default:
		EMSG("unknown command %u", cmd_id);
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
