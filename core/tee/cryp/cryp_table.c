/*
 * Handle tables and the per-instance crypto state. A handle is
 * kind (2 bits) | generation (14 bits) | slot index + 1 (16 bits): never 0,
 * never a core address, and stale as soon as its slot is freed (the
 * generation moves on). Tables belong to one TA instance, so a handle of
 * another instance can only ever name one of the caller's own objects.
 */
#include <stdlib.h>
#include <string.h>

#include "cryp.h"

#define KIND_OBJ 1u
#define KIND_OP 2u
#define GEN_MASK 0x3fffu

static uint32_t make_handle(uint32_t kind, uint16_t gen, uint32_t idx)
{
	return kind << 30 | (uint32_t)(gen & GEN_MASK) << 16 | (idx + 1);
}

struct cryp_inst *cryp_inst_get(void **state)
{
	struct cryp_inst *ci;

	if (!state)
		return NULL;
	if (*state)
		return *state;
	ci = calloc(1, sizeof(*ci));
	if (!ci)
		return NULL;
	ci->objs.kind = KIND_OBJ;
	ci->objs.max = CRYP_MAX_OBJECTS;
	ci->ops.kind = KIND_OP;
	ci->ops.max = CRYP_MAX_OPERATIONS;
	*state = ci;
	return ci;
}

bool cryp_charge(struct cryp_inst *ci, size_t n)
{
	if (n > CRYP_MEM_BUDGET || ci->mem_used > CRYP_MEM_BUDGET - n)
		return false;
	ci->mem_used += n;
	return true;
}

void cryp_uncharge(struct cryp_inst *ci, size_t n)
{
	ci->mem_used = n > ci->mem_used ? 0 : ci->mem_used - n;
}

static TEE_Result grow(struct cryp_table *t)
{
	uint32_t cap = t->cap ? t->cap * 2 : 16;
	void **slot;
	uint16_t *gen;

	if (cap > t->max)
		cap = t->max;
	if (cap <= t->cap)
		return TEE_ERROR_OUT_OF_MEMORY;
	slot = calloc(cap, sizeof(*slot));
	gen = calloc(cap, sizeof(*gen));
	if (!slot || !gen) {
		free(slot);
		free(gen);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	if (t->cap) {
		memcpy(slot, t->slot, t->cap * sizeof(*slot));
		memcpy(gen, t->gen, t->cap * sizeof(*gen));
	}
	free(t->slot);
	free(t->gen);
	t->slot = slot;
	t->gen = gen;
	t->cap = cap;
	return TEE_SUCCESS;
}

TEE_Result cryp_table_add(struct cryp_table *t, void *p, uint32_t *handle)
{
	uint32_t i;

	for (i = 0; i < t->cap && t->slot[i]; i++)
		;
	if (i == t->cap) {
		TEE_Result res = grow(t);

		if (res)
			return res;
	}
	t->slot[i] = p;
	*handle = make_handle(t->kind, t->gen[i], i);
	return TEE_SUCCESS;
}

void *cryp_table_get(const struct cryp_table *t, uint32_t handle)
{
	uint32_t idx = (handle & 0xffffu) - 1;

	if (handle >> 30 != t->kind || idx >= t->cap || !t->slot[idx] ||
	    (handle >> 16 & GEN_MASK) != (t->gen[idx] & GEN_MASK))
		return NULL;
	return t->slot[idx];
}

void cryp_table_remove(struct cryp_table *t, uint32_t handle)
{
	uint32_t idx = (handle & 0xffffu) - 1;

	if (!cryp_table_get(t, handle))
		return;
	t->slot[idx] = NULL;
	t->gen[idx]++;
}

void cryp_inst_free(struct cryp_inst *ci)
{
	if (!ci)
		return;
	for (uint32_t i = 0; i < ci->ops.cap; i++)
		if (ci->ops.slot[i])
			cryp_op_free(ci,
				     make_handle(KIND_OP, ci->ops.gen[i], i));
	for (uint32_t i = 0; i < ci->objs.cap; i++)
		if (ci->objs.slot[i])
			cryp_obj_close(
				ci, make_handle(KIND_OBJ, ci->objs.gen[i], i));
	free(ci->ops.slot);
	free(ci->ops.gen);
	free(ci->objs.slot);
	free(ci->objs.gen);
	free(ci);
}
