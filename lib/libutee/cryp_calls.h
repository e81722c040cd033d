/*
 * libutee internal: what tee_api_objects.c, tee_api_operations.c and
 * tee_api_authenc.c share. Handles are the Trusted OS's 32-bit values
 * carried in GP's pointer-typed handles; every call goes to the core
 * (rampart/abi/utee_cryp.h), which keeps all state and answers the GP
 * return code, or a code that means "panic" for GP's programmer errors.
 */
#ifndef RAMPART_LIBUTEE_CRYP_CALLS_H
#define RAMPART_LIBUTEE_CRYP_CALLS_H

#include <rampart/abi/utee_cryp.h>
#include <stdint.h>
#include <tee_internal_api.h>

#include "utee_syscalls.h"

#define CRYP0(nr) ((TEE_Result)_utee_cryp_call((nr), 0, 0, 0, 0, 0, 0))
#define CRYP(nr, a, b, c, d, e, f)                                             \
	((TEE_Result)_utee_cryp_call((nr), (unsigned long)(a),                 \
				     (unsigned long)(b), (unsigned long)(c),   \
				     (unsigned long)(d), (unsigned long)(e),   \
				     (unsigned long)(f)))

static inline unsigned long obj_h(TEE_ObjectHandle o)
{
	return (unsigned long)(uintptr_t)o;
}

static inline unsigned long op_h(TEE_OperationHandle op)
{
	return (unsigned long)(uintptr_t)op;
}

/* Panics unless @res is TEE_SUCCESS or one of the codes in @ok (0-ended). */
static inline TEE_Result cryp_allow(TEE_Result res, const TEE_Result *ok)
{
	if (res == TEE_SUCCESS)
		return res;
	for (; *ok; ok++)
		if (res == *ok)
			return res;
	TEE_Panic(res);
}

#define ALLOW(res, ...) cryp_allow((res), (const TEE_Result[]){__VA_ARGS__, 0})
/* Panics unless @res is TEE_SUCCESS. */
#define MUST(res) ALLOW((res), TEE_SUCCESS)

#endif
