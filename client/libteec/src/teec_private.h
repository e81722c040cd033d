/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internals shared by the libteec sources. Everything here has hidden
 * visibility in the shared library; the names carry an rteec_ prefix so
 * they cannot clash with a program's own symbols when linked statically.
 */
#ifndef RTEEC_PRIVATE_H
#define RTEEC_PRIVATE_H

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <linux/tee.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_client_api.h>
#include <tee_client_api_extensions.h>

/* Marks the functions of the public API; all else stays hidden. */
#define RTEEC_API __attribute__((visibility("default")))

#define RTEEC_NPARAMS TEEC_CONFIG_PAYLOAD_REF_COUNT

/* Zero-size shared memory still shares this many bytes (as 3.19 does). */
#define RTEEC_MIN_SHM_SIZE 8

/*
 * TEEC_SharedMemory.internal.flags: what this library set up and so must
 * undo on release. A block without RTEEC_SHM_LIVE is not ours (never
 * registered, or already released) and release leaves it alone.
 */
#define RTEEC_SHM_MAPPED 0x01u /* buffer: our mmap of alloced_size bytes */
#define RTEEC_SHM_SHADOW 0x02u /* shadow_buffer: our mmap, alloced_size */
#define RTEEC_SHM_FD 0x04u     /* registered_fd: ours to close */
#define RTEEC_SHM_LIVE 0x80u   /* registered/allocated, not yet released */

/*
 * TEEC_Operation.started, beyond "0 = not started" and "1 = started":
 * TEEC_RequestCancellation() on an operation not started yet leaves this
 * mark, and the call that then starts with it returns TEEC_ERROR_CANCEL
 * without reaching the TEE.
 */
#define RTEEC_STARTED 1u
#define RTEEC_CANCELLED_BEFORE_START 0xCA9CE1EDu

/* ---- log.c: diagnostics on stderr, only if TEEC_LOG_LEVEL asks --------- */
#define RTEEC_LOG_ERROR 1
#define RTEEC_LOG_INFO 2
#define RTEEC_LOG_DEBUG 3
void rteec_log(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- context.c ------------------------------------------------------------
 */
/* Result for an ioctl that failed with errno e (origin COMMS). */
TEEC_Result rteec_errno_result(int e);

/* ---- shm.c ----------------------------------------------------------------
 */
/* New driver shared memory of len bytes, mapped: *buf, *id. */
TEEC_Result rteec_shm_map_new(int ctx_fd, size_t len, void **buf, int *id);
/* TEEC_RegisterSharedMemory() without the exported entry point. */
TEEC_Result rteec_shm_register(TEEC_Context *ctx, TEEC_SharedMemory *shm);
/* TEEC_ReleaseSharedMemory() without the exported entry point. */
void rteec_shm_release(TEEC_SharedMemory *shm);
/* An empty, not-live block (what release leaves behind). */
void rteec_shm_reset(TEEC_SharedMemory *shm);
static inline bool rteec_shm_is_live(const TEEC_SharedMemory *shm)
{
	return (shm->internal.flags & RTEEC_SHM_LIVE) && shm->id != -1;
}

/* ---- params.c: TEEC_Operation <-> struct tee_ioctl_param[4] -------------- */
struct rteec_params {
	struct tee_ioctl_param p[RTEEC_NPARAMS];
	TEEC_SharedMemory tmp[RTEEC_NPARAMS]; /* temp memrefs' shared memory */
};
/* Fills rp from op (NULL: no parameters); TEEC_ERROR_* with origin API. */
TEEC_Result rteec_params_in(TEEC_Context *ctx, TEEC_Operation *op,
			    struct rteec_params *rp);
/* Writes the outputs back into op (after the ioctl, even on TEE error). */
void rteec_params_out(TEEC_Operation *op, struct rteec_params *rp);
/* Releases the temp memrefs' shared memory. */
void rteec_params_release(struct rteec_params *rp);

/* ---- cancel.c: operations in flight, for TEEC_RequestCancellation() ------ */
struct rteec_pending {
	struct rteec_pending *next;
	TEEC_Operation *op;
	int fd;
	uint32_t session_id; /* 0 while opening a session */
	uint32_t cancel_id;
	bool cancel_requested;
};
/*
 * Registers op (may be NULL) as in flight on fd / session_id and picks its
 * cancel id. TEEC_ERROR_CANCEL if it was cancelled before it started.
 */
TEEC_Result rteec_op_begin(struct rteec_pending *pd, TEEC_Operation *op,
			   TEEC_Session *session, int fd, uint32_t session_id);
/* Whether a cancellation has been requested since rteec_op_begin(). */
bool rteec_op_cancel_requested(struct rteec_pending *pd);
/* Done: op leaves the in-flight list. */
void rteec_op_end(struct rteec_pending *pd);

#endif /* RTEEC_PRIVATE_H */
