/* teec_test: contexts and sessions (logins, bad arguments). */
#define _GNU_SOURCE
#include <unistd.h>

#include "teec_test.h"

void t_context(void)
{
	TEEC_Context c1, c2;
	TEEC_Result r;

	r = TEEC_InitializeContext(NULL, &c1);
	expect(r == TEEC_SUCCESS, "NULL name: 0x%08x %s", r, rn(r));
	r = TEEC_InitializeContext("optee-tz", &c2);
	expect(r == TEEC_SUCCESS, "optee-tz: 0x%08x %s", r, rn(r));
	if (r == TEEC_SUCCESS)
		TEEC_FinalizeContext(&c2);
	if (c1.fd >= 0)
		TEEC_FinalizeContext(&c1);
	r = TEEC_InitializeContext("no-such-tee", &c2);
	expect(r == TEEC_ERROR_ITEM_NOT_FOUND, "unknown name: 0x%08x %s", r,
	       rn(r));
	r = TEEC_InitializeContext(NULL, NULL);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "NULL context: 0x%08x %s", r,
	       rn(r));
	TEEC_FinalizeContext(NULL); /* must do nothing */
	note("names NULL/optee-tz ok, unknown name and NULL context refused");
}

void t_open_close(void)
{
	TEEC_UUID u = pta_uuid();
	TEEC_Session s[3];
	uint32_t origin;
	TEEC_Result r;

	if (!setup())
		return;
	/* Several sessions on one context, closed in another order. */
	for (int i = 0; i < 3; i++) {
		origin = 0xdead;
		r = TEEC_OpenSession(&ctx, &s[i], &u, TEEC_LOGIN_PUBLIC, NULL,
				     NULL, &origin);
		expect(r == TEEC_SUCCESS && origin != 0xdead,
		       "open %d: 0x%08x %s origin 0x%x", i, r, rn(r), origin);
	}
	TEEC_CloseSession(&s[1]);
	TEEC_CloseSession(&s[0]);
	TEEC_CloseSession(&s[2]);
	TEEC_CloseSession(NULL); /* must do nothing */
	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	note("3 sessions opened and closed, origin written on success");
}

void t_open_with_operation(void)
{
	TEEC_UUID u = pta_uuid();
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_NONE));
	uint32_t origin = 0;
	TEEC_Session s;
	TEEC_Result r;

	if (!setup())
		return;
	op.params[0].value.a = 7;
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL, &op,
			     &origin);
	expect(r == TEEC_SUCCESS, "open with op: 0x%08x %s", r, rn(r));
	if (OURS)
		expect(op.started != 0, "started not set by the call");
	if (r == TEEC_SUCCESS)
		TEEC_CloseSession(&s);
	note("open with a VALUE_INPUT operation: %s", rn(r));
}

void t_open_unknown_uuid(void)
{
	/* A random version 4 UUID that nothing implements. */
	static const uint8_t o[16] = {0x3b, 0x61, 0x0e, 0x9c, 0x52, 0xd7,
				      0x4f, 0x08, 0xa1, 0x7e, 0x6c, 0x44,
				      0x90, 0x2b, 0xd3, 0x15};
	TEEC_UUID u = uuid_from_octets(o);
	uint32_t origin = 0;
	TEEC_Session s;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin);
	expect(r == TEEC_ERROR_ITEM_NOT_FOUND && origin == TEEC_ORIGIN_TEE,
	       "0x%08x %s origin %u", r, rn(r), origin);
	note("ret %s origin %u", rn(r), origin);
}

void t_open_bad_args(void)
{
	TEEC_UUID u = pta_uuid();
	uint32_t origin;
	TEEC_Session s;
	TEEC_Result r;

	if (!setup())
		return;
	origin = 0;
	r = TEEC_OpenSession(NULL, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin);
	expect_api_refusal(r, origin, "NULL context");
	origin = 0;
	r = TEEC_OpenSession(&ctx, NULL, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin);
	expect_api_refusal(r, origin, "NULL session");
	if (OURS) { /* 3.19 dereferences these */
		origin = 0;
		r = TEEC_OpenSession(&ctx, &s, NULL, TEEC_LOGIN_PUBLIC, NULL,
				     NULL, &origin);
		expect_api_refusal(r, origin, "NULL destination");
		origin = 0;
		r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_GROUP, NULL, NULL,
				     &origin);
		expect_api_refusal(r, origin, "GROUP without gid");
		origin = 0;
		r = TEEC_OpenSession(&ctx, &s, &u, 0x80000000u, NULL, NULL,
				     &origin);
		expect_api_refusal(r, origin, "REE kernel login");
	}
	/* NULL returnOrigin is allowed. */
	r = TEEC_OpenSession(NULL, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL, NULL);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "NULL origin: %s", rn(r));
	note("bad arguments refused with origin API");
}

void t_logins(void)
{
	TEEC_UUID u = pta_uuid();
	uint32_t gid = (uint32_t)getegid(), other = 54321, origin;
	TEEC_Session s;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_USER, NULL, NULL,
			     &origin);
	expect(r == TEEC_SUCCESS, "USER: 0x%08x %s origin %u", r, rn(r),
	       origin);
	if (r == TEEC_SUCCESS)
		TEEC_CloseSession(&s);
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_GROUP, &gid, NULL,
			     &origin);
	expect(r == TEEC_SUCCESS, "GROUP %u: 0x%08x %s origin %u", gid, r,
	       rn(r), origin);
	if (r == TEEC_SUCCESS)
		TEEC_CloseSession(&s);
	/* Not a member: the kernel refuses (EPERM), origin COMMS. */
	origin = 0;
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_GROUP, &other, NULL,
			     &origin);
	expect(r != TEEC_SUCCESS && origin == TEEC_ORIGIN_COMMS &&
		       (!OURS || r == TEEC_ERROR_ACCESS_DENIED),
	       "GROUP %u (not a member): 0x%08x %s origin %u", other, r, rn(r),
	       origin);
	note("PUBLIC/USER/GROUP ok; foreign group: %s origin %u", rn(r),
	     origin);
}

void t_login_application(void)
{
	static const uint32_t methods[] = {TEEC_LOGIN_APPLICATION,
					   TEEC_LOGIN_USER_APPLICATION,
					   TEEC_LOGIN_GROUP_APPLICATION};
	TEEC_UUID u = pta_uuid();
	uint32_t gid = (uint32_t)getegid(), origin;
	TEEC_Session s;
	TEEC_Result r = 0;

	if (!setup())
		return;
	for (size_t i = 0; i < ARRAY_SIZE(methods); i++) {
		origin = 0;
		r = TEEC_OpenSession(&ctx, &s, &u, methods[i], &gid, NULL,
				     &origin);
		/* Ours refuses; 3.19 passes them on and Linux 6.1 refuses. */
		if (OURS)
			expect(r == TEEC_ERROR_NOT_SUPPORTED &&
				       origin == TEEC_ORIGIN_API,
			       "login %u: 0x%08x %s origin %u", methods[i], r,
			       rn(r), origin);
		else
			expect(r != TEEC_SUCCESS && origin == TEEC_ORIGIN_COMMS,
			       "login %u: 0x%08x %s origin %u", methods[i], r,
			       rn(r), origin);
		if (r == TEEC_SUCCESS)
			TEEC_CloseSession(&s);
	}
	note("APPLICATION logins: %s origin %u", rn(r), origin);
}
