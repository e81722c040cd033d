// SPDX-License-Identifier: BSD-2-Clause
/*
 * Compile-time proof that the public types have optee_client 3.19's layout
 * (LP64, as Debian's arm64 libteec.so.1 was built), so that programs built
 * against <tee_client_api.h> run with either library, and that the kernel
 * ABI structures are the sizes this library assumes. No code.
 */
#include "teec_private.h"

#include <stdalign.h>

#define CHECK_SIZE(type, n)                                                    \
	_Static_assert(sizeof(type) == (n), "sizeof(" #type ") != " #n)
#define CHECK_OFFSET(type, member, n)                                          \
	_Static_assert(offsetof(type, member) == (n),                          \
		       "offsetof(" #type ", " #member ") != " #n)

/* Independent of the data model. */
CHECK_SIZE(TEEC_Result, 4);
CHECK_SIZE(TEEC_UUID, 16);
CHECK_OFFSET(TEEC_UUID, timeMid, 4);
CHECK_OFFSET(TEEC_UUID, timeHiAndVersion, 6);
CHECK_OFFSET(TEEC_UUID, clockSeqAndNode, 8);
CHECK_SIZE(TEEC_Value, 8);
CHECK_OFFSET(TEEC_Value, b, 4);
CHECK_SIZE(TEEC_Context, 8);
CHECK_OFFSET(TEEC_Context, fd, 0);
CHECK_OFFSET(TEEC_Context, reg_mem, 4);
CHECK_OFFSET(TEEC_Context, memref_null, 5);
CHECK_OFFSET(TEEC_Operation, started, 0);
CHECK_OFFSET(TEEC_Operation, paramTypes, 4);
CHECK_OFFSET(TEEC_Operation, params, 8);

#if defined(__LP64__)
CHECK_SIZE(TEEC_SharedMemory, 48);
CHECK_OFFSET(TEEC_SharedMemory, buffer, 0);
CHECK_OFFSET(TEEC_SharedMemory, size, 8);
CHECK_OFFSET(TEEC_SharedMemory, flags, 16);
CHECK_OFFSET(TEEC_SharedMemory, id, 20);
CHECK_OFFSET(TEEC_SharedMemory, alloced_size, 24);
CHECK_OFFSET(TEEC_SharedMemory, shadow_buffer, 32);
CHECK_OFFSET(TEEC_SharedMemory, registered_fd, 40);
CHECK_OFFSET(TEEC_SharedMemory, internal, 44);
CHECK_OFFSET(TEEC_SharedMemory, internal.flags, 44);
_Static_assert(alignof(TEEC_SharedMemory) == 8, "TEEC_SharedMemory align");

CHECK_SIZE(TEEC_TempMemoryReference, 16);
CHECK_OFFSET(TEEC_TempMemoryReference, buffer, 0);
CHECK_OFFSET(TEEC_TempMemoryReference, size, 8);

CHECK_SIZE(TEEC_RegisteredMemoryReference, 24);
CHECK_OFFSET(TEEC_RegisteredMemoryReference, parent, 0);
CHECK_OFFSET(TEEC_RegisteredMemoryReference, size, 8);
CHECK_OFFSET(TEEC_RegisteredMemoryReference, offset, 16);

CHECK_SIZE(TEEC_Parameter, 24);

CHECK_SIZE(TEEC_Session, 16);
CHECK_OFFSET(TEEC_Session, ctx, 0);
CHECK_OFFSET(TEEC_Session, session_id, 8);

CHECK_SIZE(TEEC_Operation, 112);
CHECK_OFFSET(TEEC_Operation, params[1], 32);
CHECK_OFFSET(TEEC_Operation, params[3], 80);
CHECK_OFFSET(TEEC_Operation, session, 104);
#endif

/* Linux's TEE ioctl ABI (the same on every architecture). */
CHECK_SIZE(struct tee_ioctl_param, 32);
CHECK_SIZE(struct tee_ioctl_open_session_arg, 56);
CHECK_SIZE(struct tee_ioctl_invoke_arg, 24);
CHECK_SIZE(struct tee_ioctl_buf_data, 16);
CHECK_SIZE(struct tee_ioctl_version_data, 12);
CHECK_SIZE(struct tee_ioctl_shm_alloc_data, 16);
CHECK_SIZE(struct tee_ioctl_shm_register_data, 24);
CHECK_SIZE(struct tee_ioctl_cancel_arg, 8);
CHECK_SIZE(struct tee_ioctl_close_session_arg, 4);

/* The GP type numbers this library hands to the driver unchanged. */
_Static_assert(TEEC_VALUE_INPUT == TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT &&
		       TEEC_VALUE_OUTPUT ==
			       TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT &&
		       TEEC_VALUE_INOUT ==
			       TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT,
	       "value parameter types");
_Static_assert(TEEC_LOGIN_PUBLIC == TEE_IOCTL_LOGIN_PUBLIC &&
		       TEEC_LOGIN_USER == TEE_IOCTL_LOGIN_USER &&
		       TEEC_LOGIN_GROUP == TEE_IOCTL_LOGIN_GROUP,
	       "login methods");
