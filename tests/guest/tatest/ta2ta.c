/*
 * TA-to-TA sessions (GP §4.9) through ta2ta_ta: memrefs passed on, the
 * client identity each side sees, nesting depth, a callee that panics,
 * handles that are not the caller's, error paths, PTAs and other TAs as
 * callees, and no secure memory left behind by sessions a TA never closed.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include <rampart/abi/pta_debug.h>
#include <ta2ta_ta.h>

#include "tatest.h"

#define VIN TEEC_VALUE_INPUT
#define VOUT TEEC_VALUE_OUTPUT
#define VINOUT TEEC_VALUE_INOUT
#define NONE TEEC_NONE

static TEEC_UUID t2t_uuid(void)
{
	return (TEEC_UUID)TA2TA_TA_UUID;
}

/* Opens on the test's context (ctx_init() once per test: each call
 * makes a new context, orphaning the sessions of the previous one). */
static bool open_t2t(TEEC_Session *s, const char *what)
{
	TEEC_UUID u = t2t_uuid();

	return open_ta(s, &u, what);
}

static TEEC_Result t2t_cmd(TEEC_Session *s, uint32_t cmd, TEEC_Operation *op,
			   uint32_t *origin)
{
	uint32_t o = 0;
	TEEC_Result r = TEEC_InvokeCommand(s, cmd, op, &o);

	if (origin)
		*origin = o;
	return r;
}

void t_ta2ta_memref_passed_on(void)
{
	char buf[300];
	char want[300];
	TEEC_Operation op = new_op(
		TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, NONE, NONE, NONE));
	TEEC_Session s;
	TEEC_Result r;

	if (!ctx_init() || !open_t2t(&s, "ta2ta_ta"))
		return;
	for (size_t i = 0; i < sizeof(buf); i++) {
		buf[i] = (char)('a' + i % 26);
		want[sizeof(buf) - 1 - i] = buf[i];
	}
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = sizeof(buf);
	r = t2t_cmd(&s, T2T_CMD_CHAIN_REVERSE, &op, NULL);
	expect(r == TEEC_SUCCESS, "CHAIN_REVERSE: 0x%08x %s", r, rn(r));
	expect(!memcmp(buf, want, sizeof(buf)),
	       "buffer not reversed by the callee");
	note("300 bytes reversed by the callee; ");
	TEEC_CloseSession(&s);
}

void t_ta2ta_identity(void)
{
	uint8_t seen[16] = { 0xff };
	TEEC_Operation op = new_op(
		TEEC_PARAM_TYPES(VOUT, TEEC_MEMREF_TEMP_OUTPUT, NONE, NONE));
	TEEC_Session s;
	TEEC_Result r;

	if (!ctx_init() || !open_t2t(&s, "ta2ta_ta"))
		return;
	/* From Linux, libteec's default login: public, nil UUID. */
	op.params[0].value.a = 0x5555;
	op.params[1].tmpref.buffer = seen;
	op.params[1].tmpref.size = sizeof(seen);
	r = t2t_cmd(&s, T2T_CMD_WHO_CALLED, &op, NULL);
	expect(r == TEEC_SUCCESS && op.params[0].value.a == TEEC_LOGIN_PUBLIC,
	       "client identity from Linux: 0x%08x %s login 0x%x", r, rn(r),
	       op.params[0].value.a);
	for (size_t i = 0; i < sizeof(seen); i++)
		expect(!seen[i], "public client UUID byte %zu = %u", i,
		       seen[i]);
	/* From another TA: TEE_LOGIN_TRUSTED_APP and the caller's UUID. */
	op = new_op(TEEC_PARAM_TYPES(VOUT, NONE, NONE, NONE));
	r = t2t_cmd(&s, T2T_CMD_CALLEE_IDENTITY, &op, NULL);
	expect(r == TEEC_SUCCESS && op.params[0].value.a == 0xf0000000u &&
		       op.params[0].value.b == 1,
	       "identity seen by the callee: 0x%08x %s login 0x%x uuid "
	       "match %u",
	       r, rn(r), op.params[0].value.a, op.params[0].value.b);
	note("Linux: PUBLIC; TA: TRUSTED_APP + caller UUID; ");
	TEEC_CloseSession(&s);
}

void t_ta2ta_depth_limit(void)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VINOUT, NONE, NONE, NONE));
	TEEC_Session s;
	TEEC_Result r;

	if (!ctx_init() || !open_t2t(&s, "ta2ta_ta"))
		return;
	op.params[0].value.a = 1;
	r = t2t_cmd(&s, T2T_CMD_RECURSE, &op, NULL);
	expect(r == TEEC_SUCCESS, "RECURSE: 0x%08x %s", r, rn(r));
	expect(op.params[0].value.a == 4 &&
		       op.params[0].value.b == TEEC_ERROR_BUSY,
	       "deepest %u, refused with 0x%08x (want 4, BUSY)",
	       op.params[0].value.a, op.params[0].value.b);
	note("4 TAs deep, the 5th refused with BUSY; ");
	/* The whole chain unwound: the same session works again. */
	op.params[0].value.a = 1;
	r = t2t_cmd(&s, T2T_CMD_RECURSE, &op, NULL);
	expect(r == TEEC_SUCCESS && op.params[0].value.a == 4,
	       "second RECURSE: 0x%08x %s deepest %u", r, rn(r),
	       op.params[0].value.a);
	TEEC_CloseSession(&s);
}

