/*
 * Request decoding (pure, no I/O): turns what TEE_IOC_SUPPL_RECV returned
 * into a validated struct supp_request, and builds the TEE_IOC_SUPPL_SEND
 * argument from it. Every shape rule of optee-compat.md §3 lives here, so
 * the handlers only ever see well-formed requests.
 */
#ifndef SUPP_REQUEST_H
#define SUPP_REQUEST_H

#include <linux/tee.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parameter slots offered to the kernel per RECV, the meta slot included. */
#define SUPP_RECV_SLOTS 16
#define SUPP_MAX_REQ_PARAMS (SUPP_RECV_SLOTS - 1)
/* Size of the RECV/SEND argument buffers (header + all slots). */
#define SUPP_ARG_SIZE (sizeof(struct tee_iocl_supp_recv_arg) + \
		       SUPP_RECV_SLOTS * sizeof(struct tee_ioctl_param))

/* Largest SHM_ALLOC served (a TA image is the biggest user). */
#define SUPP_SHM_MAX_SIZE (64u * 1024 * 1024)

/*
 * Returned by supp_request_decode when the request cannot even be answered
 * (no valid meta parameter carrying the request id). Not a TEEC code.
 */
#define SUPP_DECODE_NO_REPLY 1u

struct supp_memref {
	uint8_t idx;     /* index into supp_request.p */
	bool null;       /* no shared memory behind it (id = TEE_MEMREF_NULL) */
	uint64_t shm_id; /* TEE_IOC_SHM_ALLOC/REGISTER id */
	uint64_t offs;   /* offset into that shared memory */
	uint64_t size;
};

enum supp_req_kind {
	SUPP_REQ_UNSUPPORTED,
	SUPP_REQ_LOAD_TA,
	SUPP_REQ_RPMB,
	SUPP_REQ_FS,
	SUPP_REQ_SHM_ALLOC,
	SUPP_REQ_SHM_FREE,
};

struct supp_request {
	uint32_t func;                /* OPTEE_RPC_CMD_* */
	struct tee_ioctl_param meta;  /* echoed back: carries the request id */
	uint32_t num_params;          /* request params, meta excluded */
	struct tee_ioctl_param p[SUPP_MAX_REQ_PARAMS]; /* updated, sent back */
	enum supp_req_kind kind;
	union {
		struct {
			uint8_t uuid[16]; /* RFC 4122 octet order */
			struct supp_memref ta;
		} load_ta;
		struct {
			struct supp_memref req, rsp;
		} rpmb;
		struct {
			uint32_t op;      /* SUPP_FS_* */
			uint64_t handle;  /* value[0].b */
			uint64_t arg;     /* value[0].c: offset or new length */
			bool overwrite;   /* RENAME: value[0].b != 0 */
			struct supp_memref m1, m2; /* name(s) or data */
		} fs;
		struct {
			uint64_t size;
		} shm_alloc;
		struct {
			uint64_t id;
		} shm_free;
	} u;
};

/*
 * Decodes len bytes received by TEE_IOC_SUPPL_RECV (a struct
 * tee_iocl_supp_recv_arg and its params; any alignment). Returns
 * TEEC_SUCCESS (req is ready for dispatch), another TEEC code to answer
 * with straight away (req->meta/num_params/p are valid for the reply), or
 * SUPP_DECODE_NO_REPLY.
 */
uint32_t supp_request_decode(const void *buf, size_t len,
			     struct supp_request *req);

/*
 * Writes the TEE_IOC_SUPPL_SEND argument for req with result ret into
 * buf[0..cap). Returns its length, or 0 if cap is too small.
 */
size_t supp_reply_encode(const struct supp_request *req, uint32_t ret,
			 void *buf, size_t cap);

/* Name of an OPTEE_RPC_CMD_* / FS sub-op, for logs. */
const char *supp_cmd_name(uint32_t func);
const char *supp_fs_op_name(uint32_t op);

#endif
