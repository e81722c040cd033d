/*
 * The five entry points a TA implements (GP TEE Internal Core API 1.3.1
 * §4.3). With the GP 1.1 API selected, TA_OpenSessionEntryPoint and
 * TA_InvokeCommandEntryPoint are the __GP11_ variants, whose TEE_Param has
 * uint32_t memref sizes (see tee_api_compat.h).
 */
#ifndef RAMPART_TEE_TA_API_H
#define RAMPART_TEE_TA_API_H

#include <tee_api_defines.h>
#include <tee_api_types.h>

#define TA_EXPORT

/* Called once per instance, before the first session is opened. */
TEE_Result TA_EXPORT TA_CreateEntryPoint(void);

/* Called once when the instance goes away. */
void TA_EXPORT TA_DestroyEntryPoint(void);

TEE_Result TA_EXPORT TA_OpenSessionEntryPoint(uint32_t paramTypes,
					      TEE_Param params[TEE_NUM_PARAMS],
					      void **sessionContext);
TEE_Result TA_EXPORT __GP11_TA_OpenSessionEntryPoint(
	uint32_t paramTypes, __GP11_TEE_Param params[TEE_NUM_PARAMS],
	void **sessionContext);

void TA_EXPORT TA_CloseSessionEntryPoint(void *sessionContext);

TEE_Result TA_EXPORT TA_InvokeCommandEntryPoint(
	void *sessionContext, uint32_t commandID, uint32_t paramTypes,
	TEE_Param params[TEE_NUM_PARAMS]);
TEE_Result TA_EXPORT __GP11_TA_InvokeCommandEntryPoint(
	void *sessionContext, uint32_t commandID, uint32_t paramTypes,
	__GP11_TEE_Param params[TEE_NUM_PARAMS]);

/* The rest of the API and, for GP 1.1 TAs, the renames. */
#include <tee_internal_api.h>

#endif
