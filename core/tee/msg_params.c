/* OP-TEE message parameters <-> TA parameters. */
#include <mm/heap.h>
#include <rampart/plat.h>
#include <string.h>
#include <tee/shm.h>
#include <tee/tee_param.h>

static bool is_memref(uint32_t type)
{
	return type >= TEE_PARAM_TYPE_MEMREF_INPUT;
}

static bool is_output(uint32_t type)
{
	return type == TEE_PARAM_TYPE_VALUE_OUTPUT ||
	       type == TEE_PARAM_TYPE_VALUE_INOUT ||
	       type == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       type == TEE_PARAM_TYPE_MEMREF_INOUT;
}

void msg_params_release(struct tee_call_params *cp)
{
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		free(cp->mem[i].bounce);
		cp->mem[i].bounce = NULL;
		if (cp->mem[i].ref)
			shm_put(cp->mem[i].ref);
		cp->mem[i].ref = NULL;
	}
}

/* Message attr -> GP type, or -1 if the attr is not a valid TA param. */
static int attr_to_type(uint64_t attr)
{
	uint64_t flags = attr & ~(uint64_t)OPTEE_MSG_ATTR_TYPE_MASK;

	/* Only the predefined cache attribute (0) and no META on TA params. */
	if (flags)
		return -1;
	switch (attr & OPTEE_MSG_ATTR_TYPE_MASK) {
	case OPTEE_MSG_ATTR_TYPE_NONE:
		return TEE_PARAM_TYPE_NONE;
	case OPTEE_MSG_ATTR_TYPE_VALUE_INPUT:
	case OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_VALUE_INOUT:
		return (int)(attr & OPTEE_MSG_ATTR_TYPE_MASK);
	case OPTEE_MSG_ATTR_TYPE_RMEM_INPUT:
	case OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_RMEM_INOUT:
		return (int)(attr & OPTEE_MSG_ATTR_TYPE_MASK);
	case OPTEE_MSG_ATTR_TYPE_TMEM_INPUT:
	case OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_TMEM_INOUT:
		return (int)(attr & OPTEE_MSG_ATTR_TYPE_MASK) - 4;
	default:
		return -1;
	}
}

static TEE_Result resolve_memref(const struct optee_msg_param *m,
				 struct tee_call_params *cp, int i)
{
	uint64_t type = m->attr & OPTEE_MSG_ATTR_TYPE_MASK;
	uint64_t size = m->u.rmem.size, end;

	cp->mem[i].size = size;
	if (type >= OPTEE_MSG_ATTR_TYPE_TMEM_INPUT) {
		/* A NULL memref: no buffer, but the size still counts. */
		if (!m->u.tmem.buf_ptr) {
			cp->mem[i].ns = (struct ns_buf){ 0 };
			return TEE_SUCCESS;
		}
		if (size && !plat_is_ns_dram(m->u.tmem.buf_ptr, size))
			return TEE_ERROR_BAD_PARAMETERS;
		cp->mem[i].ns = (struct ns_buf){ .pa = m->u.tmem.buf_ptr,
						 .size = size };
		return TEE_SUCCESS;
	}
	cp->mem[i].ref = shm_get(m->u.rmem.shm_ref);
	if (!cp->mem[i].ref)
		return TEE_ERROR_BAD_PARAMETERS;
	if (ADD_OVERFLOW(m->u.rmem.offs, size, &end) ||
	    end > cp->mem[i].ref->size)
		return TEE_ERROR_SECURITY;
	cp->mem[i].ns = (struct ns_buf){ .shm = cp->mem[i].ref,
					 .offs = m->u.rmem.offs,
					 .size = size };
	return TEE_SUCCESS;
}

TEE_Result msg_params_decode(const struct optee_msg_param *mp, size_t n,
			     struct tee_call_params *cp)
{
	TEE_Result res = TEE_SUCCESS;

	memset(cp, 0, sizeof(*cp));
	if (n > TEE_NUM_PARAMS)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < n; i++) {
		int type = attr_to_type(mp[i].attr);

		if (type < 0)
			return TEE_ERROR_BAD_PARAMETERS;
		cp->types |= (uint32_t)type << (4 * i);
	}
	for (size_t i = 0; i < n && !res; i++) {
		uint32_t type = TEE_PARAM_TYPE_GET(cp->types, i);

		if (type == TEE_PARAM_TYPE_NONE)
			continue;
		if (!is_memref(type)) {
			/* GP values are 32-bit: the upper halves are dropped. */
			cp->p[i].value.a = (uint32_t)mp[i].u.value.a;
			cp->p[i].value.b = (uint32_t)mp[i].u.value.b;
			continue;
		}
		res = resolve_memref(&mp[i], cp, (int)i);
		if (res)
			break;
		if (cp->mem[i].size > TEE_PARAM_MAX_MEMREF) {
			res = TEE_ERROR_OUT_OF_MEMORY;
			break;
		}
		cp->p[i].memref.size = cp->mem[i].size;
		if (!cp->mem[i].ns.size && !cp->mem[i].ns.shm &&
		    !cp->mem[i].ns.pa)
			continue; /* NULL memref: buffer stays NULL */
		/* Output buffers start zeroed: no stale secure data leaks. */
		cp->mem[i].bounce = calloc(1, cp->mem[i].size ? cp->mem[i].size
							      : 1);
		if (!cp->mem[i].bounce) {
			res = TEE_ERROR_OUT_OF_MEMORY;
			break;
		}
		cp->p[i].memref.buffer = cp->mem[i].bounce;
		if (type != TEE_PARAM_TYPE_MEMREF_OUTPUT)
			res = ns_buf_read(&cp->mem[i].ns, 0, cp->mem[i].bounce,
					  cp->mem[i].size);
	}
	if (res)
		msg_params_release(cp);
	return res;
}

TEE_Result msg_params_encode(struct tee_call_params *cp,
			     struct optee_msg_param *mp, size_t n,
			     TEE_Result ret)
{
	TEE_Result res = TEE_SUCCESS;

	for (size_t i = 0; i < n && i < TEE_NUM_PARAMS; i++) {
		uint32_t type = TEE_PARAM_TYPE_GET(cp->types, i);

		if (!is_output(type))
			continue;
		if (!is_memref(type)) {
			mp[i].u.value.a = cp->p[i].value.a;
			mp[i].u.value.b = cp->p[i].value.b;
			continue;
		}
		/* The TA may report a larger size (SHORT_BUFFER) or a smaller one. */
		if (ret == TEE_SUCCESS && cp->mem[i].bounce) {
			size_t len = cp->p[i].memref.size < cp->mem[i].size
					     ? cp->p[i].memref.size
					     : cp->mem[i].size;
			TEE_Result r = ns_buf_write(&cp->mem[i].ns, 0,
						    cp->mem[i].bounce, len);

			if (r && !res)
				res = r;
		}
		mp[i].u.rmem.size = cp->p[i].memref.size;
	}
	msg_params_release(cp);
	return res;
}
