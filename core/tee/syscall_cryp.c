/*
 * System calls for GP cryptographic objects and operations
 * (rampart/abi/utee_cryp.h): decoding and dispatch. This file decodes the
 * object calls and the arguments every call shares; syscall_cryp_op.c the
 * operation calls. The work is done in core/tee/cryp/.
 */
#include <kernel/log.h>
#include <kernel/user_access.h>
#include <mm/uspace.h>
#include <stdlib.h>
#include <string.h>
#include <tee/syscall_cryp.h>
#include <tee/user_ta.h>

#include "cryp/cryp_syscall.h"

static bool user_ok(uint64_t va, uint64_t len, bool write)
{
	return uspace_access_ok(user_ta_current_uspace(), va, len, write);
}

TEE_Result sc_span(uint64_t va, uint64_t len, bool write, struct cryp_span *s)
{
	if (!user_ok(va, len, write))
		return TEE_ERROR_ACCESS_DENIED;
	s->addr = va;
	s->len = len;
	return TEE_SUCCESS;
}

TEE_Result sc_get_u64(uint64_t va, uint64_t *v)
{
	if (!user_ok(va, sizeof(*v), true))
		return TEE_ERROR_ACCESS_DENIED;
	copy_from_user(v, va, sizeof(*v));
	return TEE_SUCCESS;
}

void sc_put_u64(uint64_t va, uint64_t v)
{
	copy_to_user(va, &v, sizeof(v));
}

TEE_Result sc_copy_in(void *dst, uint64_t va, size_t len)
{
	if (!user_ok(va, len, false))
		return TEE_ERROR_ACCESS_DENIED;
	if (len)
		copy_from_user(dst, va, len);
	return TEE_SUCCESS;
}

TEE_Result sc_copy_out(uint64_t va, const void *src, size_t len)
{
	if (!user_ok(va, len, true))
		return TEE_ERROR_ACCESS_DENIED;
	copy_to_user(va, src, len);
	return TEE_SUCCESS;
}

bool sc_u32(uint64_t v, uint32_t *out)
{
	*out = (uint32_t)v;
	return v <= UINT32_MAX;
}

TEE_Result sc_obj(struct cryp_inst *ci, uint64_t h, struct cryp_obj **o)
{
	uint32_t v;

	if (!sc_u32(h, &v))
		return TEE_ERROR_BAD_STATE;
	return cryp_obj_get(ci, v, o);
}

TEE_Result sc_op(struct cryp_inst *ci, uint64_t h, struct cryp_op **op)
{
	uint32_t v;

	if (!sc_u32(h, &v))
		return TEE_ERROR_BAD_STATE;
	return cryp_op_get(ci, v, op);
}

void sc_attrs_free(struct sc_attrs *at)
{
	for (size_t i = 0; i < at->n; i++)
		if (at->in[i].buf) {
			crypto_wipe((void *)(uintptr_t)at->in[i].buf,
				    at->in[i].len);
			free((void *)(uintptr_t)at->in[i].buf);
		}
	at->n = 0;
}

TEE_Result sc_attrs_decode(uint64_t va, uint64_t count, struct sc_attrs *at)
{
	struct utee_attribute ua[CRYP_MAX_ATTR_PARAMS];
	TEE_Result res;

	at->n = 0;
	if (count > CRYP_MAX_ATTR_PARAMS)
		return TEE_ERROR_BAD_FORMAT;
	res = sc_copy_in(ua, va, count * sizeof(ua[0]));
	if (res)
		return res;
	for (size_t i = 0; i < count; i++) {
		struct cryp_attr_in *in = &at->in[i];
		uint8_t *buf;

		memset(in, 0, sizeof(*in)); /* sc_attrs_free() may see it */
		in->id = ua[i].attribute_id;
		if (in->id & TEE_ATTR_FLAG_VALUE) {
			if (!sc_u32(ua[i].a, &in->a) ||
			    !sc_u32(ua[i].b, &in->b))
				res = TEE_ERROR_BAD_FORMAT;
		} else if (ua[i].b > CRYP_MAX_ATTR_LEN) {
			res = TEE_ERROR_BAD_FORMAT; /* more than any key */
		} else if (!user_ok(ua[i].a, ua[i].b, false)) {
			res = TEE_ERROR_ACCESS_DENIED;
		} else {
			buf = malloc(ua[i].b ? ua[i].b : 1);
			if (!buf) {
				res = TEE_ERROR_OUT_OF_MEMORY;
			} else {
				copy_from_user(buf, ua[i].a, ua[i].b);
				in->buf = buf;
				in->len = ua[i].b;
			}
		}
		at->n = i + 1;
		if (res) {
			sc_attrs_free(at);
			return res;
		}
	}
	return TEE_SUCCESS;
}

static TEE_Result sys_obj_alloc(struct cryp_inst *ci, const uint64_t a[6])
{
	uint32_t type, max, h = 0;
	TEE_Result res;

	if (!sc_u32(a[0], &type) || !sc_u32(a[1], &max))
		return TEE_ERROR_NOT_SUPPORTED;
	if (!user_ok(a[2], sizeof(h), true))
		return TEE_ERROR_ACCESS_DENIED;
	res = cryp_obj_alloc(ci, type, max, &h);
	if (!res)
		copy_to_user(a[2], &h, sizeof(h));
	return res;
}

