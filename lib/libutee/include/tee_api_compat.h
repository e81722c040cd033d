/*
 * GP 1.1 source compatibility. When __OPTEE_CORE_API_COMPAT_1_1 is non-zero
 * (CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y in a TA Makefile), the GP types and
 * functions whose sizes became size_t in GP 1.2/1.3 are renamed to their
 * __GP11_ twins, which take and store uint32_t sizes. Included last by
 * tee_internal_api.h, after every prototype has been declared under both
 * names. Only what this dev kit implements is listed.
 */
#ifndef RAMPART_TEE_API_COMPAT_H
#define RAMPART_TEE_API_COMPAT_H

#include <tee_api_defines.h>

#if __OPTEE_CORE_API_COMPAT_1_1
#define TEE_Param __GP11_TEE_Param
#define TEE_Attribute __GP11_TEE_Attribute
#define TEE_ObjectInfo __GP11_TEE_ObjectInfo

#define TA_OpenSessionEntryPoint __GP11_TA_OpenSessionEntryPoint
#define TA_InvokeCommandEntryPoint __GP11_TA_InvokeCommandEntryPoint

#define TEE_CheckMemoryAccessRights __GP11_TEE_CheckMemoryAccessRights
#define TEE_Malloc __GP11_TEE_Malloc
#define TEE_Realloc __GP11_TEE_Realloc
#define TEE_MemMove __GP11_TEE_MemMove
#define TEE_MemCompare __GP11_TEE_MemCompare
#define TEE_MemFill __GP11_TEE_MemFill
#define TEE_GenerateRandom __GP11_TEE_GenerateRandom
#define TEE_GetPropertyAsString __GP11_TEE_GetPropertyAsString
#define TEE_GetPropertyAsBinaryBlock __GP11_TEE_GetPropertyAsBinaryBlock
#define TEE_GetPropertyName __GP11_TEE_GetPropertyName
#define TEE_OpenTASession __GP11_TEE_OpenTASession
#define TEE_InvokeTACommand __GP11_TEE_InvokeTACommand
#endif

#endif
