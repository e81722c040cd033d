/* teec_test: temporary memory references (TEEC_MEMREF_TEMP_*). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "teec_test.h"

/* HASH_AND_PATTERN over a TEMP_INOUT of n bytes at offset off of a buffer. */
void temp_inout(size_t n, size_t off)
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

void t_temp_memref(void)
{
	if (!setup())
		return;
	temp_inout(1, 0);
	temp_inout(4096, 0);
	temp_inout(4096, 5);
	temp_inout(5 * MiB / 2, 3);
	note("TEMP_INOUT 1, 4096, 4096+5, 2.5 MiB+3: hash, pattern, size");
}

void t_temp_zero_and_null(void)
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

void t_temp_directions(void)
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
