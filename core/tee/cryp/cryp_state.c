/*
 * Operations: allocation, keys, info, reset and copy, common to every
 * class; the class-specific halves are in cryp_<class>.c behind struct
 * cryp_class_ops. An operation keeps private copies of its key objects, so
 * the TA may free or reset those after TEE_SetOperationKey.
 */
#include <stdlib.h>
#include <string.h>

#include "cryp_asym.h"

static const struct cryp_class_ops *class_ops(uint32_t op_class)
{
	switch (op_class) {
	case TEE_OPERATION_DIGEST:
		return &cryp_hash_ops;
	case TEE_OPERATION_CIPHER:
		return &cryp_cipher_ops;
	case TEE_OPERATION_MAC:
		return &cryp_mac_ops;
	case TEE_OPERATION_AE:
		return &cryp_ae_ops;
	}
	return cryp_asym_class(op_class) ? &cryp_asym_ops : NULL;
}

static bool mode_ok(const struct cryp_alg *alg, uint32_t mode)
{
	switch (alg->op_class) {
	case TEE_OPERATION_DIGEST:
		return mode == TEE_MODE_DIGEST;
	case TEE_OPERATION_MAC:
		return mode == TEE_MODE_MAC;
	case TEE_OPERATION_CIPHER:
	case TEE_OPERATION_AE:
		return mode == TEE_MODE_ENCRYPT || mode == TEE_MODE_DECRYPT;
	}
	return cryp_asym_mode_ok(alg, mode);
}

static uint32_t required_usage(const struct cryp_alg *alg, uint32_t mode)
{
	switch (alg->op_class) {
	case TEE_OPERATION_MAC:
		return TEE_USAGE_MAC;
	case TEE_OPERATION_CIPHER:
	case TEE_OPERATION_AE:
		return mode == TEE_MODE_ENCRYPT ? TEE_USAGE_ENCRYPT
						: TEE_USAGE_DECRYPT;
	}
	return cryp_asym_class(alg->op_class) ? cryp_asym_usage(mode) : 0;
}

static bool two_keys(const struct cryp_op *op)
{
	return op->alg->flags & CRYP_ALG_TWO_KEYS;
}

/* The largest size one key of the operation may have. */
static uint32_t max_key_bits(const struct cryp_op *op)
{
	return two_keys(op) ? op->max_key_size / 2 : op->max_key_size;
}

