/*
 * tatest: hello_world and every command of gp13_ta (tests/ta/gp13_ta,
 * include/gp13_ta.h), with their results checked from the client side.
 */
#include <stdio.h>
#include <string.h>

#include <gp13_ta.h>

#include "tatest.h"

/* Context + gp13 session; false (with a failed check) if either fails. */
static bool gp13_setup(TEEC_Session *s)
{
	TEEC_UUID u = gp13_uuid();

	return ctx_init() && open_ta(s, &u, "gp13");
}

void t_hello_world(void)
{
	TEEC_UUID u = hello_uuid();
	TEEC_Session s;
	uint32_t out = 0, origin;
	TEEC_Result r;

	if (!ctx_init() || !open_ta(&s, &u, "hello_world"))
		return;
	r = hello_inc(&s, 42, &out, &origin);
	expect(r == TEEC_SUCCESS && origin == TEEC_ORIGIN_TRUSTED_APP,
	       "inc: 0x%08x %s origin %u", r, rn(r), origin);
	expect(out == 43, "42 became %u, want 43", out);
	note("42 -> %u", out);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

static TEEC_Result reverse(TEEC_Session *s, const void *in, size_t n,
			   void *out, size_t *out_size, uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
						    TEEC_MEMREF_TEMP_OUTPUT,
						    TEEC_NONE, TEEC_NONE));
	TEEC_Result r;

	op.params[0].tmpref.buffer = (void *)in;
	op.params[0].tmpref.size = n;
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = *out_size;
	*origin = 0;
	r = TEEC_InvokeCommand(s, GP13_CMD_REVERSE, &op, origin);
	*out_size = op.params[1].tmpref.size;
	return r;
}

static bool is_reverse(const uint8_t *in, const uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (out[i] != in[n - 1 - i])
			return false;
	return true;
}

void t_gp13_reverse(void)
{
	static uint8_t in[9000], out[9000];
	static const size_t sizes[] = {1, 17, 4096, 4219, 9000};
	TEEC_SharedMemory shm;
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin;
	size_t got;
	TEEC_Result r;

	if (!gp13_setup(&s))
		return;
	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7 + (i >> 8) + 1);

	for (size_t k = 0; k < ARRAY_SIZE(sizes); k++) {
		size_t n = sizes[k];

		memset(out, 0xee, sizeof(out));
		got = n;
		r = reverse(&s, in, n, out, &got, &origin);
		expect(r == TEEC_SUCCESS && got == n && is_reverse(in, out, n),
		       "n=%zu: 0x%08x %s origin %u size %zu%s", n, r, rn(r),
		       origin, got, is_reverse(in, out, n) ? "" : " wrong data");
	}

	/* A larger output buffer: the size comes back as the data's. */
	memset(out, 0xee, sizeof(out));
	got = 64;
	r = reverse(&s, in, 17, out, &got, &origin);
	expect(r == TEEC_SUCCESS && got == 17 && is_reverse(in, out, 17) &&
		       out[17] == 0xee,
	       "17 into 64: 0x%08x %s size %zu", r, rn(r), got);

	/* Too small: SHORT_BUFFER from the TA with the size it needs. */
	got = 5;
	r = reverse(&s, in, 17, out, &got, &origin);
	expect(r == TEEC_ERROR_SHORT_BUFFER &&
		       origin == TEEC_ORIGIN_TRUSTED_APP && got == 17,
	       "short: 0x%08x %s origin %u size %zu, want SHORT_BUFFER/TA/17",
	       r, rn(r), origin, got);
	note("short 5->%zu; ", got);

	/* A NULL output buffer asks for the size. */
	got = 0;
	r = reverse(&s, in, 4219, NULL, &got, &origin);
	expect(r == TEEC_ERROR_SHORT_BUFFER &&
		       origin == TEEC_ORIGIN_TRUSTED_APP && got == 4219,
	       "NULL query: 0x%08x %s origin %u size %zu, want "
	       "SHORT_BUFFER/TA/4219",
	       r, rn(r), origin, got);
	note("NULL query->%zu; ", got);
	/* ... and that size then works. */
	memset(out, 0, sizeof(out));
	r = reverse(&s, in, 4219, out, &got, &origin);
	expect(r == TEEC_SUCCESS && got == 4219 && is_reverse(in, out, 4219),
	       "retry with the size: 0x%08x %s size %zu", r, rn(r), got);

	/* Allocated shared memory: input and output in one block. */
	memset(&shm, 0, sizeof(shm));
	shm.size = 3 * 4096;
	shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS, "AllocateSharedMemory: 0x%08x %s", r, rn(r));
	if (r == TEEC_SUCCESS) {
		uint8_t *b = shm.buffer;

		memcpy(b, in, 5000);
		memset(b + 6000, 0, 5000);
		op = new_op(TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INPUT,
					     TEEC_MEMREF_PARTIAL_OUTPUT,
					     TEEC_NONE, TEEC_NONE));
		op.params[0].memref.parent = &shm;
		op.params[0].memref.offset = 0;
		op.params[0].memref.size = 5000;
		op.params[1].memref.parent = &shm;
		op.params[1].memref.offset = 6000;
		op.params[1].memref.size = 5000;
		r = TEEC_InvokeCommand(&s, GP13_CMD_REVERSE, &op, &origin);
		expect(r == TEEC_SUCCESS && op.params[1].memref.size == 5000 &&
			       is_reverse(in, b + 6000, 5000),
		       "shm partial: 0x%08x %s size %zu", r, rn(r),
		       op.params[1].memref.size);
		TEEC_ReleaseSharedMemory(&shm);
	}

	/* Wrong parameter types: the TA's BAD_PARAMETERS. */
	op = new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
				     TEEC_NONE));
	r = TEEC_InvokeCommand(&s, GP13_CMD_REVERSE, &op, &origin);
	expect(r == TEEC_ERROR_BAD_PARAMETERS &&
		       origin == TEEC_ORIGIN_TRUSTED_APP,
	       "bad types: 0x%08x %s origin %u", r, rn(r), origin);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