void t_ta2ta_callee_panic(void)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, VOUT, NONE, NONE));
	TEEC_Session s;
	TEEC_Result r;

	if (!ctx_init() || !open_t2t(&s, "ta2ta_ta"))
		return;
	r = t2t_cmd(&s, T2T_CMD_CALLEE_PANIC, &op, NULL);
	expect(r == TEEC_SUCCESS, "CALLEE_PANIC: 0x%08x %s", r, rn(r));
	expect(op.params[0].value.a == TEEC_ERROR_TARGET_DEAD &&
		       op.params[0].value.b == TEEC_ORIGIN_TEE,
	       "panicking callee: 0x%08x origin %u", op.params[0].value.a,
	       op.params[0].value.b);
	expect(op.params[1].value.a == TEEC_ERROR_TARGET_DEAD &&
		       op.params[1].value.b == TEEC_ORIGIN_TEE,
	       "dead callee again: 0x%08x origin %u", op.params[1].value.a,
	       op.params[1].value.b);
	/* The caller lives on. */
	op = new_op(TEEC_PARAM_TYPES(VINOUT, NONE, NONE, NONE));
	op.params[0].value.a = 5;
	op.params[0].value.b = 6;
	r = t2t_cmd(&s, T2T_CMD_ADD, &op, NULL);
	expect(r == TEEC_SUCCESS && op.params[0].value.a == 11,
	       "caller after its callee died: 0x%08x %s", r, rn(r));
	note("callee TARGET_DEAD/TEE twice, caller alive; ");
	TEEC_CloseSession(&s);
}

static void expect_killed(TEEC_Session *s, uint32_t handle, const char *what)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VIN, NONE, NONE, NONE));
	uint32_t origin = 0;
	TEEC_Result r;

	op.params[0].value.a = handle;
	r = t2t_cmd(s, T2T_CMD_FORGED_HANDLE, &op, &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD && origin == TEEC_ORIGIN_TEE,
	       "%s (handle %u): 0x%08x %s origin %u, want TARGET_DEAD", what,
	       handle, r, rn(r), origin);
}

void t_ta2ta_foreign_handle(void)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, NONE, NONE, NONE));
	TEEC_Session owner, thief;
	TEEC_Result r;
	uint32_t h;

	if (!ctx_init() || !open_t2t(&owner, "owner"))
		return;
	r = t2t_cmd(&owner, T2T_CMD_OPEN_KEEP, &op, NULL);
	h = op.params[0].value.a;
	expect(r == TEEC_SUCCESS && h, "OPEN_KEEP: 0x%08x %s handle %u", r,
	       rn(r), h);
	/* Another instance using the owner's handle is killed... */
	if (open_t2t(&thief, "thief")) {
		expect_killed(&thief, h, "another instance's handle");
		TEEC_CloseSession(&thief);
	}
	/* ...as is one using a made-up handle or a normal-world session's. */
	if (open_t2t(&thief, "thief 2")) {
		expect_killed(&thief, 0x7fff1234u, "made-up handle");
		TEEC_CloseSession(&thief);
	}
	if (open_t2t(&thief, "thief 3")) {
		expect_killed(&thief, owner.session_id, "Linux's session id");
		TEEC_CloseSession(&thief);
	}
	/* The owner's session still works. */
	op = new_op(TEEC_PARAM_TYPES(VINOUT, NONE, NONE, NONE));
	op.params[0].value.a = 1;
	op.params[0].value.b = 2;
	{
		uint32_t origin = 0;

		r = t2t_cmd(&owner, T2T_CMD_USE_KEPT, &op, &origin);
		expect(r == TEEC_SUCCESS && op.params[0].value.a == 3,
		       "owner's kept session afterwards: 0x%08x %s origin %u",
		       r, rn(r), origin);
	}
	note("foreign, made-up and Linux handles kill the TA; owner fine; ");
	TEEC_CloseSession(&owner);
}

