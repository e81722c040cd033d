/*
 * tatest's utilities: result names, UUIDs, and small wrappers around the
 * two TAs' commands (the running test's detail and failed checks are
 * tests/guest/common/runner.c's).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gp13_ta.h>
#include <hello_world_ta.h>

#include "tatest.h"

TEEC_Context ctx;
const struct bad_image *cur_image;

const char *rn(TEEC_Result r)
{
	switch (r) {
	case TEEC_SUCCESS:
		return "SUCCESS";
	case TEEC_ERROR_GENERIC:
		return "GENERIC";
	case TEEC_ERROR_ACCESS_DENIED:
		return "ACCESS_DENIED";
	case TEEC_ERROR_CANCEL:
		return "CANCEL";
	case TEEC_ERROR_BAD_FORMAT:
		return "BAD_FORMAT";
	case TEEC_ERROR_BAD_PARAMETERS:
		return "BAD_PARAMETERS";
	case TEEC_ERROR_BAD_STATE:
		return "BAD_STATE";
	case TEEC_ERROR_ITEM_NOT_FOUND:
		return "ITEM_NOT_FOUND";
	case TEEC_ERROR_NOT_IMPLEMENTED:
		return "NOT_IMPLEMENTED";
	case TEEC_ERROR_NOT_SUPPORTED:
		return "NOT_SUPPORTED";
	case TEEC_ERROR_OUT_OF_MEMORY:
		return "OUT_OF_MEMORY";
	case TEEC_ERROR_BUSY:
		return "BUSY";
	case TEEC_ERROR_COMMUNICATION:
		return "COMMUNICATION";
	case TEEC_ERROR_SECURITY:
		return "SECURITY";
	case TEEC_ERROR_SHORT_BUFFER:
		return "SHORT_BUFFER";
	case TEEC_ERROR_TARGET_DEAD:
		return "TARGET_DEAD";
	default:
		return "?";
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (RFC 4122 text) to a TEEC_UUID. */
bool parse_uuid(const char *s, TEEC_UUID *u)
{
	uint8_t o[16];
	size_t k = 0;

	if (strlen(s) != 36)
		return false;
	for (size_t i = 0; i < 36; i++) {
		int hi, lo;

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
			continue;
		}
		hi = hexval(s[i]);
		lo = hexval(s[++i]);
		if (hi < 0 || lo < 0)
			return false;
		o[k++] = (uint8_t)(hi << 4 | lo);
	}
	u->timeLow = (uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 |
		     (uint32_t)o[2] << 8 | o[3];
	u->timeMid = (uint16_t)(o[4] << 8 | o[5]);
	u->timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]);
	memcpy(u->clockSeqAndNode, o + 8, 8);
	return true;
}

TEEC_UUID gp13_uuid(void)
{
	TEEC_UUID u = GP13_TA_UUID;

	return u;
}

TEEC_UUID hello_uuid(void)
{
	TEEC_UUID u = TA_HELLO_WORLD_UUID;

	return u;
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
	TEEC_Result r = TEEC_InitializeContext(NULL, &ctx);

	expect(r == TEEC_SUCCESS, "InitializeContext: 0x%08x %s", r, rn(r));
	return r == TEEC_SUCCESS;
}

/* Opens a session on ctx; a failed check (and false) if that fails. */
bool open_ta(TEEC_Session *s, const TEEC_UUID *u, const char *what)
{
	uint32_t origin = 0;
	TEEC_Result r = TEEC_OpenSession(&ctx, s, u, TEEC_LOGIN_PUBLIC, NULL,
					 NULL, &origin);

	expect(r == TEEC_SUCCESS, "open %s: 0x%08x %s origin %u", what, r,
	       rn(r), origin);
	return r == TEEC_SUCCESS;
}

TEEC_Result hello_inc(TEEC_Session *s, uint32_t in, uint32_t *out,
		      uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	TEEC_Result r;

	op.params[0].value.a = in;
	*origin = 0;
	r = TEEC_InvokeCommand(s, TA_HELLO_WORLD_CMD_INC_VALUE, &op, origin);
	*out = op.params[0].value.a;
	return r;
}

/* Opens hello_world, increments 42, closes; checks every step. */
bool hello_roundtrip(const char *what)
{
	TEEC_UUID u = hello_uuid();
	TEEC_Session s;
	uint32_t out = 0, origin;
	TEEC_Result r;

	if (!open_ta(&s, &u, what))
		return false;
	r = hello_inc(&s, 42, &out, &origin);
	expect(r == TEEC_SUCCESS && out == 43,
	       "%s: inc 42 gave 0x%08x %s origin %u value %u", what, r, rn(r),
	       origin, out);
	TEEC_CloseSession(&s);
	return r == TEEC_SUCCESS && out == 43;
}

TEEC_Result gp13_sizes(TEEC_Session *s, uint32_t *a, uint32_t *b,
		       uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	TEEC_Result r;

	op.params[0].value.a = op.params[0].value.b = 0xdeadbeef;
	*origin = 0;
	r = TEEC_InvokeCommand(s, GP13_CMD_SIZES, &op, origin);
	*a = op.params[0].value.a;
	*b = op.params[0].value.b;
	return r;
}

TEEC_Result gp13_panic(TEEC_Session *s, uint32_t code, uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));

	op.params[0].value.a = code;
	*origin = 0;
	return TEEC_InvokeCommand(s, GP13_CMD_PANIC, &op, origin);
}