static TEEC_Result random_call(TEEC_Session *s, uint8_t *buf, size_t n)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	uint32_t origin = 0;
	TEEC_Result r;

	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = n;
	r = TEEC_InvokeCommand(s, GP13_CMD_RANDOM, &op, &origin);
	expect(r == TEEC_SUCCESS && op.params[0].tmpref.size == n,
	       "random %zu: 0x%08x %s origin %u size %zu", n, r, rn(r), origin,
	       op.params[0].tmpref.size);
	return r;
}

static size_t zeros(const uint8_t *p, size_t n)
{
	size_t z = 0;

	for (size_t i = 0; i < n; i++)
		z += !p[i];
	return z;
}

void t_gp13_random(void)
{
	static uint8_t a[64], b[64], big[6000];
	TEEC_Session s;

	if (!gp13_setup(&s))
		return;
	if (random_call(&s, a, sizeof(a)) == TEEC_SUCCESS &&
	    random_call(&s, b, sizeof(b)) == TEEC_SUCCESS) {
		expect(memcmp(a, b, sizeof(a)), "two calls gave the same bytes");
		expect(zeros(a, sizeof(a)) < 16 && zeros(b, sizeof(b)) < 16,
		       "too many zero bytes: %zu and %zu of 64",
		       zeros(a, sizeof(a)), zeros(b, sizeof(b)));
		note("%02x%02x%02x%02x.. vs %02x%02x%02x%02x..; ", a[0], a[1],
		     a[2], a[3], b[0], b[1], b[2], b[3]);
	}
	/* Across pages: the tail is filled too. */
	if (random_call(&s, big, sizeof(big)) == TEEC_SUCCESS) {
		expect(zeros(big + 5900, 100) < 20,
		       "6000 bytes: tail mostly zero (%zu of 100)",
		       zeros(big + 5900, 100));
		expect(zeros(big, sizeof(big)) < 200,
		       "6000 bytes: %zu zeros", zeros(big, sizeof(big)));
	}
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

void t_gp13_heap(void)
{
	static const uint32_t sizes[] = {1, 16, 100, 1024, 4096, 8192};
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin, total = 0;
	TEEC_Result r;

	if (!gp13_setup(&s))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		op = new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					     TEEC_VALUE_OUTPUT, TEEC_NONE,
					     TEEC_NONE));
		op.params[0].value.a = sizes[i];
		r = TEEC_InvokeCommand(&s, GP13_CMD_HEAP, &op, &origin);
		expect(r == TEEC_SUCCESS && op.params[1].value.b > 0 &&
			       op.params[1].value.a == op.params[1].value.b,
		       "size %u: 0x%08x %s origin %u, %u/%u checks passed",
		       sizes[i], r, rn(r), origin, op.params[1].value.a,
		       op.params[1].value.b);
		total += op.params[1].value.b;
	}
	/* The TA refuses size 0 itself. */
	op = new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
				     TEEC_NONE, TEEC_NONE));
	r = TEEC_InvokeCommand(&s, GP13_CMD_HEAP, &op, &origin);
	expect(r == TEEC_ERROR_BAD_PARAMETERS &&
		       origin == TEEC_ORIGIN_TRUSTED_APP,
	       "size 0: 0x%08x %s origin %u", r, rn(r), origin);
	note("%u heap checks run", total);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

