/*
 * Whole 4 KiB pages for TA memory and TA translation tables. Pages come
 * back zeroed from the pool and are zeroed again when freed, so nothing a
 * TA leaves behind reaches the next user of the page.
 */
#ifndef MM_PAGE_POOL_H
#define MM_PAGE_POOL_H

#include <rampart/types.h>

#define PAGE_POOL_PAGE 4096u

struct page_pool {
	uint8_t *base;
	size_t pages;
	size_t free_pages;
	uint64_t *bitmap; /* bit set = in use */
	size_t hint;
	volatile uint32_t lock;
};

/* @bitmap must hold pages bits; @base must be page aligned. */
TEE_Result page_pool_init(struct page_pool *p, void *base, size_t pages,
			  uint64_t *bitmap);
/* n physically contiguous pages, zeroed; NULL if none. */
void *page_pool_alloc(struct page_pool *p, size_t n);
/* BAD_PARAMETERS for a range the pool does not own or that is not in use. */
TEE_Result page_pool_free(struct page_pool *p, void *pages, size_t n);

extern struct page_pool core_page_pool;

#endif
