/*
 * Decoding and validation of supplicant requests (request.h).
 */
#include "request.h"

#include <string.h>

#include "supp_proto.h"

#define T_NONE TEE_IOCTL_PARAM_ATTR_TYPE_NONE
#define T_VIN TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT
#define T_VOUT TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT
#define T_VINOUT TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT
#define T_MIN TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT
#define T_MOUT TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT
#define T_MINOUT TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT

#define HDR_SIZE sizeof(struct tee_iocl_supp_recv_arg)
#define PARAM_SIZE sizeof(struct tee_ioctl_param)

static bool value_in(const struct tee_ioctl_param *p)
{
	return p->attr == T_VIN || p->attr == T_VINOUT;
}

static bool value_out(const struct tee_ioctl_param *p)
{
	return p->attr == T_VOUT || p->attr == T_VINOUT;
}

static bool mem_in(const struct tee_ioctl_param *p)
{
	return p->attr == T_MIN || p->attr == T_MINOUT;
}

static bool mem_out(const struct tee_ioctl_param *p)
{
	return p->attr == T_MOUT || p->attr == T_MINOUT;
}

static bool valid_type(uint64_t attr)
{
	switch (attr) {
	case T_NONE:
	case T_VIN:
	case T_VOUT:
	case T_VINOUT:
	case T_MIN:
	case T_MOUT:
	case T_MINOUT:
		return true;
	default: /* unknown types, META or any other bit in a request param */
		return false;
	}
}

/* Fills m from p[idx] (a memref); false if its range overflows. */
static bool get_memref(const struct supp_request *req, unsigned idx,
		       struct supp_memref *m)
{
	const struct tee_ioctl_param *p = &req->p[idx];

	m->idx = (uint8_t)idx;
	m->null = p->c == TEE_MEMREF_NULL;
	m->shm_id = p->c;
	m->offs = m->null ? 0 : p->a;
	m->size = p->b;
	return m->null || m->offs + m->size >= m->offs;
}

/* A memref carrying a name: present and at least one byte (the NUL). */
static bool get_name(const struct supp_request *req, unsigned idx,
		     struct supp_memref *m)
{
	return mem_in(&req->p[idx]) && get_memref(req, idx, m) && !m->null &&
	       m->size > 0;
}

static uint32_t decode_fs(struct supp_request *req)
{
	const struct tee_ioctl_param *p = req->p;
	uint32_t n = req->num_params;
	bool ok;

	if (n < 1 || !value_in(&p[0]) || p[0].a > UINT32_MAX)
		return TEEC_ERROR_BAD_PARAMETERS;
	req->u.fs.op = (uint32_t)p[0].a;
	req->u.fs.handle = p[0].b;
	req->u.fs.arg = p[0].c;
	req->u.fs.overwrite = p[0].b != 0;

	switch (req->u.fs.op) {
	case SUPP_FS_OPEN:
	case SUPP_FS_CREATE:
	case SUPP_FS_OPENDIR:
		ok = n == 3 && get_name(req, 1, &req->u.fs.m1) &&
		     value_out(&p[2]);
		break;
	case SUPP_FS_CLOSE:
	case SUPP_FS_TRUNCATE:
	case SUPP_FS_CLOSEDIR:
		ok = n == 1;
		break;
	case SUPP_FS_READ:
	case SUPP_FS_READDIR:
		ok = n == 2 && mem_out(&p[1]) &&
		     get_memref(req, 1, &req->u.fs.m1);
		break;
	case SUPP_FS_WRITE:
		ok = n == 2 && mem_in(&p[1]) &&
		     get_memref(req, 1, &req->u.fs.m1);
		break;
	case SUPP_FS_REMOVE:
		ok = n == 2 && get_name(req, 1, &req->u.fs.m1);
		break;
	case SUPP_FS_RENAME:
		ok = n == 3 && get_name(req, 1, &req->u.fs.m1) &&
		     get_name(req, 2, &req->u.fs.m2);
		break;
	default:
		ok = false;
		break;
	}
	return ok ? TEEC_SUCCESS : TEEC_ERROR_BAD_PARAMETERS;
}

