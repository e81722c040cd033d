/*
 * Transient objects: a type, a maximum size, usage flags and attributes,
 * all in core memory. Every change is prepared completely (checked,
 * allocated) before the object is touched, so a failing call leaves it as
 * it was. Secret bytes are wiped before their memory is freed.
 *
 * Persistent objects (trusted storage) will share the handle table and
 * this structure, with TEE_HANDLE_FLAG_PERSISTENT set.
 */
#include <stdlib.h>
#include <string.h>

#include "cryp_asym.h"

#define USAGE_DEFAULT 0xffffffffu

static void free_attrs(struct cryp_attr *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (a[i].buf) {
			crypto_wipe(a[i].buf, a[i].len);
			free(a[i].buf);
		}
		memset(&a[i], 0, sizeof(a[i]));
	}
}

/* Copies @n attributes into @dst (zeroed by the caller), charging them. */
static TEE_Result dup_attrs(struct cryp_inst *ci, struct cryp_attr *dst,
			    const struct cryp_attr_in *src, size_t n,
			    size_t *charged)
{
	size_t total = 0;

	for (size_t i = 0; i < n; i++)
		total += src[i].len; /* each <= CRYP_MAX_ATTR_LEN, n small */
	if (!cryp_charge(ci, total))
		return TEE_ERROR_OUT_OF_MEMORY;
	for (size_t i = 0; i < n; i++) {
		dst[i].id = src[i].id;
		dst[i].a = src[i].a;
		dst[i].b = src[i].b;
		if (src[i].id & TEE_ATTR_FLAG_VALUE)
			continue;
		dst[i].len = src[i].len;
		/* One byte at least, so an empty attribute is still present. */
		dst[i].buf = malloc(src[i].len ? src[i].len : 1);
		if (!dst[i].buf) {
			free_attrs(dst, i + 1);
			cryp_uncharge(ci, total);
			return TEE_ERROR_OUT_OF_MEMORY;
		}
		memcpy(dst[i].buf, src[i].buf, src[i].len);
	}
	*charged = total;
	return TEE_SUCCESS;
}

/* Installs prepared attributes in place of the object's. */
static void install(struct cryp_inst *ci, struct cryp_obj *o,
		    struct cryp_attr *attrs, size_t n, size_t charged,
		    uint32_t size)
{
	free_attrs(o->attr, o->num_attrs);
	cryp_uncharge(ci, o->charged - sizeof(*o));
	memcpy(o->attr, attrs, n * sizeof(*attrs));
	o->num_attrs = n;
	o->charged = sizeof(*o) + charged;
	o->size = size;
	o->flags |= TEE_HANDLE_FLAG_INITIALIZED;
}

