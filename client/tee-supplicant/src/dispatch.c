/*
 * Request handlers on top of the decoded request (dispatch.h).
 */
#define _GNU_SOURCE
#include "dispatch.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "path.h"
#include "supp_proto.h"

/* A memref resolved to memory (ptr NULL: no memory behind it). */
struct mem {
	struct supp_shm *shm;
	uint8_t *ptr;
	size_t size;
};

/*
 * Resolves m. A NULL memref, or one whose id we never handed out, gives
 * ptr NULL (a size query for outputs); a range outside a known buffer is an
 * error.
 */
static uint32_t resolve(struct supp_ctx *ctx, const struct supp_memref *m,
			struct mem *out)
{
	bool known;

	memset(out, 0, sizeof(*out));
	if (m->size > SIZE_MAX)
		return TEEC_ERROR_BAD_PARAMETERS;
	out->size = (size_t)m->size;
	if (m->null)
		return TEEC_SUCCESS;
	out->shm = supp_shm_get(&ctx->shm, m->shm_id, m->offs, m->size,
				&known);
	if (!out->shm) {
		if (known) {
			WMSG("memref [%llu, +%llu) outside shm id %llu",
			     (unsigned long long)m->offs,
			     (unsigned long long)m->size,
			     (unsigned long long)m->shm_id);
			return TEEC_ERROR_BAD_PARAMETERS;
		}
		return TEEC_SUCCESS;
	}
	out->ptr = (uint8_t *)out->shm->ptr + m->offs;
	return TEEC_SUCCESS;
}

static void release(struct supp_ctx *ctx, struct mem *m)
{
	supp_shm_put(&ctx->shm, m->shm);
	m->shm = NULL;
	m->ptr = NULL;
}

/* A name memref → C string in name[SUPP_NAME_MAX + 1]. */
static uint32_t get_name(struct supp_ctx *ctx, const struct supp_memref *m,
			 char *name)
{
	struct mem mem;
	uint32_t res = resolve(ctx, m, &mem);

	if (!res && !mem.ptr)
		res = TEEC_ERROR_BAD_PARAMETERS; /* an input needs memory */
	if (!res)
		res = supp_name_from_buf(mem.ptr, mem.size, name);
	release(ctx, &mem);
	if (res)
		WMSG("FS: bad name memref");
	return res;
}

static uint32_t do_load_ta(struct supp_ctx *ctx, struct supp_request *req)
{
	struct supp_memref *m = &req->u.load_ta.ta;
	struct mem mem;
	uint32_t res = resolve(ctx, m, &mem);
	size_t size = mem.size;

	if (res)
		return res;
	res = supp_ta_load(&ctx->ta_dirs, req->u.load_ta.uuid, mem.ptr,
			   &size);
	if (res == TEEC_SUCCESS || res == TEEC_ERROR_SHORT_BUFFER)
		req->p[m->idx].b = size;
	release(ctx, &mem);
	return res;
}

static uint32_t do_rpmb(struct supp_ctx *ctx, struct supp_request *req)
{
	struct mem in, out;
	uint32_t res = resolve(ctx, &req->u.rpmb.req, &in);
	void *copy = NULL;

	if (res)
		return res;
	res = resolve(ctx, &req->u.rpmb.rsp, &out);
	if (!res && (!in.ptr || !out.ptr))
		res = TEEC_ERROR_BAD_PARAMETERS;
	/* Private copy: the response may overlap the request. */
	if (!res && !(copy = malloc(in.size ? in.size : 1)))
		res = TEEC_ERROR_OUT_OF_MEMORY;
	if (!res) {
		memcpy(copy, in.ptr, in.size);
		res = supp_rpmb_request(&ctx->rpmb, copy, in.size, out.ptr,
					out.size);
	}
	free(copy);
	release(ctx, &in);
	release(ctx, &out);
	return res;
}