static uint32_t decode_kind(struct supp_request *req)
{
	const struct tee_ioctl_param *p = req->p;
	uint32_t n = req->num_params;

	switch (req->func) {
	case SUPP_CMD_LOAD_TA:
		req->kind = SUPP_REQ_LOAD_TA;
		if (n != 2 || !value_in(&p[0]) || !mem_out(&p[1]) ||
		    !get_memref(req, 1, &req->u.load_ta.ta))
			return TEEC_ERROR_BAD_PARAMETERS;
		/* value.a/.b hold the 16 octets in memory order (LE words). */
		for (int i = 0; i < 8; i++) {
			req->u.load_ta.uuid[i] = (uint8_t)(p[0].a >> (8 * i));
			req->u.load_ta.uuid[8 + i] =
				(uint8_t)(p[0].b >> (8 * i));
		}
		return TEEC_SUCCESS;
	case SUPP_CMD_RPMB:
		req->kind = SUPP_REQ_RPMB;
		if (n != 2 || !mem_in(&p[0]) || !mem_out(&p[1]) ||
		    !get_memref(req, 0, &req->u.rpmb.req) ||
		    !get_memref(req, 1, &req->u.rpmb.rsp) ||
		    req->u.rpmb.req.null || req->u.rpmb.rsp.null)
			return TEEC_ERROR_BAD_PARAMETERS;
		return TEEC_SUCCESS;
	case SUPP_CMD_FS:
		req->kind = SUPP_REQ_FS;
		return decode_fs(req);
	case SUPP_CMD_SHM_ALLOC:
		req->kind = SUPP_REQ_SHM_ALLOC;
		if (n != 1 || p[0].attr != T_VINOUT ||
		    p[0].a != SUPP_SHM_TYPE_APPL || !p[0].b)
			return TEEC_ERROR_BAD_PARAMETERS;
		if (p[0].b > SUPP_SHM_MAX_SIZE)
			return TEEC_ERROR_OUT_OF_MEMORY;
		req->u.shm_alloc.size = p[0].b;
		return TEEC_SUCCESS;
	case SUPP_CMD_SHM_FREE:
		req->kind = SUPP_REQ_SHM_FREE;
		if (n != 1 || !value_in(&p[0]) ||
		    p[0].a != SUPP_SHM_TYPE_APPL)
			return TEEC_ERROR_BAD_PARAMETERS;
		req->u.shm_free.id = p[0].b;
		return TEEC_SUCCESS;
	default:
		req->kind = SUPP_REQ_UNSUPPORTED;
		return TEEC_ERROR_NOT_SUPPORTED;
	}
}

uint32_t supp_request_decode(const void *buf, size_t len,
			     struct supp_request *req)
{
	const uint8_t *b = buf;
	struct tee_iocl_supp_recv_arg hdr;

	memset(req, 0, sizeof(*req));
	if (!buf || len < HDR_SIZE + PARAM_SIZE)
		return SUPP_DECODE_NO_REPLY;
	memcpy(&hdr, b, HDR_SIZE);
	if (hdr.num_params < 1 || hdr.num_params > SUPP_RECV_SLOTS ||
	    hdr.num_params > (len - HDR_SIZE) / PARAM_SIZE)
		return SUPP_DECODE_NO_REPLY;
	memcpy(&req->meta, b + HDR_SIZE, PARAM_SIZE);
	/* We always ask for asynchronous mode, so the kernel sends a meta. */
	if (req->meta.attr !=
	    (TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT | TEE_IOCTL_PARAM_ATTR_META))
		return SUPP_DECODE_NO_REPLY;
	req->func = hdr.func;
	req->num_params = hdr.num_params - 1;
	memcpy(req->p, b + HDR_SIZE + PARAM_SIZE,
	       req->num_params * PARAM_SIZE);

	if (req->func != SUPP_CMD_LOAD_TA && req->func != SUPP_CMD_RPMB &&
	    req->func != SUPP_CMD_FS && req->func != SUPP_CMD_SHM_ALLOC &&
	    req->func != SUPP_CMD_SHM_FREE) {
		req->kind = SUPP_REQ_UNSUPPORTED;
		return TEEC_ERROR_NOT_SUPPORTED;
	}
	for (uint32_t i = 0; i < req->num_params; i++)
		if (!valid_type(req->p[i].attr))
			return TEEC_ERROR_BAD_PARAMETERS;
	return decode_kind(req);
}

size_t supp_reply_encode(const struct supp_request *req, uint32_t ret,
			 void *buf, size_t cap)
{
	struct tee_iocl_supp_send_arg hdr = {
		.ret = ret,
		.num_params = req->num_params + 1,
	};
	size_t len = HDR_SIZE + (size_t)hdr.num_params * PARAM_SIZE;
	uint8_t *b = buf;

	if (req->num_params > SUPP_MAX_REQ_PARAMS || len > cap)
		return 0;
	memcpy(b, &hdr, HDR_SIZE);
	memcpy(b + HDR_SIZE, &req->meta, PARAM_SIZE);
	memcpy(b + HDR_SIZE + PARAM_SIZE, req->p,
	       req->num_params * PARAM_SIZE);
	return len;
}

const char *supp_cmd_name(uint32_t func)
{
	static const char *const names[] = {
		"LOAD_TA", "RPMB", "FS", "GET_TIME", "NOTIFICATION", "SUSPEND",
		"SHM_ALLOC", "SHM_FREE", "SQL_FS", "GPROF", "SOCKET", "FTRACE",
		"PLUGIN",
	};

	if (func < sizeof(names) / sizeof(names[0]))
		return names[func];
	return func == SUPP_CMD_BENCH_REG ? "BENCH_REG" : "unknown";
}

const char *supp_fs_op_name(uint32_t op)
{
	static const char *const names[] = {
		"OPEN", "CREATE", "CLOSE", "READ", "WRITE", "TRUNCATE",
		"REMOVE", "RENAME", "OPENDIR", "CLOSEDIR", "READDIR",
	};

	return op < sizeof(names) / sizeof(names[0]) ? names[op] : "unknown";
}