TEE_Result cryp_obj_alloc(struct cryp_inst *ci, uint32_t type,
			  uint32_t max_size, uint32_t *handle)
{
	const struct cryp_type *ti = cryp_type_find(type);
	struct cryp_obj *o;
	TEE_Result res;

	if (!ti || !cryp_type_max_ok(ti, max_size))
		return TEE_ERROR_NOT_SUPPORTED;
	if (!cryp_charge(ci, sizeof(*o)))
		return TEE_ERROR_OUT_OF_MEMORY;
	o = calloc(1, sizeof(*o));
	if (!o) {
		cryp_uncharge(ci, sizeof(*o));
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	o->type = type;
	o->max_size = max_size;
	o->usage = USAGE_DEFAULT;
	o->ti = ti;
	o->charged = sizeof(*o);
	res = cryp_table_add(&ci->objs, o, handle);
	if (res)
		cryp_obj_destroy(ci, o);
	return res;
}

TEE_Result cryp_obj_get(struct cryp_inst *ci, uint32_t handle,
			struct cryp_obj **o)
{
	*o = cryp_table_get(&ci->objs, handle);
	return *o ? TEE_SUCCESS : TEE_ERROR_BAD_STATE;
}

void cryp_obj_destroy(struct cryp_inst *ci, struct cryp_obj *o)
{
	if (!o)
		return;
	free_attrs(o->attr, o->num_attrs);
	cryp_uncharge(ci, o->charged);
	crypto_wipe(o, sizeof(*o));
	free(o);
}

void cryp_obj_close(struct cryp_inst *ci, uint32_t handle)
{
	struct cryp_obj *o = cryp_table_get(&ci->objs, handle);

	cryp_table_remove(&ci->objs, handle);
	cryp_obj_destroy(ci, o);
}

void cryp_obj_reset(struct cryp_inst *ci, struct cryp_obj *o)
{
	free_attrs(o->attr, o->num_attrs);
	cryp_uncharge(ci, o->charged - sizeof(*o));
	o->charged = sizeof(*o);
	o->num_attrs = 0;
	o->size = 0;
	o->usage = USAGE_DEFAULT;
	o->flags &= ~TEE_HANDLE_FLAG_INITIALIZED;
}

TEE_Result cryp_obj_populate(struct cryp_inst *ci, struct cryp_obj *o,
			     const struct cryp_attr_in *attrs, size_t n)
{
	struct cryp_attr tmp[CRYP_MAX_ATTRS] = {0};
	uint32_t size = 0;
	size_t charged = 0;
	TEE_Result res;

	if (o->flags &
	    (TEE_HANDLE_FLAG_INITIALIZED | TEE_HANDLE_FLAG_PERSISTENT))
		return TEE_ERROR_BAD_STATE;
	if (n > CRYP_MAX_ATTRS)
		return TEE_ERROR_BAD_FORMAT; /* more than the type has */
	res = cryp_type_check_populate(o->ti, o->max_size, attrs, n, &size);
	if (!res)
		res = dup_attrs(ci, tmp, attrs, n, &charged);
	if (res)
		return res;
	install(ci, o, tmp, n, charged, size);
	return TEE_SUCCESS;
}

TEE_Result cryp_obj_generate(struct cryp_inst *ci, struct cryp_obj *o,
			     uint32_t key_size,
			     const struct cryp_attr_in *params, size_t n)
{
	static const uint32_t secret_ids[] = {
		TEE_ATTR_SECRET_VALUE, TEE_ATTR_HKDF_IKM, TEE_ATTR_CONCAT_KDF_Z,
		TEE_ATTR_PBKDF2_PASSWORD};
	struct cryp_attr tmp[CRYP_MAX_ATTRS] = {0};
	uint8_t key[4096 / 8]; /* the largest secret type */
	struct cryp_attr_in in = {0};
	size_t charged = 0;
	TEE_Result res;

	(void)params;
	if (o->flags &
	    (TEE_HANDLE_FLAG_INITIALIZED | TEE_HANDLE_FLAG_PERSISTENT))
		return TEE_ERROR_BAD_STATE;
	if (!cryp_type_can_generate(o->ti))
		return cryp_obj_generate_asym(ci, o, key_size, params, n);
	/* Secret keys take no parameters; GP: a bad size is a panic. */
	if (n || key_size > o->max_size ||
	    !cryp_type_size_ok(o->ti, key_size) || key_size / 8 > sizeof(key))
		return TEE_ERROR_BAD_FORMAT;
	/* The type's one attribute: SECRET_VALUE or a KDF input. */
	for (size_t k = 0; k < ARRAY_SIZE(secret_ids) && !in.id; k++)
		if (cryp_type_has_attr(o->ti, secret_ids[k]))
			in.id = secret_ids[k];
	in.len = key_size / 8;
	in.buf = key;
	res = crypto_rng_read(key, in.len);
	if (!res && cryp_type_is_des(o->ti))
		crypto_des_set_parity(key, in.len);
	if (!res)
		res = dup_attrs(ci, tmp, &in, 1, &charged);
	crypto_wipe(key, sizeof(key));
	if (res)
		return res;
	install(ci, o, tmp, 1, charged, key_size);
	return TEE_SUCCESS;
}

TEE_Result cryp_obj_copy_attrs(struct cryp_inst *ci, struct cryp_obj *dst,
			       const struct cryp_obj *src)
{
	struct cryp_attr_in in[CRYP_MAX_ATTRS];
	struct cryp_attr tmp[CRYP_MAX_ATTRS] = {0};
	size_t n = 0, charged = 0;
	TEE_Result res;

	if (dst->flags &
	    (TEE_HANDLE_FLAG_INITIALIZED | TEE_HANDLE_FLAG_PERSISTENT))
		return TEE_ERROR_BAD_STATE;
	if (!(src->flags & TEE_HANDLE_FLAG_INITIALIZED))
		return TEE_ERROR_BAD_STATE;
	if (!cryp_type_copy_ok(dst->ti, src->ti) || src->size > dst->max_size)
		return TEE_ERROR_BAD_FORMAT;
	/* Only what the destination type has: a key pair's public half. */
	for (size_t i = 0; i < src->num_attrs; i++) {
		const struct cryp_attr *a = &src->attr[i];

		if (!cryp_type_has_attr(dst->ti, a->id))
			continue;
		in[n] = (struct cryp_attr_in){.id = a->id,
					      .a = a->a,
					      .b = a->b,
					      .buf = a->buf,
					      .len = a->len};
		n++;
	}
	res = dup_attrs(ci, tmp, in, n, &charged);
	if (res)
		return res;
	install(ci, dst, tmp, n, charged, src->size);
	/* Never more rights than the source had. */
	dst->usage &= src->usage;
	return TEE_SUCCESS;
}

void cryp_obj_info(const struct cryp_obj *o, struct utee_object_info *info)
{
	memset(info, 0, sizeof(*info));
	info->obj_type = o->type;
	info->obj_size = o->size;
	info->max_obj_size = o->max_size;
	info->obj_usage = o->usage;
	info->handle_flags = o->flags;
}

const struct cryp_attr *cryp_obj_attr(const struct cryp_obj *o, uint32_t id)
{
	for (size_t i = 0; i < o->num_attrs; i++)
		if (o->attr[i].id == id)
			return &o->attr[i];
	return NULL;
}

TEE_Result cryp_obj_read_attr(const struct cryp_obj *o, uint32_t id,
			      const struct cryp_attr **a)
{
	if (!(o->flags & TEE_HANDLE_FLAG_INITIALIZED))
		return TEE_ERROR_BAD_STATE;
	*a = cryp_obj_attr(o, id);
	if (!*a)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (!(id & TEE_ATTR_FLAG_PUBLIC) && !(o->usage & TEE_USAGE_EXTRACTABLE))
		return TEE_ERROR_ACCESS_DENIED;
	return TEE_SUCCESS;
}

TEE_Result cryp_obj_dup(struct cryp_inst *ci, const struct cryp_obj *src,
			struct cryp_obj **dup)
{
	struct cryp_attr_in in[CRYP_MAX_ATTRS];
	struct cryp_obj *o;
	size_t charged = 0;
	TEE_Result res;

	if (!cryp_charge(ci, sizeof(*o)))
		return TEE_ERROR_OUT_OF_MEMORY;
	o = calloc(1, sizeof(*o));
	if (!o) {
		cryp_uncharge(ci, sizeof(*o));
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	for (size_t i = 0; i < src->num_attrs; i++)
		in[i] = (struct cryp_attr_in){.id = src->attr[i].id,
					      .a = src->attr[i].a,
					      .b = src->attr[i].b,
					      .buf = src->attr[i].buf,
					      .len = src->attr[i].len};
	res = dup_attrs(ci, o->attr, in, src->num_attrs, &charged);
	if (res) {
		cryp_uncharge(ci, sizeof(*o));
		free(o);
		return res;
	}
	o->type = src->type;
	o->max_size = src->max_size;
	o->size = src->size;
	o->usage = src->usage;
	o->flags = src->flags & TEE_HANDLE_FLAG_INITIALIZED;
	o->ti = src->ti;
	o->num_attrs = src->num_attrs;
	o->charged = sizeof(*o) + charged;
	*dup = o;
	return TEE_SUCCESS;
}
