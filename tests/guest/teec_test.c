/*
 * teec_test: in-guest tests of the GlobalPlatform TEE Client API, through
 * <tee_client_api.h> only (no raw ioctls), against the test pseudo TA
 * (inc/rampart/abi/pta_test.h).
 *
 * Built twice (client/libteec/libteec.mk): teec_test, statically against
 * Rampart's libteec.a, and teec_test_debian (-DTEEC_TEST_DEBIAN), against
 * Debian's libteec.so.1 (optee_client 3.19) but compiled with Rampart's
 * header, which is therefore also a binary-compatibility test. Where 3.19
 * behaves differently by design (documented in client/libteec/README.md),
 * the expectation follows the library under test; checks that would crash
 * 3.19 (it dereferences some NULL arguments) are run for ours only.
 *
 * Usage: teec_test [--budget SECONDS] [substring]
 * Prints "@@RESULT <name> pass|fail <detail>@@" per test and exits 0 iff
 * every selected test passed. Each test runs in a forked child watched with
 * a timeout (a call stuck in the TEE cannot be interrupted), and the child
 * also arms alarm() as a backstop; every wait inside a test is bounded.
 * Needs tee-supplicant running (the rpc_* tests).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <tee_client_api.h>
#include <tee_client_api_extensions.h>

#include "rampart/abi/pta_test.h"

#ifdef TEEC_TEST_DEBIAN
#define OURS 0
#define LIB_NAME "debian-3.19"
#else
#define OURS 1
#define LIB_NAME "rampart"
#endif

/* This program's view of the types must be optee_client 3.19's (LP64). */
_Static_assert(sizeof(TEEC_Context) == 8, "TEEC_Context");
_Static_assert(sizeof(TEEC_SharedMemory) == 48, "TEEC_SharedMemory");
_Static_assert(sizeof(TEEC_Session) == 16, "TEEC_Session");
_Static_assert(sizeof(TEEC_Operation) == 112, "TEEC_Operation");
_Static_assert(offsetof(TEEC_Operation, session) == 104, "op.session");
_Static_assert(offsetof(TEEC_SharedMemory, internal) == 44, "shm.internal");

#define DETAIL_LEN 480
#define MiB (1024u * 1024u)

static char detail[DETAIL_LEN]; /* the running test's detail (child only) */
static int failures;		/* the running test's failed checks */
static TEEC_Context ctx;	/* set up by setup() */
static TEEC_Session sess;

/* ---- utilities ------------------------------------------------------------
 */

static void vnote(const char *fmt, va_list ap)
{
	size_t n = strlen(detail);

	if (n < sizeof(detail) - 1)
		vsnprintf(detail + n, sizeof(detail) - n, fmt, ap);
}

static void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(fmt, ap);
	va_end(ap);
}

/* Records a failed check (the first few in the detail). */
static void expect(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	if (++failures <= 5) {
		note("[");
		va_start(ap, fmt);
		vnote(fmt, ap);
		va_end(ap);
		note("] ");
	}
}

static const char *rn(TEEC_Result r)
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
	case TEEC_ERROR_BAD_PARAMETERS:
		return "BAD_PARAMETERS";
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
	default:
		return "?";
	}
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* xorshift64*; per-thread state so threads need no lock. */
static _Thread_local uint64_t rng = 0x9e3779b97f4a7c15ull;
static void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rng ^= rng >> 12;
		rng ^= rng << 25;
		rng ^= rng >> 27;
		p[i] = (uint8_t)((rng * 0x2545F4914F6CDD1Dull) >> 56);
	}
}

static uint64_t fnv1a64(const uint8_t *p, size_t n)
{
	uint64_t h = PTA_TEST_FNV64_OFFSET;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * PTA_TEST_FNV64_PRIME;
	return h;
}

/* Index of the first byte of p[n] that is not PTA_TEST_PATTERN, or n. */
static size_t pattern_mismatch(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != PTA_TEST_PATTERN(i))
			return i;
	return n;
}

static uint64_t value64(const TEEC_Value *v)
{
	return (uint64_t)v->a | (uint64_t)v->b << 32;
}

static TEEC_UUID uuid_from_octets(const uint8_t o[16])
{
	TEEC_UUID u = {
		.timeLow = (uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 |
			   (uint32_t)o[2] << 8 | o[3],
		.timeMid = (uint16_t)(o[4] << 8 | o[5]),
		.timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]),
	};

	memcpy(u.clockSeqAndNode, o + 8, 8);
	return u;
}

static TEEC_UUID pta_uuid(void)
{
	static const uint8_t o[16] = PTA_TEST_UUID_OCTETS;

	return uuid_from_octets(o);
}

static TEEC_Operation new_op(uint32_t types)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = types;
	return op;
}

#define TYPES(a, b) TEEC_PARAM_TYPES(a, b, TEEC_NONE, TEEC_NONE)

/* Context + session with the test PTA; false (and a note) on failure. */
static bool setup(void)
{
	TEEC_UUID u = pta_uuid();
	uint32_t origin = 0;
	TEEC_Result r;

	r = TEEC_InitializeContext(NULL, &ctx);
	if (r != TEEC_SUCCESS) {
		expect(false, "InitializeContext: 0x%08x %s", r, rn(r));
		return false;
	}
	r = TEEC_OpenSession(&ctx, &sess, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin);
	if (r != TEEC_SUCCESS) {
		expect(false, "OpenSession: 0x%08x %s origin %u", r, rn(r),
		       origin);
		return false;
	}
	return true;
}