void t_gp13_props(void)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	TEEC_Session s;
	uint32_t origin;
	TEEC_Result r;

	if (!gp13_setup(&s))
		return;
	r = TEEC_InvokeCommand(&s, GP13_CMD_PROPS, &op, &origin);
	expect(r == TEEC_SUCCESS, "props: 0x%08x %s origin %u", r, rn(r),
	       origin);
	expect(op.params[0].value.a == 64 * 1024,
	       "gpd.ta.dataSize %u, want 65536", op.params[0].value.a);
	expect(op.params[0].value.b == 1, "gpd.ta.appID did not match");
	note("dataSize %u appID match %u", op.params[0].value.a,
	     op.params[0].value.b);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

void t_gp13_sizes(void)
{
	TEEC_Session s;
	uint32_t a, b, origin;
	TEEC_Result r;

	if (!gp13_setup(&s))
		return;
	r = gp13_sizes(&s, &a, &b, &origin);
	expect(r == TEEC_SUCCESS, "sizes: 0x%08x %s origin %u", r, rn(r),
	       origin);
	/* GP 1.3 on LP64: memref {void *, size_t}, so 8 and 16. */
	expect(a == 8, "sizeof(memref.size) %u, want 8", a);
	expect(b == 16, "sizeof(TEE_Param) %u, want 16", b);
	note("memref.size %u, TEE_Param %u", a, b);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

static bool sys_time(TEEC_Session *s, uint64_t *ms)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	uint32_t origin;
	TEEC_Result r = TEEC_InvokeCommand(s, GP13_CMD_TIME, &op, &origin);

	expect(r == TEEC_SUCCESS, "time: 0x%08x %s origin %u", r, rn(r),
	       origin);
	expect(op.params[0].value.b < 1000, "millis %u", op.params[0].value.b);
	*ms = (uint64_t)op.params[0].value.a * 1000 + op.params[0].value.b;
	return r == TEEC_SUCCESS;
}

void t_gp13_time(void)
{
	TEEC_Session s;
	uint64_t t1, t2, t3;
	double h1, h3;

	if (!gp13_setup(&s))
		return;
	if (sys_time(&s, &t1) && sys_time(&s, &t2)) {
		expect(t2 >= t1, "went back: %llu then %llu ms",
		       (unsigned long long)t1, (unsigned long long)t2);
		h1 = now_s();
		sleep_ms(1100);
		if (sys_time(&s, &t3)) {
			h3 = now_s();
			/* Advanced about as much as the guest's clock did. */
			expect(t3 >= t2 + 500 &&
				       t3 <= t2 + (uint64_t)((h3 - h1) * 1000) +
						     2000,
			       "after %.2f s: %llu -> %llu ms", h3 - h1,
			       (unsigned long long)t2, (unsigned long long)t3);
			note("%llu, %llu, +%.1fs: %llu ms", (unsigned long long)t1,
			     (unsigned long long)t2, h3 - h1,
			     (unsigned long long)t3);
		}
	}
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}
