/*
 * teec_test: registered and allocated shared memory in operations (WHOLE and
 * PARTIAL references, their directions and bounds).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "teec_test.h"

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

void t_allocated_shm(void)
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

void t_allocated_zero(void)
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

void t_registered_shm(void)
{
	uint8_t stack_buf[300];
	uint8_t *heap = malloc(20000);
	TEEC_SharedMemory shm;
	TEEC_Result r;

	if (!setup() || !heap)
		return;
	/* Unaligned heap memory. */
	shm = shm_desc(heap + 7, 12000, TEEC_MEM_INPUT | TEEC_MEM_OUTPUT);
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS, "register heap: %s", rn(r));
	if (r == TEEC_SUCCESS) {
		whole_check(&shm, "heap whole");
		partial_check(&shm, 4093, 5000, "heap partial");
		TEEC_ReleaseSharedMemory(&shm);
	}
	/* Stack memory. */
	shm = shm_desc(stack_buf, sizeof(stack_buf),
		       TEEC_MEM_INPUT | TEEC_MEM_OUTPUT);
	r = TEEC_RegisterSharedMemory(&ctx, &shm);
	expect(r == TEEC_SUCCESS, "register stack: %s", rn(r));
	if (r == TEEC_SUCCESS) {
		whole_check(&shm, "stack whole");
		partial_check(&shm, 1, 298, "stack partial");
		TEEC_ReleaseSharedMemory(&shm);
	}
	/* Zero size. */
	shm = shm_desc(heap, 0, TEEC_MEM_INPUT);
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

	if (!allocate(&shm))
		return;
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

void t_partial_directions(void)
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

void t_whole_directions(void)
{
	TEEC_SharedMemory shm = {.size = 64, .flags = TEEC_MEM_INPUT};
	TEEC_Operation op = new_op(TYPES(TEEC_MEMREF_WHOLE, 0));
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup())
		return;
	if (!allocate(&shm))
		return;
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

void t_partial_bounds(void)
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
	if (!allocate(&shm))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
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
