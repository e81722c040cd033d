// SPDX-License-Identifier: BSD-2-Clause
/*
 * Shared memory blocks.
 *
 * Allocated blocks are driver memory (TEE_IOC_SHM_ALLOC) mapped into the
 * process. Registered blocks are the caller's own pages, registered with
 * TEE_IOC_SHM_REGISTER when the driver can do that; otherwise (or if the
 * registration fails, e.g. for read-only pages) the TEE gets a shadow
 * buffer of driver memory and each operation copies the referenced bytes
 * into it before the call and back out after it.
 *
 * Zero-size blocks share RTEEC_MIN_SHM_SIZE bytes, so that they still have
 * a driver id and, when allocated, a non-NULL buffer.
 *
 * Release undoes exactly what this library set up (internal.flags) and then
 * leaves the block "not live": id -1, buffer and shadow_buffer NULL,
 * registered_fd -1, internal.flags 0; size and flags are kept. Releasing a
 * block that is not live does nothing, so a second release is harmless and
 * never closes or unmaps anything twice. Register and allocate mark the
 * block not live before anything can fail, so releasing a block whose
 * registration failed is a no-op too.
 */
#include "teec_private.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

/*
 * TEE_IOC_SHM_REGISTER_FD as Linaro's kernel trees define it (not in
 * mainline's <linux/tee.h>).
 */
struct rteec_shm_register_fd_data {
	int64_t fd;
	uint64_t size;
	uint32_t flags;
	int32_t id;
} __attribute__((aligned(8)));
#define RTEEC_IOC_SHM_REGISTER_FD                                              \
	_IOWR(TEE_IOC_MAGIC, TEE_IOC_BASE + 8,                                 \
	      struct rteec_shm_register_fd_data)

static bool flags_ok(uint32_t flags)
{
	return flags &&
	       !(flags & ~(uint32_t)(TEEC_MEM_INPUT | TEEC_MEM_OUTPUT));
}

static size_t shared_len(size_t size)
{
	return size ? size : RTEEC_MIN_SHM_SIZE;
}

void rteec_shm_reset(TEEC_SharedMemory *shm)
{
	shm->buffer = NULL;
	shm->id = -1;
	shm->alloced_size = 0;
	shm->shadow_buffer = NULL;
	shm->registered_fd = -1;
	shm->internal.flags = 0;
}

