/*
 * The TA heap: a first-fit allocator over ta_heap[TA_DATA_SIZE] (defined
 * per TA by the dev kit's user_ta_header.c). Chunks carry a 16-byte header
 * {size, tag}; the tag is the chunk address XORed with a magic that differs
 * for used and free chunks, so freeing a pointer that is not a live
 * allocation (double free, wild pointer, overwritten header) panics the TA
 * instead of corrupting the heap. Free chunks are kept in address order and
 * merged with their neighbours.
 *
 * A TA instance is single-threaded, so there is no locking.
 */
#include <compiler.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

#define CHUNK_ALIGN 16
#define HDR_SIZE 16
#define MIN_CHUNK 32 /* header + room for the free-list link */
#define USED_MAGIC ((uintptr_t)0x5553454455534544ULL)
#define FREE_MAGIC ((uintptr_t)0x4652454546524545ULL)

struct chunk {
	size_t size; /* whole chunk, header included, multiple of 16 */
	uintptr_t tag;
	struct chunk *next_free; /* only while free; overlaps the payload */
};

static uintptr_t heap_start;
static uintptr_t heap_end;
static struct chunk *free_list;
static bool heap_ready;

static void heap_init(void)
{
	uintptr_t s = ((uintptr_t)ta_heap + CHUNK_ALIGN - 1) &
		      ~(uintptr_t)(CHUNK_ALIGN - 1);
	uintptr_t e = ((uintptr_t)ta_heap + ta_heap_size) &
		      ~(uintptr_t)(CHUNK_ALIGN - 1);

	heap_ready = true;
	heap_start = s;
	heap_end = e;
	free_list = NULL;
	if (e > s && e - s >= MIN_CHUNK) {
		free_list = (struct chunk *)s;
		free_list->size = e - s;
		free_list->tag = s ^ FREE_MAGIC;
		free_list->next_free = NULL;
	}
}

static void mark_used(struct chunk *c)
{
	c->tag = (uintptr_t)c ^ USED_MAGIC;
}

static void mark_free(struct chunk *c)
{
	c->tag = (uintptr_t)c ^ FREE_MAGIC;
}

/* Chunk size for a request of n bytes; 0 when it cannot fit at all. */
static size_t chunk_size_for(size_t n)
{
	size_t need;

	if (n > heap_end - heap_start)
		return 0;
	need = (n + HDR_SIZE + CHUNK_ALIGN - 1) & ~(size_t)(CHUNK_ALIGN - 1);
	return need < MIN_CHUNK ? MIN_CHUNK : need;
}

/* The live chunk behind p, or a panic. */
static struct chunk *used_chunk(void *p)
{
	uintptr_t a = (uintptr_t)p - HDR_SIZE;
	struct chunk *c = (struct chunk *)a;

	if ((uintptr_t)p < heap_start + HDR_SIZE || (uintptr_t)p >= heap_end ||
	    (a & (CHUNK_ALIGN - 1)) || c->tag != (a ^ USED_MAGIC) ||
	    c->size < MIN_CHUNK || c->size > heap_end - a)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return c;
}

/* Puts c in the free list (address order) and merges it with neighbours. */
static void insert_free(struct chunk *c)
{
	struct chunk *prev = NULL;
	struct chunk *next = free_list;

	while (next && next < c) {
		prev = next;
		next = next->next_free;
	}
	mark_free(c);
	c->next_free = next;
	if (next && (uintptr_t)c + c->size == (uintptr_t)next) {
		c->size += next->size;
		c->next_free = next->next_free;
		next->tag = 0;
	}
	if (prev && (uintptr_t)prev + prev->size == (uintptr_t)c) {
		prev->size += c->size;
		prev->next_free = c->next_free;
		c->tag = 0;
	} else if (prev) {
		prev->next_free = c;
	} else {
		free_list = c;
	}
}

/* Gives the tail of a used chunk beyond `keep` bytes back to the heap. */
static void trim(struct chunk *c, size_t keep)
{
	struct chunk *rest;

	if (c->size - keep < MIN_CHUNK)
		return;
	rest = (struct chunk *)((uintptr_t)c + keep);
	rest->size = c->size - keep;
	c->size = keep;
	insert_free(rest);
}

static void *heap_alloc(size_t n)
{
	struct chunk **link;
	size_t need;

	if (!heap_ready)
		heap_init();
	need = chunk_size_for(n);
	if (!need)
		return NULL;
	for (link = &free_list; *link; link = &(*link)->next_free) {
		struct chunk *c = *link;

		if (c->size < need)
			continue;
		*link = c->next_free;
		mark_used(c);
		trim(c, need);
		return (void *)((uintptr_t)c + HDR_SIZE);
	}
	return NULL;
}

static void heap_free(void *p)
{
	if (!p)
		return;
	if (!heap_ready)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	insert_free(used_chunk(p));
}

static void *heap_realloc(void *p, size_t n)
{
	struct chunk *c;
	struct chunk **link;
	size_t need;
	void *np;

	if (!p)
		return heap_alloc(n);
	if (!heap_ready)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	c = used_chunk(p);
	need = chunk_size_for(n);
	if (!need)
		return NULL;
	if (c->size >= need) {
		trim(c, need);
		return p;
	}
	/* Grow in place into a free chunk right behind this one. */
	for (link = &free_list; *link; link = &(*link)->next_free) {
		struct chunk *f = *link;

		if ((uintptr_t)f < (uintptr_t)c + c->size)
			continue;
		if ((uintptr_t)f == (uintptr_t)c + c->size &&
		    c->size + f->size >= need) {
			*link = f->next_free;
			f->tag = 0;
			c->size += f->size;
			trim(c, need);
			return p;
		}
		break;
	}
	np = heap_alloc(n);
	if (!np)
		return NULL;
	memcpy(np, p, c->size - HDR_SIZE);
	insert_free(c);
	return np;
}

void *TEE_Malloc(size_t size, uint32_t hint)
{
	void *p;

	/* Values below 0x80000000 are GP's; only the defined ones pass. */
	if ((hint & 0x7FFFFFFFU) &
	    ~(uint32_t)(TEE_MALLOC_NO_FILL | TEE_MALLOC_NO_SHARE))
		return NULL;
	p = heap_alloc(size);
	if (p &&
	    !(hint & (TEE_MALLOC_NO_FILL | TEE_USER_MEM_HINT_NO_FILL_ZERO)))
		memset(p, 0, size);
	return p;
}

void *__GP11_TEE_Malloc(uint32_t size, uint32_t hint)
{
	return TEE_Malloc(size, hint);
}

void *TEE_Realloc(void *buffer, size_t newSize)
{
	return heap_realloc(buffer, newSize);
}

void *__GP11_TEE_Realloc(void *buffer, uint32_t newSize)
{
	return heap_realloc(buffer, newSize);
}

void TEE_Free(void *buffer)
{
	heap_free(buffer);
}

/* The C library's view of the same heap. */
void *malloc(size_t size)
{
	return heap_alloc(size);
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &total))
		return NULL;
	p = heap_alloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

void *realloc(void *ptr, size_t size)
{
	return heap_realloc(ptr, size);
}

void free(void *ptr)
{
	heap_free(ptr);
}
