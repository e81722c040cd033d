/*
 * hello_world TA: one session per instance, two commands that add or
 * subtract one from params[0].value.a. Written against the GP 1.1 API
 * (CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y), as OP-TEE's example is.
 */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <hello_world_ta.h>

TEE_Result TA_CreateEntryPoint(void)
{
	DMSG("has been called");
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	DMSG("has been called");
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param __maybe_unused params[4],
				    void __maybe_unused **sess_ctx)
{
	const uint32_t expected =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);

	DMSG("has been called");
	if (param_types != expected)
		return TEE_ERROR_BAD_PARAMETERS;

	IMSG("Hello World!\n");
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void __maybe_unused *sess_ctx)
{
	IMSG("Goodbye!\n");
}

static TEE_Result add_to_value(uint32_t param_types, TEE_Param params[4],
			       int delta)
{
	const uint32_t expected =
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INOUT, TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);

	DMSG("has been called");
	if (param_types != expected)
		return TEE_ERROR_BAD_PARAMETERS;

	IMSG("Got value: %u from NW", params[0].value.a);
	params[0].value.a += (uint32_t)delta;
	IMSG("%s value to: %u", delta > 0 ? "Increase" : "Decrease",
	     params[0].value.a);
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void __maybe_unused *sess_ctx,
				      uint32_t cmd_id, uint32_t param_types,
				      TEE_Param params[4])
{
	switch (cmd_id) {
	case TA_HELLO_WORLD_CMD_INC_VALUE:
		return add_to_value(param_types, params, 1);
	case TA_HELLO_WORLD_CMD_DEC_VALUE:
		return add_to_value(param_types, params, -1);
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
}
