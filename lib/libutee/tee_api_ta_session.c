/*
 * GP Internal Client API (§4.9): sessions from this TA to other TAs, in the
 * GP 1.3 (size_t sizes) and GP 1.1 (uint32_t sizes) parameter layouts. The
 * session handle is the core's session id; the core checks that this
 * instance holds it and panics the TA otherwise, as GP prescribes.
 */
#include <rampart/abi/utee.h>
#include <string.h>
#include <tee_internal_api.h>
#include <utee_ta_glue.h>

#include "utee_syscalls.h"

static bool is_memref(uint32_t t)
{
	return t >= TEE_PARAM_TYPE_MEMREF_INPUT;
}

static bool is_output(uint32_t t)
{
	return t == TEE_PARAM_TYPE_VALUE_OUTPUT ||
	       t == TEE_PARAM_TYPE_VALUE_INOUT ||
	       t == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

/*
 * The GP 1.3 and GP 1.1 parameter layouts differ only in the width of
 * memref.size; @gp11 says which one @params has.
 */
static void params_to_utee(struct utee_params *up, uint32_t types,
			   const void *params, bool gp11)
{
	const TEE_Param *p13 = params;
	const __GP11_TEE_Param *p11 = params;

	memset(up, 0, sizeof(*up));
	up->types = types;
	for (unsigned int i = 0; params && i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (is_memref(t)) {
			up->vals[2 * i] =
				gp11 ? (uintptr_t)p11[i].memref.buffer
				     : (uintptr_t)p13[i].memref.buffer;
			up->vals[2 * i + 1] =
				gp11 ? p11[i].memref.size : p13[i].memref.size;
		} else if (t != TEE_PARAM_TYPE_NONE) {
			/* value.a/b sit at the same offsets in both. */
			up->vals[2 * i] =
				gp11 ? p11[i].value.a : p13[i].value.a;
			up->vals[2 * i + 1] =
				gp11 ? p11[i].value.b : p13[i].value.b;
		}
	}
}

static void params_from_utee(void *params, uint32_t types,
			     const struct utee_params *up, bool gp11)
{
	TEE_Param *p13 = params;
	__GP11_TEE_Param *p11 = params;

	for (unsigned int i = 0; params && i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);
		uint64_t a = up->vals[2 * i], b = up->vals[2 * i + 1];

		if (!is_output(t))
			continue;
		if (is_memref(t) && gp11)
			p11[i].memref.size = (uint32_t)b;
		else if (is_memref(t))
			p13[i].memref.size = b;
		else if (gp11)
			p11[i].value = (typeof(p11[i].value)){(uint32_t)a,
							      (uint32_t)b};
		else
			p13[i].value = (typeof(p13[i].value)){(uint32_t)a,
							      (uint32_t)b};
	}
}

static void check_args(uint32_t types, const void *params)
{
	if (!__utee_param_types_valid(types) || (types && !params))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

static TEE_Result open_session(const TEE_UUID *destination, uint32_t timeout,
			       uint32_t types, void *params, bool gp11,
			       TEE_TASessionHandle *session,
			       uint32_t *returnOrigin)
{
	uint32_t id = 0, origin = TEE_ORIGIN_API;
	struct utee_params up;
	TEE_Result res;

	if (!destination || !session)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	check_args(types, params);
	params_to_utee(&up, types, params, gp11);
	res = _utee_open_ta_session(destination, timeout, &up, &id, &origin);
	params_from_utee(params, types, &up, gp11);
	*session = res == TEE_SUCCESS ? (TEE_TASessionHandle)(uintptr_t)id
				      : TEE_HANDLE_NULL;
	if (returnOrigin)
		*returnOrigin = origin;
	return res;
}

TEE_Result TEE_OpenTASession(const TEE_UUID *destination,
			     uint32_t cancellationRequestTimeout,
			     uint32_t paramTypes,
			     TEE_Param params[TEE_NUM_PARAMS],
			     TEE_TASessionHandle *session,
			     uint32_t *returnOrigin)
{
	return open_session(destination, cancellationRequestTimeout, paramTypes,
			    params, false, session, returnOrigin);
}

TEE_Result __GP11_TEE_OpenTASession(const TEE_UUID *destination,
				    uint32_t cancellationRequestTimeout,
				    uint32_t paramTypes,
				    __GP11_TEE_Param params[TEE_NUM_PARAMS],
				    TEE_TASessionHandle *session,
				    uint32_t *returnOrigin)
{
	return open_session(destination, cancellationRequestTimeout, paramTypes,
			    params, true, session, returnOrigin);
}

void TEE_CloseTASession(TEE_TASessionHandle session)
{
	if (session == TEE_HANDLE_NULL)
		return;
	/* An unknown handle panics this TA in the core; nothing to report. */
	_utee_close_ta_session((uintptr_t)session);
}

static TEE_Result invoke(TEE_TASessionHandle session, uint32_t timeout,
			 uint32_t cmd, uint32_t types, void *params, bool gp11,
			 uint32_t *returnOrigin)
{
	uint32_t origin = TEE_ORIGIN_API;
	struct utee_params up;
	TEE_Result res;

	if (session == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	check_args(types, params);
	params_to_utee(&up, types, params, gp11);
	res = _utee_invoke_ta_command((uintptr_t)session, timeout, cmd, &up,
				      &origin);
	params_from_utee(params, types, &up, gp11);
	if (returnOrigin)
		*returnOrigin = origin;
	return res;
}

TEE_Result TEE_InvokeTACommand(TEE_TASessionHandle session,
			       uint32_t cancellationRequestTimeout,
			       uint32_t commandID, uint32_t paramTypes,
			       TEE_Param params[TEE_NUM_PARAMS],
			       uint32_t *returnOrigin)
{
	return invoke(session, cancellationRequestTimeout, commandID,
		      paramTypes, params, false, returnOrigin);
}

TEE_Result __GP11_TEE_InvokeTACommand(TEE_TASessionHandle session,
				      uint32_t cancellationRequestTimeout,
				      uint32_t commandID, uint32_t paramTypes,
				      __GP11_TEE_Param params[TEE_NUM_PARAMS],
				      uint32_t *returnOrigin)
{
	return invoke(session, cancellationRequestTimeout, commandID,
		      paramTypes, params, true, returnOrigin);
}
