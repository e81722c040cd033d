/* ASID allocation, exhaustion and rollover. */
#include <mm/asid.h>
#include <stdlib.h>

#include "harness.h"

TEST(asid_never_hands_out_zero_and_exhausts)
{
	struct asid_allocator *a = calloc(1, sizeof(*a));
	uint16_t id;
	uint8_t seen[256] = {0};

	CHECK_EQ(asid_allocator_init(a, 8), TEE_SUCCESS);
	for (int i = 0; i < 255; i++) {
		CHECK_EQ(asid_alloc(a, &id), TEE_SUCCESS);
		CHECK(id != 0);
		CHECK(!seen[id]);
		seen[id] = 1;
	}
	CHECK_EQ(asid_alloc(a, &id), TEE_ERROR_OUT_OF_MEMORY);
	free(a);
}

TEST(asid_rollover_reuses_freed_ids_in_order)
{
	struct asid_allocator *a = calloc(1, sizeof(*a));
	uint16_t id;

	CHECK_EQ(asid_allocator_init(a, 8), TEE_SUCCESS);
	for (int i = 0; i < 255; i++)
		CHECK_EQ(asid_alloc(a, &id), TEE_SUCCESS);
	CHECK_EQ(id, 255);
	CHECK_EQ(asid_free(a, 7), TEE_SUCCESS);
	CHECK_EQ(asid_free(a, 3), TEE_SUCCESS);
	/* Next-fit wraps past 255 (skipping 0) and finds 3 before 7. */
	CHECK_EQ(asid_alloc(a, &id), TEE_SUCCESS);
	CHECK_EQ(id, 3);
	CHECK_EQ(asid_alloc(a, &id), TEE_SUCCESS);
	CHECK_EQ(id, 7);
	CHECK_EQ(asid_alloc(a, &id), TEE_ERROR_OUT_OF_MEMORY);
	free(a);
}

TEST(asid_next_fit_does_not_reuse_immediately)
{
	struct asid_allocator *a = calloc(1, sizeof(*a));
	uint16_t first, second;

	CHECK_EQ(asid_allocator_init(a, 16), TEE_SUCCESS);
	CHECK_EQ(asid_alloc(a, &first), TEE_SUCCESS);
	CHECK_EQ(asid_free(a, first), TEE_SUCCESS);
	CHECK_EQ(asid_alloc(a, &second), TEE_SUCCESS);
	/* A just-freed ASID rests until the allocator wraps. */
	CHECK(second != first);
	CHECK_EQ(a->count, 65536);
	free(a);
}

TEST(asid_free_rejects_invalid)
{
	struct asid_allocator *a = calloc(1, sizeof(*a));
	uint16_t id;

	CHECK_EQ(asid_allocator_init(a, 12), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(asid_allocator_init(a, 8), TEE_SUCCESS);
	CHECK_EQ(asid_free(a, 0), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(asid_free(a, 5), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(asid_free(a, 256), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(asid_alloc(a, &id), TEE_SUCCESS);
	CHECK_EQ(asid_free(a, id), TEE_SUCCESS);
	CHECK_EQ(asid_free(a, id), TEE_ERROR_BAD_PARAMETERS); /* double free */
	CHECK_EQ(a->in_use, 0);
	free(a);
}
