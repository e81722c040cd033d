/*
 * teec_test: shared memory arguments and lifetime (bad and oversized blocks,
 * release, file descriptors).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "teec_test.h"

void t_shm_bad_args(void)
{
	uint8_t buf[32];
	TEEC_SharedMemory shm;
	TEEC_Result r;

	if (!setup())
		return;
	shm = shm_desc(buf, sizeof(buf), TEEC_MEM_INPUT);
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
	shm = shm_desc(NULL, 16, 0);
	r = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "allocate flags 0: %s", rn(r));
	shm.flags = TEEC_MEM_OUTPUT;
	r = TEEC_AllocateSharedMemory(NULL, &shm);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "allocate NULL ctx: %s", rn(r));
	r = TEEC_AllocateSharedMemory(&ctx, NULL);
	expect(r == TEEC_ERROR_BAD_PARAMETERS, "allocate NULL shm: %s", rn(r));
	note("8 bad register/allocate calls refused");
}

void t_shm_oversize(void)
{
	TEEC_SharedMemory shm;
	TEEC_Result r1, r2, r3;
	uint8_t small[64];

	if (!setup())
		return;
	shm = shm_desc(NULL, SIZE_MAX, TEEC_MEM_INPUT);
	r1 = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r1 == TEEC_ERROR_OUT_OF_MEMORY, "allocate SIZE_MAX: %s", rn(r1));
	if (r1 == TEEC_SUCCESS)
		TEEC_ReleaseSharedMemory(&shm);
	shm = shm_desc(NULL, (size_t)1 << 40, TEEC_MEM_INPUT);
	r2 = TEEC_AllocateSharedMemory(&ctx, &shm);
	expect(r2 == TEEC_ERROR_OUT_OF_MEMORY, "allocate 1 TiB: %s", rn(r2));
	if (r2 == TEEC_SUCCESS)
		TEEC_ReleaseSharedMemory(&shm);
	/* 1 TiB claimed over a 64-byte buffer. */
	shm = shm_desc(small, (size_t)1 << 40, TEEC_MEM_INPUT);
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

void t_shm_release(void)
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

void t_register_fd(void)
{
	TEEC_SharedMemory shm;
	TEEC_Result r1, r2;
	int fd;

	if (!setup())
		return;
	shm = shm_desc(NULL, 0, TEEC_MEM_INPUT);
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