/* HASH_AND_PATTERN with param 0 of the given type; checks the outcome. */
static TEEC_Result hash_call(TEEC_Session *s, TEEC_Operation *op,
			     uint32_t *origin)
{
	op->paramTypes =
		TEEC_PARAM_TYPES(TEEC_PARAM_TYPE_GET(op->paramTypes, 0),
				 TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	return TEEC_InvokeCommand(s, PTA_TEST_CMD_HASH_AND_PATTERN, op, origin);
}

/* A call the library must refuse itself: BAD_PARAMETERS, origin API. */
static void expect_api_refusal(TEEC_Result r, uint32_t origin, const char *what)
{
	expect(r == TEEC_ERROR_BAD_PARAMETERS && origin == TEEC_ORIGIN_API,
	       "%s: 0x%08x %s origin %u, want BAD_PARAMETERS/API", what, r,
	       rn(r), origin);
}

/*
 * A call that must reach the PTA, which refuses its shape: BAD_PARAMETERS
 * from the secure side (origin TRUSTED_APP, or TEE), not from the library.
 */
static bool secure_origin(uint32_t origin)
{
	return origin == TEEC_ORIGIN_TEE || origin == TEEC_ORIGIN_TRUSTED_APP;
}

static void expect_tee_refusal(TEEC_Result r, uint32_t origin, const char *what)
{
	expect(r == TEEC_ERROR_BAD_PARAMETERS && secure_origin(origin),
	       "%s: 0x%08x %s origin %u, want BAD_PARAMETERS/TA", what, r,
	       rn(r), origin);
}

/* ---- contexts and sessions ------------------------------------------------
 */

static void t_context(void)
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

static void t_open_close(void)
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

static void t_open_with_operation(void)
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

static void t_open_unknown_uuid(void)
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

static void t_open_bad_args(void)
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

static void t_logins(void)
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

static void t_login_application(void)
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
	for (size_t i = 0; i < 3; i++) {
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

/* ---- invoke basics ----------------------------------------------------------
 */

static void t_invoke_bad_session(void)
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

static void t_value_add(void)
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

static void t_value_shapes(void)
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

static void t_bad_param_types(void)
{
	static const uint32_t bad[] = {4, 8, 9, 0xA, 0xB};
	uint32_t origin;
	TEEC_Result r;

	if (!setup())
		return;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		TEEC_Operation op = new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
							    TEEC_VALUE_OUTPUT,
							    bad[i], TEEC_NONE));

		origin = 0;
		r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
		expect_api_refusal(r, origin, "type");
	}
	note("types 4 8 9 A B refused with origin API");
}

/* ---- temporary memory references --------------------------------------------
 */

/* HASH_AND_PATTERN over a TEMP_INOUT of n bytes at offset off of a buffer. */
static void temp_inout(size_t n, size_t off)
{
	uint8_t *base = malloc(n + off + 1), *buf = base + off;
	TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_TEMP_INOUT, 0));
	uint32_t origin = 0;
	uint64_t want;
	TEEC_Result r;

	if (!base) {
		expect(false, "malloc %zu", n);
		return;
	}
	fill_random(buf, n);
	want = fnv1a64(buf, n);
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = n;
	r = hash_call(&sess, &op, &origin);
	expect(r == TEEC_SUCCESS, "%zu bytes: 0x%08x %s origin %u", n, r, rn(r),
	       origin);
	expect(value64(&op.params[1].value) == want, "%zu bytes: hash", n);
	expect(pattern_mismatch(buf, n) == n, "%zu bytes: pattern at %zu", n,
	       pattern_mismatch(buf, n));
	expect(op.params[0].tmpref.size == n, "%zu bytes: size now %zu", n,
	       op.params[0].tmpref.size);
	free(base);
}

static void t_temp_memref(void)
{
	if (!setup())
		return;
	temp_inout(1, 0);
	temp_inout(4096, 0);
	temp_inout(4096, 5);
	temp_inout(5 * MiB / 2, 3);
	note("TEMP_INOUT 1, 4096, 4096+5, 2.5 MiB+3: hash, pattern, size");
}

static void t_temp_zero_and_null(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_TEMP_INOUT, 0));
	uint8_t byte = 0x77;
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	/* Size 0, real buffer: nothing hashed, nothing written. */
	op.params[0].tmpref.buffer = &byte;
	op.params[0].tmpref.size = 0;
	r = hash_call(&sess, &op, &origin);
	expect(r == TEEC_SUCCESS &&
		       value64(&op.params[1].value) == PTA_TEST_FNV64_OFFSET,
	       "size 0: 0x%08x %s", r, rn(r));
	expect(byte == 0x77 && op.params[0].tmpref.size == 0,
	       "size 0: byte 0x%x size %zu", byte, op.params[0].tmpref.size);
	/* NULL buffer, size 0: a NULL memref. */
	op = new_op(TYPES(TEEC_MEMREF_TEMP_INOUT, 0));
	r = hash_call(&sess, &op, &origin);
	expect(r == TEEC_SUCCESS &&
		       value64(&op.params[1].value) == PTA_TEST_FNV64_OFFSET,
	       "NULL: 0x%08x %s origin %u", r, rn(r), origin);
	expect(op.params[0].tmpref.size == 0 && !op.params[0].tmpref.buffer,
	       "NULL: size %zu", op.params[0].tmpref.size);
	/* NULL buffer with a size: refused. */
	op = new_op(TYPES(TEEC_MEMREF_TEMP_INOUT, 0));
	op.params[0].tmpref.size = 16;
	origin = 0;
	r = hash_call(&sess, &op, &origin);
	expect_api_refusal(r, origin, "NULL buffer, size 16");
	note("size 0 and NULL buffers pass, NULL with size refused");
}

static void t_temp_directions(void)
{
	uint8_t buf[64];
	uint32_t origin;
	TEEC_Result r;

	if (!setup())
		return;
	/* HASH wants MEMREF_INOUT: INPUT and OUTPUT reach the PTA as such. */
	for (int i = 0; i < 2; i++) {
		uint32_t t =
			i ? TEEC_MEMREF_TEMP_OUTPUT : TEEC_MEMREF_TEMP_INPUT;
		TEEC_Operation op = new_op(TYPES(t, 0));

		memset(buf, 0x5c, sizeof(buf));
		op.params[0].tmpref.buffer = buf;
		op.params[0].tmpref.size = sizeof(buf);
		origin = 0;
		r = hash_call(&sess, &op, &origin);
		expect_tee_refusal(r, origin, i ? "TEMP_OUTPUT" : "TEMP_INPUT");
		expect(op.params[0].tmpref.size == sizeof(buf),
		       "size after refusal %zu", op.params[0].tmpref.size);
		expect(buf[0] == 0x5c && buf[63] == 0x5c, "buffer changed");
	}
	note("TEMP_INPUT/TEMP_OUTPUT reach the TEE; sizes written back");
}

