/* The TA page pool: contiguity, exhaustion, zeroing, bad frees. */
#include <mm/page_pool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define N 64

TEST(page_pool_alloc_free_zeroes)
{
	uint8_t *mem = aligned_alloc(4096, N * 4096);
	uint64_t bitmap[1];
	struct page_pool p;
	uint8_t *a, *b, *c;

	memset(mem, 0xee, N * 4096);
	CHECK_EQ(page_pool_init(&p, mem, N, bitmap), TEE_SUCCESS);
	a = page_pool_alloc(&p, 3);
	b = page_pool_alloc(&p, 60);
	CHECK(a && b);
	CHECK_EQ(a[0], 0);
	CHECK_EQ(b[60 * 4096 - 1], 0);
	CHECK(page_pool_alloc(&p, 2) == NULL); /* only 1 left */
	c = page_pool_alloc(&p, 1);
	CHECK(c != NULL);
	CHECK_EQ(p.free_pages, 0);
	memset(a, 0x5a, 3 * 4096);
	CHECK_EQ(page_pool_free(&p, a, 3), TEE_SUCCESS);
	/* Freed pages are zeroed before anyone can get them again. */
	a = page_pool_alloc(&p, 3);
	CHECK(a != NULL);
	for (size_t i = 0; i < 3 * 4096; i++)
		if (a[i]) {
			CHECK(!"page not zeroed");
			break;
		}
	free(mem);
}

TEST(page_pool_rejects_bad_frees)
{
	uint8_t *mem = aligned_alloc(4096, N * 4096);
	uint64_t bitmap[1];
	struct page_pool p;
	uint8_t *a;

	CHECK_EQ(page_pool_init(&p, mem, N, bitmap), TEE_SUCCESS);
	a = page_pool_alloc(&p, 2);
	CHECK_EQ(page_pool_free(&p, a + 8, 1), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(page_pool_free(&p, a, 3), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(page_pool_free(&p, mem + N * 4096, 1), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(page_pool_free(&p, a, 2), TEE_SUCCESS);
	CHECK_EQ(page_pool_free(&p, a, 2), TEE_ERROR_BAD_PARAMETERS);
	CHECK(page_pool_alloc(&p, 0) == NULL);
	CHECK(page_pool_alloc(&p, N + 1) == NULL);
	CHECK_EQ(p.free_pages, N);
	free(mem);
}