static TEE_Result sys_obj_attrs(struct cryp_inst *ci, uint64_t nr,
				const uint64_t a[6])
{
	struct sc_attrs at;
	struct cryp_obj *o;
	uint32_t key_size = 0;
	TEE_Result res = sc_obj(ci, a[0], &o);

	if (res)
		return res;
	if (nr == UTEE_SYS_CRYP_OBJ_POPULATE)
		res = sc_attrs_decode(a[1], a[2], &at);
	else if (!sc_u32(a[1], &key_size))
		res = TEE_ERROR_BAD_FORMAT;
	else
		res = sc_attrs_decode(a[2], a[3], &at);
	if (res)
		return res;
	if (nr == UTEE_SYS_CRYP_OBJ_POPULATE)
		res = cryp_obj_populate(ci, o, at.in, at.n);
	else
		res = cryp_obj_generate(ci, o, key_size, at.in, at.n);
	sc_attrs_free(&at);
	return res;
}

static TEE_Result sys_obj_get_attr(struct cryp_inst *ci, const uint64_t a[6])
{
	const struct cryp_attr *attr;
	struct cryp_obj *o;
	uint32_t id, val[2];
	uint64_t cap;
	size_t need;
	TEE_Result res = sc_obj(ci, a[0], &o);

	if (res)
		return res;
	if (!sc_u32(a[1], &id))
		return TEE_ERROR_ITEM_NOT_FOUND;
	res = sc_get_u64(a[3], &cap);
	if (!res)
		res = cryp_obj_read_attr(o, id, &attr);
	if (res)
		return res;
	need = (id & TEE_ATTR_FLAG_VALUE) ? sizeof(val) : attr->len;
	if (cap < need) {
		sc_put_u64(a[3], need);
		return TEE_ERROR_SHORT_BUFFER;
	}
	if (id & TEE_ATTR_FLAG_VALUE) {
		val[0] = attr->a;
		val[1] = attr->b;
		res = sc_copy_out(a[2], val, sizeof(val));
	} else {
		res = sc_copy_out(a[2], attr->buf, need);
	}
	if (!res)
		sc_put_u64(a[3], need);
	return res;
}

static TEE_Result syscall_cryp_obj(struct cryp_inst *ci, uint64_t nr,
				   const uint64_t a[6])
{
	struct utee_object_info info;
	struct cryp_obj *o, *src;
	uint32_t usage;
	TEE_Result res;

	if (nr == UTEE_SYS_CRYP_OBJ_ALLOC)
		return sys_obj_alloc(ci, a);
	if (nr == UTEE_SYS_CRYP_OBJ_POPULATE ||
	    nr == UTEE_SYS_CRYP_OBJ_GENERATE)
		return sys_obj_attrs(ci, nr, a);
	if (nr == UTEE_SYS_CRYP_OBJ_GET_ATTR)
		return sys_obj_get_attr(ci, a);
	res = sc_obj(ci, a[0], &o);
	if (res)
		return res;
	switch (nr) {
	case UTEE_SYS_CRYP_OBJ_CLOSE:
		cryp_obj_close(ci, (uint32_t)a[0]);
		return TEE_SUCCESS;
	case UTEE_SYS_CRYP_OBJ_RESET:
		if (o->flags & TEE_HANDLE_FLAG_PERSISTENT)
			return TEE_ERROR_BAD_STATE; /* transient objects only */
		cryp_obj_reset(ci, o);
		return TEE_SUCCESS;
	case UTEE_SYS_CRYP_OBJ_COPY:
		res = sc_obj(ci, a[1], &src);
		return res ? res : cryp_obj_copy_attrs(ci, o, src);
	case UTEE_SYS_CRYP_OBJ_GET_INFO:
		cryp_obj_info(o, &info);
		return sc_copy_out(a[1], &info, sizeof(info));
	case UTEE_SYS_CRYP_OBJ_RESTRICT_USAGE:
		if (!sc_u32(a[1], &usage))
			return TEE_ERROR_BAD_FORMAT;
		o->usage &= usage;
		return TEE_SUCCESS;
	}
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result syscall_cryp(uint64_t nr, const uint64_t a[6])
{
	struct cryp_inst *ci = cryp_inst_get(user_ta_current_cryp_state());
	TEE_Result res;

	if (!ci)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (nr >= UTEE_SYS_CRYP_OBJ_ALLOC && nr <= UTEE_SYS_CRYP_OBJ_GET_ATTR)
		res = syscall_cryp_obj(ci, nr, a);
	else if (nr >= UTEE_SYS_CRYP_ASYM_ENCRYPT &&
		 nr <= UTEE_SYS_CRYP_DERIVE_KEY)
		res = syscall_cryp_asym(ci, nr, a);
	else
		res = syscall_cryp_op(ci, nr, a);
	/* What libutee turns into a panic is worth a line in the log. */
	if (res == TEE_ERROR_BAD_STATE || res == TEE_ERROR_BAD_FORMAT ||
	    res == TEE_ERROR_ACCESS_DENIED)
		core_log("cryp: system call %lu refused: 0x%x", nr, res);
	return res;
}

void syscall_cryp_instance_free(void *state)
{
	cryp_inst_free(state);
}