/* ---- registered and allocated shared memory ---------------------------------
 */

/* HASH over a WHOLE reference to shm; checks hash, pattern, size write-back. */
static void whole_check(TEEC_SharedMemory *shm, const char *what)
{
	TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_WHOLE, 0));
	uint8_t *b = shm->buffer;
	uint32_t origin = 0;
	uint64_t want;
	TEEC_Result r;

	fill_random(b, shm->size);
	want = fnv1a64(b, shm->size);
	op.params[0].memref.parent = shm;
	op.params[0].memref.size = 12345; /* ignored on input, written back */
	op.params[0].memref.offset = 999; /* ignored */
	r = hash_call(&sess, &op, &origin);
	expect(r == TEEC_SUCCESS, "%s: 0x%08x %s origin %u", what, r, rn(r),
	       origin);
	expect(value64(&op.params[1].value) == want, "%s: hash", what);
	expect(pattern_mismatch(b, shm->size) == shm->size, "%s: pattern",
	       what);
	expect(op.params[0].memref.size == shm->size,
	       "%s: memref.size %zu, want %zu", what, op.params[0].memref.size,
	       shm->size);
}

/* PARTIAL_INOUT [off, off+n) of shm: only that range changes. */
static void partial_check(TEEC_SharedMemory *shm, size_t off, size_t n,
			  const char *what)
{
	TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_PARTIAL_INOUT, 0));
	uint8_t *b = shm->buffer, *copy = malloc(shm->size + 1);
	uint32_t origin = 0;
	uint64_t want;
	TEEC_Result r;

	if (!copy)
		return;
	fill_random(b, shm->size);
	memcpy(copy, b, shm->size);
	want = fnv1a64(b + off, n);
	op.params[0].memref.parent = shm;
	op.params[0].memref.offset = off;
	op.params[0].memref.size = n;
	r = hash_call(&sess, &op, &origin);
	expect(r == TEEC_SUCCESS, "%s [%zu,+%zu): 0x%08x %s origin %u", what,
	       off, n, r, rn(r), origin);
	expect(value64(&op.params[1].value) == want, "%s: hash", what);
	expect(pattern_mismatch(b + off, n) == n, "%s: pattern", what);
	expect(!memcmp(b, copy, off) && !memcmp(b + off + n, copy + off + n,
						shm->size - off - n),
	       "%s: bytes outside the range changed", what);
	expect(op.params[0].memref.size == n &&
		       op.params[0].memref.offset == off,
	       "%s: size %zu offset %zu", what, op.params[0].memref.size,
	       op.params[0].memref.offset);
	free(copy);
}

static void t_allocated_shm(void)
{
	TEEC_SharedMemory shm = {.size = 8192,
				 .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT};
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS && shm.buffer, "allocate: %s", rn(r));
	if (r != TEEC_SUCCESS)
		return;
	whole_check(&shm, "whole");
	partial_check(&shm, 100, 300, "partial");
	partial_check(&shm, 4000, 200, "across pages");
	partial_check(&shm, 0, 8192, "partial=all");
	partial_check(&shm, 8192, 0, "empty at end");
	TEEC_ReleaseSharedMemory(&shm);
	expect(shm.buffer == NULL, "buffer not NULL after release");
	note("8 KiB allocated: WHOLE + 4 PARTIAL ranges ok");
}

static void t_allocated_zero(void)
{
	TEEC_SharedMemory shm = {.size = 0,
				 .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT};
	TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_WHOLE, 0));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS && shm.buffer, "allocate 0: %s buffer %p",
	       rn(r), shm.buffer);
	if (r != TEEC_SUCCESS)
		return;
	op.params[0].memref.parent = &shm;
	r = hash_call(&sess, &op, &origin);
	expect(r == TEEC_SUCCESS &&
		       value64(&op.params[1].value) == PTA_TEST_FNV64_OFFSET &&
		       op.params[0].memref.size == 0,
	       "WHOLE of 0 bytes: %s size %zu", rn(r),
	       op.params[0].memref.size);
	TEEC_ReleaseSharedMemory(&shm);
	note("0-byte block: non-NULL buffer, usable as WHOLE");
}

static void t_registered_shm(void)
{
	uint8_t stack_buf[300];
	uint8_t *heap = malloc(20000);
	TEEC_SharedMemory shm;
	TEEC_Result r;

	if (!setup() || !heap)
		return;
	/* Unaligned heap memory. */
	memset(&shm, 0, sizeof(shm));
	shm.buffer = heap + 7;
	shm.size = 12000;
	shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS, "register heap: %s", rn(r));
	if (r == TEEC_SUCCESS) {
		whole_check(&shm, "heap whole");
		partial_check(&shm, 4093, 5000, "heap partial");
		TEEC_ReleaseSharedMemory(&shm);
	}
	/* Stack memory. */
	memset(&shm, 0, sizeof(shm));
	shm.buffer = stack_buf;
	shm.size = sizeof(stack_buf);
	shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS, "register stack: %s", rn(r));
	if (r == TEEC_SUCCESS) {
		whole_check(&shm, "stack whole");
		partial_check(&shm, 1, 298, "stack partial");
		TEEC_ReleaseSharedMemory(&shm);
	}
	/* Zero size. */
	memset(&shm, 0, sizeof(shm));
	shm.buffer = heap;
	shm.size = 0;
	shm.flags = TEEC_MEM_INPUT;
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS, "register 0 bytes: %s", rn(r));
	TEEC_ReleaseSharedMemory(&shm);
	free(heap);
	note("heap (unaligned), stack and 0-byte registrations ok");
}

