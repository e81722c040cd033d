/* teec_test: TEEC_InvokeCommand basics with value parameters. */
#define _GNU_SOURCE

#include "teec_test.h"

void t_invoke_bad_session(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT));
	TEEC_Session bogus, closed;
	TEEC_UUID u = pta_uuid();
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_InvokeCommand(NULL, PTA_TEST_CMD_ADD, &op, &origin);
	expect_api_refusal(r, origin, "NULL session");
	/* A session id the kernel does not know: the ioctl fails. */
	bogus.ctx = &ctx;
	bogus.session_id = 0x7ffffff3u;
	origin = 0;
	r = TEEC_InvokeCommand(&bogus, PTA_TEST_CMD_ADD, &op, &origin);
	expect(r != TEEC_SUCCESS && origin == TEEC_ORIGIN_COMMS,
	       "unknown session id: 0x%08x %s origin %u", r, rn(r), origin);
	note("unknown session id: %s origin %u", rn(r), origin);
	if (OURS) {
		/* Ours forgets a closed session: refused before any ioctl. */
		r = TEEC_OpenSession(&ctx, &closed, &u, TEEC_LOGIN_PUBLIC, NULL,
				     NULL, NULL);
		expect(r == TEEC_SUCCESS, "open: %s", rn(r));
		TEEC_CloseSession(&closed);
		TEEC_CloseSession(&closed); /* harmless */
		origin = 0;
		r = TEEC_InvokeCommand(&closed, PTA_TEST_CMD_ADD, &op, &origin);
		expect_api_refusal(r, origin, "closed session");
	}
}

void t_value_add(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	op.params[0].value.a = 0xfffffff0u;
	op.params[0].value.b = 0x20;
	op.params[1].value.a = op.params[1].value.b = 0xdeadbeef;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	expect(r == TEEC_SUCCESS, "0x%08x %s origin %u", r, rn(r), origin);
	expect(op.params[1].value.a == 0x10 &&
		       op.params[1].value.b == (0xfffffff0u ^ 0x20),
	       "out a=0x%x b=0x%x", op.params[1].value.a, op.params[1].value.b);
	expect(op.params[0].value.a == 0xfffffff0u &&
		       op.params[0].value.b == 0x20,
	       "input value changed");
	expect(op.session == &sess, "op.session %p, want %p",
	       (void *)op.session, (void *)&sess);
	if (OURS)
		expect(op.started != 0, "started not set");
	/* NULL returnOrigin is allowed. */
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, NULL);
	expect(r == TEEC_SUCCESS, "NULL origin: %s", rn(r));
	note("0xfffffff0+0x20 = 0x%x, xor 0x%x, origin %u",
	     op.params[1].value.a, op.params[1].value.b, origin);
}

void t_value_shapes(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INOUT));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	/* ADD wants [1] VALUE_OUTPUT: INOUT reaches the PTA, which refuses. */
	op.params[1].value.a = 11;
	op.params[1].value.b = 22;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	expect_tee_refusal(r, origin, "VALUE_INOUT");
	expect(op.params[1].value.a == 11 && op.params[1].value.b == 22,
	       "INOUT value not written back unchanged: %u %u",
	       op.params[1].value.a, op.params[1].value.b);
	/* NULL operation: four NONE parameters reach the PTA. */
	origin = 0;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, NULL, &origin);
	expect_tee_refusal(r, origin, "NULL operation");
	/* Unknown command. */
	r = TEEC_InvokeCommand(&sess, 0x7777, NULL, &origin);
	expect(r == TEEC_ERROR_NOT_IMPLEMENTED, "unknown cmd: %s", rn(r));
	/* STATS, a single VALUE_OUTPUT. */
	op = new_op(TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE));
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_STATS, &op, &origin);
	expect(r == TEEC_SUCCESS && op.params[0].value.a > 0, "STATS: %s %u",
	       rn(r), op.params[0].value.a);
	note("secure threads %u", op.params[0].value.a);
}

void t_bad_param_types(void)
{
	static const uint32_t bad[] = {4, 8, 9, 0xA, 0xB};
	uint32_t origin;
	TEEC_Result r;

	if (!setup())
		return;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		TEEC_Operation op = new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
							    TEEC_VALUE_OUTPUT,
							    bad[i], TEEC_NONE));

		origin = 0;
		r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
		expect_api_refusal(r, origin, "type");
	}
	note("types 4 8 9 A B refused with origin API");
}
