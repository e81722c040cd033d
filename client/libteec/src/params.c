// SPDX-License-Identifier: BSD-2-Clause
/*
 * Operation parameters: TEEC_Operation to the driver's four
 * struct tee_ioctl_param and back.
 *
 * Memory references in the ioctl are (a = offset, b = size, c = shm id),
 * c = TEE_MEMREF_NULL for a NULL buffer. The GP parameter type numbers of
 * values (1..3) and temporary memrefs (5..7) are also the ioctl's attrs.
 *
 * Checks done here, all TEEC_ERROR_BAD_PARAMETERS with origin API:
 * an unknown parameter type; a temporary memref with a NULL buffer and a
 * non-zero size; a registered memref without a live parent block; WHOLE on
 * a block with neither direction flag; PARTIAL_INPUT / _OUTPUT / _INOUT on
 * a block lacking TEEC_MEM_INPUT / TEEC_MEM_OUTPUT / both; a partial range
 * (offset, size) that overflows or ends beyond the block's size.
 *
 * After the call every output size the driver returns is written back
 * (temp and partial: size; WHOLE: memref.size), also when the TEE returned
 * an error (TEEC_ERROR_SHORT_BUFFER reports the size needed that way);
 * data is copied out of a shadow buffer only if it fits the caller's range.
 *
 * A shadow buffer gets the referenced bytes before every call, output-only
 * ones included: bytes the TEE does not write then come back unchanged,
 * exactly as with registered (zero-copy) memory.
 */
#include "teec_private.h"

#include <string.h>

static uint32_t temp_dir_flags(uint32_t type)
{
	switch (type) {
	case TEEC_MEMREF_TEMP_INPUT:
		return TEEC_MEM_INPUT;
	case TEEC_MEMREF_TEMP_OUTPUT:
		return TEEC_MEM_OUTPUT;
	default:
		return TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	}
}

static uint64_t memref_attr(uint32_t dir_flags)
{
	switch (dir_flags & (TEEC_MEM_INPUT | TEEC_MEM_OUTPUT)) {
	case TEEC_MEM_INPUT:
		return TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT;
	case TEEC_MEM_OUTPUT:
		return TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT;
	default:
		return TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT;
	}
}

static TEEC_Result temp_in(TEEC_Context *ctx, uint32_t type,
			   const TEEC_TempMemoryReference *t,
			   struct tee_ioctl_param *p, TEEC_SharedMemory *shm)
{
	uint32_t dir = temp_dir_flags(type);
	TEEC_Result res;

	p->attr = memref_attr(dir);
	p->a = 0;
	p->b = t->size;
	if (!t->buffer) {
		if (t->size)
			return TEEC_ERROR_BAD_PARAMETERS;
		if (ctx->memref_null) {
			p->c = TEE_MEMREF_NULL;
			return TEEC_SUCCESS;
		}
		/* The driver needs some memory: a small dummy block. */
		shm->size = 0;
		shm->flags = dir;
		res = rteec_shm_map_new(ctx->fd, RTEEC_MIN_SHM_SIZE,
					&shm->shadow_buffer, &shm->id);
		if (res != TEEC_SUCCESS)
			return res;
		shm->alloced_size = RTEEC_MIN_SHM_SIZE;
		shm->internal.flags = RTEEC_SHM_LIVE | RTEEC_SHM_SHADOW;
		p->c = (uint64_t)shm->id;
		return TEEC_SUCCESS;
	}
	shm->buffer = t->buffer;
	shm->size = t->size;
	shm->flags = dir;
	res = rteec_shm_register(ctx, shm);
	if (res != TEEC_SUCCESS)
		return res;
	if (shm->shadow_buffer)
		memcpy(shm->shadow_buffer, t->buffer, t->size);
	p->c = (uint64_t)shm->id;
	return TEEC_SUCCESS;
}

static TEEC_Result whole_in(const TEEC_RegisteredMemoryReference *m,
			    struct tee_ioctl_param *p)
{
	const TEEC_SharedMemory *shm = m->parent;
	uint32_t dir;

	if (!shm || !rteec_shm_is_live(shm))
		return TEEC_ERROR_BAD_PARAMETERS;
	dir = shm->flags & (TEEC_MEM_INPUT | TEEC_MEM_OUTPUT);
	if (!dir)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (shm->shadow_buffer && shm->buffer)
		memcpy(shm->shadow_buffer, shm->buffer, shm->size);
	p->attr = memref_attr(dir);
	p->a = 0;
	p->b = shm->size;
	p->c = (uint64_t)shm->id;
	return TEEC_SUCCESS;
}

static TEEC_Result partial_in(uint32_t type,
			      const TEEC_RegisteredMemoryReference *m,
			      struct tee_ioctl_param *p)
{
	const TEEC_SharedMemory *shm = m->parent;
	uint32_t need;

	switch (type) {
	case TEEC_MEMREF_PARTIAL_INPUT:
		need = TEEC_MEM_INPUT;
		break;
	case TEEC_MEMREF_PARTIAL_OUTPUT:
		need = TEEC_MEM_OUTPUT;
		break;
	default:
		need = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
		break;
	}
	if (!shm || !rteec_shm_is_live(shm))
		return TEEC_ERROR_BAD_PARAMETERS;
	if ((shm->flags & need) != need)
		return TEEC_ERROR_BAD_PARAMETERS;
	/* offset + size <= block size, without overflowing. */
	if (m->offset > shm->size || m->size > shm->size - m->offset)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (shm->shadow_buffer && shm->buffer)
		memcpy((uint8_t *)shm->shadow_buffer + m->offset,
		       (const uint8_t *)shm->buffer + m->offset, m->size);
	p->attr = memref_attr(need);
	p->a = m->offset;
	p->b = m->size;
	p->c = (uint64_t)shm->id;
	return TEEC_SUCCESS;
}

