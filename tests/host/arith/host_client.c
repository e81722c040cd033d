/*
 * libteec and tatest's helpers for tests/guest/tatest/arith.c on the host:
 * sessions of arith_ta go straight to host_ta_invoke(); a panic makes the
 * session's instance dead (TEEC_ERROR_TARGET_DEAD, origin TEE) until a new
 * session is opened. main() runs every arith_<group> test and prints
 * PASS/FAIL host_arith/<group>.
 */
#include <stdio.h>
#include <string.h>

#include <arith_ta.h>

#include "host_ta.h"
#include "tatest.h"

TEEC_Context ctx;
static bool dead[64];
static uint32_t next_session = 1;

TEEC_Result TEEC_InitializeContext(const char *name, TEEC_Context *context)
{
	(void)name;
	memset(context, 0, sizeof(*context));
	return TEEC_SUCCESS;
}

void TEEC_FinalizeContext(TEEC_Context *context)
{
	(void)context;
}

TEEC_Result TEEC_OpenSession(TEEC_Context *context, TEEC_Session *session,
			     const TEEC_UUID *destination,
			     uint32_t connectionMethod,
			     const void *connectionData,
			     TEEC_Operation *operation, uint32_t *returnOrigin)
{
	TEEC_UUID arith = ARITH_TA_UUID;

	(void)connectionMethod;
	(void)connectionData;
	(void)operation;
	*returnOrigin = TEEC_ORIGIN_TEE;
	if (memcmp(destination, &arith, sizeof(arith)))
		return TEEC_ERROR_ITEM_NOT_FOUND;
	session->ctx = context;
	session->session_id = next_session++ % 64;
	dead[session->session_id] = false;
	return TEEC_SUCCESS;
}

void TEEC_CloseSession(TEEC_Session *session)
{
	(void)session;
}

TEEC_Result TEEC_InvokeCommand(TEEC_Session *session, uint32_t commandID,
			       TEEC_Operation *operation,
			       uint32_t *returnOrigin)
{
	TEEC_TempMemoryReference *in = &operation->params[0].tmpref;
	TEEC_TempMemoryReference *out = &operation->params[1].tmpref;
	uint32_t res = TEEC_ERROR_GENERIC;
	size_t size = out->size;

	*returnOrigin = TEEC_ORIGIN_TEE;
	if (dead[session->session_id])
		return TEEC_ERROR_TARGET_DEAD;
	if (!host_ta_invoke(commandID, in->buffer, in->size, out->buffer, &size,
			    &res)) {
		dead[session->session_id] = true;
		return TEEC_ERROR_TARGET_DEAD;
	}
	*returnOrigin = TEEC_ORIGIN_TRUSTED_APP;
	if (res == TEEC_SUCCESS || res == TEEC_ERROR_SHORT_BUFFER)
		out->size = size;
	return res;
}

const char *rn(TEEC_Result r)
{
	static char s[16];

	snprintf(s, sizeof(s), "0x%08x", r);
	return s;
}

TEEC_Operation new_op(uint32_t types)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = types;
	return op;
}

bool ctx_init(void)
{
	return TEEC_InitializeContext(NULL, &ctx) == TEEC_SUCCESS;
}

bool open_ta(TEEC_Session *s, const TEEC_UUID *u, const char *what)
{
	uint32_t origin;
	TEEC_Result r = TEEC_OpenSession(&ctx, s, u, TEEC_LOGIN_PUBLIC, NULL,
					 NULL, &origin);

	expect(r == TEEC_SUCCESS, "open %s: %s", what, rn(r));
	return r == TEEC_SUCCESS;
}

int main(void)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} tests[] = {
		{"convert", t_arith_convert}, {"logic", t_arith_logic},
		{"basic", t_arith_basic},     {"mod", t_arith_mod},
		{"expmod", t_arith_expmod},   {"gcd", t_arith_gcd},
		{"prime", t_arith_prime},     {"fmm", t_arith_fmm},
		{"random", t_arith_random},   {"panic", t_arith_panic},
	};

	for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
		detail[0] = 0;
		failures = 0;
		tests[i].fn();
		printf("%s host_arith/%s (%s)\n", failures ? "FAIL" : "PASS",
		       tests[i].name, detail);
		fflush(stdout);
	}
	return 0;
}