TEEC_Result rteec_shm_map_new(int ctx_fd, size_t len, void **buf, int *id)
{
	struct tee_ioctl_shm_alloc_data data = {.size = len};
	void *p;
	int fd;

	fd = ioctl(ctx_fd, TEE_IOC_SHM_ALLOC, &data);
	if (fd < 0) {
		rteec_log(RTEEC_LOG_ERROR, "TEE_IOC_SHM_ALLOC(%zu): %s", len,
			  strerror(errno));
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	/* The mapping keeps the driver's object (and its id) alive. */
	close(fd);
	if (p == MAP_FAILED) {
		rteec_log(RTEEC_LOG_ERROR,
			  "mmap of %zu bytes of shared memory: "
			  "%s",
			  len, strerror(errno));
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	*buf = p;
	*id = data.id;
	return TEEC_SUCCESS;
}

/* Registers len bytes at buf with the driver: the fd, or -1 (errno set). */
static int register_pages(int ctx_fd, void *buf, size_t len, int *id)
{
	struct tee_ioctl_shm_register_data data = {
		.addr = (uintptr_t)buf,
		.length = len,
	};
	int fd = ioctl(ctx_fd, TEE_IOC_SHM_REGISTER, &data);

	if (fd >= 0)
		*id = data.id;
	return fd;
}

TEEC_Result rteec_shm_register(TEEC_Context *ctx, TEEC_SharedMemory *shm)
{
	void *shadow, *buf;
	TEEC_Result res;
	size_t len;
	int fd, id;

	if (!ctx || !shm)
		return TEEC_ERROR_BAD_PARAMETERS;
	/* Not live until it succeeds: a release after a failure is a no-op. */
	buf = shm->buffer;
	rteec_shm_reset(shm);
	shm->buffer = buf;
	if (!flags_ok(shm->flags) || !shm->buffer)
		return TEEC_ERROR_BAD_PARAMETERS;
	len = shared_len(shm->size);
	if (ctx->reg_mem) {
		fd = register_pages(ctx->fd, shm->buffer, len, &id);
		if (fd >= 0) {
			shm->id = id;
			shm->alloced_size = len;
			shm->shadow_buffer = NULL;
			shm->registered_fd = fd;
			shm->internal.flags = RTEEC_SHM_LIVE | RTEEC_SHM_FD;
			return TEEC_SUCCESS;
		}
		rteec_log(RTEEC_LOG_INFO,
			  "TEE_IOC_SHM_REGISTER(%zu): %s; "
			  "using a shadow buffer",
			  len, strerror(errno));
	}
	res = rteec_shm_map_new(ctx->fd, len, &shadow, &id);
	if (res != TEEC_SUCCESS)
		return res;
	shm->id = id;
	shm->alloced_size = len;
	shm->shadow_buffer = shadow;
	shm->registered_fd = -1;
	shm->internal.flags = RTEEC_SHM_LIVE | RTEEC_SHM_SHADOW;
	return TEEC_SUCCESS;
}

void rteec_shm_release(TEEC_SharedMemory *shm)
{
	uint8_t f;

	if (!shm || !rteec_shm_is_live(shm))
		return;
	f = shm->internal.flags;
	if (f & RTEEC_SHM_MAPPED)
		munmap(shm->buffer, shm->alloced_size);
	if (f & RTEEC_SHM_SHADOW)
		munmap(shm->shadow_buffer, shm->alloced_size);
	if (f & RTEEC_SHM_FD)
		close(shm->registered_fd);
	rteec_shm_reset(shm);
}

RTEEC_API TEEC_Result TEEC_RegisterSharedMemory(TEEC_Context *context,
						TEEC_SharedMemory *sharedMem)
{
	return rteec_shm_register(context, sharedMem);
}

RTEEC_API TEEC_Result TEEC_AllocateSharedMemory(TEEC_Context *context,
						TEEC_SharedMemory *sharedMem)
{
	TEEC_Result res;
	size_t len;
	void *buf;
	int id;

	if (!context || !sharedMem)
		return TEEC_ERROR_BAD_PARAMETERS;
	/* Not live until it succeeds: a release after a failure is a no-op. */
	rteec_shm_reset(sharedMem);
	if (!flags_ok(sharedMem->flags))
		return TEEC_ERROR_BAD_PARAMETERS;
	len = shared_len(sharedMem->size);
	res = rteec_shm_map_new(context->fd, len, &buf, &id);
	if (res != TEEC_SUCCESS)
		return res;
	sharedMem->buffer = buf;
	sharedMem->id = id;
	sharedMem->alloced_size = len;
	sharedMem->shadow_buffer = NULL;
	sharedMem->registered_fd = -1;
	sharedMem->internal.flags = RTEEC_SHM_LIVE | RTEEC_SHM_MAPPED;
	return TEEC_SUCCESS;
}

RTEEC_API void TEEC_ReleaseSharedMemory(TEEC_SharedMemory *sharedMemory)
{
	rteec_shm_release(sharedMemory);
}

RTEEC_API TEEC_Result TEEC_RegisterSharedMemoryFileDescriptor(
	TEEC_Context *context, TEEC_SharedMemory *sharedMem, int fd)
{
	struct rteec_shm_register_fd_data data = {.fd = fd};
	int rfd;

	if (!context || !sharedMem)
		return TEEC_ERROR_BAD_PARAMETERS;
	rteec_shm_reset(sharedMem);
	if (fd < 0 || !flags_ok(sharedMem->flags))
		return TEEC_ERROR_BAD_PARAMETERS;
	rfd = ioctl(context->fd, RTEEC_IOC_SHM_REGISTER_FD, &data);
	if (rfd < 0) {
		rteec_log(RTEEC_LOG_ERROR,
			  "TEE_IOC_SHM_REGISTER_FD: %s "
			  "(mainline kernels do not have it)",
			  strerror(errno));
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	sharedMem->buffer = NULL;
	sharedMem->size = data.size;
	sharedMem->id = data.id;
	sharedMem->alloced_size = data.size;
	sharedMem->shadow_buffer = NULL;
	sharedMem->registered_fd = rfd;
	sharedMem->internal.flags = RTEEC_SHM_LIVE | RTEEC_SHM_FD;
	return TEEC_SUCCESS;
}
