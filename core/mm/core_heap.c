/* The core's malloc: everything between the image and the end of its region. */
#include <kernel/log.h>
#include <mm/heap.h>
#include <platform_config.h>

struct heap core_heap;
extern const uint8_t __core_end[];

void core_heap_init(void)
{
	uint64_t start = (uint64_t)__core_end;
	uint64_t end = PLAT_CORE_BASE + PLAT_CORE_SIZE;

	if (heap_init(&core_heap, (void *)start, end - start))
		panic("no room for the core heap");
	core_log("heap: %lu KiB", (end - start) / 1024);
}

void *malloc(size_t size) { return heap_alloc(&core_heap, size); }

void *calloc(size_t n, size_t size) { return heap_calloc(&core_heap, n, size); }

void free(void *p)
{
	if (heap_free(&core_heap, p))
		panic("heap: bad free of %p", p);
}