static uint32_t fs_data(struct supp_ctx *ctx, struct supp_request *req)
{
	struct supp_memref *m = &req->u.fs.m1;
	struct mem mem;
	uint32_t res = resolve(ctx, m, &mem);
	size_t len = mem.size;

	if (res)
		return res;
	/* Moving data needs memory; READDIR without any is a size query. */
	if (!mem.ptr && mem.size && req->u.fs.op != SUPP_FS_READDIR) {
		release(ctx, &mem);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	switch (req->u.fs.op) {
	case SUPP_FS_READ:
		res = supp_fs_read(&ctx->fs, req->u.fs.handle, req->u.fs.arg,
				   mem.ptr, &len);
		req->p[m->idx].b = len;
		break;
	case SUPP_FS_WRITE:
		res = supp_fs_write(&ctx->fs, req->u.fs.handle, req->u.fs.arg,
				    mem.ptr, len);
		break;
	case SUPP_FS_READDIR:
		res = supp_fs_readdir(&ctx->fs, req->u.fs.handle,
				      (char *)mem.ptr, &len);
		if (res == TEEC_SUCCESS || res == TEEC_ERROR_SHORT_BUFFER)
			req->p[m->idx].b = len;
		break;
	}
	release(ctx, &mem);
	return res;
}

static uint32_t do_fs(struct supp_ctx *ctx, struct supp_request *req)
{
	char name[SUPP_NAME_MAX + 1], name2[SUPP_NAME_MAX + 1];
	uint64_t handle = 0;
	uint32_t res;

	switch (req->u.fs.op) {
	case SUPP_FS_OPEN:
	case SUPP_FS_CREATE:
	case SUPP_FS_OPENDIR:
		res = get_name(ctx, &req->u.fs.m1, name);
		if (res)
			return res;
		if (req->u.fs.op == SUPP_FS_OPENDIR)
			res = supp_fs_opendir(&ctx->fs, name, &handle);
		else
			res = supp_fs_open(&ctx->fs, name,
					   req->u.fs.op == SUPP_FS_CREATE,
					   &handle);
		if (!res)
			req->p[2].a = handle;
		return res;
	case SUPP_FS_CLOSE:
		return supp_fs_close(&ctx->fs, req->u.fs.handle);
	case SUPP_FS_CLOSEDIR:
		return supp_fs_closedir(&ctx->fs, req->u.fs.handle);
	case SUPP_FS_TRUNCATE:
		return supp_fs_truncate(&ctx->fs, req->u.fs.handle,
					req->u.fs.arg);
	case SUPP_FS_READ:
	case SUPP_FS_WRITE:
	case SUPP_FS_READDIR:
		return fs_data(ctx, req);
	case SUPP_FS_REMOVE:
		res = get_name(ctx, &req->u.fs.m1, name);
		return res ? res : supp_fs_remove(&ctx->fs, name);
	case SUPP_FS_RENAME:
		res = get_name(ctx, &req->u.fs.m1, name);
		if (!res)
			res = get_name(ctx, &req->u.fs.m2, name2);
		return res ? res
			   : supp_fs_rename(&ctx->fs, name, name2,
					    req->u.fs.overwrite);
	default:
		return TEEC_ERROR_BAD_PARAMETERS;
	}
}

uint32_t supp_dispatch(struct supp_ctx *ctx, struct supp_request *req)
{
	uint32_t res;
	int id;

	switch (req->kind) {
	case SUPP_REQ_LOAD_TA:
		return do_load_ta(ctx, req);
	case SUPP_REQ_RPMB:
		return do_rpmb(ctx, req);
	case SUPP_REQ_FS:
		return do_fs(ctx, req);
	case SUPP_REQ_SHM_ALLOC:
		res = supp_shm_alloc(&ctx->shm, (size_t)req->u.shm_alloc.size,
				     &id);
		if (!res)
			req->p[0].c = (uint64_t)id;
		return res;
	case SUPP_REQ_SHM_FREE:
		return supp_shm_free(&ctx->shm, req->u.shm_free.id);
	default:
		return TEEC_ERROR_NOT_SUPPORTED;
	}
}
