/*
 * crypt_ta: exercises the GP crypto API for the in-guest tests (see
 * include/crypt_ta.h): known answers and differential vectors through
 * CRYPT_CMD_RUN, misuse scenarios, and the GP 1.1 prototypes.
 */
#include <crypt_ta.h>

#include "asym_priv.h"
#include "crypt_priv.h"

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param params[TEE_NUM_PARAMS],
				    void **sess_ctx)
{
	(void)param_types;
	(void)params;
	*sess_ctx = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	(void)sess_ctx;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t pt,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	(void)sess_ctx;
	switch (cmd_id) {
	case CRYPT_CMD_RUN:
		return crypt_run(pt, params);
	case CRYPT_CMD_MISUSE:
		return crypt_misuse(pt, params);
	case CRYPT_CMD_GP11:
		return crypt_gp11(pt, params);
	case CRYPT_CMD_ASYM:
		return crypt_asym(pt, params);
	case CRYPT_CMD_ASYM_BENCH:
		return crypt_asym_bench(pt, params);
	case CRYPT_CMD_ASYM_EXPORT:
		return crypt_asym_export(pt, params);
	case CRYPT_CMD_ASYM_OP:
		return crypt_asym_op(pt, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