TEEC_Result rteec_params_in(TEEC_Context *ctx, TEEC_Operation *op,
			    struct rteec_params *rp)
{
	TEEC_Result res = TEEC_SUCCESS;

	memset(rp->p, 0, sizeof(rp->p));
	for (int n = 0; n < RTEEC_NPARAMS; n++)
		rteec_shm_reset(&rp->tmp[n]);
	if (!op)
		return TEEC_SUCCESS;
	for (int n = 0; n < RTEEC_NPARAMS && res == TEEC_SUCCESS; n++) {
		uint32_t type = TEEC_PARAM_TYPE_GET(op->paramTypes, n);
		TEEC_Parameter *gp = &op->params[n];
		struct tee_ioctl_param *p = &rp->p[n];

		switch (type) {
		case TEEC_NONE:
			p->attr = TEE_IOCTL_PARAM_ATTR_TYPE_NONE;
			break;
		case TEEC_VALUE_INPUT:
		case TEEC_VALUE_OUTPUT:
		case TEEC_VALUE_INOUT:
			p->attr = type;
			p->a = gp->value.a;
			p->b = gp->value.b;
			break;
		case TEEC_MEMREF_TEMP_INPUT:
		case TEEC_MEMREF_TEMP_OUTPUT:
		case TEEC_MEMREF_TEMP_INOUT:
			res = temp_in(ctx, type, &gp->tmpref, p, &rp->tmp[n]);
			break;
		case TEEC_MEMREF_WHOLE:
			res = whole_in(&gp->memref, p);
			break;
		case TEEC_MEMREF_PARTIAL_INPUT:
		case TEEC_MEMREF_PARTIAL_OUTPUT:
		case TEEC_MEMREF_PARTIAL_INOUT:
			res = partial_in(type, &gp->memref, p);
			break;
		default:
			rteec_log(RTEEC_LOG_ERROR,
				  "parameter %d: unknown type "
				  "0x%x",
				  n, type);
			res = TEEC_ERROR_BAD_PARAMETERS;
			break;
		}
		if (res != TEEC_SUCCESS)
			rteec_log(RTEEC_LOG_ERROR,
				  "parameter %d (type 0x%x) "
				  "refused: 0x%08x",
				  n, type, res);
	}
	if (res != TEEC_SUCCESS)
		rteec_params_release(rp);
	return res;
}

static void temp_out(TEEC_TempMemoryReference *t,
		     const struct tee_ioctl_param *p,
		     const TEEC_SharedMemory *shm)
{
	size_t n = (size_t)p->b;

	if (t->buffer && shm->shadow_buffer && n <= t->size)
		memcpy(t->buffer, shm->shadow_buffer, n);
	t->size = n;
}

static void whole_out(TEEC_RegisteredMemoryReference *m,
		      const struct tee_ioctl_param *p)
{
	TEEC_SharedMemory *shm = m->parent;
	size_t n = (size_t)p->b;

	if (!(shm->flags & TEEC_MEM_OUTPUT))
		return;
	if (shm->shadow_buffer && shm->buffer && n <= shm->size)
		memcpy(shm->buffer, shm->shadow_buffer, n);
	m->size = n;
}

static void partial_out(TEEC_RegisteredMemoryReference *m,
			const struct tee_ioctl_param *p)
{
	TEEC_SharedMemory *shm = m->parent;
	size_t n = (size_t)p->b;

	if (shm->shadow_buffer && shm->buffer && n <= m->size)
		memcpy((uint8_t *)shm->buffer + m->offset,
		       (const uint8_t *)shm->shadow_buffer + m->offset, n);
	m->size = n;
}

void rteec_params_out(TEEC_Operation *op, struct rteec_params *rp)
{
	if (!op)
		return;
	for (int n = 0; n < RTEEC_NPARAMS; n++) {
		uint32_t type = TEEC_PARAM_TYPE_GET(op->paramTypes, n);
		TEEC_Parameter *gp = &op->params[n];
		const struct tee_ioctl_param *p = &rp->p[n];

		switch (type) {
		case TEEC_VALUE_OUTPUT:
		case TEEC_VALUE_INOUT:
			gp->value.a = (uint32_t)p->a;
			gp->value.b = (uint32_t)p->b;
			break;
		case TEEC_MEMREF_TEMP_OUTPUT:
		case TEEC_MEMREF_TEMP_INOUT:
			temp_out(&gp->tmpref, p, &rp->tmp[n]);
			break;
		case TEEC_MEMREF_WHOLE:
			whole_out(&gp->memref, p);
			break;
		case TEEC_MEMREF_PARTIAL_OUTPUT:
		case TEEC_MEMREF_PARTIAL_INOUT:
			partial_out(&gp->memref, p);
			break;
		default:
			break;
		}
	}
}

void rteec_params_release(struct rteec_params *rp)
{
	for (int n = 0; n < RTEEC_NPARAMS; n++)
		rteec_shm_release(&rp->tmp[n]);
}