void t_ta2ta_errors(void)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, VOUT, NONE, NONE));
	TEEC_Session s;
	TEEC_Result r;

	if (!ctx_init() || !open_t2t(&s, "ta2ta_ta"))
		return;
	r = t2t_cmd(&s, T2T_CMD_OPEN_UNKNOWN, &op, NULL);
	expect(r == TEEC_SUCCESS &&
		       op.params[0].value.a == TEEC_ERROR_ITEM_NOT_FOUND &&
		       op.params[0].value.b == TEEC_ORIGIN_TEE &&
		       op.params[1].value.a == 1,
	       "unknown UUID: 0x%08x origin %u null handle %u",
	       op.params[0].value.a, op.params[0].value.b,
	       op.params[1].value.a);
	/* Memrefs the caller cannot access: unmapped, and the core. */
	static const uint64_t bad[] = { 0x10, 0xdead00000000ull,
					0x0e100000ull };
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		op = new_op(TEEC_PARAM_TYPES(VIN, VOUT, NONE, NONE));
		op.params[0].value.a = (uint32_t)bad[i];
		op.params[0].value.b = (uint32_t)(bad[i] >> 32);
		r = t2t_cmd(&s, T2T_CMD_BAD_MEMREF, &op, NULL);
		expect(r == TEEC_SUCCESS &&
			       op.params[1].value.a == TEEC_ERROR_ACCESS_DENIED,
		       "memref at 0x%llx: 0x%08x %s -> 0x%08x",
		       (unsigned long long)bad[i], r, rn(r),
		       op.params[1].value.a);
	}
	op = new_op(TEEC_PARAM_TYPES(VOUT, NONE, NONE, NONE));
	r = t2t_cmd(&s, T2T_CMD_SHORT_VIA, &op, NULL);
	expect(r == TEEC_SUCCESS &&
		       op.params[0].value.a == TEEC_ERROR_SHORT_BUFFER &&
		       op.params[0].value.b == T2T_SHORT_NEED,
	       "short buffer via a TA: 0x%08x size %u",
	       op.params[0].value.a, op.params[0].value.b);
	note("ITEM_NOT_FOUND, ACCESS_DENIED x3, SHORT_BUFFER + size; ");
	TEEC_CloseSession(&s);
}

void t_ta2ta_pta_and_other_ta(void)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, NONE, NONE, NONE));
	TEEC_Session s;
	TEEC_Result r;

	if (!ctx_init() || !open_t2t(&s, "ta2ta_ta"))
		return;
	r = t2t_cmd(&s, T2T_CMD_CALL_OTHERS, &op, NULL);
	expect(r == TEEC_SUCCESS && op.params[0].value.a == 42 &&
		       op.params[0].value.b == 42,
	       "test PTA / hello_world from a TA: 0x%08x %s -> %u, %u", r,
	       rn(r), op.params[0].value.a, op.params[0].value.b);
	note("test PTA 40+2 = %u, hello_world 41+1 = %u; ",
	     op.params[0].value.a, op.params[0].value.b);
	TEEC_CloseSession(&s);
}

static TEEC_Result pool_free(TEEC_Session *d, uint32_t *free_pages)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, NONE, NONE, NONE));
	uint32_t origin = 0;
	TEEC_Result r = t2t_cmd(d, PTA_DEBUG_CMD_PAGE_POOL_FREE, &op, &origin);

	*free_pages = op.params[0].value.a;
	expect(r == TEEC_SUCCESS, "PAGE_POOL_FREE: 0x%08x %s origin %u", r,
	       rn(r), origin);
	return r;
}

static void leak_cycle(int i)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, NONE, NONE, NONE));
	TEEC_Session s;
	TEEC_Result r;

	if (!open_t2t(&s, "ta2ta_ta"))
		return;
	/* A session it never closes, then (odd i) it dies. */
	r = t2t_cmd(&s, T2T_CMD_OPEN_KEEP, &op, NULL);
	expect(r == TEEC_SUCCESS, "cycle %d OPEN_KEEP: %s", i, rn(r));
	if (i % 2) {
		op = new_op(TEEC_PARAM_TYPES(NONE, NONE, NONE, NONE));
		r = t2t_cmd(&s, T2T_CMD_PANIC, &op, NULL);
		expect(r == TEEC_ERROR_TARGET_DEAD, "cycle %d panic: %s", i,
		       rn(r));
	}
	TEEC_CloseSession(&s);
}

void t_ta2ta_no_leak(void)
{
	static const uint8_t o[16] = PTA_DEBUG_UUID_OCTETS;
	uint32_t before = 0, after = 0;
	TEEC_UUID u;
	TEEC_Session d;

	u.timeLow = (uint32_t)o[0] << 24 | o[1] << 16 | o[2] << 8 | o[3];
	u.timeMid = (uint16_t)(o[4] << 8 | o[5]);
	u.timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]);
	memcpy(u.clockSeqAndNode, o + 8, 8);
	if (!ctx_init() || !open_ta(&d, &u, "debug PTA"))
		return;
	pool_free(&d, &before);
	leak_cycle(0); /* warm up */
	pool_free(&d, &before);
	for (int i = 0; i < 10 && failures < 3; i++)
		leak_cycle(i);
	pool_free(&d, &after);
	expect(after == before,
	       "free pages %u before, %u after 10 cycles of unclosed "
	       "TA-to-TA sessions",
	       before, after);
	note("%u free pages before and after; ", after);
	TEEC_CloseSession(&d);
}