/* One partial reference of the given type to a block with the given flags. */
static void partial_dir(uint32_t shm_flags, uint32_t type, bool allowed)
{
	TEEC_SharedMemory shm = {.size = 256, .flags = shm_flags};
	TEEC_Operation op = new_op(TYPES(type, 0));
	uint32_t origin = 0;
	TEEC_Result r;

	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	if (r != TEEC_SUCCESS) {
		expect(false, "allocate: %s", rn(r));
		return;
	}
	op.params[0].memref.parent = &shm;
	op.params[0].memref.offset = 16;
	op.params[0].memref.size = 32;
	r = hash_call(&sess, &op, &origin);
	if (type == TEEC_MEMREF_PARTIAL_INOUT && allowed)
		expect(r == TEEC_SUCCESS, "flags %u type 0x%x: %s", shm_flags,
		       type, rn(r));
	else if (allowed) /* reaches the PTA, which wants INOUT */
		expect(r == TEEC_ERROR_BAD_PARAMETERS && secure_origin(origin),
		       "flags %u type 0x%x: %s origin %u", shm_flags, type,
		       rn(r), origin);
	else
		expect(r == TEEC_ERROR_BAD_PARAMETERS &&
			       origin == TEEC_ORIGIN_API,
		       "flags %u type 0x%x: %s origin %u, want API refusal",
		       shm_flags, type, rn(r), origin);
	TEEC_ReleaseSharedMemory(&shm);
}

static void t_partial_directions(void)
{
	const uint32_t in = TEEC_MEM_INPUT, out = TEEC_MEM_OUTPUT;
	const uint32_t pi = TEEC_MEMREF_PARTIAL_INPUT,
		       po = TEEC_MEMREF_PARTIAL_OUTPUT,
		       pio = TEEC_MEMREF_PARTIAL_INOUT;

	if (!setup())
		return;
	partial_dir(in, pi, true);
	partial_dir(in, po, false);
	partial_dir(in, pio, false);
	partial_dir(out, pi, false);
	partial_dir(out, po, true);
	partial_dir(out, pio, false);
	partial_dir(in | out, pi, true);
	partial_dir(in | out, po, true);
	partial_dir(in | out, pio, true);
	note("PARTIAL_* direction checks against the block's flags: 9 cases");
}

static void t_whole_directions(void)
{
	TEEC_SharedMemory shm = {.size = 64, .flags = TEEC_MEM_INPUT};
	TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_WHOLE, 0));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	if (r != TEEC_SUCCESS) {
		expect(false, "allocate: %s", rn(r));
		return;
	}
	/* Input-only block: WHOLE is MEMREF_INPUT, the PTA refuses it. */
	op.params[0].memref.parent = &shm;
	op.params[0].memref.size = 777;
	r = hash_call(&sess, &op, &origin);
	expect_tee_refusal(r, origin, "WHOLE of an input block");
	expect(op.params[0].memref.size == 777,
	       "size written back for an input-only block: %zu",
	       op.params[0].memref.size);
	/* No direction at all. */
	shm.flags = 0;
	origin = 0;
	r = hash_call(&sess, &op, &origin);
	expect_api_refusal(r, origin, "WHOLE without direction flags");
	shm.flags = TEEC_MEM_INPUT;
	TEEC_ReleaseSharedMemory(&shm);
	note("WHOLE follows the block's flags");
}

static void t_partial_bounds(void)
{
	static const struct {
		size_t off, size;
	} bad[] = {
		{0, 257},      {200, 57},     {257, 0},
		{SIZE_MAX, 2}, {2, SIZE_MAX}, {SIZE_MAX, SIZE_MAX},
	};
	TEEC_SharedMemory shm = {.size = 256,
				 .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT};
	uint32_t origin;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	if (r != TEEC_SUCCESS) {
		expect(false, "allocate: %s", rn(r));
		return;
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_PARTIAL_INOUT, 0));

		op.params[0].memref.parent = &shm;
		op.params[0].memref.offset = bad[i].off;
		op.params[0].memref.size = bad[i].size;
		origin = 0;
		r = hash_call(&sess, &op, &origin);
		expect_api_refusal(r, origin, "range");
	}
	partial_check(&shm, 200, 56, "last bytes");
	TEEC_ReleaseSharedMemory(&shm);
	note("6 out-of-range / overflowing ranges refused, edge range ok");
}

static void t_shm_bad_args(void)
{
	uint8_t buf[32];
	TEEC_SharedMemory shm;
	TEEC_Result r;

	if (!setup())
		return;
	memset(&shm, 0, sizeof(shm));
	shm.buffer = buf;
	shm.size = sizeof(buf);
	shm.flags = TEEC_MEM_INPUT;
	r = TEEC_RegisterSharedMemory(NULL, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "NULL context: %s", rn(r));
	r = TEEC_RegisterSharedMemory(&ctx, NULL);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "NULL shm: %s", rn(r));
	shm.flags = 0;
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "flags 0: %s", rn(r));
	shm.flags = TEEC_MEM_INPUT | 4;
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "flags 5: %s", rn(r));
	shm.flags = TEEC_MEM_INPUT;
	shm.buffer = NULL;
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "NULL buffer: %s", rn(r));
	memset(&shm, 0, sizeof(shm));
	shm.size = 16;
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "allocate flags 0: %s", rn(r));
	shm.flags = TEEC_MEM_OUTPUT;
	r = TEEC_AllocateSharedMemory(NULL, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "allocate NULL ctx: %s", rn(r));
	r = TEEC_AllocateSharedMemory(&ctx, NULL);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "allocate NULL shm: %s", rn(r));
	note("8 bad register/allocate calls refused");
}

