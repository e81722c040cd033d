/* Heap checks: TEE_Malloc hints, TEE_Realloc, TEE_Free, malloc/calloc. */
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "mem_checks.h"

static bool all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

#define CHECK(cond)                                                            \
	do {                                                                   \
		(*run)++;                                                      \
		if (cond)                                                      \
			(*passed)++;                                           \
		else                                                           \
			EMSG("heap check failed: %s", #cond);                  \
	} while (0)

void gp13_heap_checks(size_t size, uint32_t *passed, uint32_t *run)
{
	uint8_t *a, *b, *c;
	void *z;

	*passed = 0;
	*run = 0;

	/* Dirty a block and free it so a later allocation may reuse it. */
	a = TEE_Malloc(size, TEE_USER_MEM_HINT_NO_FILL_ZERO);
	CHECK(a != NULL);
	if (!a)
		return;
	TEE_MemFill(a, 0xA5, size);
	TEE_Free(a);

	/* The default hint zeroes. */
	b = TEE_Malloc(size, TEE_MALLOC_FILL_ZERO);
	CHECK(b && all_bytes(b, size, 0));

	/* Realloc keeps the contents. */
	if (b) {
		TEE_MemFill(b, 0x3C, size);
		c = TEE_Realloc(b, size * 2 + 1);
		CHECK(c && all_bytes(c, size, 0x3C));
		b = c ? c : b;
	}
	TEE_Free(b);

	/* Unknown GP hint values below 0x80000000 give NULL. */
	z = TEE_Malloc(16, 0x40);
	CHECK(z == NULL);
	TEE_Free(z);

	/* Size 0 gives a usable, freeable pointer. */
	z = TEE_Malloc(0, TEE_MALLOC_FILL_ZERO);
	CHECK(z != NULL);
	TEE_Free(z);

	/* More than the heap: NULL, no panic. */
	CHECK(TEE_Malloc((size_t)1 << 40, TEE_MALLOC_FILL_ZERO) == NULL);

	/* The libc view of the same heap. */
	c = calloc(4, size);
	CHECK(c && all_bytes(c, 4 * size, 0));
	free(c);
	CHECK(calloc(SIZE_MAX / 2, 4) == NULL);

	/* TEE_MemCompare is -1/0/1 and TEE_MemMove handles overlap. */
	{
		uint8_t buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};
		const uint8_t want[8] = {1, 1, 2, 3, 4, 5, 6, 7};

		TEE_MemMove(buf + 1, buf, 7);
		CHECK(TEE_MemCompare(buf, want, sizeof(buf)) == 0);
		CHECK(TEE_MemCompare("a", "b", 1) == -1);
	}
}
