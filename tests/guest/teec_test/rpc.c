/*
 * teec_test: calls that need tee-supplicant (or the kernel's RPC handling):
 * shared memory, REE FS, TA loading, RPMB and the time.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "teec_test.h"

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

void t_rpc_shm_kernel(void)
{
	if (!setup())
		return;
	rpc_shm(100, 0);
	rpc_shm(64 * 1024, 0);
	note("kernel RPC shm 100 B, 64 KiB");
}

void t_rpc_shm_appl(void)
{
	if (!setup())
		return;
	rpc_shm(100, 1);
	rpc_shm(MiB, 1);
	note("tee-supplicant RPC shm 100 B, 1 MiB");
}

void t_rpc_fs(void)
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

void t_rpc_load_ta_missing(void)
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

void t_rpc_rpmb_info(void)
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

void t_rpc_get_time(void)
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