static void t_shm_oversize(void)
{
	TEEC_SharedMemory shm;
	TEEC_Result r1, r2, r3;
	uint8_t small[64];

	if (!setup())
		return;
	memset(&shm, 0, sizeof(shm));
	shm.size = SIZE_MAX;
	shm.flags = TEEC_MEM_INPUT;
	r1 = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r1 == TEEC_ERROR_OUT_OF_MEMORY, "allocate SIZE_MAX: %s", rn(r1));
	if (r1 == TEEC_SUCCESS)
		TEEC_ReleaseSharedMemory(&shm);
	memset(&shm, 0, sizeof(shm));
	shm.size = (size_t)1 << 40;
	shm.flags = TEEC_MEM_INPUT;
	r2 = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r2 == TEEC_ERROR_OUT_OF_MEMORY, "allocate 1 TiB: %s", rn(r2));
	if (r2 == TEEC_SUCCESS)
		TEEC_ReleaseSharedMemory(&shm);
	/* 1 TiB claimed over a 64-byte buffer. */
	memset(&shm, 0, sizeof(shm));
	shm.buffer = small;
	shm.size = (size_t)1 << 40;
	shm.flags = TEEC_MEM_INPUT;
	r3 = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r3 != TEEC_SUCCESS, "register 1 TiB: %s", rn(r3));
	if (r3 == TEEC_SUCCESS)
		TEEC_ReleaseSharedMemory(&shm);
	/* Still working afterwards. */
	temp_inout(100, 0);
	note("allocate SIZE_MAX: %s, 1 TiB: %s; register 1 TiB: %s", rn(r1),
	     rn(r2), rn(r3));
}

static bool fd_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1;
}

static void t_shm_release(void)
{
	uint8_t buf[100];
	TEEC_SharedMemory a = {.size = 4096, .flags = TEEC_MEM_INPUT};
	TEEC_SharedMemory g = {
		.buffer = buf, .size = sizeof(buf), .flags = TEEC_MEM_OUTPUT};
	TEEC_Result r;
	int fd;

	if (!setup())
		return;
	r = TEEC_AllocateSharedMemory(&ctx, &a);
	expect(r == TEEC_SUCCESS, "allocate: %s", rn(r));
	r = TEEC_RegisterSharedMemory(&ctx, &g);
	expect(r == TEEC_SUCCESS, "register: %s", rn(r));
	TEEC_ReleaseSharedMemory(&a);
	TEEC_ReleaseSharedMemory(&g);
	expect(!a.buffer && !g.buffer, "buffers not NULL after release");
	/* A new descriptor may reuse a released one's number: a second
	 * release must not close it. */
	fd = open("/dev/null", O_RDONLY);
	TEEC_ReleaseSharedMemory(&a);
	TEEC_ReleaseSharedMemory(&g);
	TEEC_ReleaseSharedMemory(NULL);
	expect(fd >= 0 && fd_open(fd), "fd %d closed by a second release", fd);
	expect(fd_open(0) && fd_open(1) && fd_open(2), "stdio closed");
	if (fd >= 0)
		close(fd);
	if (OURS) {
		/* Released blocks are refused in operations. */
		TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_WHOLE, 0));
		uint32_t origin = 0;
		TEEC_SharedMemory z;

		op.params[0].memref.parent = &a;
		r = hash_call(&sess, &op, &origin);
		expect_api_refusal(r, origin, "released block");
		op.params[0].memref.parent = NULL;
		r = hash_call(&sess, &op, &origin);
		expect_api_refusal(r, origin, "NULL parent");
		/* Never-registered (zeroed) block: release does nothing. */
		memset(&z, 0, sizeof(z));
		TEEC_ReleaseSharedMemory(&z);
		expect(fd_open(0), "releasing a zeroed block closed fd 0");
		/* A failed allocation leaves nothing to release. */
		z.flags = 0;
		TEEC_AllocateSharedMemory(&ctx, &z);
		TEEC_ReleaseSharedMemory(&z);
		expect(fd_open(0), "release after failed allocate");
	}
	note("double release harmless, no fd closed twice");
}

static void t_register_fd(void)
{
	TEEC_SharedMemory shm;
	TEEC_Result r1, r2;
	int fd;

	if (!setup())
		return;
	memset(&shm, 0, sizeof(shm));
	shm.flags = TEEC_MEM_INPUT;
	r1 = TEEC_RegisterSharedMemoryFileDescriptor(&ctx, &shm, -1);
	expect(r1 == TEEC_ERROR_BAD_PARAMETERS, "fd -1: %s", rn(r1));
	fd = open("/dev/zero", O_RDWR);
	r2 = TEEC_RegisterSharedMemoryFileDescriptor(&ctx, &shm, fd);
	/* Mainline Linux has no TEE_IOC_SHM_REGISTER_FD. */
	expect(r2 == TEEC_ERROR_BAD_PARAMETERS, "fd %d: %s", fd, rn(r2));
	if (r2 == TEEC_SUCCESS)
		TEEC_ReleaseSharedMemory(&shm);
	if (fd >= 0)
		close(fd);
	note("fd -1: %s; /dev/zero: %s", rn(r1), rn(r2));
}

/* ---- cancellation
 * -------------------------------------------------------------- */

struct long_call {
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	atomic_int done;
	double t_end;
};

static void *long_call_thread(void *arg)
{
	struct long_call *c = arg;

	c->res = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_LONG_RUNNING, &c->op,
				    &c->origin);
	c->t_end = now_s();
	atomic_store(&c->done, 1);
	return NULL;
}

static void t_cancel(void)
{
	static struct long_call c; /* outlives us if the thread hangs */
	unsigned int requests = 0;
	double t0, t_first = 0;
	pthread_t th;

	if (!setup())
		return;
	c.op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_NONE));
	c.op.params[0].value.a = 20000; /* ms: would run 20 s */
	t0 = now_s();
	if (pthread_create(&th, NULL, long_call_thread, &c)) {
		expect(false, "pthread_create");
		return;
	}
	/* Let it get into the TEE before cancelling (both libraries set
	 * op.session before the ioctl), so that this tests the TEE's side. */
	while (!__atomic_load_n(&c.op.session, __ATOMIC_ACQUIRE) &&
	       now_s() - t0 < 2)
		sleep_ms(5);
	sleep_ms(200);
	while (!atomic_load(&c.done) && now_s() - t0 < 15) {
		if (!t_first)
			t_first = now_s();
		TEEC_RequestCancellation(&c.op);
		requests++;
		sleep_ms(20);
	}
	if (!atomic_load(&c.done)) {
		/* The parent kills this process; the thread stays stuck. */
		expect(false,
		       "LONG_RUNNING not back 15 s after start "
		       "(%u cancel requests)",
		       requests);
		return;
	}
	pthread_join(th, NULL);
	expect(c.res == TEEC_ERROR_CANCEL && c.origin != TEEC_ORIGIN_API,
	       "0x%08x %s origin %u", c.res, rn(c.res), c.origin);
	expect(c.t_end - t_first < 2, "took %.2f s after the first request",
	       c.t_end - t_first);
	note("%s origin %u, %.0f ms after the first of %u requests", rn(c.res),
	     c.origin, (c.t_end - t_first) * 1000, requests);
}

