/* rngtest's wrappers of the /dev/tee0 ioctls (raw, no libteec). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rngtest.h"

const char *ret_name(uint32_t r)
{
	switch (r) {
	case TEE_SUCCESS:
		return "SUCCESS";
	case TEE_ERROR_ACCESS_DENIED:
		return "ACCESS_DENIED";
	case TEE_ERROR_BAD_PARAMETERS:
		return "BAD_PARAMETERS";
	case TEE_ERROR_NOT_IMPLEMENTED:
		return "NOT_IMPLEMENTED";
	case TEE_ERROR_OUT_OF_MEMORY:
		return "OUT_OF_MEMORY";
	case TEE_ERROR_SHORT_BUFFER:
		return "SHORT_BUFFER";
	case IOCTL_FAILED:
		return "ioctl failed";
	default:
		return "?";
	}
}

int tee_open(void)
{
	int fd = open("/dev/tee0", O_RDWR);

	if (fd < 0)
		note("open /dev/tee0: %s; ", strerror(errno));
	return fd;
}

int open_session(int fd, const uint8_t uuid[16], uint32_t login, uint32_t *sess,
		 uint32_t *ret, uint32_t *origin)
{
	union {
		struct tee_ioctl_open_session_arg arg;
		uint8_t raw[sizeof(struct tee_ioctl_open_session_arg) +
			    NPARAMS * sizeof(param_t)];
	} u;
	/* The driver insists on buf_len == header + 32 * num_params. */
	struct tee_ioctl_buf_data buf = {(uintptr_t)&u, sizeof(u.raw)};

	memset(&u, 0, sizeof(u));
	memcpy(u.arg.uuid, uuid, 16);
	/* GROUP takes the gid from the first bytes: root's group 0. */
	u.arg.clnt_login = login;
	u.arg.num_params = NPARAMS; /* all NONE, as libteec sends */
	u.arg.ret = u.arg.ret_origin = 0xdeadbeef;
	if (ioctl(fd, TEE_IOC_OPEN_SESSION, &buf))
		return -errno;
	*sess = u.arg.session;
	*ret = u.arg.ret;
	if (origin)
		*origin = u.arg.ret_origin;
	return 0;
}

int invoke(int fd, uint32_t sess, uint32_t func, param_t p[NPARAMS],
	   uint32_t *ret)
{
	union {
		struct tee_ioctl_invoke_arg arg;
		uint8_t raw[sizeof(struct tee_ioctl_invoke_arg) +
			    NPARAMS * sizeof(param_t)];
	} u;
	struct tee_ioctl_buf_data buf = {(uintptr_t)&u, sizeof(u.raw)};

	memset(&u, 0, sizeof(u));
	u.arg.func = func;
	u.arg.session = sess;
	u.arg.num_params = NPARAMS;
	u.arg.ret = u.arg.ret_origin = 0xdeadbeef;
	memcpy(u.arg.params, p, NPARAMS * sizeof(*p));
	if (ioctl(fd, TEE_IOC_INVOKE, &buf)) {
		*ret = IOCTL_FAILED;
		return -errno;
	}
	memcpy(p, u.arg.params, NPARAMS * sizeof(*p));
	*ret = u.arg.ret;
	return 0;
}

int pta_connect(const uint8_t uuid[16], int *fd, uint32_t *sess)
{
	uint32_t ret = 0, origin = 0;
	int rc;

	*fd = tee_open();
	if (*fd < 0)
		return -1;
	rc = open_session(*fd, uuid, TEE_IOCTL_LOGIN_PUBLIC, sess, &ret,
			  &origin);
	if (rc || ret) {
		note("OPEN_SESSION PUBLIC: %s ret 0x%08x(%s) origin %u; ",
		     rc ? strerror(-rc) : "ok", ret, ret_name(ret), origin);
		return -1;
	}
	return 0;
}

int shm_register(int fd, size_t len, uint8_t **map)
{
	struct tee_ioctl_shm_register_data r = {0};
	size_t map_len = (len + PAGE - 1) / PAGE * PAGE;

	*map = mmap(NULL, map_len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (*map == MAP_FAILED) {
		note("mmap %zu: %s; ", map_len, strerror(errno));
		return -1;
	}
	r.addr = (uintptr_t)*map;
	r.length = len;
	if (ioctl(fd, TEE_IOC_SHM_REGISTER, &r) < 0) {
		note("SHM_REGISTER %zu: %s; ", len, strerror(errno));
		return -1;
	}
	return r.id;
}

param_t memref(uint64_t attr, int shm_id, uint64_t size)
{
	/* a = offset, b = size, c = shm id (TEE_MEMREF_NULL for none). */
	return (param_t){attr, 0, size, (uint64_t)(int64_t)shm_id};
}
