#include <mm/asid.h>

static bool is_used(const struct asid_allocator *a, uint32_t id)
{
	return a->used[id / 64] & BIT(id % 64);
}

TEE_Result asid_allocator_init(struct asid_allocator *a, unsigned int bits)
{
	if (bits != 8 && bits != 16)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < ARRAY_SIZE(a->used); i++)
		a->used[i] = 0;
	a->count = 1u << bits;
	a->used[0] = BIT(0); /* the core's */
	a->next = 1;
	a->in_use = 0;
	return TEE_SUCCESS;
}

TEE_Result asid_alloc(struct asid_allocator *a, uint16_t *asid)
{
	if (a->in_use == a->count - 1)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (uint32_t n = 0; n < a->count; n++) {
		uint32_t id = (a->next + n) % a->count;

		if (!is_used(a, id)) {
			a->used[id / 64] |= BIT(id % 64);
			a->in_use++;
			a->next = (id + 1) % a->count;
			*asid = (uint16_t)id;
			return TEE_SUCCESS;
		}
	}
	return TEE_ERROR_OUT_OF_MEMORY; /* unreachable while in_use is right */
}

TEE_Result asid_free(struct asid_allocator *a, uint16_t asid)
{
	if (asid == 0 || asid >= a->count || !is_used(a, asid))
		return TEE_ERROR_BAD_PARAMETERS;
	a->used[asid / 64] &= ~BIT(asid % 64);
	a->in_use--;
	return TEE_SUCCESS;
}
