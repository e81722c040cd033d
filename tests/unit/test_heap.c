/* The core heap: alignment, reuse, merging, exhaustion, bad frees. */
#include <mm/heap.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define ARENA (64 * 1024)

static struct heap *new_heap(uint8_t **arena)
{
	struct heap *h = calloc(1, sizeof(*h));

	*arena = aligned_alloc(16, ARENA);
	CHECK_EQ(heap_init(h, *arena, ARENA), TEE_SUCCESS);
	return h;
}

TEST(heap_alloc_is_aligned_and_disjoint)
{
	uint8_t *arena;
	struct heap *h = new_heap(&arena);
	uint8_t *a = heap_alloc(h, 1), *b = heap_alloc(h, 100),
		*c = heap_alloc(h, 4096);

	CHECK(a && b && c);
	CHECK(((uintptr_t)a | (uintptr_t)b | (uintptr_t)c) % 16 == 0);
	memset(a, 0xaa, 1);
	memset(b, 0xbb, 100);
	memset(c, 0xcc, 4096);
	CHECK(a + 1 <= b || b + 100 <= a);
	CHECK(b + 100 <= c || c + 4096 <= b);
	CHECK_EQ(a[0], 0xaa);
	CHECK_EQ(b[99], 0xbb);
	CHECK(a >= arena && c + 4096 <= arena + ARENA);
	free(h);
	free(arena);
}

TEST(heap_free_merges_so_everything_is_reusable)
{
	uint8_t *arena;
	struct heap *h = new_heap(&arena);
	size_t initial = h->bytes_free;
	void *p[50];

	for (int i = 0; i < 50; i++)
		CHECK((p[i] = heap_alloc(h, 1000)) != NULL);
	/* Free in an interleaved order to exercise both merge directions. */
	for (int i = 0; i < 50; i += 2)
		CHECK_EQ(heap_free(h, p[i]), TEE_SUCCESS);
	for (int i = 1; i < 50; i += 2)
		CHECK_EQ(heap_free(h, p[i]), TEE_SUCCESS);
	CHECK_EQ(h->bytes_free, initial);
	/* One block again covers (almost) the whole arena. */
	CHECK(heap_alloc(h, ARENA - 64) != NULL);
	free(h);
	free(arena);
}

TEST(heap_exhaustion_and_overflowing_sizes)
{
	uint8_t *arena;
	struct heap *h = new_heap(&arena);

	CHECK(heap_alloc(h, ARENA) == NULL);
	CHECK(heap_alloc(h, 0) == NULL);
	CHECK(heap_alloc(h, SIZE_MAX) == NULL);
	CHECK(heap_alloc(h, SIZE_MAX - 8) == NULL);
	CHECK(heap_calloc(h, SIZE_MAX / 2, 4) == NULL);
	CHECK(heap_calloc(h, 10, 10) != NULL);
	free(h);
	free(arena);
}

TEST(heap_rejects_double_and_foreign_frees)
{
	uint8_t *arena;
	struct heap *h = new_heap(&arena);
	uint8_t *a = heap_alloc(h, 64);
	int local;

	CHECK_EQ(heap_free(h, a), TEE_SUCCESS);
	CHECK_EQ(heap_free(h, a), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(heap_free(h, &local), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(heap_free(h, arena + 8), TEE_ERROR_BAD_PARAMETERS);
	a = heap_alloc(h, 64);
	CHECK_EQ(heap_free(h, a + 16), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(heap_free(h, NULL), TEE_SUCCESS);
	free(h);
	free(arena);
}