/*
 * Two LONG_RUNNING calls on one session; cancelling one must not cancel
 * the other (ours gives every call its own cancel id; 3.19 uses id 0 for
 * all, so there the other call may be cancelled too and is not checked).
 */
static void t_cancel_one_of_two(void)
{
	static struct long_call a, b; /* outlive us if a thread hangs */
	pthread_t ta, tb;
	double t0;

	if (!setup())
		return;
	a.op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_NONE));
	a.op.params[0].value.a = 20000; /* the one cancelled */
	b.op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_NONE));
	b.op.params[0].value.a = 1500; /* left alone: completes */
	t0 = now_s();
	if (pthread_create(&ta, NULL, long_call_thread, &a) ||
	    pthread_create(&tb, NULL, long_call_thread, &b)) {
		expect(false, "pthread_create");
		return;
	}
	while ((!__atomic_load_n(&a.op.session, __ATOMIC_ACQUIRE) ||
		!__atomic_load_n(&b.op.session, __ATOMIC_ACQUIRE)) &&
	       now_s() - t0 < 2)
		sleep_ms(5);
	sleep_ms(300);
	while (!atomic_load(&a.done) && now_s() - t0 < 10) {
		TEEC_RequestCancellation(&a.op);
		sleep_ms(20);
	}
	while (!atomic_load(&b.done) && now_s() - t0 < 10)
		sleep_ms(10);
	if (!atomic_load(&a.done) || !atomic_load(&b.done)) {
		expect(false, "calls not back after 10 s (a %d b %d)",
		       atomic_load(&a.done), atomic_load(&b.done));
		return;
	}
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	expect(a.res == TEEC_ERROR_CANCEL, "cancelled call: %s", rn(a.res));
	if (OURS)
		expect(b.res == TEEC_SUCCESS && b.t_end - t0 > 1.4,
		       "other call: %s after %.2f s", rn(b.res), b.t_end - t0);
	note("cancelled: %s at %.2f s; other: %s at %.2f s", rn(a.res),
	     a.t_end - t0, rn(b.res), b.t_end - t0);
}

static void t_cancel_not_running(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	TEEC_RequestCancellation(NULL); /* must do nothing */
	/* Before start (started == 0): GP says the call must not run. */
	op.params[0].value.a = 1;
	TEEC_RequestCancellation(&op);
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	if (OURS)
		expect(r == TEEC_ERROR_CANCEL && origin == TEEC_ORIGIN_API,
		       "cancelled before start: %s origin %u", rn(r), origin);
	else /* 3.19 ignores a request for an operation not started */
		expect(r == TEEC_SUCCESS, "3.19, before start: %s", rn(r));
	note("before start: %s origin %u; ", rn(r), origin);
	/* Re-zeroed, the same operation runs. */
	op.started = 0;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	expect(r == TEEC_SUCCESS && op.params[1].value.a == 1, "reused: %s",
	       rn(r));
	/* After completion a request has no effect on later use. */
	TEEC_RequestCancellation(&op);
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_ADD, &op, &origin);
	expect(r == TEEC_SUCCESS, "after completion: %s", rn(r));
	note("after completion: %s", rn(r));
}

/* ---- threads sharing one context
 * -------------------------------------------------- */

#define N_THREADS 8
#define N_CALLS 100
#define REGION 1024

struct worker {
	int idx;
	TEEC_Session *shared;	/* used by all workers */
	TEEC_SharedMemory *shm; /* region idx of it is this worker's */
	pthread_t th;
	atomic_int done;
	int errors;
	char err[120];
};

static void worker_fail(struct worker *w, const char *what, int i,
			TEEC_Result r)
{
	if (!w->errors++)
		snprintf(w->err, sizeof(w->err), "t%d call %d %s: %s", w->idx,
			 i, what, rn(r));
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	TEEC_UUID u = pta_uuid();
	uint8_t *region = (uint8_t *)w->shm->buffer + w->idx * REGION;
	uint8_t tmp[600];
	TEEC_Session own;
	TEEC_Result r;

	rng = 0x1234567ull * (uint64_t)(w->idx + 1);
	r = TEEC_OpenSession(&ctx, &own, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     NULL);
	if (r != TEEC_SUCCESS) {
		worker_fail(w, "open", -1, r);
		atomic_store(&w->done, 1);
		return NULL;
	}
	for (int i = 0; i < N_CALLS; i++) {
		TEEC_Operation op;
		size_t n;
		uint64_t want;

		switch (i % 3) {
		case 0: /* values, on the shared session */
			op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT));
			op.params[0].value.a = (uint32_t)(w->idx * 100000 + i);
			op.params[0].value.b = (uint32_t)(i * 7919);
			r = TEEC_InvokeCommand(w->shared, PTA_TEST_CMD_ADD, &op,
					       NULL);
			if (r != TEEC_SUCCESS ||
			    op.params[1].value.a !=
				    op.params[0].value.a + op.params[0].value.b)
				worker_fail(w, "add", i, r);
			break;
		case 1: /* temp memref, own session */
			n = 1 + (size_t)(i * 37) % sizeof(tmp);
			fill_random(tmp, n);
			want = fnv1a64(tmp, n);
			op = new_op(TYPES(TEEC_MEMREF_TEMP_INOUT, 0));
			op.params[0].tmpref.buffer = tmp;
			op.params[0].tmpref.size = n;
			r = hash_call(&own, &op, NULL);
			if (r != TEEC_SUCCESS ||
			    value64(&op.params[1].value) != want ||
			    pattern_mismatch(tmp, n) != n)
				worker_fail(w, "temp hash", i, r);
			break;
		default: /* partial memref of the shared block, own range */
			n = 1 + (size_t)(i * 13) % REGION;
			fill_random(region, n);
			want = fnv1a64(region, n);
			op = new_op(TYPES(TEEC_MEMREF_PARTIAL_INOUT, 0));
			op.params[0].memref.parent = w->shm;
			op.params[0].memref.offset = (size_t)w->idx * REGION;
			op.params[0].memref.size = n;
			r = hash_call(i & 1 ? &own : w->shared, &op, NULL);
			if (r != TEEC_SUCCESS ||
			    value64(&op.params[1].value) != want ||
			    pattern_mismatch(region, n) != n)
				worker_fail(w, "partial hash", i, r);
			break;
		}
	}
	TEEC_CloseSession(&own);
	atomic_store(&w->done, 1);
	return NULL;
}

