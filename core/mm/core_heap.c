/* The core's malloc: everything between the image and the end of its region. */
#include <kernel/log.h>
#include <mm/heap.h>
#include <mm/page_pool.h>
#include <platform_config.h>

struct heap core_heap;
struct page_pool core_page_pool;
extern const uint8_t __core_end[];

/* The top of the core's region holds whole pages for TAs. */
#define PAGE_POOL_SIZE (6u * 1024 * 1024)
static uint64_t page_pool_bitmap[PAGE_POOL_SIZE / PAGE_POOL_PAGE / 64];

void core_heap_init(void)
{
	uint64_t start = (uint64_t)__core_end;
	uint64_t end = PLAT_CORE_BASE + PLAT_CORE_SIZE;
	uint64_t pool = end - PAGE_POOL_SIZE;

	if (pool <= start || heap_init(&core_heap, (void *)start, pool - start))
		panic("no room for the core heap");
	if (page_pool_init(&core_page_pool, (void *)pool,
			   PAGE_POOL_SIZE / PAGE_POOL_PAGE, page_pool_bitmap))
		panic("no room for the TA page pool");
	core_log("heap: %lu KiB, TA page pool: %u KiB", (pool - start) / 1024,
		 PAGE_POOL_SIZE / 1024);
}

void *malloc(size_t size) { return heap_alloc(&core_heap, size); }

void *calloc(size_t n, size_t size) { return heap_calloc(&core_heap, n, size); }

void free(void *p)
{
	if (heap_free(&core_heap, p))
		panic("heap: bad free of %p", p);
}
