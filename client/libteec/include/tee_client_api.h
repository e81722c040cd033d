/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GlobalPlatform TEE Client API 1.0 (Rampart libteec).
 *
 * Source compatible with OP-TEE's <tee_client_api.h>, and binary compatible
 * with optee_client 3.19 (Debian's libteec.so.1): the implementation-defined
 * members below have exactly the 3.19 types, order and offsets, so a program
 * compiled against this header runs when linked with either library. The
 * layout is checked by client/libteec/src/layout_check.c.
 */
#ifndef TEE_CLIENT_API_H
#define TEE_CLIENT_API_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Parameters an operation carries. */
#define TEEC_CONFIG_PAYLOAD_REF_COUNT 4

/* Largest shared memory block; the kernel sets the real limit. */
#define TEEC_CONFIG_SHAREDMEM_MAX_SIZE ULONG_MAX

/* Parameter types, 4 bits each in TEEC_Operation.paramTypes. */
#define TEEC_NONE 0x00000000
#define TEEC_VALUE_INPUT 0x00000001
#define TEEC_VALUE_OUTPUT 0x00000002
#define TEEC_VALUE_INOUT 0x00000003
#define TEEC_MEMREF_TEMP_INPUT 0x00000005
#define TEEC_MEMREF_TEMP_OUTPUT 0x00000006
#define TEEC_MEMREF_TEMP_INOUT 0x00000007
#define TEEC_MEMREF_WHOLE 0x0000000C
#define TEEC_MEMREF_PARTIAL_INPUT 0x0000000D
#define TEEC_MEMREF_PARTIAL_OUTPUT 0x0000000E
#define TEEC_MEMREF_PARTIAL_INOUT 0x0000000F

/* TEEC_SharedMemory.flags: which ways data may travel. */
#define TEEC_MEM_INPUT 0x00000001  /* client application -> TEE */
#define TEEC_MEM_OUTPUT 0x00000002 /* TEE -> client application */

/* Return codes (TEEC_Result). */
#define TEEC_SUCCESS 0x00000000
#define TEEC_ERROR_STORAGE_NOT_AVAILABLE 0xF0100003
#define TEEC_ERROR_GENERIC 0xFFFF0000
#define TEEC_ERROR_ACCESS_DENIED 0xFFFF0001
#define TEEC_ERROR_CANCEL 0xFFFF0002
#define TEEC_ERROR_ACCESS_CONFLICT 0xFFFF0003
#define TEEC_ERROR_EXCESS_DATA 0xFFFF0004
#define TEEC_ERROR_BAD_FORMAT 0xFFFF0005
#define TEEC_ERROR_BAD_PARAMETERS 0xFFFF0006
#define TEEC_ERROR_BAD_STATE 0xFFFF0007
#define TEEC_ERROR_ITEM_NOT_FOUND 0xFFFF0008
#define TEEC_ERROR_NOT_IMPLEMENTED 0xFFFF0009
#define TEEC_ERROR_NOT_SUPPORTED 0xFFFF000A
#define TEEC_ERROR_NO_DATA 0xFFFF000B
#define TEEC_ERROR_OUT_OF_MEMORY 0xFFFF000C
#define TEEC_ERROR_BUSY 0xFFFF000D
#define TEEC_ERROR_COMMUNICATION 0xFFFF000E
#define TEEC_ERROR_SECURITY 0xFFFF000F
#define TEEC_ERROR_SHORT_BUFFER 0xFFFF0010
#define TEEC_ERROR_EXTERNAL_CANCEL 0xFFFF0011 /* deprecated spelling */
#define TEEC_ERROR_TARGET_DEAD 0xFFFF3024
#define TEEC_ERROR_STORAGE_NO_SPACE 0xFFFF3041 /* deprecated spelling */

/*
 * Internal Core API codes a client may also see; OP-TEE's header defines
 * them too. Guarded so that a file also including TEE-side headers builds.
 */
#ifndef TEE_ERROR_EXTERNAL_CANCEL
#define TEE_ERROR_EXTERNAL_CANCEL 0xFFFF0011
#endif
#ifndef TEE_ERROR_OVERFLOW
#define TEE_ERROR_OVERFLOW 0xFFFF300F
#endif
#ifndef TEE_ERROR_TARGET_DEAD
#define TEE_ERROR_TARGET_DEAD 0xFFFF3024
#endif
#ifndef TEE_ERROR_STORAGE_NO_SPACE
#define TEE_ERROR_STORAGE_NO_SPACE 0xFFFF3041
#endif
#ifndef TEE_ERROR_MAC_INVALID
#define TEE_ERROR_MAC_INVALID 0xFFFF3071
#endif
#ifndef TEE_ERROR_SIGNATURE_INVALID
#define TEE_ERROR_SIGNATURE_INVALID 0xFFFF3072
#endif
#ifndef TEE_ERROR_TIME_NOT_SET
#define TEE_ERROR_TIME_NOT_SET 0xFFFF5000
#endif
#ifndef TEE_ERROR_TIME_NEEDS_RESET
#define TEE_ERROR_TIME_NEEDS_RESET 0xFFFF5001
#endif

/* Where a returned error comes from (*returnOrigin). */
#define TEEC_ORIGIN_API 0x00000001	   /* this library */
#define TEEC_ORIGIN_COMMS 0x00000002	   /* the driver / transport */
#define TEEC_ORIGIN_TEE 0x00000003	   /* the Trusted OS */
#define TEEC_ORIGIN_TRUSTED_APP 0x00000004 /* the Trusted Application */

/* connectionMethod of TEEC_OpenSession(). */
#define TEEC_LOGIN_PUBLIC 0x00000000
#define TEEC_LOGIN_USER 0x00000001
#define TEEC_LOGIN_GROUP 0x00000002 /* connectionData: a uint32_t gid */
#define TEEC_LOGIN_APPLICATION 0x00000004
#define TEEC_LOGIN_USER_APPLICATION 0x00000005
#define TEEC_LOGIN_GROUP_APPLICATION 0x00000006

/* Builds paramTypes from four parameter types. */
#define TEEC_PARAM_TYPES(p0, p1, p2, p3)                                       \
	((p0) | ((p1) << 4) | ((p2) << 8) | ((p3) << 12))

/* The type of parameter i in paramTypes p. */
#define TEEC_PARAM_TYPE_GET(p, i) (((p) >> ((i)*4)) & 0xF)

typedef uint32_t TEEC_Result;

/* A connection to a TEE. Members are implementation defined. */
typedef struct {
	int fd;		  /* open /dev/teeN */
	bool reg_mem;	  /* the driver can register user memory */
	bool memref_null; /* the driver passes NULL memory references */
} TEEC_Context;

/* RFC 4122 UUID of a Trusted Application. */
typedef struct {
	uint32_t timeLow;
	uint16_t timeMid;
	uint16_t timeHiAndVersion;
	uint8_t clockSeqAndNode[8];
} TEEC_UUID;

/*
 * A block of memory shared with the TEE, either registered (the caller's
 * buffer) or allocated by the library. buffer, size and flags are set by
 * the caller (buffer by the library for allocated blocks); the rest is
 * implementation defined.
 */
typedef struct {
	void *buffer;
	size_t size;
	uint32_t flags; /* TEEC_MEM_INPUT and/or TEEC_MEM_OUTPUT */
	/* Implementation defined. */
	int id;		     /* driver's shared memory id, -1 if none */
	size_t alloced_size; /* bytes actually shared (size, or 8 for 0) */
	void *shadow_buffer; /* TEE-visible copy of buffer, if one is used */
	int registered_fd;   /* descriptor holding the registration, or -1 */
	union {
		bool dummy;
		uint8_t flags;
	} internal;
} TEEC_SharedMemory;

/* A buffer shared for the duration of one operation only. */
typedef struct {
	void *buffer; /* may be NULL with size 0 */
	size_t size;  /* updated on return for output directions */
} TEEC_TempMemoryReference;

/* All of (TEEC_MEMREF_WHOLE) or a part of a TEEC_SharedMemory block. */
typedef struct {
	TEEC_SharedMemory *parent;
	size_t size;
	size_t offset;
} TEEC_RegisteredMemoryReference;

/* Two 32-bit integers passed by value. */
typedef struct {
	uint32_t a;
	uint32_t b;
} TEEC_Value;

typedef union {
	TEEC_TempMemoryReference tmpref;
	TEEC_RegisteredMemoryReference memref;
	TEEC_Value value;
} TEEC_Parameter;

/* An open session with a Trusted Application. */
typedef struct {
	/* Implementation defined. */
	TEEC_Context *ctx;
	uint32_t session_id;
} TEEC_Session;

/*
 * The payload of TEEC_OpenSession() / TEEC_InvokeCommand().
 * started: set to 0 before each use if the operation may be cancelled;
 * the library sets it non-zero when the operation starts.
 */
typedef struct {
	uint32_t started;
	uint32_t paramTypes;
	TEEC_Parameter params[TEEC_CONFIG_PAYLOAD_REF_COUNT];
	/* Implementation defined: the session of the last invocation. */
	TEEC_Session *session;
} TEEC_Operation;

/*
 * Connects to a TEE. name: NULL (any GlobalPlatform TEE) or "optee-tz"
 * (an OP-TEE on TrustZone); any other name gives TEEC_ERROR_ITEM_NOT_FOUND.
 */
TEEC_Result TEEC_InitializeContext(const char *name, TEEC_Context *context);

/* Closes the connection; sessions and shared memory must be gone first. */
void TEEC_FinalizeContext(TEEC_Context *context);

/*
 * Opens a session with the Trusted Application destination.
 * connectionMethod: TEEC_LOGIN_PUBLIC, _USER or _GROUP (connectionData
 * points to the uint32_t gid); operation may be NULL. *returnOrigin (if
 * returnOrigin is not NULL) receives the origin of the result.
 */
TEEC_Result TEEC_OpenSession(TEEC_Context *context, TEEC_Session *session,
			     const TEEC_UUID *destination,
			     uint32_t connectionMethod,
			     const void *connectionData,
			     TEEC_Operation *operation, uint32_t *returnOrigin);

/* Closes a session opened with TEEC_OpenSession(). */
void TEEC_CloseSession(TEEC_Session *session);

/* Invokes command commandID of the session's Trusted Application. */
TEEC_Result TEEC_InvokeCommand(TEEC_Session *session, uint32_t commandID,
			       TEEC_Operation *operation,
			       uint32_t *returnOrigin);

/* Shares the caller's sharedMem->buffer of sharedMem->size bytes. */
TEEC_Result TEEC_RegisterSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem);

/* Allocates sharedMem->size bytes of shared memory into ->buffer. */
TEEC_Result TEEC_AllocateSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem);

/*
 * Releases a registered or allocated block. Does nothing for NULL or for a
 * block already released (a second release is harmless).
 */
void TEEC_ReleaseSharedMemory(TEEC_SharedMemory *sharedMemory);

/* Asks the TEE to cancel a pending open-session or invoke operation. */
void TEEC_RequestCancellation(TEEC_Operation *operation);

#ifdef __cplusplus
}
#endif

#endif /* TEE_CLIENT_API_H */