static void t_threads(void)
{
	static struct worker w[N_THREADS]; /* outlive us if one hangs */
	TEEC_SharedMemory shm = {.size = N_THREADS * REGION,
				 .flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT};
	double t0 = now_s();
	int started = 0, errors = 0;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	if (r != TEEC_SUCCESS) {
		expect(false, "allocate: %s", rn(r));
		return;
	}
	for (int i = 0; i < N_THREADS; i++) {
		w[i].idx = i;
		w[i].shared = &sess;
		w[i].shm = &shm;
		if (pthread_create(&w[i].th, NULL, worker_main, &w[i])) {
			expect(false, "pthread_create %d", i);
			atomic_store(&w[i].done, 1);
			continue;
		}
		started++;
	}
	for (int i = 0; i < N_THREADS; i++) {
		while (!atomic_load(&w[i].done) && now_s() - t0 < 90)
			sleep_ms(10);
		if (!atomic_load(&w[i].done)) {
			expect(false, "thread %d not done after 90 s", i);
			return;
		}
	}
	for (int i = 0; i < N_THREADS; i++) {
		if (i < started)
			pthread_join(w[i].th, NULL);
		errors += w[i].errors;
		if (w[i].errors)
			expect(false, "%s (+%d more)", w[i].err,
			       w[i].errors - 1);
	}
	TEEC_ReleaseSharedMemory(&shm);
	note("%d threads x %d calls in %.1f s, %d errors", N_THREADS, N_CALLS,
	     now_s() - t0, errors);
}

/* ---- calls that need tee-supplicant (or the kernel's RPC handling)
 * ---------------- */

static void rpc_shm(uint32_t size, uint32_t appl)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_INPUT, TEEC_NONE));
	uint32_t origin = 0;
	TEEC_Result r;

	op.params[0].value.a = size;
	op.params[0].value.b = appl;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_RPC_SHM, &op, &origin);
	expect(r == TEEC_SUCCESS, "%u bytes %s: 0x%08x %s origin %u", size,
	       appl ? "appl" : "kernel", r, rn(r), origin);
}

static void t_rpc_shm_kernel(void)
{
	if (!setup())
		return;
	rpc_shm(100, 0);
	rpc_shm(64 * 1024, 0);
	note("kernel RPC shm 100 B, 64 KiB");
}

static void t_rpc_shm_appl(void)
{
	if (!setup())
		return;
	rpc_shm(100, 1);
	rpc_shm(MiB, 1);
	note("tee-supplicant RPC shm 100 B, 1 MiB");
}

static void t_rpc_fs(void)
{
	/* The name is read-only data: registration may need a shadow. */
	static const char fixed[] = "teec_test-fixed-name";
	char name[64];
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	for (int i = 0; i < 2; i++) {
		TEEC_Operation op = new_op(
			TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_VALUE_OUTPUT));

		snprintf(name, sizeof(name), "teec_test-%s-%d", LIB_NAME,
			 (int)getpid());
		op.params[0].tmpref.buffer = i ? (void *)fixed : name;
		op.params[0].tmpref.size = i ? sizeof(fixed) : strlen(name) + 1;
		r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_RPC_FS, &op,
				       &origin);
		expect(r == TEEC_SUCCESS && op.params[1].value.a == 3000,
		       "%s: 0x%08x %s origin %u, %u bytes",
		       i ? "read-only name" : "name", r, rn(r), origin,
		       op.params[1].value.a);
	}
	note("REE FS create/write/read/remove x2 (one from .rodata)");
}

static void t_rpc_load_ta_missing(void)
{
	TEEC_Operation op =
		new_op(TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_VALUE_OUTPUT));
	uint8_t uuid[16];
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	rng ^= (uint64_t)time(NULL) << 20 ^ (uint64_t)getpid();
	fill_random(uuid, sizeof(uuid));
	uuid[6] = (uuid[6] & 0x0f) | 0x40;
	uuid[8] = (uuid[8] & 0x3f) | 0x80;
	op.params[0].tmpref.buffer = uuid;
	op.params[0].tmpref.size = sizeof(uuid);
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_RPC_LOAD_TA_SIZE, &op,
			       &origin);
	expect(r == TEEC_ERROR_ITEM_NOT_FOUND, "0x%08x %s origin %u", r, rn(r),
	       origin);
	note("missing TA: %s", rn(r));
}

static void t_rpc_rpmb_info(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_RPC_RPMB_INFO, &op, &origin);
	expect(r == TEEC_SUCCESS && op.params[0].value.a &&
		       op.params[0].value.b,
	       "0x%08x %s origin %u", r, rn(r), origin);
	note("size_mult %u rel_wr_sec_c %u", op.params[0].value.a,
	     op.params[0].value.b);
}

static void t_rpc_get_time(void)
{
	TEEC_Operation op = new_op(TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE));
	struct timespec ts;
	uint32_t origin = 0;
	TEEC_Result r;
	double diff;

	if (!setup())
		return;
	r = TEEC_InvokeCommand(&sess, PTA_TEST_CMD_RPC_GET_TIME, &op, &origin);
	clock_gettime(CLOCK_REALTIME, &ts);
	diff = (double)ts.tv_sec + ts.tv_nsec / 1e9 -
	       ((double)op.params[0].value.a + op.params[0].value.b / 1e9);
	expect(r == TEEC_SUCCESS, "0x%08x %s origin %u", r, rn(r), origin);
	expect(diff > -1 && diff < 5, "TEE time %u.%09u vs %lld: off %.3f s",
	       op.params[0].value.a, op.params[0].value.b, (long long)ts.tv_sec,
	       diff);
	note("time %u.%09u (off by %.3f s)", op.params[0].value.a,
	     op.params[0].value.b, diff);
}

