// SPDX-License-Identifier: BSD-2-Clause
/*
 * Contexts: finding a GlobalPlatform TEE among /dev/tee0../dev/tee9 and
 * remembering what its driver can do.
 *
 * A context is just the open device plus two capability bits; it has no
 * mutable state, so any number of threads may use one context at once.
 */
#include "teec_private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define MAX_DEVICES 10 /* /dev/tee0 .. /dev/tee9 */
#define NAME_OPTEE_TZ "optee-tz"

/*
 * Test knobs: behave as with a TEE whose driver cannot register user memory
 * (shared memory then goes through TEE_IOC_SHM_ALLOC shadow buffers) or
 * cannot pass NULL memory references. Off unless set to a non-empty value
 * other than "0".
 */
#define ENV_NO_REG_MEM "RAMPART_TEEC_NO_REG_MEM"
#define ENV_NO_MEMREF_NULL "RAMPART_TEEC_NO_MEMREF_NULL"

static bool env_set(const char *name)
{
	const char *v = getenv(name);

	return v && *v && strcmp(v, "0") != 0;
}

TEEC_Result rteec_errno_result(int e)
{
	switch (e) {
	case ENOMEM:
		return TEEC_ERROR_OUT_OF_MEMORY;
	case EINVAL:
	case EFAULT:
		return TEEC_ERROR_BAD_PARAMETERS;
	case EPERM:
	case EACCES:
		return TEEC_ERROR_ACCESS_DENIED;
	case EBUSY:
	case EAGAIN:
		return TEEC_ERROR_BUSY;
	case ENOTTY:
	case EOPNOTSUPP:
		return TEEC_ERROR_NOT_SUPPORTED;
	default:
		return TEEC_ERROR_COMMUNICATION;
	}
}

/* Opens path if it is a TEE that suits name; the fd, or -1. */
static int open_device(const char *path, const char *name,
		       struct tee_ioctl_version_data *vers)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return -1;
	memset(vers, 0, sizeof(*vers));
	if (ioctl(fd, TEE_IOC_VERSION, vers)) {
		rteec_log(RTEEC_LOG_ERROR, "%s: TEE_IOC_VERSION: %s", path,
			  strerror(errno));
		goto refuse;
	}
	if (!(vers->gen_caps & TEE_GEN_CAP_GP)) {
		rteec_log(RTEEC_LOG_INFO, "%s: not a GlobalPlatform TEE", path);
		goto refuse;
	}
	if (name && (vers->impl_id != TEE_IMPL_ID_OPTEE ||
		     !(vers->impl_caps & TEE_OPTEE_CAP_TZ))) {
		rteec_log(RTEEC_LOG_INFO, "%s: not an OP-TEE on TrustZone",
			  path);
		goto refuse;
	}
	return fd;
refuse:
	close(fd);
	return -1;
}

RTEEC_API TEEC_Result TEEC_InitializeContext(const char *name,
					     TEEC_Context *context)
{
	struct tee_ioctl_version_data vers;
	char path[32];

	if (!context)
		return TEEC_ERROR_BAD_PARAMETERS;
	context->fd = -1;
	context->reg_mem = false;
	context->memref_null = false;
	if (name && strcmp(name, NAME_OPTEE_TZ) != 0) {
		rteec_log(RTEEC_LOG_ERROR, "unknown TEE name \"%s\"", name);
		return TEEC_ERROR_ITEM_NOT_FOUND;
	}
	for (int n = 0; n < MAX_DEVICES; n++) {
		int fd;

		snprintf(path, sizeof(path), "/dev/tee%d", n);
		fd = open_device(path, name, &vers);
		if (fd < 0)
			continue;
		context->fd = fd;
		context->reg_mem = (vers.gen_caps & TEE_GEN_CAP_REG_MEM) &&
				   !env_set(ENV_NO_REG_MEM);
		context->memref_null =
			(vers.gen_caps & TEE_GEN_CAP_MEMREF_NULL) &&
			!env_set(ENV_NO_MEMREF_NULL);
		rteec_log(RTEEC_LOG_DEBUG,
			  "%s: gen_caps 0x%x reg_mem %d "
			  "memref_null %d",
			  path, vers.gen_caps, context->reg_mem,
			  context->memref_null);
		return TEEC_SUCCESS;
	}
	rteec_log(RTEEC_LOG_ERROR, "no suitable TEE device (/dev/tee0..%d)",
		  MAX_DEVICES - 1);
	return TEEC_ERROR_ITEM_NOT_FOUND;
}

RTEEC_API void TEEC_FinalizeContext(TEEC_Context *context)
{
	if (!context || context->fd < 0)
		return;
	close(context->fd);
	context->fd = -1;
}
