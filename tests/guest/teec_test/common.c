/*
 * teec_test's utilities: names of results, random data, and the context,
 * session and operations the tests share (the running test's detail and
 * failed checks are tests/guest/common/runner.c's).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "teec_test.h"

/* This program's view of the types must be optee_client 3.19's (LP64). */
_Static_assert(sizeof(TEEC_Context) == 8, "TEEC_Context");
_Static_assert(sizeof(TEEC_SharedMemory) == 48, "TEEC_SharedMemory");
_Static_assert(sizeof(TEEC_Session) == 16, "TEEC_Session");
_Static_assert(sizeof(TEEC_Operation) == 112, "TEEC_Operation");
_Static_assert(offsetof(TEEC_Operation, session) == 104, "op.session");
_Static_assert(offsetof(TEEC_SharedMemory, internal) == 44, "shm.internal");

TEEC_Context ctx; /* set up by setup() */
TEEC_Session sess;

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

/* xorshift64*; per-thread state so threads need no lock. */
_Thread_local uint64_t rng = 0x9e3779b97f4a7c15ull;
void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rng ^= rng >> 12;
		rng ^= rng << 25;
		rng ^= rng >> 27;
		p[i] = (uint8_t)((rng * 0x2545F4914F6CDD1Dull) >> 56);
	}
}

uint64_t fnv1a64(const uint8_t *p, size_t n)
{
	uint64_t h = PTA_TEST_FNV64_OFFSET;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * PTA_TEST_FNV64_PRIME;
	return h;
}

/* Index of the first byte of p[n] that is not PTA_TEST_PATTERN, or n. */
size_t pattern_mismatch(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != PTA_TEST_PATTERN(i))
			return i;
	return n;
}

uint64_t value64(const TEEC_Value *v)
{
	return (uint64_t)v->a | (uint64_t)v->b << 32;
}

TEEC_UUID uuid_from_octets(const uint8_t o[16])
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

TEEC_UUID pta_uuid(void)
{
	static const uint8_t o[16] = PTA_TEST_UUID_OCTETS;

	return uuid_from_octets(o);
}

TEEC_Operation new_op(uint32_t types)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = types;
	return op;
}

/* A zeroed block descriptor with buffer, size and flags set. */
TEEC_SharedMemory shm_desc(void *buffer, size_t size, uint32_t flags)
{
	TEEC_SharedMemory shm;

	memset(&shm, 0, sizeof(shm));
	shm.buffer = buffer;
	shm.size = size;
	shm.flags = flags;
	return shm;
}

/* Context + session with the test PTA; false (and a note) on failure. */
bool setup(void)
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

/* Allocates shm on ctx; false (and a failed check) if that fails. */
bool allocate(TEEC_SharedMemory *shm)
{
	TEEC_Result r = TEEC_AllocateSharedMemory(&ctx, shm);

	if (r != TEEC_SUCCESS) {
		expect(false, "allocate: %s", rn(r));
		return false;
	}
	return true;
}

/* HASH_AND_PATTERN with param 0 of the given type; checks the outcome. */
TEEC_Result hash_call(TEEC_Session *s, TEEC_Operation *op, uint32_t *origin)
{
	op->paramTypes =
		TEEC_PARAM_TYPES(TEEC_PARAM_TYPE_GET(op->paramTypes, 0),
				 TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	return TEEC_InvokeCommand(s, PTA_TEST_CMD_HASH_AND_PATTERN, op, origin);
}

/* A call the library must refuse itself: BAD_PARAMETERS, origin API. */
void expect_api_refusal(TEEC_Result r, uint32_t origin, const char *what)
{
	expect(r == TEEC_ERROR_BAD_PARAMETERS && origin == TEEC_ORIGIN_API,
	       "%s: 0x%08x %s origin %u, want BAD_PARAMETERS/API", what, r,
	       rn(r), origin);
}

/*
 * A call that must reach the PTA, which refuses its shape: BAD_PARAMETERS
 * from the secure side (origin TRUSTED_APP, or TEE), not from the library.
 */
bool secure_origin(uint32_t origin)
{
	return origin == TEEC_ORIGIN_TEE || origin == TEEC_ORIGIN_TRUSTED_APP;
}

void expect_tee_refusal(TEEC_Result r, uint32_t origin, const char *what)
{
	expect(r == TEEC_ERROR_BAD_PARAMETERS && secure_origin(origin),
	       "%s: 0x%08x %s origin %u, want BAD_PARAMETERS/TA", what, r,
	       rn(r), origin);
}