/* ---- runner
 * ------------------------------------------------------------------------- */

static const struct test {
	const char *name;
	void (*fn)(void);
	int timeout_s;
} tests[] = {
	{"context", t_context, 15},
	{"open_close", t_open_close, 15},
	{"open_with_operation", t_open_with_operation, 15},
	{"open_unknown_uuid", t_open_unknown_uuid, 20},
	{"open_bad_args", t_open_bad_args, 15},
	{"logins", t_logins, 15},
	{"login_application", t_login_application, 15},
	{"invoke_bad_session", t_invoke_bad_session, 15},
	{"value_add", t_value_add, 15},
	{"value_shapes", t_value_shapes, 15},
	{"bad_param_types", t_bad_param_types, 15},
	{"temp_memref", t_temp_memref, 40},
	{"temp_zero_and_null", t_temp_zero_and_null, 15},
	{"temp_directions", t_temp_directions, 15},
	{"allocated_shm", t_allocated_shm, 20},
	{"allocated_zero", t_allocated_zero, 15},
	{"registered_shm", t_registered_shm, 20},
	{"partial_directions", t_partial_directions, 20},
	{"whole_directions", t_whole_directions, 15},
	{"partial_bounds", t_partial_bounds, 15},
	{"shm_bad_args", t_shm_bad_args, 15},
	{"shm_oversize", t_shm_oversize, 20},
	{"shm_release", t_shm_release, 15},
	{"register_fd", t_register_fd, 15},
	{"cancel", t_cancel, 30},
	{"cancel_one_of_two", t_cancel_one_of_two, 20},
	{"cancel_not_running", t_cancel_not_running, 15},
	{"threads", t_threads, 100},
	{"rpc_shm_kernel", t_rpc_shm_kernel, 20},
	{"rpc_shm_appl", t_rpc_shm_appl, 20},
	{"rpc_fs", t_rpc_fs, 30},
	{"rpc_load_ta_missing", t_rpc_load_ta_missing, 20},
	{"rpc_rpmb_info", t_rpc_rpmb_info, 20},
	{"rpc_get_time", t_rpc_get_time, 20},
};

static void result(const char *name, bool pass, char *d)
{
	for (char *c = d; *c; c++) /* keep the @@...@@ framing on one line */
		if (*c == '@' || *c == '\n' || *c == '\r')
			*c = ' ';
	printf("@@RESULT %s %s %s@@\n", name, pass ? "pass" : "fail",
	       d[0] ? d : "-");
	fflush(stdout);
}

/*
 * Runs one test in a child that sends "P|F detail\n" through a pipe; the
 * parent waits for that line at most timeout_s (a child with a thread stuck
 * in the TEE may never exit, so it does not wait for EOF or exit).
 */
static bool run_test(const struct test *t, int timeout_s)
{
	char buf[DETAIL_LEN + 4] = "", d[DETAIL_LEN + 64] = "";
	double end = now_s() + timeout_s;
	int pfd[2], status;
	bool pass = false;
	size_t got = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(pfd) || (pid = fork()) < 0) {
		snprintf(d, sizeof(d), "pipe/fork: %s", strerror(errno));
		result(t->name, false, d);
		return false;
	}
	if (pid == 0) {
		close(pfd[0]);
		alarm((unsigned int)timeout_s + 5); /* backstop */
		t->fn();
		dprintf(pfd[1], "%c %s\n", failures ? 'F' : 'P', detail);
		_exit(0);
	}
	close(pfd[1]);
	while (!memchr(buf, '\n', got) && got < sizeof(buf) - 1) {
		struct pollfd p = {pfd[0], POLLIN, 0};
		double left = end - now_s();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)(left * 1000) + 1) == 0) {
			snprintf(d, sizeof(d), "timed out after %d s",
				 timeout_s);
			break;
		}
		n = read(pfd[0], buf + got, sizeof(buf) - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(pfd[0]);
	if (memchr(buf, '\n', got) && got >= 2) {
		*strchr(buf, '\n') = 0;
		pass = buf[0] == 'P';
		snprintf(d, sizeof(d), "%s", buf + 2);
	}
	kill(pid, SIGKILL);
	for (int i = 0; i < 100; i++, sleep_ms(10)) {
		if (waitpid(pid, &status, WNOHANG) != pid)
			continue;
		if (!d[0] && WIFSIGNALED(status))
			snprintf(d, sizeof(d), "test died by signal %d",
				 WTERMSIG(status));
		break;
	}
	if (!d[0])
		snprintf(d, sizeof(d), "no verdict from the test process");
	result(t->name, pass, d);
	return pass;
}

int main(int argc, char **argv)
{
	const char *filter = NULL;
	int budget = 240, ran = 0, passed = 0;
	double deadline;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			budget = atoi(argv[++i]);
		} else if (argv[i][0] == '-' || filter) {
			fprintf(stderr, "usage: teec_test [--budget SECONDS] "
					"[substring]\n");
			return 2;
		} else {
			filter = argv[i];
		}
	}
	printf("teec_test: library %s\n", LIB_NAME);
	deadline = now_s() + budget;
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		const struct test *t = &tests[i];
		int left = (int)(deadline - now_s());
		char d[80];

		if (filter && !strstr(t->name, filter))
			continue;
		ran++;
		if (left <= 0) {
			snprintf(d, sizeof(d),
				 "not run: the %d s budget is used up", budget);
			result(t->name, false, d);
			continue;
		}
		passed +=
			run_test(t, t->timeout_s < left ? t->timeout_s : left);
	}
	printf("teec_test: %d of %d passed\n", passed, ran);
	return passed == ran && ran > 0 ? 0 : 1;
}
