/*
 * counter TA: a count shared by all sessions of its single instance, kept
 * in the instance data (TEE_SetInstanceData) rather than in a global, the
 * GP way of saying "state of this instance". With TA_FLAG_INSTANCE_KEEP_ALIVE
 * the instance, and so the count, outlives every session. GP 1.3 API.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <counter_ta.h>

struct counter {
	uint32_t count;
	uint32_t sessions;
};

static struct counter *counter(void)
{
	/* Set once in TA_CreateEntryPoint, which fails without it. */
	return (struct counter *)TEE_GetInstanceData();
}

TEE_Result TA_CreateEntryPoint(void)
{
	struct counter *c = TEE_Malloc(sizeof(*c), TEE_MALLOC_FILL_ZERO);

	if (!c)
		return TEE_ERROR_OUT_OF_MEMORY;
	TEE_SetInstanceData(c);
	IMSG("counter instance created");
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	TEE_Free(counter());
	TEE_SetInstanceData(NULL);
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param __maybe_unused params[4],
				    void __maybe_unused **sess_ctx)
{
	if (param_types !=
	    TEE_PARAM_TYPES(TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
			    TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	counter()->sessions++;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void __maybe_unused *sess_ctx)
{
	counter()->sessions--;
}

TEE_Result TA_InvokeCommandEntryPoint(void __maybe_unused *sess_ctx,
				      uint32_t cmd_id, uint32_t param_types,
				      TEE_Param params[4])
{
	struct counter *c = counter();

	if (param_types !=
	    TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
			    TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;

	switch (cmd_id) {
	case TA_COUNTER_CMD_INC:
		if (c->count == UINT32_MAX)
			return TEE_ERROR_OVERFLOW;
		c->count++;
		break;
	case TA_COUNTER_CMD_GET:
		break;
	case TA_COUNTER_CMD_RESET:
		c->count = 0;
		break;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
	params[0].value.a = c->count;
	params[0].value.b = c->sessions;
	return TEE_SUCCESS;
}
