/*
 * The core's heap: first-fit over an address-ordered free list, neighbours
 * merged on free. Small and auditable rather than fast; hot paths should
 * not allocate.
 */
#ifndef MM_HEAP_H
#define MM_HEAP_H

#include <rampart/types.h>

struct heap_free_block;

struct heap {
	uint8_t *base;
	size_t size;
	struct heap_free_block *free_list;
	size_t bytes_free;
	volatile uint32_t lock;
};

TEE_Result heap_init(struct heap *h, void *base, size_t size);
/* NULL for size 0 or when nothing fits. 16-byte aligned. */
void *heap_alloc(struct heap *h, size_t size);
void *heap_calloc(struct heap *h, size_t n, size_t size);
/*
 * NULL is a no-op. BAD_PARAMETERS for a pointer the heap never handed out
 * or one already freed: callers in the core treat that as a broken
 * invariant.
 */
TEE_Result heap_free(struct heap *h, void *p);

/* The core's own heap (core/mm/heap.c). */
extern struct heap core_heap;
void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void free(void *p);

#endif