TEE_Result cryp_op_alloc(struct cryp_inst *ci, uint32_t algo, uint32_t mode,
			 uint32_t max_key_size, uint32_t *handle)
{
	const struct cryp_alg *alg = cryp_alg_find(algo);
	const size_t cost = sizeof(struct cryp_op) + CRYP_OP_BACKEND_COST;
	struct cryp_op *op;
	TEE_Result res;

	if (!alg || !mode_ok(alg, mode))
		return TEE_ERROR_NOT_SUPPORTED;
	if (alg->op_class != TEE_OPERATION_DIGEST) {
		const struct cryp_type *ti = cryp_type_find(alg->key_type);
		uint32_t per_key = max_key_size;

		if (alg->flags & CRYP_ALG_TWO_KEYS) {
			if (max_key_size % 2)
				return TEE_ERROR_NOT_SUPPORTED;
			per_key /= 2;
		}
		if (!ti || !cryp_type_max_ok(ti, per_key))
			return TEE_ERROR_NOT_SUPPORTED;
	}
	if (!cryp_charge(ci, cost))
		return TEE_ERROR_OUT_OF_MEMORY;
	op = calloc(1, sizeof(*op));
	if (!op) {
		cryp_uncharge(ci, cost);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	op->alg = alg;
	op->ops = class_ops(alg->op_class);
	op->mode = mode;
	op->max_key_size = max_key_size;
	op->required_usage = required_usage(alg, mode);
	op->digest_len = alg->out_len;
	op->charged = cost;
	if (alg->flags & CRYP_ALG_TWO_KEYS)
		op->handle_state |= TEE_HANDLE_FLAG_EXPECT_TWO_KEYS;
	/* A digest needs no key and is always ready for data. */
	if (alg->op_class == TEE_OPERATION_DIGEST)
		op->handle_state |=
			TEE_HANDLE_FLAG_KEY_SET | TEE_HANDLE_FLAG_INITIALIZED;
	res = op->ops->alloc(op);
	if (res) {
		op->ops->free(op);
		free(op);
		cryp_uncharge(ci, cost);
		return res;
	}
	op->ops->reset(ci, op);
	res = cryp_table_add(&ci->ops, op, handle);
	if (res) {
		op->ops->free(op);
		free(op);
		cryp_uncharge(ci, cost);
	}
	return res;
}

TEE_Result cryp_op_get(struct cryp_inst *ci, uint32_t handle,
		       struct cryp_op **op)
{
	*op = cryp_table_get(&ci->ops, handle);
	return *op ? TEE_SUCCESS : TEE_ERROR_BAD_STATE;
}

static void drop_keys(struct cryp_inst *ci, struct cryp_op *op)
{
	for (int i = 0; i < 2; i++) {
		cryp_obj_destroy(ci, op->key[i]);
		op->key[i] = NULL;
	}
	op->key_size = 0;
	op->handle_state &= ~TEE_HANDLE_FLAG_KEY_SET;
}

void cryp_op_free(struct cryp_inst *ci, uint32_t handle)
{
	struct cryp_op *op = cryp_table_get(&ci->ops, handle);

	if (!op)
		return;
	cryp_table_remove(&ci->ops, handle);
	op->ops->reset(ci, op); /* gives back buffers charged to ci */
	op->ops->free(op);
	drop_keys(ci, op);
	cryp_uncharge(ci, op->charged);
	memset(op, 0, sizeof(*op));
	free(op);
}

void cryp_op_info(const struct cryp_op *op, struct utee_operation_info *info)
{
	memset(info, 0, sizeof(*info));
	info->algorithm = op->alg->algo;
	info->operation_class = op->alg->op_class;
	info->mode = op->mode;
	info->digest_length = op->digest_len;
	info->max_key_size = op->max_key_size;
	info->handle_state = op->handle_state;
	info->operation_state = op->op_state;
	info->required_key_usage = op->required_usage;
	if (op->alg->op_class != TEE_OPERATION_DIGEST)
		info->number_of_keys = two_keys(op) ? 2 : 1;
	for (int i = 0; i < 2; i++)
		info->key_size[i] = op->key[i] ? op->key[i]->size : 0;
}

TEE_Result cryp_op_reset(struct cryp_inst *ci, struct cryp_op *op)
{
	if (!(op->handle_state & TEE_HANDLE_FLAG_KEY_SET))
		return TEE_ERROR_BAD_STATE;
	op->ops->reset(ci, op);
	return TEE_SUCCESS;
}

static TEE_Result check_key(const struct cryp_op *op, const struct cryp_obj *k)
{
	if (!(k->flags & TEE_HANDLE_FLAG_INITIALIZED))
		return TEE_ERROR_BAD_STATE;
	if (!cryp_alg_key_type_ok(op->alg, k->type) ||
	    k->size > max_key_bits(op))
		return TEE_ERROR_BAD_FORMAT;
	/* Sign, decrypt and derive need the key pair. */
	if (cryp_asym_class(op->alg->op_class) &&
	    !cryp_asym_key_ok(op->alg, op->mode, k->type))
		return TEE_ERROR_BAD_FORMAT;
	if ((k->usage & op->required_usage) != op->required_usage)
		return TEE_ERROR_ACCESS_DENIED;
	return TEE_SUCCESS;
}

static bool same_secret(const struct cryp_obj *a, const struct cryp_obj *b)
{
	const struct cryp_attr *x = cryp_obj_attr(a, TEE_ATTR_SECRET_VALUE);
	const struct cryp_attr *y = cryp_obj_attr(b, TEE_ATTR_SECRET_VALUE);

	return x && y && x->len == y->len &&
	       crypto_ct_equal(x->buf, y->buf, x->len);
}

TEE_Result cryp_op_set_key(struct cryp_inst *ci, struct cryp_op *op,
			   const struct cryp_obj *k1, const struct cryp_obj *k2,
			   bool gp11)
{
	struct cryp_obj *d1 = NULL, *d2 = NULL;
	TEE_Result res;

	if (op->alg->op_class == TEE_OPERATION_DIGEST)
		return TEE_ERROR_BAD_FORMAT;
	/* GP 1.1: not while active; GP 1.3: not once initialized. */
	if (gp11 ? op->op_state != TEE_OPERATION_STATE_INITIAL
		 : (op->handle_state & TEE_HANDLE_FLAG_INITIALIZED))
		return TEE_ERROR_BAD_STATE;
	if (!k1 && !k2) {
		drop_keys(ci, op);
		op->ops->reset(ci, op);
		return TEE_SUCCESS;
	}
	if (!k1 || two_keys(op) != (k2 != NULL))
		return TEE_ERROR_BAD_FORMAT;
	res = check_key(op, k1);
	if (!res && k2)
		res = check_key(op, k2);
	if (res)
		return res;
	if (k2 && k1->size != k2->size)
		return TEE_ERROR_BAD_FORMAT;
	/* XTS with twice the same key is no XTS (IEEE 1619). */
	if (k2 && same_secret(k1, k2))
		return TEE_ERROR_SECURITY;
	res = cryp_obj_dup(ci, k1, &d1);
	if (!res && k2)
		res = cryp_obj_dup(ci, k2, &d2);
	if (res) {
		cryp_obj_destroy(ci, d1);
		return res;
	}
	drop_keys(ci, op);
	op->key[0] = d1;
	op->key[1] = d2;
	op->key_size = k1->size;
	op->handle_state |= TEE_HANDLE_FLAG_KEY_SET;
	op->ops->reset(ci, op);
	return TEE_SUCCESS;
}

TEE_Result cryp_op_copy(struct cryp_inst *ci, struct cryp_op *dst,
			const struct cryp_op *src)
{
	struct cryp_obj *d[2] = {NULL, NULL};
	TEE_Result res = TEE_SUCCESS;

	if (dst == src)
		return TEE_SUCCESS;
	if (dst->alg != src->alg || dst->mode != src->mode)
		return TEE_ERROR_BAD_FORMAT;
	if (src->key[0] && src->key_size > max_key_bits(dst))
		return TEE_ERROR_BAD_FORMAT;
	for (int i = 0; i < 2 && !res; i++)
		if (src->key[i])
			res = cryp_obj_dup(ci, src->key[i], &d[i]);
	if (res) {
		cryp_obj_destroy(ci, d[0]);
		return res;
	}
	drop_keys(ci, dst);
	dst->ops->reset(ci, dst);
	dst->key[0] = d[0];
	dst->key[1] = d[1];
	dst->key_size = src->key_size;
	res = dst->ops->copy(ci, dst, src);
	if (res) {
		/* Out of memory in the backend: dst stays reset, keyless. */
		drop_keys(ci, dst);
		dst->ops->reset(ci, dst);
		return res;
	}
	dst->handle_state = src->handle_state;
	dst->op_state = src->op_state;
	dst->digest_len = src->digest_len;
	return TEE_SUCCESS;
}

const struct cryp_attr *cryp_op_secret(const struct cryp_op *op, int i)
{
	return op->key[i] ? cryp_obj_attr(op->key[i], TEE_ATTR_SECRET_VALUE)
			  : NULL;
}

TEE_Result cryp_op_check(const struct cryp_op *op, uint32_t cls,
			 bool need_initialized)
{
	if (op->alg->op_class != cls)
		return TEE_ERROR_BAD_FORMAT;
	if (need_initialized &&
	    !(op->handle_state & TEE_HANDLE_FLAG_INITIALIZED))
		return TEE_ERROR_BAD_STATE;
	return TEE_SUCCESS;
}
