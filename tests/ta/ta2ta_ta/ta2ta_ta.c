/*
 * ta2ta_ta: both ends of TA-to-TA sessions (see include/ta2ta_ta.h). The
 * caller commands open a session to a fresh instance of this same TA,
 * which plays the callee.
 */
#include <stdint.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <ta2ta_ta.h>

#define P(a, b, c, d)                                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b,                \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_##d)

static const TEE_UUID self_uuid = TA2TA_TA_UUID;
static TEE_TASessionHandle kept = TEE_HANDLE_NULL;

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

static TEE_Result open_self(TEE_TASessionHandle *s)
{
	uint32_t origin;

	return TEE_OpenTASession(&self_uuid, TEE_TIMEOUT_INFINITE, 0, NULL, s,
				 &origin);
}

/* --- callee ---------------------------------------------------------------- */

static TEE_Result reverse(uint32_t pt, TEE_Param p[4])
{
	uint8_t *b = p[0].memref.buffer;
	size_t n = p[0].memref.size;

	if (pt != P(MEMREF_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < n / 2; i++) {
		uint8_t t = b[i];

		b[i] = b[n - 1 - i];
		b[n - 1 - i] = t;
	}
	return TEE_SUCCESS;
}

static TEE_Result who_called(uint32_t pt, TEE_Param p[4])
{
	TEE_Identity id;
	TEE_Result res;

	if (pt != P(VALUE_OUTPUT, MEMREF_OUTPUT, NONE, NONE) ||
	    p[1].memref.size < sizeof(TEE_UUID))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetPropertyAsIdentity(TEE_PROPSET_CURRENT_CLIENT,
					"gpd.client.identity", &id);
	if (res)
		return res;
	p[0].value.a = id.login;
	memcpy(p[1].memref.buffer, &id.uuid, sizeof(TEE_UUID));
	p[1].memref.size = sizeof(TEE_UUID);
	return TEE_SUCCESS;
}

static TEE_Result short_buffer(uint32_t pt, TEE_Param p[4])
{
	if (pt != P(MEMREF_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].memref.size = T2T_SHORT_NEED;
	return TEE_ERROR_SHORT_BUFFER;
}

static TEE_Result add(uint32_t pt, TEE_Param p[4])
{
	if (pt != P(VALUE_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a += p[0].value.b;
	return TEE_SUCCESS;
}

/* --- caller ---------------------------------------------------------------- */

static TEE_Result chain_reverse(uint32_t pt, TEE_Param p[4])
{
	TEE_TASessionHandle s;
	TEE_Result res;

	if (pt != P(MEMREF_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = open_self(&s);
	if (res)
		return res;
	/* The client's own memref, passed on as it is. */
	res = TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE, T2T_CMD_REVERSE, pt,
				  p, NULL);
	TEE_CloseTASession(s);
	return res;
}

static TEE_Result callee_identity(uint32_t pt, TEE_Param p[4])
{
	TEE_Param q[4] = { 0 };
	TEE_UUID seen, mine;
	TEE_TASessionHandle s;
	TEE_Result res;

	if (pt != P(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetPropertyAsUUID(TEE_PROPSET_CURRENT_TA, "gpd.ta.appID",
				    &mine);
	if (!res)
		res = open_self(&s);
	if (res)
		return res;
	q[1].memref.buffer = &seen;
	q[1].memref.size = sizeof(seen);
	res = TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE, T2T_CMD_WHO_CALLED,
				  P(VALUE_OUTPUT, MEMREF_OUTPUT, NONE, NONE), q,
				  NULL);
	TEE_CloseTASession(s);
	p[0].value.a = q[0].value.a;
	p[0].value.b = !memcmp(&seen, &mine, sizeof(mine)) &&
		       q[1].memref.size == sizeof(seen);
	return res;
}

static TEE_Result recurse(uint32_t pt, TEE_Param p[4])
{
	TEE_TASessionHandle s;
	TEE_Result res;
	uint32_t depth = p[0].value.a;

	if (pt != P(VALUE_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = open_self(&s);
	if (res) {
		p[0].value.a = depth;
		p[0].value.b = res;
		return TEE_SUCCESS;
	}
	p[0].value.a = depth + 1;
	res = TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE, T2T_CMD_RECURSE, pt,
				  p, NULL);
	TEE_CloseTASession(s);
	return res;
}

static TEE_Result callee_panic(uint32_t pt, TEE_Param p[4])
{
	TEE_Param q[4] = { 0 };
	TEE_TASessionHandle s;
	uint32_t origin = 0;
	TEE_Result res;

	if (pt != P(VALUE_OUTPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = open_self(&s);
	if (res)
		return res;
	p[0].value.a = TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE,
					   T2T_CMD_PANIC, 0, NULL, &origin);
	p[0].value.b = origin;
	p[1].value.a = TEE_InvokeTACommand(
		s, TEE_TIMEOUT_INFINITE, T2T_CMD_ADD,
		P(VALUE_INOUT, NONE, NONE, NONE), q, &origin);
	p[1].value.b = origin;
	TEE_CloseTASession(s);
	return TEE_SUCCESS;
}

static TEE_Result open_keep(uint32_t pt, TEE_Param p[4])
{
	TEE_Result res;

	if (pt != P(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = open_self(&kept);
	p[0].value.a = (uint32_t)(uintptr_t)kept;
	return res;
}

static TEE_Result invoke_add_on(TEE_TASessionHandle s, uint32_t pt,
				TEE_Param p[4])
{
	if (pt != P(VALUE_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE, T2T_CMD_ADD, pt, p,
				   NULL);
}

static TEE_Result forged_handle(uint32_t pt, TEE_Param p[4])
{
	TEE_Param q[4] = { 0 };

	if (pt != P(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	return invoke_add_on((TEE_TASessionHandle)(uintptr_t)p[0].value.a,
			     P(VALUE_INOUT, NONE, NONE, NONE), q);
}

static TEE_Result open_unknown(uint32_t pt, TEE_Param p[4])
{
	static const TEE_UUID unknown = T2T_UNKNOWN_UUID;
	TEE_TASessionHandle s = (TEE_TASessionHandle)1;
	uint32_t origin = 0;

	if (pt != P(VALUE_OUTPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a = TEE_OpenTASession(&unknown, TEE_TIMEOUT_INFINITE, 0,
					 NULL, &s, &origin);
	p[0].value.b = origin;
	p[1].value.a = s == TEE_HANDLE_NULL;
	return TEE_SUCCESS;
}

static TEE_Result bad_memref(uint32_t pt, TEE_Param p[4])
{
	TEE_Param q[4] = { 0 };
	TEE_TASessionHandle s;
	uint32_t origin = 0;
	TEE_Result res;

	if (pt != P(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = open_self(&s);
	if (res)
		return res;
	q[0].memref.buffer =
		(void *)((uintptr_t)p[0].value.a |
			 (uintptr_t)p[0].value.b << 32);
	q[0].memref.size = 16;
	p[1].value.a = TEE_InvokeTACommand(
		s, TEE_TIMEOUT_INFINITE, T2T_CMD_REVERSE,
		P(MEMREF_INOUT, NONE, NONE, NONE), q, &origin);
	p[1].value.b = origin;
	TEE_CloseTASession(s);
	return TEE_SUCCESS;
}

static TEE_Result short_via(uint32_t pt, TEE_Param p[4])
{
	uint8_t buf[8];
	TEE_Param q[4] = { 0 };
	TEE_TASessionHandle s;
	TEE_Result res;

	if (pt != P(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = open_self(&s);
	if (res)
		return res;
	q[0].memref.buffer = buf;
	q[0].memref.size = sizeof(buf);
	p[0].value.a = TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE,
					   T2T_CMD_SHORT,
					   P(MEMREF_OUTPUT, NONE, NONE, NONE),
					   q, NULL);
	p[0].value.b = q[0].memref.size;
	TEE_CloseTASession(s);
	return TEE_SUCCESS;
}

/* The test PTA's UUID octets (inc/rampart/abi/pta_test.h) as a TEE_UUID. */
static const TEE_UUID test_pta = {
	0xe277e082, 0x7ac7, 0x41d5,
	{ 0xb5, 0x70, 0x11, 0x67, 0xa8, 0xba, 0x06, 0x8f }
};
static const TEE_UUID hello = {
	0x8aaaf200, 0x2450, 0x11e4,
	{ 0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b }
};

static TEE_Result call_others(uint32_t pt, TEE_Param p[4])
{
	TEE_Param q[4] = { 0 };
	TEE_TASessionHandle s;
	TEE_Result res;

	if (pt != P(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_OpenTASession(&test_pta, TEE_TIMEOUT_INFINITE, 0, NULL, &s,
				NULL);
	if (res)
		return res;
	q[0].value.a = 40;
	q[0].value.b = 2;
	res = TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE, 0 /* ADD */,
				  P(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE), q,
				  NULL);
	TEE_CloseTASession(s);
	if (res)
		return res;
	p[0].value.a = q[1].value.a;
	res = TEE_OpenTASession(&hello, TEE_TIMEOUT_INFINITE, 0, NULL, &s,
				NULL);
	if (res)
		return res;
	q[0].value.a = 41;
	res = TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE, 0 /* INC_VALUE */,
				  P(VALUE_INOUT, NONE, NONE, NONE), q, NULL);
	TEE_CloseTASession(s);
	p[0].value.b = q[0].value.a;
	return res;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd,
				      uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	(void)sess_ctx;
	switch (cmd) {
	case T2T_CMD_REVERSE:
		return reverse(pt, p);
	case T2T_CMD_WHO_CALLED:
		return who_called(pt, p);
	case T2T_CMD_PANIC:
		TEE_Panic(T2T_PANIC_CODE);
	case T2T_CMD_SHORT:
		return short_buffer(pt, p);
	case T2T_CMD_ADD:
		return add(pt, p);
	case T2T_CMD_CHAIN_REVERSE:
		return chain_reverse(pt, p);
	case T2T_CMD_CALLEE_IDENTITY:
		return callee_identity(pt, p);
	case T2T_CMD_RECURSE:
		return recurse(pt, p);
	case T2T_CMD_CALLEE_PANIC:
		return callee_panic(pt, p);
	case T2T_CMD_OPEN_KEEP:
		return open_keep(pt, p);
	case T2T_CMD_USE_KEPT:
		return invoke_add_on(kept, pt, p);
	case T2T_CMD_FORGED_HANDLE:
		return forged_handle(pt, p);
	case T2T_CMD_OPEN_UNKNOWN:
		return open_unknown(pt, p);
	case T2T_CMD_BAD_MEMREF:
		return bad_memref(pt, p);
	case T2T_CMD_SHORT_VIA:
		return short_via(pt, p);
	case T2T_CMD_CALL_OTHERS:
		return call_others(pt, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
